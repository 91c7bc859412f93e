import { type Kysely, sql } from 'kysely';

/**
 * Background jobs (src/platform/jobs): emails now, the juries' and CDC reminders later.
 * A job is claimed with `FOR UPDATE SKIP LOCKED`, so that replicas sharing one PostgreSQL never
 * take the same one; its holder renews `locked_until` while it runs, and a job whose holder
 * died is taken again once that lease has passed. `payload` holds ids only (no personal data),
 * `last_error` a text without personal data. `idempotency_key` (unique when set) makes an
 * enqueue that was already done a no-op.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      payload jsonb not null,
      state text not null default 'pending'
        check (state in ('pending', 'running', 'done', 'dead', 'cancelled')),
      run_at timestamptz not null default now(),
      attempts integer not null default 0 check (attempts >= 0),
      max_attempts integer not null check (max_attempts >= 1),
      idempotency_key text unique,
      locked_by text,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finished_at timestamptz,
      check ((state = 'running') = (locked_by is not null and locked_until is not null))
    )`.execute(db);
  // What the runners poll: due pending jobs, and running ones whose lease has passed.
  await sql`create index jobs_due on jobs (run_at) where state = 'pending'`.execute(db);
  await sql`create index jobs_leases on jobs (locked_until) where state = 'running'`.execute(db);
  // The purge of old ended jobs.
  await sql`create index jobs_finished on jobs (finished_at) where state in ('done', 'cancelled')`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
