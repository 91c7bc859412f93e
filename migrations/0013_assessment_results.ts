import { type Kysely, sql } from 'kysely';

/**
 * Assessment results (issue 12, point 6; module src/modules/candidates).
 *
 * - `assessment_results`: per session and bloc, versions of the result. `marks` holds, per
 *   criterion (`competency/criterion`), met or not and a comment; a draft is saved as the
 *   evaluator types and kept across reloads. Signing (`signed_by`, `signed_at`) freezes the
 *   competencies' results and the bloc's proposal as computed then; a signed row is never
 *   updated nor deleted again (trigger). A correction is a new version naming the one it
 *   replaces (`replaces_id`, with its `correction_reason`); the old one stays, superseded once
 *   the correction is signed (`superseded_at` is the one change a signed row accepts). At most
 *   one draft per session and bloc, and one version replacing a given one.
 * - `assessments` gains its cancellation (when, by whom, why); `assessment_history` keeps each
 *   edit (date, evaluators) and the cancellation, before and after (ids and dates only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table assessment_results (
      id uuid primary key default gen_random_uuid(),
      assessment_id uuid not null references assessments(id),
      bloc_code text not null,
      version integer not null check (version >= 1),
      replaces_id uuid references assessment_results(id),
      correction_reason text,
      marks jsonb not null default '{}'::jsonb,
      competency_results jsonb,
      proposal text check (proposal in ('acquired', 'not_acquired')),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz not null default now(),
      signed_by uuid,
      signed_at timestamptz,
      superseded_at timestamptz,
      unique (assessment_id, bloc_code, version),
      unique (replaces_id),
      check ((replaces_id is null) = (correction_reason is null)),
      check ((signed_at is null) = (signed_by is null)),
      check (signed_at is not null or (proposal is null and superseded_at is null)),
      check (signed_at is null or proposal is not null)
    )`.execute(db);
  await sql`
    create unique index assessment_results_one_draft
      on assessment_results (assessment_id, bloc_code) where signed_at is null`.execute(db);

  await sql`
    create function assessment_results_locked() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.signed_at is not null then
          raise exception 'a signed assessment result is never deleted';
        end if;
        return old;
      end if;
      if old.signed_at is not null and (
        old.superseded_at is not null or new.superseded_at is null
        or (to_jsonb(new) - 'superseded_at') <> (to_jsonb(old) - 'superseded_at')
      ) then
        raise exception 'a signed assessment result is locked';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger assessment_results_locked before update or delete on assessment_results
      for each row execute function assessment_results_locked()`.execute(db);

  await sql`alter table assessments add column cancelled_at timestamptz`.execute(db);
  await sql`alter table assessments add column cancelled_by uuid`.execute(db);
  await sql`alter table assessments add column cancel_reason text`.execute(db);

  await sql`
    create table assessment_history (
      id uuid primary key default gen_random_uuid(),
      assessment_id uuid not null references assessments(id),
      kind text not null check (kind in ('edit', 'cancel')),
      before jsonb not null,
      after jsonb not null,
      reason text,
      actor_user_id uuid,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index assessment_history_assessment_idx on assessment_history (assessment_id, at)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
