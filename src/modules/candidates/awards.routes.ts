import type { Actor } from '../../platform/auth/actor.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import {
  awardListQuery,
  awardPage,
  awardSchema,
  closeAnswer,
  revokeBody,
  suspendBody,
} from './awards.schemas.js';
import type { AwardsService } from './awards.service.js';

const READERS = ['admin', 'branch_manager', 'advisor', 'training_org', 'candidate'] as const;
const MANAGERS = ['admin', 'branch_manager'] as const;

export function registerAwardRoutes(root: Http, awards: AwardsService) {
  root.post(
    '/api/v1/juries/:id/close',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['juries'],
        summary: 'Clore la session : créer, en une transaction, toutes les attestations qu’elle a décidées',
        description:
          'Seulement une session au procès-verbal signé et scellé (422 nommant minutes ou signatures sinon) ; une seconde clôture → 409. Chaque attestation reçoit un numéro unique par certification et année, sans trou ; les parcours passent à leur résultat ; les blocs d’une validation partielle sont reportés dans les parcours en cours du candidat ou de la candidate.',
        params: uuidParam,
        response: { 200: closeAnswer, ...problemResponses(403, 404, 409, 422) },
      },
    },
    async (request) => awards.close(request.params.id, request.actor as Actor, request.id),
  );

  root.get(
    '/api/v1/awards',
    {
      config: { access: READERS },
      schema: {
        tags: ['juries'],
        summary:
          'Les attestations lisibles par la personne connectée (branche de la certification, organisme de formation, le candidat ou la candidate), par certification, année et statut',
        querystring: awardListQuery,
        response: { 200: awardPage, ...problemResponses(400) },
      },
    },
    async (request) => awards.list(request.query, request.actor as Actor),
  );

  root.get(
    '/api/v1/awards/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['juries'],
        summary: 'Une attestation : blocs et fin de validité, retrait, remplaçante',
        params: uuidParam,
        response: { 200: awardSchema, ...problemResponses(404) },
      },
    },
    async (request) => awards.get(request.params.id, request.actor as Actor),
  );

  root.post(
    '/api/v1/awards/:id/revoke',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['juries'],
        summary: 'Retirer une attestation (fraude, erreur), avec sa raison ; elle reste dans l’historique',
        description: 'Une seule fois (409 ensuite). Par la branche de la certification.',
        params: uuidParam,
        body: revokeBody,
        response: { 200: awardSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => awards.revoke(request.params.id, request.body, request.actor as Actor, request.id),
  );

  root.post(
    '/api/v1/awards/:id/suspend',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['juries'],
        summary: 'Suspendre une attestation (vérification en cours…), avec sa raison ; réversible',
        description:
          'Raison obligatoire (422). 409 sur une attestation retirée ou déjà suspendue. La liste de statut « suspension » publiée change aussitôt.',
        params: uuidParam,
        body: suspendBody,
        response: { 200: awardSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) => awards.suspend(request.params.id, request.body, request.actor as Actor, request.id),
  );

  root.post(
    '/api/v1/awards/:id/reinstate',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['juries'],
        summary: 'Rétablir une attestation suspendue',
        description: '409 sur une attestation retirée ou non suspendue.',
        params: uuidParam,
        response: { 200: awardSchema, ...problemResponses(403, 404, 409) },
      },
    },
    async (request) => awards.reinstate(request.params.id, request.actor as Actor, request.id),
  );
}
