import type { Actor } from './actor.js';
import type { Role } from './roles.js';

/**
 * The one policy layer. Every route declares its `access` (checked before the handler):
 * - `public`: anyone;
 * - `authenticated`: any signed-in person, the handler narrowing to their own data;
 * - a list of roles: only those roles pass; the handler then checks the scope with the
 *   functions below (branch, organisation, own data).
 * A route without `access` stops the server at start (see http/access.ts).
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

export function isAdmin(actor: Actor): boolean {
  return hasAnyRole(actor, ['admin']);
}

/** Branch staff manage their branches; OPCO advisors only read theirs. */
export function canOnBranch(actor: Actor, branchId: string, mode: 'read' | 'write'): boolean {
  return actor.grants.some(
    (g) =>
      g.role === 'admin' ||
      (g.scope.type === 'branch' &&
        g.scope.id === branchId &&
        (g.role === 'branch_manager' || (mode === 'read' && g.role === 'advisor'))),
  );
}

/** Training organisations and employers act on their own organisation. */
export function canOnOrganisation(actor: Actor, organisationId: string): boolean {
  return actor.grants.some(
    (g) => g.role === 'admin' || (g.scope.type === 'organisation' && g.scope.id === organisationId),
  );
}

/** A person's own data; admins may act on anyone's. */
export function canOnOwn(actor: Actor, ownerUserId: string): boolean {
  return actor.userId === ownerUserId || isAdmin(actor);
}
