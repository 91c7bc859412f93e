import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache.js';

const far = new Date('2100-01-01T00:00:00Z');
const entry = (userId: string, sessionExpiresAt = far) => ({
  userId,
  sessionExpiresAt,
  sessionId: `s-${userId}`,
});

describe('session cache', () => {
  it('answers within its time to live, and forgets after', () => {
    let t = 1_000;
    const cache = createSessionCache<ReturnType<typeof entry>>({ ttlMs: 5_000, now: () => t });
    cache.set('k', entry('u1'));
    t += 4_999;
    expect(cache.get('k')?.userId).toBe('u1');
    t += 1;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never answers for a session past its own expiry', () => {
    let t = Date.parse('2030-01-01T00:00:00Z');
    const cache = createSessionCache<ReturnType<typeof entry>>({ ttlMs: 60_000, now: () => t });
    cache.set('k', entry('u1', new Date(t + 1_000)));
    expect(cache.get('k')).toBeDefined();
    t += 1_000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('is off with a zero time to live', () => {
    const cache = createSessionCache<ReturnType<typeof entry>>({ ttlMs: 0 });
    cache.set('k', entry('u1'));
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets every session of a person, or one session', () => {
    const cache = createSessionCache<ReturnType<typeof entry>>({ ttlMs: 5_000 });
    cache.set('a', entry('u1'));
    cache.set('b', entry('u1'));
    cache.set('c', entry('u2'));
    cache.forgetUser('u1');
    expect([cache.get('a'), cache.get('b'), cache.get('c')?.userId]).toEqual([undefined, undefined, 'u2']);
    cache.forgetSession((v) => v.sessionId === 's-u2');
    expect(cache.get('c')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = createSessionCache<ReturnType<typeof entry>>({ ttlMs: 5_000, maxEntries: 2 });
    cache.set('a', entry('u1'));
    cache.set('b', entry('u2'));
    cache.set('c', entry('u3'));
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')?.userId).toBe('u3');
  });
});
