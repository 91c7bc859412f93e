import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LOGIN_FAILURE_RETENTION_SECONDS,
  LOGIN_LIMITS,
  type LoginLimit,
  type RecentFailures,
  throttleAddress,
  throttleDecision,
} from './throttle.js';

const now = new Date('2026-11-22T10:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
/** `n` failures, one a second, the newest `newest` seconds ago. */
const times = (n: number, newest = 1) => Array.from({ length: n }, (_, i) => ago(newest + i));
const none: RecentFailures = { account: [], address: [] };
const here = (dates: Date[]) => dates.map((at) => ({ at, sameAddress: true }));
const elsewhere = (dates: Date[]) => dates.map((at) => ({ at, sameAddress: false }));

/** Failures that make exactly `count` in `limit`'s window and nothing in the others. */
function only(limit: LoginLimit, count: number): RecentFailures {
  const dates = times(count);
  if (limit === 'accountAddress') return { account: here(dates), address: [] };
  if (limit === 'account') return { account: elsewhere(dates), address: [] };
  return { account: [], address: dates };
}

describe('throttleDecision', () => {
  it('the limits: 10 per account and address in 15 min, 100 per account an hour, 50 per address in 15 min', () => {
    expect(LOGIN_LIMITS).toEqual({
      accountAddress: { max: 10, windowSeconds: 900 },
      account: { max: 100, windowSeconds: 3600 },
      address: { max: 50, windowSeconds: 900 },
    });
    expect(LOGIN_FAILURE_RETENTION_SECONDS).toBe(3600);
  });

  it('allows without failures', () => {
    expect(throttleDecision(none, now)).toEqual({ allowed: true });
  });

  describe.each(Object.keys(LOGIN_LIMITS) as LoginLimit[])('limit %s', (limit) => {
    const { max, windowSeconds } = LOGIN_LIMITS[limit];
    it('allows one below the maximum, refuses at it', () => {
      expect(throttleDecision(only(limit, max - 1), now)).toEqual({ allowed: true });
      expect(throttleDecision(only(limit, max), now)).toMatchObject({ allowed: false, limit });
    });
    it('retry when the oldest failure leaves the window', () => {
      // Failures 1 … max seconds ago: the oldest leaves in windowSeconds - max seconds.
      expect(throttleDecision(only(limit, max), now)).toEqual({
        allowed: false,
        limit,
        retryAfterSeconds: windowSeconds - max,
      });
    });
    it('over the maximum (concurrent attempts), waits until max - 1 remain', () => {
      // max + 2 failures 1 … max + 2 seconds ago: the three oldest must leave; the third-oldest is max seconds ago.
      expect(throttleDecision(only(limit, max + 2), now)).toMatchObject({
        retryAfterSeconds: windowSeconds - max,
      });
    });
    it('ignores failures at or past the window’s start', () => {
      const shift = (f: RecentFailures, seconds: number): RecentFailures => ({
        account: f.account.map((x) => ({ ...x, at: new Date(x.at.getTime() - seconds * 1000) })),
        address: f.address.map((d) => new Date(d.getTime() - seconds * 1000)),
      });
      // The newest of max failures exactly windowSeconds ago: none counts.
      expect(throttleDecision(shift(only(limit, max), windowSeconds - 1), now)).toEqual({ allowed: true });
      // The oldest one second inside the window: all count.
      expect(throttleDecision(shift(only(limit, max), windowSeconds - max - 1), now)).toMatchObject({
        allowed: false,
        retryAfterSeconds: 1,
      });
    });
    it('never asks to wait less than a second', () => {
      const almostOut = only(limit, max);
      const edge = ago(windowSeconds - 0.001);
      if (limit === 'address') almostOut.address[max - 1] = edge;
      else (almostOut.account[max - 1] as { at: Date }).at = edge;
      expect(throttleDecision(almostOut, now)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    });
  });

  it('failures on the account from other addresses do not count against this address', () => {
    const attacker = elsewhere(times(LOGIN_LIMITS.accountAddress.max * 5));
    expect(throttleDecision({ account: attacker, address: [] }, now)).toEqual({ allowed: true });
    expect(
      throttleDecision(
        { account: [...attacker, ...here(times(LOGIN_LIMITS.accountAddress.max))], address: [] },
        now,
      ),
    ).toMatchObject({ allowed: false, limit: 'accountAddress' });
  });

  it('a failure stamped slightly in the future (another clock) still counts', () => {
    const ahead = Array.from({ length: 10 }, () => new Date(now.getTime() + 2000));
    expect(throttleDecision({ account: here(ahead), address: [] }, now)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 902,
    });
  });

  it('when several limits refuse, the one that frees last decides', () => {
    const accountWide = elsewhere(times(LOGIN_LIMITS.account.max, 600));
    const fromHere = here(times(LOGIN_LIMITS.accountAddress.max));
    const decision = throttleDecision({ account: [...accountWide, ...fromHere], address: [] }, now);
    // 110 failures in the hour: the 11 oldest must leave, the 11th oldest is 689 s old; 2911 s
    // to wait, more than the 890 s of the 15-minute limit.
    expect(decision).toEqual({ allowed: false, limit: 'account', retryAfterSeconds: 3600 - 689 });
  });

  it('property: refused until exactly retryAfterSeconds later, then allowed (no new failures)', () => {
    const failure = fc.record({
      secondsAgo: fc.integer({ min: 0, max: 3700 }),
      sameAddress: fc.boolean(),
      fromAddress: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(failure, { maxLength: 160 }), (list) => {
        const failures: RecentFailures = {
          account: list.map((f) => ({ at: ago(f.secondsAgo), sameAddress: f.sameAddress })),
          address: list.filter((f) => f.fromAddress || f.sameAddress).map((f) => ago(f.secondsAgo)),
        };
        const decision = throttleDecision(failures, now);
        if (decision.allowed) return;
        const later = (s: number) => new Date(now.getTime() + s * 1000);
        expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(decision.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_FAILURE_RETENTION_SECONDS);
        expect(throttleDecision(failures, later(decision.retryAfterSeconds)).allowed).toBe(true);
        if (decision.retryAfterSeconds > 1) {
          expect(throttleDecision(failures, later(decision.retryAfterSeconds - 1)).allowed).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('throttleAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:0:0:ffff:1:2:3', '2001:db8:0:0::/64'],
    ['2001:0db8:0000:0000::abcd', '2001:db8:0:0::/64'],
    ['2001:db8:0:1::1', '2001:db8:0:1::/64'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::198.51.100.1', '64:ff9b:0:0::/64'],
    ['1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8:9'],
    ['1::2::3', '1::2::3'],
    ['1:2:3', '1:2:3'],
    ['gggg::1', 'gggg::1'],
    ['::1:300.1.1.1', '::1:300.1.1.1'],
    ['1:2:3:4:5:6:7::8', '1:2:3:4:5:6:7::8'],
    ['unknown', 'unknown'],
  ])('%s → %s', (ip, expected) => {
    expect(throttleAddress(ip)).toBe(expected);
  });
});
