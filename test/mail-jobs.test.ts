import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_TEMPLATE_NAMES, MAIL_TEMPLATE_REFS } from '../src/platform/mail-templates.js';
import { type Factories, factories } from './factories.js';
import { mailByJobsEnv, type Received, type SmtpPeer, startSmtpPeer, subjectOf } from './smtp-peer.js';
import { createTestApp, type TestApp } from './support.js';
import { waitUntil } from './wait.js';

/**
 * Emails through the job runner (`mail.send`) to a real SMTP server on 127.0.0.1: enqueued in
 * the caller's transaction, sent once it commits, retried while the server is down, sent once.
 */
let smtp: SmtpPeer;
let t: TestApp;
let recipient: { id: string; email: string };
let f: Factories;
let cert: { id: string };

const CERTIFICATION = 'CQP Conducteur de ligne';

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ demo: false, env: mailByJobsEnv(smtp) });
  f = factories(t.services);
  const user = await f.newUser('candidate');
  recipient = { id: user.id, email: user.email };
  cert = await f.newEnrollableCertification([(await f.newBranch()).id]);
  await t.db.updateTable('certifications').set({ title: CERTIFICATION }).where('id', '=', cert.id).execute();
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/**
 * A real candidacy at a new training organisation of that name, enrolled on 2026-12-01 (the
 * candidates module loads the email's values from it at send time); its candidate has no email,
 * so the enrolment itself sends nothing and the test's own mails are the only ones.
 */
async function newEnrolment(organisationName: string) {
  const org = await f.newOrganisation('training_org', organisationName);
  await f.newHabilitation(cert.id, { organisationId: org.id });
  const { id } = await f.newCandidacy({
    certificationId: cert.id,
    trainingOrganisationId: org.id,
    enrolledOn: '2026-12-01',
    candidate: f.newCandidate({ email: undefined }),
  });
  return id;
}

const enrolmentMail = (
  candidacyId: string,
  to: { kind: 'user'; id: string } = { kind: 'user', id: recipient.id },
) => ({
  template: 'candidacy.enrolled' as const,
  to,
  refs: { candidacyId },
});

const mailsAbout = (organisationName: string): Received[] =>
  smtp.received.filter((m) => m.text.includes(`par ${organisationName}.`));

