/**
 * Recognition of a certification on a date, derived only from its dated events (docs/domain.md,
 * "Lifecycle of a certification"). The same event shape serves the catalogue, which stores
 * the events, and the eligibility rules, which may receive hypothetical ones.
 */

import {
  RECOGNITION_EVENT_TYPES,
  RECOGNITION_STATUSES,
  type RecognitionEventType,
  type RecognitionStatus,
} from '../../../contracts/catalogue.js';
import type { IsoDate } from '../../../contracts/dates.js';

/** ISO calendar date, `YYYY-MM-DD`: compared as strings. */
export type { IsoDate };
export { RECOGNITION_EVENT_TYPES, RECOGNITION_STATUSES, type RecognitionEventType, type RecognitionStatus };

export type RecognitionEvent = {
  type: RecognitionEventType;
  /** When the event happened (decision, transmission, registration decision, withdrawal…). */
  date: IsoDate;
  /** RNCP or RS number for registrations, e.g. `RNCP34567`, `RS5012`. */
  number?: string | undefined;
  /** Qualification level 3–8, RNCP registrations only. */
  level?: number | undefined;
  /** Registration validity, inclusive on both ends. */
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
};

export type Recognition =
  | { status: 'none' | 'branch_only' }
  | { status: 'rncp'; registry: 'RNCP'; number: string; level: number; from: IsoDate; to: IsoDate }
  | { status: 'rs'; registry: 'RS'; number: string; from: IsoDate; to: IsoDate };

const within = (date: IsoDate, from: IsoDate, to: IsoDate) => from <= date && date <= to;

function activeRegistration(events: readonly RecognitionEvent[], type: RecognitionEventType, date: IsoDate) {
  return events
    .filter((e) => e.type === type && e.from && e.to && within(date, e.from, e.to))
    .sort((a, b) => ((a.from as string) < (b.from as string) ? 1 : -1))[0];
}

export function recognitionOn(events: readonly RecognitionEvent[], date: IsoDate): Recognition {
  const happened = events.filter((e) => e.date <= date);
  const exists = happened.some((e) => e.type === 'transmitted');
  const ended = happened.some((e) => e.type === 'withdrawn' || e.type === 'replaced');
  if (!exists || ended) return { status: 'none' };
  const rncp = activeRegistration(happened, 'rncp_registered', date);
  if (rncp?.number && rncp.level !== undefined) {
    return {
      status: 'rncp',
      registry: 'RNCP',
      number: rncp.number,
      level: rncp.level,
      from: rncp.from as string,
      to: rncp.to as string,
    };
  }
  const rs = activeRegistration(happened, 'rs_registered', date);
  if (rs?.number)
    return { status: 'rs', registry: 'RS', number: rs.number, from: rs.from as string, to: rs.to as string };
  return { status: 'branch_only' };
}

export type EventProblem = { index: number; field: keyof RecognitionEvent | 'type'; detail: string };

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Checks one history of events as a whole; each problem names the event and its field. */
export function eventProblems(events: readonly RecognitionEvent[]): EventProblem[] {
  const problems: EventProblem[] = [];
  const firstTransmitted = events
    .filter((e) => e.type === 'transmitted')
    .map((e) => e.date)
    .sort()[0];
  events.forEach((e, index) => {
    if (!isIsoDate(e.date)) problems.push({ index, field: 'date', detail: 'Date invalide (AAAA-MM-JJ).' });
    if (e.type === 'rncp_registered' || e.type === 'rs_registered') {
      const registry = e.type === 'rncp_registered' ? 'RNCP' : 'RS';
      const pattern = e.type === 'rncp_registered' ? /^RNCP\d{3,6}$/ : /^RS\d{3,6}$/;
      if (!e.number || !pattern.test(e.number)) {
        problems.push({
          index,
          field: 'number',
          detail: `Numéro ${registry} attendu (ex. ${registry}12345).`,
        });
      }
      if (!e.from || !isIsoDate(e.from))
        problems.push({ index, field: 'from', detail: 'Date de début requise.' });
      if (!e.to || !isIsoDate(e.to)) problems.push({ index, field: 'to', detail: 'Date de fin requise.' });
      if (e.from && e.to && e.to < e.from) {
        problems.push({ index, field: 'to', detail: 'La fin précède le début.' });
      }
      if (e.type === 'rncp_registered' && (e.level === undefined || e.level < 3 || e.level > 8)) {
        problems.push({ index, field: 'level', detail: 'Niveau de qualification de 3 à 8 requis.' });
      }
      if (e.type === 'rs_registered' && e.level !== undefined) {
        problems.push({ index, field: 'level', detail: 'Une inscription au RS n’a pas de niveau.' });
      }
      if (!firstTransmitted || (isIsoDate(e.date) && e.date < firstTransmitted)) {
        problems.push({
          index,
          field: 'date',
          detail: 'Une inscription suppose une transmission préalable à France compétences.',
        });
      }
    } else if (
      e.number !== undefined ||
      e.level !== undefined ||
      e.from !== undefined ||
      e.to !== undefined
    ) {
      problems.push({
        index,
        field: 'type',
        detail: 'Numéro, niveau et dates de validité ne valent que pour une inscription.',
      });
    }
  });
  return problems;
}

export type RecognitionPeriod = { from: IsoDate; to: IsoDate | null; recognition: Recognition };

function nextDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function previousDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The whole history as consecutive periods of equal recognition, from the first event on
 * (`to` inclusive, null = open-ended). Built by asking `recognitionOn` at every date where
 * the answer may change, so the timeline and the single-date answer cannot disagree.
 */
export function recognitionTimeline(events: readonly RecognitionEvent[]): RecognitionPeriod[] {
  const breakpoints = new Set<IsoDate>();
  for (const e of events) {
    breakpoints.add(e.date);
    if (e.from) breakpoints.add(e.from);
    if (e.to) breakpoints.add(nextDay(e.to));
  }
  const dates = [...breakpoints].sort();
  const periods: RecognitionPeriod[] = [];
  for (const date of dates) {
    const recognition = recognitionOn(events, date);
    const last = periods[periods.length - 1];
    if (last && JSON.stringify(last.recognition) === JSON.stringify(recognition)) continue;
    if (!last && recognition.status === 'none') continue;
    if (last) last.to = previousDay(date);
    periods.push({ from: date, to: null, recognition });
  }
  return periods;
}
