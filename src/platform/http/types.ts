import type { Actor } from '../auth/actor.js';
import type { Access } from '../auth/policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; required on every route (see access.ts). */
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in person, or null. Set before every handler. */
    actor: Actor | null;
  }
}
