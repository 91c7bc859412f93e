import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { problems } from '../problem.js';

/**
 * Per-client-address rate limiting for the routes of `scope` that name a `rateLimit` in their
 * config (@fastify/rate-limit, in-memory: each process counts on its own), answered as a 429
 * problem in French: « Trop de <what> : N par minute au plus. Réessayez dans S s. »
 */
export async function registerRateLimit(scope: FastifyInstance, what: string): Promise<void> {
  await scope.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      problems.tooManyRequests(
        Math.ceil(context.ttl / 1000),
        `Trop de ${what} : ${context.max} par minute au plus. Réessayez dans ${Math.ceil(context.ttl / 1000)} s.`,
      ),
  });
}
