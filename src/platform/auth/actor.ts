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

/**
 * The system acting with admin rights (CLI, demo seeding): passes every policy check and
 * appears in the audit trail as `system`.
 */
export const SYSTEM_ADMIN: Actor = Object.freeze<Actor>({
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'system',
  displayName: 'Système',
  grants: [{ role: 'admin', scope: { type: 'global' } }],
  sessionId: '',
  csrfToken: '',
  sessionExpiresAt: new Date(0),
});

export function auditActorOf(actor: Actor): AuditActor {
  return actor === SYSTEM_ADMIN ? SYSTEM_ACTOR : { userId: actor.userId, label: actor.email };
}
