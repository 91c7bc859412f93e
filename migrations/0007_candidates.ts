import { type Kysely, sql } from 'kysely';

/**
 * Candidates and their candidacies (issue 12, module src/modules/candidates).
 *
 * - `candidates`: a person's identity as the Caisse des Dépôts matches it (birth name, first
 *   names, sex, birth date whose day and month may be unknown, birth commune or country), their
 *   contact, the NIR encrypted at rest (platform/crypto, context `candidates.nir:<id>`), the
 *   account they sign in with once invited, the keys possible duplicates are found by
 *   (`identity_key`: birth name, first first name, birth date; `email_key`), and, after a merge,
 *   the candidate this one was merged into.
 * - `candidacies`: one candidate's path to one certification: the framework version pinned at
 *   enrolment, the targeted blocs, the access route, the situation checked by the eligibility
 *   service and its answer, the training organisation, employer, funders, date, initiative,
 *   and the lifecycle state (candidates/domain/lifecycle.ts). One not ended per candidate and
 *   certification. A transfer ends the candidacy and links it to its continuation.
 * - `candidacy_status_history`: every change of state, who made it, when, and why.
 * Positioning, pathway, assessments and conflict-of-interest links come in later migrations
 * and hang on `candidacies.id`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table candidates (
      id uuid primary key default gen_random_uuid(),
      birth_name text not null,
      usage_name text,
      first_names text[] not null check (cardinality(first_names) between 1 and 3),
      sex text not null check (sex in ('F', 'M')),
      birth_year integer not null,
      birth_month integer check (birth_month between 1 and 12),
      birth_day integer check (birth_day between 1 and 31),
      birth_commune_insee text,
      birth_country_insee text,
      email text,
      phone text,
      address jsonb,
      nir_encrypted text,
      identity_key text not null,
      email_key text,
      identity_warnings jsonb not null default '[]',
      user_id uuid unique references users(id) on delete set null,
      merged_into_id uuid references candidates(id),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((birth_commune_insee is null) <> (birth_country_insee is null)),
      check (birth_day is null or birth_month is not null)
    )`.execute(db);
  await sql`create index candidates_identity_key_idx on candidates (identity_key)`.execute(db);
  await sql`create index candidates_email_key_idx on candidates (email_key) where email_key is not null`.execute(
    db,
  );

  await sql`
    create table candidacies (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidates(id),
      certification_id uuid not null references certifications(id),
      framework_version_id uuid not null references framework_versions(id),
      framework_version_number integer not null,
      whole_certification boolean not null,
      bloc_codes text[] not null,
      route text not null,
      situation jsonb,
      eligibility jsonb not null,
      training_organisation_id uuid not null references organisations(id),
      employer_id uuid references organisations(id),
      funders text[] not null default '{}',
      enrolled_on date not null,
      initiative text not null
        check (initiative in ('candidate', 'employer', 'training_organisation', 'cpne', 'france_travail', 'other')),
      status text not null default 'enrolled'
        check (status in ('enrolled', 'positioning', 'pathway', 'assessment', 'ready_for_jury',
                          'on_hold', 'withdrawn', 'transferred')),
      held_from text,
      transferred_from_id uuid references candidacies(id),
      transferred_to_id uuid references candidacies(id),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'on_hold') = (held_from is not null))
    )`.execute(db);
  // One candidacy not ended per candidate and certification.
  await sql`
    create unique index candidacies_one_active_idx on candidacies (candidate_id, certification_id)
      where status not in ('withdrawn', 'transferred')`.execute(db);
  await sql`create index candidacies_candidate_idx on candidacies (candidate_id)`.execute(db);
  await sql`create index candidacies_certification_idx on candidacies (certification_id, status)`.execute(db);
  await sql`create index candidacies_training_org_idx on candidacies (training_organisation_id, status)`.execute(
    db,
  );
  await sql`create index candidacies_employer_idx on candidacies (employer_id) where employer_id is not null`.execute(
    db,
  );
  await sql`create index candidacies_created_idx on candidacies (created_at desc, id desc)`.execute(db);

  await sql`
    create table candidacy_status_history (
      id bigint generated always as identity primary key,
      candidacy_id uuid not null references candidacies(id),
      event text not null,
      from_status text,
      to_status text not null,
      reason text,
      details jsonb,
      actor_user_id uuid,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index candidacy_status_history_idx on candidacy_status_history (candidacy_id, id)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
