import { CANDIDACY_STATUS_LABELS } from '../../contracts/candidacies.js';
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
import { findCandidacy } from './candidates.repo.js';

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
    return {
      candidacyId,
      items: rows.map((r) => ({
        id: r.id,
        candidacyId,
        date: r.date,
        blocCodes: r.bloc_codes,
        evaluators: evaluators
          .filter((e) => e.assessment_id === r.id)
          .map((e) => ({ id: e.evaluator_user_id, name: names.get(e.evaluator_user_id) ?? null })),
        secondAssessor: (r.second_assessor ?? null) as { name: string; trade: string } | null,
        scheduledBy: r.scheduled_by,
        scheduledAt: new Date(r.scheduled_at).toISOString(),
      })),
      can: { schedule: row.status === 'assessment' && authorize(actor, 'schedule', 'candidacy', facts) },
    };
  }

  /**
   * Schedules a session: 409 outside the `assessment` state; 422 naming each bloc not targeted
   * or carried in, and each evaluator without an evaluator habilitation for the certification
   * valid on the date or linked to the candidate (`evaluatorIds/N`). Audited by ids; the
   * candidate is told by email once it commits.
   */
  async function schedule(candidacyId: string, body: AssessmentBody, actor: Actor, requestId: string) {
    const { row, facts } = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    enforce(actor, 'schedule', 'candidacy', facts, NOT_FOUND);
    if (row.status !== 'assessment')
      throw problems.conflict(
        `Une évaluation se programme à l’étape « ${CANDIDACY_STATUS_LABELS.assessment} » ; ce parcours est à l’étape « ${CANDIDACY_STATUS_LABELS[row.status]} ».`,
      );
    const errors: FieldError[] = [];
    const carried = new Set(
      (
        await db
          .selectFrom('carried_blocs')
          .select('bloc_code')
          .where('candidacy_id', '=', candidacyId)
          .execute()
      ).map((c) => c.bloc_code),
    );
    const blocCodes = [...new Set(body.blocCodes)];
    body.blocCodes.forEach((code, i) => {
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
    const evaluatorIds = [...new Set(body.evaluatorIds)];
    const [habilitated, links, names] = await Promise.all([
      deps.habilitations.habilitatedOn(row.certification_id, body.date, 'evaluator'),
      linksOf(candidacyId),
      deps.users.displayNames(evaluatorIds),
    ]);
    const habilitatedIds = new Set(habilitated.flatMap((h) => (h.user_id ? [h.user_id] : [])));
    const day = frenchDate(body.date);
    body.evaluatorIds.forEach((id, i) => {
      const name = names.get(id);
      const who = name ? `« ${name} »` : 'Cet évaluateur';
      if (body.evaluatorIds.indexOf(id) !== i)
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
    if (errors.length > 0)
      throw problems.unprocessable(errors, 'L’évaluation ne peut pas être programmée ainsi.');

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
      // The candidate is told once the session commits, if they gave an email.
      const reachable = await trx
        .selectFrom('candidates')
        .select('id')
        .where('id', '=', row.candidate_id)
        .where('email', 'is not', null)
        .executeTakeFirst();
      if (reachable)
        await deps.mail.enqueue(
          trx,
          {
            template: 'assessment.scheduled',
            to: { kind: 'candidate', id: row.candidate_id },
            refs: { candidacyId, assessmentId: inserted.id },
          },
          { idempotencyKey: `assessment.scheduled:${inserted.id}` },
        );
      return inserted.id;
    });
    const { items } = await list(candidacyId, actor);
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

  return { getLinks, putLinks, list, schedule, scheduledMailValues };
}

export type AssessmentsService = ReturnType<typeof assessmentsServiceFactory>;
