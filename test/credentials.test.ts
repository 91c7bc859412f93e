import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { contexts as credentialContexts } from '@digitalbazaar/credentials-context';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import * as vc from '@digitalbazaar/vc';
import { contexts as didContexts } from 'did-context';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsServiceFactory } from '../src/modules/credentials/credentials.service.js';
import { offlineDocumentLoader } from '../src/modules/credentials/document-loader.js';
import { signCredential, verifySignature } from '../src/modules/credentials/signing.js';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { createEncryption } from '../src/platform/crypto/encryption.js';
import { projectRoot } from '../src/platform/paths.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { seedReadyCandidacies, seedSealedSession } from './jury-seed.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * Verifiable credentials (issue 14, point 2, acceptance 1): what Qualif signs is verified by an
 * INDEPENDENT stack — Digital Bazaar's `@digitalbazaar/vc` with the eddsa-rdfc-2022 cryptosuite,
 * an offline loader of contexts taken from their npm packages (not Qualif's copies, except the
 * OB 3.0 one, which no package here ships) and of the DID document fetched from Qualif over
 * HTTP; one changed byte fails; the status lists say revoked / suspended / reinstated; a
 * credential signed before a key rotation still verifies after; Qualif's signing function
 * reproduces the W3C vc-di-eddsa test vector. Credentials are issued by the `credentials.issue`
 * job the close enqueues (the runner of the test app runs it).
 */
let t: TestApp;
let f: Factories;
let manager: Signed;
let awardIds: string[];
let numbers: Map<string, string>;

const headers = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const OB_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const obContext = JSON.parse(
  readFileSync(path.join(projectRoot, 'src/modules/credentials/contexts/ob-v3p0-context-3.0.3.json'), 'utf8'),
);

/** Polls `probe` until it answers something truthy (generous deadline: the machine is busy). */
async function until<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The DID document as Qualif serves it, over HTTP. */
async function servedDidDocument() {
  const res = await t.app.inject({ method: 'GET', url: '/.well-known/did.json' });
  expect(res.statusCode).toBe(200);
  return JSON.parse(res.body) as { id: string; verificationMethod: { id: string }[] };
}

/** An independent offline document loader: npm contexts + the served DID document. */
async function independentLoader() {
  const did = await servedDidDocument();
  const docs = new Map<string, unknown>([
    ...credentialContexts,
    ...didContexts,
    ...multikeyContexts,
    [OB_CONTEXT_URL, obContext],
  ]);
  return async (url: string) => {
    const known = docs.get(url);
    if (known) return { contextUrl: null, documentUrl: url, document: known };
    const [base] = url.split('#');
    if (base === did.id) {
      const method = url.includes('#') ? did.verificationMethod.find((m) => m.id === url) : undefined;
      if (url.includes('#') && !method) throw new Error(`no such key ${url}`);
      return {
        contextUrl: null,
        documentUrl: url,
        document: method ? { '@context': (did as Record<string, unknown>)['@context'], ...method } : did,
      };
    }
    throw new Error(`offline loader: ${url} unknown`);
  };
}

