import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/contracts/dates.js';
import type { College } from '../src/contracts/juries.js';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The jury's outcome on the candidacy answer (issue 13, point 7): the current decision of the
 * last session that decided on it — its branch staff and training organisation read it once
 * posted, its candidate only once the minutes are sealed; employers and evaluators never. The
 * session is convened, attended, deliberated, its minutes signed and sealed through the services;
 * the award comes from the close and is then revoked.
 */
let t: TestApp;
let f: Factories;
let candidacyId: string;
let juryId: string;
let members: { id: string; email: string; displayName: string; college: College }[];
const signed: Record<'manager' | 'trainer' | 'candidate' | 'evaluator' | 'otherTrainer', Signed> =
  {} as never;

async function juryOf(who: Signed) {
  const res = await t.app.inject({
    url: `/api/v1/candidacies/${candidacyId}`,
    headers: { cookie: who.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().jury;
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const branch = await f.newBranch();
  const org = await f.newOrganisation('training_org');
  const otherOrg = await f.newOrganisation('training_org');
  const cert = await f.newEnrollableCertification([branch.id], [org.id]);
  await f.newJuryRules(branch.id);
  const date = today();
  // The president's college alternates by year (the default rules: employers in even years).
  const presidentCollege: College = Number(date.slice(0, 4)) % 2 === 0 ? 'employers' : 'employees';
  members = [await f.newJuryMember(cert.id, 'employers'), await f.newJuryMember(cert.id, 'employees')];
  const sign = async (role: Parameters<Factories['newUser']>[0], scope = {}) =>
    signIn(t.app, (await f.newUser(role, scope)).email, TEST_PASSWORD);
  signed.manager = await sign('branch_manager', { branchId: branch.id });
  signed.trainer = await sign('training_org', { organisationId: org.id });
  signed.otherTrainer = await sign('training_org', { organisationId: otherOrg.id });
  const ready = await f.newReadyCandidacy(cert.id, org.id);
  candidacyId = ready.id;
  signed.evaluator = await signIn(t.app, (ready.evaluators[0] as { email: string }).email, TEST_PASSWORD);
  const candidateUser = await f.newUser('candidate');
  const { candidateId } = await t.services.candidacies.get(candidacyId, SYSTEM_ADMIN);
  await t.db
    .updateTable('candidates')
    .set({ user_id: candidateUser.id })
    .where('id', '=', candidateId)
    .execute();
  signed.candidate = await signIn(t.app, candidateUser.email, TEST_PASSWORD);

  ({ id: juryId } = await f.newJury({
    certificationIds: [cert.id],
    date,
    members: members.map((m) => ({
      userId: m.id,
      role: m.college === presidentCollege ? 'president' : 'member',
    })),
    candidacyIds: [candidacyId],
  }));
  await t.services.juries.putAttendance(
    juryId,
    { members: members.map((m) => ({ userId: m.id, presence: 'present' as const })) },
    SYSTEM_ADMIN,
    'test',
  );
}, 180_000);

afterAll(() => t?.close());

describe('the jury’s outcome on a candidacy', () => {
  it('none before any decision', async () => {
    expect(await juryOf(signed.manager)).toBeNull();
    expect(await juryOf(signed.candidate)).toBeNull();
  });

  it('once posted: the branch staff and the training organisation read it; the candidate and the evaluator do not yet', async () => {
    await t.services.juries.decide(
      juryId,
      {
        candidacyId,
        blocs: [
          { code: 'BC01', validated: true },
          { code: 'BC02', validated: false },
        ],
        outcome: 'partial',
        reasons: 'Bloc 2 : mises en situation insuffisantes.',
        recommendations: 'Repasser le bloc 2 après une période en entreprise.',
      },
      SYSTEM_ADMIN,
      'test',
    );
    const expected = {
      juryId,
      date: today(),
      outcome: 'partial',
      blocs: [
        { code: 'BC01', validated: true, carried: false },
        { code: 'BC02', validated: false, carried: false },
      ],
      reasons: 'Bloc 2 : mises en situation insuffisantes.',
      recommendations: 'Repasser le bloc 2 après une période en entreprise.',
      award: null,
    };
    expect(await juryOf(signed.manager)).toEqual(expected);
    expect(await juryOf(signed.trainer)).toEqual(expected);
    expect(await juryOf(signed.candidate)).toBeNull();
    expect(await juryOf(signed.evaluator)).toBeNull();
    // Another training organisation does not read the candidacy at all.
    const other = await t.app.inject({
      url: `/api/v1/candidacies/${candidacyId}`,
      headers: { cookie: signed.otherTrainer.cookie },
    });
    expect(other.statusCode).toBe(404);
  });

  it('a correction replaces the current decision', async () => {
    const current = await juryOf(signed.manager);
    const session = await t.services.juries.get(juryId, SYSTEM_ADMIN);
    const decision = session.candidacies[0]?.decision;
    expect(decision?.outcome).toBe(current.outcome);
    const president = session.members.find((m) => m.role === 'president');
    const presidentActor = f.actorFor(
      { id: president?.userId as string, email: 'president@test.qualif.test' },
      'jury_member',
    );
    await t.services.juries.decide(
      juryId,
      {
        candidacyId,
        blocs: [
          { code: 'BC01', validated: true },
          { code: 'BC02', validated: false },
        ],
        outcome: 'partial',
        reasons: 'Bloc 2 : mises en situation insuffisantes.',
        recommendations: 'Repasser le bloc 2 dans les douze mois.',
        replaces: decision?.id as string,
        correctionReason: 'Recommandation précisée.',
      },
      presidentActor,
      'test',
    );
    expect((await juryOf(signed.trainer)).recommendations).toBe('Repasser le bloc 2 dans les douze mois.');
  });

  it('once the minutes are sealed, the candidate reads it too; the close adds the award, a revocation marks it', async () => {
    // Minutes generated, then signed by the president and the members present: the last signature seals.
    const { sha256 } = await t.services.juryMinutes.generate(juryId, SYSTEM_ADMIN, 'test');
    for (const [i, m] of members.entries()) {
      expect(await juryOf(signed.candidate), 'not before the seal').toBeNull();
      const { sealed } = await t.services.juryMinutes.sign(
        juryId,
        { sha256 },
        f.actorFor(m, 'jury_member'),
        'test',
      );
      expect(sealed).toBe(i === members.length - 1);
    }
    // The candidate is told by email that a result is there (jury-notifications.ts), once.
    const mails = await t.db
      .selectFrom('jobs')
      .select('idempotency_key')
      .where('idempotency_key', 'like', `jury.outcome_available:${juryId}:%`)
      .execute();
    expect(mails.map((m) => m.idempotency_key)).toEqual([`jury.outcome_available:${juryId}:${candidacyId}`]);
    const sealed = await juryOf(signed.candidate);
    expect(sealed).toMatchObject({
      outcome: 'partial',
      recommendations: 'Repasser le bloc 2 dans les douze mois.',
    });
    expect(sealed.award).toBeNull();
    expect(await juryOf(signed.evaluator)).toBeNull();

    const { awards } = await t.services.awards.close(juryId, SYSTEM_ADMIN, 'test');
    expect(awards).toHaveLength(1);
    const award = awards[0] as { id: string; number: string };
    for (const who of [signed.candidate, signed.manager, signed.trainer])
      expect((await juryOf(who)).award).toEqual({
        id: award.id,
        number: award.number,
        kind: 'partial',
        revoked: false,
      });

    await t.services.awards.revoke(award.id, { reason: 'Erreur matérielle (test).' }, SYSTEM_ADMIN, 'test');
    expect((await juryOf(signed.candidate)).award).toMatchObject({ number: award.number, revoked: true });
  });
});
