/**
 * Each award's deposit and its 3-month deadline (the certifier declares every holder to the
 * Caisse des Dépôts within three months of the award: Code du travail R. 6113-17-3 as amended in
 * 2024; the CDC has sent formal notices since 2025). Pure code.
 */
import type { IsoDate } from '../../../contracts/dates.js';

export const DEADLINE_MONTHS = 3;

/** `date` plus `months` calendar months, on the last day of the month when that day is missing (30 Nov + 3 → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const deadlineOf = (awardedOn: IsoDate): IsoDate => addMonths(awardedOn, DEADLINE_MONTHS);

/** The CDC's answer on an award's latest passage, if any. */
export type LastPassage = {
  result: 'pending' | 'ok' | 'ko' | 'already';
  /** When the report saying KO was imported. */
  reportedAt: Date | null;
} | null;

/**
 * Where an award stands: `deposited` (OK, or « déjà en base »), `pending` (in a flux whose
 * report is not imported), `rejected` (KO and the identity not changed since), `due` (to deposit
 * by the deadline), `late` (the deadline passed). A KO passage whose holder's identity changed
 * after the report is to deposit again (`due` or `late`).
 */
export type DepositState = 'deposited' | 'pending' | 'rejected' | 'due' | 'late';

export function depositState(
  awardedOn: IsoDate,
  last: LastPassage,
  identityUpdatedAt: Date,
  today: IsoDate,
): DepositState {
  if (last?.result === 'ok' || last?.result === 'already') return 'deposited';
  if (last?.result === 'pending') return 'pending';
  if (last?.result === 'ko' && !(last.reportedAt && identityUpdatedAt > last.reportedAt)) return 'rejected';
  return today > deadlineOf(awardedOn) ? 'late' : 'due';
}

/** « déjà en base »: the CDC has the holder's passage already — deposited. */
export function isAlreadyThere(message: string): boolean {
  return /d[ée]j[àa] en base/i.test(message);
}
