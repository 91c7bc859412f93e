import { describe, expect, it, vi } from 'vitest';
import { today } from './dates.js';

describe('today() is the date in Paris', () => {
  it.each([
    // Winter (UTC+1): the day changes at 23:00 UTC.
    ['2026-01-15T22:59:59Z', '2026-01-15'],
    ['2026-01-15T23:00:00Z', '2026-01-16'],
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    // Summer (UTC+2): the day changes at 22:00 UTC.
    ['2026-07-14T21:59:59Z', '2026-07-14'],
    ['2026-07-14T22:00:00Z', '2026-07-15'],
    ['2026-07-14T22:59:00Z', '2026-07-15'],
    // Switch to summer time on Sunday 2026-03-29 at 01:00 UTC: the night before is still UTC+1.
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    ['2026-03-29T21:59:59Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    // Switch back to winter time on Sunday 2026-10-25 at 01:00 UTC: the night before is still UTC+2.
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // Leap day; and just after midnight UTC, Paris is already on the same date.
    ['2028-02-28T23:00:00Z', '2028-02-29'],
    ['2027-01-01T00:30:00Z', '2027-01-01'],
  ])('%s → %s', (instant, date) => {
    expect(today(new Date(instant))).toBe(date);
  });

  it('defaults to the current instant', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-31T23:30:00Z'));
      expect(today()).toBe('2027-01-01');
    } finally {
      vi.useRealTimers();
    }
  });
});
