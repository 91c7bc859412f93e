import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/actor.js';
import { FILE_KINDS } from '../../platform/files/file-types.js';
import { binary, mediaResponse } from '../../platform/http/openapi.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import { uploadedFileName } from '../../platform/http/uploads.js';
import { problems } from '../../platform/problem.js';
import {
  carriedBlocBody,
  competencyParams,
  decisionBody,
  evidenceCreated,
  evidenceParams,
  evidenceQuery,
  positioningSchema,
} from './positioning.schemas.js';
import { EVIDENCE_KINDS, type PositioningService } from './positioning.service.js';

const tags = ['candidacies'];
const MANAGERS = ['admin', 'branch_manager', 'training_org'] as const;
const EVIDENCE_MEDIA_TYPES = EVIDENCE_KINDS.map((k) => FILE_KINDS[k].mediaType);
/** What an upload may be sent as: the file's own type, or plain bytes (the type comes from them). */
const UPLOAD_MEDIA_TYPES = [...EVIDENCE_MEDIA_TYPES, 'application/octet-stream'];

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
function attachment(fileName: string) {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'piece';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerPositioningRoutes(root: Http, positioning: PositioningService) {
  const base = '/api/v1/candidacies/:id/positioning';

  root.get(
    base,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Le positionnement d’un parcours : par compétence de la version du référentiel, l’auto-positionnement et la décision de l’organisme, les pièces, les blocs acquis antérieurement, et l’état de chaque bloc',
        params: uuidParam,
        response: { 200: positioningSchema, ...problemResponses(404) },
      },
    },
    async (request) => positioning.get(request.params.id, request.actor as Actor),
  );

  // One competency's decision: the training organisation's (the one that counts), or the
  // candidate's own self-positioning.
  const SIDES = [
    {
      side: 'organisation',
      path: 'competencies',
      access: MANAGERS,
      summary:
        'Décider du positionnement sur une compétence (organisme de formation : la décision qui compte)',
    },
    {
      side: 'self',
      path: 'self',
      access: ['candidate'],
      summary: 'S’auto-positionner sur une compétence (le candidat, sur son propre parcours)',
    },
  ] as const;
  for (const { side, path, access, summary } of SIDES)
    root.put(
      `${base}/${path}/:code`,
      {
        config: { access },
        schema: {
          tags,
          summary,
          description: '409 quand le parcours n’est pas à l’étape « Positionnement ».',
          params: competencyParams,
          body: decisionBody,
          response: { 200: positioningSchema, ...problemResponses(400, 403, 404, 409) },
        },
      },
      async (request) =>
        positioning.decide(
          request.params.id,
          request.params.code,
          side,
          request.body,
          request.actor as Actor,
          request.id,
        ),
    );

  root.put(
    `${base}/carried-blocs/:code`,
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Reporter un bloc acquis antérieurement : validation partielle (avec sa référence) ou équivalence (une correspondance du répertoire)',
        params: competencyParams,
        body: carriedBlocBody,
        response: { 200: positioningSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      positioning.carryBloc(
        request.params.id,
        request.params.code,
        request.body,
        request.actor as Actor,
        request.id,
      ),
  );

  root.delete(
    `${base}/carried-blocs/:code`,
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Retirer le report d’un bloc (enregistré par erreur) : il se positionne alors comme les autres',
        params: competencyParams,
        response: { 200: positioningSchema, ...problemResponses(403, 404, 409) },
      },
    },
    async (request) =>
      positioning.uncarryBloc(request.params.id, request.params.code, request.actor as Actor, request.id),
  );

  root.delete(
    `${base}/evidence/:evidenceId`,
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Supprimer une pièce justificative (le fichier est effacé), à toute étape du parcours',
        params: evidenceParams,
        response: { 200: positioningSchema, ...problemResponses(403, 404) },
      },
    },
    async (request) =>
      positioning.deleteEvidence(
        request.params.id,
        request.params.evidenceId,
        request.actor as Actor,
        request.id,
      ),
  );

  root.get(
    `${base}/evidence/:evidenceId`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Une pièce justificative du positionnement, en pièce jointe',
        params: evidenceParams,
        response: {
          200: mediaResponse(
            'La pièce, dans son type',
            Object.fromEntries(EVIDENCE_MEDIA_TYPES.map((t) => [t, binary])),
          ),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const file = await positioning.evidenceFile(
        request.params.id,
        request.params.evidenceId,
        request.actor as Actor,
      );
      return reply
        .type(file.mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', attachment(file.fileName))
        .send(file.stream as never);
    },
  );

  // Uploads: the raw file is the body, streamed into the file store (size counted, type told by
  // its bytes). Encapsulated so that these media types are accepted here only, and only they.
  root.register(async (scoped) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(UPLOAD_MEDIA_TYPES, (_request, payload, done) => done(null, payload));
    app.post(
      `${base}/evidence`,
      {
        config: { access: [...MANAGERS, 'candidate'] },
        schema: {
          tags,
          summary:
            'Ajouter une pièce justificative au positionnement (PDF, image, document bureautique), envoyée brute dans le corps',
          description: `Corps : le fichier lui-même (${UPLOAD_MEDIA_TYPES.join(', ')}) ; son type est lu dans ses octets. En-tête x-file-name : son nom (encodé en pourcentage). Paramètre competencyCode : la compétence visée. 413 trop volumineux, 415 type refusé, 409 hors de l’étape « Positionnement ».`,
          consumes: UPLOAD_MEDIA_TYPES,
          params: uuidParam,
          querystring: evidenceQuery,
          response: { 201: evidenceCreated, ...problemResponses(400, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const body = request.body as Readable | undefined;
        if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function')
          throw problems.validation(
            [],
            `Envoyez le fichier brut dans le corps (${UPLOAD_MEDIA_TYPES.join(', ')}).`,
          );
        const created = await positioning.addEvidence(
          request.params.id,
          {
            source: body,
            fileName: uploadedFileName(request.headers['x-file-name'], 'piece-justificative'),
            competencyCode: request.query.competencyCode,
          },
          request.actor as Actor,
          request.id,
        );
        return reply.code(201).send(created);
      },
    );
  });
}
