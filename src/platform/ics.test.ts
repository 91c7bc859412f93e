import { describe, expect, it } from 'vitest';
import { calendarEvent, escapeText, foldLine } from './ics.js';

/** Unfolded content lines of an iCalendar text. */
const lines = (ics: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);

describe('iCalendar event (RFC 5545)', () => {
  const base = {
    uid: 'jury-1@qualif',
    stamp: new Date('2026-12-01T08:05:09.123Z'),
    date: '2027-10-31',
    summary: 'Jury paritaire — CQP Opérateur',
    location: 'Lyon; salle 2, étage 1',
  };

  it('a timed event in Europe/Paris, with its zone, UTC stamp and escaped text', () => {
    const ics = calendarEvent({ ...base, startsAt: '22:30', durationMinutes: 120 });
    expect(ics.endsWith('\r\n')).toBe(true);
    const l = lines(ics);
    expect(l.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(l).toContain('TZID:Europe/Paris');
    expect(l).toContain('UID:jury-1@qualif');
    expect(l).toContain('DTSTAMP:20261201T080509Z');
    expect(l).toContain('DTSTART;TZID=Europe/Paris:20271031T223000');
    // Past midnight: the next day.
    expect(l).toContain('DTEND;TZID=Europe/Paris:20271101T003000');
    expect(l).toContain('LOCATION:Lyon\\; salle 2\\, étage 1');
    expect(l.indexOf('BEGIN:VEVENT')).toBeLessThan(l.indexOf('END:VEVENT'));
  });

  it('a whole day without a time, and no zone', () => {
    const l = lines(calendarEvent({ ...base, startsAt: null }));
    expect(l).toContain('DTSTART;VALUE=DATE:20271031');
    expect(l).toContain('DTEND;VALUE=DATE:20271101');
    expect(l.some((x) => x.startsWith('BEGIN:VTIMEZONE'))).toBe(false);
  });

  it('folds long lines at 75 octets without cutting a character, and escapes line breaks', () => {
    const long = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(long);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(escapeText('a\\b\nc')).toBe('a\\\\b\\nc');
  });
});
