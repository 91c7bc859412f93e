import { z } from 'zod';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { ROLES } from '../../platform/auth/roles.js';
import {
  grantSchema,
  type Http,
  pageQuery,
  problemResponses,
  uuidParam,
} from '../../platform/http/schemas.js';
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

const grantInput = z.object({
  role: z.enum(ROLES),
  branchId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
});

export function registerUserRoutes(app: Http, users: UsersService) {
  app.get(
    '/api/v1/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Liste des comptes, par adresse ; `q` cherche dans le nom et l’adresse (admin)',
        querystring: pageQuery.extend({ q: z.string().max(100).optional() }),
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
    async (request) => users.list(request.actor as Actor, request.query),
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
          invite: z
            .boolean()
            .optional()
            .meta({ description: 'Envoyer à la personne un lien pour choisir son mot de passe' }),
          grants: z.array(grantInput).min(1).max(50),
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

  app.put(
    '/api/v1/users/:id/grants',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Remplacer les rôles et périmètres d’un compte (admin)',
        params: uuidParam,
        body: z.object({ grants: z.array(grantInput).min(1).max(50) }),
        response: { 200: userSchema, ...problemResponses(400, 404, 422) },
      },
    },
    async (request) =>
      users.setGrants(request.actor as Actor, request.params.id, request.body.grants, request.id),
  );

  app.put(
    '/api/v1/users/:id/active',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Désactiver (ses sessions prennent fin aussitôt) ou réactiver un compte (admin)',
        params: uuidParam,
        body: z.object({ isActive: z.boolean() }),
        response: { 200: userSchema, ...problemResponses(400, 404, 422) },
      },
    },
    async (request) =>
      users.setActive(request.actor as Actor, request.params.id, request.body.isActive, request.id),
  );

  app.post(
    '/api/v1/users/:id/invitation',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Envoyer (à nouveau) le lien pour choisir son mot de passe (admin)',
        params: uuidParam,
        response: { 204: z.null(), ...problemResponses(404, 422) },
      },
    },
    async (request, reply) => {
      await users.invite(request.actor as Actor, request.params.id, request.id);
      return reply.code(204).send(null);
    },
  );
}
