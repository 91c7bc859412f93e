import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { ENDED_STATUSES } from './domain/lifecycle.js';

type Q = Kysely<Database>;

/** The columns a candidacy is shown with, its candidate's names and account included. */
const CANDIDACY_COLUMNS = [
  'c.id',
  'c.candidate_id',
  'c.certification_id',
  'c.framework_version_number',
  'c.whole_certification',
  'c.bloc_codes',
  'c.route',
  'c.situation',
  'c.eligibility',
  'c.training_organisation_id',
  'c.employer_id',
  'c.funders',
  'c.enrolled_on',
  'c.initiative',
  'c.status',
  'c.held_from',
  'c.transferred_from_id',
  'c.transferred_to_id',
  'c.created_at',
  'p.birth_name',
  'p.usage_name',
  'p.first_names',
  'p.user_id as candidate_user_id',
] as const;

export function candidacyQuery(db: Q) {
  return db
    .selectFrom('candidacies as c')
    .innerJoin('candidates as p', 'p.id', 'c.candidate_id')
    .select(CANDIDACY_COLUMNS);
}

export type CandidacyRow = Awaited<ReturnType<ReturnType<typeof candidacyQuery>['executeTakeFirstOrThrow']>>;

/**
 * Candidacies as a list shows them: candidacyQuery's columns but the situation and the stored
 * eligibility check (about 1.2 kB of JSON a row, read and parsed for nothing), of which the list
 * shows the status only.
 */
export function candidacyListQuery(db: Q) {
  return db
    .selectFrom('candidacies as c')
    .innerJoin('candidates as p', 'p.id', 'c.candidate_id')
    .select([
      ...CANDIDACY_COLUMNS.filter(
        (c): c is Exclude<(typeof CANDIDACY_COLUMNS)[number], 'c.situation' | 'c.eligibility'> =>
          c !== 'c.situation' && c !== 'c.eligibility',
      ),
      sql<'open' | 'incomplete'>`c.eligibility ->> 'status'`.as('eligibility_status'),
    ]);
}

export type CandidacyListRow = Awaited<
  ReturnType<ReturnType<typeof candidacyListQuery>['executeTakeFirstOrThrow']>
>;

export async function findCandidacy(db: Q, id: string): Promise<CandidacyRow | undefined> {
  return candidacyQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export async function findCandidate(db: Q, id: string) {
  return db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirst();
}

export type CandidateRow = NonNullable<Awaited<ReturnType<typeof findCandidate>>>;

/**
 * Candidates (not merged into another, not anonymised) holding any of these identity keys,
 * email keys or NIR hashes.
 */
export async function possibleDuplicates(
  db: Q,
  identityKeys: readonly string[],
  emailKeys: readonly string[],
  nirHashes: readonly string[] = [],
) {
  if (identityKeys.length === 0 && emailKeys.length === 0 && nirHashes.length === 0) return [];
  return db
    .selectFrom('candidates')
    .select(['id', 'identity_key', 'email_key', 'nir_hash'])
    .where('merged_into_id', 'is', null)
    .where('anonymised_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(identityKeys.length > 0 ? [eb('identity_key', 'in', identityKeys)] : []),
        ...(emailKeys.length > 0 ? [eb('email_key', 'in', emailKeys)] : []),
        ...(nirHashes.length > 0 ? [eb('nir_hash', 'in', nirHashes)] : []),
      ]),
    )
    .orderBy('created_at')
    .execute();
}

/** `candidateId|certificationId` of each candidacy not ended of these candidates. */
export async function activeCandidacyKeys(db: Q, candidateIds: readonly string[]): Promise<Set<string>> {
  if (candidateIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('candidacies')
    .select(['candidate_id', 'certification_id'])
    .where('candidate_id', 'in', candidateIds)
    .where('status', 'not in', [...ENDED_STATUSES])
    .execute();
  return new Set(rows.map((r) => `${r.candidate_id}|${r.certification_id}`));
}

/** The candidacy of this candidate and certification that has not ended, if any. */
export async function activeCandidacyOf(db: Q, candidateId: string, certificationId: string) {
  return db
    .selectFrom('candidacies')
    .select('id')
    .where('candidate_id', '=', candidateId)
    .where('certification_id', '=', certificationId)
    .where('status', 'not in', [...ENDED_STATUSES])
    .executeTakeFirst();
}

export async function historyOf(db: Q, candidacyId: string) {
  return db
    .selectFrom('candidacy_status_history')
    .select(['event', 'from_status', 'to_status', 'reason', 'details', 'actor_user_id', 'at'])
    .where('candidacy_id', '=', candidacyId)
    .orderBy('id')
    .execute();
}
