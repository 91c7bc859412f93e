import { open } from 'node:fs/promises';
import { RegistryFileError } from './errors.js';
import { openZip } from './zip.js';

/**
 * - `xml`: the XML flux itself (`export_fiches_RNCP_V4_1_….xml`) → parseRegistryXml;
 * - `xml-zip`: the official XML download, a zip with one .xml → parseRegistryXmlZip;
 * - `csv-zip`: the CSV export (`export-fiches-csv-….zip`) → parseRegistryCsvZip.
 */
export type RegistryFileType = 'xml' | 'xml-zip' | 'csv-zip';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UNRECOGNISED =
  'Fichier refusé : format non reconnu. Attendu l’export XML des fiches RNCP/RS (élément FICHES) ou l’archive zip CSV de France compétences.';

/** Tells the kind of export by its first bytes (and, for a zip, by its entry names). */
export async function detectRegistryFile(path: string): Promise<RegistryFileType> {
  const head = Buffer.alloc(1024);
  let length: number;
  const handle = await open(path, 'r');
  try {
    ({ bytesRead: length } = await handle.read(head, 0, head.length, 0));
  } finally {
    await handle.close();
  }
  const bytes = head.subarray(0, length);

  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    const { entries, close } = await openZip(path);
    close();
    const keys = entries.map((e) => e.key);
    if (keys.some((k) => k.endsWith('.csv') && k.includes('_csv_standard_'))) return 'csv-zip';
    if (keys.filter((k) => k.endsWith('.xml')).length === 1) return 'xml-zip';
    throw new RegistryFileError(UNRECOGNISED);
  }

  if (bytes[0] === 0xff || bytes[0] === 0xfe || (bytes[0] === 0 && bytes[1] === 0x3c)) {
    throw new RegistryFileError('Fichier refusé : encodage UTF-16 non pris en charge (UTF-8 attendu).');
  }
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<?xml') || text.startsWith('<FICHES')) return 'xml';
  throw new RegistryFileError(UNRECOGNISED);
}
