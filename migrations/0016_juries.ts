import { type Kysely, sql } from 'kysely';

/**
 * National joint juries and awards (issue 13; module src/modules/candidates, ADR 0006).
 *
 * - `habilitations` of kind `jury_member` name the member's college (`employers | employees`)
 *   and the federation or union that designated them (`designated_by`); a session takes both
 *   from the habilitation.
 * - `jury_rules`: the composition rules of a branch, as data (`content`, checked by
 *   `candidates/domain/jury-rules.ts`), versioned by `effective_from`: the version in force on a
 *   session's date applies. A row with `certification_id` holds the rules one branch set for a
 *   CQPI it co-owns; `jury_rule_acceptances` records each other co-owning branch's agreement.
 *   A version is never updated nor deleted (a change is a new version).
 * - `juries`: a session convened by a branch on a date (place or remote), with the rules version
 *   it follows pinned at creation, and its state (`domain/jury-lifecycle.ts`).
 *   `jury_certifications`, `jury_members` (college and designation copied from the habilitation,
 *   the attendance recorded on the day), `jury_candidacies` (the candidacies attached).
 * - `jury_decisions`: append-only (a trigger refuses any update or delete). A correction is a
 *   new decision naming the one it `replaces`, with its reason; the current decision of a
 *   candidacy in a session is the one no other replaces. Who deliberated and who was excluded
 *   (a declared link to the candidate) are kept with it.
 * - `jury_minutes`: each generated procès-verbal (PDF bytes and SHA-256), from the decisions it
 *   names; invalidated when a decision changes after it; sealed once (the PDF signed with the
 *   platform's key). `jury_minutes_signatures`: members signing a minutes' hash (append-only).
 * - `awards`: what a closed session awarded, numbered per certification and year without gaps
 *   (`award_counters`, incremented in the closing transaction: a rolled-back close gives its
 *   numbers back), the blocs validated with their validity end, revocation (with its reason) and
 *   the successor created by a correction. Only revocation and the successor may change, once.
 * - `bloc_equivalences`: equivalences between blocs of two certifications declared by a branch,
 *   through which a validated bloc is carried into candidacies for the other certification.
 * - Candidacies gain the states after the jury: `awarded`, `partially_awarded`, `refused`
 *   (ended, so the candidate may enrol again for the blocs left).
 */
const ENDED = sql.raw(`('withdrawn', 'transferred', 'awarded', 'partially_awarded', 'refused')`);

