import { withFirst } from './date';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });

/** « 22 nov. 2025, 07:55 » (« 1er déc. 2025, 07:55 ») in the browser's time zone. */
export function formatDateTime(iso: string): string {
  return withFirst(dateTime.formatToParts(new Date(iso)));
}
