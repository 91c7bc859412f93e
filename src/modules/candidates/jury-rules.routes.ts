import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import {
  cqpiJuryRulesListResponse,
  createdResponse,
  juryRulesBody,
  juryRulesListResponse,
} from './jury-rules.schemas.js';
import type { JuryRulesService } from './jury-rules.service.js';

const tags = ['juries'];
const STAFF = ['admin', 'branch_manager', 'advisor'] as const;
const MANAGERS = ['admin', 'branch_manager'] as const;
const VERSIONS =
  'Une version n’est jamais modifiée ni supprimée : un changement est une nouvelle version, en vigueur à partir de sa date (409 si une version prend déjà effet ce jour-là).';

/** Jury composition rules (issue 13, point 1): per branch, and for a CQPI. */
export function registerJuryRulesRoutes(app: Http, rules: JuryRulesService) {
  app.get(
    '/api/v1/branches/:id/jury-rules',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          'Les versions des règles de jury de la branche, la plus récente d’abord, et celle en vigueur',
        params: uuidParam,
        response: { 200: juryRulesListResponse, ...problemResponses(404) },
      },
    },
    async (request) => rules.listForBranch(request.params.id, request.actor as Actor),
  );

  app.post(
    '/api/v1/branches/:id/jury-rules',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Enregistrer une nouvelle version des règles de jury de la branche',
        description: `${VERSIONS} Un contenu non conforme répond 422 en nommant le champ (content.quorum.minMembers…).`,
        params: uuidParam,
        body: juryRulesBody,
        response: { 201: createdResponse, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const row = await rules.createForBranch(
        request.params.id,
        request.body,
        request.actor as Actor,
        request.id,
      );
      return reply.code(201).send({ id: row.id });
    },
  );

  app.get(
    '/api/v1/certifications/:id/jury-rules',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          'Les règles de jury d’un CQPI : versions fixées par l’une de ses branches et leurs acceptations',
        params: uuidParam,
        response: { 200: cqpiJuryRulesListResponse, ...problemResponses(404, 422) },
      },
    },
    async (request) => rules.listForCertification(request.params.id, request.actor as Actor),
  );

  app.post(
    '/api/v1/certifications/:id/jury-rules',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Fixer une version des règles de jury d’un CQPI (une de ses branches)',
        description: `Elle s’applique une fois acceptée par chacune des autres branches du CQPI. ${VERSIONS}`,
        params: uuidParam,
        body: juryRulesBody,
        response: { 201: createdResponse, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const row = await rules.createForCertification(
        request.params.id,
        request.body,
        request.actor as Actor,
        request.id,
      );
      return reply.code(201).send({ id: row.id });
    },
  );

  app.post(
    '/api/v1/certifications/:id/jury-rules/:rulesId/acceptance',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Accepter, pour sa branche, une version des règles de jury d’un CQPI fixée par une autre',
        description:
          'Chaque branche qui gère le CQPI, hormis celle qui a fixé la version, l’accepte (409 si déjà fait).',
        params: z.object({ id: z.uuid(), rulesId: z.uuid() }),
        response: {
          201: z
            .object({
              id: z.uuid(),
              accepted: z
                .boolean()
                .meta({ description: 'Acceptée désormais par toutes les autres branches' }),
            })
            .meta({ id: 'JuryRulesAcceptance' }),
          ...problemResponses(403, 404, 409, 422),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await rules.accept(request.params.id, request.params.rulesId, request.actor as Actor, request.id),
        ),
  );
}
