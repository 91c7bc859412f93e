import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Entry, ZipFile } from 'yauzl';
import { normaliseSiret } from '../catalogue/domain/siret.js';
import {
  type Bloc,
  type Certifier,
  type CodeLabel,
  compact,
  inactiveJuries,
  type JuryRoute,
  kindOf,
  type OnFiche,
  type OnProgress,
  type Partner,
  parseCount,
  parseFrenchDate,
  parseHabilitation,
  parseLevel,
  type Registry,
  type RegistryFiche,
  type RegistryParseResult,
  registryOf,
} from './domain/fiche.js';
import { RegistryFileError } from './errors.js';
import { openEntry, openZip, type ZipEntry } from './zip.js';

/**
 * The CSV variant of the export (`export-fiches-csv-AAAA-MM-JJ.zip`): ten `;`-separated UTF-8
 * files, CRLF, one row per fiche in Standard and one row per item in the others, all keyed by
 * Numero_Fiche. Files are matched by name without accents or case (the names carry
 * `Compétences` / `Accès`, in NFC or NFD depending on who zipped them).
 */
const FILES = {
  standard: {
    match: '_csv_standard_',
    columns: ['Id_Fiche', 'Numero_Fiche', 'Intitule', 'Nomenclature_Europe_Niveau', 'Actif'],
  },
  blocs: {
    match: '_csv_blocs_de_competences_',
    columns: ['Numero_Fiche', 'Bloc_Competences_Code', 'Bloc_Competences_Libelle'],
  },
  ccn: { match: '_csv_ccn_', columns: ['Numero_Fiche', 'Ccn_1_Numero', 'Ccn_1_Libelle'] },
  certificateurs: {
    match: '_csv_certificateurs_',
    columns: ['Numero_Fiche', 'Siret_Certificateur', 'Nom_Certificateur'],
  },
  formacode: { match: '_csv_formacode_', columns: ['Numero_Fiche', 'Formacode_Code', 'Formacode_Libelle'] },
  nsf: { match: '_csv_nsf_', columns: ['Numero_Fiche', 'Nsf_Code', 'Nsf_Intitule'] },
  partenaires: {
    match: '_csv_partenaires_',
    columns: ['Numero_Fiche', 'Nom_Partenaire', 'Siret_Partenaire', 'Habilitation_Partenaire'],
  },
  rome: { match: '_csv_rome_', columns: ['Numero_Fiche', 'Codes_Rome_Code', 'Codes_Rome_Libelle'] },
  voies: { match: '_csv_voixdacces_', columns: ['Numero_Fiche', 'Si_Jury'] },
  continuity: {
    match: '_csv_ancienne_nouvelle_certification_',
    columns: ['Numero_Fiche', 'Ancienne_Certification', 'Nouvelle_Certification'],
  },
} as const;
type FileKind = keyof typeof FILES;

/** Uncompressed size above which a file is refused: the real files are tens of MB. */
const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

/** VoixdAccès labels → routes (matched without accents, apostrophes or case). */
const ROUTE_LABELS: [RegExp, JuryRoute][] = [
  [/experience/, 'VAE'],
  [/candidature individuelle/, 'CL'],
  [/statut d.?eleve|etudiant|formation initiale/, 'FI'],
  [/apprentissage/, 'CA'],
  [/professionnalisation/, 'CQ'],
  [/formation continue/, 'FC'],
];

type Row = Record<string, string | undefined>;

class Context {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {}

  fail(column: string, problem: string, fiche?: string): never {
    throw new RegistryFileError(`Fichier ${this.file}, ligne ${this.line}, colonne ${column} : ${problem}`, {
      file: this.file,
      line: this.line,
      element: column,
      ...(fiche ? { fiche } : {}),
    });
  }
}

/**
 * Cell text, trimmed (SIRETs come as `"\t11004301500012"`), with the export's doubled
 * apostrophes undone (`ingénierie d''affaires` in the Rome file).
 */
function cell(row: Row, column: string): string {
  return (row[column] ?? '').trim().replaceAll("''", "'");
}

/** `251 : Mécanique générale…` → `Mécanique générale…` (the Nsf and Formacode files repeat the code). */
const withoutCodePrefix = (label: string, code: string) =>
  label.startsWith(code) ? label.slice(code.length).replace(/^\s*:\s*/, '') : label;

