import type { Transaction } from 'kysely';
import type { AwardStatus } from '../../contracts/juries.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { AwardedBloc, DecisionBloc } from './domain/awards.js';
import { type AwardStatusAction, awardStatus, statusChangeRefusal } from './domain/awards.js';

/**
 * An award's status (issue 14): suspension and reinstatement by the certification's branch
 * managers, each kept in `award_status_events` (append-only, revocations too), and what the
 * credentials module reads of awards through the candidates' service (the status lists, the
 * data of a credential). The awards_locked trigger (migration 0020) refuses any other change.
 */

/** Records a status event in the caller's transaction. */
export async function recordStatusEvent(
  trx: Transaction<Database>,
  awardId: string,
  event: AwardStatusAction,
  reason: string | null,
  actor: Actor,
) {
  await trx
    .insertInto('award_status_events')
    .values({ award_id: awardId, event, reason, actor: auditActorOf(actor).userId })
    .execute();
}

/** The reason of a suspension: 422 naming `reason` when missing or too short. */
export function suspensionReason(body: { reason?: string | undefined }): string {
  const reason = body.reason?.trim() ?? '';
  if (reason.length < 3)
    throw problems.unprocessable(
      [fieldError(['reason'], 'Indiquez la raison de la suspension (3 caractères au moins).')],
      'Une suspension se fait avec sa raison.',
    );
  return reason;
}

/**
 * Suspends (`reason` given) or reinstates (`reason` null) an award in the caller's transaction:
 * the row locked, its status checked (409 when revoked, already suspended, or not suspended),
 * the change, its event and its audit (without the reason's text: it may name the person).
 */
export async function changeSuspension(
  trx: Transaction<Database>,
  id: string,
  action: 'suspend' | 'reinstate',
  reason: string | null,
  actor: Actor,
  requestId?: string,
) {
  const row = await trx
    .selectFrom('awards')
    .select(['number', 'revoked_at', 'suspended_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const before = awardStatus({ revokedAt: row.revoked_at, suspendedAt: row.suspended_at });
  const refusal = statusChangeRefusal(before, action);
  if (refusal) throw problems.conflict(refusal);
  await trx
    .updateTable('awards')
    .set(
      action === 'suspend'
        ? { suspended_at: new Date(), suspended_by: auditActorOf(actor).userId, suspend_reason: reason }
        : { suspended_at: null, suspended_by: null, suspend_reason: null },
    )
    .where('id', '=', id)
    .execute();
  await recordStatusEvent(trx, id, action, reason, actor);
  await recordAudit(trx, {
    actor: auditActorOf(actor),
    action: action === 'suspend' ? 'award.suspend' : 'award.reinstate',
    entityType: 'award',
    entityId: id,
    before: { status: before },
    after: { status: action === 'suspend' ? 'suspended' : 'valid', number: row.number },
    requestId,
  });
}

/** Each award's index in the status lists and its status, those not valid only (few). */
export async function statusListEntries(db: Db): Promise<{ index: number; status: AwardStatus }[]> {
  const rows = await db
    .selectFrom('awards')
    .select(['status_list_index', 'revoked_at', 'suspended_at'])
    .where((eb) => eb.or([eb('revoked_at', 'is not', null), eb('suspended_at', 'is not', null)]))
    .execute();
  return rows.map((r) => ({
    index: r.status_list_index,
    status: awardStatus({ revokedAt: r.revoked_at, suspendedAt: r.suspended_at }),
  }));
}

/** The highest status-list index handed out (-1: none yet). */
export async function lastStatusListIndex(db: Db): Promise<number> {
  const row = await db
    .selectFrom('awards')
    .select((eb) => eb.fn.max('status_list_index').as('last'))
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? -1 : Number(row.last);
}

/**
 * What a credential or a certificate says of an award (no policy: the credentials module asks
 * it for the job that signs, or after the award's reading was checked). Undefined when unknown.
 * `holderName`: first names and usage (else birth) name — the holder asked for it on their
 * credential; never logged.
 */
export async function awardForCredential(db: Db, id: string) {
  const row = await db
    .selectFrom('awards as a')
    .innerJoin('candidates as p', 'p.id', 'a.candidate_id')
    .innerJoin('candidacies as c', 'c.id', 'a.candidacy_id')
    .innerJoin('jury_decisions as d', 'd.id', 'a.decision_id')
    .innerJoin('juries as j', 'j.id', 'a.jury_id')
    .select([
      'a.id',
      'a.number',
      'a.certification_id',
      'a.kind',
      'a.awarded_on',
      'a.blocs',
      'a.verification_code',
      'a.status_list_index',
      'a.revoked_at',
      'a.suspended_at',
      'a.created_at',
      'a.candidate_id',
      'p.first_names',
      'p.usage_name',
      'p.birth_name',
      'c.framework_version_number',
      'd.blocs as decision_blocs',
      'j.date as jury_date',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    number: row.number,
    certificationId: row.certification_id,
    kind: row.kind,
    awardedOn: String(row.awarded_on).slice(0, 10),
    juryDate: String(row.jury_date).slice(0, 10),
    blocs: row.blocs as AwardedBloc[],
    decisionBlocs: row.decision_blocs as DecisionBloc[],
    frameworkVersionNumber: row.framework_version_number,
    verificationCode: row.verification_code,
    statusListIndex: row.status_list_index,
    status: awardStatus({ revokedAt: row.revoked_at, suspendedAt: row.suspended_at }),
    createdAt: new Date(row.created_at).toISOString(),
    candidateId: row.candidate_id,
    holderName: [...(row.first_names ?? []), row.usage_name ?? row.birth_name].join(' ').trim(),
  };
}
export type AwardForCredential = NonNullable<Awaited<ReturnType<typeof awardForCredential>>>;

/** The award a verification code names (normalised code), or undefined. */
export async function awardIdByCode(db: Db, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('awards')
    .select('id')
    .where('verification_code', '=', code)
    .executeTakeFirst();
  return row?.id;
}
