/**
 * One calendar event as an iCalendar file (RFC 5545): a VCALENDAR holding one VEVENT, with
 * its UID, DTSTAMP (UTC), DTSTART — a local time in Europe/Paris (with the zone's VTIMEZONE) or
 * a whole day —, DTEND, SUMMARY, LOCATION and DESCRIPTION. Text is escaped (backslash, `;`, `,`,
 * line breaks) and lines are folded at 75 octets, CRLF-terminated. Pure code.
 */
export type CalendarEvent = {
  /** Globally unique and stable: a later version of the same event keeps it. */
  uid: string;
  stamp: Date;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM in Europe/Paris; absent: the whole day. */
  startsAt?: string | null;
  durationMinutes?: number;
  summary: string;
  location: string;
  description?: string;
};

/** Europe/Paris since 1996: CET (UTC+1), CEST (UTC+2) from the last Sunday of March to the last of October. */
const PARIS = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (never inside a UTF-8 character): continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: string) => date.replaceAll('-', '');
const utcStamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `HH:MM` + minutes → the local date and time (a session may run past midnight). */
function localEnd(date: string, time: string, minutes: number): { date: string; time: string } {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  const days = Math.floor(total / 1440);
  const rest = total % 1440;
  return {
    date: addDays(date, days),
    time: `${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`,
  };
}

const localDateTime = (date: string, time: string) => `${compactDate(date)}T${time.replace(':', '')}00`;

export function calendarEvent(event: CalendarEvent): string {
  const timed = Boolean(event.startsAt);
  const when = timed
    ? (() => {
        const start = event.startsAt as string;
        const end = localEnd(event.date, start, event.durationMinutes ?? 240);
        return [
          `DTSTART;TZID=Europe/Paris:${localDateTime(event.date, start)}`,
          `DTEND;TZID=Europe/Paris:${localDateTime(end.date, end.time)}`,
        ];
      })()
    : [
        `DTSTART;VALUE=DATE:${compactDate(event.date)}`,
        `DTEND;VALUE=DATE:${compactDate(addDays(event.date, 1))}`,
      ];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Qualif//Jurys//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(timed ? PARIS : []),
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    ...when,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
