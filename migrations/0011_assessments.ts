import { type Kysely, sql } from 'kysely';

/**
 * Assessments, first slice (issue 12, point 6; module src/modules/candidates).
 *
 * - `candidacy_links`: who is linked to the candidate in this candidacy — their trainer, tutor,
 *   employer or another link — by user id. An evaluator so linked may not assess it (conflict of
 *   interest). One row per candidacy, kind and person.
 * - `assessments`: sessions scheduled for a candidacy on a date, for some of its targeted blocs,
 *   with an optional second assessor (a professional of the trade, free text: not an account).
 * - `assessment_evaluators`: the evaluators (user ids) assigned to a session; they may read the
 *   candidacy (policy `candidacy.read`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table candidacy_links (
      candidacy_id uuid not null references candidacies(id),
      kind text not null check (kind in ('trainer', 'tutor', 'employer', 'other')),
      user_id uuid not null references users(id),
      recorded_by uuid,
      recorded_at timestamptz not null default now(),
      primary key (candidacy_id, kind, user_id)
    )`.execute(db);

  await sql`
    create table assessments (
      id uuid primary key default gen_random_uuid(),
      candidacy_id uuid not null references candidacies(id),
      date date not null,
      bloc_codes text[] not null,
      second_assessor jsonb,
      scheduled_by uuid,
      scheduled_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index assessments_candidacy_idx on assessments (candidacy_id)`.execute(db);

  await sql`
    create table assessment_evaluators (
      assessment_id uuid not null references assessments(id),
      evaluator_user_id uuid not null references users(id),
      primary key (assessment_id, evaluator_user_id)
    )`.execute(db);
  await sql`create index assessment_evaluators_user_idx on assessment_evaluators (evaluator_user_id)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