function push<T>(index: Map<string, T[]>, key: string, value: T) {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function addLink(index: Map<string, Set<string>>, from: string, to: string) {
  const set = index.get(from);
  if (set) set.add(to);
  else index.set(from, new Set([to]));
}

/**
 * Parses the CSV zip and hands one fiche per Standard row to `onFiche`, awaited in turn.
 *
 * Memory: the secondary files (blocs, partners, codes…) are indexed by Numero_Fiche in
 * memory before Standard is streamed. That is acceptable for the CSV export, whose files are
 * tens of MB (a few hundred MB of heap at worst); the XML export, several hundred MB, is the
 * one parsed in constant memory (parseRegistryXml).
 *
 * Successors and predecessors combine both sides of Ancienne_Nouvelle_Certification: a link
 * declared only on the old fiche's row (or only on the new one's) is still read both ways,
 * so a chain survives a missing row.
 *
 * Errors are RegistryFileError naming the file, line and column. Fiches handed over before
 * an error in Standard stay handed over: the caller stages and discards them.
 */
export async function parseRegistryCsvZip(
  path: string,
  onFiche: OnFiche,
  onProgress?: OnProgress,
): Promise<RegistryParseResult> {
  const { zip, entries, close } = await openZip(path);
  try {
    const files = pickFiles(entries);
    let bytes = 0;
    const counted = (stream: Readable) => stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    const read = (kind: FileKind, onRow: (row: Row, at: Context) => void | Promise<void>) =>
      readCsv(zip, files[kind], FILES[kind].columns, counted, onRow);

    const blocs = new Map<string, Bloc[]>();
    await read('blocs', (row) => {
      push(blocs, cell(row, 'Numero_Fiche'), {
        code: cell(row, 'Bloc_Competences_Code'),
        label: cell(row, 'Bloc_Competences_Libelle'),
      });
    });

    const ccn = new Map<string, { numero: string; label: string }[]>();
    await read('ccn', (row) => {
      for (let n = 1; row[`Ccn_${n}_Numero`] !== undefined; n++) {
        const numero = cell(row, `Ccn_${n}_Numero`);
        if (numero) push(ccn, cell(row, 'Numero_Fiche'), { numero, label: cell(row, `Ccn_${n}_Libelle`) });
      }
    });

    const certifiers = new Map<string, Certifier[]>();
    await read('certificateurs', (row) => {
      const siret = normaliseSiret(cell(row, 'Siret_Certificateur'));
      push(
        certifiers,
        cell(row, 'Numero_Fiche'),
        compact({ siret: siret || undefined, name: cell(row, 'Nom_Certificateur') }),
      );
    });

    const codes = async (kind: 'formacode' | 'nsf' | 'rome', codeColumn: string, labelColumn: string) => {
      const index = new Map<string, CodeLabel[]>();
      await read(kind, (row) => {
        const code = cell(row, codeColumn);
        if (code)
          push(index, cell(row, 'Numero_Fiche'), {
            code,
            label: withoutCodePrefix(cell(row, labelColumn), code),
          });
      });
      return index;
    };
    const formacode = await codes('formacode', 'Formacode_Code', 'Formacode_Libelle');
    const nsf = await codes('nsf', 'Nsf_Code', 'Nsf_Intitule');
    const rome = await codes('rome', 'Codes_Rome_Code', 'Codes_Rome_Libelle');

    const partners = new Map<string, Partner[]>();
    await read('partenaires', (row, at) => {
      const numero = cell(row, 'Numero_Fiche');
      const habilitationText = cell(row, 'Habilitation_Partenaire');
      const siret = normaliseSiret(cell(row, 'Siret_Partenaire'));
      push(partners, numero, {
        name: cell(row, 'Nom_Partenaire') || at.fail('Nom_Partenaire', 'valeur manquante.', numero),
        siret: siret || at.fail('Siret_Partenaire', 'valeur manquante.', numero),
        habilitation:
          parseHabilitation(habilitationText) ??
          at.fail('Habilitation_Partenaire', `valeur « ${habilitationText} ».`, numero),
      });
    });

    const routes = new Map<string, Set<JuryRoute>>();
    await read('voies', (row, at) => {
      const numero = cell(row, 'Numero_Fiche');
      const label = cell(row, 'Si_Jury');
      if (!label) return;
      const key = label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      const route =
        ROUTE_LABELS.find(([re]) => re.test(key))?.[1] ??
        at.fail('Si_Jury', `voie d’accès « ${label} » inconnue.`, numero);
      const set = routes.get(numero);
      if (set) set.add(route);
      else routes.set(numero, new Set([route]));
    });

    const successors = new Map<string, Set<string>>();
    const predecessors = new Map<string, Set<string>>();
    await read('continuity', (row) => {
      const numero = cell(row, 'Numero_Fiche');
      const older = cell(row, 'Ancienne_Certification');
      const newer = cell(row, 'Nouvelle_Certification');
      if (older) {
        addLink(predecessors, numero, older);
        addLink(successors, older, numero);
      }
      if (newer) {
        addLink(successors, numero, newer);
        addLink(predecessors, newer, numero);
      }
    });
    onProgress?.({ bytes, fiches: 0 });

    let fiches = 0;
    const seen = new Set<Registry>();
    await read('standard', async (row, at) => {
      const numero = cell(row, 'Numero_Fiche');
      const registry =
        registryOf(numero) ?? at.fail('Numero_Fiche', `numéro « ${numero} » (attendu RNCP… ou RS…).`, numero);
      const date = (column: string) => {
        const value = cell(row, column);
        if (!value) return undefined;
        return (
          parseFrenchDate(value) ??
          at.fail(column, `date invalide « ${value} » (format attendu JJ/MM/AAAA).`, numero)
        );
      };
      const idText = cell(row, 'Id_Fiche');
      const levelText = cell(row, 'Nomenclature_Europe_Niveau');
      const level = levelText ? parseLevel(levelText) : undefined;
      if (level === null) at.fail('Nomenclature_Europe_Niveau', `niveau « ${levelText} ».`, numero);
      const actif = cell(row, 'Actif');
      const abbreviationCode = cell(row, 'Abrege_Libelle');
      const juries = inactiveJuries();
      for (const route of routes.get(numero) ?? []) juries[route] = { active: true };

      const fiche: RegistryFiche = compact({
        numero,
        registry,
        idFiche: parseCount(idText) ?? at.fail('Id_Fiche', `identifiant « ${idText} ».`, numero),
        title: cell(row, 'Intitule') || at.fail('Intitule', 'valeur manquante.', numero),
        abbreviation: abbreviationCode
          ? { code: abbreviationCode, label: cell(row, 'Abrege_Intitule') }
          : undefined,
        active:
          actif === 'ACTIVE'
            ? true
            : actif === 'INACTIVE'
              ? false
              : at.fail('Actif', `valeur « ${actif} » au lieu de ACTIVE ou INACTIVE.`, numero),
        registrationType: cell(row, 'Type_Enregistrement') || undefined,
        decisionDate: date('Date_Decision'),
        effectDate: date('Date_Effet'),
        lastJoDate: date('Date_dernier_jo'),
        endDate: date('Date_Fin_Enregistrement'),
        level: level ?? undefined,
        certifiers: certifiers.get(numero) ?? [],
        partners: partners.get(numero) ?? [],
        juries,
        blocs: blocs.get(numero) ?? [],
        rome: rome.get(numero) ?? [],
        nsf: nsf.get(numero) ?? [],
        formacode: formacode.get(numero) ?? [],
        idcc: [],
        ccn: ccn.get(numero) ?? [],
        successors: [...(successors.get(numero) ?? [])],
        predecessors: [...(predecessors.get(numero) ?? [])],
        correspondences: [],
        statistics: [],
        texts: {},
      });
      await onFiche(fiche);
      fiches++;
      seen.add(registry);
      if (fiches % 100 === 0) onProgress?.({ bytes, fiches });
    });
    onProgress?.({ bytes, fiches });
    if (fiches === 0)
      throw new RegistryFileError('Fichier refusé : le fichier Standard ne contient aucune fiche.');
    const date = /(\d{4})_(\d{2})_(\d{2})\.csv$/.exec(files.standard.name);
    return { fiches, kind: kindOf(seen), version: date ? `csv-${date[1]}-${date[2]}-${date[3]}` : 'csv' };
  } finally {
    close();
  }
}

function pickFiles(entries: ZipEntry[]): Record<FileKind, ZipEntry> {
  const found: Partial<Record<FileKind, ZipEntry>> = {};
  for (const e of entries) {
    if (!e.key.endsWith('.csv')) continue;
    const kind = (Object.keys(FILES) as FileKind[]).find((k) => e.key.includes(FILES[k].match));
    if (!kind) continue;
    if (found[kind]) {
      throw new RegistryFileError(
        `Fichier refusé : l’archive contient deux fichiers ${FILES[kind].match.slice(5, -1)} (${found[kind].name}, ${e.name}).`,
      );
    }
    found[kind] = e;
  }
  const missing = (Object.keys(FILES) as FileKind[]).filter((k) => !found[k]);
  if (missing.length > 0) {
    throw new RegistryFileError(
      `Fichier refusé : ce n’est pas un export CSV complet de France compétences (fichiers manquants : ${missing
        .map((k) => FILES[k].match.slice(5, -1))
        .join(', ')}).`,
    );
  }
  return found as Record<FileKind, ZipEntry>;
}

async function readCsv(
  zip: ZipFile,
  file: ZipEntry,
  columns: readonly string[],
  counted: (stream: Readable) => Readable,
  onRow: (row: Row, at: Context) => void | Promise<void>,
) {
  const entry: Entry = file.entry;
  if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
    throw new RegistryFileError(
      `Fichier refusé : ${file.name} dépasse ${MAX_ENTRY_BYTES / 1024 / 1024} Mio.`,
      {
        file: file.name,
      },
    );
  }
  const input = counted(await openEntry(zip, entry));
  const parser = parse({
    delimiter: ';',
    bom: true,
    columns: (header: string[]) => {
      const missing = columns.filter((c) => !header.includes(c));
      if (missing.length > 0) {
        throw new RegistryFileError(
          `Fichier ${file.name} : colonnes manquantes (${missing.join(', ')}) dans l’en-tête.`,
          { file: file.name, line: 1 },
        );
      }
      return header;
    },
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const { record, info } of parser as unknown as AsyncIterable<{
      record: Row;
      info: { lines: number };
    }>) {
      await onRow(record, new Context(file.name, info.lines));
    }
  } catch (error) {
    if (error instanceof RegistryFileError) throw error;
    const line = parser.info.lines;
    const message = error instanceof Error ? error.message : String(error);
    throw new RegistryFileError(`Fichier ${file.name}, ligne ${line} : CSV illisible (${message}).`, {
      file: file.name,
      line,
    });
  } finally {
    input.destroy();
  }
}
