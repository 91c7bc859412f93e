import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { type Http, pageQuery, problemResponses } from '../../platform/http/schemas.js';
import { uploadedFileName as sentFileName } from '../../platform/http/uploads.js';
import { problems } from '../../platform/problem.js';
import type { RegistryFiche } from './domain/fiche.js';
import type { RegistryService } from './registry.service.js';
import type { RegistryImportService, RunRow } from './registry-import.service.js';
import {
  type ALERT_KINDS,
  alertSchema,
  ficheSummarySchema,
  importRunSchema,
  linkSchema,
  numeroParam,
  registryFicheAnswer,
  registryStatusSchema,
} from './schemas.js';

const tags = ['registry'];
const ADMIN = ['admin'] as const;
const MANAGERS = ['admin', 'branch_manager'] as const;
/** Media types accepted for an export upload: the raw file as the request body. */
export const UPLOAD_MEDIA_TYPES = [
  'application/octet-stream',
  'application/zip',
  'application/x-zip-compressed',
  'application/xml',
  'text/xml',
];

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function runAnswer(run: NonNullable<RunRow>): z.infer<typeof importRunSchema> {
  const details = (run.error_details ?? {}) as Record<string, string | number | undefined>;
  return {
    id: run.id,
    fileName: run.file_name,
    fileType: run.file_type,
    kind: run.kind,
    version: run.version,
    status: run.status,
    startedAt: iso(run.started_at) as string,
    endedAt: iso(run.ended_at),
    bytesTotal: Number(run.bytes_total),
    bytesRead: Number(run.bytes_read),
    fichesRead: run.fiches_read,
    counts: {
      new: run.new_count,
      changed: run.changed_count,
      unchanged: run.unchanged_count,
      removed: run.removed_count,
      rejected: run.rejected_count,
      alerts: run.alerts_count,
    },
    error: run.error_message
      ? {
          message: run.error_message,
          ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== null)),
        }
      : null,
    actor: run.actor_label,
  };
}

export type RegistryRouteDeps = {
  registry: RegistryService;
  imports: RegistryImportService;
  maxFileBytes: number;
};

/**
 * The name shown for an uploaded file: the last part of `x-file-name` (percent-decoded, as
 * the web app sends non-ASCII names), without control characters, at most 200 characters.
 */
export function uploadedFileName(header: string | string[] | undefined): string {
  return sentFileName(header, 'export.bin');
}

