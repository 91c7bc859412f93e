import type { Actor } from '../../platform/auth/actor.js';
import { binary, mediaResponse } from '../../platform/http/openapi.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import { minutesCreatedSchema, signatureBody, signatureSchema } from './jury-minutes.schemas.js';
import type { JuryMinutesService } from './jury-minutes.service.js';

const tags = ['juries'];
const JURY_PEOPLE = ['admin', 'branch_manager', 'jury_member'] as const;

/** A session's minutes (procès-verbal): generated, read, signed by its members, sealed. */
export function registerJuryMinutesRoutes(root: Http, minutes: JuryMinutesService) {
  root.post(
    '/api/v1/juries/:id/minutes',
    {
      config: { access: JURY_PEOPLE },
      schema: {
        tags,
        summary: 'Générer le procès-verbal de la session à partir des décisions en vigueur',
        description:
          'Une nouvelle version à chaque génération (ses octets ne changent jamais), avec son empreinte SHA-256. 422 nommant chaque parcours sans décision (errors[].pointer #/candidacies/{id}) ; 409 hors délibération.',
        params: uuidParam,
        response: { 201: minutesCreatedSchema, ...problemResponses(403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await minutes.generate(request.params.id, request.actor as Actor, request.id)),
  );

  root.get(
    '/api/v1/juries/:id/minutes.pdf',
    {
      config: { access: JURY_PEOPLE },
      schema: {
        tags,
        summary:
          'Le procès-verbal en vigueur (PDF) : scellé une fois toutes les signatures requises recueillies',
        params: uuidParam,
        response: {
          200: mediaResponse('Le procès-verbal', { 'application/pdf': binary }),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await minutes.pdf(request.params.id, request.actor as Actor);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(Buffer.from(bytes));
    },
  );

  root.post(
    '/api/v1/juries/:id/signatures',
    {
      config: { access: ['jury_member'] },
      schema: {
        tags,
        summary: 'Signer le procès-verbal en vigueur (acte journalisé portant son empreinte SHA-256)',
        description:
          'Le membre connecté (présidence, membres présents ou à distance) signe. 409 quand l’empreinte donnée n’est pas celle du procès-verbal en vigueur, qu’il a déjà signé ou qu’aucun procès-verbal n’attend de signature. La dernière signature requise par les règles scelle le PDF avec le cachet de la plateforme (session « Procès-verbal signé »).',
        params: uuidParam,
        body: signatureBody,
        response: { 201: signatureSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await minutes.sign(request.params.id, request.body, request.actor as Actor, request.id)),
  );
}
