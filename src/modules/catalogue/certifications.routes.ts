import { z } from 'zod';
import { isOrganisationHabilitation, isPersonHabilitation } from '../../contracts/catalogue.js';
import { today } from '../../contracts/dates.js';
import { COLLEGES } from '../../contracts/juries.js';
import type { Actor } from '../../platform/auth/actor.js';
import { capabilities } from '../../platform/auth/policy.js';
import { binary, mediaResponse } from '../../platform/http/openapi.js';
import { type Http, pageQuery, problemResponses } from '../../platform/http/schemas.js';
import { XLSX_MEDIA_TYPE } from '../../platform/http/server.js';
import { Problem, problems } from '../../platform/problem.js';
import { ownershipOf, toDomainEvent } from './certifications.repo.js';
import type { CertificationsService } from './certifications.service.js';
import { CERTIFICATION_KINDS } from './domain/certification.js';
import { ACTIVATION_MISSING, CERTIFICATION_STATUSES, missingForActivation } from './domain/lifecycle.js';
import { RECOGNITION_STATUSES, recognitionOn, recognitionTimeline } from './domain/recognition.js';
import { frameworkFromXlsx, frameworkToXlsx, WorkbookError } from './framework-xlsx.js';
import type { FrameworksService } from './frameworks.service.js';
import {
  HABILITATION_LABELS,
  type HabilitationsService,
  ORGANISATION_HABILITATIONS,
  PERSON_HABILITATIONS,
} from './habilitations.service.js';
import {
  certificationBody,
  certificationSchema,
  frameworkChangeSchema,
  frameworkContentSchema,
  habilitatedSchema,
  habilitationSchema,
  isoDate,
  recognitionEventBody,
  recognitionSchema,
  searchResultSchema,
  versionSchema,
  versionSummarySchema,
} from './schemas.js';
import type { SearchService } from './search.service.js';

const idParam = z.object({ id: z.uuid() });
const versionParam = z.object({ id: z.uuid(), number: z.coerce.number().int().min(1) });
const MANAGERS = ['admin', 'branch_manager'] as const;
const tags = ['catalogue'];

export type CertificationRouteDeps = {
  search: SearchService;
  certifications: CertificationsService;
  frameworks: FrameworksService;
  habilitations: HabilitationsService;
};

