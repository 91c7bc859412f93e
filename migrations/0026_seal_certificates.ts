import { type Kysely, sql } from 'kysely';

/**
 * Every certificate the platform's seal has used (src/platform/seal/seal-certificates.ts).
 * The seal's PKCS#12 is renewed every 1 to 3 years (a qualified electronic seal expires): a
 * certificate PDF sealed before the renewal must still verify as sealed by the platform
 * (ADR 0007, « Vérification publique »). A process records its seal's certificate when it opens
 * it (at start, before anything is sealed): fingerprint (SHA-256 of the DER, hex), subject,
 * issuer, serial number, validity and the DER itself, the first time it was used and the last
 * time a process took it as its seal. A row never changes but `last_loaded_at`; it is deleted
 * only by an operator distrusting a compromised key (docs/deploy.md): the PDFs that key sealed
 * then no longer verify as the platform's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table seal_certificates (
      fingerprint text primary key check (fingerprint ~ '^[0-9a-f]{64}$'),
      subject text not null,
      issuer text not null,
      serial_number text not null,
      not_before timestamptz not null,
      not_after timestamptz not null,
      certificate bytea not null,
      first_used_at timestamptz not null default now(),
      last_loaded_at timestamptz not null default now(),
      check (not_before <= not_after)
    )`.execute(db);
  await sql`
    create function seal_certificates_locked() returns trigger language plpgsql as $$
    begin
      if (to_jsonb(new) - 'last_loaded_at') <> (to_jsonb(old) - 'last_loaded_at') then
        raise exception 'a seal certificate''s record is locked';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger seal_certificates_locked before update on seal_certificates
    for each row execute function seal_certificates_locked()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
