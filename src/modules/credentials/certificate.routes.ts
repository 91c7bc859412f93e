import type { Actor } from '../../platform/auth/actor.js';
import { binary, mediaResponse } from '../../platform/http/openapi.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import type { CertificateService } from './certificate.service.js';

/** Who may ever read an award (the policy then answers 404 outside their scope). */
const AWARD_READERS = ['admin', 'branch_manager', 'advisor', 'training_org', 'candidate'] as const;

/** The certificate (parchemin) or bloc attestation of an award, sealed, as a PDF download. */
export function registerCertificateRoutes(root: Http, certificates: CertificateService) {
  root.get(
    '/api/v1/awards/:id/certificate.pdf',
    {
      config: { access: AWARD_READERS },
      schema: {
        tags: ['credentials'],
        summary:
          'Le parchemin (certification complète) ou l’attestation de blocs de compétences (partielle), en PDF scellé',
        description:
          'Pour le titulaire, le personnel des branches de la certification, l’organisme de formation du parcours et l’administration (404 sinon). Porte un QR code et le code de vérification, l’attestation numérique signée en pièce jointe (<numéro>.credential.json) et le cachet de la plateforme ; une attestation révoquée ou suspendue reste téléchargeable, marquée « RÉVOQUÉ » ou « SUSPENDU ».',
        params: uuidParam,
        response: {
          200: mediaResponse('Le certificat scellé', { 'application/pdf': binary }),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await certificates.certificate(request.params.id, request.actor as Actor);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(Buffer.from(bytes));
    },
  );
}
