import { type Kysely, sql } from 'kysely';

/**
 * A Qualiopi certificate has a start as well as an end: the organisation's certificate issue date
 * (`qualiopi_issued_on`), never after its expiry date when both are known (the service says so
 * field by field; the table keeps the rule for any other writer).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations add column qualiopi_issued_on date`.execute(db);
  await sql`alter table organisations add constraint organisations_qualiopi_dates
    check (qualiopi_issued_on is null or qualiopi_expires_on is null or qualiopi_issued_on <= qualiopi_expires_on)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
