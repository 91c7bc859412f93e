import { formatDateTime } from '../format/dateTime';

/** A date and time, never broken across lines. */
export function DateTime({ value }: { value: string }) {
  return (
    <time dateTime={value} style={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(value)}
    </time>
  );
}
