import type { Actor } from '../../platform/auth/actor.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import { identityPatchBody } from './candidate-identity.schemas.js';
import type { CandidateIdentityService } from './candidate-identity.service.js';
import { candidateSchema } from './schemas.js';

/** Correcting a candidate's civil identity (a CDC « passage KO », a typo at enrolment). */
export function registerCandidateIdentityRoutes(app: Http, identity: CandidateIdentityService) {
  app.patch(
    '/api/v1/candidates/:id',
    {
      config: { access: ['admin', 'branch_manager', 'training_org'] },
      schema: {
        tags: ['candidacies'],
        summary: 'Corriger l’identité d’un candidat (noms, prénoms, sexe, naissance, e-mail, NIR)',
        description:
          'Les champs donnés remplacent les actuels (null efface le nom d’usage ou l’e-mail) ; l’identité qui en résulte passe les contrôles de l’inscription (422 avec les erreurs par champ). Pour les gestionnaires d’une branche de la certification d’un de ses parcours, l’organisme de formation d’un de ses parcours, les administrateurs ; pas le ou la candidat·e (403). Un passage refusé par la Caisse des Dépôts redevient à déposer quand un champ qu’elle compare a changé.',
        params: uuidParam,
        body: identityPatchBody,
        response: { 200: candidateSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) => identity.update(request.params.id, request.body, request.actor as Actor, request.id),
  );
}
