import { decodePDFRawStream, PDFArray, PDFDocument, type PDFPage, PDFRawStream } from 'pdf-lib';

/**
 * Windows-1252 (WinAnsi) bytes as text. Not TextDecoder('windows-1252'): Node decodes
 * 0x80–0x9F as Latin-1 control characters, where WinAnsi has œ, ’, —, « … ».
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function winAnsi(bytes: Buffer): string {
  return [...bytes]
    .map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)))
    .join('');
}

/** The text a page shows: its content streams decoded, the strings of its text operators read as WinAnsi. */
export function pageText(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  return streams
    .map((s) => {
      if (!(s instanceof PDFRawStream)) return '';
      const ops = Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
      return [...ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)]
        .map((m) => winAnsi(Buffer.from(m[1] as string, 'hex')))
        .join('\n');
    })
    .join('\n');
}

/** A PDF read back: its pages' text. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map(pageText);
}
