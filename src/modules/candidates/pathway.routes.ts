import type { Actor } from '../../platform/auth/actor.js';
import { binary, mediaResponse } from '../../platform/http/openapi.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import { acknowledgementBody, generateBody, pathwayBody, pathwaySchema } from './pathway.schemas.js';
import type { PathwayService } from './pathway.service.js';

const tags = ['candidacies'];
const MANAGERS = ['admin', 'branch_manager', 'training_org'] as const;
const STATES = 'aux étapes « Positionnement » et « Parcours individualisé » (409 sinon)';

export function registerPathwayRoutes(root: Http, pathway: PathwayService) {
  const base = '/api/v1/candidacies/:id/pathway';

  root.get(
    base,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Le parcours individualisé : les blocs visés et ce qui reste à acquérir, les modules, ce qui reste à préciser, les prises de connaissance',
        params: uuidParam,
        response: { 200: pathwaySchema, ...problemResponses(404) },
      },
    },
    async (request) => pathway.get(request.params.id, request.actor as Actor),
  );

  root.post(
    `${base}/generate`,
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Proposer le parcours à partir du positionnement : un module de formation par bloc à acquérir (heures et dates à préciser)',
        description: `Un parcours modifié à la main n’est remplacé qu’avec {replace: true} (409 sinon). ${STATES}.`,
        params: uuidParam,
        body: generateBody,
        response: { 200: pathwaySchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => pathway.generate(request.params.id, request.body, request.actor as Actor, request.id),
  );

  root.put(
    base,
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Enregistrer le parcours : la liste entière des modules, dans leur ordre',
        description: `422 nommant modules/N/champ : bloc visé et non acquis antérieurement, heures > 0, dates dans l’ordre, organisme de formation existant, tuteur… ${STATES}. Une modification rend les prises de connaissance antérieures caduques.`,
        params: uuidParam,
        body: pathwayBody,
        response: { 200: pathwaySchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) => pathway.update(request.params.id, request.body, request.actor as Actor, request.id),
  );

  root.post(
    `${base}/acknowledgements`,
    {
      config: { access: ['candidate', 'employer'] },
      schema: {
        tags,
        summary:
          'Prendre connaissance du parcours (le candidat pour lui-même, l’employeur du parcours), pour la révision lue',
        description: `409 quand le parcours a changé depuis la révision lue, est incomplet ou n’existe pas. ${STATES}.`,
        params: uuidParam,
        body: acknowledgementBody,
        response: { 200: pathwaySchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) =>
      pathway.acknowledge(request.params.id, request.body, request.actor as Actor, request.id),
  );

  root.get(
    '/api/v1/candidacies/:id/pathway.pdf',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Le parcours individualisé en PDF (synthèse en français)',
        params: uuidParam,
        response: {
          200: mediaResponse('La synthèse du parcours', { 'application/pdf': binary }),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await pathway.pdf(request.params.id, request.actor as Actor);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
        )
        .send(Buffer.from(bytes));
    },
  );
}
