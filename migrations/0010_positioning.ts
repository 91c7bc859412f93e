import { type Kysely, sql } from 'kysely';

/**
 * Positioning (issue 12, point 4; module src/modules/candidates): per competency of the
 * candidacy's pinned framework version, where the candidate stands.
 *
 * - `positioning_decisions`: one row per candidacy, competency and side — `self` (the
 *   candidate's own positioning) and `organisation` (the training organisation's, or branch
 *   staff's, decision: the one that counts). Both are kept; who decided and when.
 * - `positioning_evidence`: files (file store ids, never a path) attached to the positioning,
 *   optionally to one competency, with their size, SHA-256, type and the name they were sent with.
 * - `carried_blocs`: blocs already acquired, carried into the candidacy with their source: an
 *   earlier partial award (with its reference) or an equivalence named by a registry
 *   CORRESPONDANCES entry. A carried bloc counts as acquired.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table positioning_decisions (
      candidacy_id uuid not null references candidacies(id),
      competency_code text not null,
      side text not null check (side in ('self', 'organisation')),
      level text not null check (level in ('held', 'partly', 'to_acquire')),
      comment text,
      decided_by uuid,
      decided_at timestamptz not null default now(),
      primary key (candidacy_id, competency_code, side)
    )`.execute(db);

  await sql`
    create table positioning_evidence (
      id uuid primary key default gen_random_uuid(),
      candidacy_id uuid not null references candidacies(id),
      competency_code text,
      file_id text not null,
      file_name text not null,
      size bigint not null,
      sha256 text not null,
      media_type text not null,
      uploaded_by uuid,
      uploaded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index positioning_evidence_candidacy_idx on positioning_evidence (candidacy_id)`.execute(
    db,
  );

  await sql`
    create table carried_blocs (
      candidacy_id uuid not null references candidacies(id),
      bloc_code text not null,
      source text not null check (source in ('earlier_partial_award', 'equivalence')),
      reference text,
      correspondence jsonb,
      recorded_by uuid,
      recorded_at timestamptz not null default now(),
      primary key (candidacy_id, bloc_code),
      check ((source = 'earlier_partial_award') = (reference is not null)),
      check ((source = 'equivalence') = (correspondence is not null))
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
