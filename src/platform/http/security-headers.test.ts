import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

describe('securityHeaders', () => {
  it('computes helmet’s headers with Qualif’s policy, without HSTS over plain HTTP', () => {
    const h = securityHeaders('http://localhost:3000');
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(h['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['cross-origin-opener-policy']).toBe('same-origin');
    expect(h['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS and upgrade-insecure-requests behind HTTPS', () => {
    const h = securityHeaders('https://qualif.example.org');
    expect(h['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(h['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