/** A trigger function refusing every update and delete of an append-only table. */
async function appendOnly(db: Kysely<unknown>, table: string, what: string) {
  await sql`
    create function ${sql.raw(`${table}_append_only`)}() returns trigger language plpgsql as $$
    begin
      raise exception ${sql.lit(`${what} is never updated nor deleted`)};
    end $$`.execute(db);
  await sql`
    create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function ${sql.raw(`${table}_append_only`)}()`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // Jury members' college and designating federation or union.
  await sql`alter table habilitations add column college text
    check (college in ('employers', 'employees'))`.execute(db);
  await sql`alter table habilitations add column designated_by text`.execute(db);
  await sql`alter table habilitations add constraint habilitations_jury_college_check
    check ((college is null and designated_by is null) or kind = 'jury_member')`.execute(db);

  // The candidacy states after the jury.
  await sql`alter table candidacies drop constraint candidacies_status_check`.execute(db);
  await sql`alter table candidacies add constraint candidacies_status_check
    check (status in ('enrolled', 'positioning', 'pathway', 'assessment', 'ready_for_jury',
                      'on_hold', 'withdrawn', 'transferred', 'awarded', 'partially_awarded', 'refused'))`.execute(
    db,
  );
  await sql`drop index candidacies_one_active_idx`.execute(db);
  await sql`
    create unique index candidacies_one_active_idx on candidacies (candidate_id, certification_id)
      where status not in ${ENDED}`.execute(db);

  await sql`
    create table jury_rules (
      id uuid primary key default gen_random_uuid(),
      branch_id uuid not null references branches(id),
      certification_id uuid references certifications(id),
      effective_from date not null,
      content jsonb not null,
      note text,
      created_by uuid,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create unique index jury_rules_version_idx on jury_rules
      (branch_id, coalesce(certification_id, '00000000-0000-0000-0000-000000000000'::uuid), effective_from)`.execute(
    db,
  );
  await appendOnly(db, 'jury_rules', 'a version of jury rules');
  await sql`
    create table jury_rule_acceptances (
      rules_id uuid not null references jury_rules(id),
      branch_id uuid not null references branches(id),
      accepted_by uuid,
      accepted_at timestamptz not null default now(),
      primary key (rules_id, branch_id)
    )`.execute(db);

  await sql`
    create table juries (
      id uuid primary key default gen_random_uuid(),
      convening_branch_id uuid not null references branches(id),
      rules_id uuid not null references jury_rules(id),
      date date not null,
      starts_at time,
      place text,
      remote boolean not null default false,
      status text not null default 'planned'
        check (status in ('planned', 'deliberating', 'minutes', 'sealed', 'closed', 'cancelled')),
      deliberation_opened_at timestamptz,
      closed_at timestamptz,
      closed_by uuid,
      cancelled_at timestamptz,
      cancelled_by uuid,
      cancel_reason text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (place is not null or remote),
      check ((status = 'closed') = (closed_at is not null)),
      check ((status = 'cancelled') = (cancelled_at is not null))
    )`.execute(db);
  await sql`create index juries_branch_date_idx on juries (convening_branch_id, date desc)`.execute(db);

  await sql`
    create table jury_certifications (
      jury_id uuid not null references juries(id),
      certification_id uuid not null references certifications(id),
      primary key (jury_id, certification_id)
    )`.execute(db);
  await sql`create index jury_certifications_cert_idx on jury_certifications (certification_id)`.execute(db);

  await sql`
    create table jury_members (
      jury_id uuid not null references juries(id),
      user_id uuid not null references users(id),
      role text not null check (role in ('president', 'member')),
      college text not null check (college in ('employers', 'employees')),
      designated_by text,
      presence text check (presence in ('present', 'remote', 'absent')),
      presence_recorded_by uuid,
      presence_recorded_at timestamptz,
      convened_at timestamptz,
      primary key (jury_id, user_id)
    )`.execute(db);
  await sql`create unique index jury_members_one_president on jury_members (jury_id) where role = 'president'`.execute(
    db,
  );
  await sql`create index jury_members_user_idx on jury_members (user_id)`.execute(db);

  await sql`
    create table jury_candidacies (
      jury_id uuid not null references juries(id),
      candidacy_id uuid not null references candidacies(id),
      attached_by uuid,
      attached_at timestamptz not null default now(),
      primary key (jury_id, candidacy_id)
    )`.execute(db);
  await sql`create index jury_candidacies_candidacy_idx on jury_candidacies (candidacy_id)`.execute(db);

  await sql`
    create table jury_decisions (
      id uuid primary key default gen_random_uuid(),
      jury_id uuid not null references juries(id),
      candidacy_id uuid not null references candidacies(id),
      blocs jsonb not null,
      outcome text not null check (outcome in ('full', 'partial', 'refused', 'absent', 'deferred')),
      reasons text,
      recommendations text,
      votes jsonb,
      deliberating_members uuid[] not null default '{}',
      excluded_members uuid[] not null default '{}',
      replaces_id uuid unique references jury_decisions(id),
      correction_reason text,
      posted_by uuid not null,
      posted_as text not null check (posted_as in ('president', 'secretary')),
      posted_at timestamptz not null default now(),
      check ((replaces_id is null) = (correction_reason is null)),
      foreign key (jury_id, candidacy_id) references jury_candidacies (jury_id, candidacy_id)
    )`.execute(db);
  // One first decision per candidacy and session; later ones replace it, one at a time.
  await sql`create unique index jury_decisions_first_idx on jury_decisions (jury_id, candidacy_id)
    where replaces_id is null`.execute(db);
  await sql`create index jury_decisions_candidacy_idx on jury_decisions (candidacy_id)`.execute(db);
  await appendOnly(db, 'jury_decisions', 'a jury decision');

  await sql`
    create table jury_minutes (
      id uuid primary key default gen_random_uuid(),
      jury_id uuid not null references juries(id),
      version integer not null check (version >= 1),
      pdf bytea not null,
      sha256 text not null,
      decision_ids uuid[] not null,
      generated_by uuid,
      generated_at timestamptz not null default now(),
      invalidated_at timestamptz,
      invalidated_reason text,
      sealed_pdf bytea,
      sealed_sha256 text,
      sealed_at timestamptz,
      unique (jury_id, version),
      check ((sealed_at is null) = (sealed_pdf is null) and (sealed_pdf is null) = (sealed_sha256 is null)),
      check (invalidated_at is null or sealed_at is null)
    )`.execute(db);
  // The bytes of a minutes never change; it may be invalidated once, or sealed once.
  await sql`
    create function jury_minutes_locked() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'jury minutes are never deleted';
      end if;
      if (to_jsonb(new) - 'invalidated_at' - 'invalidated_reason' - 'sealed_pdf' - 'sealed_sha256' - 'sealed_at')
           <> (to_jsonb(old) - 'invalidated_at' - 'invalidated_reason' - 'sealed_pdf' - 'sealed_sha256' - 'sealed_at')
         or (old.invalidated_at is not null) or (old.sealed_at is not null) then
        raise exception 'jury minutes are locked';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger jury_minutes_locked before update or delete on jury_minutes
      for each row execute function jury_minutes_locked()`.execute(db);
  await sql`create unique index jury_minutes_one_valid on jury_minutes (jury_id) where invalidated_at is null`.execute(
    db,
  );

  await sql`
    create table jury_minutes_signatures (
      minutes_id uuid not null references jury_minutes(id),
      user_id uuid not null references users(id),
      role text not null check (role in ('president', 'member')),
      sha256 text not null,
      signed_at timestamptz not null default now(),
      primary key (minutes_id, user_id)
    )`.execute(db);
  await appendOnly(db, 'jury_minutes_signatures', 'a signature of jury minutes');

  await sql`
    create table award_counters (
      certification_id uuid not null references certifications(id),
      year integer not null,
      last integer not null check (last >= 0),
      primary key (certification_id, year)
    )`.execute(db);

  await sql`
    create table awards (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      certification_id uuid not null references certifications(id),
      year integer not null,
      sequence integer not null check (sequence >= 1),
      candidacy_id uuid not null references candidacies(id),
      candidate_id uuid not null references candidates(id),
      jury_id uuid not null references juries(id),
      decision_id uuid not null unique references jury_decisions(id),
      kind text not null check (kind in ('full', 'partial')),
      awarded_on date not null,
      blocs jsonb not null,
      revoked_at timestamptz,
      revoked_by uuid,
      revoke_reason text,
      successor_id uuid references awards(id),
      created_at timestamptz not null default now(),
      unique (certification_id, year, sequence),
      check ((revoked_at is null) = (revoke_reason is null)),
      check (successor_id is null or revoked_at is not null)
    )`.execute(db);
  await sql`create index awards_candidate_idx on awards (candidate_id)`.execute(db);
  await sql`create index awards_candidacy_idx on awards (candidacy_id)`.execute(db);
  await sql`create index awards_jury_idx on awards (jury_id)`.execute(db);
  // Only the revocation (once) and the successor (once, on a revoked award) may change.
  await sql`
    create function awards_locked() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'an award is never deleted';
      end if;
      if (to_jsonb(new) - 'revoked_at' - 'revoked_by' - 'revoke_reason' - 'successor_id')
           <> (to_jsonb(old) - 'revoked_at' - 'revoked_by' - 'revoke_reason' - 'successor_id')
         or (old.revoked_at is not null and (new.revoked_at, new.revoked_by, new.revoke_reason)
               is distinct from (old.revoked_at, old.revoked_by, old.revoke_reason))
         or (old.successor_id is not null and new.successor_id is distinct from old.successor_id) then
        raise exception 'an award is locked';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger awards_locked before update or delete on awards
      for each row execute function awards_locked()`.execute(db);

  await sql`
    create table bloc_equivalences (
      id uuid primary key default gen_random_uuid(),
      from_certification_id uuid not null references certifications(id),
      from_bloc_code text not null,
      to_certification_id uuid not null references certifications(id),
      to_bloc_code text not null,
      declared_by_branch_id uuid not null references branches(id),
      note text,
      created_by uuid,
      created_at timestamptz not null default now(),
      unique (from_certification_id, from_bloc_code, to_certification_id, to_bloc_code),
      check (from_certification_id <> to_certification_id)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
