import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { type Http, pageQuery, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import type { CoOwnershipService } from './co-ownership.service.js';
import { CERTIFICATION_KINDS } from './domain/certification.js';
import { INVITATION_STATUSES } from './domain/co-ownership.js';

const tags = ['catalogue'];
const MANAGERS = ['admin', 'branch_manager'] as const;

const invitationSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(INVITATION_STATUSES),
    invitedAt: z.string(),
    answeredAt: z.string().nullable(),
    certification: z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      kind: z.enum(CERTIFICATION_KINDS),
    }),
    branch: z.object({ id: z.uuid(), name: z.string() }),
    can: z.object({ answer: z.boolean() }),
  })
  .meta({ id: 'CoOwnershipInvitation' });

export function registerCoOwnershipRoutes(app: Http, coOwnership: CoOwnershipService) {
  app.get(
    '/api/v1/co-ownership-invitations',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Invitations à co-porter un CQPI : reçues par mes branches ou envoyées par elles',
        querystring: pageQuery.extend({ status: z.enum(INVITATION_STATUSES).optional() }),
        response: {
          200: z.object({
            items: z.array(invitationSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          ...problemResponses(400, 403),
        },
      },
    },
    async (request) => {
      const { status, page, pageSize } = request.query;
      const result = await coOwnership.list(request.actor as Actor, status, page, pageSize);
      return { ...result, page, pageSize };
    },
  );

  for (const action of ['accept', 'decline'] as const) {
    app.post(
      `/api/v1/co-ownership-invitations/:id/${action}`,
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary:
            action === 'accept'
              ? 'Accepter de co-porter la certification (la branche la gère dès lors)'
              : 'Refuser de co-porter la certification',
          params: uuidParam,
          response: { 204: z.null(), ...problemResponses(400, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await coOwnership.answer(request.params.id, action, request.actor as Actor, request.id);
        return reply.code(204).send(null);
      },
    );
  }
}
