import { type Kysely, sql } from 'kysely';

/**
 * Personal data of candidates (issue 12, point 9; ADR 0005 point 9).
 *
 * - `candidates.nir_hash`: a keyed hash (HMAC-SHA-256 under a key derived from
 *   `DATA_ENCRYPTION_KEY`, platform/crypto `keyedHash`) of the normalised NIR, so that a
 *   possible duplicate by NIR is found by an index lookup without decrypting any NIR. Rows
 *   enrolled before this migration have none until `qualif candidates rehash-nir` fills it.
 * - `candidates.anonymised_at`: when the person's identity was erased after the retention
 *   period (`qualif candidates purge`); the row stays, with its id, sex and birth year, so that
 *   statistics and the audit trail (ids only) still hold. An anonymised row has no birth place:
 *   the check that exactly one of commune and country is given applies to the others only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table candidates add column nir_hash text`.execute(db);
  await sql`alter table candidates add column anonymised_at timestamptz`.execute(db);
  await sql`create index candidates_nir_hash_idx on candidates (nir_hash) where nir_hash is not null`.execute(
    db,
  );
  // 0007's unnamed check on the birth place: found by its definition, replaced by a named one.
  const found = await sql<{ conname: string }>`
    select conname from pg_constraint
    where conrelid = 'candidates'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%birth_commune_insee IS NULL%birth_country_insee IS NULL%'`.execute(
    db,
  );
  for (const { conname } of found.rows)
    await sql`alter table candidates drop constraint ${sql.id(conname)}`.execute(db);
  await sql`
    alter table candidates add constraint candidates_birth_place_check
      check (anonymised_at is not null or ((birth_commune_insee is null) <> (birth_country_insee is null)))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
