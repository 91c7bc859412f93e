import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { canOnBranch, canOnOrganisation, canOnOwn, hasAnyRole } from './policy.js';
import type { Grant } from './roles.js';

function actor(...grants: Grant[]): Actor {
  return {
    userId: 'u1',
    email: 'u1@example.org',
    displayName: 'U1',
    grants,
    sessionId: 's',
    csrfToken: 'c',
    sessionExpiresAt: new Date(),
  };
}
const admin = actor({ role: 'admin', scope: { type: 'global' } });
const managerA = actor({ role: 'branch_manager', scope: { type: 'branch', id: 'A' } });
const advisorA = actor({ role: 'advisor', scope: { type: 'branch', id: 'A' } });
const trainer = actor({ role: 'training_org', scope: { type: 'organisation', id: 'O' } });
const candidate = actor({ role: 'candidate', scope: { type: 'self' } });

describe('canOnBranch', () => {
  it.each([
    ['admin', admin, 'B', 'write', true],
    ['manager of A on A', managerA, 'A', 'write', true],
    ['manager of A on B', managerA, 'B', 'write', false],
    ['manager of A reads B', managerA, 'B', 'read', false],
    ['advisor reads A', advisorA, 'A', 'read', true],
    ['advisor writes A', advisorA, 'A', 'write', false],
    ['training org', trainer, 'A', 'read', false],
    ['candidate', candidate, 'A', 'read', false],
  ] as const)('%s', (_, a, branch, mode, expected) => {
    expect(canOnBranch(a, branch, mode)).toBe(expected);
  });
});

describe('canOnOrganisation / canOnOwn / hasAnyRole', () => {
  it('scopes organisations', () => {
    expect(canOnOrganisation(trainer, 'O')).toBe(true);
    expect(canOnOrganisation(trainer, 'P')).toBe(false);
    expect(canOnOrganisation(managerA, 'O')).toBe(false);
    expect(canOnOrganisation(admin, 'P')).toBe(true);
  });
  it('scopes own data', () => {
    expect(canOnOwn(candidate, 'u1')).toBe(true);
    expect(canOnOwn(candidate, 'u2')).toBe(false);
    expect(canOnOwn(admin, 'u2')).toBe(true);
  });
  it('matches roles', () => {
    expect(hasAnyRole(managerA, ['admin', 'branch_manager'])).toBe(true);
    expect(hasAnyRole(candidate, ['admin'])).toBe(false);
  });
});
