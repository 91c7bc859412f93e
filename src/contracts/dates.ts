/**
 * Calendar dates as the law reads them: in France, on Paris time. Pure code shared by the server
 * and the web app (no Node or browser API beyond `Intl`).
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** The legal time zone: recognition, habilitations and eligibility are decided on the date in Paris. */
export const LEGAL_TIME_ZONE = 'Europe/Paris';

const parisCalendar = new Intl.DateTimeFormat('en-CA', {
  timeZone: LEGAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Paris at the instant `now` (by default, the current instant). */
export function today(now: Date = new Date()): IsoDate {
  const parts = Object.fromEntries(parisCalendar.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
