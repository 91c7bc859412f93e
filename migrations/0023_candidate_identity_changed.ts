import { type Kysely, sql } from 'kysely';

/**
 * When a candidate's civil identity — what the Caisse des Dépôts matches: names, sex, birth
 * date, birth commune or country — last really changed (issue 14, point 4;
 * src/modules/candidates/candidate-identity.service.ts). A CDC passage rejected (« passage KO »)
 * is due again once the identity changed after the report: `updated_at` moves for anything
 * (an account linked, a merge, an email), so it cannot tell. Existing rows: their creation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table candidates add column identity_changed_at timestamptz`.execute(db);
  await sql`update candidates set identity_changed_at = created_at`.execute(db);
  await sql`alter table candidates alter column identity_changed_at set not null,
    alter column identity_changed_at set default now()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
