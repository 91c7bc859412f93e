import type { Db } from '../../platform/db/connect.js';
import { problems } from '../../platform/problem.js';
import { keyedHash } from './domain/secrets.js';
import { LOGIN_FAILURE_WINDOW_SECONDS, throttleDecision } from './domain/throttle.js';
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
  async function failuresSince(accountKey: string, ipKey: string, since: Date) {
    const row = await db
      .selectFrom('login_failures')
      .select((eb) => [
        eb.fn.count<number>('id').filterWhere('account_key', '=', accountKey).as('account'),
        eb.fn.count<number>('id').filterWhere('ip_key', '=', ipKey).as('ip'),
        eb.fn.min('at').as('oldest'),
      ])
      .where('at', '>', since)
      .where((eb) => eb.or([eb('account_key', '=', accountKey), eb('ip_key', '=', ipKey)]))
      .executeTakeFirstOrThrow();
    return {
      account: Number(row.account),
      ip: Number(row.ip),
      oldestInWindow: row.oldest ? new Date(row.oldest as Date) : null,
    };
  }

  /**
   * Password login. At most 10 failures a minute per account and per client address:
   * past that, 429 before the password is even checked.
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
    const ipKey = keyedHash(secret, `ip:${input.ip}`);
    const now = new Date();
    const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_SECONDS * 1000);
    const decision = throttleDecision(await failuresSince(accountKey, ipKey, since), now);
    if (!decision.allowed) {
      throw problems.tooManyRequests(
        decision.retryAfterSeconds,
        `Trop de tentatives de connexion. Réessayez dans ${decision.retryAfterSeconds} secondes.`,
      );
    }
    const user = await findUserByEmail(db, email);
    const ok =
      user?.password_hash && user.is_active
        ? await verifyPassword(user.password_hash, input.password)
        : false;
    if (!user?.password_hash) await spendVerifyTime(input.password);
    if (!user || !ok) {
      await db.insertInto('login_failures').values({ account_key: accountKey, ip_key: ipKey }).execute();
      // Old rows are useless past the window; pruning here keeps the table small without a job.
      await db
        .deleteFrom('login_failures')
        .where('at', '<', new Date(now.getTime() - 3600 * 1000))
        .execute();
      throw problems.invalidCredentials();
    }
    const session = await sessions.open(user, 'password', input.userAgent, input.requestId);
    return { userId: user.id, ...session };
  }

  return { passwordLogin };
}
export type LoginService = ReturnType<typeof loginServiceFactory>;
