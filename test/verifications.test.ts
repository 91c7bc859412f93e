import { AFRelationship, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JuryOutcome } from '../src/contracts/juries.js';
import { developmentSealKey, selfSignedP12 } from '../src/platform/seal/development-key.js';
import { createSealer } from '../src/platform/seal/seal.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { closedAward } from './jury-seed.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The public verification of certificates (issue 14, point 3) through HTTP on a real database:
 * `GET /api/v1/verifications/{code}` and `POST /api/v1/verifications` with the credential
 * (JSON) or the certificate (PDF). Awards are made by closing sealed sessions; their
 * credentials and certificates are downloaded through the API as the branch's manager, then
 * verified anonymously — intact, with a byte changed, with the attachment swapped, re-sealed
 * by someone else, appended to. Each test speaks from its own client address: the routes are
 * rate-limited per address (the last test exhausts one).
 */

type Check = { check: string; ok: boolean; detail: string };
type Verification = {
  valid: boolean;
  status: string | null;
  checks: Check[];
  holder?: { name: string };
  certification?: { code: string; title: string; kind: string };
  blocs?: { code: string; title: string }[];
  awardedOn?: string;
};

let t: TestApp;
let f: Factories;
let manager: Signed;
let cert: { id: string; code: string };
let org: { id: string };
let branch: { id: string };
const award: Record<
  'valid' | 'revoked' | 'suspended' | 'other',
  { id: string; number: string; code: string }
> = {} as never;

let address = 0;
/** A new client address: each test has its own rate-limit budget. */
const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

const as = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const byCode = (code: string, remoteAddress = nextAddress()) =>
  t.app.inject({ url: `/api/v1/verifications/${encodeURIComponent(code)}`, remoteAddress });
const post = (body: string | Buffer | Uint8Array, type: string, remoteAddress = nextAddress()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { 'content-type': type },
    payload: Buffer.from(body),
    remoteAddress,
  });
const check = (answer: Verification, name: string) => answer.checks.find((c) => c.check === name) as Check;

/** An award of a sealed session of `branch`, closed by the system, for a new candidacy. */
async function awardFor(outcome: JuryOutcome, candidate: ReturnType<Factories['newCandidate']>) {
  const awardId = await closedAward(t, f, {
    certificationId: cert.id,
    trainingOrganisationId: org.id,
    branchId: branch.id,
    outcome,
    candidate,
    date: '2026-06-12',
  });
  const res = await t.app.inject({ url: `/api/v1/awards/${awardId}`, headers: as(manager) });
  expect(res.statusCode, res.body).toBe(200);
  const { number, verificationCode } = res.json() as { number: string; verificationCode: string };
  return { id: awardId, number, code: verificationCode };
}

async function credentialOf(id: string) {
  const res = await t.app.inject({ url: `/api/v1/awards/${id}/credential`, headers: as(manager) });
  expect(res.statusCode, res.body).toBe(200);
  return res.body;
}

