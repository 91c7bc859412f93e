import { type Kysely, sql } from 'kysely';

/**
 * The candidacy list (`GET /api/v1/candidacies`, issue 12: p99 < 50 ms with 100,000
 * candidacies; bench/candidacies.bench.ts).
 *
 * - Pages: each scope's column is followed by the list's order (newest first) and carries the
 *   status, so that a page — even a far one — is an index-only scan in order; the admin's
 *   status filter has its own. They replace migration 0007's scope indexes, which they cover.
 * - Counts by step (and the total): `candidacy_counts` holds how many candidacies each
 *   (certification, training organisation, employer, status) group has, kept by statement-level
 *   triggers on `candidacies` in the writing transaction, so a scope's counts read a few group
 *   rows instead of counting up to every candidacy. An update that changes no group touches no
 *   count row (no lock taken); groups are written in key order (no deadlock between two writers).
 */
const NO_EMPLOYER = sql.lit('00000000-0000-0000-0000-000000000000');

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index candidacies_training_org_recent_idx
    on candidacies (training_organisation_id, created_at desc, id desc) include (status)`.execute(db);
  await sql`create index candidacies_certification_recent_idx
    on candidacies (certification_id, created_at desc, id desc) include (status)`.execute(db);
  await sql`create index candidacies_employer_recent_idx
    on candidacies (employer_id, created_at desc, id desc) include (status)
    where employer_id is not null`.execute(db);
  await sql`create index candidacies_status_recent_idx on candidacies (status, created_at desc, id desc)`.execute(
    db,
  );
  await sql`drop index candidacies_training_org_idx`.execute(db);
  await sql`drop index candidacies_certification_idx`.execute(db);
  await sql`drop index candidacies_employer_idx`.execute(db);

  await sql`
    create table candidacy_counts (
      certification_id uuid not null,
      training_organisation_id uuid not null,
      employer_id uuid,
      status text not null,
      n integer not null
    )`.execute(db);
  await sql`
    create unique index candidacy_counts_group_idx on candidacy_counts
      (certification_id, training_organisation_id, (coalesce(employer_id, ${NO_EMPLOYER}::uuid)), status)`.execute(
    db,
  );
  await sql`create index candidacy_counts_org_idx on candidacy_counts (training_organisation_id)`.execute(db);
  await sql`create index candidacy_counts_employer_idx on candidacy_counts (employer_id)`.execute(db);

  // `changes`: (group…, d) rows, d the change of the group's count.
  const apply = (changes: ReturnType<typeof sql>) => sql`
      insert into candidacy_counts as t
        (certification_id, training_organisation_id, employer_id, status, n)
      select certification_id, training_organisation_id, employer_id, status, sum(d)
      from (${changes}) changes
      group by certification_id, training_organisation_id, employer_id, status
      having sum(d) <> 0
      order by certification_id, training_organisation_id, employer_id, status
      on conflict (certification_id, training_organisation_id,
                   (coalesce(employer_id, ${NO_EMPLOYER}::uuid)), status)
      do update set n = t.n + excluded.n`;
  const group = sql`certification_id, training_organisation_id, employer_id, status`;
  await sql`
    create function candidacy_counts_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${apply(sql`select ${group}, 1 as d from new_rows`)};
      elsif tg_op = 'DELETE' then
        ${apply(sql`select ${group}, -1 as d from old_rows`)};
      else
        ${apply(sql`select ${group}, -1 as d from old_rows union all select ${group}, 1 from new_rows`)};
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger candidacy_counts_insert after insert on candidacies
    referencing new table as new_rows for each statement execute function candidacy_counts_apply()`.execute(
    db,
  );
  await sql`create trigger candidacy_counts_update after update on candidacies
    referencing old table as old_rows new table as new_rows
    for each statement execute function candidacy_counts_apply()`.execute(db);
  await sql`create trigger candidacy_counts_delete after delete on candidacies
    referencing old table as old_rows for each statement execute function candidacy_counts_apply()`.execute(
    db,
  );
  await sql`
    insert into candidacy_counts (certification_id, training_organisation_id, employer_id, status, n)
    select certification_id, training_organisation_id, employer_id, status, count(*)
    from candidacies group by certification_id, training_organisation_id, employer_id, status`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
