// Derives the code lists Qualif validates against (reference/*.csv) from the public files in
// ../shared/data/referentiels/. Run again when a list is updated: node scripts/reference/derive.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const source = path.resolve(process.argv[2] ?? '../shared/data/referentiels');
const out = path.resolve('reference');
const read = (file, delimiter) =>
  parse(readFileSync(path.join(source, file), 'utf8'), {
    columns: true,
    delimiter,
    bom: true,
    skip_empty_lines: true,
  });
const quote = (v) => (/[",;\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const write = (file, rows, header = 'code;label') =>
  writeFileSync(path.join(out, file), `${header}\n${rows.map((r) => r.map(quote).join(';')).join('\n')}\n`);

const rome = read('unix_referentiel_code_rome_v460_utf8.csv', ',').map((r) => [r.code_rome, r.libelle_rome]);
write('rome-v460.csv', rome);

const formacode = read('formacodes-v14.csv', ';').map((r) => [
  r['Code du Terme'],
  r['Descripteur en typo riche'],
]);
write('formacode-v14.csv', formacode);

// kind: domaine_4, domaine_17, groupe_93 (3 digits), or a letter (lettre_*) that may follow a group.
const nsf = read('nsf_nomenclature_D311-4.csv', ',').map((r) => [r.code, r.libelle, r.niveau]);
write('nsf.csv', nsf, 'code;label;kind');

const idcc = read('candidacy-convention-collective-v2.csv', ',').map((r) => [r.idcc, r.label]);
write('idcc.csv', idcc);

console.log(`rome ${rome.length}, formacode ${formacode.length}, nsf ${nsf.length}, idcc ${idcc.length}`);
