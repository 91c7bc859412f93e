import { describe, expect, it } from 'vitest';
import { VERIFICATION_CHECKS, type VerificationCheck, verificationVerdict } from './verification.js';

/** Every check ok but those named. */
const checks = (...failing: VerificationCheck[]) =>
  VERIFICATION_CHECKS.map((check) => ({ check, ok: !failing.includes(check) }));

describe('verificationVerdict', () => {
  it('valid only when the answer is valid', () => {
    expect(verificationVerdict({ valid: true, status: 'valid', checks: checks() })).toBe('valid');
  });

  it('the award’s status when only the status check fails', () => {
    expect(verificationVerdict({ valid: false, status: 'revoked', checks: checks('status') })).toBe(
      'revoked',
    );
    expect(verificationVerdict({ valid: false, status: 'suspended', checks: checks('status') })).toBe(
      'suspended',
    );
  });

  it('falsified when the signature, the issuer or the integrity fails, whatever the status', () => {
    for (const failing of ['signature', 'issuer', 'integrity'] as const) {
      expect(verificationVerdict({ valid: false, status: 'valid', checks: checks(failing) })).toBe(
        'falsified',
      );
      expect(
        verificationVerdict({ valid: false, status: 'revoked', checks: checks(failing, 'status') }),
      ).toBe('falsified');
    }
  });

  it('falsified when the document names no award, or an answer says invalid without a failing check', () => {
    expect(verificationVerdict({ valid: false, status: null, checks: checks('status') })).toBe('falsified');
    expect(verificationVerdict({ valid: false, status: 'valid', checks: checks() })).toBe('falsified');
  });
});
