import { describe, expect, it } from 'vitest';
import { endedBy, nextRunStatus } from './import-run.js';

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
