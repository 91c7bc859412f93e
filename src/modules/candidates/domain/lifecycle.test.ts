import { describe, expect, it } from 'vitest';
import {
  CANDIDACY_EVENTS,
  CANDIDACY_STATUSES,
  type CandidacyEvent,
  type CandidacyStatus,
} from '../../../contracts/candidacies.js';
import {
  ENDED_STATUSES,
  EVENT_NEEDS,
  eventsFrom,
  isEnded,
  isJuryEvent,
  type LifecycleState,
  transition,
} from './lifecycle.js';

/**
 * The expected table, written out by hand (not derived from TRANSITIONS): every (state, event)
 * pair is either here with where it leads, or refused.
 */
const EXPECTED: Record<CandidacyStatus, Partial<Record<CandidacyEvent, CandidacyStatus>>> = {
  enrolled: {
    start_positioning: 'positioning',
    put_on_hold: 'on_hold',
    withdraw: 'withdrawn',
    transfer: 'transferred',
  },
  positioning: {
    start_pathway: 'pathway',
    put_on_hold: 'on_hold',
    withdraw: 'withdrawn',
    transfer: 'transferred',
  },
  pathway: {
    start_assessment: 'assessment',
    put_on_hold: 'on_hold',
    withdraw: 'withdrawn',
    transfer: 'transferred',
  },
  assessment: {
    mark_ready_for_jury: 'ready_for_jury',
    put_on_hold: 'on_hold',
    withdraw: 'withdrawn',
    transfer: 'transferred',
  },
  ready_for_jury: {
    put_on_hold: 'on_hold',
    withdraw: 'withdrawn',
    award: 'awarded',
    award_partially: 'partially_awarded',
    refuse: 'refused',
  },
  // resume: back to heldFrom (tested below for each state one may pause in)
  on_hold: { resume: 'pathway', withdraw: 'withdrawn' },
  withdrawn: {},
  transferred: {},
  // Corrections after a session's close.
  awarded: { award_partially: 'partially_awarded', refuse: 'refused', reopen_for_jury: 'ready_for_jury' },
  partially_awarded: { award: 'awarded', refuse: 'refused', reopen_for_jury: 'ready_for_jury' },
  refused: { award: 'awarded', award_partially: 'partially_awarded', reopen_for_jury: 'ready_for_jury' },
};

const JURY_ONLY = ['award', 'award_partially', 'refuse', 'reopen_for_jury'];

/** What each event needs, so that every allowed pair is given it. */
const INPUT = { reason: 'Raison donnée', organisationId: '00000000-0000-4000-8000-000000000001' };

function stateOf(status: CandidacyStatus): LifecycleState {
  return { status, heldFrom: status === 'on_hold' ? 'pathway' : null };
}

describe('candidacy lifecycle: every (state, event) pair', () => {
  for (const status of CANDIDACY_STATUSES) {
    for (const event of CANDIDACY_EVENTS) {
      const expected = EXPECTED[status][event];
      it(`${status} + ${event} → ${expected ?? 'refused'}`, () => {
        const outcome = transition(stateOf(status), event, INPUT);
        if (expected === undefined) {
          expect(outcome).toMatchObject({ ok: false, problem: 'not_allowed' });
          if (!outcome.ok) expect(outcome.detail).toMatch(/n’est pas possible pour un parcours/);
        } else {
          expect(outcome).toEqual({
            ok: true,
            state: { status: expected, heldFrom: expected === 'on_hold' ? status : null },
          });
        }
      });
    }
  }

  it('the table covers every state, and events offered from a state are exactly its allowed ones but the jury’s', () => {
    for (const status of CANDIDACY_STATUSES) {
      expect(eventsFrom(stateOf(status)).sort()).toEqual(
        Object.keys(EXPECTED[status])
          .filter((event) => !JURY_ONLY.includes(event))
          .sort(),
      );
    }
  });
});

