import { Badge } from '@mantine/core';
import { JURY_STATUS_LABELS, type JuryStatus } from '../../../src/contracts/juries';
import { COLORS } from '../ui/colors';

const STATUS_COLORS: Record<JuryStatus, string> = {
  planned: COLORS.info,
  deliberating: COLORS.warning,
  minutes: COLORS.warning,
  sealed: COLORS.teal,
  closed: COLORS.success,
  cancelled: COLORS.neutral,
};

/** « Convoqué », « En délibération »…: a jury session's state. */
export function JuryStatusBadge({ status }: { status: JuryStatus }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {JURY_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Where a session sits: its place, « À distance », or both. */
export function placeLabel(j: { place: string | null; remote: boolean }): string {
  if (j.place && j.remote) return `${j.place} (et à distance)`;
  return j.place ?? (j.remote ? 'À distance' : '—');
}

/** « 12 mars 2027 à 14:00 », or the date alone. */
export function whenLabel(j: { date: string; startsAt: string | null }, formatDate: (d: string) => string) {
  return j.startsAt ? `${formatDate(j.date)} à ${j.startsAt}` : formatDate(j.date);
}