export function registerCertificationRoutes(app: Http, deps: CertificationRouteDeps) {
  const { certifications, frameworks, habilitations } = deps;

  app.get(
    '/api/v1/certifications',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Rechercher dans le catalogue public (texte, filtres, facettes)',
        description:
          'Sans `status` : les certifications publiques (au catalogue et retirées). `status=draft` : les brouillons que la personne connectée peut voir (le personnel de leurs branches, les admins) ; `status=all` : les publiques et ces brouillons.',
        querystring: pageQuery.extend({
          q: z.string().max(200).optional(),
          kind: z.enum(CERTIFICATION_KINDS).optional(),
          branch: z.uuid().optional(),
          level: z.coerce.number().int().min(3).max(8).optional(),
          recognition: z.enum(RECOGNITION_STATUSES).optional(),
          rome: z.string().max(10).optional(),
          date: isoDate.optional(),
          status: z.enum([...CERTIFICATION_STATUSES, 'all']).optional(),
        }),
        response: { 200: searchResultSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { page, pageSize, q, kind, branch, level, recognition, rome, date, status } = request.query;
      const result = await deps.search.search(
        { q, kind, branchId: branch, level, recognition, rome, date: date ?? today() },
        status === 'all' ? [...CERTIFICATION_STATUSES] : status ? [status] : ['active', 'retired'],
        request.actor,
        page,
        pageSize,
      );
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/api/v1/certifications/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Fiche publique : identité, reconnaissance, référentiels publiés, organismes habilités',
        params: idParam,
        response: { 200: certificationSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      const cert = await certifications.get(request.params.id, request.actor);
      const can = request.actor ? capabilities(request.actor, 'certification', ownershipOf(cert)) : undefined;
      const events = cert.events.map(toDomainEvent);
      const date = today();
      const [framework, habilitated] = await Promise.all([
        frameworks.latestPublished(cert.id),
        habilitations.habilitatedOn(cert.id, date),
      ]);
      const recognition = recognitionOn(events, date);
      return {
        id: cert.id,
        kind: cert.kind,
        code: cert.code,
        title: cert.title,
        description: cert.description,
        jobsTargeted: cert.jobs_targeted,
        branches: cert.branches,
        legalOwner: { name: cert.legal_owner_name, siret: cert.legal_owner_siret },
        romeCodes: cert.rome_codes,
        nsfCodes: cert.nsf_codes,
        formacodeCodes: cert.formacode_codes,
        status: cert.status,
        ...(cert.status === 'draft' && can?.activate
          ? {
              activation: {
                missing: missingForActivation({
                  publishedFramework: framework !== undefined,
                  recognition: recognition.status,
                }).map((requirement) => ({ requirement, detail: ACTIVATION_MISSING[requirement] })),
              },
            }
          : {}),
        recognition,
        timeline: recognitionTimeline(events),
        events: cert.events.map((e) => ({
          id: e.id,
          ...toDomainEvent(e),
          reference: e.reference,
          successorId: e.successor_id,
        })),
        framework: framework
          ? {
              number: framework.number,
              // Always set by publish (the column is empty for drafts).
              publishedAt: (framework.published_at ?? framework.updated_at).toISOString(),
              content: framework.content,
            }
          : null,
        ...(can?.update
          ? { invitedBranches: cert.invitedBranches.map(({ id, name }) => ({ id, name })) }
          : {}),
        ...(can ? { can } : {}),
        trainingOrganisations: habilitatedAnswer(habilitated).organisations.map((o) => ({
          id: o.id,
          name: o.name,
          habilitation: HABILITATION_LABELS[o.kind],
          validTo: o.validTo,
        })),
      };
    },
  );

  app.post(
    '/api/v1/certifications',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Créer une certification (CQP : une branche ; CQPI : au moins deux)',
        body: certificationBody,
        response: { 201: z.object({ id: z.uuid() }), ...problemResponses(400, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const id = await certifications.create(request.body, request.actor as Actor, request.id);
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/api/v1/certifications/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Modifier l’identité d’une certification',
        params: idParam,
        body: certificationBody,
        response: { 204: z.null(), ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      await certifications.update(request.params.id, request.body, request.actor as Actor, request.id);
      return reply.code(204).send(null);
    },
  );

  for (const [action, summary] of [
    [
      'activate',
      'Mettre un brouillon au catalogue : public dès lors (il faut une version des référentiels publiée et une existence légale à ce jour)',
    ],
    ['retire', 'Retirer une certification du catalogue : plus de nouvelle candidature, elle reste publique'],
  ] as const) {
    app.post(
      `/api/v1/certifications/:id/${action}`,
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary,
          params: idParam,
          response: { 204: z.null(), ...problemResponses(403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        await certifications[action](request.params.id, request.actor as Actor, request.id);
        return reply.code(204).send(null);
      },
    );
  }

  app.get(
    '/api/v1/certifications/:id/recognition',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Reconnaissance à une date, déduite des événements',
        params: idParam,
        querystring: z.object({ date: isoDate.optional() }),
        response: { 200: recognitionSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      certifications.recognition(request.params.id, request.query.date ?? today(), request.actor),
  );

  app.post(
    '/api/v1/certifications/:id/events',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Ajouter un événement de reconnaissance (création, transmission, inscription, retrait, remplacement)',
        params: idParam,
        body: recognitionEventBody,
        response: { 201: z.object({ id: z.uuid() }), ...problemResponses(400, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const id = await certifications.addEvent(
        request.params.id,
        request.body,
        request.actor as Actor,
        request.id,
      );
      return reply.code(201).send({ id });
    },
  );

  app.delete(
    '/api/v1/certifications/:id/events/:eventId',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Supprimer un événement saisi par erreur',
        params: z.object({ id: z.uuid(), eventId: z.uuid() }),
        response: { 204: z.null(), ...problemResponses(403, 404, 422) },
      },
    },
    async (request, reply) => {
      await certifications.deleteEvent(
        request.params.id,
        request.params.eventId,
        request.actor as Actor,
        request.id,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/certifications/:id/versions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Versions des référentiels (brouillons visibles de la branche seulement)',
        params: idParam,
        response: { 200: z.object({ items: z.array(versionSummarySchema) }), ...problemResponses(404) },
      },
    },
    async (request) => ({
      items: (await frameworks.list(request.params.id, request.actor)).map(versionSummaryOf),
    }),
  );

  app.get(
    '/api/v1/certifications/:id/versions/:number',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Une version des référentiels',
        params: versionParam,
        response: { 200: versionSchema, ...problemResponses(404) },
      },
    },
    async (request) =>
      versionOf(await frameworks.get(request.params.id, request.params.number, request.actor)),
  );

  app.post(
    '/api/v1/certifications/:id/versions',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Créer un brouillon : à partir d’un contenu, ou copie d’une version (basedOn)',
        params: idParam,
        body: z.union([z.object({ basedOn: z.number().int().min(1) }), z.object({ content: z.unknown() })]),
        response: {
          201: z.object({ id: z.uuid(), number: z.number() }),
          ...problemResponses(400, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const body = request.body as { basedOn: number } | { content: unknown };
      const row = await frameworks.createDraft(request.params.id, body, request.actor as Actor, request.id);
      return reply.code(201).send(row);
    },
  );

  app.put(
    '/api/v1/certifications/:id/versions/:number',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Modifier un brouillon (refusé pour une version publiée)',
        params: versionParam,
        body: z.object({ content: z.unknown() }),
        response: { 204: z.null(), ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      await frameworks.updateDraft(
        request.params.id,
        request.params.number,
        request.body.content,
        request.actor as Actor,
        request.id,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/certifications/:id/versions/:number/export',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Exporter une version des référentiels (JSON ou classeur xlsx)',
        params: versionParam,
        querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }),
        response: {
          200: mediaResponse('Le référentiel en pièce jointe : document JSON ou classeur xlsx', {
            'application/json': frameworkContentSchema,
            [XLSX_MEDIA_TYPE]: binary,
          }),
          ...problemResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const version = await frameworks.get(request.params.id, request.params.number, request.actor);
      const cert = await certifications.get(request.params.id, request.actor);
      const name = `${cert.code}-v${version.number}`.replace(/[^A-Za-z0-9._-]/g, '_');
      if (request.query.format === 'xlsx') {
        return reply
          .type(XLSX_MEDIA_TYPE)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await frameworkToXlsx(version.content));
      }
      return reply
        .type('application/json')
        .header('content-disposition', `attachment; filename="${name}.json"`)
        .send(JSON.stringify(version.content, null, 2));
    },
  );

  app.put(
    '/api/v1/certifications/:id/versions/:number/xlsx',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Remplacer le contenu d’un brouillon par un classeur xlsx (tout ou rien)',
        params: versionParam,
        response: { 204: z.null(), ...problemResponses(403, 404, 409, 415, 422) },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new Problem(
          415,
          'unsupported-media-type',
          'Type de contenu non pris en charge',
          `Envoyez le classeur en ${XLSX_MEDIA_TYPE}.`,
        );
      }
      let content: unknown;
      try {
        content = await frameworkFromXlsx(request.body);
      } catch (error) {
        if (error instanceof WorkbookError)
          throw problems.unprocessable(error.errors, 'Le classeur ne peut pas être lu.');
        throw error;
      }
      await frameworks.updateDraft(
        request.params.id,
        request.params.number,
        content,
        request.actor as Actor,
        request.id,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/certifications/:id/versions/:number/publish',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Publier un brouillon : il devient immuable',
        params: versionParam,
        response: { 204: z.null(), ...problemResponses(403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      await frameworks.publish(request.params.id, request.params.number, request.actor as Actor, request.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/certifications/:id/versions-diff',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Différences entre deux versions, repérées par codes',
        params: idParam,
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: {
          200: z.object({ changes: z.array(frameworkChangeSchema) }),
          ...problemResponses(400, 404),
        },
      },
    },
    async (request) => ({
      changes: await frameworks.diff(request.params.id, request.query.from, request.query.to, request.actor),
    }),
  );

  app.get(
    '/api/v1/certifications/:id/habilitations',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Toutes les habilitations de la certification (gestion)',
        params: idParam,
        response: { 200: z.object({ items: z.array(habilitationSchema) }), ...problemResponses(404) },
      },
    },
    async (request) => ({
      items: (await habilitations.list(request.params.id, request.actor as Actor)).map(habilitationOf),
    }),
  );

  app.get(
    '/api/v1/certifications/:id/habilitated',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Qui est habilité pour cette certification à une date (organismes, évaluateurs, jurés)',
        params: idParam,
        querystring: z.object({
          date: isoDate.optional(),
          need: z.enum([...ORGANISATION_HABILITATIONS, ...PERSON_HABILITATIONS]).optional(),
        }),
        response: { 200: habilitatedSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      habilitatedAnswer(
        await habilitations.habilitatedFor(
          request.params.id,
          request.query.date ?? today(),
          request.query.need,
          request.actor,
        ),
      ),
  );

  app.post(
    '/api/v1/certifications/:id/habilitations',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Habiliter un organisme (former, évaluer) ou une personne (évaluateur, juré)',
        params: idParam,
        body: z.object({
          kind: z.enum([...ORGANISATION_HABILITATIONS, ...PERSON_HABILITATIONS]),
          organisationId: z.uuid().optional(),
          userId: z.uuid().optional(),
          validFrom: isoDate,
          validTo: isoDate,
          college: z.enum(COLLEGES).optional().meta({ description: 'Membre de jury : son collège (requis)' }),
          designatedBy: z.string().trim().min(1).max(200).optional().meta({
            description: 'Membre de jury : la fédération ou le syndicat qui l’a désigné·e (requis)',
          }),
        }),
        response: { 201: z.object({ id: z.uuid() }), ...problemResponses(400, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const id = await habilitations.create(
        request.params.id,
        request.body,
        request.actor as Actor,
        request.id,
      );
      return reply.code(201).send({ id });
    },
  );

  app.delete(
    '/api/v1/certifications/:id/habilitations/:habilitationId',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Retirer une habilitation',
        params: z.object({ id: z.uuid(), habilitationId: z.uuid() }),
        response: { 204: z.null(), ...problemResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await habilitations.remove(
        request.params.id,
        request.params.habilitationId,
        request.actor as Actor,
        request.id,
      );
      return reply.code(204).send(null);
    },
  );
}

type VersionRow = Awaited<ReturnType<FrameworksService['list']>>[number];

function versionSummaryOf(v: VersionRow) {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    basedOnId: v.based_on_id,
    createdAt: v.created_at.toISOString(),
    updatedAt: v.updated_at.toISOString(),
    publishedAt: v.published_at?.toISOString() ?? null,
  };
}

function versionOf(v: Awaited<ReturnType<FrameworksService['get']>>) {
  return { ...versionSummaryOf(v), certificationId: v.certification_id, content: v.content };
}

function habilitationOf(h: Awaited<ReturnType<HabilitationsService['list']>>[number]) {
  return {
    id: h.id,
    kind: h.kind,
    validFrom: h.valid_from,
    validTo: h.valid_to,
    organisationId: h.organisation_id,
    organisationName: h.organisation_name,
    userId: h.user_id,
    personName: h.person_name,
    college: h.college,
    designatedBy: h.designated_by,
  };
}

/**
 * Who is habilitated, split by kind. The service leaves people out for those who may not see
 * their names: `persons` is then absent.
 */
function habilitatedAnswer(rows: Awaited<ReturnType<HabilitationsService['habilitatedOn']>>) {
  const persons = rows.flatMap(({ kind, ...h }) =>
    isPersonHabilitation(kind) && h.user_id !== null
      ? [
          {
            habilitationId: h.id,
            kind,
            validFrom: h.valid_from,
            validTo: h.valid_to,
            userId: h.user_id,
            name: h.person_name ?? '',
            college: h.college,
            designatedBy: h.designated_by,
          },
        ]
      : [],
  );
  return {
    organisations: rows.flatMap(({ kind, ...h }) =>
      isOrganisationHabilitation(kind) && h.organisation_id !== null
        ? [
            {
              habilitationId: h.id,
              kind,
              validFrom: h.valid_from,
              validTo: h.valid_to,
              id: h.organisation_id,
              name: h.organisation_name ?? '',
              siret: h.organisation_siret,
              qualiopiExpiresOn: h.qualiopi_expires_on,
            },
          ]
        : [],
    ),
    ...(persons.length > 0 ? { persons } : {}),
  };
}
