import { describe, expect, it } from 'vitest';
import { grantProblems } from './grants.js';
import { PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy.js';
import { keyedHash, randomToken, safeEqual, tokenHash } from './secrets.js';
import { LOGIN_MAX_FAILURES, throttleDecision } from './throttle.js';

describe('throttleDecision', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  it('allows below the limit on both keys', () => {
    expect(
      throttleDecision(
        { account: LOGIN_MAX_FAILURES - 1, ip: LOGIN_MAX_FAILURES - 1, oldestInWindow: now },
        now,
      ),
    ).toEqual({
      allowed: true,
    });
  });
  it('blocks at the limit on the account or on the address', () => {
    expect(throttleDecision({ account: LOGIN_MAX_FAILURES, ip: 0, oldestInWindow: now }, now).allowed).toBe(
      false,
    );
    expect(throttleDecision({ account: 0, ip: LOGIN_MAX_FAILURES, oldestInWindow: now }, now).allowed).toBe(
      false,
    );
  });
  it('tells when to retry: when the oldest failure leaves the window', () => {
    const oldest = new Date(now.getTime() - 45_000);
    expect(throttleDecision({ account: 10, ip: 0, oldestInWindow: oldest }, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 15,
    });
  });
  it('never asks to retry in less than a second', () => {
    const oldest = new Date(now.getTime() - 60_000);
    expect(throttleDecision({ account: 10, ip: 0, oldestInWindow: oldest }, now)).toMatchObject({
      retryAfterSeconds: 1,
    });
  });
});

describe('passwordProblem', () => {
  it('requires the minimum length', () => {
    expect(passwordProblem('a'.repeat(PASSWORD_MIN_LENGTH - 1))).toMatch(/au moins 12/);
    expect(passwordProblem('correct horse battery')).toBeNull();
  });
  it('refuses the email, a single repeated character, and huge inputs', () => {
    expect(passwordProblem('someone@example.org', 'Someone@Example.org')).toMatch(/adresse e-mail/);
    expect(passwordProblem('zzzzzzzzzzzzzzzz')).toMatch(/répéter/);
    expect(passwordProblem('x'.repeat(300))).toMatch(/dépasser/);
  });
});

describe('grantProblems', () => {
  it('accepts each role with the scope it needs', () => {
    expect(
      grantProblems([
        { role: 'admin' },
        { role: 'branch_manager', branchId: 'b' },
        { role: 'advisor', branchId: 'b' },
        { role: 'training_org', organisationId: 'o' },
        { role: 'employer', organisationId: 'o' },
        { role: 'evaluator' },
        { role: 'jury_member' },
        { role: 'candidate' },
      ]),
    ).toEqual([]);
  });
  it('names the missing, extra or unknown part', () => {
    const errors = grantProblems(
      [
        { role: 'branch_manager' },
        { role: 'candidate', branchId: 'b' },
        { role: 'employer' },
        { role: 'wizard' },
      ],
      ['grants'],
    );
    expect(errors.map((e) => e.field)).toEqual([
      'grants.0.branchId',
      'grants.1.branchId',
      'grants.2.organisationId',
      'grants.3.role',
    ]);
    expect(errors[0]?.pointer).toBe('#/grants/0/branchId');
  });
  it('requires at least one role', () => {
    expect(grantProblems([], ['grants']).map((e) => e.field)).toEqual(['grants']);
  });
});

describe('secrets', () => {
  it('makes distinct URL-safe tokens and stable hashes', () => {
    const a = randomToken();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(randomToken()).not.toBe(a);
    expect(tokenHash(a)).toBe(tokenHash(a));
    expect(tokenHash(a)).not.toBe(a);
  });
  it('keys hashes with the secret', () => {
    expect(keyedHash('s1', 'x')).not.toBe(keyedHash('s2', 'x'));
  });
  it('compares in constant time, lengths included', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
