import { describe, expect, it } from 'vitest';
import { grantProblems } from './grants.js';
import { PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy.js';
import { keyedHash, randomToken, safeEqual, tokenHash } from './secrets.js';

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
