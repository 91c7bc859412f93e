import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import { blocEquivalenceBody, blocEquivalenceList } from './bloc-equivalences.schemas.js';
import type { BlocEquivalencesService } from './bloc-equivalences.service.js';

const tags = ['juries'];
const MANAGERS = ['admin', 'branch_manager'] as const;

/** Equivalences between blocs of two certifications, declared by a branch (issue 13, point 5). */
export function registerBlocEquivalencesRoutes(app: Http, equivalences: BlocEquivalencesService) {
  app.get(
    '/api/v1/certifications/:id/bloc-equivalences',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Les équivalences de blocs déclarées entre cette certification et d’autres',
        params: uuidParam,
        response: { 200: blocEquivalenceList, ...problemResponses(404) },
      },
    },
    async (request) => equivalences.list(request.params.id, request.actor ?? null),
  );

  app.post(
    '/api/v1/certifications/:id/bloc-equivalences',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Déclarer qu’un bloc d’une autre certification vaut un bloc de celle-ci',
        description:
          'Par les gestionnaires des branches de cette certification. À la clôture d’un jury, un bloc validé par une validation partielle est reporté par elle dans les parcours en cours du candidat pour cette certification.',
        params: uuidParam,
        body: blocEquivalenceBody,
        response: { 201: z.object({ id: z.uuid() }), ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await equivalences.declare(request.params.id, request.body, request.actor as Actor, request.id),
        ),
  );

  app.delete(
    '/api/v1/certifications/:id/bloc-equivalences/:equivalenceId',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Retirer une équivalence déclarée par erreur (les blocs déjà reportés le restent)',
        params: z.object({ id: z.uuid(), equivalenceId: z.uuid() }),
        response: { 204: z.null(), ...problemResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await equivalences.withdraw(
        request.params.id,
        request.params.equivalenceId,
        request.actor as Actor,
        request.id,
      );
      return reply.code(204).send(null);
    },
  );
}
