import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { binary, mediaResponse } from '../../platform/http/openapi.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import type { CredentialsService } from './credentials.service.js';

const READERS = ['admin', 'branch_manager', 'advisor', 'training_org', 'candidate'] as const;
/** How long a verifier may keep a status list: a revocation shows within a minute. */
const STATUS_LIST_MAX_AGE = 60;

export function registerCredentialRoutes(root: Http, credentials: CredentialsService) {
  root.get(
    '/.well-known/did.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['credentials'],
        summary: 'Le document DID (did:web) de l’émetteur : toutes ses clés, anciennes comprises',
        description:
          'Chaque clé Ed25519 est une méthode de vérification « Multikey » ; une clé remplacée reste publiée pour que les attestations qu’elle a signées se vérifient encore.',
        response: { 200: mediaResponse('Le document DID', { 'application/did+json': binary }) },
      },
    },
    async (_request, reply) =>
      reply
        .type('application/did+json')
        .header('cache-control', 'public, max-age=300')
        .send(JSON.stringify(await credentials.didDocument())),
  );

  root.get(
    '/api/v1/awards/:id/credential',
    {
      config: { access: READERS },
      schema: {
        tags: ['credentials'],
        summary: 'L’attestation vérifiable (Open Badges 3.0) d’une attestation, signée, à télécharger',
        description:
          'Le titulaire, la branche de la certification, l’organisme de formation, l’administration. Toujours les mêmes octets : signée une fois, conservée.',
        params: uuidParam,
        response: {
          200: mediaResponse('L’attestation vérifiable (JSON-LD)', { 'application/json': binary }),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const { number, json } = await credentials.credentialFor(request.params.id, request.actor as Actor);
      return reply
        .type('application/json')
        .header('content-disposition', `attachment; filename="attestation-${number}.json"`)
        .header('cache-control', 'private, no-store')
        .send(json);
    },
  );

  root.get(
    '/api/v1/credentials/status/:list',
    {
      config: { access: 'public' },
      schema: {
        tags: ['credentials'],
        summary: 'Liste de statut (Bitstring Status List) signée : 1 = révocations, 2 = suspensions',
        description:
          'Un bit par attestation, à l’index nommé dans son « credentialStatus ». Mise en cache courte (une minute).',
        params: z.object({ list: z.enum(['1', '2']) }),
        response: {
          200: mediaResponse('La liste de statut', { 'application/vc+ld+json': binary }),
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) =>
      reply
        .type('application/vc+ld+json')
        .header('cache-control', `public, max-age=${STATUS_LIST_MAX_AGE}`)
        .send(await credentials.statusList(Number(request.params.list) as 1 | 2)),
  );
}
