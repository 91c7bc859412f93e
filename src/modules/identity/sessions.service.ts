import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { problems } from '../../platform/problem.js';
import { randomToken, tokenHash } from './domain/secrets.js';
import { createSessionCache } from './domain/session-cache.js';
import { grantsOf, type ScopeNames } from './users.repo.js';

/** last_seen_at is refreshed at most this often, so reads don't each cost a write. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export function sessionsServiceFactory({
  db,
  scopeNames,
  ttlHours,
  cacheSeconds,
}: {
  db: Db;
  /** The catalogue's names of the branches and organisations of grants (see users.repo). */
  scopeNames: ScopeNames;
  ttlHours: number;
  /** How long this process may reuse a resolved session without reading the database. */
  cacheSeconds: number;
}) {
  const cache = createSessionCache<Actor>({ ttlMs: cacheSeconds * 1000 });

  /** Opens a session and records it in the audit trail, in one transaction. */
  async function open(
    user: { id: string; email: string },
    method: 'password' | 'oidc',
    userAgent: string | undefined,
    requestId: string,
  ) {
    const token = randomToken();
    const expiresAt = new Date(Date.now() + ttlHours * 3600 * 1000);
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('sessions')
        .values({
          token_hash: tokenHash(token),
          csrf_token: randomToken(),
          user_id: user.id,
          method,
          user_agent: userAgent?.slice(0, 300) ?? null,
          expires_at: expiresAt,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: { userId: user.id, label: user.email },
        action: 'session.open',
        entityType: 'session',
        entityId: row.id,
        after: { method },
        requestId,
      });
      return { token, sessionId: row.id, expiresAt };
    });
  }

  /** The actor behind a session cookie, or null when the session is unknown, expired or revoked. */
  async function resolve(token: string): Promise<Actor | null> {
    const key = tokenHash(token);
    const cached = cache.get(key);
    if (cached) return cached;
    const row = await db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id',
        's.csrf_token',
        's.expires_at',
        's.last_seen_at',
        'u.id as user_id',
        'u.email',
        'u.display_name',
      ])
      .where('s.token_hash', '=', key)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', new Date())
      .where('u.is_active', '=', true)
      .executeTakeFirst();
    if (!row) return null;
    const grants = (await grantsOf(db, scopeNames, [row.user_id])).get(row.user_id) ?? [];
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', row.id).execute();
    }
    const actor = {
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      grants,
      sessionId: row.id,
      csrfToken: row.csrf_token,
      sessionExpiresAt: new Date(row.expires_at),
    };
    cache.set(key, actor);
    return actor;
  }

  async function listOwn(actor: Actor) {
    const rows = await db
      .selectFrom('sessions')
      .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'method'])
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      userAgent: r.user_agent,
      method: r.method,
      current: r.id === actor.sessionId,
    }));
  }

  /** A person revokes their own sessions; an admin may revoke anyone's. */
  async function revoke(actor: Actor, sessionId: string, requestId: string) {
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('sessions')
        .select(['id', 'user_id', 'revoked_at'])
        .where('id', '=', sessionId)
        .executeTakeFirst();
      if (!row) throw problems.notFound('Session introuvable.');
      // Another person's session answers as an unknown one.
      enforce(actor, 'revoke', 'session', { ownerId: row.user_id }, 'Session introuvable.');
      if (row.revoked_at) return;
      await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'session.revoke',
        entityType: 'session',
        entityId: sessionId,
        before: { revoked: false },
        after: { revoked: true },
        requestId,
      });
    });
    // After the commit: a request resolved meanwhile cannot put the session back.
    cache.forgetSession((cached) => cached.sessionId === sessionId);
  }

  /** Used inside a password change: every open session of that person ends. */
  async function revokeAllOf(trx: Kysely<Database>, userId: string) {
    await trx
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Call after committing a change to a person's sessions or rights (e.g. revokeAllOf). */
  function forgetUser(userId: string) {
    cache.forgetUser(userId);
  }

  return { open, resolve, listOwn, revoke, revokeAllOf, forgetUser };
}

export type SessionsService = ReturnType<typeof sessionsServiceFactory>;
