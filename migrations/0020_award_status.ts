import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

/**
 * Awards' status and verifiable credentials (issue 14; ADR 0007).
 *
 * - `awards` gain a `verification_code` (`XXXX-XXXX-XXXX`, Crockford base32 without I L O U,
 *   60 random bits: printed on the certificate, typed on the public verification page),
 *   a `status_list_index` (the award's bit in the Bitstring Status Lists, from a sequence) and
 *   a suspension (`suspended_at`, `suspended_by`, `suspend_reason`). Awards that exist already
 *   get both here. The `awards_locked` trigger now also lets the suspension change — set when
 *   none is, cleared when one is, never on a revoked award; the code and the index never change.
 * - `award_status_events`: append-only history of revocations, suspensions and reinstatements.
 * - Module credentials: `issuer_keys` (Ed25519 key pairs of the did:web issuer; the private key
 *   encrypted at rest, context `issuer_keys.private_key:<id>`; at most one key not retired — a
 *   retired key stays published so that what it signed still verifies) and
 *   `award_credentials` (the signed Open Badges 3.0 credential of an award, stored as the exact
 *   text served — text, not jsonb, so it is served byte-identical).
 */

/** Crockford base32 without I, L, O, U (readable, no confusions). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A verification code, as `candidates/domain/awards.ts` `verificationCode` makes it (copied here:
 * a migration never changes with the code after it).
 */
function verificationCode(): string {
  const bytes = randomBytes(8);
  let value = bytes.readBigUInt64BE(0) >> 4n; // 60 bits
  let out = '';
  for (let i = 0; i < 12; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger awards_locked on awards`.execute(db);

  await sql`create sequence award_status_list_index_seq minvalue 0 start 0`.execute(db);
  await sql`alter table awards add column verification_code text`.execute(db);
  await sql`alter table awards add column status_list_index integer
    default nextval('award_status_list_index_seq')`.execute(db);
  await sql`alter sequence award_status_list_index_seq owned by awards.status_list_index`.execute(db);
  await sql`alter table awards add column suspended_at timestamptz`.execute(db);
  await sql`alter table awards add column suspended_by uuid`.execute(db);
  await sql`alter table awards add column suspend_reason text`.execute(db);

  // Existing awards: a code each (status_list_index was filled by the column's default, in
  // the awards' physical order).
  const existing = await sql<{ id: string }>`select id from awards order by created_at, number`.execute(db);
  const used = new Set<string>();
  for (const { id } of existing.rows) {
    let code = verificationCode();
    while (used.has(code)) code = verificationCode();
    used.add(code);
    await sql`update awards set verification_code = ${code} where id = ${id}`.execute(db);
  }

  await sql`alter table awards alter column verification_code set not null`.execute(db);
  await sql`alter table awards alter column status_list_index set not null`.execute(db);
  await sql`alter table awards add constraint awards_verification_code_key unique (verification_code)`.execute(
    db,
  );
  await sql`alter table awards add constraint awards_verification_code_format
    check (verification_code ~ '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$')`.execute(
    db,
  );
  await sql`alter table awards add constraint awards_status_list_index_key unique (status_list_index)`.execute(
    db,
  );
  await sql`alter table awards add constraint awards_status_list_index_check check (status_list_index >= 0)`.execute(
    db,
  );
  await sql`alter table awards add constraint awards_suspension_check
    check ((suspended_at is null) = (suspend_reason is null)
           and (suspended_by is null or suspended_at is not null))`.execute(db);

  // Only the revocation (once), the successor (once, on a revoked award) and the suspension (set
  // when none is, cleared when one is, never on a revoked award) may change.
  await sql`
    create or replace function awards_locked() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'an award is never deleted';
      end if;
      if (to_jsonb(new) - 'revoked_at' - 'revoked_by' - 'revoke_reason' - 'successor_id'
                        - 'suspended_at' - 'suspended_by' - 'suspend_reason')
           <> (to_jsonb(old) - 'revoked_at' - 'revoked_by' - 'revoke_reason' - 'successor_id'
                             - 'suspended_at' - 'suspended_by' - 'suspend_reason')
         or (old.revoked_at is not null and (new.revoked_at, new.revoked_by, new.revoke_reason)
               is distinct from (old.revoked_at, old.revoked_by, old.revoke_reason))
         or (old.successor_id is not null and new.successor_id is distinct from old.successor_id) then
        raise exception 'an award is locked';
      end if;
      if (new.suspended_at, new.suspended_by, new.suspend_reason)
           is distinct from (old.suspended_at, old.suspended_by, old.suspend_reason)
         and (old.revoked_at is not null or new.revoked_at is not null
              or (old.suspended_at is not null and new.suspended_at is not null)) then
        raise exception 'an award''s suspension changes only from none to one or back, never once revoked';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger awards_locked before update or delete on awards
      for each row execute function awards_locked()`.execute(db);

  await sql`
    create table award_status_events (
      id uuid primary key default gen_random_uuid(),
      award_id uuid not null references awards(id),
      event text not null check (event in ('revoke', 'suspend', 'reinstate')),
      reason text,
      actor uuid,
      at timestamptz not null default now(),
      check (event = 'reinstate' or reason is not null)
    )`.execute(db);
  await sql`create index award_status_events_award_idx on award_status_events (award_id, at)`.execute(db);
  await sql`
    create function award_status_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'an award status event is never updated nor deleted';
    end $$`.execute(db);
  await sql`
    create trigger award_status_events_append_only before update or delete on award_status_events
      for each row execute function award_status_events_append_only()`.execute(db);
  // Revocations made before this migration.
  await sql`
    insert into award_status_events (award_id, event, reason, actor, at)
      select id, 'revoke', revoke_reason, revoked_by, revoked_at from awards where revoked_at is not null`.execute(
    db,
  );

  await sql`
    create table issuer_keys (
      id uuid primary key default gen_random_uuid(),
      verification_method_id text not null unique,
      public_key_multibase text not null unique,
      private_key_encrypted text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz
    )`.execute(db);
  // At most one key signs: the one not retired.
  await sql`create unique index issuer_keys_one_current on issuer_keys ((true)) where retired_at is null`.execute(
    db,
  );

  await sql`
    create table award_credentials (
      award_id uuid primary key references awards(id),
      credential text not null,
      issuer_key_id uuid not null references issuer_keys(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create function award_credentials_locked() returns trigger language plpgsql as $$
    begin
      raise exception 'a signed credential is never changed nor deleted';
    end $$`.execute(db);
  await sql`
    create trigger award_credentials_locked before update or delete on award_credentials
      for each row execute function award_credentials_locked()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
