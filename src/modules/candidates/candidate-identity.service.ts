import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import type { Encryption } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/connect.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { CandidaciesService } from './candidacies.service.js';
import { CDC_IDENTITY_FIELDS, type IdentityPatch } from './candidate-identity.schemas.js';
import { emailKey, identityKey } from './domain/identity.js';
import { civilIdentityColumns, NIR_HASH_PURPOSE, nirContext } from './enrolment-check.js';
import type { CandidateInput } from './schemas.js';

type Deps = {
  db: Db;
  encryption: Encryption;
  candidacies: Pick<CandidaciesService, 'loadCandidateFor' | 'getCandidate' | 'identityOf' | 'checks'>;
};

/** The fields compared one by one (a field corrected to the value it had is no change). */
type Compared = Omit<CandidateInput, 'phone' | 'address'>;
const COMPARED = [...CDC_IDENTITY_FIELDS, 'email', 'nir'] as const satisfies readonly (keyof Compared)[];

/** A record's identity in the enrolment's shape (the NIR decrypted: checked, never answered). */
function inputOf(shown: ReturnType<CandidaciesService['identityOf']>, nir: string | undefined): Compared {
  const { birthName, usageName, firstNames, sex, birthDate, birthPlace, email } = shown;
  return {
    birthName,
    ...(usageName !== null ? { usageName } : {}),
    firstNames: [...firstNames],
    sex,
    birthDate,
    birthPlace,
    ...(email !== null ? { email } : {}),
    ...(nir !== undefined ? { nir } : {}),
  };
}

/** The identity after the patch: given fields replace, null clears (usage name, email). */
function patched(current: Compared, body: IdentityPatch): Compared {
  const next: Compared = { ...current };
  for (const [key, value] of Object.entries(body) as [keyof IdentityPatch, unknown][]) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else Object.assign(next, { [key]: value });
  }
  return next;
}

/** Two values compared as stored: names trimmed by the schema, dates and places as objects. */
const same = (a: unknown, b: unknown) =>
  JSON.stringify(a, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? sortKeys(v) : v)) ===
  JSON.stringify(b, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? sortKeys(v) : v));
function sortKeys(o: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Correcting a candidate's civil identity (PATCH /api/v1/candidates/{id}) — a « passage KO » of
 * the Caisse des Dépôts fixed, a typo at enrolment. Those who enrol may (policy
 * `candidate.updateIdentity`), the candidate not. The identity that results passes the
 * enrolment's checks (`checkIdentity`: birth date, commune against the directory or country,
 * NIR coherent with sex and birth date); the NIR stays encrypted under the row, its keyed hash
 * follows. The audit names the fields changed, never their values. `identity_changed_at` moves
 * only when a field the CDC matches really changed: that is what makes a rejected passage due
 * again (module cdc).
 */
export function candidateIdentityServiceFactory(deps: Deps) {
  const { db, encryption, candidacies } = deps;

  async function update(id: string, body: IdentityPatch, actor: Actor, requestId: string) {
    const { person, check } = await candidacies.loadCandidateFor(id, actor, 'updateIdentity');
    check();
    if (person.merged_into_id)
      throw problems.conflict('Ce dossier a été fusionné dans un autre : corrigez celui-ci.');
    if (person.anonymised_at) throw problems.conflict('L’identité de ce dossier a été effacée.');

    const storedNir = person.nir_encrypted
      ? encryption.decryptText(person.nir_encrypted, nirContext(person.id))
      : undefined;
    const current = inputOf(candidacies.identityOf(person), storedNir);
    const next = patched(current, body);
    // The enrolment's checks, on the whole identity that results (paths without `candidate`).
    const identity = candidacies.checks.checkIdentity(next as CandidateInput);
    if (identity.errors.length > 0)
      throw problems.unprocessable(
        identity.errors.map((e) => fieldError(e.field.split('.').slice(1), e.detail)),
        'L’identité ne peut pas être enregistrée ainsi.',
      );
    const checked: Compared = { ...next, ...(identity.nir !== undefined ? { nir: identity.nir } : {}) };
    const changed = COMPARED.filter((f) => !same(current[f], checked[f]));
    if (changed.length > 0) {
      const cdcChanged = changed.some((f) => (CDC_IDENTITY_FIELDS as readonly string[]).includes(f));
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        const locked = await trx
          .selectFrom('candidates')
          .select(['merged_into_id', 'anonymised_at'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (locked.merged_into_id || locked.anonymised_at)
          throw problems.conflict('Ce dossier vient de changer : rechargez-le.');
        await trx
          .updateTable('candidates')
          .set({
            ...civilIdentityColumns(checked, identity.place),
            email_key: checked.email ? emailKey(checked.email) : null,
            identity_key: identityKey(checked),
            identity_warnings: JSON.stringify(identity.warnings),
            ...(changed.includes('nir') && checked.nir
              ? {
                  nir_encrypted: encryption.encrypt(checked.nir, nirContext(id)),
                  nir_hash: encryption.keyedHash(checked.nir, NIR_HASH_PURPOSE),
                }
              : {}),
            updated_at: now,
            ...(cdcChanged ? { identity_changed_at: now } : {}),
          })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, {
          actor: auditActorOf(actor),
          action: 'candidate.identity_update',
          entityType: 'candidate',
          entityId: id,
          // Field names only: the values are personal data.
          after: { fields: changed, warnings: identity.warnings.map((w) => w.field) },
          requestId,
        });
      });
    }
    const answer = await candidacies.getCandidate(id, actor);
    if ('mergedInto' in answer) throw problems.conflict('Ce dossier a été fusionné dans un autre.');
    return answer;
  }

  return { update };
}

export type CandidateIdentityService = ReturnType<typeof candidateIdentityServiceFactory>;
