import { type Kysely, sql } from 'kysely';

/**
 * Registry: France compétences' RNCP / RS open data (fiches, import runs and their staging
 * area), links between catalogue certifications and registry fiches, and the alerts raised
 * when the two disagree.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table registry_import_runs (
      id uuid primary key default gen_random_uuid(),
      file_name text not null,
      file_type text check (file_type in ('xml', 'xml-zip', 'csv-zip')),
      kind text check (kind in ('RNCP', 'RS', 'MIXED')),
      version text,
      status text not null check (status in ('running', 'succeeded', 'failed')),
      started_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      ended_at timestamptz,
      bytes_total bigint not null default 0,
      bytes_read bigint not null default 0,
      fiches_read int not null default 0,
      new_count int not null default 0,
      changed_count int not null default 0,
      unchanged_count int not null default 0,
      removed_count int not null default 0,
      rejected_count int not null default 0,
      alerts_count int not null default 0,
      error_message text,
      error_details jsonb,
      actor_user_id uuid references users(id),
      actor_label text not null
    )`.execute(db);
  await sql`create index registry_import_runs_started_idx on registry_import_runs (started_at desc)`.execute(
    db,
  );
  // One import at a time, on every replica: a second running row is a unique violation.
  await sql`create unique index registry_one_running_import on registry_import_runs ((true)) where status = 'running'`.execute(
    db,
  );

  // The live fiches. A fiche absent from a later full export of its registry is kept with
  // present = false (and removed_run_id): links and alerts keep pointing at it.
  await sql`
    create table registry_fiches (
      numero text primary key check (numero ~ '^(RNCP|RS)[0-9]+$'),
      registry text not null check (registry in ('RNCP', 'RS')),
      title text not null,
      abbreviation text,
      state text,
      active boolean not null,
      registration_type text,
      decision_date date,
      start_date date,
      end_date date,
      level int check (level between 1 and 8),
      hash text not null,
      fiche jsonb not null,
      present boolean not null default true,
      search_document tsvector,
      search_title text not null default '',
      created_run_id uuid references registry_import_runs(id),
      changed_run_id uuid references registry_import_runs(id),
      removed_run_id uuid references registry_import_runs(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index registry_fiches_search_idx on registry_fiches using gin (search_document)`.execute(
    db,
  );
  await sql`create index registry_fiches_title_trgm_idx on registry_fiches using gin (search_title gin_trgm_ops)`.execute(
    db,
  );

  // Fiches of a running import, written in batches; swapped into registry_fiches in one
  // transaction at the end, then deleted. Unlogged would be faster on a server but PGlite
  // and PostgreSQL must share one schema; the rows live only as long as the run.
  await sql`
    create table registry_staging (
      run_id uuid not null references registry_import_runs(id) on delete cascade,
      numero text not null,
      registry text not null,
      title text not null,
      abbreviation text,
      state text,
      active boolean not null,
      registration_type text,
      decision_date date,
      start_date date,
      end_date date,
      level int,
      hash text not null,
      fiche jsonb not null,
      search_document tsvector,
      search_title text not null,
      primary key (run_id, numero)
    )`.execute(db);

  await sql`
    create table certification_registry_links (
      certification_id uuid not null references certifications(id) on delete cascade,
      numero text not null check (numero ~ '^(RNCP|RS)[0-9]+$'),
      created_at timestamptz not null default now(),
      primary key (certification_id, numero)
    )`.execute(db);
  await sql`create index certification_registry_links_numero_idx on certification_registry_links (numero)`.execute(
    db,
  );

  await sql`
    create table registry_alerts (
      id uuid primary key default gen_random_uuid(),
      certification_id uuid not null references certifications(id) on delete cascade,
      numero text not null,
      kind text not null check (kind in ('registration_ended', 'registration_differs', 'title_differs',
        'successor', 'fiche_missing')),
      details jsonb not null,
      status text not null check (status in ('open', 'applied', 'dismissed')),
      created_run_id uuid references registry_import_runs(id),
      created_at timestamptz not null default now(),
      resolved_by uuid references users(id),
      resolved_at timestamptz,
      -- applied | dismissed (by a person) | superseded | resolved | unlinked (by the sync)
      resolution text,
      reason text
    )`.execute(db);
  await sql`create index registry_alerts_open_idx on registry_alerts (certification_id, numero, kind)
    where status = 'open'`.execute(db);
  await sql`create index registry_alerts_created_idx on registry_alerts (created_at desc)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
