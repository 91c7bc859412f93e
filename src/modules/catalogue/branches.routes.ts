import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { capabilities } from '../../platform/auth/policy.js';
import { type Http, pageQuery, problemResponses } from '../../platform/http/schemas.js';
import type { BranchesService } from './branches.service.js';
import {
  ORGANISATION_KINDS,
  ORGANISATION_NAME_LENGTH,
  type OrganisationsService,
} from './organisations.service.js';
import { branchDetailSchema, branchSchema, isoDate, organisationSchema, pageOf } from './schemas.js';

const tags = ['catalogue'];

const branchBody = z.object({
  name: z.string().trim().min(2).max(200),
  idcc: z.array(z.string().trim().max(6)).max(20).default([]),
  opco: z.string().trim().max(100).optional(),
  cpneMembers: z
    .array(
      z.object({
        college: z.enum(['employers', 'employees']),
        personName: z.string().trim().min(1).max(200),
        organisationName: z.string().trim().min(1).max(200),
      }),
    )
    .max(100)
    .default([]),
});

const organisationBody = z.object({
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string().trim().min(ORGANISATION_NAME_LENGTH.min).max(ORGANISATION_NAME_LENGTH.max),
  siret: z.string().trim().max(20),
  ndaNumber: z.string().trim().max(11).optional(),
  qualiopiIssuedOn: isoDate.optional(),
  qualiopiExpiresOn: isoDate.optional(),
  idcc: z.string().trim().max(6).optional(),
});

/** For a signed-in person, what they may do with the branch (the web app shows actions from it). */
function withCapabilities<B extends { id: string }>(actor: Actor | null, branch: B) {
  return actor ? { ...branch, can: capabilities(actor, 'branch', { id: branch.id }) } : branch;
}

export function registerBranchRoutes(
  app: Http,
  branches: BranchesService,
  organisations: OrganisationsService,
) {
  app.get(
    '/api/v1/branches',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Les branches professionnelles',
        response: { 200: z.object({ items: z.array(branchSchema) }) },
      },
    },
    async (request) => ({
      items: (await branches.list()).map((b) => withCapabilities(request.actor, b)),
    }),
  );

  app.get(
    '/api/v1/branches/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Une branche, ses conventions collectives et sa CPNE',
        params: z.object({ id: z.uuid() }),
        response: { 200: branchDetailSchema, ...problemResponses(404) },
      },
    },
    async (request) => withCapabilities(request.actor, await branches.get(request.params.id)),
  );

  app.post(
    '/api/v1/branches',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Créer une branche (admin)',
        body: branchBody,
        response: { 201: z.object({ id: z.uuid() }), ...problemResponses(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const id = await branches.save(undefined, request.body, request.actor as Actor, request.id);
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/api/v1/branches/:id',
    {
      config: { access: ['admin', 'branch_manager'] },
      schema: {
        tags,
        summary: 'Modifier une branche et sa CPNE (admin, gestionnaire de la branche)',
        params: z.object({ id: z.uuid() }),
        body: branchBody,
        response: { 204: z.null(), ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      await branches.save(request.params.id, request.body, request.actor as Actor, request.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/organisations',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Organismes de formation, employeurs, centres d’évaluation, OPCO (q : nom ou SIRET)',
        querystring: pageQuery.extend({
          kind: z.enum(ORGANISATION_KINDS).optional(),
          q: z
            .string()
            .trim()
            .max(200)
            .optional()
            .meta({ description: 'Une partie du nom, ou le début du SIRET' }),
        }),
        response: { 200: pageOf(organisationSchema) },
      },
    },
    async (request) => {
      const { kind, page: pageNumber, pageSize, q } = request.query;
      const page = await organisations.list(kind, pageNumber, pageSize, q);
      return {
        ...page,
        items: page.items.map((o) => ({
          id: o.id,
          kind: o.kind,
          name: o.name,
          siret: o.siret,
          ndaNumber: o.nda_number,
          qualiopiIssuedOn: o.qualiopi_issued_on,
          qualiopiExpiresOn: o.qualiopi_expires_on,
          idcc: o.idcc,
        })),
      };
    },
  );

  app.post(
    '/api/v1/organisations',
    {
      config: { access: ['admin', 'branch_manager'] },
      schema: {
        tags,
        summary: 'Enregistrer une organisation (SIRET vérifié)',
        body: organisationBody,
        response: { 201: z.object({ id: z.uuid() }), ...problemResponses(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const id = await organisations.create(request.body, request.actor as Actor, request.id);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/api/v1/organisations/employers',
    {
      config: { access: ['admin', 'branch_manager', 'training_org'] },
      schema: {
        tags,
        summary: 'Enregistrer un employeur introuvable lors d’une inscription (SIRET vérifié)',
        description:
          '422 quand le SIRET est mal formé ou que sa clé est fausse ; 409 quand il est déjà enregistré (cherchez-le par GET /api/v1/organisations?q=).',
        body: organisationBody.pick({ name: true, siret: true, idcc: true }),
        response: {
          201: z.object({ id: z.uuid(), name: z.string() }),
          ...problemResponses(400, 403, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const id = await organisations.registerEmployer(request.body, request.actor as Actor, request.id);
      return reply.code(201).send({ id, name: request.body.name });
    },
  );

  app.put(
    '/api/v1/organisations/:id',
    {
      config: { access: ['admin', 'branch_manager'] },
      schema: {
        tags,
        summary: 'Modifier une organisation (SIRET vérifié)',
        params: z.object({ id: z.uuid() }),
        body: organisationBody,
        response: { 204: z.null(), ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      await organisations.update(request.params.id, request.body, request.actor as Actor, request.id);
      return reply.code(204).send(null);
    },
  );
}
