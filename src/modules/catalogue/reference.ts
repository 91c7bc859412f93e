import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../../platform/paths.js';

/**
 * The code lists of `reference/` (ROME, Formacode, NSF, IDCC), read once: immutable data
 * shipped with the code, the same in every process.
 */
export type CodeList = ReadonlyMap<string, string>;

type Row = { code: string; label: string; kind?: string };

function load(file: string): Row[] {
  return parse(readFileSync(path.join(projectRoot, 'reference', file), 'utf8'), {
    columns: true,
    delimiter: ';',
    skip_empty_lines: true,
  }) as Row[];
}

export type ReferenceLists = {
  rome: CodeList;
  formacode: CodeList;
  nsfGroups: CodeList;
  nsfLetters: CodeList;
  idcc: CodeList;
};

let cached: ReferenceLists | undefined;

export function referenceLists(): ReferenceLists {
  if (!cached) {
    const nsf = load('nsf.csv');
    const map = (rows: Row[]) => new Map(rows.map((r) => [r.code, r.label]));
    cached = {
      rome: map(load('rome-v460.csv')),
      formacode: map(load('formacode-v14.csv')),
      nsfGroups: map(nsf.filter((r) => r.kind === 'groupe_93')),
      nsfLetters: map(nsf.filter((r) => r.kind?.startsWith('lettre_'))),
      idcc: map(load('idcc.csv')),
    };
  }
  return cached;
}

/**
 * Reference codes in the case of their lists, whatever case people type (« 344T » as shown on a
 * registry fiche, « a1101 »): ROME `A1101`, NSF `344t`, Formacode digits. Stored so.
 */
export const canonicalCode = {
  rome: (code: string) => code.trim().toUpperCase(),
  nsf: (code: string) => code.trim().toLowerCase(),
  formacode: (code: string) => code.trim(),
} as const;

/** An NSF specialty: a 3-digit group, optionally followed by a function or field letter (e.g. `311m`). */
export function nsfLabel(lists: ReferenceLists, code: string): string | undefined {
  const match = /^(\d{3})([a-z])?$/.exec(canonicalCode.nsf(code));
  if (!match) return undefined;
  const group = lists.nsfGroups.get(match[1] as string);
  if (!group) return undefined;
  if (!match[2]) return group;
  const letter = lists.nsfLetters.get(match[2]);
  return letter ? `${group} — ${letter}` : undefined;
}

/** IDCC numbers are 4 digits; people often drop the leading zeros. */
export function normaliseIdcc(value: string): string {
  return /^\d{1,4}$/.test(value.trim()) ? value.trim().padStart(4, '0') : value.trim();
}
