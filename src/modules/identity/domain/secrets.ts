import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A random opaque token, URL-safe (256 bits). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored hashed: a database dump does not yield usable sessions or links. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Keyed hash for throttling keys (email, IP): comparable, but not personal data at rest. */
export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}

/** Constant-time comparison: the platform's (the CSRF check uses it too). */
export { safeEqual } from '../../../platform/auth/safe-equal.js';
