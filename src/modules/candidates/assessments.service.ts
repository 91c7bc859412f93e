import { CANDIDACY_STATUS_LABELS } from '../../contracts/candidacies.js';
import { today } from '../../contracts/dates.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf, SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import { authorize, enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { MailJobs } from '../../platform/mail-jobs.js';
import { frenchDate } from '../../platform/mail-templates.js';
import { type FieldError, fieldError, problems } from '../../platform/problem.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import type { HabilitationsService } from '../catalogue/habilitations.service.js';
import type { UsersService } from '../identity/users.service.js';
import type { AssessmentBody, LinksBody } from './assessments.schemas.js';
import type { CandidaciesService } from './candidacies.service.js';
import { type CandidacyRow, findCandidacy } from './candidates.repo.js';
import { sessionMayChange } from './domain/grid.js';
import { mailCandidate, sessionLoader } from './grid.repo.js';
import type { AssessmentEditBody, CancelBody } from './grid.schemas.js';

type Deps = {
  db: Db;
  candidacies: Pick<CandidaciesService, 'loadFor'>;
  habilitations: Pick<HabilitationsService, 'habilitatedOn'>;
  users: Pick<UsersService, 'displayNames'>;
  certifications: Pick<CertificationsService, 'summaries'>;
  frameworks: Pick<FrameworksService, 'get'>;
  mail: Pick<MailJobs, 'enqueue'>;
};

const NOT_FOUND = 'Parcours introuvable.';

/**
 * Assessments of a candidacy, first slice (issue 12, point 6): the people linked to the
 * candidate (conflicts of interest), and assessment sessions scheduled on a date for targeted
 * blocs not carried in, by evaluators habilitated for the certification on that date and not
 * linked to the candidate, in the `assessment` state only. The evaluators assigned may then
 * read the candidacy (candidacies.service `factsOf`, policy `candidacyReadScope`).
 */
