import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AwardStatus } from '../../contracts/juries.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, SYSTEM_ACTOR, SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import type { Encryption } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/connect.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { MailJobs } from '../../platform/mail-jobs.js';
import type { MailRefs } from '../../platform/mail-templates.js';
import { problems } from '../../platform/problem.js';
import type { AwardsService } from '../candidates/awards.service.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import { type DocumentLoader, offlineDocumentLoader } from './document-loader.js';
import { buildCredential, STATUS_LISTS, type StatusListNumber, statusListUrl } from './domain/credential.js';
import { didDocument, didWebOf } from './domain/did.js';
import { buildStatusListCredential, listLength, statusBit } from './domain/status-list.js';
import { generateKeyMaterial, type KeyMaterial, signCredential, verifySignature } from './signing.js';

type Deps = {
  db: Db;
  encryption: Encryption;
  /** PUBLIC_URL: the issuer's did:web and the URLs named in credentials. */
  publicUrl: string;
  /** The issuer's name in credentials (the platform operator). */
  issuerName?: string;
  awards: Pick<
    AwardsService,
    'forCredential' | 'assertReadable' | 'statusListEntries' | 'lastStatusListIndex' | 'idByCode'
  >;
  certifications: Pick<CertificationsService, 'get' | 'recognition'>;
  frameworks: Pick<FrameworksService, 'get'>;
  jobs: Pick<Jobs, 'define'>;
  mail: Pick<MailJobs, 'enqueue'>;
  /**
   * How long this process keeps Qualif's DID document (default 30 s): a key rotated by another
   * process (`qualif credentials rotate-key`) shows in `/.well-known/did.json` within it. A
   * verification naming a key not in the cached document reads the keys again at once.
   */
  didDocumentTtlMs?: number;
  /** The clock of that cache (tests). */
  now?: () => number;
};

const DID_DOCUMENT_TTL_MS = 30_000;

export const CREDENTIALS_ISSUE_JOB = 'credentials.issue';

/** One check of a verification: `ok` and, in French, what was found. */
export type CheckResult = { ok: boolean; detail: string };
export type CredentialVerification = {
  signature: CheckResult;
  issuer: CheckResult;
  status: CheckResult & { value: AwardStatus | null };
  integrity: CheckResult;
  /** The award the credential names, when Qualif knows it. */
  awardId: string | null;
};

type SigningKey = KeyMaterial & { id: string; verificationMethod: string };

/**
 * Verifiable credentials of awards (issue 14, point 2; ADR 0007): the issuer's Ed25519 keys
 * (generated at first need, the private key encrypted at rest with DATA_ENCRYPTION_KEY, rotated
 * by `qualif credentials rotate-key`, retired ones kept in the DID document), the award's Open
 * Badges 3.0 credential (signed once by the `credentials.issue` job, stored and served
 * byte-identical), the two Bitstring Status Lists (built from the awards' statuses, signed when
 * they change) and the verification of a credential.
 */
