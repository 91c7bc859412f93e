import { type Kysely, sql } from 'kysely';

/**
 * A stored CDC flux holds its holders' identity as deposited. When one of them is anonymised at
 * the end of the retention period (`qualif candidates purge`, docs/personal-data.md), the flux
 * text is erased: `flux` null, `flux_erased_at` set; its SHA-256, file name, `idFlux` and every
 * passage's result stay, the proof of what was sent and what the CDC answered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table cdc_deposits
      alter column flux drop not null,
      add column flux_erased_at timestamptz,
      add constraint cdc_deposits_flux_erased check ((flux is null) = (flux_erased_at is not null))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
