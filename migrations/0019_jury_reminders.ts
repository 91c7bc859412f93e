import { type Kysely, sql } from 'kysely';

/**
 * Reminders to a branch's staff when candidacies wait for a jury longer than the branch's rules
 * allow (`reminderAfterDays`, issue 13 point 7; src/modules/candidates/jury-reminders.ts). One
 * row per candidacy, branch, wait and period: a candidacy « prêt pour le jury » since
 * `waiting_since` is reminded once in each period of `after_days` days it keeps waiting (period 1
 * after `after_days`, 2 after twice as long…). The primary key makes a reminder run idempotent,
 * on any replica; a new wait (a session deferred it) starts its periods again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table jury_reminders (
      candidacy_id uuid not null references candidacies(id),
      branch_id uuid not null references branches(id),
      waiting_since date not null,
      period integer not null check (period >= 1),
      after_days integer not null check (after_days >= 1),
      reminded_on date not null,
      reminded_at timestamptz not null default now(),
      primary key (candidacy_id, branch_id, waiting_since, period)
    )`.execute(db);
  await sql`create index jury_reminders_branch_day_idx on jury_reminders (branch_id, reminded_on)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
