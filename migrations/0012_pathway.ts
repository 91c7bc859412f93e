import { type Kysely, sql } from 'kysely';

/**
 * Individual pathway (issue 12, point 5; module src/modules/candidates): per candidacy, what the
 * candidate will do to acquire the blocs they lack.
 *
 * - `pathways`: one per candidacy, with its revision (1 at creation, + 1 at each change), its
 *   origin (`generated` from the positioning's gaps, `edited` by hand: a generation does not
 *   overwrite an edited pathway unless asked), and who changed it last and when.
 * - `pathway_modules`: its modules, ordered (`position`), each for one bloc of the pinned
 *   framework version and some of its competencies: a `training` (hours, dates, the training
 *   organisation), a `work_situation` (description, dates, a tutor at the employer: an account or
 *   a name) or a `vae` dossier (description, due date). Fields are nullable: a generated module
 *   leaves hours and dates to the training organisation; the service checks them on edit.
 * - `pathway_acknowledgements`: the candidate's and the employer's acknowledgement, with the
 *   revision they acknowledged; an older revision than the pathway's is stale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table pathways (
      candidacy_id uuid primary key references candidacies(id),
      revision integer not null default 1 check (revision > 0),
      origin text not null check (origin in ('generated', 'edited')),
      updated_by uuid,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table pathway_modules (
      id uuid primary key default gen_random_uuid(),
      candidacy_id uuid not null references pathways(candidacy_id),
      position integer not null,
      bloc_code text not null,
      kind text not null check (kind in ('training', 'work_situation', 'vae')),
      title text not null,
      competency_codes text[] not null default '{}',
      hours numeric(7, 2) check (hours is null or hours > 0),
      starts_on date,
      ends_on date,
      organisation_id uuid references organisations(id),
      description text,
      tutor_user_id uuid references users(id),
      tutor_name text,
      due_on date,
      unique (candidacy_id, position),
      check (starts_on is null or ends_on is null or starts_on <= ends_on)
    )`.execute(db);

  await sql`
    create table pathway_acknowledgements (
      candidacy_id uuid not null references pathways(candidacy_id),
      party text not null check (party in ('candidate', 'employer')),
      revision integer not null,
      acknowledged_by uuid not null,
      acknowledged_at timestamptz not null default now(),
      primary key (candidacy_id, party)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
