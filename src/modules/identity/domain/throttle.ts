/**
 * Login throttling: at most `max` failures per window, counted separately per account and
 * per client address. Pure decision; the counts come from the database so that every
 * replica sees the same ones.
 */
export const LOGIN_FAILURE_WINDOW_SECONDS = 60;
export const LOGIN_MAX_FAILURES = 10;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function throttleDecision(
  counts: { account: number; ip: number; oldestInWindow: Date | null },
  now: Date,
): ThrottleDecision {
  if (counts.account < LOGIN_MAX_FAILURES && counts.ip < LOGIN_MAX_FAILURES) return { allowed: true };
  const oldest = counts.oldestInWindow ?? now;
  const retry = Math.ceil(LOGIN_FAILURE_WINDOW_SECONDS - (now.getTime() - oldest.getTime()) / 1000);
  return { allowed: false, retryAfterSeconds: Math.max(1, retry) };
}
