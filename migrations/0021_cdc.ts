import { type Kysely, sql } from 'kysely';

/**
 * The holders' deposit to the Caisse des Dépôts (issue 14, point 4; module src/modules/cdc,
 * ADR 0008).
 *
 * - `cdc_certifiers`: per legal owner of certifications (`certifications.legal_owner_siret`, the
 *   « certificateur »), what the CDC gave it: client id (8 characters), contract id (1–20), the
 *   name shown, and the XSD version its flux follow (1.1.2; 1.1.5, which carries the NIR, later).
 * - `cdc_deposits`: one flux per certifier, its `idFlux` (unique), the file name it is offered
 *   under and the XML itself as offered (validated against the XSD before it was stored: the
 *   download is byte-identical to what was validated), and the last report imported.
 * - `cdc_passages`: one row per award in a flux, keyed by its `idTechnique` (unique for ever:
 *   a re-deposit of the same award is a new passage, `attempt` + 1), and the CDC's answer:
 *   `pending` until a report, then `ok`, `ko` (with the CDC's reason) or `already`
 *   (« Le titulaire existe déjà en base », which counts as deposited).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cdc_certifiers (
      siret text primary key check (siret ~ '^[0-9]{14}$'),
      name text not null check (length(name) between 1 and 200),
      client_id text not null check (length(client_id) = 8),
      contract_id text not null check (length(contract_id) between 1 and 20),
      xsd_version text not null default '1.1.2' check (xsd_version in ('1.1.2', '1.1.5')),
      updated_by uuid,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table cdc_deposits (
      id uuid primary key default gen_random_uuid(),
      certifier_siret text not null references cdc_certifiers(siret),
      branch_id uuid references branches(id),
      id_flux text not null unique,
      file_name text not null,
      xsd_version text not null,
      flux text not null,
      flux_sha256 text not null,
      passages integer not null check (passages >= 1),
      created_by uuid,
      created_at timestamptz not null default now(),
      report_imported_at timestamptz,
      report_id_traitement text,
      report_error text
    )`.execute(db);
  await sql`create index cdc_deposits_certifier_idx on cdc_deposits (certifier_siret, created_at)`.execute(
    db,
  );

  await sql`
    create table cdc_passages (
      id_technique text primary key check (length(id_technique) between 1 and 255),
      deposit_id uuid not null references cdc_deposits(id),
      award_id uuid not null references awards(id),
      attempt integer not null check (attempt >= 1),
      result text not null default 'pending' check (result in ('pending', 'ok', 'ko', 'already')),
      message text,
      reported_at timestamptz,
      unique (deposit_id, award_id),
      unique (award_id, attempt)
    )`.execute(db);
  await sql`create index cdc_passages_award_idx on cdc_passages (award_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
