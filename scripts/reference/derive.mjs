// Derives the code lists Qualif validates against (reference/*.csv) from the public source files
// named in reference/README.md, gathered in one folder. Run again when a list is updated:
//   node scripts/reference/derive.mjs <folder holding the source files>
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

if (!process.argv[2]) {
  console.error('usage: node scripts/reference/derive.mjs <folder holding the source files>');
  console.error('(the files and where to get them: reference/README.md)');
  process.exit(2);
}
const source = path.resolve(process.argv[2]);
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
