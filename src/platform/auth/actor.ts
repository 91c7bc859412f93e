import type { Grant } from './roles.js';

/** Who is making the request, resolved from the session cookie once per request. */
export type Actor = Readonly<{
  userId: string;
  email: string;
  displayName: string;
  grants: readonly Grant[];
  sessionId: string;
  csrfToken: string;
  sessionExpiresAt: Date;
}>;

/** Who an audit row names: a signed-in person, or the system itself (CLI, seed, jobs). */
export type AuditActor = Readonly<{ userId: string | null; label: string }>;

export const SYSTEM_ACTOR: AuditActor = { userId: null, label: 'system' };

export function auditActorOf(actor: Actor): AuditActor {
  return { userId: actor.userId, label: actor.email };
}
