import { describe, expect, it } from 'vitest';
import {
  ERROR_TEXT_MAX,
  JOB_EVENTS,
  JOB_STATES,
  type JobEvent,
  type JobState,
  retryDelaySeconds,
  safeErrorText,
  type Transition,
  transition,
} from './job-state.js';

type Expected = (c: { attempts: number; maxAttempts: number }) => Transition | 'refused';

const ok = (to: JobState, attempts: number, backoff = false): Transition => ({
  ok: true,
  to,
  attempts,
  backoff,
});
const within = (c: { attempts: number; maxAttempts: number }) => c.attempts < c.maxAttempts;

const refused: Expected = () => 'refused';
const nothingAllowed = (): Record<JobEvent, Expected> =>
  Object.fromEntries(JOB_EVENTS.map((event) => [event, refused])) as Record<JobEvent, Expected>;

/** Every (state, event) pair, written out independently of the table under test. */
const EXPECTED: Record<JobState, Record<JobEvent, Expected>> = {
  pending: {
    claim: (c) => (within(c) ? ok('running', c.attempts + 1) : ok('dead', c.attempts)),
    succeed: () => 'refused',
    fail: () => 'refused',
    fail_permanently: () => 'refused',
    lease_expired: () => 'refused',
    cancel: (c) => ok('cancelled', c.attempts),
    retry: () => 'refused',
  },
  running: {
    claim: () => 'refused',
    succeed: (c) => ok('done', c.attempts),
    fail: (c) => (within(c) ? ok('pending', c.attempts, true) : ok('dead', c.attempts)),
    fail_permanently: (c) => ok('dead', c.attempts),
    lease_expired: (c) => (within(c) ? ok('running', c.attempts + 1) : ok('dead', c.attempts)),
    cancel: () => 'refused',
    retry: () => 'refused',
  },
  // Ended: nothing moves them.
  done: nothingAllowed(),
  dead: {
    claim: () => 'refused',
    succeed: () => 'refused',
    fail: () => 'refused',
    fail_permanently: () => 'refused',
    lease_expired: () => 'refused',
    cancel: () => 'refused',
    retry: () => ok('pending', 0),
  },
  cancelled: nothingAllowed(),
};

describe('job transition table', () => {
  const counts: { attempts: number; maxAttempts: number }[] = [];
  for (let maxAttempts = 1; maxAttempts <= 4; maxAttempts++) {
    for (let attempts = 0; attempts <= maxAttempts + 1; attempts++) counts.push({ attempts, maxAttempts });
  }
  for (const state of JOB_STATES) {
    for (const event of JOB_EVENTS) {
      it(`${state} × ${event}`, () => {
        for (const c of counts) {
          const expected = EXPECTED[state][event](c);
          const got = transition(state, event, c);
          if (expected === 'refused') {
            expect(got.ok, `${state} × ${event} with ${JSON.stringify(c)}`).toBe(false);
            if (!got.ok) expect(got.reason).toContain(event);
          } else {
            expect(got, `${state} × ${event} with ${JSON.stringify(c)}`).toEqual(expected);
          }
        }
      });
    }
  }

  it('a job never goes past its attempt budget: claimed, failed, claimed… it ends dead after maxAttempts', () => {
    for (let maxAttempts = 1; maxAttempts <= 6; maxAttempts++) {
      let state: JobState = 'pending';
      let attempts = 0;
      let handlerRuns = 0;
      for (let step = 0; step < 50 && state !== 'dead'; step++) {
        const t = transition(state, state === 'pending' ? 'claim' : 'fail', { attempts, maxAttempts });
        if (!t.ok) throw new Error(t.reason);
        if (t.to === 'running') handlerRuns++;
        state = t.to;
        attempts = t.attempts;
      }
      expect(state).toBe('dead');
      expect(handlerRuns).toBe(maxAttempts);
      expect(attempts).toBe(maxAttempts);
    }
  });

  it('a job whose holders keep dying is run at most maxAttempts times, then dead', () => {
    const maxAttempts = 3;
    let t = transition('pending', 'claim', { attempts: 0, maxAttempts });
    let runs = 1;
    while (t.ok && t.to === 'running') {
      t = transition('running', 'lease_expired', { attempts: t.attempts, maxAttempts });
      if (t.ok && t.to === 'running') runs++;
    }
    expect(t).toEqual(ok('dead', 3));
    expect(runs).toBe(3);
  });

  it('refuses impossible counts', () => {
    expect(() => transition('pending', 'claim', { attempts: -1, maxAttempts: 3 })).toThrow(RangeError);
    expect(() => transition('pending', 'claim', { attempts: 1.5, maxAttempts: 3 })).toThrow(RangeError);
    expect(() => transition('pending', 'claim', { attempts: 0, maxAttempts: 0 })).toThrow(RangeError);
  });
});

