import { PDFDocument, type PDFFont, type PDFPage, rgb, type SaveOptions, StandardFonts } from 'pdf-lib';
import { today } from '../contracts/dates.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

/**
 * Text the standard font can draw. pdf-lib's standard fonts encode WinAnsi (Windows-1252),
 * which holds French entirely (é, è, à, ç, œ, ’, « », …); anything else is spaced (narrow
 * no-break spaces), unhyphenated, stripped of its accents (a Polish ł stays ?) — a name in
 * another script is the known limit (ADR 0005).
 */
export function winAnsiText(text: string, supported: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (supported.has(cp)) out += ch;
    else if (/\s/u.test(ch)) out += ' ';
    else if (/[\u2010-\u2012]/u.test(ch)) out += '-';
    else {
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...bare].every((c) => supported.has(c.codePointAt(0) as number)) && bare ? bare : '?';
    }
  }
  return out;
}

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** A calendar date as French writes it: « 1er mars 2027 », « 4 janvier 2027 ». */
export function frenchDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return longDate
    .formatToParts(date)
    .map((p) => (p.type === 'day' && Number(p.value) === 1 ? '1er' : p.value))
    .join('');
}
/** The Paris day of a timestamp, in French (« 2 décembre 2026 » for 2026-12-01T23:30Z). */
export const dayOf = (timestamp: string) => frenchDate(today(new Date(timestamp)));

export type WriteOptions = {
  size?: number;
  bold?: boolean;
  indent?: number;
  muted?: boolean;
  gap?: number;
  /** Centred lines (title pages: the certificate); left by default. */
  center?: boolean;
  /** Width left free at the right of the text (e.g. beside a QR code), in points. */
  right?: number;
};

/**
 * The house layout of Qualif's PDFs (pathway summary, jury minutes, certificates): A4, Helvetica, text flowing
 * from page to page, words wrapped to the width, every string made drawable by WinAnsi
 * (`winAnsiText`), a footer on every page once the text is laid out.
 */
export async function pdfLayout(meta: { title: string }) {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const safe = (s: string) => winAnsiText(s, supported);
  doc.setTitle(safe(meta.title));
  doc.setLanguage('fr-FR');
  doc.setCreator('Qualif');
  doc.setProducer('Qualif (pdf-lib)');

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;

  function lines(text: string, font: PDFFont, size: number, indent: number, right = 0): string[] {
    const out: string[] = [];
    for (const paragraph of safe(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const next = line ? `${line} ${word}` : word;
        if (!line || font.widthOfTextAtSize(next, size) <= width - indent - right) line = next;
        else {
          out.push(line);
          line = word;
        }
      }
      out.push(line);
    }
    return out;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  function keep(height: number) {
    if (y - height < MARGIN) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  }
  function write(text: string, opts: WriteOptions = {}) {
    const size = opts.size ?? 10;
    const font = opts.bold ? bold : regular;
    const indent = opts.indent ?? 0;
    const right = opts.right ?? 0;
    for (const line of lines(text, font, size, indent, right)) {
      keep(size);
      y -= size * 1.35;
      const x = opts.center
        ? MARGIN + indent + (width - indent - right - font.widthOfTextAtSize(line, size)) / 2
        : MARGIN + indent;
      page.drawText(line, { x, y, size, font, color: opts.muted ? MUTED : INK });
    }
    y -= opts.gap ?? 2;
  }
  function heading(text: string) {
    y -= 8;
    keep(40);
    write(text, { size: 13, bold: true, gap: 4 });
  }

  return {
    doc,
    safe,
    fonts: { regular, bold },
    /** The page being written, the cursor's height on it, and the text box's left edge and width. */
    page: () => page,
    y: () => y,
    box: { left: MARGIN, width, top: A4[1] - MARGIN },
    keep,
    write,
    heading,
    space(points: number) {
      y -= points;
    },
    /** Draws `footer(page, pages)` at the foot of every page and returns the file. */
    async save(footer: (index: number, count: number) => string, options?: SaveOptions): Promise<Uint8Array> {
      const pages = doc.getPages();
      pages.forEach((p, i) => {
        p.drawText(safe(footer(i + 1, pages.length)), {
          x: MARGIN,
          y: MARGIN / 2,
          size: 8,
          font: regular,
          color: MUTED,
        });
      });
      return doc.save(options);
    },
  };
}
