import { withFirst } from './date';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });

/** « 22 nov. 2025, 07:55 » (« 1er déc. 2025, 07:55 ») in the browser's time zone. */
export function formatDateTime(iso: string): string {
  return withFirst(dateTime.formatToParts(new Date(iso)));
}

const parisDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** The Paris calendar day of an instant: « 1er mars 2026 » (an import's end, a change's time). */
export function formatDayOf(iso: string): string {
  return withFirst(parisDay.formatToParts(new Date(iso)));
}
