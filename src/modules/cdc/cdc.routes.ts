import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/actor.js';
import { binary, mediaResponse } from '../../platform/http/openapi.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import { problems } from '../../platform/problem.js';
import type { CdcService } from './cdc.service.js';
import {
  certifierList,
  certifierParam,
  certifierSchema,
  certifierSettingsBody,
  deadlinesSchema,
  depositBody,
  depositCreated,
  depositList,
  depositListQuery,
  depositSchema,
} from './schemas.js';

const tags = ['cdc'];
const STAFF = ['admin', 'branch_manager', 'advisor'] as const;
const MANAGERS = ['admin', 'branch_manager'] as const;
const REPORT_MEDIA_TYPES = ['application/xml', 'text/xml'];
/** A report names each passage in ≈ 100–250 bytes: 8 MiB holds far more than a 10,000-passage flux's. */
export const REPORT_MAX_BYTES = 8 * 1024 * 1024;

export function registerCdcRoutes(root: Http, cdc: CdcService) {
  root.get(
    '/api/v1/cdc/certifiers',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          'Les certificateurs (propriétaires légaux des certifications des branches de la personne connectée) et leurs paramètres CDC',
        response: { 200: certifierList },
      },
    },
    async (request) => cdc.listCertifiers(request.actor as Actor),
  );

  root.get(
    '/api/v1/cdc/certifiers/:siret',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Un certificateur, ses certifications et ses paramètres CDC',
        params: certifierParam,
        response: { 200: certifierSchema, ...problemResponses(404) },
      },
    },
    async (request) => cdc.getCertifier(request.params.siret, request.actor as Actor),
  );

  root.put(
    '/api/v1/cdc/certifiers/:siret',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Enregistrer l’identifiant client, le numéro de contrat CDC et la version du schéma d’un certificateur',
        params: certifierParam,
        body: certifierSettingsBody,
        response: { 200: certifierSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request) => cdc.configure(request.params.siret, request.body, request.actor as Actor, request.id),
  );

  root.post(
    '/api/v1/cdc/deposits',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Créer un lot de dépôt : un flux par certificateur, contrôlé contre le schéma XSD avant d’être proposé',
        description:
          'Les attestations dues de la branche (ou celles nommées dans awardIds) : non retirées, certification au RNCP ou au RS à la date de l’attestation, pas encore déposées (ou refusées puis corrigées). Les identités qui échoueraient aux contrôles de la Caisse des Dépôts sont listées dans excluded, avec leurs motifs, et laissées hors du lot. 422 nommant certifierId quand les attestations relèvent de plusieurs certificateurs.',
        body: depositBody,
        response: { 201: depositCreated, ...problemResponses(400, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cdc.createDeposit(request.body, request.actor as Actor, request.id)),
  );

  root.get(
    '/api/v1/cdc/deposits',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Les lots de dépôt lisibles par la personne connectée, du plus récent au plus ancien',
        querystring: depositListQuery,
        response: { 200: depositList, ...problemResponses(400) },
      },
    },
    async (request) => cdc.listDeposits(request.query, request.actor as Actor),
  );

  root.get(
    '/api/v1/cdc/deposits/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Un lot de dépôt et le résultat de chaque passage',
        params: uuidParam,
        response: { 200: depositSchema, ...problemResponses(404) },
      },
    },
    async (request) => cdc.getDeposit(request.params.id, request.actor as Actor),
  );

  root.get(
    '/api/v1/cdc/deposits/:id/flux.xml',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Le flux XML du lot, tel qu’il a été validé contre le schéma de la Caisse des Dépôts',
        params: uuidParam,
        response: {
          200: mediaResponse('Le flux', { 'application/xml': binary }),
          ...problemResponses(404, 410),
        },
      },
    },
    async (request, reply) => {
      const { xml, fileName } = await cdc.flux(request.params.id, request.actor as Actor);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(Buffer.from(xml, 'utf8'));
    },
  );

  root.get(
    '/api/v1/cdc/branches/:id/deadlines',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          'Les dépôts à faire (dans les trois mois), en retard et refusés des certifications d’une branche',
        params: uuidParam,
        response: { 200: deadlinesSchema, ...problemResponses(404) },
      },
    },
    async (request) => cdc.deadlines(request.params.id, request.actor as Actor),
  );

  // The report: the CDC's XML as the body, read as text under its own size limit, on this route only.
  root.register(async (scoped) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      REPORT_MEDIA_TYPES,
      { parseAs: 'string', bodyLimit: REPORT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    app.post(
      '/api/v1/cdc/deposits/:id/report',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Importer le rapport de traitement (accusé de traitement) de la Caisse des Dépôts',
          description:
            'Corps : le fichier XML du rapport (application/xml). Rapproché du lot par idFlux (ou nomFichier pour un rejet du fichier entier) et des passages par idTechnique ; chaque passage OK ou KO avec le motif de la CDC ; un rejet du fichier entier met tous les passages KO avec son motif ; « déjà en base » compte comme déposé.',
          consumes: REPORT_MEDIA_TYPES,
          params: uuidParam,
          response: { 200: depositSchema, ...problemResponses(400, 403, 404, 413, 415, 422) },
        },
      },
      async (request) => {
        const body = request.body;
        if (typeof body !== 'string' || body.trim() === '')
          throw problems.validation(
            [],
            'Envoyez le rapport XML de la Caisse des Dépôts dans le corps (application/xml).',
          );
        return cdc.importReport(request.params.id, body, request.actor as Actor, request.id);
      },
    );
  });
}
