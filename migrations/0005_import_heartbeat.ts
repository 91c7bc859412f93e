import { type Kysely, sql } from 'kysely';

/**
 * Registry import runs: the importing process writes `heartbeat_at` every few seconds, so that
 * a run whose process died (on any replica) is failed within the stale delay instead of
 * blocking imports. Rows written before this column get their last update as their last sign.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table registry_import_runs add column heartbeat_at timestamptz not null default now()`.execute(
    db,
  );
  await sql`update registry_import_runs set heartbeat_at = updated_at`.execute(db);
  // Looked up by the stale check, among running runs only (at most one).
  await sql`create index registry_running_heartbeat on registry_import_runs (heartbeat_at) where status = 'running'`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
