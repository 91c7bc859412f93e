import { z } from 'zod';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { ROLES } from '../../platform/auth/roles.js';
import { grantSchema, type Http, pageQuery, problemResponses } from '../../platform/http/schemas.js';
import type { UsersService } from './users.service.js';

const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    isActive: z.boolean(),
    roles: z.array(grantSchema),
  })
  .meta({ id: 'User' });

export function registerUserRoutes(app: Http, users: UsersService) {
  app.get(
    '/api/v1/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Liste des comptes (admin)',
        querystring: pageQuery,
        response: {
          200: z.object({
            items: z.array(userSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => users.list(request.query.page, request.query.pageSize),
  );

  app.get(
    '/api/v1/people',
    {
      config: { access: ['admin', 'branch_manager'] },
      schema: {
        tags: ['administration'],
        summary: 'Évaluateurs ou membres de jury à habiliter (nom et adresse ; 50 au plus)',
        querystring: z.object({
          role: z.enum(['evaluator', 'jury_member']),
          q: z.string().max(100).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.uuid(), displayName: z.string(), email: z.string() })),
          }),
          ...problemResponses(400),
        },
      },
    },
    async (request) => ({ items: await users.findPeople(request.query.role, request.query.q) }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Créer un compte avec ses rôles et périmètres (admin)',
        body: z.object({
          email: z.email().max(320),
          displayName: z.string().trim().min(1).max(200),
          password: z.string().max(256).optional(),
          grants: z
            .array(
              z.object({
                role: z.enum(ROLES),
                branchId: z.uuid().optional(),
                organisationId: z.uuid().optional(),
              }),
            )
            .min(1),
        }),
        response: {
          201: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
          ...problemResponses(400, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const user = await users.createUser(request.body, auditActorOf(request.actor as Actor), request.id);
      return reply.code(201).send({ id: user.id, email: user.email, displayName: user.display_name });
    },
  );
}
