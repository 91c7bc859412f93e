import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app/app.js';
import type { DatabaseHandle } from '../src/platform/db/connect.js';
import { frenchDate } from '../src/platform/pdf-layout.js';
import { selfSignedP12 } from '../src/platform/seal/development-key.js';
import { createSealer } from '../src/platform/seal/seal.js';
import { sealCertificatesStore, sealFingerprint } from '../src/platform/seal/seal-certificates.js';
import { verifySealedPdf } from '../src/platform/seal/verify.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { closedAward } from './jury-seed.js';
import { createTestDatabase, type Signed, signIn, type TestApp, testConfig } from './support.js';

/**
 * The platform's seal renewed (ADR 0007, « Vérification publique »; docs/deploy.md): a qualified
 * seal certificate expires after 1 to 3 years and is replaced. On one real database, the app runs
 * with seal key A (its certificate since expired), a certificate PDF is downloaded, then the app
 * restarts with key B: the PDF sealed with A still verifies as the platform's, a PDF sealed with
 * B too, and a PDF sealed by a stranger key C — even under B's name — does not.
 */

const DAY = 24 * 3600 * 1000;
const keyA = {
  p12: selfSignedP12('mot-de-passe-a', 'Qualif - cachet 2023', {
    notBefore: new Date('2023-01-02T09:00:00Z'),
    notAfter: new Date(Date.now() - 2 * DAY),
  }),
  password: 'mot-de-passe-a',
};
const keyB = {
  p12: selfSignedP12('mot-de-passe-b', 'Qualif - cachet renouvelé'),
  password: 'mot-de-passe-b',
};
const keyC = {
  p12: selfSignedP12('mot-de-passe-c', 'Qualif - cachet renouvelé'),
  password: 'mot-de-passe-c',
};

type Check = { check: string; ok: boolean; detail: string };
type Verification = { valid: boolean; status: string | null; checks: Check[]; holder?: { name: string } };

let handle: DatabaseHandle;
let running: TestApp | undefined;
let f: Factories;
let cert: { id: string };
let org: { id: string };
let branch: { id: string };
let managerEmail: string;
/** The award whose certificate was downloaded while the seal was A. */
let firstAward: string;
let sealedWithA: Buffer;

/** The app on the shared database with `key` as its configured seal (SEAL_P12_BASE64). */
async function startWith(key: { p12: Buffer; password: string }): Promise<TestApp> {
  await running?.app.close();
  const config = testConfig({ SEAL_P12_BASE64: key.p12.toString('base64'), SEAL_P12_PASSWORD: key.password });
  const { app, services } = await createApp(config, handle);
  running = { app, services, db: handle.db, config, close: () => app.close() };
  return running;
}

