import { z } from 'zod';
import { today } from '../../contracts/dates.js';
import { COLLEGES, type College } from '../../contracts/juries.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { ROLES } from '../../platform/auth/roles.js';
import {
  grantSchema,
  type Http,
  pageQuery,
  problemResponses,
  uuidParam,
} from '../../platform/http/schemas.js';
import { fieldError, problems } from '../../platform/problem.js';
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

/**
 * What the people lookup needs of the catalogue (wired in src/app): the jury members
 * habilitated for a certification on a date, as its branches' staff read them (404 otherwise).
 */
export type JuryMembersLookup = (
  certificationId: string,
  on: string,
  actor: Actor,
) => Promise<{ userId: string; college: College; designatedBy: string | null }[]>;

const juryMemberSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    college: z.enum(COLLEGES),
    organisation: z
      .string()
      .nullable()
      .meta({ description: 'La fédération ou le syndicat qui l’a désigné·e (habilitation)' }),
  })
  .meta({ id: 'HabilitatedJuryMember' });

export function registerUserRoutes(app: Http, users: UsersService, juryMembersFor?: JuryMembersLookup) {
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
        description:
          'Avec `role=jury_member&certificationId=` : les membres de jury habilités pour cette certification aujourd’hui (ou à la date `on`), avec leur collège et l’organisation qui les a désignés — pour le personnel des branches de la certification (404 sinon).',
        querystring: z.object({
          role: z.enum(['evaluator', 'jury_member']),
          q: z.string().max(100).optional(),
          certificationId: z.uuid().optional(),
          on: z.iso
            .date()
            .optional()
            .meta({ description: 'Avec certificationId : la date (aujourd’hui par défaut)' }),
        }),
        response: {
          200: z.union([
            z.object({
              items: z.array(z.object({ id: z.uuid(), displayName: z.string(), email: z.string() })),
            }),
            z.object({ items: z.array(juryMemberSchema) }).meta({ id: 'HabilitatedJuryMembers' }),
          ]),
          ...problemResponses(400, 404, 422),
        },
      },
    },
    async (request) => {
      const { role, q, certificationId, on } = request.query;
      if (certificationId === undefined) {
        if (on !== undefined)
          throw problems.unprocessable(
            [fieldError(['on'], 'La date va avec certificationId.', 'query')],
            'Date sans certification.',
          );
        return { items: await users.findPeople(role, q) };
      }
      if (role !== 'jury_member' || !juryMembersFor) {
        throw problems.unprocessable(
          [
            fieldError(
              ['certificationId'],
              'La certification ne s’indique qu’avec role=jury_member.',
              'query',
            ),
          ],
          'Certification inattendue.',
        );
      }
      const held = await juryMembersFor(certificationId, on ?? today(), request.actor as Actor);
      const habilitation = new Map(held.map((h) => [h.userId, h]));
      const contacts = await users.contactsOf([...habilitation.keys()], 'jury_member');
      const words = q?.trim().toLocaleLowerCase('fr');
      return {
        items: contacts
          .filter((c) => !words || `${c.displayName} ${c.email}`.toLocaleLowerCase('fr').includes(words))
          .map((c) => {
            const h = habilitation.get(c.id) as (typeof held)[number];
            return {
              id: c.id,
              name: c.displayName,
              email: c.email,
              college: h.college,
              organisation: h.designatedBy,
            };
          }),
      };
    },
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
