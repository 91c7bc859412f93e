import { describe, expect, it } from 'vitest';
import { daysBetween, reminderPeriod } from './jury-reminders.js';

describe('reminderPeriod', () => {
  it('is 0 before the delay, then one period per delay waited', () => {
    expect(reminderPeriod('2026-01-01', '2026-01-01', 30)).toBe(0);
    expect(reminderPeriod('2026-01-01', '2026-01-30', 30)).toBe(0);
    expect(reminderPeriod('2026-01-01', '2026-01-31', 30)).toBe(1);
    expect(reminderPeriod('2026-01-01', '2026-03-01', 30)).toBe(1);
    expect(reminderPeriod('2026-01-01', '2026-03-02', 30)).toBe(2);
    expect(reminderPeriod('2026-01-01', '2027-01-01', 365)).toBe(1);
  });

  it('counts calendar days across a change of time and a leap day', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-01', '2026-01-01')).toBe(-31);
    expect(reminderPeriod('2026-02-01', '2026-01-01', 1)).toBe(0);
  });

  it('refuses a delay that is not a whole number of days ≥ 1', () => {
    expect(() => reminderPeriod('2026-01-01', '2026-02-01', 0)).toThrow(RangeError);
    expect(() => reminderPeriod('2026-01-01', '2026-02-01', 1.5)).toThrow(RangeError);
  });
});