async function certificateOf(id: string) {
  const res = await t.app.inject({ url: `/api/v1/awards/${id}/certificate.pdf`, headers: as(manager) });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

/** `pdf` with its attached credential replaced by `json` named `name`, saved by pdf-lib. */
async function withAttachment(pdf: Uint8Array, json: string, name: string) {
  const doc = await PDFDocument.load(pdf);
  doc.catalog.delete(PDFName.of('AF'));
  doc.catalog.delete(PDFName.of('Names'));
  await doc.attach(new TextEncoder().encode(json), name, {
    mimeType: 'application/json',
    afRelationship: AFRelationship.Data,
  });
  return doc.save({ useObjectStreams: false });
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  branch = await f.newBranch();
  org = await f.newOrganisation('training_org');
  cert = await f.newEnrollableCertification([branch.id], [org.id]);
  const user = await f.newUser('branch_manager', { branchId: branch.id });
  manager = await signIn(t.app, user.email, TEST_PASSWORD);
  award.valid = await awardFor('full', f.newCandidate({ birthName: 'Marchand', firstNames: ['Élodie'] }));
  award.revoked = await awardFor('full', f.newCandidate({ birthName: 'Roux', firstNames: ['Paul'] }));
  award.suspended = await awardFor('partial', f.newCandidate({ birthName: 'Petit', firstNames: ['Inès'] }));
  award.other = await awardFor('full', f.newCandidate({ birthName: 'Garnier', firstNames: ['Hugo'] }));
  const revoke = await t.app.inject({
    method: 'POST',
    url: `/api/v1/awards/${award.revoked.id}/revoke`,
    headers: as(manager),
    payload: { reason: 'Fraude constatée' },
  });
  expect(revoke.statusCode, revoke.body).toBe(200);
  const suspend = await t.app.inject({
    method: 'POST',
    url: `/api/v1/awards/${award.suspended.id}/suspend`,
    headers: as(manager),
    payload: { reason: 'Vérification en cours' },
  });
  expect(suspend.statusCode, suspend.body).toBe(200);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/verifications/{code}', () => {
  it('a valid award: every check holds, with the holder’s name, the certification, its blocs, the date', async () => {
    const res = await byCode(award.valid.code);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as Verification;
    expect(answer).toMatchObject({
      valid: true,
      status: 'valid',
      holder: { name: 'Élodie Marchand' },
      certification: { code: cert.code, kind: 'CQP' },
      blocs: [
        { code: 'BC01', title: 'Premier bloc' },
        { code: 'BC02', title: 'Second bloc' },
      ],
      awardedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(answer.checks.map((c) => [c.check, c.ok])).toEqual([
      ['signature', true],
      ['issuer', true],
      ['status', true],
      ['integrity', true],
    ]);
    expect(check(answer, 'signature').detail).toMatch(/^Signature valide, émise par Qualif/);
    // The minimum of personal data: the name, nothing of birth, no ids.
    expect(Object.keys(answer).sort()).toEqual(
      ['awardedOn', 'blocs', 'certification', 'checks', 'holder', 'status', 'valid'].sort(),
    );
    expect(Object.keys(answer.holder ?? {})).toEqual(['name']);
    expect(res.body).not.toContain(award.valid.id);
  });

  it('the code as typed: lower case, spaces, no dashes, O for 0 and I or L for 1', async () => {
    const typed = award.valid.code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const res = await byCode(`  ${typed} `);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, holder: { name: 'Élodie Marchand' } });
    const bare = await byCode(award.valid.code.replace(/-/g, ''));
    expect(bare.statusCode).toBe(200);
  });

  it('a revoked award: status revoked, valid false, said with its date', async () => {
    const res = await byCode(award.revoked.code);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as Verification;
    expect(answer).toMatchObject({ valid: false, status: 'revoked', holder: { name: 'Paul Roux' } });
    expect(check(answer, 'status')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^Certificat révoqué le \d/),
    });
    expect(check(answer, 'signature').ok).toBe(true);
    expect(check(answer, 'integrity').ok).toBe(true);
    // The reason of the revocation is the branch's, not the public's.
    expect(res.body).not.toContain('Fraude');
  });

  it('a suspended award: status suspended, valid false; the partial award’s blocs only', async () => {
    const res = await byCode(award.suspended.code);
    const answer = res.json() as Verification;
    expect(answer).toMatchObject({ valid: false, status: 'suspended', holder: { name: 'Inès Petit' } });
    expect(check(answer, 'status')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^Certificat suspendu depuis le/),
    });
    expect(answer.blocs?.length).toBeGreaterThan(0);
    expect(res.body).not.toContain('Vérification en cours');
  });

  it('an unknown or malformed code: 404 problem in French, nothing else said', async () => {
    for (const code of ['ZZZZ-ZZZZ-ZZZZ', 'pas-un-code', award.valid.code.slice(0, 9)]) {
      const res = await byCode(code);
      expect(res.statusCode, code).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        status: 404,
        detail: expect.stringMatching(/^Aucun certificat ne porte ce code/),
      });
    }
  });
});

describe('POST /api/v1/verifications with the credential (JSON)', () => {
  it('the credential as downloaded verifies, with the same answer as its code', async () => {
    const res = await post(await credentialOf(award.valid.id), 'application/json');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, status: 'valid', holder: { name: 'Élodie Marchand' } });
  });

  it('one changed byte: the signature fails, valid false, the document’s claims not repeated', async () => {
    const json = await credentialOf(award.valid.id);
    const at = json.indexOf('Marchand') + 7;
    expect(at).toBeGreaterThan(7);
    const changed = `${json.slice(0, at)}t${json.slice(at + 1)}`; // Marchand → Marchant
    const res = await post(changed, 'application/json');
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as Verification;
    expect(answer.valid).toBe(false);
    expect(check(answer, 'signature')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('modifié'),
    });
    expect(answer.holder).toBeUndefined();
    expect(res.body).not.toContain('Marchant');
  });

  it('a revoked award’s credential: revoked', async () => {
    const res = await post(await credentialOf(award.revoked.id), 'application/json');
    expect(res.json()).toMatchObject({ valid: false, status: 'revoked' });
  });

  it('JSON that is no credential: answered, every check but the form failing; not JSON: 422 naming body', async () => {
    const res = await post('{"type":["VerifiableCredential"]}', 'application/json');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ valid: false, status: null });
    const bad = await post('pas du JSON', 'application/json');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'body', in: 'body' })]);
  });

  it('beyond 256 kB: 413 problem, unread', async () => {
    const res = await post(`{"x":"${'a'.repeat(256 * 1024)}"}`, 'application/json');
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ status: 413 });
  });
});

