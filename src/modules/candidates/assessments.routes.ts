import type { Actor } from '../../platform/auth/actor.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import {
  assessmentBody,
  assessmentSchema,
  assessmentsSchema,
  linksBody,
  linksSchema,
} from './assessments.schemas.js';
import type { AssessmentsService } from './assessments.service.js';

const tags = ['candidacies'];
const MANAGERS = ['admin', 'branch_manager', 'training_org'] as const;

/** A candidacy's links to its candidate (conflicts of interest) and its assessment sessions. */
export function registerAssessmentRoutes(root: Http, assessments: AssessmentsService) {
  const base = '/api/v1/candidacies/:id';

  root.get(
    `${base}/links`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Les personnes liées au candidat dans ce parcours (formateur, tuteur, employeur, autre) : elles ne peuvent pas l’évaluer',
        params: uuidParam,
        response: { 200: linksSchema, ...problemResponses(404) },
      },
    },
    async (request) => assessments.getLinks(request.params.id, request.actor as Actor),
  );

  root.put(
    `${base}/links`,
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Enregistrer les personnes liées au candidat dans ce parcours (remplace la liste)',
        params: uuidParam,
        body: linksBody,
        response: { 200: linksSchema, ...problemResponses(400, 403, 404, 422) },
      },
    },
    async (request) =>
      assessments.putLinks(request.params.id, request.body, request.actor as Actor, request.id),
  );

  root.get(
    `${base}/assessments`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Les évaluations programmées d’un parcours',
        params: uuidParam,
        response: { 200: assessmentsSchema, ...problemResponses(404) },
      },
    },
    async (request) => assessments.list(request.params.id, request.actor as Actor),
  );

  root.post(
    `${base}/assessments`,
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Programmer une évaluation : date, blocs visés (non reportés), évaluateurs habilités',
        description:
          '422 nommant chaque évaluateur refusé (evaluatorIds/N) : sans habilitation d’évaluateur pour la certification valable à la date, ou lié au candidat (conflit d’intérêts). 409 hors de l’étape « Évaluation ».',
        params: uuidParam,
        body: assessmentBody,
        response: { 201: assessmentSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await assessments.schedule(request.params.id, request.body, request.actor as Actor, request.id),
        ),
  );
}
