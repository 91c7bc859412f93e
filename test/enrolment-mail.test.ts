import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nirKey } from '../src/modules/candidates/domain/identity.js';
import { type Factories, factories } from './factories.js';
import { mailByJobsEnv, type Received, type SmtpPeer, startSmtpPeer, subjectOf } from './smtp-peer.js';
import { createTestApp, type TestApp } from './support.js';
import { waitUntil } from './wait.js';

/**
 * The enrolment email: enqueued in the enrolment's transaction, sent by the job runner to a
 * real SMTP server on 127.0.0.1, in French, to the candidate's address looked up at send time.
 */
let smtp: SmtpPeer;
let t: TestApp;
let f: Factories;
let cert: { id: string };
let org: { id: string; name: string };

const TITLE = 'CQP Opérateur de test';
const NIR_13 = '2900469383123';
const NIR = `${NIR_13}${String(nirKey(NIR_13)).padStart(2, '0')}`;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ demo: false, env: mailByJobsEnv(smtp) });
  f = factories(t.services);
  org = await f.newOrganisation('training_org', 'Centre de formation Énergie');
  cert = await f.newEnrollableCertification([(await f.newBranch()).id], [org.id]);
  await t.db.updateTable('certifications').set({ title: TITLE }).where('id', '=', cert.id).execute();
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** The enrolment emails to an address (the account invitation goes there too, on its own). */
const mailsTo = (address: string): Received[] =>
  smtp.received.filter((m) => m.to.includes(address) && subjectOf(m).startsWith('Votre inscription'));
const enrolmentJobs = (candidacyId: string) =>
  t.db
    .selectFrom('jobs')
    .selectAll()
    .where('idempotency_key', '=', `candidacy.enrolled:${candidacyId}`)
    .execute();

describe('enrolment email', () => {
  it('a candidate enrolled with an email receives one email, in French, without their NIR', async () => {
    const candidate = f.newCandidate({ nir: NIR, sex: 'F', birthDate: { year: 1990, month: 4, day: 12 } });
    const email = candidate.email as string;
    const { id } = await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: org.id,
      enrolledOn: '2026-12-01',
      candidate,
    });
    const [mail] = await waitUntil(() => {
      const got = mailsTo(email);
      return got.length > 0 ? got : undefined;
    }, 'the enrolment email');
    expect(subjectOf(mail as Received)).toBe(`Votre inscription au ${TITLE}`);
    expect(mail?.text).toContain(
      `Votre inscription au ${TITLE} a été enregistrée le mardi 1 décembre 2026 par ${org.name}.`,
    );
    expect(mail?.text).toContain('positionnement');
    expect(mail?.text).not.toContain(NIR);
    expect(mail?.text).not.toContain(NIR_13);
    const [job] = await enrolmentJobs(id);
    expect(job?.payload).toEqual({
      template: 'candidacy.enrolled',
      to: { kind: 'candidate', id: expect.any(String) },
      refs: { candidacyId: id },
    });
    expect(JSON.stringify(job?.payload)).not.toContain(email);
    await waitUntil(async () => (await enrolmentJobs(id))[0]?.state === 'done', 'the job done');
    // Still one, many polls later.
    const polls = Date.now() + 1_000;
    await waitUntil(() => Date.now() > polls, 'more polls');
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('a candidate without an email: no job, no email', async () => {
    const before = smtp.received.filter((m) => subjectOf(m).startsWith('Votre inscription')).length;
    const { id } = await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: org.id,
      candidate: f.newCandidate({ email: undefined }),
    });
    expect(await enrolmentJobs(id)).toEqual([]);
    // A later enrolment's email arrives: the runner had its chance to send the first.
    const witness = f.newCandidate();
    await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id, candidate: witness });
    await waitUntil(() => mailsTo(witness.email as string).length === 1, 'the witness email');
    expect(smtp.received.filter((m) => subjectOf(m).startsWith('Votre inscription')).length).toBe(before + 1);
  });

  it('a refused enrolment (already in progress: 409) sends nothing', async () => {
    const candidate = f.newCandidate();
    const first = await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: org.id,
      candidate,
    });
    await waitUntil(() => mailsTo(candidate.email as string).length === 1, 'the first email');
    // The same person again for the same certification: refused inside the transaction (409).
    await expect(
      f.newCandidacy({
        certificationId: cert.id,
        trainingOrganisationId: org.id,
        candidateId: first.candidateId,
      }),
    ).rejects.toMatchObject({ status: 409 });
    const witness = f.newCandidate();
    await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id, candidate: witness });
    await waitUntil(() => mailsTo(witness.email as string).length === 1, 'the witness email');
    expect(mailsTo(candidate.email as string)).toHaveLength(1);
  });
});
