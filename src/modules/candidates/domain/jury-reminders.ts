/**
 * Reminders when candidacies wait for a jury (issue 13, point 7): a candidacy « prêt pour le
 * jury » in no open session since `waitingSince` is due a reminder to its branch once in each
 * period of `afterDays` days it keeps waiting — period 1 from `afterDays` days, period 2 from
 * twice as long… — so that a daily run, or a run missed and caught up later, reminds it once per
 * period. Pure code.
 */
import type { IsoDate } from '../../../contracts/dates.js';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (calendar dates; negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The period a candidacy waiting since `waitingSince` is in on `on` (0: not due yet). */
export function reminderPeriod(waitingSince: IsoDate, on: IsoDate, afterDays: number): number {
  if (!Number.isInteger(afterDays) || afterDays < 1) throw new RangeError('afterDays ≥ 1');
  const waited = daysBetween(waitingSince, on);
  return waited < afterDays ? 0 : Math.floor(waited / afterDays);
}