/** Bit `index` of the served status list `list` (its signature verified too). */
async function servedBit(list: 1 | 2, index: number): Promise<boolean> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/credentials/status/${list}` });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
  const listVc = JSON.parse(res.body);
  const checked = await vc.verifyCredential({
    credential: listVc,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: await independentLoader(),
  });
  expect(checked.verified, String(checked.error)).toBe(true);
  expect(listVc.type).toContain('BitstringStatusListCredential');
  expect(listVc.credentialSubject.statusPurpose).toBe(list === 1 ? 'revocation' : 'suspension');
  const bytes = gunzipSync(Buffer.from(String(listVc.credentialSubject.encodedList).slice(1), 'base64url'));
  expect(bytes.length * 8).toBeGreaterThanOrEqual(131_072);
  return ((bytes[index >> 3] as number) & (0x80 >> (index & 7))) !== 0;
}

/** The status of a credential from the served lists, as any verifier reads them. */
async function statusOf(credential: {
  credentialStatus: { statusPurpose: string; statusListIndex: string }[];
}) {
  const [revocation, suspension] = (['revocation', 'suspension'] as const).map((purpose) =>
    credential.credentialStatus.find((s) => s.statusPurpose === purpose),
  );
  if (!revocation || !suspension) throw new Error('no status entries');
  if (await servedBit(1, Number(revocation.statusListIndex))) return 'revoked';
  if (await servedBit(2, Number(suspension.statusListIndex))) return 'suspended';
  return 'valid';
}

async function independentlyVerify(credential: unknown) {
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: await independentLoader(),
    checkStatus: async () => ({ verified: true }),
  });
}

async function download(awardId: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/awards/${awardId}/credential`,
    headers: headers(manager),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const branch = await f.newBranch();
  const org = await f.newOrganisation('training_org');
  const cert = await f.newEnrollableCertification([branch.id], [org.id]);
  const template = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id })).id;
  const m = await f.newUser('branch_manager', { branchId: branch.id });
  manager = await signIn(t.app, m.email, TEST_PASSWORD);
  const { candidacyIds } = await seedReadyCandidacies(t.db, template, 4);
  const juryId = await seedSealedSession(t.db, {
    branchId: branch.id,
    certificationIds: [cert.id],
    candidacyIds,
    postedBy: m.id,
    outcomeOf: (i) => (i === 3 ? 'partial' : 'full'),
  });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/juries/${juryId}/close`,
    headers: headers(manager),
  });
  expect(res.statusCode, res.body).toBe(200);
  const awards = res.json().awards as { id: string; number: string }[];
  awardIds = awards.map((a) => a.id);
  numbers = new Map(awards.map((a) => [a.id, a.number]));
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('issuing after the close', () => {
  it('the close enqueued one credentials.issue job per award; the runner signs and stores each, then emails the holder', async () => {
    const jobs = await t.db
      .selectFrom('jobs')
      .select(['kind', 'payload'])
      .where('kind', '=', 'credentials.issue')
      .execute();
    expect(jobs.map((j) => (j.payload as { awardId: string }).awardId).sort()).toEqual([...awardIds].sort());
    const stored = await until(async () => {
      const rows = await t.db.selectFrom('award_credentials').select('award_id').execute();
      return rows.length >= awardIds.length ? rows : undefined;
    }, 'the credentials to be issued');
    expect(stored.map((r) => r.award_id).sort()).toEqual([...awardIds].sort());
    const mails = await until(async () => {
      const rows = await t.db
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', 'mail.send')
        .where('idempotency_key', 'like', 'award.issued:%')
        .execute();
      return rows.length >= awardIds.length ? rows : undefined;
    }, 'the award.issued emails to be enqueued');
    expect(mails).toHaveLength(awardIds.length);
  });

  it('a second run of the job finds the credential stored: the same bytes', async () => {
    const id = awardIds[0] as string;
    const before = await t.services.credentials.credentialForAward(id);
    const again = await t.services.credentials.credentialForAward(id);
    expect(again).toBe(before);
    expect(
      await t.db.selectFrom('award_credentials').where('award_id', '=', id).select('award_id').execute(),
    ).toHaveLength(1);
  });
});

describe('the credential as served', () => {
  it('is JSON served as an attachment named after the award number (not the holder), byte-identical each time', async () => {
    const id = awardIds[0] as string;
    const first = await download(id);
    const second = await download(id);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['content-disposition']).toBe(
      `attachment; filename="attestation-${numbers.get(id)}.json"`,
    );
    expect(first.headers['content-disposition']).not.toMatch(/Camille|Seed/);
    expect(second.body).toBe(first.body);
    const stored = await t.db
      .selectFrom('award_credentials')
      .select('credential')
      .where('award_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(first.body).toBe(stored.credential);
  });

  it('is an OpenBadgeCredential of VC 2.0 with the blocs, the holder’s name and two status entries', async () => {
    const credential = JSON.parse((await download(awardIds[3] as string)).body);
    const did = (await servedDidDocument()).id;
    expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', OB_CONTEXT_URL]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer.id).toBe(did);
    expect(did).toMatch(/^did:web:/);
    expect(credential.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
    });
    expect(credential.proof.verificationMethod.startsWith(`${did}#`)).toBe(true);
    const subject = credential.credentialSubject;
    expect(subject.identifier[0]).toMatchObject({
      type: 'IdentityObject',
      identityType: 'name',
      hashed: false,
    });
    expect(subject.identifier[0].identityHash).toMatch(/^Camille Seed /);
    expect(subject.achievement.resultDescription.length).toBeGreaterThan(0);
    // A partial award: a result for each bloc awarded, naming a bloc of the achievement.
    const blocIds = new Set(subject.achievement.resultDescription.map((r: { id: string }) => r.id));
    expect(subject.result.length).toBeGreaterThan(0);
    for (const r of subject.result) expect(blocIds.has(r.resultDescription)).toBe(true);
    expect(credential.credentialStatus.map((s: { statusPurpose: string }) => s.statusPurpose)).toEqual([
      'revocation',
      'suspension',
    ]);
    expect(credential.credentialStatus[0].statusListCredential).toMatch(/\/api\/v1\/credentials\/status\/1$/);
    expect(credential.credentialStatus[1].statusListCredential).toMatch(/\/api\/v1\/credentials\/status\/2$/);
  });

  it('the bundled OB 3.0 context defines every type the credential uses', () => {
    for (const term of [
      'OpenBadgeCredential',
      'Achievement',
      'AchievementSubject',
      'Alignment',
      'Result',
      'ResultDescription',
      'IdentityObject',
      'Profile',
    ])
      expect(Object.hasOwn(obContext['@context'], term), term).toBe(true);
  });
});