const jobOf = (id: string) =>
  t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('mail.send jobs over SMTP', () => {
  it('enqueued in a committed transaction → delivered, in French, to the address looked up at send time; the job holds no address', async () => {
    const candidacyId = await newEnrolment('Organisme Bêta');
    const { id } = await t.db
      .transaction()
      .execute((trx) => t.services.mail.enqueue(trx, enrolmentMail(candidacyId)));
    const [mail] = await waitUntil(() => {
      const got = mailsAbout('Organisme Bêta');
      return got.length > 0 ? got : undefined;
    }, 'the enrolment email');
    expect(mail?.to).toEqual([recipient.email]);
    expect(mail?.from).toBe('no-reply@qualif.localhost');
    expect(subjectOf(mail as Received)).toBe(`Votre inscription au ${CERTIFICATION}`);
    expect(mail?.text).toContain(
      `Votre inscription au ${CERTIFICATION} a été enregistrée le mardi 1 décembre 2026`,
    );
    expect(mail?.text).toContain('http://qualif.test/');
    const job = await waitUntil(async () => {
      const row = await jobOf(id);
      return row.state === 'done' ? row : undefined;
    }, 'the job done');
    expect(job.attempts).toBe(1);
    expect(JSON.stringify(job.payload)).not.toContain(recipient.email);
    expect(job.payload).toEqual({
      template: 'candidacy.enrolled',
      to: { kind: 'user', id: recipient.id },
      refs: { candidacyId },
    });
  });

  it('enqueued in a rolled-back transaction (a failed enrolment) → nothing is sent', async () => {
    const rolledBack = await newEnrolment('Organisme Annulé');
    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.services.mail.enqueue(trx, enrolmentMail(rolledBack));
        throw new Error('enrolment refused');
      }),
    ).rejects.toThrow('enrolment refused');
    // A later mail goes through: the runner polled past the moment the first would have gone.
    const later = await newEnrolment('Organisme Suivant');
    await t.db.transaction().execute((trx) => t.services.mail.enqueue(trx, enrolmentMail(later)));
    await waitUntil(() => mailsAbout('Organisme Suivant').length === 1, 'the later email');
    expect(mailsAbout('Organisme Annulé')).toEqual([]);
    const rows = await t.db.selectFrom('jobs').select('payload').execute();
    expect(JSON.stringify(rows)).not.toContain(rolledBack);
  });

  it('SMTP down → the job is retried, then delivered once when the server is back, and never again', async () => {
    await smtp.down();
    const candidacyId = await newEnrolment('Organisme Patient');
    const { id } = await t.db.transaction().execute((trx) =>
      t.services.mail.enqueue(trx, enrolmentMail(candidacyId), {
        idempotencyKey: `candidacy.enrolled:${candidacyId}`,
      }),
    );
    const failing = await waitUntil(async () => {
      const row = await jobOf(id);
      return row.attempts >= 2 && row.state === 'pending' ? row : undefined;
    }, 'two failed attempts');
    expect(failing.last_error).toMatch(/ECONNREFUSED/);
    expect(failing.last_error).not.toContain(recipient.email);
    expect(mailsAbout('Organisme Patient')).toEqual([]);
    // The same event enqueued again while it waits: still one job.
    const again = await t.services.mail.enqueue(t.db, enrolmentMail(candidacyId), {
      idempotencyKey: `candidacy.enrolled:${candidacyId}`,
    });
    expect(again).toEqual({ id, created: false });

    await smtp.up();
    await waitUntil(async () => (await jobOf(id)).state === 'done', 'the job done once SMTP is back');
    expect(mailsAbout('Organisme Patient')).toHaveLength(1);
    // Many polls later, still one.
    const polls = Date.now() + 1_500;
    await waitUntil(() => Date.now() > polls, 'more polls');
    expect(mailsAbout('Organisme Patient')).toHaveLength(1);
    expect((await jobOf(id)).attempts).toBeGreaterThanOrEqual(3);
  });

  it('a recipient without an address (an unknown account) or records gone → nothing sent, the job done', async () => {
    const gone = crypto.randomUUID();
    const nobody = await t.services.mail.enqueue(
      t.db,
      enrolmentMail(await newEnrolment('Organisme Personne'), {
        kind: 'user',
        id: crypto.randomUUID(),
      }),
    );
    const noValues = await t.services.mail.enqueue(t.db, enrolmentMail(gone));
    const marker = await newEnrolment('Organisme Témoin');
    await t.services.mail.enqueue(t.db, enrolmentMail(marker));
    await waitUntil(() => mailsAbout('Organisme Témoin').length === 1, 'the witness email');
    await waitUntil(
      async () => (await jobOf(nobody.id)).state === 'done' && (await jobOf(noValues.id)).state === 'done',
      'both jobs done',
    );
    expect(mailsAbout('Organisme Personne')).toEqual([]);
  });

  it('every template has its values loader: unknown records → the job done, nothing sent (a missing loader would retry it)', async () => {
    const enqueued = await Promise.all(
      MAIL_TEMPLATE_NAMES.map((template) =>
        t.services.mail.enqueue(t.db, {
          template,
          to: { kind: 'user', id: recipient.id },
          // Every ref is an id (unknown ones), or a date (`on`: the day a reminder is for).
          refs: Object.fromEntries(
            Object.keys(MAIL_TEMPLATE_REFS[template].shape).map((k) => [
              k,
              k === 'on' ? '2000-01-01' : crypto.randomUUID(),
            ]),
          ) as never,
        }),
      ),
    );
    for (const { id } of enqueued) {
      const row = await waitUntil(async () => {
        const r = await jobOf(id);
        return r.state === 'done' || (r.attempts >= 1 && r.state !== 'running') ? r : undefined;
      }, 'the job tried');
      expect({ state: row.state, error: row.last_error }).toEqual({ state: 'done', error: null });
    }
  });

  it('refuses refs that do not fit the template, and an address in the payload', async () => {
    await expect(
      t.services.mail.enqueue(t.db, {
        template: 'assessment.scheduled',
        to: { kind: 'user', id: recipient.id },
        refs: { candidacyId: crypto.randomUUID() } as never,
      }),
    ).rejects.toThrow(/invalid payload/);
    await expect(
      t.services.mail.enqueue(t.db, {
        template: 'candidacy.enrolled',
        to: { kind: 'user', id: recipient.email } as never,
        refs: { candidacyId: crypto.randomUUID() },
      }),
    ).rejects.toThrow(/invalid payload/);
  });
});
