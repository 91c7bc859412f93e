import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { binary, mediaResponse } from '../../platform/http/openapi.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import type { PersonalDataService } from './personal-data.service.js';
import { candidateSchema } from './schemas.js';

const tags = ['candidacies'];

export const invitationSchema = z
  .object({
    candidateId: z.uuid(),
    account: z.enum(['invited', 'existing']).meta({
      description:
        '`invited` : compte créé et invitation envoyée ; `existing` : compte déjà ouvert (sans mot de passe), nouveau lien envoyé',
    }),
  })
  .meta({ id: 'CandidateInvitation' });

export const mergeBody = z
  .object({ duplicateId: z.uuid().meta({ description: 'Le dossier en double, fusionné dans celui-ci' }) })
  .strict()
  .meta({ id: 'CandidateMergeBody' });

/**
 * A candidate's personal data: resending the invitation to create their account, merging a
 * duplicate record, exporting everything held (docs/personal-data.md).
 */
export function registerCandidateAdminRoutes(root: Http, personalData: PersonalDataService) {
  root.post(
    '/api/v1/candidates/:id/invitation',
    {
      config: { access: ['admin', 'branch_manager', 'training_org'] },
      schema: {
        tags,
        summary: 'Renvoyer à la personne l’invitation à créer son compte (nouveau lien, valable une semaine)',
        description:
          '409 sans adresse e-mail, quand le compte est déjà activé, ou quand l’adresse est celle du compte d’un autre dossier. L’e-mail part par la file des tâches.',
        params: uuidParam,
        response: { 202: invitationSchema, ...problemResponses(403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await personalData.resendInvitation(request.params.id, request.actor as Actor, request.id)),
  );

  root.post(
    '/api/v1/candidates/:id/merge',
    {
      config: { access: ['admin', 'branch_manager'] },
      schema: {
        tags,
        summary: 'Fusionner un dossier en double dans celui-ci (parcours, pièces, liens et compte rattachés)',
        description:
          '409 quand les deux dossiers ont un parcours en cours pour la même certification ; 422 pour un doublon inconnu, hors périmètre, déjà fusionné ou anonymisé. Le doublon lu ensuite redirige vers ce dossier.',
        params: uuidParam,
        body: mergeBody,
        response: { 200: candidateSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      personalData.merge(request.params.id, request.body.duplicateId, request.actor as Actor, request.id),
  );

  root.get(
    '/api/v1/candidates/:id/export',
    {
      config: { access: ['admin', 'candidate'] },
      schema: {
        tags,
        summary:
          'Toutes les données détenues sur la personne (zip : candidate.json avec le NIR en clair, et les pièces) — pour elle-même ou le délégué à la protection des données (administrateur)',
        params: uuidParam,
        response: {
          200: mediaResponse('Archive zip', { 'application/zip': binary }),
          ...problemResponses(403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await personalData.exportData(request.params.id, request.actor as Actor, request.id);
      return reply
        .type('application/zip')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.stream as never);
    },
  );
}
