import type { Actor } from '../../platform/auth/actor.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import type { CandidaciesService } from './candidacies.service.js';
import {
  candidacyListQuery,
  candidacyPage,
  candidacySchema,
  candidateSchema,
  enrolmentBody,
  enrolmentResponse,
  transitionBody,
} from './schemas.js';

const tags = ['candidacies'];

/** Who may enrol and move candidacies along; the service narrows it to their scope. */
const MANAGERS = ['admin', 'branch_manager', 'training_org'] as const;

export function registerCandidacyRoutes(app: Http, candidacies: CandidaciesService) {
  app.post(
    '/api/v1/candidacies',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Inscrire un candidat (nouveau ou déjà enregistré) : voie d’accès vérifiée à la date d’entrée',
        description:
          'Une voie fermée à la date est refusée (422, avec ses raisons) ; une voie incomplète est acceptée, ce qui manque est conservé (« à compléter »). Un doublon possible (même nom de naissance, prénom et date de naissance, ou même adresse e-mail) est refusé (409, avec le lien vers le dossier existant) sauf candidateId ou confirmHomonym.',
        body: enrolmentBody,
        response: { 201: enrolmentResponse, ...problemResponses(400, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await candidacies.enrol(request.body, request.actor as Actor, request.id);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/candidacies',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Les parcours que la personne connectée peut voir, filtrés, du plus récent au plus ancien',
        querystring: candidacyListQuery,
        response: { 200: candidacyPage },
      },
    },
    async (request) => candidacies.list(request.query, request.actor as Actor),
  );

  app.get(
    '/api/v1/candidacies/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Un parcours : candidat, certification, version du référentiel, blocs visés, voie, éligibilité, étapes',
        params: uuidParam,
        response: { 200: candidacySchema, ...problemResponses(404) },
      },
    },
    async (request) => candidacies.get(request.params.id, request.actor as Actor),
  );

  app.post(
    '/api/v1/candidacies/:id/transitions',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Faire avancer un parcours d’une étape (pause, reprise, abandon motivé, transfert)',
        description:
          '409 quand l’étape actuelle ne le permet pas ; 422 quand il manque la raison (abandon) ou l’organisme qui reprend le parcours (transfert).',
        params: uuidParam,
        body: transitionBody,
        response: { 200: candidacySchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      candidacies.transition(request.params.id, request.body, request.actor as Actor, request.id),
  );

  app.get(
    '/api/v1/candidates/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Un candidat : identité (NIR masqué) et ses parcours visibles par la personne connectée',
        params: uuidParam,
        response: { 200: candidateSchema, ...problemResponses(404) },
      },
    },
    async (request) => candidacies.getCandidate(request.params.id, request.actor as Actor),
  );
}