describe('pause and resume', () => {
  for (const status of ['enrolled', 'positioning', 'pathway', 'assessment', 'ready_for_jury'] as const) {
    it(`a candidacy paused in ${status} resumes to ${status}`, () => {
      const paused = transition({ status, heldFrom: null }, 'put_on_hold');
      expect(paused).toEqual({ ok: true, state: { status: 'on_hold', heldFrom: status } });
      if (!paused.ok) return;
      expect(transition(paused.state, 'resume')).toEqual({ ok: true, state: { status, heldFrom: null } });
    });
  }

  it('a pause without a remembered state cannot resume (and offers no resume)', () => {
    const broken: LifecycleState = { status: 'on_hold', heldFrom: null };
    expect(transition(broken, 'resume')).toMatchObject({ ok: false, problem: 'not_allowed' });
    expect(eventsFrom(broken)).toEqual(['withdraw']);
  });

  it('a paused candidacy may be withdrawn, not paused again nor transferred', () => {
    const paused: LifecycleState = { status: 'on_hold', heldFrom: 'positioning' };
    expect(transition(paused, 'withdraw', { reason: 'Déménagement' })).toEqual({
      ok: true,
      state: { status: 'withdrawn', heldFrom: null },
    });
    expect(transition(paused, 'put_on_hold')).toMatchObject({ ok: false, problem: 'not_allowed' });
    expect(transition(paused, 'transfer', INPUT)).toMatchObject({ ok: false, problem: 'not_allowed' });
  });
});

describe('what events need', () => {
  it('an abandonment needs a reason that is not blank', () => {
    for (const reason of [undefined, '', '   ']) {
      expect(transition(stateOf('pathway'), 'withdraw', { reason })).toMatchObject({
        ok: false,
        problem: 'reason_required',
      });
    }
    expect(transition(stateOf('pathway'), 'withdraw', { reason: 'Raisons de santé' }).ok).toBe(true);
  });

  it('a transfer needs the organisation that takes the candidacy over', () => {
    expect(transition(stateOf('enrolled'), 'transfer')).toMatchObject({
      ok: false,
      problem: 'organisation_required',
    });
    expect(transition(stateOf('enrolled'), 'transfer', { organisationId: INPUT.organisationId }).ok).toBe(
      true,
    );
  });

  it('a refused pair is refused before what it would need is asked', () => {
    expect(transition(stateOf('withdrawn'), 'withdraw')).toMatchObject({ ok: false, problem: 'not_allowed' });
    expect(transition(stateOf('ready_for_jury'), 'transfer')).toMatchObject({
      ok: false,
      problem: 'not_allowed',
    });
  });

  it('only abandonment and a return before a jury need a reason, and only transfer an organisation', () => {
    for (const event of CANDIDACY_EVENTS) {
      expect(EVENT_NEEDS[event]).toEqual({
        reason: event === 'withdraw' || event === 'reopen_for_jury',
        organisation: event === 'transfer',
      });
    }
  });

  it('offers people no jury event: only a session’s decisions apply them', () => {
    for (const status of CANDIDACY_STATUSES) {
      const offered = eventsFrom(stateOf(status));
      for (const event of JURY_ONLY) expect(offered).not.toContain(event);
      expect(offered.length).toBe(
        Object.keys(EXPECTED[status]).filter((event) => !JURY_ONLY.includes(event)).length,
      );
    }
    for (const event of CANDIDACY_EVENTS) expect(isJuryEvent(event)).toBe(JURY_ONLY.includes(event));
  });
});

describe('ended candidacies', () => {
  it('withdrawn, transferred and the jury’s outcomes end a candidacy; no one may move them on by hand', () => {
    const ended = ['awarded', 'partially_awarded', 'refused', 'transferred', 'withdrawn'];
    expect([...ENDED_STATUSES].sort()).toEqual(ended);
    for (const status of CANDIDACY_STATUSES) {
      expect(isEnded(status)).toBe(ended.includes(status));
      if (isEnded(status)) expect(eventsFrom(stateOf(status))).toEqual([]);
    }
  });
});
