import type { Actor } from '../auth/actor.js';
import type { Access } from '../auth/policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; required on every route (see access.ts). */
    access?: Access;
    /**
     * Query parameters the route makes safe itself, whatever they hold (a return path with a
     * control character becomes `/`): the input guard lets their control characters through.
     */
    neutralisesQuery?: readonly string[];
  }
  interface FastifyRequest {
    /** The signed-in person, or null. Set before every handler. */
    actor: Actor | null;
  }
}