describe('independent verification (Digital Bazaar vc + eddsa-rdfc-2022, offline)', () => {
  it('a credential as served verifies, its status valid', async () => {
    const credential = JSON.parse((await download(awardIds[0] as string)).body);
    const result = await independentlyVerify(credential);
    expect(result.verified, String(result.error)).toBe(true);
    expect(await statusOf(credential)).toBe('valid');
  });

  it('one changed byte in the credential fails', async () => {
    const body = (await download(awardIds[0] as string)).body;
    const at = body.indexOf('Camille') + 1; // a byte of the holder's name: « Cbmille »
    const tampered = body.slice(0, at) + String.fromCharCode(body.charCodeAt(at) + 1) + body.slice(at + 1);
    expect(tampered).not.toBe(body);
    expect(tampered.length).toBe(body.length);
    const result = await independentlyVerify(JSON.parse(tampered));
    expect(result.verified).toBe(false);
    // Qualif's own check says so in words.
    const checks = await t.services.credentials.verifyCredential(JSON.parse(tampered));
    expect(checks.signature.ok).toBe(false);
    expect(checks.integrity.ok).toBe(false);
    expect(checks.signature.detail).toMatch(/modifié/);
  });

  it('a revoked award’s credential still has a valid signature and its status says revoked', async () => {
    const id = awardIds[1] as string;
    const credential = JSON.parse((await download(id)).body);
    expect(await statusOf(credential)).toBe('valid');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/awards/${id}/revoke`,
      headers: headers(manager),
      payload: { reason: 'Fraude établie' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await independentlyVerify(credential)).verified).toBe(true);
    expect(await statusOf(credential)).toBe('revoked');
    const checks = await t.services.credentials.verifyCredential(credential);
    expect(checks).toMatchObject({
      signature: { ok: true },
      issuer: { ok: true },
      integrity: { ok: true },
      status: { ok: false, value: 'revoked' },
    });
  });

  it('suspended → the suspension bit is on; reinstated → off again', async () => {
    const id = awardIds[2] as string;
    const credential = JSON.parse((await download(id)).body);
    const post = (action: string, payload?: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/awards/${id}/${action}`,
        headers: headers(manager),
        ...(payload ? { payload } : {}),
      });
    expect((await post('suspend', { reason: 'Vérification en cours' })).statusCode).toBe(200);
    expect(await statusOf(credential)).toBe('suspended');
    expect((await t.services.credentials.verifyCredential(credential)).status.value).toBe('suspended');
    expect((await post('reinstate')).statusCode).toBe(200);
    expect(await statusOf(credential)).toBe('valid');
    expect((await t.services.credentials.verifyCredential(credential)).status).toMatchObject({
      ok: true,
      value: 'valid',
    });
  });

  it('after a key rotation, a credential signed with the old key still verifies; new ones use the new key', async () => {
    const old = JSON.parse((await download(awardIds[0] as string)).body);
    // Qualif's own verification has read (and cached) the DID document before the rotation.
    expect((await t.services.credentials.verifyCredential(old)).signature.ok).toBe(true);
    const before = await servedDidDocument();
    const rotated = await t.services.credentials.rotateKey(SYSTEM_ADMIN);
    expect(rotated.retired).toBe(1);
    const after = await servedDidDocument();
    expect(after.verificationMethod).toHaveLength(before.verificationMethod.length + 1);
    expect(after.verificationMethod.map((m) => m.id)).toContain(old.proof.verificationMethod);
    expect((await independentlyVerify(old)).verified).toBe(true);
    // A credential signed now (another award's, not issued yet in this test) uses the new key.
    const fresh = JSON.parse(
      JSON.stringify(
        await signCredential(
          (await t.services.credentials.unsignedCredential(awardIds[3] as string)).credential,
          await t.services.credentials.signingKey(),
          offlineDocumentLoader(),
        ),
      ),
    );
    expect(fresh.proof.verificationMethod).toBe(rotated.verificationMethod);
    expect(fresh.proof.verificationMethod).not.toBe(old.proof.verificationMethod);
    expect((await independentlyVerify(fresh)).verified).toBe(true);
    // The same process's verification: the rotation dropped its cached DID document.
    expect((await verifySignature(fresh, t.services.credentials.documentLoader())).verified).toBe(true);
    expect((await t.services.credentials.verifyCredential(old)).signature.ok).toBe(true);
  });

  it('the DID document is kept 30 s per process; a rotation by another process (the CLI) shows after that, and a proof naming its new key verifies at once', async () => {
    let clock = 1_000_000;
    /** Another credentials service on the same database: another process's, with its own cache. */
    const processOf = (now?: () => number) =>
      credentialsServiceFactory({
        db: t.db,
        encryption: createEncryption({ current: t.config.dataEncryptionKey }),
        publicUrl: t.config.publicUrl,
        awards: t.services.awards,
        certifications: t.services.catalogue.certifications,
        frameworks: t.services.catalogue.frameworks,
        jobs: { define: () => ({ enqueueMany: async () => [] }) } as never,
        mail: { enqueue: async () => undefined } as never,
        ...(now ? { now } : {}),
      });
    const server = processOf(() => clock);
    const cli = processOf();
    const methods = async () =>
      ((await server.didDocument()).verificationMethod as { id: string }[]).map((m) => m.id);
    const before = await methods();

    const rotated = await cli.rotateKey(SYSTEM_ADMIN);
    clock += 29_000;
    expect(await methods()).toEqual(before); // cached: no read of the keys
    clock += 1_000;
    expect(await methods()).toEqual([...before, rotated.verificationMethod]);

    // Another rotation, then at once a credential signed with the new key: the proof names a
    // key the cached document lacks, so the keys are read again and it verifies.
    const again = await cli.rotateKey(SYSTEM_ADMIN);
    expect(await methods()).not.toContain(again.verificationMethod);
    const signed = await signCredential(
      (await server.unsignedCredential(awardIds[3] as string)).credential,
      await cli.signingKey(),
      offlineDocumentLoader(),
    );
    expect((await verifySignature(signed, server.documentLoader())).verified).toBe(true);
    expect(await methods()).toContain(again.verificationMethod);
    // A key that is nobody's still fails (read again, still absent).
    const forged = JSON.parse(JSON.stringify(signed));
    forged.proof.verificationMethod = `${server.did}#z6MkNotAKeyOfQualif`;
    expect((await verifySignature(forged, server.documentLoader())).verified).toBe(false);
    // The server process signs with the newest key: it sees the change and lists it at once.
    const t2 = await cli.rotateKey(SYSTEM_ADMIN);
    expect((await server.signingKey()).verificationMethod).toBe(t2.verificationMethod);
    expect(await methods()).toContain(t2.verificationMethod);
  });
});

describe('published test vector (W3C vc-di-eddsa, eddsa-rdfc-2022)', () => {
  it('Qualif’s signing function gives the published proofValue', async () => {
    const dir = path.join(projectRoot, 'test/fixtures/vc-di-eddsa');
    const read = (name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    const keyPair = read('keyPair.json');
    const config = read('proofConfigDataInt.json');
    const expected = read('signedDataInt.json');
    const loader = offlineDocumentLoader({
      extra: new Map([
        ['https://www.w3.org/ns/credentials/examples/v2', read('credentials-examples-v2.json')],
      ]),
    });
    const signed = await signCredential(
      read('unsigned.json'),
      {
        publicKeyMultibase: keyPair.publicKeyMultibase,
        secretKeyMultibase: keyPair.privateKeyMultibase,
        verificationMethod: config.verificationMethod,
      },
      loader,
      config.created,
    );
    expect((signed.proof as { proofValue: string }).proofValue).toBe(expected.proof.proofValue);
    expect(signed.proof).toEqual(expected.proof);
  });
});