let address = 0;
const verify = async (t: TestApp, pdf: Uint8Array) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { 'content-type': 'application/pdf' },
    payload: Buffer.from(pdf),
    remoteAddress: `10.1.0.${++address}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Verification;
};
const integrityOf = (answer: Verification) => answer.checks.find((c) => c.check === 'integrity') as Check;

async function certificateOf(t: TestApp, awardId: string): Promise<Buffer> {
  const manager: Signed = await signIn(t.app, managerEmail, TEST_PASSWORD);
  const res = await t.app.inject({
    url: `/api/v1/awards/${awardId}/certificate.pdf`,
    headers: { cookie: manager.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

const newAward = (t: TestApp, birthName: string) =>
  closedAward(t, f, {
    certificationId: cert.id,
    trainingOrganisationId: org.id,
    branchId: branch.id,
    outcome: 'full',
    candidate: f.newCandidate({ birthName, firstNames: ['Claire'] }),
    date: '2026-06-12',
  });

const fingerprintOf = (pdf: Uint8Array) => {
  const seal = verifySealedPdf(pdf);
  if (!seal.valid) throw new Error(seal.problem);
  return sealFingerprint(seal.certificate);
};

beforeAll(async () => {
  handle = await createTestDatabase();
  const a = await startWith(keyA);
  f = factories(a.services);
  branch = await f.newBranch();
  org = await f.newOrganisation('training_org');
  cert = await f.newEnrollableCertification([branch.id], [org.id]);
  managerEmail = (await f.newUser('branch_manager', { branchId: branch.id })).email;
  firstAward = await newAward(a, 'Avant');
  sealedWithA = await certificateOf(a, firstAward);
}, 240_000);

afterAll(async () => {
  await running?.app.close();
  await handle?.close();
});

describe('the platform’s seal renewed: key A, then key B', () => {
  it('with key A: the certificate is sealed with A, recorded when the app started', async () => {
    const recorded = await sealCertificatesStore(handle.db).list();
    expect(recorded.map((r) => r.name)).toEqual(['Qualif - cachet 2023']);
    expect(recorded[0]?.fingerprint).toBe(fingerprintOf(sealedWithA));
    expect(recorded[0]?.notBefore.toISOString()).toBe('2023-01-02T09:00:00.000Z');
  });

  it('restarted with key B: the PDF sealed with A still verifies as the platform’s, its certificate named with its validity', async () => {
    const b = await startWith(keyB);
    const recorded = await sealCertificatesStore(handle.db).list();
    expect(recorded.map((r) => r.name)).toEqual(['Qualif - cachet 2023', 'Qualif - cachet renouvelé']);

    const answer = await verify(b, sealedWithA);
    expect(answer).toMatchObject({ valid: true, status: 'valid', holder: { name: 'Claire Avant' } });
    const validUntil = frenchDate(new Date(Date.now() - 2 * DAY).toISOString());
    expect(integrityOf(answer)).toEqual({
      check: 'integrity',
      ok: true,
      detail: `Le document est intact : scellé par la plateforme Qualif (cachet « Qualif - cachet 2023 », certificat valide du 2 janvier 2023 au ${validUntil}, remplacé depuis par le cachet renouvelé de la plateforme), il n’a pas été modifié depuis.`,
    });
  }, 120_000);

  it('with key B: the same award’s certificate, and a new award’s, are sealed with B and verify', async () => {
    const b = running as TestApp;
    const again = await certificateOf(b, firstAward);
    const later = await certificateOf(b, await newAward(b, 'Après'));
    const [, recordedB] = await sealCertificatesStore(handle.db).list();
    for (const pdf of [again, later]) {
      expect(fingerprintOf(pdf)).toBe(recordedB?.fingerprint);
      expect(fingerprintOf(pdf)).not.toBe(fingerprintOf(sealedWithA));
      const answer = await verify(b, pdf);
      expect(answer.valid).toBe(true);
      expect(integrityOf(answer).detail).toMatch(
        /^Le document est intact : scellé par la plateforme Qualif \(cachet « Qualif - cachet renouvelé », certificat valide du .+\), il n’a pas été modifié depuis\.$/,
      );
      expect(integrityOf(answer).detail).not.toMatch(/remplacé/);
    }
  }, 120_000);

  it('a stranger’s key C, under the renewed seal’s very name, never used by the platform: « non par la plateforme »', async () => {
    const b = running as TestApp;
    for (const genuine of [sealedWithA, await certificateOf(b, firstAward)]) {
      const resealed = await createSealer(async () => keyC).seal(genuine, {
        reason: 'Certificat délivré par Qualif',
      });
      expect(verifySealedPdf(resealed).valid).toBe(true);
      const answer = await verify(b, resealed);
      expect(answer.valid).toBe(false);
      expect(integrityOf(answer)).toEqual({
        check: 'integrity',
        ok: false,
        detail: 'Le document est scellé par « Qualif - cachet renouvelé », et non par la plateforme Qualif.',
      });
    }
    // Verifying recorded nothing: C is still unknown.
    expect((await sealCertificatesStore(handle.db).list()).length).toBe(2);
  }, 120_000);

  it('restarted with A again: its record is kept, not duplicated; only when it was last taken moves', async () => {
    const before = await sealCertificatesStore(handle.db).list();
    await startWith(keyA);
    const after = await sealCertificatesStore(handle.db).list();
    expect(after.map((r) => [r.fingerprint, r.firstUsedAt.getTime()])).toEqual(
      before.map((r) => [r.fingerprint, r.firstUsedAt.getTime()]),
    );
    expect(after[0]?.lastLoadedAt.getTime()).toBeGreaterThan(before[0]?.lastLoadedAt.getTime() as number);
    // The record is locked but for last_loaded_at.
    await expect(
      handle.db
        .updateTable('seal_certificates')
        .set({ last_loaded_at: new Date() })
        .where('fingerprint', '=', after[0]?.fingerprint as string)
        .execute(),
    ).resolves.toBeDefined();
    await expect(
      sql`update seal_certificates set subject = 'CN=Autre' where fingerprint = ${after[0]?.fingerprint}`.execute(
        handle.db,
      ),
    ).rejects.toThrow(/locked/);
  }, 120_000);
});
