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

type JuryRulesBody = z.infer<typeof juryRulesBody>;

/**
 * The versions of one owner's rules — a branch's, or a CQPI's — read (GET, the staff) and added
 * (POST, the managers), at `path`: the same routes but for their texts, answer and service calls.
 */
function registerVersionRoutes(
  app: Http,
  owner: {
    path: string;
    listSummary: string;
    listResponse: typeof juryRulesListResponse | typeof cqpiJuryRulesListResponse;
    listErrors: number[];
    list: (id: string, actor: Actor) => Promise<unknown>;
    createSummary: string;
    createDescription: string;
    create: (id: string, body: JuryRulesBody, actor: Actor, requestId: string) => Promise<{ id: string }>;
  },
) {
  app.get(
    owner.path,
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: owner.listSummary,
        params: uuidParam,
        response: { 200: owner.listResponse, ...problemResponses(...owner.listErrors) },
      },
    },
    // The answer is checked against `listResponse` when serialised; its type is the service's.
    async (request) => (await owner.list(request.params.id, request.actor as Actor)) as never,
  );

  app.post(
    owner.path,
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: owner.createSummary,
        description: owner.createDescription,
        params: uuidParam,
        body: juryRulesBody,
        response: { 201: createdResponse, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const row = await owner.create(request.params.id, request.body, request.actor as Actor, request.id);
      return reply.code(201).send({ id: row.id });
    },
  );
}

/** Jury composition rules (issue 13, point 1): per branch, and for a CQPI. */
export function registerJuryRulesRoutes(app: Http, rules: JuryRulesService) {
  registerVersionRoutes(app, {
    path: '/api/v1/branches/:id/jury-rules',
    listSummary:
      'Les versions des règles de jury de la branche, la plus récente d’abord, et celle en vigueur',
    listResponse: juryRulesListResponse,
    listErrors: [404],
    list: rules.listForBranch,
    createSummary: 'Enregistrer une nouvelle version des règles de jury de la branche',
    createDescription: `${VERSIONS} Un contenu non conforme répond 422 en nommant le champ (content.quorum.minMembers…).`,
    create: rules.createForBranch,
  });

  registerVersionRoutes(app, {
    path: '/api/v1/certifications/:id/jury-rules',
    listSummary:
      'Les règles de jury d’un CQPI : versions fixées par l’une de ses branches et leurs acceptations',
    listResponse: cqpiJuryRulesListResponse,
    listErrors: [404, 422],
    list: rules.listForCertification,
    createSummary: 'Fixer une version des règles de jury d’un CQPI (une de ses branches)',
    createDescription: `Elle s’applique une fois acceptée par chacune des autres branches du CQPI. ${VERSIONS}`,
    create: rules.createForCertification,
  });

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
