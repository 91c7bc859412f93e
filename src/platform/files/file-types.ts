/**
 * What a stored file is, from its own bytes (never from its name or the type a client claims):
 * PDF, PNG, JPEG, and office documents — OOXML (docx, xlsx, pptx) and OpenDocument (odt, ods,
 * odp), both zip containers. Legacy binary Office files (.doc, .xls: OLE2 containers, where
 * telling one from the other needs a parser) are not accepted. Pure code.
 */
export const FILE_KINDS = {
  pdf: { mediaType: 'application/pdf', label: 'PDF' },
  png: { mediaType: 'image/png', label: 'PNG' },
  jpeg: { mediaType: 'image/jpeg', label: 'JPEG' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (docx)',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel (xlsx)',
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint (pptx)',
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument texte (odt)' },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument tableur (ods)' },
  odp: {
    mediaType: 'application/vnd.oasis.opendocument.presentation',
    label: 'OpenDocument présentation (odp)',
  },
} as const;

export type FileKind = keyof typeof FILE_KINDS;
export const ALL_FILE_KINDS = Object.keys(FILE_KINDS) as FileKind[];

/** Bytes of the head the detection needs (an ODF's `mimetype` entry comes first). */
export const HEAD_BYTES = 512;

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

const ODF_BY_MIMETYPE: Record<string, FileKind> = {
  [FILE_KINDS.odt.mediaType]: 'odt',
  [FILE_KINDS.ods.mediaType]: 'ods',
  [FILE_KINDS.odp.mediaType]: 'odp',
};

/**
 * From the first bytes: a kind, `zip` (an OOXML document is told by its entries:
 * {@link officeKindOfEntries}) or undefined (not accepted). An OpenDocument file starts with
 * its uncompressed `mimetype` entry (ODF 1.2 part 3, § 3.3), read here.
 */
export function kindOfHead(head: Uint8Array): FileKind | 'zip' | undefined {
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (!startsWith(head, ZIP_LOCAL_HEADER) || head.length < 30) return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const method = view.getUint16(8, true);
  const size = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const name = Buffer.from(head.subarray(30, 30 + nameLength)).toString('latin1');
  const dataAt = 30 + nameLength + extraLength;
  if (name === 'mimetype' && method === 0 && size <= 100 && head.length >= dataAt + size) {
    const mimetype = Buffer.from(head.subarray(dataAt, dataAt + size)).toString('latin1');
    return ODF_BY_MIMETYPE[mimetype];
  }
  return 'zip';
}

/** An OOXML document from its zip entries' names (its main part), or undefined. */
export function officeKindOfEntries(names: readonly string[]): 'docx' | 'xlsx' | 'pptx' | undefined {
  const set = new Set(names);
  if (!set.has('[Content_Types].xml')) return undefined;
  if (set.has('word/document.xml')) return 'docx';
  if (set.has('xl/workbook.xml')) return 'xlsx';
  if (set.has('ppt/presentation.xml')) return 'pptx';
  return undefined;
}

/** « PDF, PNG, JPEG, Word (docx)… » for messages. */
export function kindsLabel(kinds: readonly FileKind[]): string {
  return kinds.map((k) => FILE_KINDS[k].label).join(', ');
}
