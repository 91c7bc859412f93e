import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { checkWorkbookBounds, WorkbookError } from '../../platform/workbook-bounds.js';
import { runInWorker, siblingWorker, WorkerLimitError } from '../../platform/worker.js';

/**
 * The bulk enrolment's file: an xlsx workbook (its first sheet) or a CSV (`;` or `,`, UTF-8
 * with or without BOM), told apart by its bytes. Read into rows of text cells numbered as the
 * spreadsheet numbers them (the header is row 1). Bounded: the body's size is limited by the
 * route, a workbook is checked (zip parts, inflated size, rows, cells) before exceljs reads it
 * in a worker thread with a memory cap and a deadline, and both formats stop past IMPORT_LIMITS.rows.
 */
export const IMPORT_LIMITS = {
  /** The file's size, in bytes. */
  bytes: 5 * 1024 * 1024,
  /** Data rows (the header not counted). */
  rows: 10_000,
  /** Columns read per row. */
  columns: 40,
} as const;

export type SheetRow = { row: number; cells: string[] };
export type Sheet = { format: 'xlsx' | 'csv'; header: string[]; rows: SheetRow[] };

/** A file refused as a whole (answered 422 on the file). */
export class ImportFileError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

const fmt = (n: number) => n.toLocaleString('fr-FR');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export const isXlsx = (data: Buffer) => data.subarray(0, 4).equals(ZIP_MAGIC);

export async function readImportFile(data: Buffer): Promise<Sheet> {
  const table = isXlsx(data) ? await readXlsx(data) : readCsv(data);
  const [head, ...rest] = table;
  if (!head || head.cells.every((c) => c === ''))
    throw new ImportFileError('Le fichier est vide : la première ligne doit nommer les colonnes.');
  const rows = rest.filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length > IMPORT_LIMITS.rows)
    throw new ImportFileError(
      `Le fichier dépasse ${fmt(IMPORT_LIMITS.rows)} lignes : importez-le en plusieurs fois.`,
    );
  return { format: isXlsx(data) ? 'xlsx' : 'csv', header: head.cells, rows };
}

function readCsv(data: Buffer): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw new ImportFileError('Le fichier n’est ni un classeur xlsx ni un CSV en UTF-8.');
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      // Reading stops well past the limit: enough to tell it was crossed, blank lines aside.
      to: IMPORT_LIMITS.rows * 2,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportFileError(
      `Le CSV ne peut pas être lu${line ? ` (vers la ligne ${line})` : ''} : vérifiez les guillemets et le séparateur (« ; » ou « , »).`,
    );
  }
  return records.map((cells, i) => ({ row: i + 1, cells: cells.slice(0, IMPORT_LIMITS.columns) }));
}

/** The workbook's first sheet, read in a worker once its bounds are checked. */
async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  try {
    await checkWorkbookBounds(data, {
      entries: 200,
      uncompressedBytes: 60 * 1024 * 1024,
      rows: IMPORT_LIMITS.rows + 1,
      cells: (IMPORT_LIMITS.rows + 1) * IMPORT_LIMITS.columns,
    });
  } catch (error) {
    if (error instanceof WorkbookError)
      throw new ImportFileError(error.errors.map((e) => e.detail).join(' '));
    throw error;
  }
  const answer = await runInWorker<SheetRow[] | { error: string }>(
    siblingWorker(import.meta.url, 'import-file.worker'),
    new Uint8Array(data),
    { timeoutMs: 60_000, maxOldGenerationSizeMb: 512 },
  ).catch((error: unknown) => {
    if (error instanceof WorkerLimitError)
      throw new ImportFileError(
        error.limit === 'time'
          ? 'Le classeur est trop long à lire.'
          : 'Le classeur demande trop de mémoire pour être lu.',
      );
    throw error;
  });
  if ('error' in answer) throw new ImportFileError(answer.error);
  return answer;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  }
  return String(value);
}

/** In the worker: the first sheet's rows as trimmed text (dates as AAAA-MM-JJ). */
export async function readFirstSheet(data: Buffer): Promise<SheetRow[] | { error: string }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { error: 'Ce fichier n’est pas un classeur Excel (.xlsx) lisible.' };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { error: 'Le classeur n’a aucune feuille.' };
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let i = 1; i <= Math.min(row.cellCount, IMPORT_LIMITS.columns); i++)
      cells.push(cellText(row.getCell(i).value).trim());
    rows.push({ row: n, cells });
  });
  return rows;
}

/** The template: the header and one example row, in a workbook. */
export async function templateXlsx(header: readonly string[], example: readonly string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qualif';
  const ws = wb.addWorksheet('Inscriptions');
  ws.addRow([...header]).font = { bold: true };
  // Text cells: codes keep their leading zeros, dates stay as typed.
  ws.addRow([...example]);
  ws.columns.forEach((c) => {
    c.width = 20;
    c.numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
