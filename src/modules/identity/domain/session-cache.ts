/**
 * A short-lived, per-process memory of resolved sessions, so that an authenticated request
 * does not pay two database round trips. Keys are token hashes, never tokens.
 *
 * What it costs: a session revoked (logout, revoke, password reset) through this process is
 * forgotten here at once; through another replica, it keeps working here for at most `ttlMs`.
 * `SESSION_CACHE_SECONDS=0` turns the cache off (every request reads the database).
 */
export type SessionCache<V extends { userId: string; sessionExpiresAt: Date }> = {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  forgetUser(userId: string): void;
  forgetSession(predicate: (value: V) => boolean): void;
  readonly size: number;
};

export function createSessionCache<V extends { userId: string; sessionExpiresAt: Date }>({
  ttlMs,
  maxEntries = 10_000,
  now = Date.now,
}: {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}): SessionCache<V> {
  const entries = new Map<string, { value: V; until: number }>();

  return {
    get(key) {
      if (ttlMs <= 0) return undefined;
      const hit = entries.get(key);
      if (!hit) return undefined;
      const t = now();
      if (t >= hit.until || t >= hit.value.sessionExpiresAt.getTime()) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(key, value) {
      if (ttlMs <= 0) return;
      entries.delete(key);
      // A Map iterates in insertion order: the first key is the oldest entry.
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, { value, until: now() + ttlMs });
    },
    forgetUser(userId) {
      for (const [key, { value }] of entries) if (value.userId === userId) entries.delete(key);
    },
    forgetSession(predicate) {
      for (const [key, { value }] of entries) if (predicate(value)) entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
