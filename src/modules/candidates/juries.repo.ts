import type { Kysely, Transaction, Updateable } from 'kysely';
import type { AuditAction } from '../../contracts/audit.js';
import type { JuryStatus } from '../../contracts/juries.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

/** A jury session with its certifications, members and attached candidacies (undefined: unknown id). */
export async function findJury(db: Q, id: string) {
  const jury = await db.selectFrom('juries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!jury) return undefined;
  const [certifications, members, candidacies] = await Promise.all([
    db
      .selectFrom('jury_certifications')
      .select('certification_id')
      .where('jury_id', '=', id)
      .orderBy('certification_id')
      .execute(),
    db
      .selectFrom('jury_members')
      .selectAll()
      .where('jury_id', '=', id)
      .orderBy('role', 'desc')
      .orderBy('college')
      .orderBy('user_id')
      .execute(),
    db
      .selectFrom('jury_candidacies')
      .select('candidacy_id')
      .where('jury_id', '=', id)
      .orderBy('attached_at')
      .orderBy('candidacy_id')
      .execute(),
  ]);
  return {
    ...jury,
    certificationIds: certifications.map((c) => c.certification_id),
    members,
    candidacyIds: candidacies.map((c) => c.candidacy_id),
  };
}
export type JuryRow = NonNullable<Awaited<ReturnType<typeof findJury>>>;
export type JuryMemberRow = JuryRow['members'][number];

/** The session's status, its row locked until the caller's transaction ends (a concurrent change waits). */
export async function lockJury(trx: Transaction<Database>, id: string): Promise<{ status: JuryStatus }> {
  return trx.selectFrom('juries').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

/**
 * A change of a session in the caller's transaction, as every jury operation records it: the
 * session moved to `to` (with the other columns of `set`) when given, and its audit row (entity
 * `jury`), whose `after` then names the new status.
 */
export async function recordJuryChange(
  trx: Transaction<Database>,
  change: {
    juryId: string;
    actor: Actor;
    action: AuditAction;
    to?: JuryStatus;
    set?: Omit<Updateable<Database['juries']>, 'id' | 'status' | 'updated_at'>;
    before?: Record<string, unknown>;
    after: Record<string, unknown>;
    requestId?: string;
  },
): Promise<void> {
  if (change.to !== undefined)
    await trx
      .updateTable('juries')
      .set({ ...change.set, status: change.to, updated_at: new Date() })
      .where('id', '=', change.juryId)
      .execute();
  await recordAudit(trx, {
    actor: auditActorOf(change.actor),
    action: change.action,
    entityType: 'jury',
    entityId: change.juryId,
    ...(change.before ? { before: change.before } : {}),
    after: change.to === undefined ? change.after : { ...change.after, status: change.to },
    requestId: change.requestId,
  });
}

/** The content of a rules version (pinned by a session). */
export async function rulesContent(db: Q, rulesId: string) {
  return db
    .selectFrom('jury_rules')
    .select(['id', 'content', 'effective_from'])
    .where('id', '=', rulesId)
    .executeTakeFirstOrThrow();
}

/** Every decision of a session, oldest first. */
export async function decisionsOf(db: Q, juryId: string, candidacyId?: string) {
  return db
    .selectFrom('jury_decisions')
    .selectAll()
    .where('jury_id', '=', juryId)
    .$if(candidacyId !== undefined, (q) => q.where('candidacy_id', '=', candidacyId as string))
    .orderBy('posted_at')
    .orderBy('id')
    .execute();
}
export type DecisionRow = Awaited<ReturnType<typeof decisionsOf>>[number];

/** Of these candidacies, those attached to a session not closed nor cancelled (other than `except`). */
export async function attachedElsewhere(db: Q, candidacyIds: readonly string[], except?: string) {
  if (candidacyIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('jury_candidacies as jc')
    .innerJoin('juries as j', 'j.id', 'jc.jury_id')
    .select('jc.candidacy_id')
    .where('jc.candidacy_id', 'in', candidacyIds)
    .where('j.status', 'not in', ['closed', 'cancelled'])
    .$if(except !== undefined, (q) => q.where('j.id', '<>', except as string))
    .execute();
  return new Set(rows.map((r) => r.candidacy_id));
}

/** The people linked to each candidate (candidacy_links), by candidacy. */
export async function linksByCandidacy(db: Q, candidacyIds: readonly string[]) {
  const out = new Map<string, string[]>();
  if (candidacyIds.length === 0) return out;
  const rows = await db
    .selectFrom('candidacy_links')
    .select(['candidacy_id', 'user_id'])
    .where('candidacy_id', 'in', candidacyIds)
    .execute();
  for (const r of rows) out.set(r.candidacy_id, [...(out.get(r.candidacy_id) ?? []), r.user_id]);
  return out;
}

/** The carried blocs of each candidacy. */
export async function carriedByCandidacy(db: Q, candidacyIds: readonly string[]) {
  const out = new Map<string, string[]>();
  if (candidacyIds.length === 0) return out;
  const rows = await db
    .selectFrom('carried_blocs')
    .select(['candidacy_id', 'bloc_code'])
    .where('candidacy_id', 'in', candidacyIds)
    .execute();
  for (const r of rows) out.set(r.candidacy_id, [...(out.get(r.candidacy_id) ?? []), r.bloc_code]);
  return out;
}

/**
 * The assessors' signed, current proposals per bloc for these candidacies (sessions not
 * cancelled): one row per session, bloc and evaluator who signed.
 */
export async function proposalsOf(db: Q, candidacyIds: readonly string[]) {
  if (candidacyIds.length === 0) return [];
  return db
    .selectFrom('assessment_results as r')
    .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
    .select(['a.candidacy_id', 'r.assessment_id', 'r.bloc_code', 'r.proposal', 'r.signed_by', 'r.signed_at'])
    .where('a.candidacy_id', 'in', candidacyIds)
    .where('a.cancelled_at', 'is', null)
    .where('r.signed_at', 'is not', null)
    .where('r.superseded_at', 'is', null)
    .orderBy('r.signed_at')
    .execute();
}

/** The members of the sessions (not cancelled) each candidacy is attached to: who reads it as a jury member. */
export async function juryMembersByCandidacy(db: Q, candidacyIds: readonly string[]) {
  const out = new Map<string, string[]>();
  if (candidacyIds.length === 0) return out;
  const rows = await db
    .selectFrom('jury_candidacies as jc')
    .innerJoin('juries as j', 'j.id', 'jc.jury_id')
    .innerJoin('jury_members as m', 'm.jury_id', 'jc.jury_id')
    .select(['jc.candidacy_id', 'm.user_id'])
    .where('jc.candidacy_id', 'in', candidacyIds)
    .where('j.status', '<>', 'cancelled')
    .execute();
  for (const r of rows) out.set(r.candidacy_id, [...(out.get(r.candidacy_id) ?? []), r.user_id]);
  return out;
}

/**
 * Invalidates the session's minutes not sealed nor invalidated yet, with the reason, in the
 * caller's transaction (the procès-verbal no longer says what the jury decided).
 */
export async function invalidateCurrentMinutes(trx: Q, juryId: string, reason: string): Promise<void> {
  await trx
    .updateTable('jury_minutes')
    .set({ invalidated_at: new Date(), invalidated_reason: reason })
    .where('jury_id', '=', juryId)
    .where('invalidated_at', 'is', null)
    .where('sealed_at', 'is', null)
    .execute();
}
