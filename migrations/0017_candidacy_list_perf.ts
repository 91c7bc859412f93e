import { type Kysely, sql } from 'kysely';

/**
 * The candidacy list's step tabs (`GET /api/v1/candidacies?status=…`, issue 12: p99 < 50 ms with
 * 100,000 candidacies; bench/candidacies.bench.ts).
 *
 * Migration 0015's per-scope indexes carry the status after the list's order, so a status filter
 * was a filter on the scope's whole index: a branch manager's far page of one step read every
 * candidacy of their certifications (60,000 entries, 52,000 thrown away) and sorted what was
 * left. With the status in the key, each (scope value, status) is one range of the index already
 * in the list's order (newest first): a page reads its own step's entries only, and the service
 * merges the ranges of several certifications or organisations without a sort (Merge Append).
 * The admin's status filter has had its own since 0015.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index candidacies_certification_status_recent_idx
    on candidacies (certification_id, status, created_at desc, id desc)`.execute(db);
  await sql`create index candidacies_training_org_status_recent_idx
    on candidacies (training_organisation_id, status, created_at desc, id desc)`.execute(db);
  await sql`create index candidacies_employer_status_recent_idx
    on candidacies (employer_id, status, created_at desc, id desc)
    where employer_id is not null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