export function assessmentsServiceFactory(deps: Deps) {
  const { db } = deps;
  const loadSession = sessionLoader(db, deps.candidacies);

  async function linksOf(candidacyId: string) {
    return db
      .selectFrom('candidacy_links')
      .selectAll()
      .where('candidacy_id', '=', candidacyId)
      .orderBy('recorded_at')
      .orderBy('kind')
      .execute();
  }

  async function getLinks(candidacyId: string, actor: Actor) {
    const { facts } = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    enforce(actor, 'readLinks', 'candidacy', facts, NOT_FOUND);
    const rows = await linksOf(candidacyId);
    const names = await deps.users.displayNames([...new Set(rows.map((r) => r.user_id))]);
    return {
      candidacyId,
      links: rows.map((r) => ({
        kind: r.kind,
        userId: r.user_id,
        name: names.get(r.user_id) ?? null,
        recordedBy: r.recorded_by,
        recordedAt: new Date(r.recorded_at).toISOString(),
      })),
      can: { edit: authorize(actor, 'editLinks', 'candidacy', facts) },
    };
  }

  /** Replaces the candidacy's links (every person must have an account), audited by ids only. */
  async function putLinks(candidacyId: string, body: LinksBody, actor: Actor, requestId: string) {
    const { facts } = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    enforce(actor, 'editLinks', 'candidacy', facts, NOT_FOUND);
    const known = await deps.users.displayNames([...new Set(body.links.map((l) => l.userId))]);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    body.links.forEach((l, i) => {
      const key = `${l.kind}:${l.userId}`;
      if (!known.has(l.userId))
        errors.push(fieldError(['links', i, 'userId'], 'Aucun compte avec cet identifiant.'));
      else if (seen.has(key)) errors.push(fieldError(['links', i], 'Ce lien est déjà dans la liste.'));
      seen.add(key);
    });
    if (errors.length > 0)
      throw problems.unprocessable(errors, 'Certains liens ne peuvent pas être enregistrés.');
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .deleteFrom('candidacy_links')
        .where('candidacy_id', '=', candidacyId)
        .returning(['kind', 'user_id'])
        .execute();
      if (body.links.length > 0)
        await trx
          .insertInto('candidacy_links')
          .values(
            body.links.map((l) => ({
              candidacy_id: candidacyId,
              kind: l.kind,
              user_id: l.userId,
              recorded_by: actor.userId,
              recorded_at: new Date(),
            })),
          )
          .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'candidacy.links_update',
        entityType: 'candidacy',
        entityId: candidacyId,
        before: { links: before.map((b) => ({ kind: b.kind, userId: b.user_id })) },
        after: { links: body.links.map((l) => ({ kind: l.kind, userId: l.userId })) },
        requestId,
      });
    });
    return getLinks(candidacyId, actor);
  }

  /** The candidate is told of the session (its date) once it commits, if they gave an email. */
  function tellCandidate(trx: Db, row: CandidacyRow, assessmentId: string, key: string) {
    return mailCandidate(trx, deps.mail, row.candidate_id, {
      template: 'assessment.scheduled',
      refs: { candidacyId: row.id, assessmentId },
      key,
    });
  }

  async function list(candidacyId: string, actor: Actor) {
    const { row, facts } = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    const rows = await db
      .selectFrom('assessments')
      .selectAll()
      .where('candidacy_id', '=', candidacyId)
      .orderBy('date')
      .orderBy('scheduled_at')
      .execute();
    const evaluators =
      rows.length === 0
        ? []
        : await db
            .selectFrom('assessment_evaluators')
            .selectAll()
            .where(
              'assessment_id',
              'in',
              rows.map((r) => r.id),
            )
            .execute();
    const names = await deps.users.displayNames([...new Set(evaluators.map((e) => e.evaluator_user_id))]);
    const results =
      rows.length === 0
        ? []
        : await db
            .selectFrom('assessment_results')
            .select(['assessment_id', 'bloc_code', 'proposal', 'signed_at'])
            .where(
              'assessment_id',
              'in',
              rows.map((r) => r.id),
            )
            .where('signed_at', 'is not', null)
            .where('superseded_at', 'is', null)
            .orderBy('bloc_code')
            .execute();
    // A signed result stays signed (a correction supersedes it only once signed itself).
    const signedAny = new Set(results.map((x) => x.assessment_id));
    const idsOf = (id: string) =>
      evaluators.filter((e) => e.assessment_id === id).map((e) => e.evaluator_user_id);
    /** Moving or cancelling a session: not once cancelled or a result signed (moving: at the assessment step only). */
    const may = (action: 'edit' | 'cancel', r: (typeof rows)[number], ids: string[]) =>
      sessionMayChange(action, {
        cancelled: r.cancelled_at !== null,
        signed: signedAny.has(r.id),
        candidacyStatus: row.status,
      }) && authorize(actor, action, 'assessment', { candidacy: facts, evaluatorIds: ids });
    return {
      candidacyId,
      items: rows.map((r) => ({
        id: r.id,
        candidacyId,
        date: r.date,
        blocCodes: r.bloc_codes,
        evaluators: idsOf(r.id).map((id) => ({ id, name: names.get(id) ?? null })),
        secondAssessor: (r.second_assessor ?? null) as { name: string; trade: string } | null,
        scheduledBy: r.scheduled_by,
        scheduledAt: new Date(r.scheduled_at).toISOString(),
        status: r.cancelled_at ? ('cancelled' as const) : ('scheduled' as const),
        cancelReason: r.cancel_reason,
        results: results
          .filter((x) => x.assessment_id === r.id)
          .map((x) => ({
            blocCode: x.bloc_code,
            proposal: x.proposal as 'acquired' | 'not_acquired',
            signedAt: new Date(x.signed_at as Date).toISOString(),
          })),
        can: {
          edit: may('edit', r, idsOf(r.id)),
          cancel: may('cancel', r, idsOf(r.id)),
        },
      })),
      can: { schedule: row.status === 'assessment' && authorize(actor, 'schedule', 'candidacy', facts) },
    };
  }

  /** 409 unless the candidacy is in its assessment step (sessions are scheduled and moved there). */
  function assessmentStep(status: CandidacyRow['status']) {
    if (status !== 'assessment')
      throw problems.conflict(
        `Une évaluation se programme à l’étape « ${CANDIDACY_STATUS_LABELS.assessment} » ; ce parcours est à l’étape « ${CANDIDACY_STATUS_LABELS[status]} ».`,
      );
  }

  /**
   * What keeps a session from being scheduled (or moved) so: a date already past (`date`); a
   * bloc not targeted or carried in (`blocCodes/N`); an evaluator without an evaluator
   * habilitation for the certification valid on the date, or linked to the candidate
   * (`evaluatorIds/N`, named).
   */
  async function sessionProblems(
    row: CandidacyRow,
    session: { date: string; evaluatorIds: readonly string[]; blocCodes?: readonly string[] | undefined },
    checkDate = true,
  ): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (checkDate && session.date < today())
      errors.push(
        fieldError(['date'], `Le ${frenchDate(session.date)} est passé : choisissez une date à venir.`),
      );
    if (session.blocCodes) {
      const carried = new Set(
        (
          await db
            .selectFrom('carried_blocs')
            .select('bloc_code')
            .where('candidacy_id', '=', row.id)
            .execute()
        ).map((c) => c.bloc_code),
      );
      session.blocCodes.forEach((code, i) => {
        if (!row.bloc_codes.includes(code))
          errors.push(fieldError(['blocCodes', i], `Le bloc « ${code} » n’est pas visé par ce parcours.`));
        else if (carried.has(code))
          errors.push(
            fieldError(
              ['blocCodes', i],
              `Le bloc « ${code} » est déjà acquis (reporté) : il n’est pas évalué.`,
            ),
          );
      });
    }
    const [habilitated, links, names] = await Promise.all([
      deps.habilitations.habilitatedOn(row.certification_id, session.date, 'evaluator'),
      linksOf(row.id),
      deps.users.displayNames([...new Set(session.evaluatorIds)]),
    ]);
    const habilitatedIds = new Set(habilitated.flatMap((h) => (h.user_id ? [h.user_id] : [])));
    const day = frenchDate(session.date);
    session.evaluatorIds.forEach((id, i) => {
      const name = names.get(id);
      const who = name ? `« ${name} »` : 'Cet évaluateur';
      if (session.evaluatorIds.indexOf(id) !== i)
        errors.push(fieldError(['evaluatorIds', i], `${who} est déjà nommé·e pour cette évaluation.`));
      else if (!name || !habilitatedIds.has(id))
        errors.push(
          fieldError(
            ['evaluatorIds', i],
            `${who} n’a pas d’habilitation d’évaluateur pour cette certification valable le ${day}.`,
          ),
        );
      else if (id === row.candidate_user_id || links.some((l) => l.user_id === id))
        errors.push(
          fieldError(
            ['evaluatorIds', i],
            `${who} est lié·e au candidat ou à la candidate dans ce parcours (conflit d’intérêts).`,
          ),
        );
    });
    return errors;
  }

  /**
   * Schedules a session: 409 outside the `assessment` state; 422 on a past date, naming each
   * bloc not targeted or carried in, and each evaluator without an evaluator habilitation for the certification
   * valid on the date or linked to the candidate (`evaluatorIds/N`). Audited by ids; the
   * candidate is told by email once it commits.
   */
  async function schedule(candidacyId: string, body: AssessmentBody, actor: Actor, requestId: string) {
    const { row, facts } = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    enforce(actor, 'schedule', 'candidacy', facts, NOT_FOUND);
    assessmentStep(row.status);
    const errors = await sessionProblems(row, {
      date: body.date,
      evaluatorIds: body.evaluatorIds,
      blocCodes: body.blocCodes,
    });
    if (errors.length > 0)
      throw problems.unprocessable(errors, 'L’évaluation ne peut pas être programmée ainsi.');
    const blocCodes = [...new Set(body.blocCodes)];
    const evaluatorIds = [...new Set(body.evaluatorIds)];

    const id = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('assessments')
        .values({
          candidacy_id: candidacyId,
          date: body.date,
          bloc_codes: blocCodes,
          second_assessor: body.secondAssessor ? JSON.stringify(body.secondAssessor) : null,
          scheduled_by: actor.userId,
          scheduled_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('assessment_evaluators')
        .values(evaluatorIds.map((e) => ({ assessment_id: inserted.id, evaluator_user_id: e })))
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'assessment.schedule',
        entityType: 'candidacy',
        entityId: candidacyId,
        // The second assessor is a named person: whether one was given, not who.
        after: {
          assessmentId: inserted.id,
          date: body.date,
          blocCodes,
          evaluatorIds,
          secondAssessorGiven: body.secondAssessor !== undefined,
        },
        requestId,
      });
      await tellCandidate(trx, row, inserted.id, inserted.id);
      return inserted.id;
    });
    const { items } = await list(candidacyId, actor);
    return items.find((a) => a.id === id) as (typeof items)[number];
  }

  /** The session, its candidacy and facts for a change by those who schedule (404 unseen, 403, 409). */
  async function changeable(id: string, actor: Actor, action: 'edit' | 'cancel') {
    const { session, row } = await loadSession(id, actor, action);
    if (session.cancelled_at) throw problems.conflict('Cette évaluation est annulée.');
    const signed = await db
      .selectFrom('assessment_results')
      .select('id')
      .where('assessment_id', '=', id)
      .where('signed_at', 'is not', null)
      .executeTakeFirst();
    if (signed)
      throw problems.conflict(
        'Un résultat de cette évaluation est signé : elle ne se déplace plus et ne s’annule plus.',
      );
    return { session, row };
  }

  async function recordChange(
    trx: Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0],
    change: {
      id: string;
      candidacyId: string;
      kind: 'edit' | 'cancel';
      before: { date: string; evaluatorIds: readonly string[] };
      after: { date: string; evaluatorIds: readonly string[] };
      reason: string | null;
    },
    actor: Actor,
    requestId: string,
  ) {
    await trx
      .insertInto('assessment_history')
      .values({
        assessment_id: change.id,
        kind: change.kind,
        before: JSON.stringify(change.before),
        after: JSON.stringify(change.after),
        reason: change.reason,
        actor_user_id: actor.userId,
      })
      .execute();
    await recordAudit(trx, {
      actor: auditActorOf(actor),
      action: change.kind === 'edit' ? 'assessment.edit' : 'assessment.cancel',
      entityType: 'candidacy',
      entityId: change.candidacyId,
      before: { assessmentId: change.id, ...change.before },
      // The reason may be personal (health…): whether one was given, not what it says.
      after: { assessmentId: change.id, ...change.after, reasonGiven: change.reason !== null },
      requestId,
    });
  }

  /**
   * Moves a session (date, evaluators) before any result is signed, with the checks of its
   * scheduling on the new date (the evaluators kept are checked again). History kept, audited;
   * the candidate is told of a new date.
   */
  async function edit(id: string, body: AssessmentEditBody, actor: Actor, requestId: string) {
    const { session, row } = await changeable(id, actor, 'edit');
    assessmentStep(row.status);
    const after = {
      date: body.date ?? session.date,
      evaluatorIds: [...new Set(body.evaluatorIds ?? session.evaluatorIds)],
    };
    const errors = await sessionProblems(
      row,
      { date: after.date, evaluatorIds: body.evaluatorIds ?? session.evaluatorIds },
      body.date !== undefined,
    );
    if (errors.length > 0)
      throw problems.unprocessable(errors, 'L’évaluation ne peut pas être déplacée ainsi.');
    const before = { date: session.date, evaluatorIds: session.evaluatorIds };
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('assessments').set({ date: after.date }).where('id', '=', id).execute();
      await trx.deleteFrom('assessment_evaluators').where('assessment_id', '=', id).execute();
      await trx
        .insertInto('assessment_evaluators')
        .values(after.evaluatorIds.map((e) => ({ assessment_id: id, evaluator_user_id: e })))
        .execute();
      await recordChange(
        trx,
        { id, candidacyId: row.id, kind: 'edit', before, after, reason: null },
        actor,
        requestId,
      );
      if (after.date !== before.date) await tellCandidate(trx, row, id, `${id}:${after.date}`);
    });
    const { items } = await list(row.id, actor);
    return items.find((a) => a.id === id) as (typeof items)[number];
  }

  /** Cancels a session before any result is signed, with its reason (kept, not audited). */
  async function cancel(id: string, body: CancelBody, actor: Actor, requestId: string) {
    const { session, row } = await changeable(id, actor, 'cancel');
    const state = { date: session.date, evaluatorIds: session.evaluatorIds };
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('assessments')
        .set({ cancelled_at: new Date(), cancelled_by: actor.userId, cancel_reason: body.reason })
        .where('id', '=', id)
        .where('cancelled_at', 'is', null)
        .execute();
      await recordChange(
        trx,
        { id, candidacyId: row.id, kind: 'cancel', before: state, after: state, reason: body.reason },
        actor,
        requestId,
      );
    });
    const { items } = await list(row.id, actor);
    return items.find((a) => a.id === id) as (typeof items)[number];
  }

  /** What the scheduling email says: certification, date, blocs (undefined: gone). */
  async function scheduledMailValues({ assessmentId }: { candidacyId: string; assessmentId: string }) {
    const assessment = await db
      .selectFrom('assessments')
      .select(['candidacy_id', 'date', 'bloc_codes'])
      .where('id', '=', assessmentId)
      .executeTakeFirst();
    if (!assessment) return undefined;
    const row = await findCandidacy(db, assessment.candidacy_id);
    if (!row) return undefined;
    const [certifications, version] = await Promise.all([
      deps.certifications.summaries([row.certification_id]),
      deps.frameworks.get(row.certification_id, row.framework_version_number, SYSTEM_ADMIN),
    ]);
    const certification = certifications.get(row.certification_id);
    if (!certification) return undefined;
    const titles = new Map(version.content.competencies.blocs.map((b) => [b.code, b.title]));
    return {
      certificationTitle: certification.title,
      date: assessment.date,
      blocs: assessment.bloc_codes.map((c) => (titles.has(c) ? `${c} — ${titles.get(c)}` : c)),
    };
  }

  return { getLinks, putLinks, list, schedule, edit, cancel, scheduledMailValues };
}

export type AssessmentsService = ReturnType<typeof assessmentsServiceFactory>;
