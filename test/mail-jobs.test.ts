import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailRefs } from '../src/platform/mail-templates.js';
import { factories } from './factories.js';
import { type Received, type SmtpPeer, startSmtpPeer, subjectOf } from './smtp-peer.js';
import { createTestApp, type TestApp } from './support.js';
import { waitUntil } from './wait.js';

/**
 * Emails through the job runner (`mail.send`) to a real SMTP server on 127.0.0.1: enqueued in
 * the caller's transaction, sent once it commits, retried while the server is down, sent once.
 */
let smtp: SmtpPeer;
let t: TestApp;
let recipient: { id: string; email: string };

const CERTIFICATION = 'CQP Conducteur de ligne';
/** What the candidates module will load from the ids at send time; here, from a fixed table. */
const enrolments = new Map<
  string,
  { certificationTitle: string; enrolledOn: string; organisationName: string }
>();

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({
    demo: false,
    env: {
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://qualif.test',
      JOBS_POLL_INTERVAL_MS: '100',
      JOBS_RETRY_BASE_SECONDS: '1',
    },
  });
  const user = await factories(t.services).newUser('candidate');
  recipient = { id: user.id, email: user.email };
  t.services.mail.provideValues('candidacy.enrolled', async (refs: MailRefs<'candidacy.enrolled'>) =>
    enrolments.get(refs.candidacyId),
  );
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** A new candidacy id with its values, as an enrolment would commit them. */
function newEnrolment(organisationName = 'Centre de formation Alpha') {
  const candidacyId = crypto.randomUUID();
  enrolments.set(candidacyId, {
    certificationTitle: CERTIFICATION,
    enrolledOn: '2026-12-01',
    organisationName,
  });
  return candidacyId;
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
    const candidacyId = newEnrolment('Organisme Bêta');
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
    const rolledBack = newEnrolment('Organisme Annulé');
    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.services.mail.enqueue(trx, enrolmentMail(rolledBack));
        throw new Error('enrolment refused');
      }),
    ).rejects.toThrow('enrolment refused');
    // A later mail goes through: the runner polled past the moment the first would have gone.
    const later = newEnrolment('Organisme Suivant');
    await t.db.transaction().execute((trx) => t.services.mail.enqueue(trx, enrolmentMail(later)));
    await waitUntil(() => mailsAbout('Organisme Suivant').length === 1, 'the later email');
    expect(mailsAbout('Organisme Annulé')).toEqual([]);
    const rows = await t.db.selectFrom('jobs').select('payload').execute();
    expect(JSON.stringify(rows)).not.toContain(rolledBack);
  });

  it('SMTP down → the job is retried, then delivered once when the server is back, and never again', async () => {
    await smtp.down();
    const candidacyId = newEnrolment('Organisme Patient');
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
      enrolmentMail(newEnrolment('Organisme Personne'), {
        kind: 'user',
        id: crypto.randomUUID(),
      }),
    );
    const noValues = await t.services.mail.enqueue(t.db, enrolmentMail(gone));
    const marker = newEnrolment('Organisme Témoin');
    await t.services.mail.enqueue(t.db, enrolmentMail(marker));
    await waitUntil(() => mailsAbout('Organisme Témoin').length === 1, 'the witness email');
    await waitUntil(
      async () => (await jobOf(nobody.id)).state === 'done' && (await jobOf(noValues.id)).state === 'done',
      'both jobs done',
    );
    expect(mailsAbout('Organisme Personne')).toEqual([]);
  });

  it('a template whose values nobody provides is retried, not lost (the module may come with the next deploy)', async () => {
    const key = `assessment.scheduled:${crypto.randomUUID()}`;
    const { id } = await t.services.mail.enqueue(
      t.db,
      {
        template: 'assessment.scheduled',
        to: { kind: 'user', id: recipient.id },
        refs: { candidacyId: crypto.randomUUID(), assessmentId: crypto.randomUUID() },
      },
      { idempotencyKey: key },
    );
    const row = await waitUntil(async () => {
      const r = await jobOf(id);
      return r.attempts >= 1 && r.state === 'pending' ? r : undefined;
    }, 'a failed attempt');
    expect(row.last_error).toMatch(/no values loader for the template assessment\.scheduled/);
    // Cancelled between two attempts (it may be running at a given instant: tried until pending).
    await waitUntil(() => t.services.jobs.cancel(t.db, key), 'the job cancelled');
    expect((await jobOf(id)).state).toBe('cancelled');
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
