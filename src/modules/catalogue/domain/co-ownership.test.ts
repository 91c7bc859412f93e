import { describe, expect, it } from 'vitest';
import {
  INVITATION_STATUSES,
  INVITATION_TRANSITIONS,
  type InvitationAction,
  nextInvitationStatus,
  planOwnership,
} from './co-ownership.js';

describe('invitation transitions', () => {
  const actions: InvitationAction[] = ['accept', 'decline', 'withdraw'];
  it.each(INVITATION_STATUSES.flatMap((s) => actions.map((a) => [s, a] as const)))(
    '%s --%s-->',
    (status, action) => {
      const expected =
        status === 'pending'
          ? { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' }[action]
          : null;
      expect(nextInvitationStatus(status, action)).toBe(expected);
    },
  );
  it('only a pending invitation can be answered', () => {
    expect(Object.entries(INVITATION_TRANSITIONS).filter(([, t]) => Object.keys(t).length > 0)).toEqual([
      ['pending', INVITATION_TRANSITIONS.pending],
    ]);
  });
});

describe('planOwnership', () => {
  const managerOfA = (b: string) => b === 'A';
  const admin = () => true;

  it('a manager creating a CQPI with another branch invites it', () => {
    expect(planOwnership({ owners: [], pending: [], requested: ['A', 'B'], manages: managerOfA })).toEqual({
      addOwners: ['A'],
      invite: ['B'],
      removeOwners: [],
      withdraw: [],
      refusals: [],
    });
  });

  it('an admin adds every branch at once (no invitation)', () => {
    const plan = planOwnership({ owners: [], pending: [], requested: ['A', 'B'], manages: admin });
    expect(plan.addOwners).toEqual(['A', 'B']);
    expect(plan.invite).toEqual([]);
  });

  it('naming only branches one does not manage is refused on each of them', () => {
    const plan = planOwnership({ owners: [], pending: [], requested: ['B', 'C'], manages: managerOfA });
    expect(plan.refusals).toEqual([
      { branchId: 'B', reason: 'not_managed' },
      { branchId: 'C', reason: 'not_managed' },
    ]);
  });

  it('a pending invitation is not sent twice, and is withdrawn when the branch is taken off', () => {
    expect(
      planOwnership({ owners: ['A'], pending: ['B'], requested: ['A', 'B'], manages: managerOfA }),
    ).toMatchObject({ invite: [], withdraw: [], refusals: [] });
    expect(
      planOwnership({ owners: ['A'], pending: ['B'], requested: ['A', 'C'], manages: managerOfA }),
    ).toMatchObject({ invite: ['C'], withdraw: ['B'], refusals: [] });
  });

  it('a co-owner that accepted cannot be taken off by another branch', () => {
    expect(
      planOwnership({ owners: ['A', 'B'], pending: [], requested: ['A', 'C'], manages: managerOfA }).refusals,
    ).toEqual([{ branchId: 'B', reason: 'cannot_remove_owner' }]);
  });

  it('a branch may leave, as long as a co-owner stays', () => {
    const managerOfB = (b: string) => b === 'B';
    expect(
      planOwnership({ owners: ['A', 'B'], pending: [], requested: ['A'], manages: managerOfB }),
    ).toMatchObject({ removeOwners: ['B'], refusals: [] });
    expect(
      planOwnership({ owners: ['B'], pending: [], requested: ['C'], manages: managerOfB }).refusals,
    ).toEqual([{ branchId: 'C', reason: 'not_managed' }]);
  });

  it('a managed branch that was invited becomes an owner at once', () => {
    expect(
      planOwnership({ owners: ['B'], pending: ['A'], requested: ['A', 'B'], manages: admin }),
    ).toMatchObject({ addOwners: ['A'], withdraw: [] });
  });

  it('unchanged lists change nothing', () => {
    expect(
      planOwnership({ owners: ['A', 'B'], pending: [], requested: ['B', 'A'], manages: managerOfA }),
    ).toEqual({
      addOwners: [],
      invite: [],
      removeOwners: [],
      withdraw: [],
      refusals: [],
    });
  });
});
