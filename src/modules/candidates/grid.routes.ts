import type { Actor } from '../../platform/auth/actor.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import { assessmentSchema } from './assessments.schemas.js';
import type { AssessmentsService } from './assessments.service.js';
import {
  agendaQuery,
  agendaSchema,
  assessmentEditBody,
  blocParams,
  cancelBody,
  correctionBody,
  evaluatorsQuery,
  evaluatorsSchema,
  resultDraftBody,
  resultResponseSchema,
  sessionSchema,
} from './grid.schemas.js';
import type { GridService } from './grid.service.js';

const tags = ['assessments'];
const MANAGERS = ['admin', 'branch_manager', 'training_org'] as const;
const AGENDA = ['admin', 'branch_manager', 'advisor', 'training_org', 'evaluator'] as const;

/**
 * Assessment sessions by their own id: the agenda, one session's grid and results, the
 * evaluator's draft, signature and corrections, moving and cancelling a session; and the
 * evaluators habilitated on a date, for scheduling.
 */
export function registerGridRoutes(root: Http, grid: GridService, assessments: AssessmentsService) {
  const base = '/api/v1/assessments';

  root.get(
    base,
    {
      config: { access: AGENDA },
      schema: {
        tags,
        summary:
          'L’agenda des évaluations : celles confiées à l’évaluateur, celles du périmètre de l’équipe (entre deux dates)',
        querystring: agendaQuery,
        response: { 200: agendaSchema, ...problemResponses(400) },
      },
    },
    async (request) => grid.agenda(request.query, request.actor as Actor),
  );

  root.get(
    `${base}/:id`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Une évaluation : la grille du référentiel figé du parcours et les résultats',
        params: uuidParam,
        response: { 200: sessionSchema, ...problemResponses(404) },
      },
    },
    async (request) => grid.get(request.params.id, request.actor as Actor),
  );

  root.patch(
    `${base}/:id`,
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Déplacer une évaluation (date, évaluateurs) tant qu’aucun résultat n’est signé',
        description:
          '422 sur une date passée (date) ou un évaluateur sans habilitation valable à la date ou lié au candidat (evaluatorIds/N). 409 une fois un résultat signé ou l’évaluation annulée.',
        params: uuidParam,
        body: assessmentEditBody,
        response: { 200: assessmentSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) => assessments.edit(request.params.id, request.body, request.actor as Actor, request.id),
  );

  root.post(
    `${base}/:id/cancel`,
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Annuler une évaluation (avec la raison) tant qu’aucun résultat n’est signé',
        params: uuidParam,
        body: cancelBody,
        response: { 200: assessmentSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) =>
      assessments.cancel(request.params.id, request.body, request.actor as Actor, request.id),
  );

  root.put(
    `${base}/:id/results/:blocCode`,
    {
      config: { access: ['evaluator'] },
      schema: {
        tags,
        summary: 'Enregistrer la saisie de la grille d’un bloc (brouillon, gardé d’une visite à l’autre)',
        description:
          'Les critères envoyés remplacent leur note et leur commentaire ; les autres restent. 409 une fois le résultat signé (le corriger).',
        params: blocParams,
        body: resultDraftBody,
        response: { 200: resultResponseSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      grid.saveDraft(request.params.id, request.params.blocCode, request.body, request.actor as Actor),
  );

  root.post(
    `${base}/:id/results/:blocCode/sign`,
    {
      config: { access: ['evaluator'] },
      schema: {
        tags,
        summary: 'Signer le résultat d’un bloc : il est alors verrouillé',
        description: '422 tant qu’un critère n’a pas de réponse.',
        params: blocParams,
        response: { 200: resultResponseSchema, ...problemResponses(403, 404, 409, 422) },
      },
    },
    async (request) =>
      grid.sign(request.params.id, request.params.blocCode, request.actor as Actor, request.id),
  );

  root.post(
    `${base}/:id/results/:blocCode/corrections`,
    {
      config: { access: ['evaluator'] },
      schema: {
        tags,
        summary:
          'Corriger un résultat signé : une nouvelle version, avec la raison, qui remplace l’ancienne une fois signée',
        params: blocParams,
        body: correctionBody,
        response: { 201: resultResponseSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await grid.correct(
            request.params.id,
            request.params.blocCode,
            request.body,
            request.actor as Actor,
            request.id,
          ),
        ),
  );

  root.get(
    '/api/v1/certifications/:id/evaluators',
    {
      config: { access: ['admin', 'branch_manager', 'advisor', 'training_org'] },
      schema: {
        tags,
        summary:
          'Les évaluateurs habilités pour la certification à une date (identifiant et nom, pour programmer une évaluation)',
        params: uuidParam,
        querystring: evaluatorsQuery,
        response: { 200: evaluatorsSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => grid.evaluatorsOn(request.params.id, request.query.on, request.actor as Actor),
  );
}
