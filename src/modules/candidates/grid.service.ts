import { blocRuleLabel } from '../../contracts/assessments.js';
import { CANDIDACY_STATUS_LABELS } from '../../contracts/candidacies.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf, SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import { authorize, candidacyReadScope, enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { MailJobs } from '../../platform/mail-jobs.js';
import { type FieldError, fieldError, problems } from '../../platform/problem.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import type { HabilitationsService } from '../catalogue/habilitations.service.js';
import type { UsersService } from '../identity/users.service.js';
import type { CandidaciesService } from './candidacies.service.js';
import { candidacyQuery, findCandidacy } from './candidates.repo.js';
import {
  evaluateBloc,
  type GridBloc,
  gridOf,
  type Mark,
  type Marks,
  markKey,
  sessionMayChange,
  signatureProblem,
  unknownMarks,
} from './domain/grid.js';
import {
  type AssessmentRow,
  currentSignedBlocs,
  findAssessment,
  mailCandidate,
  sessionLoader,
  versionsForUpdate,
} from './grid.repo.js';
import type { CorrectionBody, ResultDraftBody } from './grid.schemas.js';

type Deps = {
  db: Db;
  candidacies: Pick<CandidaciesService, 'loadFor'>;
  certifications: Pick<CertificationsService, 'summaries' | 'branchIdsOf' | 'idsOfBranches'>;
  frameworks: Pick<FrameworksService, 'get'>;
  habilitations: Pick<HabilitationsService, 'habilitatedOn'>;
  users: Pick<UsersService, 'displayNames'>;
  mail: Pick<MailJobs, 'enqueue'>;
};

type ResultRow = Awaited<ReturnType<ReturnType<typeof resultsQuery>['execute']>>[number];

