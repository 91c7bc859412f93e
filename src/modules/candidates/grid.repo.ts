import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { type ActionOf, enforce } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import type { MailJobs } from '../../platform/mail-jobs.js';
import { Problem, problems } from '../../platform/problem.js';
import type { CandidaciesService } from './candidacies.service.js';
import { blocsMissingForJury } from './domain/grid.js';

type Q = Kysely<Database>;

/** An assessment session with the evaluators assigned to it (undefined: unknown id). */
export async function findAssessment(db: Q, id: string) {
  const session = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return undefined;
  const evaluators = await db
    .selectFrom('assessment_evaluators')
    .select('evaluator_user_id')
    .where('assessment_id', '=', id)
    .orderBy('evaluator_user_id')
    .execute();
  return { ...session, evaluatorIds: evaluators.map((e) => e.evaluator_user_id) };
}
export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

/** The blocs with a signed, current result in these sessions. */
export async function currentSignedBlocs(db: Q, assessmentIds: readonly string[]): Promise<Set<string>> {
  if (assessmentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('assessment_results')
    .select('bloc_code')
    .where('assessment_id', 'in', assessmentIds)
    .where('signed_at', 'is not', null)
    .where('superseded_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.bloc_code));
}

/**
 * The targeted blocs of a candidacy that keep it from « prêt pour le jury »: neither carried in
 * nor given a signed, current result in one of its sessions not cancelled (domain/grid.ts).
 */
export async function blocsMissingForJuryOf(
  db: Q,
  candidacy: { id: string; bloc_codes: readonly string[] },
): Promise<string[]> {
  const [carried, sessions] = await Promise.all([
    db.selectFrom('carried_blocs').select('bloc_code').where('candidacy_id', '=', candidacy.id).execute(),
    db
      .selectFrom('assessments')
      .select('id')
      .where('candidacy_id', '=', candidacy.id)
      .where('cancelled_at', 'is', null)
      .execute(),
  ]);
  const signed = await currentSignedBlocs(
    db,
    sessions.map((s) => s.id),
  );
  return blocsMissingForJury(candidacy.bloc_codes, new Set(carried.map((c) => c.bloc_code)), signed);
}

/**
 * Loads a session with its candidacy and the policy facts, after the check of `action` on it
 * (policy `assessment`): unknown or unseen → 404 « Évaluation introuvable. », readable but not
 * for this action → 403.
 */
export function sessionLoader(db: Q, candidacies: Pick<CandidaciesService, 'loadFor'>) {
  return async function loadSession(id: string, actor: Actor, action: ActionOf<'assessment'>) {
    const session = await findAssessment(db, id);
    if (!session) throw problems.notFound(SESSION_NOT_FOUND);
    let loaded: Awaited<ReturnType<CandidaciesService['loadFor']>>;
    try {
      loaded = await candidacies.loadFor(session.candidacy_id, actor, 'read');
    } catch (e) {
      if (e instanceof Problem && e.status === 404) throw problems.notFound(SESSION_NOT_FOUND);
      throw e;
    }
    const facts = { candidacy: loaded.facts, evaluatorIds: session.evaluatorIds };
    enforce(actor, action, 'assessment', facts, SESSION_NOT_FOUND);
    return { session, ...loaded, assessmentFacts: facts };
  };
}

export const SESSION_NOT_FOUND = 'Évaluation introuvable.';

/**
 * Enqueues an assessment email to the candidate in the caller's transaction, when they gave an
 * email (their address is looked up again at send time).
 */
export async function mailCandidate(
  trx: Q,
  mail: Pick<MailJobs, 'enqueue'>,
  candidateId: string,
  message: {
    template: 'assessment.scheduled' | 'assessment.result_available';
    refs: { candidacyId: string; assessmentId: string };
    key: string;
  },
) {
  const reachable = await trx
    .selectFrom('candidates')
    .select('id')
    .where('id', '=', candidateId)
    .where('email', 'is not', null)
    .executeTakeFirst();
  if (reachable)
    await mail.enqueue(
      trx,
      { template: message.template, to: { kind: 'candidate', id: candidateId }, refs: message.refs },
      { idempotencyKey: `${message.template}:${message.key}` },
    );
}

/** The versions of a session's bloc result, oldest first, locked for the caller's transaction. */
export function versionsForUpdate(trx: Q, assessmentId: string, blocCode: string) {
  return trx
    .selectFrom('assessment_results')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('bloc_code', '=', blocCode)
    .orderBy('version')
    .forUpdate()
    .execute();
}
