import type { Db } from '../../platform/db/connect.js';
import { problems } from '../../platform/problem.js';
import { keyedHash } from './domain/secrets.js';
import {
  LOGIN_FAILURE_RETENTION_SECONDS,
  LOGIN_LIMITS,
  type RecentFailures,
  throttleAddress,
  throttleDecision,
} from './domain/throttle.js';
import { spendVerifyTime, verifyPassword } from './passwords.js';
import type { SessionsService } from './sessions.service.js';
import { findUserByEmail } from './users.repo.js';

export function loginServiceFactory({
  db,
  sessions,
  secret,
}: {
  db: Db;
  sessions: SessionsService;
  secret: string;
}) {
  /** This account's failures within the longest window, and this address's within its own. */
  async function recentFailures(accountKey: string, addressKey: string, now: Date): Promise<RecentFailures> {
    const since = (seconds: number) => new Date(now.getTime() - seconds * 1000);
    // Bounded: refused attempts are not recorded, so each list stays near its limit.
    const [account, address] = await Promise.all([
      db
        .selectFrom('login_failures')
        .select(['at', 'ip_key'])
        .where('account_key', '=', accountKey)
        .where('at', '>', since(LOGIN_FAILURE_RETENTION_SECONDS))
        .orderBy('at', 'desc')
        .limit(LOGIN_LIMITS.account.max * 2)
        .execute(),
      db
        .selectFrom('login_failures')
        .select('at')
        .where('ip_key', '=', addressKey)
        .where('at', '>', since(LOGIN_LIMITS.address.windowSeconds))
        .orderBy('at', 'desc')
        .limit(LOGIN_LIMITS.address.max * 2)
        .execute(),
    ]);
    return {
      account: account.map((r) => ({ at: new Date(r.at), sameAddress: r.ip_key === addressKey })),
      address: address.map((r) => new Date(r.at)),
    };
  }

  /**
   * Password login, throttled by the rules of domain/throttle.ts (per account and address, per
   * account, per address): past a limit, 429 with Retry-After before the password is checked.
   */
  async function passwordLogin(input: {
    email: string;
    password: string;
    ip: string;
    userAgent: string | undefined;
    requestId: string;
  }) {
    const email = input.email.trim().toLowerCase();
    const accountKey = keyedHash(secret, `account:${email}`);
    const addressKey = keyedHash(secret, `ip:${throttleAddress(input.ip)}`);
    const now = new Date();
    const decision = throttleDecision(await recentFailures(accountKey, addressKey, now), now);
    if (!decision.allowed) {
      throw problems.tooManyRequests(
        decision.retryAfterSeconds,
        `Trop de tentatives de connexion. Réessayez dans ${waitInFrench(decision.retryAfterSeconds)}.`,
      );
    }
    const user = await findUserByEmail(db, email);
    const ok =
      user?.password_hash && user.is_active
        ? await verifyPassword(user.password_hash, input.password)
        : false;
    if (!user?.password_hash) await spendVerifyTime(input.password);
    if (!user || !ok) {
      await db.insertInto('login_failures').values({ account_key: accountKey, ip_key: addressKey }).execute();
      // Old rows count under no limit; pruning here keeps the table small without a job.
      await db
        .deleteFrom('login_failures')
        .where('at', '<', new Date(now.getTime() - LOGIN_FAILURE_RETENTION_SECONDS * 1000))
        .execute();
      throw problems.invalidCredentials();
    }
    // The owner got in from here: their own typos no longer count against this address.
    await db
      .deleteFrom('login_failures')
      .where('account_key', '=', accountKey)
      .where('ip_key', '=', addressKey)
      .execute();
    const session = await sessions.open(user, 'password', input.userAgent, input.requestId);
    return { userId: user.id, ...session };
  }

  return { passwordLogin };
}
export type LoginService = ReturnType<typeof loginServiceFactory>;

/** "45 secondes", "15 minutes": Retry-After as a person reads it. */
function waitInFrench(seconds: number): string {
  if (seconds < 120) return `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