function resultsQuery(db: Db, assessmentId: string) {
  return db
    .selectFrom('assessment_results')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('bloc_code')
    .orderBy('version');
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Assessment sessions as the evaluators and staff use them (issue 12, point 6): the agenda,
 * one session with its grid (from the pinned assessment framework) and results, the draft saved
 * as the evaluator types, the signature that locks a bloc's result, corrections as new versions
 * naming the one they replace, and the evaluators habilitated on a date for scheduling.
 */
export function gridServiceFactory(deps: Deps) {
  const { db } = deps;

  const loadSession = sessionLoader(db, deps.candidacies);

  async function gridFor(certificationId: string, versionNumber: number, blocCodes: readonly string[]) {
    const version = await deps.frameworks.get(certificationId, versionNumber, SYSTEM_ADMIN);
    return gridOf(version.content, blocCodes);
  }

  function marksOf(row: ResultRow): Marks {
    return (row.marks ?? {}) as Marks;
  }

  function resultView(row: ResultRow, bloc: GridBloc, names: Map<string, string>) {
    const marks = marksOf(row);
    const evaluation = evaluateBloc(bloc, marks);
    const signed = row.signed_at !== null;
    return {
      id: row.id,
      version: row.version,
      status: row.superseded_at ? ('superseded' as const) : signed ? ('signed' as const) : ('draft' as const),
      marks: bloc.competencies.flatMap((c) =>
        c.criteria.map((k) => {
          const mark = marks[markKey(c.code, k.code)];
          return {
            competencyCode: c.code,
            criterionCode: k.code,
            met: mark?.met ?? null,
            comment: mark?.comment ?? null,
          };
        }),
      ),
      // Signed: as frozen at signature (the same computation on the same pinned version).
      competencies: signed
        ? (row.competency_results as typeof evaluation.competencies)
        : evaluation.competencies,
      met: evaluation.met,
      total: evaluation.total,
      missing: evaluation.missing,
      proposal: signed ? (row.proposal as 'acquired' | 'not_acquired') : evaluation.proposal,
      replacesId: row.replaces_id,
      correctionReason: row.correction_reason,
      updatedAt: new Date(row.updated_at).toISOString(),
      signedBy: row.signed_by ? { id: row.signed_by, name: names.get(row.signed_by) ?? null } : null,
      signedAt: iso(row.signed_at),
      supersededAt: iso(row.superseded_at),
    };
  }

  async function get(id: string, actor: Actor) {
    const { session, row, labels, assessmentFacts } = await loadSession(id, actor, 'read');
    const [grid, results, history] = await Promise.all([
      gridFor(row.certification_id, row.framework_version_number, session.bloc_codes),
      resultsQuery(db, id).execute(),
      db.selectFrom('assessment_history').selectAll().where('assessment_id', '=', id).orderBy('at').execute(),
    ]);
    const seesDrafts = authorize(actor, 'readDrafts', 'assessment', assessmentFacts);
    const names = await deps.users.displayNames([
      ...new Set([
        ...session.evaluatorIds,
        ...results.flatMap((r) => (r.signed_by ? [r.signed_by] : [])),
        ...history.flatMap((h) => (h.actor_user_id ? [h.actor_user_id] : [])),
        ...(session.cancelled_by ? [session.cancelled_by] : []),
      ]),
    ]);
    const person = (userId: string | null) =>
      userId ? { id: userId, name: names.get(userId) ?? null } : null;
    const cancelled = session.cancelled_at !== null;
    const sessionState = {
      cancelled,
      signed: results.some((r) => r.signed_at),
      candidacyStatus: row.status,
    };
    return {
      ...summaryOf(session, row, labels.certifications.get(row.certification_id), names),
      frameworkVersion: row.framework_version_number,
      secondAssessor: (session.second_assessor ?? null) as { name: string; trade: string } | null,
      cancelled: cancelled
        ? {
            at: new Date(session.cancelled_at as Date).toISOString(),
            by: person(session.cancelled_by),
            reason: session.cancel_reason ?? '',
          }
        : null,
      history: history.map((h) => ({
        kind: h.kind,
        at: new Date(h.at).toISOString(),
        by: person(h.actor_user_id),
        before: h.before as { date: string; evaluatorIds: string[] },
        after: h.after as { date: string; evaluatorIds: string[] },
        reason: h.reason,
      })),
      blocs: grid.map((bloc) => {
        const mine = results.filter((r) => r.bloc_code === bloc.code);
        const draft = mine.find((r) => r.signed_at === null);
        const signed = mine.find((r) => r.signed_at !== null && r.superseded_at === null);
        return {
          code: bloc.code,
          title: bloc.title,
          rule: bloc.rule,
          ruleLabel: blocRuleLabel(bloc.rule, evaluateBloc(bloc, {}).total),
          competencies: bloc.competencies,
          signed: signed ? resultView(signed, bloc, names) : null,
          draft: draft && seesDrafts ? resultView(draft, bloc, names) : null,
          superseded: mine.filter((r) => r.superseded_at !== null).map((r) => resultView(r, bloc, names)),
        };
      }),
      can: {
        grade:
          !cancelled &&
          row.status === 'assessment' &&
          authorize(actor, 'grade', 'assessment', assessmentFacts),
        edit:
          sessionMayChange('edit', sessionState) && authorize(actor, 'edit', 'assessment', assessmentFacts),
        cancel:
          sessionMayChange('cancel', sessionState) &&
          authorize(actor, 'cancel', 'assessment', assessmentFacts),
      },
    };
  }

  function summaryOf(
    session: AssessmentRow,
    row: { certification_id: string; birth_name: string; usage_name: string | null; first_names: string[] },
    certification: { code: string; title: string } | undefined,
    names: Map<string, string>,
  ) {
    return {
      id: session.id,
      candidacyId: session.candidacy_id,
      date: session.date,
      blocCodes: session.bloc_codes,
      evaluators: session.evaluatorIds.map((e) => ({ id: e, name: names.get(e) ?? null })),
      status: session.cancelled_at ? ('cancelled' as const) : ('scheduled' as const),
      certification: {
        id: row.certification_id,
        code: certification?.code ?? '',
        title: certification?.title ?? '',
      },
      candidate: { birthName: row.birth_name, usageName: row.usage_name, firstNames: row.first_names },
    };
  }

  /**
   * The agenda: the sessions assigned to the evaluator, and the sessions of the candidacies in
   * the staff's scope (branches, training organisations), between two dates, by date.
   */
  async function agenda(query: { from?: string | undefined; to?: string | undefined }, actor: Actor) {
    const scope = candidacyReadScope(actor);
    const certificationIds =
      !scope.all && scope.branchIds.length > 0
        ? await deps.certifications.idsOfBranches(scope.branchIds)
        : [];
    const sessions = await db
      .selectFrom('assessments as a')
      .innerJoin('candidacies as c', 'c.id', 'a.candidacy_id')
      .select('a.id')
      .$if(query.from !== undefined, (q) => q.where('a.date', '>=', query.from as string))
      .$if(query.to !== undefined, (q) => q.where('a.date', '<=', query.to as string))
      .$if(!scope.all, (q) =>
        q.where((eb) => {
          if (scope.all) return eb.lit(true);
          const within = [
            ...(certificationIds.length > 0 ? [eb('c.certification_id', 'in', certificationIds)] : []),
            ...(scope.trainingOrganisationIds.length > 0
              ? [eb('c.training_organisation_id', 'in', scope.trainingOrganisationIds)]
              : []),
            ...(scope.evaluatorUserId
              ? [
                  eb(
                    'a.id',
                    'in',
                    eb
                      .selectFrom('assessment_evaluators')
                      .select('assessment_id')
                      .where('evaluator_user_id', '=', scope.evaluatorUserId),
                  ),
                ]
              : []),
          ];
          return within.length > 0 ? eb.or(within) : eb.lit(false);
        }),
      )
      .orderBy('a.date')
      .orderBy('a.scheduled_at')
      .limit(500)
      .execute();
    const rows = await Promise.all(sessions.map((s) => findAssessment(db, s.id)));
    const found = rows.filter((r): r is AssessmentRow => r !== undefined);
    const candidacies = new Map(
      (found.length === 0
        ? []
        : await candidacyQuery(db)
            .where(
              'c.id',
              'in',
              found.map((s) => s.candidacy_id),
            )
            .execute()
      ).map((c) => [c.id, c]),
    );
    const [certifications, names, signed] = await Promise.all([
      deps.certifications.summaries([...new Set([...candidacies.values()].map((c) => c.certification_id))]),
      deps.users.displayNames([...new Set(found.flatMap((s) => s.evaluatorIds))]),
      found.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('assessment_results')
            .select(['assessment_id', 'bloc_code'])
            .where(
              'assessment_id',
              'in',
              found.map((s) => s.id),
            )
            .where('signed_at', 'is not', null)
            .where('superseded_at', 'is', null)
            .execute(),
    ]);
    return {
      items: found.map((s) => {
        const c = candidacies.get(s.candidacy_id) as NonNullable<ReturnType<typeof candidacies.get>>;
        return {
          ...summaryOf(s, c, certifications.get(c.certification_id), names),
          signedBlocCodes: signed.filter((r) => r.assessment_id === s.id).map((r) => r.bloc_code),
        };
      }),
    };
  }

  // ---- grading ------------------------------------------------------------------------------

  /** The session and bloc an evaluator grades: assigned (404 otherwise), not cancelled, in the assessment step. */
  async function gradable(id: string, blocCode: string, actor: Actor) {
    const loaded = await loadSession(id, actor, 'grade');
    if (loaded.session.cancelled_at)
      throw problems.conflict('Cette évaluation a été annulée : sa grille ne se remplit plus.');
    if (loaded.row.status !== 'assessment')
      throw problems.conflict(
        `La grille se remplit à l’étape « ${CANDIDACY_STATUS_LABELS.assessment} » ; ce parcours est à l’étape « ${CANDIDACY_STATUS_LABELS[loaded.row.status]} ».`,
      );
    const bloc = (
      await gridFor(loaded.row.certification_id, loaded.row.framework_version_number, [blocCode])
    )[0];
    if (!bloc || !loaded.session.bloc_codes.includes(blocCode))
      throw problems.notFound(`Le bloc « ${blocCode} » n’est pas évalué dans cette session.`);
    return { ...loaded, bloc };
  }

  /** The marks of a request, keyed, or a 422 naming each entry that is not a criterion of the bloc. */
  function marksFrom(bloc: GridBloc, input: ResultDraftBody['marks'], base: Marks = {}): Marks {
    const marks: Record<string, Mark> = { ...base };
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.forEach((m, i) => {
      const key = markKey(m.competencyCode, m.criterionCode);
      if (unknownMarks(bloc, { [key]: { met: null, comment: null } }).length > 0)
        errors.push(
          fieldError(
            ['marks', i],
            `Le critère « ${key} » n’est pas dans la grille du bloc « ${bloc.code} ».`,
          ),
        );
      else if (seen.has(key))
        errors.push(fieldError(['marks', i], `Le critère « ${key} » est noté deux fois.`));
      seen.add(key);
      marks[key] = { met: m.met, comment: m.comment?.trim() || null };
    });
    if (errors.length > 0) throw problems.unprocessable(errors, 'La grille contient des critères inconnus.');
    return marks;
  }

  const signedConflict = (code: string) =>
    problems.conflict(
      `Le résultat du bloc « ${code} » est signé : il ne change plus. Corrigez-le (nouvelle version, avec une raison).`,
    );

  async function resultOf(resultId: string, bloc: GridBloc) {
    const row = await db
      .selectFrom('assessment_results')
      .selectAll()
      .where('id', '=', resultId)
      .executeTakeFirstOrThrow();
    const names = await deps.users.displayNames(row.signed_by ? [row.signed_by] : []);
    return resultView(row, bloc, names);
  }

  /** Saves the bloc's draft as typed (creates it on first input; a signed result is 409). */
  async function saveDraft(id: string, blocCode: string, body: ResultDraftBody, actor: Actor) {
    const { bloc } = await gradable(id, blocCode, actor);
    const resultId = await db.transaction().execute(async (trx) => {
      const rows = await versionsForUpdate(trx, id, blocCode);
      const draft = rows.find((r) => r.signed_at === null);
      if (draft) {
        const marks = marksFrom(bloc, body.marks, marksOf(draft));
        await trx
          .updateTable('assessment_results')
          .set({ marks: JSON.stringify(marks), updated_by: actor.userId, updated_at: new Date() })
          .where('id', '=', draft.id)
          .where('signed_at', 'is', null)
          .execute();
        return draft.id;
      }
      if (rows.some((r) => r.signed_at !== null)) throw signedConflict(blocCode);
      const marks = marksFrom(bloc, body.marks);
      const inserted = await trx
        .insertInto('assessment_results')
        .values({
          assessment_id: id,
          bloc_code: blocCode,
          version: 1,
          marks: JSON.stringify(marks),
          created_by: actor.userId,
          updated_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    });
    return resultOf(resultId, bloc);
  }

  /**
   * Signs the bloc's draft (or correction): 422 while a criterion has no answer; freezes the
   * competencies' results and the proposal; a correction supersedes the version it replaces.
   * Audited; the candidate is told by email once it commits.
   */
  async function sign(id: string, blocCode: string, actor: Actor, requestId: string) {
    const { bloc, row } = await gradable(id, blocCode, actor);
    const resultId = await db.transaction().execute(async (trx) => {
      const draft = await trx
        .selectFrom('assessment_results')
        .selectAll()
        .where('assessment_id', '=', id)
        .where('bloc_code', '=', blocCode)
        .where('signed_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!draft) {
        const signed = await trx
          .selectFrom('assessment_results')
          .select('id')
          .where('assessment_id', '=', id)
          .where('bloc_code', '=', blocCode)
          .executeTakeFirst();
        if (signed) throw signedConflict(blocCode);
        throw problems.conflict(`La grille du bloc « ${blocCode} » n’a pas encore été remplie.`);
      }
      const marks = marksOf(draft);
      const problem = signatureProblem(bloc, marks);
      if (problem) {
        const { missing } = evaluateBloc(bloc, marks);
        throw problems.unprocessable(
          missing.map((key) => fieldError(['marks', key], `Le critère « ${key} » n’a pas de réponse.`)),
          problem,
        );
      }
      const evaluation = evaluateBloc(bloc, marks);
      const now = new Date();
      await trx
        .updateTable('assessment_results')
        .set({
          signed_by: actor.userId,
          signed_at: now,
          competency_results: JSON.stringify(evaluation.competencies),
          proposal: evaluation.proposal as 'acquired' | 'not_acquired',
          updated_by: actor.userId,
          updated_at: now,
        })
        .where('id', '=', draft.id)
        .where('signed_at', 'is', null)
        .execute();
      if (draft.replaces_id)
        await trx
          .updateTable('assessment_results')
          .set({ superseded_at: now })
          .where('id', '=', draft.replaces_id)
          .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'assessment.sign',
        entityType: 'candidacy',
        entityId: row.id,
        after: {
          assessmentId: id,
          blocCode,
          resultId: draft.id,
          version: draft.version,
          proposal: evaluation.proposal,
          replacesId: draft.replaces_id,
        },
        requestId,
      });
      await mailCandidate(trx, deps.mail, row.candidate_id, {
        template: 'assessment.result_available',
        refs: { candidacyId: row.id, assessmentId: id },
        key: draft.id,
      });
      return draft.id;
    });
    return resultOf(resultId, bloc);
  }

  /**
   * Opens a correction of the bloc's signed result: a new draft version naming the one it
   * replaces, with the reason (the signed one stays in force until the correction is signed).
   */
  async function correct(
    id: string,
    blocCode: string,
    body: CorrectionBody,
    actor: Actor,
    requestId: string,
  ) {
    const { bloc, row } = await gradable(id, blocCode, actor);
    const resultId = await db.transaction().execute(async (trx) => {
      const rows = await versionsForUpdate(trx, id, blocCode);
      if (rows.some((r) => r.signed_at === null))
        throw problems.conflict(
          `Le bloc « ${blocCode} » a déjà une saisie en cours (brouillon ou correction) : terminez-la et signez-la.`,
        );
      const current = rows.find((r) => r.signed_at !== null && r.superseded_at === null);
      if (!current)
        throw problems.conflict(
          `Le bloc « ${blocCode} » n’a pas de résultat signé : il n’y a rien à corriger.`,
        );
      const marks = body.marks ? marksFrom(bloc, body.marks, marksOf(current)) : marksOf(current);
      const inserted = await trx
        .insertInto('assessment_results')
        .values({
          assessment_id: id,
          bloc_code: blocCode,
          version: Math.max(...rows.map((r) => r.version)) + 1,
          replaces_id: current.id,
          correction_reason: body.reason,
          marks: JSON.stringify(marks),
          created_by: actor.userId,
          updated_by: actor.userId,
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'assessment.correct',
        entityType: 'candidacy',
        entityId: row.id,
        after: {
          assessmentId: id,
          blocCode,
          resultId: inserted.id,
          version: inserted.version,
          replacesId: current.id,
        },
        requestId,
      });
      return inserted.id;
    });
    return resultOf(resultId, bloc);
  }

  // ---- scheduling helpers ---------------------------------------------------------------------

  /**
   * The evaluators habilitated for the certification on the date (id and display name only), for
   * its branches' staff and the training organisations holding one of its candidacies.
   */
  async function evaluatorsOn(certificationId: string, on: string, actor: Actor) {
    const branchIds = (await deps.certifications.branchIdsOf([certificationId])).get(certificationId);
    if (!branchIds) throw problems.notFound('Certification introuvable.');
    const scope = candidacyReadScope(actor);
    const candidacyOrganisationIds =
      scope.all || scope.trainingOrganisationIds.length === 0
        ? []
        : (
            await db
              .selectFrom('candidacies')
              .select('training_organisation_id')
              .distinct()
              .where('certification_id', '=', certificationId)
              .where('training_organisation_id', 'in', scope.trainingOrganisationIds)
              .execute()
          ).map((r) => r.training_organisation_id);
    enforce(
      actor,
      'read',
      'certificationEvaluators',
      { branchIds, candidacyOrganisationIds },
      'Certification introuvable.',
    );
    const rows = await deps.habilitations.habilitatedOn(certificationId, on, 'evaluator');
    const ids = [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
    const names = await deps.users.displayNames(ids);
    return {
      on,
      items: ids
        .filter((i) => names.has(i))
        .map((i) => ({ id: i, name: names.get(i) as string }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    };
  }

  /** What the result email says: certification, the session's blocs signed (undefined: gone). */
  async function resultMailValues({ assessmentId }: { candidacyId: string; assessmentId: string }) {
    const session = await findAssessment(db, assessmentId);
    if (!session) return undefined;
    const row = await findCandidacy(db, session.candidacy_id);
    if (!row) return undefined;
    const [certifications, grid, signed] = await Promise.all([
      deps.certifications.summaries([row.certification_id]),
      gridFor(row.certification_id, row.framework_version_number, session.bloc_codes),
      currentSignedBlocs(db, [assessmentId]),
    ]);
    const certification = certifications.get(row.certification_id);
    if (!certification) return undefined;
    return {
      certificationTitle: certification.title,
      blocs: grid.filter((b) => signed.has(b.code)).map((b) => `${b.code} — ${b.title}`),
    };
  }

  return { get, agenda, saveDraft, sign, correct, evaluatorsOn, resultMailValues };
}

export type GridService = ReturnType<typeof gridServiceFactory>;
