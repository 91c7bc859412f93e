import { registerRateLimit } from '../../platform/http/rate-limit.js';
import type { Http } from '../../platform/http/schemas.js';
import { problemResponses } from '../../platform/http/schemas.js';
import type { EligibilityService } from './eligibility.service.js';
import { eligibilityRequest, eligibilityResponse, rulesResponse } from './schemas.js';

const tags = ['eligibility'];

/**
 * Public routes. The simulation is rate-limited per client address with an in-memory store:
 * each process counts on its own, so N replicas allow up to N × the limit (acceptable for a
 * read-only computation; a shared store would be needed for a strict global limit).
 */
export function registerEligibilityRoutes(
  app: Http,
  deps: { eligibility: EligibilityService; ratePerMinute: number },
) {
  const { eligibility } = deps;

  app.get(
    '/api/v1/eligibility/rules',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Les règles d’accès, d’éligibilité et de financement, avec leurs sources et dates',
        response: { 200: rulesResponse },
      },
    },
    async () => eligibility.rules(),
  );

  app.register(async (scope) => {
    await registerRateLimit(scope, 'simulations');
    (scope as Http).post(
      '/api/v1/eligibility',
      {
        config: { access: 'public', rateLimit: { max: deps.ratePerMinute, timeWindow: 60_000 } },
        schema: {
          tags,
          summary: 'Simuler l’éligibilité d’une certification par voie d’accès, avec raisons et financeurs',
          body: eligibilityRequest,
          response: { 200: eligibilityResponse, ...problemResponses(400, 404, 422, 429) },
        },
      },
      async (request) => eligibility.evaluate(request.body, request.actor),
    );
  });
}