describe('POST /api/v1/verifications with the certificate (PDF)', () => {
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await certificateOf(award.valid.id);
  }, 120_000);

  it('the certificate as downloaded: its attached credential verifies and its seal covers every byte', async () => {
    const res = await post(pdf, 'application/pdf');
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as Verification;
    expect(answer).toMatchObject({ valid: true, status: 'valid', holder: { name: 'Élodie Marchand' } });
    expect(check(answer, 'integrity')).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/^Le document est intact/),
    });
  });

  it('one changed byte of the PDF: integrity false, « Le document a été modifié après son émission »', async () => {
    const text = pdf.toString('latin1');
    const at = text.indexOf('/Producer') + 12;
    expect(at).toBeGreaterThan(12);
    const changed = Buffer.from(pdf);
    changed[at] = changed[at] === 0x58 ? 0x59 : 0x58;
    const res = await post(changed, 'application/pdf');
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as Verification;
    expect(answer.valid).toBe(false);
    expect(check(answer, 'integrity')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^Le document a été modifié après son émission/),
    });
    // The credential inside is intact: what Qualif certifies is shown beside the verdict.
    expect(check(answer, 'signature').ok).toBe(true);
  });

  it('the attachment replaced by another award’s (genuine) credential: the seal no longer holds', async () => {
    const swapped = await withAttachment(
      pdf,
      await credentialOf(award.other.id),
      `${award.valid.number}.credential.json`,
    );
    const answer = (await post(Buffer.from(swapped), 'application/pdf')).json() as Verification;
    expect(answer.valid).toBe(false);
    expect(check(answer, 'integrity')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('modifié'),
    });
  });

  it('…then re-sealed by another key under the same name: not the platform’s seal', async () => {
    const swapped = await withAttachment(
      pdf,
      await credentialOf(award.other.id),
      `${award.valid.number}.credential.json`,
    );
    const impostor = createSealer(async () => ({
      p12: selfSignedP12('x', 'Qualif - cachet de developpement'),
      password: 'x',
    }));
    const resealed = await impostor.seal(swapped, {
      reason: `Certificat ${award.valid.number} délivré par Qualif`,
    });
    const answer = (await post(Buffer.from(resealed), 'application/pdf')).json() as Verification;
    expect(answer.valid).toBe(false);
    expect(check(answer, 'integrity')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('non par la plateforme Qualif'),
    });
  });

  it('…or sealed with the platform’s own key: the attachment still names another certificate', async () => {
    // What only the platform could make (a fault of its own): the seal holds, the names do not.
    const swapped = await withAttachment(
      pdf,
      await credentialOf(award.other.id),
      `${award.valid.number}.credential.json`,
    );
    const platform = createSealer(() => developmentSealKey(t.config.dataDir));
    const resealed = await platform.seal(swapped, { reason: 'x' });
    const answer = (await post(Buffer.from(resealed), 'application/pdf')).json() as Verification;
    expect(answer.valid).toBe(false);
    expect(check(answer, 'integrity')).toMatchObject({
      ok: false,
      detail: `L’attestation jointe (${award.valid.number}.credential.json) n’est pas celle de ce certificat.`,
    });
  });

  it('bytes appended after the seal (an incremental update): integrity false', async () => {
    const appended = Buffer.concat([pdf, Buffer.from('\n% ajouté après le cachet\n', 'latin1')]);
    const answer = (await post(appended, 'application/pdf')).json() as Verification;
    expect(answer.valid).toBe(false);
    expect(check(answer, 'integrity').ok).toBe(false);
  });

  it('a revoked award’s certificate: revoked', async () => {
    const answer = (
      await post(await certificateOf(award.revoked.id), 'application/pdf')
    ).json() as Verification;
    expect(answer).toMatchObject({ valid: false, status: 'revoked' });
    expect(check(answer, 'integrity').ok).toBe(true);
  });

  it('a PDF without attachment, or no PDF: 422 naming body', async () => {
    const blank = await PDFDocument.create();
    blank.addPage();
    for (const body of [Buffer.from(await blank.save()), Buffer.from('pas un PDF')]) {
      const res = await post(body, 'application/pdf');
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body', in: 'body' })]);
    }
  });

  it('beyond 5 MB: 413 problem; another type: 415', async () => {
    const res = await post(Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), 'application/pdf');
    expect(res.statusCode).toBe(413);
    const text = await post('bonjour', 'text/plain');
    expect(text.statusCode).toBe(415);
  });
});

describe('rate limit', () => {
  it('30 verifications a minute per address, then 429 problem with Retry-After; other addresses unaffected', async () => {
    const from = '192.0.2.77';
    for (let i = 0; i < 30; i++) expect((await byCode('ZZZZ-ZZZZ-ZZZZ', from)).statusCode).toBe(404);
    const refused = await byCode(award.valid.code, from);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.json()).toMatchObject({
      status: 429,
      detail: expect.stringMatching(/^Trop de vérifications : 30 par minute/),
    });
    expect((await byCode(award.valid.code, '192.0.2.78')).statusCode).toBe(200);
  });
});
