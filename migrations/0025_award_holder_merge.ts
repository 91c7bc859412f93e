import { type Kysely, sql } from 'kysely';

/**
 * An award follows its holder when their duplicate record is merged into the one kept
 * (`POST /api/v1/candidates/{id}/merge`): `awards.candidate_id` may change, and only to the
 * record the old one was merged into. Before, the merge moved the candidacies but not the
 * awards, which the trigger locked: the holder no longer saw nor read their award. Everything
 * else of migration 0020's lock stays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function awards_locked() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'an award is never deleted';
      end if;
      if new.candidate_id is distinct from old.candidate_id
         and new.candidate_id is distinct from
               (select merged_into_id from candidates where id = old.candidate_id) then
        raise exception 'an award moves only to the record its holder''s was merged into';
      end if;
      if (to_jsonb(new) - 'candidate_id' - 'revoked_at' - 'revoked_by' - 'revoke_reason' - 'successor_id'
                        - 'suspended_at' - 'suspended_by' - 'suspend_reason')
           <> (to_jsonb(old) - 'candidate_id' - 'revoked_at' - 'revoked_by' - 'revoke_reason' - 'successor_id'
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
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
