import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { authorize, capabilities, enforce, managedBranches, staffBranches } from './policy.js';
import type { Grant } from './roles.js';

function actor(userId: string, ...grants: Grant[]): Actor {
  return {
    userId,
    email: `${userId}@example.org`,
    displayName: userId,
    grants,
    sessionId: 's',
    csrfToken: 'c',
    sessionExpiresAt: new Date(),
  };
}
const admin = actor('admin', { role: 'admin', scope: { type: 'global' } });
const managerA = actor('mA', { role: 'branch_manager', scope: { type: 'branch', id: 'A' } });
const advisorA = actor('aA', { role: 'advisor', scope: { type: 'branch', id: 'A' } });
const trainer = actor('t', { role: 'training_org', scope: { type: 'organisation', id: 'O' } });
const candidate = actor('c', { role: 'candidate', scope: { type: 'self' } });
const everyone = { admin, managerA, advisorA, trainer, candidate, anonymous: null };
type Who = keyof typeof everyone;

function allowed(check: (a: Actor | null) => boolean): Who[] {
  return (Object.keys(everyone) as Who[]).filter((w) => check(everyone[w]));
}

describe('certification of branch A', () => {
  const certA = { branchIds: ['A'], status: 'active' as const };
  const cqpiAB = { branchIds: ['A', 'B'], invitedBranchIds: [], status: 'active' as const };
  const certB = { branchIds: ['B'], status: 'active' as const };
  it('is public once active, and once retired', () => {
    expect(allowed((a) => authorize(a, 'read', 'certification', certA))).toHaveLength(6);
    expect(
      allowed((a) => authorize(a, 'read', 'certification', { ...certA, status: 'retired' })),
    ).toHaveLength(6);
  });
  it('a draft is read by the staff of an owning branch, and the managers of an invited one', () => {
    const draftA = { ...certA, status: 'draft' as const };
    expect(allowed((a) => authorize(a, 'read', 'certification', draftA))).toEqual([
      'admin',
      'managerA',
      'advisorA',
    ]);
    expect(
      allowed((a) =>
        authorize(a, 'read', 'certification', { branchIds: ['B'], invitedBranchIds: ['A'], status: 'draft' }),
      ),
    ).toEqual(['admin', 'managerA']);
    expect(
      allowed((a) =>
        authorize(a, 'update', 'certification', {
          branchIds: ['B'],
          invitedBranchIds: ['A'],
          status: 'draft',
        }),
      ),
    ).toEqual(['admin']);
  });
  it('a draft changed by someone who may not read it answers 404, as an unknown id', () => {
    const draftB = { ...certB, status: 'draft' as const };
    expect(() => enforce(managerA, 'activate', 'certification', draftB)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => enforce(advisorA, 'activate', 'certification', { ...draftB, branchIds: ['A'] })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });
  it.each([
    'update',
    'activate',
    'retire',
    'manageEvents',
    'manageFramework',
    'readDrafts',
    'manageHabilitations',
    'linkRegistry',
  ] as const)('%s: admins and the managers of an owning branch only', (action) => {
    expect(allowed((a) => authorize(a, action, 'certification', certA))).toEqual(['admin', 'managerA']);
    expect(allowed((a) => authorize(a, action, 'certification', cqpiAB))).toEqual(['admin', 'managerA']);
    expect(allowed((a) => authorize(a, action, 'certification', certB))).toEqual(['admin']);
  });
  it('habilitations with names: the branch staff, advisors included', () => {
    expect(allowed((a) => authorize(a, 'readHabilitations', 'certification', certA))).toEqual([
      'admin',
      'managerA',
      'advisorA',
    ]);
    expect(allowed((a) => authorize(a, 'readHabilitations', 'certification', certB))).toEqual(['admin']);
  });
});

describe('other resources', () => {
  it('branches: anyone reads, admins create, their managers update', () => {
    expect(allowed((a) => authorize(a, 'read', 'branch', { id: 'A' }))).toHaveLength(6);
    expect(allowed((a) => authorize(a, 'create', 'branches', {}))).toEqual(['admin']);
    expect(allowed((a) => authorize(a, 'update', 'branch', { id: 'A' }))).toEqual(['admin', 'managerA']);
    expect(allowed((a) => authorize(a, 'ownCertifications', 'branch', { id: 'B' }))).toEqual(['admin']);
  });
  it('sessions: one’s own, or an admin', () => {
    const ofCandidate = { ownerId: 'c' };
    expect(allowed((a) => authorize(a, 'read', 'session', ofCandidate))).toEqual(['admin', 'candidate']);
    expect(allowed((a) => authorize(a, 'revoke', 'session', ofCandidate))).toEqual(['admin', 'candidate']);
  });
  it('registry alerts: the managers of the certification’s branches', () => {
    const alert = { certificationBranchIds: ['A'] };
    expect(allowed((a) => authorize(a, 'resolve', 'registryAlert', alert))).toEqual(['admin', 'managerA']);
    expect(allowed((a) => authorize(a, 'read', 'registryAlert', { certificationBranchIds: ['B'] }))).toEqual([
      'admin',
    ]);
  });
  it('co-ownership invitations: the invited branch answers, the inviting one only sees', () => {
    const toA = { branchId: 'A', certificationBranchIds: ['B'] };
    const fromA = { branchId: 'B', certificationBranchIds: ['A'] };
    expect(allowed((a) => authorize(a, 'answer', 'coOwnershipInvitation', toA))).toEqual([
      'admin',
      'managerA',
    ]);
    expect(allowed((a) => authorize(a, 'read', 'coOwnershipInvitation', fromA))).toEqual([
      'admin',
      'managerA',
    ]);
    expect(allowed((a) => authorize(a, 'answer', 'coOwnershipInvitation', fromA))).toEqual(['admin']);
  });
  it('platform resources are admins’', () => {
    for (const type of ['audit', 'outbox', 'registryImports', 'users'] as const) {
      expect(allowed((a) => authorize(a, 'read', type, {}))).toEqual(['admin']);
    }
    expect(allowed((a) => authorize(a, 'lookup', 'users', {}))).toEqual(['admin', 'managerA']);
  });
});

describe('enforce: one answer rule', () => {
  it('passes silently when allowed', () => {
    expect(() =>
      enforce(managerA, 'update', 'certification', { branchIds: ['A'], status: 'active' }),
    ).not.toThrow();
  });
  it('403 on an object the actor may read but not change', () => {
    expect(() =>
      enforce(managerA, 'update', 'certification', { branchIds: ['B'], status: 'active' }),
    ).toThrow(expect.objectContaining({ status: 403 }));
  });
  it('404, as for an unknown id, on an object the actor may not read', () => {
    expect(() =>
      enforce(candidate, 'revoke', 'session', { ownerId: 'someone' }, 'Session introuvable.'),
    ).toThrow(expect.objectContaining({ status: 404, detail: 'Session introuvable.' }));
    expect(() => enforce(managerA, 'resolve', 'registryAlert', { certificationBranchIds: ['B'] })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });
});

describe('capabilities', () => {
  it('lists every action but read, for the web app', () => {
    expect(capabilities(managerA, 'certification', { branchIds: ['A'], status: 'draft' })).toEqual({
      update: true,
      activate: true,
      retire: true,
      manageEvents: true,
      manageFramework: true,
      readDrafts: true,
      manageHabilitations: true,
      readHabilitations: true,
      linkRegistry: true,
      readRegistryAlerts: true,
    });
    expect(
      Object.values(capabilities(null, 'certification', { branchIds: ['A'], status: 'active' })),
    ).not.toContain(true);
  });
  it('branch scopes for listings', () => {
    expect(managedBranches(admin)).toBe('*');
    expect(managedBranches(managerA)).toEqual(['A']);
    expect(managedBranches(advisorA)).toEqual([]);
    expect(staffBranches(advisorA)).toEqual(['A']);
    expect(staffBranches(trainer)).toEqual([]);
  });
});
