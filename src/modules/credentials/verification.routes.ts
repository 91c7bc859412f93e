import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerRateLimit } from '../../platform/http/rate-limit.js';
import type { Http } from '../../platform/http/schemas.js';
import { problemResponses } from '../../platform/http/schemas.js';
import { problems } from '../../platform/problem.js';
import { verificationAnswer, verificationCodeParam } from './verification.schemas.js';
import {
  VERIFICATION_JSON_MAX_BYTES,
  VERIFICATION_PDF_MAX_BYTES,
  type VerificationService,
} from './verification.service.js';

const tags = ['credentials'];
/** Verifications per minute and per client address, on each of the two routes. */
export const VERIFICATIONS_PER_MINUTE = 30;

const JSON_MEDIA_TYPES = ['application/json', 'application/ld+json', 'application/vc+ld+json'];
const PDF_MEDIA_TYPE = 'application/pdf';

/**
 * The public verification of certificates (issue 14, point 3): by code, or with the credential
 * (JSON) or the certificate (PDF) as the body. Public, rate-limited per client address with the
 * eligibility simulation's limiter (@fastify/rate-limit, in-memory: each process counts on its
 * own, so N replicas allow N × the limit — codes carry 60 random bits, guessing stays hopeless);
 * the body is counted before it is read, under its type's own limit (413 beyond).
 */
export function registerVerificationRoutes(
  root: Http,
  deps: { verifications: VerificationService; ratePerMinute?: number },
) {
  const { verifications } = deps;
  const limit = { max: deps.ratePerMinute ?? VERIFICATIONS_PER_MINUTE, timeWindow: 60_000 };

  root.register(async (scoped) => {
    await registerRateLimit(scoped, 'vérifications');
    const app = scoped.withTypeProvider<ZodTypeProvider>();
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      JSON_MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: VERIFICATION_JSON_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    app.addContentTypeParser(
      PDF_MEDIA_TYPE,
      { parseAs: 'buffer', bodyLimit: VERIFICATION_PDF_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/api/v1/verifications/:code',
      {
        config: { access: 'public', rateLimit: limit },
        schema: {
          tags,
          summary: 'Vérifier un certificat par son code (public)',
          description: `Le code imprimé sous le QR code du certificat (XXXX-XXXX-XXXX) ; casse, espaces et tirets indifférents, O lu 0, I et L lus 1. Répond la signature, l’émetteur, le statut (valide, révoqué, suspendu) et l’intégrité, avec le nom du titulaire, la certification, les blocs et la date — rien d’autre. Code inconnu : 404. ${limit.max} vérifications par minute et par adresse (429 au-delà).`,
          params: verificationCodeParam,
          response: { 200: verificationAnswer, ...problemResponses(404, 429) },
        },
      },
      async (request) => verifications.byCode(request.params.code),
    );

    app.post(
      '/api/v1/verifications',
      {
        config: { access: 'public', rateLimit: limit },
        schema: {
          tags,
          summary: 'Vérifier un certificat par son document : l’attestation (JSON) ou le PDF (public)',
          description: `Corps : l’attestation numérique (application/json, ${VERIFICATION_JSON_MAX_BYTES / 1024} Kio au plus) ou le certificat PDF (application/pdf, ${VERIFICATION_PDF_MAX_BYTES / 1024 / 1024} Mio au plus ; 413 au-delà). Pour un PDF, l’attestation jointe est vérifiée et le cachet de la plateforme doit couvrir tout le fichier : un octet changé est signalé (« intégrité »). Un PDF sans attestation jointe : 422 nommant body. valid n’est vrai que si chaque vérification réussit et que le certificat est en vigueur. ${limit.max} vérifications par minute et par adresse (429 au-delà).`,
          consumes: [...JSON_MEDIA_TYPES, PDF_MEDIA_TYPE],
          response: { 200: verificationAnswer, ...problemResponses(400, 413, 415, 422, 429) },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw problems.validation(
            [],
            'Envoyez dans le corps l’attestation numérique (application/json) ou le certificat PDF (application/pdf).',
          );
        const type = String(request.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim()
          .toLowerCase();
        return type === PDF_MEDIA_TYPE ? verifications.ofPdf(body) : verifications.ofCredential(body);
      },
    );
  });
}
