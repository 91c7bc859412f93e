import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import type { LinkablePeopleService } from './linkable-people.service.js';

export const linkablePeopleSchema = z
  .object({
    items: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
  })
  .meta({ id: 'LinkablePeople' });

/** The person picker of a candidacy's links. */
export function registerLinkablePeopleRoutes(app: Http, people: LinkablePeopleService) {
  app.get(
    '/api/v1/candidacies/:id/linkable-people',
    {
      config: { access: ['admin', 'branch_manager', 'training_org'] },
      schema: {
        tags: ['candidacies'],
        summary:
          'Les personnes que l’on peut lier au candidat dans ce parcours : évaluateurs, comptes de l’organisme de formation et de l’employeur (noms ; 20 au plus)',
        description: 'Pour ceux qui enregistrent les liens (404 parcours invisible, 403 en lecture seule).',
        params: uuidParam,
        querystring: z.object({
          q: z.string().trim().max(100).optional().meta({ description: 'Une partie du nom ou de l’adresse' }),
        }),
        response: { 200: linkablePeopleSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request) => people.search(request.params.id, request.query.q, request.actor as Actor),
  );
}
