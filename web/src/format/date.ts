const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * The first of the month is written « 1er » in French (« 1er mars 2026 »), which Intl does not
 * do: every other day stays as Intl writes it.
 */
export function withFirst(parts: Intl.DateTimeFormatPart[]): string {
  return parts.map((p) => (p.type === 'day' && Number(p.value) === 1 ? '1er' : p.value)).join('');
}

/** A calendar date `2023-03-01` as « 1er mars 2023 », whatever the browser's time zone. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : withFirst(longDate.formatToParts(date));
}

/** « du 1er mars 2023 au 29 février 2028 », or « à partir du 1er mars 2028 » when open-ended. */
export function formatPeriod(from: string, to: string | null | undefined): string {
  return to ? `du ${formatDate(from)} au ${formatDate(to)}` : `à partir du ${formatDate(from)}`;
}

/** Today as a calendar date, `YYYY-MM-DD`, in Paris: the date the API decides on. */
export { today } from '../../../src/contracts/dates';