export function credentialsServiceFactory(deps: Deps) {
  const { db, encryption } = deps;
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');
  const did = didWebOf(publicUrl);
  const issuerName = deps.issuerName ?? 'Qualif';
  const context = (id: string) => `issuer_keys.private_key:${id}`;

  // ---- keys -----------------------------------------------------------------------------------

  let current: SigningKey | undefined;

  async function insertKey(trx: Db): Promise<string> {
    const material = await generateKeyMaterial();
    const id = crypto.randomUUID();
    await trx
      .insertInto('issuer_keys')
      .values({
        id,
        verification_method_id: material.publicKeyMultibase,
        public_key_multibase: material.publicKeyMultibase,
        private_key_encrypted: encryption.encrypt(material.secretKeyMultibase, context(id)),
      })
      .execute();
    return id;
  }

  /** The key that signs: the one not retired, made at first need (a concurrent maker wins). */
  async function signingKey(): Promise<SigningKey> {
    const row = await db
      .selectFrom('issuer_keys')
      .selectAll()
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    if (!row) {
      try {
        await insertKey(db);
      } catch (error) {
        // Another process made it at the same instant (issuer_keys_one_current): take theirs.
        const again = await db
          .selectFrom('issuer_keys')
          .select('id')
          .where('retired_at', 'is', null)
          .executeTakeFirst();
        if (!again) throw error;
      }
      return signingKey();
    }
    if (current?.id !== row.id) {
      // A key this process had not read yet (rotated by another process, or the first it reads):
      // the DID document this process keeps may lack it — read it again. (When the document's
      // reading is what made the first key, that costs one more reading, once.)
      didCache = undefined;
      current = {
        id: row.id,
        verificationMethod: `${did}#${row.verification_method_id}`,
        publicKeyMultibase: row.public_key_multibase,
        secretKeyMultibase: encryption.decryptText(row.private_key_encrypted, context(row.id)),
      };
    }
    return current;
  }

  /** A new signing key; the previous one retired (kept: what it signed still verifies). Audited. */
  async function rotateKey(actor: Actor = SYSTEM_ADMIN) {
    const retired = await db.transaction().execute(async (trx) => {
      const old = await trx
        .updateTable('issuer_keys')
        .set({ retired_at: new Date() })
        .where('retired_at', 'is', null)
        .returning('id')
        .execute();
      const id = await insertKey(trx);
      await recordAudit(trx, {
        actor: actor === SYSTEM_ADMIN ? SYSTEM_ACTOR : { userId: actor.userId, label: actor.email },
        action: 'credentials.rotate_key',
        entityType: 'issuer_key',
        entityId: id,
        before: { retired: old.map((k) => k.id) },
        after: { current: id },
      });
      return old.length;
    });
    current = undefined;
    didCache = undefined;
    const key = await signingKey();
    return { verificationMethod: key.verificationMethod, retired };
  }

  async function publishedKeys() {
    return db
      .selectFrom('issuer_keys')
      .select(['verification_method_id', 'public_key_multibase'])
      .orderBy('created_at')
      .execute();
  }

  /** Every key, retired ones included, as a DID document (read from `issuer_keys`). */
  async function readDidDoc() {
    let keys = await publishedKeys();
    if (keys.length === 0) {
      await signingKey();
      keys = await publishedKeys();
    }
    return didDocument(
      did,
      keys.map((k) => ({ fragment: k.verification_method_id, publicKeyMultibase: k.public_key_multibase })),
    );
  }

  const ttl = deps.didDocumentTtlMs ?? DID_DOCUMENT_TTL_MS;
  const now = deps.now ?? Date.now;
  /** The DID document, kept `ttl` ms (a promise: concurrent verifications read the keys once). */
  let didCache: { at: number; doc: Promise<ReturnType<typeof didDocument>> } | undefined;

  /**
   * `GET /.well-known/did.json` and every verification: the DID document this process read less
   * than `ttl` ago, else read again (`fresh`: read again now). Dropped when this process rotates
   * or sees a new signing key; keys are only ever added, so a stale copy can only lack a key
   * made by another process — `ownLoader` reads again when a proof names one it lacks.
   */
  function didDoc(options: { fresh?: boolean } = {}) {
    const at = now();
    if (options.fresh || !didCache || at - didCache.at >= ttl) {
      const entry = { at, doc: readDidDoc() };
      didCache = entry;
      entry.doc.catch(() => {
        if (didCache === entry) didCache = undefined;
      });
    }
    return didCache.doc;
  }

  const cachedLoader = offlineDocumentLoader({
    resolveDid: async (id) => (id === did ? didDoc() : undefined),
  });
  const freshLoader = offlineDocumentLoader({
    resolveDid: async (id) => (id === did ? didDoc({ fresh: true }) : undefined),
  });
  /**
   * The offline loader resolving Qualif's own DID from its keys (verification inside Qualif):
   * from the cached DID document; a key of Qualif's DID it lacks → the keys read again once.
   */
  const loader: DocumentLoader = async (url) => {
    try {
      return await cachedLoader(url);
    } catch (error) {
      if (url.startsWith(`${did}#`)) return freshLoader(url);
      throw error;
    }
  };
  const ownLoader = (): DocumentLoader => loader;

  // ---- an award's credential -------------------------------------------------------------------

  /** The unsigned credential of an award, from the candidates' and the catalogue's services. */
  async function unsignedCredential(awardId: string) {
    const award = await deps.awards.forCredential(awardId);
    if (!award) throw problems.notFound('Attestation introuvable.');
    const [cert, recognition, framework] = await Promise.all([
      deps.certifications.get(award.certificationId, SYSTEM_ADMIN),
      deps.certifications.recognition(award.certificationId, award.awardedOn, SYSTEM_ADMIN),
      deps.frameworks.get(award.certificationId, award.frameworkVersionNumber, SYSTEM_ADMIN),
    ]);
    const credential = buildCredential({
      publicUrl,
      issuer: { did, name: issuerName },
      award,
      certification: {
        id: award.certificationId,
        code: cert.code,
        title: cert.title,
        kind: cert.kind,
        branches: cert.branches,
        blocs: framework.content.competencies.blocs,
        registration:
          recognition.status === 'rncp'
            ? { registry: 'RNCP', number: recognition.number, level: recognition.level }
            : recognition.status === 'rs'
              ? { registry: 'RS', number: recognition.number }
              : null,
      },
      holder: { name: award.holderName },
    });
    return { award, credential };
  }

  /**
   * The signed credential of an award, as stored (text): signed and stored at first need, then
   * always the same bytes (a concurrent signer's copy wins: `on conflict do nothing`, read back).
   * For B's certificate and the job; no policy here (the caller checked the reading).
   */
  async function credentialForAward(awardId: string): Promise<string> {
    const stored = await db
      .selectFrom('award_credentials')
      .select('credential')
      .where('award_id', '=', awardId)
      .executeTakeFirst();
    if (stored) return stored.credential;
    const { credential } = await unsignedCredential(awardId);
    const key = await signingKey();
    const signed = await signCredential(credential, key, ownLoader());
    await db
      .insertInto('award_credentials')
      .values({ award_id: awardId, credential: JSON.stringify(signed), issuer_key_id: key.id })
      .onConflict((oc) => oc.column('award_id').doNothing())
      .execute();
    const row = await db
      .selectFrom('award_credentials')
      .select('credential')
      .where('award_id', '=', awardId)
      .executeTakeFirstOrThrow();
    return row.credential;
  }

  /** `GET /api/v1/awards/{id}/credential`: 404 unless the actor may read the award. */
  async function credentialFor(awardId: string, actor: Actor) {
    const { number } = await deps.awards.assertReadable(awardId, actor);
    return { number, json: await credentialForAward(awardId) };
  }

  // ---- status lists ----------------------------------------------------------------------------

  const signedLists = new Map<StatusListNumber, { key: string; json: string }>();

  /**
   * `GET /api/v1/credentials/status/{list}`: the signed list, built from the awards' statuses
   * (1: revoked awards, 2: suspended ones). Signed again only when its bits (or the signing key)
   * changed since the last one this process signed.
   */
  async function statusList(list: StatusListNumber): Promise<string> {
    const purpose = STATUS_LISTS.find((l) => l.list === list)?.purpose;
    const wanted: AwardStatus = purpose === 'revocation' ? 'revoked' : 'suspended';
    const [entries, last, key] = await Promise.all([
      deps.awards.statusListEntries(),
      deps.awards.lastStatusListIndex(),
      signingKey(),
    ]);
    const set = entries
      .filter((e) => e.status === wanted)
      .map((e) => e.index)
      .sort((a, b) => a - b);
    const length = listLength(last);
    const cacheKey = createHash('sha256')
      .update(`${key.id}|${length}|${set.join(',')}`)
      .digest('hex');
    const cached = signedLists.get(list);
    if (cached?.key === cacheKey) return cached.json;
    const unsigned = buildStatusListCredential({
      publicUrl,
      issuerDid: did,
      list,
      length,
      set,
      validFrom: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    const json = JSON.stringify(await signCredential(unsigned, key, ownLoader()));
    signedLists.set(list, { key: cacheKey, json });
    return json;
  }

  // ---- verification ----------------------------------------------------------------------------

  /**
   * Checks a credential (parsed JSON): `signature` (its proof verifies with a key of Qualif's
   * DID document, offline), `issuer` (it is Qualif's did:web), `status` (the award's bits in
   * Qualif's status lists: valid, revoked or suspended), `integrity` (a Qualif OpenBadgeCredential,
   * and the very one Qualif signed for that award). The second wave's public verification is
   * built on it; details in French, without personal data.
   */
  async function verifyCredential(json: unknown): Promise<CredentialVerification> {
    const doc = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
    const issuerId =
      typeof doc.issuer === 'string'
        ? doc.issuer
        : ((doc.issuer as { id?: unknown } | undefined)?.id ?? null);
    const issuerOk = issuerId === did;
    const issuer: CheckResult = issuerOk
      ? { ok: true, detail: `Émise par Qualif (${did}).` }
      : { ok: false, detail: 'L’émetteur n’est pas cette plateforme Qualif.' };

    let signature: CheckResult;
    try {
      const result = await verifySignature(doc, ownLoader());
      signature = result.verified
        ? { ok: true, detail: 'La signature électronique est valide.' }
        : {
            ok: false,
            detail:
              'La signature ne correspond pas au contenu : le document a été modifié ou n’a pas été signé par Qualif.',
          };
    } catch {
      signature = { ok: false, detail: 'La signature n’a pas pu être vérifiée.' };
    }

    const awardId = /^urn:uuid:([0-9a-f-]{36})$/.exec(String(doc.id ?? ''))?.[1] ?? null;
    const award =
      awardId && issuerOk ? await deps.awards.forCredential(awardId).catch(() => undefined) : undefined;

    let integrity: CheckResult;
    const types = Array.isArray(doc.type) ? doc.type : [];
    if (!types.includes('OpenBadgeCredential') || !doc.proof)
      integrity = { ok: false, detail: 'Ce document n’est pas une attestation Open Badges signée.' };
    else if (!award)
      integrity = { ok: false, detail: 'Aucune attestation de Qualif ne correspond à ce document.' };
    else {
      const stored = await db
        .selectFrom('award_credentials')
        .select('credential')
        .where('award_id', '=', award.id)
        .executeTakeFirst();
      const same =
        stored !== undefined && canonicalJson(JSON.parse(stored.credential)) === canonicalJson(doc);
      integrity = same
        ? { ok: true, detail: 'Le document est celui que Qualif a délivré.' }
        : { ok: false, detail: 'Le document diffère de celui que Qualif a délivré pour cette attestation.' };
    }

    let status: CredentialVerification['status'];
    if (!award) status = { ok: false, value: null, detail: 'Statut inconnu : attestation introuvable.' };
    else {
      const value = await statusFromLists(doc, award.statusListIndex);
      status =
        value === 'valid'
          ? { ok: true, value, detail: 'Attestation valide.' }
          : value === 'revoked'
            ? { ok: false, value, detail: 'Attestation révoquée par la branche.' }
            : { ok: false, value, detail: 'Attestation suspendue par la branche.' };
    }
    return { signature, issuer, status, integrity, awardId: award?.id ?? null };
  }

  /** The award's status read from Qualif's own signed lists (as any verifier would). */
  async function statusFromLists(doc: Record<string, unknown>, index: number): Promise<AwardStatus> {
    const entries = (Array.isArray(doc.credentialStatus) ? doc.credentialStatus : [doc.credentialStatus]) as {
      statusPurpose?: string;
      statusListIndex?: string;
    }[];
    const bit = async (list: StatusListNumber) => {
      const purpose = STATUS_LISTS.find((l) => l.list === list)?.purpose;
      const entry = entries.find((e) => e?.statusPurpose === purpose);
      const at = entry?.statusListIndex !== undefined ? Number(entry.statusListIndex) : index;
      const listDoc = JSON.parse(await statusList(list)) as { credentialSubject: { encodedList: string } };
      return statusBit(listDoc.credentialSubject.encodedList, at);
    };
    if (await bit(1)) return 'revoked';
    if (await bit(2)) return 'suspended';
    return 'valid';
  }

  // ---- the job that issues --------------------------------------------------------------------

  const issueKind = deps.jobs.define(
    CREDENTIALS_ISSUE_JOB,
    z.object({ awardId: z.uuid() }).strict(),
    async ({ awardId }) => {
      const award = await deps.awards.forCredential(awardId);
      if (!award) return; // gone: nothing to issue
      await credentialForAward(awardId);
      await deps.mail.enqueue(
        db,
        { template: 'award.issued', to: { kind: 'candidate', id: award.candidateId }, refs: { awardId } },
        { idempotencyKey: `award.issued:${awardId}` },
      );
    },
  );

  /** In the transaction creating awards (close, correction): one `credentials.issue` job each. */
  async function enqueueIssue(trx: Db, awardIds: readonly string[]) {
    return issueKind.enqueueMany(
      trx,
      awardIds.map((awardId) => ({
        payload: { awardId },
        idempotencyKey: `${CREDENTIALS_ISSUE_JOB}:${awardId}`,
      })),
    );
  }

  /** The `award.issued` email's values: the certification's title (no result in the email). */
  async function issuedMailValues(refs: MailRefs<'award.issued'>) {
    const award = await deps.awards.forCredential(refs.awardId);
    if (!award || award.status === 'revoked') return undefined;
    const cert = await deps.certifications.get(award.certificationId, SYSTEM_ADMIN);
    return { certificationTitle: cert.title };
  }

  return {
    did,
    didDocument: didDoc,
    /** The offline loader resolving Qualif's own DID (what verifyCredential checks signatures with). */
    documentLoader: ownLoader,
    signingKey,
    rotateKey,
    credentialForAward,
    credentialFor,
    unsignedCredential,
    statusList,
    statusListUrl: (list: StatusListNumber) => statusListUrl(publicUrl, list),
    verifyCredential,
    enqueueIssue,
    issuedMailValues,
  };
}

/** JSON with object keys sorted: two documents equal whatever their key order and spacing. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export type CredentialsService = ReturnType<typeof credentialsServiceFactory>;
