import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { type Factories, factories } from './factories.js';
import { mailByJobsEnv, type Received, type SmtpPeer, startSmtpPeer, subjectOf } from './smtp-peer.js';
import { createTestApp, type TestApp } from './support.js';

/**
 * The jury's emails (issue 13, point 7), sent by the job runner to a real SMTP server on
 * 127.0.0.1: « votre résultat est disponible » to the candidate (nothing of the result in it),
 * the revocation of an award, and the reminders to a branch's managers of candidacies waiting
 * for a jury longer than the branch's rules allow — run with a clock passed in, once per
 * candidacy and period.
 */
let smtp: SmtpPeer;
let t: TestApp;
let f: Factories;
let manager: { id: string; email: string };
let waiting: string;
const DAY = 86_400_000;

async function mailsTo(address: string, subject: RegExp, count: number): Promise<Received[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = smtp.received.filter((m) => m.to.includes(address) && subject.test(subjectOf(m)));
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ demo: false, env: mailByJobsEnv(smtp) });
  f = factories(t.services);
  const branch = await f.newBranch();
  const org = await f.newOrganisation('training_org');
  const cert = await f.newEnrollableCertification([branch.id], [org.id]);
  await f.newJuryRules(branch.id, { content: { reminderAfterDays: 30 } });
  manager = await f.newUser('branch_manager', { branchId: branch.id });
  waiting = (await f.newReadyCandidacy(cert.id, org.id)).id;
}, 180_000);

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('reminders of candidacies waiting for a jury', () => {
  it('nothing before the branch’s delay; then one email per manager, once per candidacy and period', async () => {
    const { remind } = t.services.juryNotifications;
    const now = Date.now();
    expect(await remind(new Date(now + 29 * DAY))).toEqual({ candidacies: 0, mails: 0 });
    expect(await remind(new Date(now + 31 * DAY))).toEqual({ candidacies: 1, mails: 1 });
    // Again the same day, later in the period: nothing new.
    expect(await remind(new Date(now + 31 * DAY))).toEqual({ candidacies: 0, mails: 0 });
    expect(await remind(new Date(now + 45 * DAY))).toEqual({ candidacies: 0, mails: 0 });
    const [mail] = await mailsTo(manager.email, /attend un jury/, 1);
    expect(mail?.text).toContain('depuis plus de 30 jours');
    expect(mail?.text).toContain('http://qualif.test/jurys/nouveau');
    // The next period reminds it again.
    expect(await remind(new Date(now + 61 * DAY))).toEqual({ candidacies: 1, mails: 1 });
    expect(await mailsTo(manager.email, /attend un jury/, 2)).toHaveLength(2);
    const rows = await t.db
      .selectFrom('jury_reminders')
      .select(['period'])
      .where('candidacy_id', '=', waiting)
      .orderBy('period')
      .execute();
    expect(rows.map((r) => r.period)).toEqual([1, 2]);
  });

  it('a candidacy no longer ready for the jury is not reminded', async () => {
    await t.services.candidacies.transition(
      waiting,
      { event: 'put_on_hold', reason: 'Pause (test).' },
      SYSTEM_ADMIN,
      'test',
    );
    expect(await t.services.juryNotifications.remind(new Date(Date.now() + 91 * DAY))).toEqual({
      candidacies: 0,
      mails: 0,
    });
  });
});

describe('the candidate’s jury emails', () => {
  it('« votre résultat est disponible » once the session is sealed, with no result in it; the revocation of an award', async () => {
    const branch = await f.newBranch();
    const org = await f.newOrganisation('training_org');
    const cert = await f.newEnrollableCertification([branch.id], [org.id]);
    const ready = await f.newReadyCandidacy(cert.id, org.id);
    const { candidateId } = await t.services.candidacies.get(ready.id, SYSTEM_ADMIN);
    const candidate = await t.db
      .selectFrom('candidates')
      .select('email')
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();
    const rules = await f.newJuryRules(branch.id);
    // A sealed session with one decision, as the seal leaves it (jury-minutes.service.ts).
    const jury = await t.db
      .insertInto('juries')
      .values({
        convening_branch_id: branch.id,
        rules_id: rules.id,
        date: '2026-06-15',
        place: 'Paris',
        status: 'sealed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('jury_certifications')
      .values({ jury_id: jury.id, certification_id: cert.id })
      .execute();
    await t.db.insertInto('jury_candidacies').values({ jury_id: jury.id, candidacy_id: ready.id }).execute();
    await t.db
      .insertInto('jury_decisions')
      .values({
        jury_id: jury.id,
        candidacy_id: ready.id,
        blocs: JSON.stringify([
          { code: 'BC01', validated: true, carried: false },
          { code: 'BC02', validated: false, carried: false },
        ]),
        outcome: 'partial',
        reasons: 'Motif confidentiel (test).',
        posted_by: manager.id,
        posted_as: 'secretary',
      })
      .execute();
    await t.db.transaction().execute((trx) => t.services.juryNotifications.outcomeAvailable(trx, jury.id));
    const [mail] = await mailsTo(candidate.email as string, /Votre résultat est disponible/, 1);
    expect(mail?.text).toContain('votre résultat est disponible');
    expect(mail?.text).toContain('http://qualif.test/mon-parcours');
    for (const secret of ['partiel', 'Motif confidentiel', 'BC01', 'validé'])
      expect(mail?.text).not.toContain(secret);

    const { awards } = await t.services.awards.close(jury.id, SYSTEM_ADMIN, 'test');
    const award = awards[0] as { id: string; number: string };
    // The revocation emails the candidate (awards.service.ts calls awardRevoked): the number, not the reason.
    await t.services.awards.revoke(
      award.id,
      { reason: 'Fraude (motif confidentiel, test).' },
      SYSTEM_ADMIN,
      'test',
    );
    const revoked = await mailsTo(candidate.email as string, /a été retirée/, 1);
    expect(revoked).toHaveLength(1);
    expect(revoked[0]?.text).toContain(award.number);
    expect(revoked[0]?.text).not.toContain('Fraude');
  });
});
