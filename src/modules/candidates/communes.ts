import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CommuneDirectory } from './domain/identity.js';

/**
 * Today's departments and communes (current, delegated and associated communes, and the
 * municipal arrondissements of Paris, Lyon and Marseille), from INSEE's official geographic code
 * as packaged by Etalab (@etalab/decoupage-administratif, see docs/adr/0005). Read once, on
 * first use (about 8 MB of JSON); only the codes are kept.
 */
let directory: CommuneDirectory | undefined;

export function communeDirectory(): CommuneDirectory {
  if (directory) return directory;
  const require = createRequire(import.meta.url);
  const dataDir = path.join(
    path.dirname(require.resolve('@etalab/decoupage-administratif/package.json')),
    'data',
  );
  const read = (name: string) =>
    JSON.parse(readFileSync(path.join(dataDir, `${name}.json`), 'utf8')) as { code: string }[];
  directory = {
    departments: new Set(read('departements').map((d) => d.code)),
    communes: new Set(read('communes').map((c) => c.code)),
  };
  return directory;
}
