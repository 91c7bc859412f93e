import { sql, type Transaction } from 'kysely';
import type { AuditAction, AuditEntityType } from '../../contracts/audit.js';
import type { AuditActor } from '../auth/actor.js';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { type ChainRow, type ChainVerdict, chainHash, diffOf, GENESIS_HASH, verifyChain } from './chain.js';
import { redactDiff } from './personal-data.js';

export type AuditEntry = {
  /** Stored as the user's id only (`actor_label` says `user`), or as `system`: never a name or email. */
  actor: AuditActor;
  /** One of the codes of src/contracts/audit.ts, each with its French label. */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  /** Field values before and after; personal fields (personal-data.ts) are kept as names only. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
};

/** Any lock key shared by all writers of the chain; the value itself means nothing. */
export const AUDIT_LOCK_KEY = 7_310_142_001;

/**
 * Appends one audit row inside the caller's transaction, so the row exists if and only if
 * the change it records was committed. Writers take a transaction-scoped advisory lock, so
 * concurrent transactions (several replicas) append one after another to a single chain.
 */
export async function recordAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const { id } = await sql<{
    id: number;
  }>`select nextval(pg_get_serial_sequence('audit_events', 'id'))::int8 as id`
    .execute(trx)
    .then((r) => r.rows[0] as { id: number });
  const at = new Date();
  const diff = redactDiff(diffOf(entry.before ?? null, entry.after ?? null));
  const content = {
    id,
    at,
    actorUserId: entry.actor.userId,
    actorLabel: actorKind(entry.actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    diff,
    requestId: entry.requestId ?? null,
  };
  const hash = chainHash(prevHash, content);
  await sql`insert into audit_events
      (id, at, actor_user_id, actor_label, action, entity_type, entity_id, diff, request_id, prev_hash, hash)
    overriding system value values
      (${id}, ${at}, ${content.actorUserId}, ${content.actorLabel}, ${content.action}, ${content.entityType},
       ${content.entityId}, ${JSON.stringify(diff)}::jsonb, ${content.requestId}, ${prevHash}, ${hash})`.execute(
    trx,
  );
}

/**
 * What `actor_label` holds: `system`, or `user` (who: `actor_user_id`, named at read time). Rows
 * written before this rule hold the person's email; they stay as they are, the chain covers them.
 */
function actorKind(actor: AuditActor): 'system' | 'user' {
  return actor.userId === null ? 'system' : 'user';
}

const VERIFY_BATCH = 1000;

/** Reads the whole chain in id order, in batches, and checks every link. */
export async function verifyAuditTrail(db: Db): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(VERIFY_BATCH)
      .execute();
    if (rows.length === 0) return { ok: true, checked, lastHash: prevHash };
    const chainRows: ChainRow[] = rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at),
      actorUserId: r.actor_user_id,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      diff: r.diff,
      requestId: r.request_id,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    const verdict = verifyChain(chainRows, prevHash, checked);
    if (!verdict.ok) return verdict;
    prevHash = verdict.lastHash;
    checked = verdict.checked;
    afterId = chainRows[chainRows.length - 1]?.id ?? afterId;
  }
}
