import { type Kysely, sql } from 'kysely';

/**
 * Foundation: accounts, scoped roles, sessions, login throttling, password reset,
 * OIDC login states, mail outbox, and the hash-chained audit trail.
 * `branches` and `organisations` start minimal: the catalogue extends them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null check (email = lower(email) and position('@' in email) > 1),
      display_name text not null check (length(display_name) between 1 and 200),
      password_hash text,
      is_active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index users_email_key on users (email)`.execute(db);

  await sql`
    create table branches (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('training_org', 'employer', 'assessment_centre', 'opco')),
      name text not null,
      siret text check (siret ~ '^[0-9]{14}$'),
      created_at timestamptz not null default now()
    )`.execute(db);

  // A role's scope is explicit: a branch, an organisation, or nothing (global for admin,
  // the person themself for evaluator, jury_member and candidate).
  await sql`
    create table role_assignments (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('admin', 'branch_manager', 'training_org', 'evaluator',
        'jury_member', 'employer', 'advisor', 'candidate')),
      branch_id uuid references branches(id),
      organisation_id uuid references organisations(id),
      created_at timestamptz not null default now(),
      check (case
        when role in ('branch_manager', 'advisor') then branch_id is not null and organisation_id is null
        when role in ('training_org', 'employer') then organisation_id is not null and branch_id is null
        else branch_id is null and organisation_id is null end)
    )`.execute(db);
  await sql`create unique index role_assignments_unique on role_assignments
    (user_id, role, coalesce(branch_id, '00000000-0000-0000-0000-000000000000'),
     coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'))`.execute(db);

  await sql`
    create table sessions (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      csrf_token text not null,
      user_id uuid not null references users(id) on delete cascade,
      method text not null check (method in ('password', 'oidc')),
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  // Keys are HMACs of the account's email and of the client IP: no personal data stored.
  await sql`
    create table login_failures (
      id bigint generated always as identity primary key,
      account_key text not null,
      ip_key text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index login_failures_account_idx on login_failures (account_key, at)`.execute(db);
  await sql`create index login_failures_ip_idx on login_failures (ip_key, at)`.execute(db);

  await sql`
    create table password_reset_tokens (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);

  await sql`
    create table oidc_login_states (
      state text primary key,
      code_verifier text not null,
      nonce text not null,
      return_to text not null,
      expires_at timestamptz not null
    )`.execute(db);

  await sql`
    create table mail_outbox (
      id bigint generated always as identity primary key,
      recipient text not null,
      subject text not null,
      body_text text not null,
      transport text not null check (transport in ('outbox', 'smtp')),
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      error text
    )`.execute(db);

  await sql`
    create table audit_events (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      actor_user_id uuid,
      actor_label text not null,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      diff jsonb not null,
      request_id text,
      prev_hash text not null,
      hash text not null unique
    )`.execute(db);
  await sql`create index audit_events_entity_idx on audit_events (entity_type, entity_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
