/**
 * Login throttling that nobody can use to lock someone else out. Failed password logins are
 * counted in rolling windows, under three limits:
 *
 * - per account and client address: 10 failures in 15 minutes. Guessing from one place stops
 *   there, while the account's owner, elsewhere, still signs in at once;
 * - per account, from every address: 100 failures in an hour, the slower cap against guessing
 *   spread over many addresses. It slows (429 with Retry-After, a slot frees as each failure
 *   ages out of the hour), it never locks the account;
 * - per client address, across accounts: 50 failures in 15 minutes (one address trying many
 *   accounts).
 *
 * Refused attempts are not counted (they never reach the password check), so a limit holds
 * the count at its maximum and no more. IPv6 clients are counted per /64, the block one
 * subscriber usually gets. Pure decisions; the failures come from the database so that every
 * replica sees the same ones.
 */
export const LOGIN_LIMITS = {
  accountAddress: { max: 10, windowSeconds: 15 * 60 },
  account: { max: 100, windowSeconds: 60 * 60 },
  address: { max: 50, windowSeconds: 15 * 60 },
} as const satisfies Record<string, { max: number; windowSeconds: number }>;

export type LoginLimit = keyof typeof LOGIN_LIMITS;

/** Failures older than this count under no limit (and may be deleted). */
export const LOGIN_FAILURE_RETENTION_SECONDS = Math.max(
  ...Object.values(LOGIN_LIMITS).map((l) => l.windowSeconds),
);

/** Times of recent failures: on this account (from any address, each marked if from this one), and from this address (any account). */
export type RecentFailures = {
  account: { at: Date; sameAddress: boolean }[];
  address: Date[];
};

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; limit: LoginLimit; retryAfterSeconds: number };

/** Allowed, or refused under the limit that frees last, with the seconds until it frees. */
export function throttleDecision(failures: RecentFailures, now: Date): ThrottleDecision {
  const byLimit: Record<LoginLimit, Date[]> = {
    accountAddress: failures.account.filter((f) => f.sameAddress).map((f) => f.at),
    account: failures.account.map((f) => f.at),
    address: failures.address,
  };
  let refused: { limit: LoginLimit; retryAfterSeconds: number } | undefined;
  for (const limit of Object.keys(LOGIN_LIMITS) as LoginLimit[]) {
    const wait = secondsUntilBelow(byLimit[limit], LOGIN_LIMITS[limit], now);
    if (wait > 0 && (!refused || wait > refused.retryAfterSeconds))
      refused = { limit, retryAfterSeconds: wait };
  }
  return refused ? { allowed: false, ...refused } : { allowed: true };
}

/**
 * 0 when fewer than `max` failures fall in the window ending at `now`; otherwise the whole
 * seconds (at least 1) until enough of them age out for one more attempt.
 */
function secondsUntilBelow(times: Date[], rule: { max: number; windowSeconds: number }, now: Date): number {
  const windowMs = rule.windowSeconds * 1000;
  // A failure stamped a little ahead of `now` (another replica's clock) still counts.
  const inWindow = times
    .map((t) => t.getTime())
    .filter((t) => t > now.getTime() - windowMs)
    .sort((a, b) => a - b);
  if (inWindow.length < rule.max) return 0;
  // The attempt is allowed once only max - 1 remain: the (length - max + 1)-th oldest has left.
  const freeing = inWindow[inWindow.length - rule.max] as number;
  return Math.max(1, Math.ceil((freeing + windowMs - now.getTime()) / 1000));
}

/**
 * The address a client is counted under: IPv4 as it is (also when written as IPv4-mapped
 * IPv6), IPv6 reduced to its /64 prefix, so that one subscriber's block counts as one address.
 * Anything unparsable is counted as given.
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (!ip.includes(':')) return ip;
  const groups = expandIpv6(ip.replace(/%.*$/, ''));
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip;
}

/** The eight 16-bit groups of an IPv6 address, lower-case without leading zeros, or null. */
function expandIpv6(ip: string): string[] | null {
  const halves = ip.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  const head = part(halves[0]);
  const tail = part(halves[1]);
  // An embedded IPv4 tail (e.g. ::ffff:1.2.3.4 or 64:ff9b::1.2.3.4) is two groups.
  const last = tail.length > 0 ? tail : head;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(last[last.length - 1] ?? '');
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    if ([a, b, c, d].some((n) => n > 255)) return null;
    last.splice(last.length - 1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => '0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16).toString(16));
}
