import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { hasAnyRole } from '../auth/policy.js';
import { safeEqual } from '../auth/safe-equal.js';
import { problems } from '../problem.js';

export const SESSION_COOKIE = 'qualif_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The policy gate. Records every route as it is registered; on ready, refuses to start if
 * one has no `access`. Before each handler: resolves the actor from the session cookie,
 * enforces CSRF on cookie-authenticated writes, then the route's access (401 / 403).
 */
export function registerAccessControl(
  app: FastifyInstance,
  resolveSession: (token: string) => Promise<Actor | null>,
  publicOrigin: string,
) {
  // The route objects themselves: a plugin's own onRoute hook may still set `config` after ours.
  const routes: RouteOptions[] = [];
  app.decorate('registeredRoutes', routes);
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    routes.push(route);
  });

  app.addHook('onReady', async () => {
    const missing = routes.filter((r) => !r.config?.access).map((r) => `${String(r.method)} ${r.url}`);
    if (missing.length > 0) throw new Error(`Routes without an access policy: ${missing.join(', ')}`);
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await resolveSession(token);

    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe) {
      // Browsers send Origin on cross-site writes: refuse any that is not ours.
      const origin = request.headers.origin;
      if (origin && origin !== publicOrigin && origin !== `${request.protocol}://${request.host}`) {
        throw problems.forbidden('Origine de la requête non autorisée.');
      }
      if (request.actor) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !safeEqual(sent, request.actor.csrfToken)) throw problems.csrf();
      }
    }

    if (request.is404) return; // the not-found handler answers
    const access = request.routeOptions.config?.access;
    if (access === 'public') return;
    if (!access) throw problems.forbidden('Aucune règle d’accès n’est déclarée pour cette route.');
    if (!request.actor) throw problems.unauthenticated();
    if (access !== 'authenticated' && !hasAnyRole(request.actor, access)) throw problems.forbidden();
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RouteOptions[];
  }
}
