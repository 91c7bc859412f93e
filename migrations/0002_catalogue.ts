import { type Kysely, sql } from 'kysely';

/**
 * Catalogue: branches and their CPNE, organisations, certifications (CQP / CQPI) with their
 * recognition events and derived periods, framework versions, habilitations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table branches
    add column idcc text[] not null default '{}',
    add column opco text,
    add column updated_at timestamptz not null default now()`.execute(db);

  await sql`
    create table cpne_members (
      id uuid primary key default gen_random_uuid(),
      branch_id uuid not null references branches(id) on delete cascade,
      college text not null check (college in ('employers', 'employees')),
      person_name text not null,
      organisation_name text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index cpne_members_branch_idx on cpne_members (branch_id)`.execute(db);

  await sql`alter table organisations
    add column nda_number text check (nda_number ~ '^[0-9]{11}$'),
    add column qualiopi_expires_on date,
    add column idcc text check (idcc ~ '^[0-9]{4}$'),
    add column updated_at timestamptz not null default now()`.execute(db);

  await sql`
    create table certifications (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('CQP', 'CQPI')),
      code text not null,
      title text not null,
      description text not null default '',
      jobs_targeted text not null default '',
      legal_owner_name text not null,
      legal_owner_siret text not null check (legal_owner_siret ~ '^[0-9]{14}$'),
      rome_codes text[] not null default '{}',
      nsf_codes text[] not null default '{}',
      formacode_codes text[] not null default '{}',
      search_document tsvector,
      search_title text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index certifications_code_key on certifications (lower(code))`.execute(db);
  await sql`create index certifications_search_idx on certifications using gin (search_document)`.execute(db);
  await sql`create index certifications_title_trgm_idx on certifications using gin (search_title gin_trgm_ops)`.execute(
    db,
  );

  await sql`
    create table certification_branches (
      certification_id uuid not null references certifications(id) on delete cascade,
      branch_id uuid not null references branches(id),
      primary key (certification_id, branch_id)
    )`.execute(db);
  await sql`create index certification_branches_branch_idx on certification_branches (branch_id)`.execute(db);

  await sql`
    create table recognition_events (
      id uuid primary key default gen_random_uuid(),
      certification_id uuid not null references certifications(id) on delete cascade,
      type text not null check (type in ('created', 'transmitted', 'rncp_registered', 'rs_registered',
        'withdrawn', 'replaced')),
      date date not null,
      number text,
      level int check (level between 3 and 8),
      valid_from date,
      valid_to date,
      reference text,
      successor_id uuid references certifications(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index recognition_events_cert_idx on recognition_events (certification_id, date)`.execute(
    db,
  );

  // Derived from the events by the domain (recognitionTimeline) and rewritten with them: lets
  // search filter and count by today's recognition without repeating the rules in SQL.
  await sql`
    create table recognition_periods (
      certification_id uuid not null references certifications(id) on delete cascade,
      valid_from date not null,
      valid_to date,
      status text not null check (status in ('none', 'branch_only', 'rncp', 'rs')),
      number text,
      level int,
      primary key (certification_id, valid_from)
    )`.execute(db);

  await sql`
    create table framework_versions (
      id uuid primary key default gen_random_uuid(),
      certification_id uuid not null references certifications(id) on delete cascade,
      number int not null check (number >= 1),
      status text not null check (status in ('draft', 'published')),
      content jsonb not null,
      based_on_id uuid references framework_versions(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      unique (certification_id, number)
    )`.execute(db);
  await sql`create unique index framework_versions_one_draft on framework_versions (certification_id)
    where status = 'draft'`.execute(db);

  await sql`
    create table habilitations (
      id uuid primary key default gen_random_uuid(),
      certification_id uuid not null references certifications(id) on delete cascade,
      organisation_id uuid references organisations(id),
      user_id uuid references users(id),
      kind text not null check (kind in ('train', 'assess', 'train_and_assess', 'evaluator', 'jury_member')),
      valid_from date not null,
      valid_to date not null,
      created_at timestamptz not null default now(),
      check (valid_to >= valid_from),
      check (case when kind in ('evaluator', 'jury_member')
        then user_id is not null and organisation_id is null
        else organisation_id is not null and user_id is null end)
    )`.execute(db);
  // Bumped in the same transaction as every change that search results show; caches of
  // search results are keyed by it, so every replica sees a change at once.
  await sql`create table catalogue_generation (id int primary key check (id = 1), value bigint not null)`.execute(
    db,
  );
  await sql`insert into catalogue_generation (id, value) values (1, 0)`.execute(db);
  await sql`create index habilitations_cert_idx on habilitations (certification_id, valid_from, valid_to)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