export function registerRegistryRoutes(root: Http, deps: RegistryRouteDeps) {
  const { registry, imports, maxFileBytes } = deps;

  root.get(
    '/api/v1/registry/fiches',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Rechercher dans les fiches RNCP / RS importées (texte intégral, sans accents)',
        querystring: pageQuery.extend({
          q: z.string().max(200).optional(),
          registry: z.enum(['RNCP', 'RS']).optional(),
          active: z.enum(['true', 'false']).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(ficheSummarySchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          ...problemResponses(400),
        },
      },
    },
    async (request) => {
      const { q, registry: kind, active, page, pageSize } = request.query;
      const result = await registry.search(
        { q, registry: kind, active: active === undefined ? undefined : active === 'true' },
        page,
        pageSize,
      );
      return {
        items: result.items.map((f) => ({
          numero: f.numero,
          registry: f.registry,
          title: f.title,
          abbreviation: f.abbreviation,
          state: f.state,
          active: f.active,
          level: f.level,
          startDate: f.start_date,
          endDate: f.end_date,
        })),
        total: result.total,
        page,
        pageSize,
      };
    },
  );

  root.get(
    '/api/v1/registry/status',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'État du registre importé : date du dernier import réussi et nombre de fiches, par répertoire',
        response: { 200: registryStatusSchema },
      },
    },
    async () => ({
      registries: (await registry.status()).map((s) => ({ ...s, importedAt: iso(s.importedAt) })),
    }),
  );

  root.get(
    '/api/v1/registry/fiches/:numero',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Une fiche RNCP / RS : « ce CQP est-il enregistré ? »',
        params: z.object({ numero: numeroParam }),
        response: { 200: registryFicheAnswer, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const row = await registry.getFiche(request.params.numero);
      return {
        fiche: row.fiche as RegistryFiche,
        present: row.present,
        hash: row.hash,
        updatedAt: iso(row.updated_at) as string,
      };
    },
  );

  // Uploads: the raw file is the body, streamed to a temporary file, never held in memory.
  // Encapsulated so that these media types are accepted on this route only, and only they:
  // the JSON and text parsers, which hold a body in memory, are not offered here. The route
  // sets no bodyLimit (Fastify's applies to buffering parsers): the stream is counted below.
  root.register(async (scoped) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(UPLOAD_MEDIA_TYPES, (_request, payload, done) => done(null, payload));
    app.post(
      '/api/v1/registry/imports',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary:
            'Importer un export de France compétences (XML, zip XML ou zip CSV), envoyé brut dans le corps ; l’import continue en arrière-plan',
          description: `Corps : le fichier lui-même, en ${UPLOAD_MEDIA_TYPES.join(', ')}. En-tête facultatif x-file-name. Suivre l’avancement sur GET /api/v1/registry/imports/{id}.`,
          consumes: UPLOAD_MEDIA_TYPES,
          response: { 202: z.object({ id: z.uuid() }), ...problemResponses(400, 403, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const body = request.body as NodeJS.ReadableStream | undefined;
        if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') {
          throw problems.validation(
            [],
            `Envoyez le fichier brut dans le corps (${UPLOAD_MEDIA_TYPES.join(', ')}).`,
          );
        }
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > maxFileBytes) throw problems.payloadTooLarge(maxFileBytes);
        const dir = await mkdtemp(path.join(tmpdir(), 'qualif-registry-'));
        const file = path.join(dir, randomUUID());
        let size = 0;
        const limit = new Transform({
          transform(chunk: Buffer, _enc, next) {
            size += chunk.length;
            if (size > maxFileBytes) next(problems.payloadTooLarge(maxFileBytes));
            else next(null, chunk);
          },
        });
        try {
          await pipeline(body, limit, createWriteStream(file));
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          throw error;
        }
        const fileName = uploadedFileName(request.headers['x-file-name']);
        let started: Awaited<ReturnType<RegistryImportService['start']>>;
        try {
          started = await imports.start(file, {
            fileName,
            actor: auditActorOf(request.actor as Actor),
            requestId: request.id,
          });
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          throw error;
        }
        void started.done
          // The run's end could not be read back (database gone): the run row tells the rest.
          .catch((error: unknown) => app.log.error({ err: error }, 'registry import: end not read back'))
          .finally(() => rm(dir, { recursive: true, force: true }));
        return reply.code(202).header('location', `/api/v1/registry/imports/${started.runId}`).send({
          id: started.runId,
        });
      },
    );
  });

  root.get(
    '/api/v1/registry/imports',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Derniers imports (50), du plus récent au plus ancien',
        response: { 200: z.object({ items: z.array(importRunSchema) }), ...problemResponses(403) },
      },
    },
    async () => ({ items: (await imports.listRuns()).map(runAnswer) }),
  );

  root.get(
    '/api/v1/registry/imports/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Un import, avec son avancement en direct (octets, fiches) et ses comptes',
        params: z.object({ id: z.uuid() }),
        response: { 200: importRunSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request) => {
      const run = await imports.getRun(request.params.id);
      if (!run) throw problems.notFound('Import introuvable.');
      return runAnswer(run);
    },
  );

  const linkParams = z.object({ id: z.uuid(), numero: numeroParam });

  root.get(
    '/api/v1/certifications/:id/registry-links',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Fiches RNCP / RS liées à une certification',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ items: z.array(linkSchema) }), ...problemResponses(400) },
      },
    },
    async (request) => ({
      items: (await registry.links(request.params.id, request.actor)).map((l) => ({
        numero: l.numero,
        createdAt: iso(l.created_at) as string,
        fiche:
          l.title === null || l.registry === null
            ? null
            : {
                numero: l.numero,
                registry: l.registry,
                title: l.title,
                active: l.active ?? false,
                present: l.present ?? false,
                level: l.level,
                startDate: l.start_date,
                endDate: l.end_date,
              },
      })),
    }),
  );

  root.put(
    '/api/v1/certifications/:id/registry-links/:numero',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Lier une certification à une fiche RNCP / RS (la compare aussitôt au registre)',
        params: linkParams,
        response: { 204: z.null(), ...problemResponses(400, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      await registry.link(request.params.id, request.params.numero, request.actor as Actor, request.id);
      return reply.code(204).send(null);
    },
  );

  root.delete(
    '/api/v1/certifications/:id/registry-links/:numero',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Retirer le lien (ses alertes ouvertes sont classées)',
        params: linkParams,
        response: { 204: z.null(), ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      await registry.unlink(request.params.id, request.params.numero, request.actor as Actor, request.id);
      return reply.code(204).send(null);
    },
  );

  root.get(
    '/api/v1/registry/alerts',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Écarts entre le registre et le catalogue (administrateurs : toutes ; branches : les leurs)',
        querystring: pageQuery.extend({
          status: z.enum(['open', 'applied', 'dismissed']).optional(),
          certification: z.uuid().optional(),
        }),
        response: {
          200: z.object({
            items: z.array(alertSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          ...problemResponses(400, 403),
        },
      },
    },
    async (request) => {
      const { status, certification, page, pageSize } = request.query;
      const result = await registry.listAlerts(
        request.actor as Actor,
        { status, certificationId: certification },
        page,
        pageSize,
      );
      return {
        items: result.items.map((a) => ({
          id: a.id,
          certification: { id: a.certification_id, code: a.certification_code, title: a.certification_title },
          numero: a.numero,
          kind: a.kind as (typeof ALERT_KINDS)[number],
          details: a.details as Record<string, unknown>,
          status: a.status,
          resolution: a.resolution,
          reason: a.reason,
          createdRunId: a.created_run_id,
          createdAt: iso(a.created_at) as string,
          resolvedAt: iso(a.resolved_at),
          resolvedBy: a.resolved_by,
          can: a.can,
          applyRefusal: a.apply_refusal,
        })),
        total: result.total,
        page,
        pageSize,
      };
    },
  );

  root.post(
    '/api/v1/registry/alerts/:id/apply',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Appliquer le registre : écrit l’inscription (numéro, niveau, dates) ou le remplacement dans le catalogue, tracé',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      await registry.apply(request.params.id, request.actor as Actor, request.id);
      return reply.code(204).send(null);
    },
  );

  root.post(
    '/api/v1/registry/alerts/:id/dismiss',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Classer une alerte sans rien changer au catalogue',
        params: z.object({ id: z.uuid() }),
        body: z.object({ reason: z.string().trim().min(1).max(500).optional() }).nullish(),
        response: { 204: z.null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await registry.dismiss(request.params.id, request.actor as Actor, request.id, request.body?.reason);
      return reply.code(204).send(null);
    },
  );
}
