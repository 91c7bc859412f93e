import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/actor.js';
import { binary, mediaResponse, redirectResponse } from '../../platform/http/openapi.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import { XLSX_MEDIA_TYPE } from '../../platform/http/server.js';
import { problems } from '../../platform/problem.js';
import type { CandidaciesService } from './candidacies.service.js';
import { type CandidacyImports, IMPORT_COLUMNS } from './candidacy-imports.js';
import { IMPORT_LIMITS, templateXlsx } from './import-file.js';
import {
  candidacyImportQuery,
  candidacyImportResponse,
  candidacyListQuery,
  candidacyPage,
  candidacySchema,
  candidateSchema,
  enrolmentBody,
  enrolmentResponse,
  transitionBody,
} from './schemas.js';

const tags = ['candidacies'];

/** Who may enrol and move candidacies along; the service narrows it to their scope. */
const MANAGERS = ['admin', 'branch_manager', 'training_org'] as const;

/** What a bulk enrolment file may be sent as (the bytes decide between xlsx and CSV). */
const IMPORT_MEDIA_TYPES = [
  XLSX_MEDIA_TYPE,
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

export function registerCandidacyRoutes(
  app: Http,
  candidacies: CandidaciesService,
  imports: CandidacyImports,
) {
  // Bulk enrolment: the raw file is the body, buffered under its own limit. Encapsulated so that
  // these media types are accepted on this route only, and the JSON parser is not offered here.
  app.register(async (scoped) => {
    const http = scoped.withTypeProvider<ZodTypeProvider>();
    http.removeAllContentTypeParsers();
    http.addContentTypeParser(
      IMPORT_MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.bytes },
      (_request, body, done) => done(null, body),
    );
    http.post(
      '/api/v1/candidacies/imports',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary:
            'Inscrire en nombre depuis un fichier xlsx ou CSV (tout ou rien ; dryRun=true : vérifier seulement)',
          description: `Corps : le fichier brut (xlsx, ou CSV en UTF-8 avec ou sans BOM, séparé par « ; » ou « , »), ${IMPORT_LIMITS.bytes / 1024 / 1024} Mio et ${IMPORT_LIMITS.rows.toLocaleString('fr-FR')} lignes au plus. Colonnes (en-têtes, dans n’importe quel ordre) : ${IMPORT_COLUMNS.map((c) => (c.required ? c.name : `${c.name} (facultative)`)).join(', ')}. Chaque ligne passe les contrôles de l’inscription unitaire. 422 : chaque problème est un élément de errors avec row (numéro de ligne du tableur, en-tête = 1), column (l’en-tête) et le pointeur #/rows/{row}/{column} ; rien n’est inscrit.`,
          consumes: IMPORT_MEDIA_TYPES,
          querystring: candidacyImportQuery,
          response: {
            200: candidacyImportResponse,
            201: candidacyImportResponse,
            ...problemResponses(400, 403, 413, 415, 422),
          },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw problems.validation([], 'Envoyez le fichier brut (xlsx ou CSV) dans le corps.');
        const result = await imports.importFile(
          request.body as Buffer,
          request.actor as Actor,
          request.id,
          request.query.dryRun,
        );
        return reply.code(result.dryRun ? 200 : 201).send(result);
      },
    );
  });

  app.get(
    '/api/v1/candidacies/imports/template',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Le modèle d’inscription en nombre : classeur xlsx avec les en-têtes et une ligne d’exemple',
        response: {
          200: mediaResponse('Le modèle, en pièce jointe', { [XLSX_MEDIA_TYPE]: binary }),
          ...problemResponses(403),
        },
      },
    },
    async (_request, reply) =>
      reply
        .type(XLSX_MEDIA_TYPE)
        .header('content-disposition', 'attachment; filename="inscriptions-modele.xlsx"')
        .send(
          await templateXlsx(
            IMPORT_COLUMNS.map((c) => c.name),
            IMPORT_COLUMNS.map((c) => c.example),
          ),
        ),
  );

  app.post(
    '/api/v1/candidacies',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Inscrire un candidat (nouveau ou déjà enregistré) : voie d’accès vérifiée à la date d’entrée',
        description:
          'Une voie fermée à la date est refusée (422, avec ses raisons) ; une voie incomplète est acceptée, ce qui manque est conservé (« à compléter »). Un doublon possible (même nom de naissance, prénom et date de naissance, ou même adresse e-mail) est refusé (409, avec le lien vers le dossier existant) sauf candidateId ou confirmHomonym.',
        body: enrolmentBody,
        response: { 201: enrolmentResponse, ...problemResponses(400, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await candidacies.enrol(request.body, request.actor as Actor, request.id);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/candidacies',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Les parcours que la personne connectée peut voir, filtrés, du plus récent au plus ancien',
        querystring: candidacyListQuery,
        response: { 200: candidacyPage },
      },
    },
    async (request) => candidacies.list(request.query, request.actor as Actor),
  );

  app.get(
    '/api/v1/candidacies/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Un parcours : candidat, certification, version du référentiel, blocs visés, voie, éligibilité, étapes',
        params: uuidParam,
        response: { 200: candidacySchema, ...problemResponses(404) },
      },
    },
    async (request) => candidacies.get(request.params.id, request.actor as Actor),
  );

  app.post(
    '/api/v1/candidacies/:id/transitions',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Faire avancer un parcours d’une étape (pause, reprise, abandon motivé, transfert)',
        description:
          '409 quand l’étape actuelle ne le permet pas ; 422 quand il manque la raison (abandon) ou l’organisme qui reprend le parcours (transfert).',
        params: uuidParam,
        body: transitionBody,
        response: { 200: candidacySchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      candidacies.transition(request.params.id, request.body, request.actor as Actor, request.id),
  );

  app.get(
    '/api/v1/candidates/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Un candidat : identité (NIR masqué) et ses parcours visibles par la personne connectée',
        description:
          'Un dossier fusionné dans un autre (doublon) redirige (308) vers le dossier conservé, pour qui peut le lire.',
        params: uuidParam,
        response: {
          200: candidateSchema,
          308: redirectResponse('le dossier dans lequel ce doublon a été fusionné'),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const found = await candidacies.getCandidate(request.params.id, request.actor as Actor);
      if ('mergedInto' in found) return reply.redirect(`/api/v1/candidates/${found.mergedInto}`, 308);
      return found;
    },
  );
}
