import { describe, expect, it } from 'vitest';
import { endedBy, heartbeatEverySeconds, INTERRUPTED, nextRunStatus, STALE_SECONDS } from './import-run.js';

describe('import run lifecycle', () => {
  it('a running import succeeds or fails, once', () => {
    expect(endedBy('succeed')).toBe('succeeded');
    expect(endedBy('fail')).toBe('failed');
    for (const status of ['succeeded', 'failed'] as const) {
      expect(nextRunStatus(status, 'succeed')).toBeNull();
      expect(nextRunStatus(status, 'fail')).toBeNull();
    }
  });
});

describe('heartbeat', () => {
  it('beats every 10 s with the default 45 s delay', () => {
    expect(STALE_SECONDS.default).toBe(45);
    expect(heartbeatEverySeconds(45)).toBe(10);
  });
  it('beats at least four times within the stale delay, at least every second, at most every 10 s', () => {
    for (let stale = STALE_SECONDS.min; stale <= STALE_SECONDS.max; stale++) {
      const every = heartbeatEverySeconds(stale);
      expect(every, `${stale}`).toBeGreaterThanOrEqual(1);
      expect(every, `${stale}`).toBeLessThanOrEqual(10);
      expect(every * 4, `${stale}`).toBeLessThanOrEqual(stale);
    }
  });
  it('says in French why a run was failed', () => {
    expect(INTERRUPTED.atStart).toMatch(/^Import interrompu : .*démarrage/);
    expect(INTERRUPTED.silent(45)).toMatch(/plus de 45 secondes/);
  });
});
