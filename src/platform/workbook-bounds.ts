import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { type FieldError, fieldError } from './problem.js';

/**
 * What an imported workbook may hold (a framework, a file of candidacies: a few hundred to a
 * few thousand rows). These bounds leave ample room while keeping a hostile file (a 1 MB zip
 * inflating to millions of rows) from costing more than a glance. Checked before any
 * spreadsheet parser runs; each import may pass tighter limits.
 */
export type WorkbookLimits = { entries: number; uncompressedBytes: number; rows: number; cells: number };

export const WORKBOOK_LIMITS: Readonly<WorkbookLimits> = {
  /** Parts in the zip (a workbook written by Excel or LibreOffice has ~15). */
  entries: 200,
  /** All parts, inflated. */
  uncompressedBytes: 20 * 1024 * 1024,
  /** Rows over every sheet. */
  rows: 10_000,
  /** Cells over every sheet. */
  cells: 200_000,
};

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
/** `<row …>` and `<c …>` elements, with or without a namespace prefix (`<x:row>`). */
const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
const CELL = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;
/** Longest element opening the patterns above must see whole across two chunks. */
const CARRY = 64;

const MiB = 1024 * 1024;
const fmt = (n: number) => n.toLocaleString('fr-FR');

/** A workbook refused, naming the file, sheet, row or column (answered 422). */
export class WorkbookError extends Error {
  constructor(readonly errors: FieldError[]) {
    super('unreadable workbook');
  }
}

export const refuseWorkbook = (detail: string) => new WorkbookError([fieldError(['file'], detail)]);
const refuse = refuseWorkbook;
export const UNREADABLE = 'Ce fichier n’est pas un classeur Excel (.xlsx) lisible.';
const unreadable = () => refuse(UNREADABLE);

/** Matches of `pattern` in `text` that start before `before`. */
function count(text: string, pattern: RegExp, before = text.length): number {
  pattern.lastIndex = 0;
  let n = 0;
  for (let m = pattern.exec(text); m && m.index < before; m = pattern.exec(text)) n++;
  return n;
}

/**
 * Refuses a workbook over WORKBOOK_LIMITS, reading the zip's central directory first (the
 * declared sizes: no inflating), then inflating every part as a stream — counting the rows
 * and cells of sheets — and stopping at the first bound crossed. yauzl checks that no part
 * inflates to more (or less) than its declared size, so a lying directory is refused too and
 * the spreadsheet parser that runs next inflates at most what was counted here. Asynchronous
 * all along: zlib inflates off the event loop and each chunk is scanned in microseconds.
 */
export async function checkWorkbookBounds(
  data: Buffer,
  limits: Readonly<WorkbookLimits> = WORKBOOK_LIMITS,
): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw unreadable();
  }
  try {
    if (zip.entryCount > limits.entries)
      throw refuse(`Le classeur contient ${fmt(zip.entryCount)} parties (au plus ${fmt(limits.entries)}).`);
    const parts: Entry[] = [];
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        declared += entry.uncompressedSize;
        parts.push(entry);
      }
    } catch {
      throw unreadable();
    }
    if (declared > limits.uncompressedBytes) {
      throw refuse(
        `Le classeur décompressé ferait ${fmt(Math.ceil(declared / MiB))} Mio (au plus ${fmt(limits.uncompressedBytes / MiB)} Mio).`,
      );
    }
    let rows = 0;
    let cells = 0;
    for (const entry of parts) {
      const sheet = SHEET_PART.test(entry.fileName);
      let stream: NodeJS.ReadableStream;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch {
        throw unreadable();
      }
      let tail = '';
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (!sheet) continue;
          // The patterns are ASCII: Latin-1 decodes any byte, without splitting characters.
          const text = tail + chunk.toString('latin1');
          // Elements starting in the last CARRY characters are counted with the next chunk,
          // where they are whole; those starting before are whole here.
          const cut = Math.max(0, text.length - CARRY);
          rows += count(text, ROW, cut);
          cells += count(text, CELL, cut);
          tail = text.slice(cut);
          if (rows > limits.rows)
            throw refuse(`Le classeur dépasse ${fmt(limits.rows)} lignes : importez un fichier plus court.`);
          if (cells > limits.cells)
            throw refuse(
              `Le classeur dépasse ${fmt(limits.cells)} cellules : importez un fichier plus court.`,
            );
        }
      } catch (error) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        if (error instanceof WorkbookError) throw error;
        // Inflating failed, or produced more than the part's declared size.
        throw unreadable();
      }
      rows += count(tail, ROW);
      cells += count(tail, CELL);
      if (rows > limits.rows || cells > limits.cells)
        throw refuse(`Le classeur dépasse ${fmt(limits.rows)} lignes ou ${fmt(limits.cells)} cellules.`);
    }
  } finally {
    if (zip.isOpen) zip.close();
  }
}
