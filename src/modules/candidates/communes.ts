import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CommuneDirectory } from './domain/identity.js';

/**
 * Today's departments and communes (current, delegated and associated communes, and the
 * municipal arrondissements of Paris, Lyon and Marseille), from INSEE's official geographic code
 * as packaged by Etalab (@etalab/decoupage-administratif, see docs/adr/0005). Read once, on
 * first use; only the codes are kept.
 */
let directory: CommuneDirectory | undefined;

/** Fewer codes than this in the communes file means its layout changed: read it as JSON. */
const MIN_COMMUNES = 30_000;

function dataFile(name: string): string {
  const require = createRequire(import.meta.url);
  return path.join(
    path.dirname(require.resolve('@etalab/decoupage-administratif/package.json')),
    'data',
    `${name}.json`,
  );
}

/** Every code of a JSON list of objects, read as JSON (every object built, then dropped). */
export function codesFromJson(text: string): Set<string> {
  return new Set((JSON.parse(text) as { code: string }[]).map((c) => c.code));
}

/**
 * The communes' codes scanned from the text (`"code":"…"`, the key no other field has) without
 * building its 37,000 objects: the 8.6 MB file parsed as JSON took ≈ 45 MB of memory more, on
 * the first enrolment, which a bulk enrolment's peak carried (bench/candidacies.bench.ts).
 * communes.test.ts checks that it finds exactly the codes JSON.parse does.
 */
export function codesScanned(text: string): Set<string> {
  const codes = new Set<string>();
  for (const m of text.matchAll(/"code"\s*:\s*"([0-9][0-9AB][0-9]{3})"/g)) codes.add(m[1] as string);
  return codes;
}

export function communeDirectory(): CommuneDirectory {
  if (directory) return directory;
  const communesText = readFileSync(dataFile('communes'), 'utf8');
  const scanned = codesScanned(communesText);
  directory = {
    departments: codesFromJson(readFileSync(dataFile('departements'), 'utf8')),
    communes: scanned.size >= MIN_COMMUNES ? scanned : codesFromJson(communesText),
  };
  return directory;
}

/** For the test: the file's text. */
export const communesFileText = () => readFileSync(dataFile('communes'), 'utf8');