describe('retry delay', () => {
  const policy = { baseSeconds: 30, maxSeconds: 3600 };

  it('doubles from the base without jitter spread (jitter 0.5 is the middle), up to the cap', () => {
    const got = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => retryDelaySeconds(n, policy, 0.5));
    expect(got).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it('stays within ±20 % of the nominal delay, never below one second, never above 1.2 × the cap', () => {
    for (const p of [policy, { baseSeconds: 1, maxSeconds: 10 }, { baseSeconds: 0.1, maxSeconds: 0.1 }]) {
      for (let attempts = 1; attempts <= 80; attempts++) {
        const nominal = Math.min(p.baseSeconds * 2 ** (attempts - 1), p.maxSeconds);
        for (const jitter of [0, 0.1, 0.25, 0.5, 0.75, 0.999999]) {
          const d = retryDelaySeconds(attempts, p, jitter);
          expect(Number.isInteger(d)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(Math.max(1, Math.round(nominal * 0.8)));
          expect(d).toBeLessThanOrEqual(Math.max(1, Math.round(nominal * 1.2)));
          expect(d).toBeLessThanOrEqual(Math.max(1, Math.round(p.maxSeconds * 1.2)));
        }
      }
    }
  });

  it('never decreases with the attempts for a given jitter', () => {
    for (const jitter of [0, 0.5, 0.9]) {
      let previous = 0;
      for (let attempts = 1; attempts <= 2000; attempts++) {
        const d = retryDelaySeconds(attempts, policy, jitter);
        expect(d).toBeGreaterThanOrEqual(previous);
        previous = d;
      }
    }
  });

  it('refuses meaningless inputs', () => {
    expect(() => retryDelaySeconds(0, policy, 0)).toThrow(RangeError);
    expect(() => retryDelaySeconds(1.5, policy, 0)).toThrow(RangeError);
    expect(() => retryDelaySeconds(1, policy, 1)).toThrow(RangeError);
    expect(() => retryDelaySeconds(1, policy, -0.1)).toThrow(RangeError);
    expect(() => retryDelaySeconds(1, policy, Number.NaN)).toThrow(RangeError);
    expect(() => retryDelaySeconds(1, { baseSeconds: 0, maxSeconds: 10 }, 0)).toThrow(RangeError);
    expect(() => retryDelaySeconds(1, { baseSeconds: 20, maxSeconds: 10 }, 0)).toThrow(RangeError);
  });
});

describe('error text kept by a job', () => {
  it('blanks email addresses, as an SMTP refusal names the recipient', () => {
    expect(safeErrorText('550 5.1.1 <marie.dupont@example.org>: Recipient address rejected')).toBe(
      '550 5.1.1 <[adresse]>: Recipient address rejected',
    );
    expect(safeErrorText('to jean+qualif@sub.example.fr failed')).toBe('to [adresse] failed');
  });

  it('blanks runs of nine digits or more (NIR, phone), keeps addresses, ports, codes and dates', () => {
    expect(safeErrorText('nir 185057800608436 refused')).toBe('nir [nombre] refused');
    expect(safeErrorText('nir 1 85 05 78 006 084 36')).toBe('nir [nombre]');
    expect(safeErrorText('call 06.12.34.56.78 or +33 6 12 34 56 78')).toBe('call [nombre] or [nombre]');
    expect(safeErrorText('connect ECONNREFUSED 127.0.0.1:2525')).toBe('connect ECONNREFUSED 127.0.0.1:2525');
    expect(safeErrorText('due 2026-12-01, code 421')).toBe('due 2026-12-01, code 421');
  });

  it('flattens control characters and cuts long texts', () => {
    expect(safeErrorText('a\r\nb\u0000c\u0085d')).toBe('a b c d');
    const long = safeErrorText('x'.repeat(5000));
    expect(long).toHaveLength(ERROR_TEXT_MAX);
    expect(long.endsWith('…')).toBe(true);
    expect(safeErrorText('x'.repeat(ERROR_TEXT_MAX))).toHaveLength(ERROR_TEXT_MAX);
  });
});
