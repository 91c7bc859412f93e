import { type Kysely, sql } from 'kysely';

/**
 * CQPI co-ownership: a branch named on a certification by a manager of another branch is
 * invited; it co-owns the certification (a row in certification_branches) only once it
 * accepts. The invitation rows are kept as the history of who asked whom, and when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table co_ownership_invitations (
      id uuid primary key default gen_random_uuid(),
      certification_id uuid not null references certifications(id) on delete cascade,
      branch_id uuid not null references branches(id),
      status text not null default 'pending'
        check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
      invited_by uuid,
      invited_at timestamptz not null default now(),
      answered_by uuid,
      answered_at timestamptz
    )`.execute(db);
  // One open invitation per certification and branch.
  await sql`
    create unique index co_ownership_invitations_pending_idx
      on co_ownership_invitations (certification_id, branch_id) where status = 'pending'`.execute(db);
  await sql`create index co_ownership_invitations_branch_idx on co_ownership_invitations (branch_id, status)`.execute(
    db,
  );
}
