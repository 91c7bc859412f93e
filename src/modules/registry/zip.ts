import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { RegistryFileError } from './errors.js';

export type ZipEntry = {
  entry: Entry;
  /** The name as written (UTF-8 when it decodes as such, CP437 otherwise), NFC. */
  name: string;
  /** The name lower-cased without diacritics, for matching: `blocs_de_competences`. */
  key: string;
};

export type OpenZip = { zip: ZipFile; entries: ZipEntry[]; close: () => void };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Entry names: France compétences' zips do not set the UTF-8 flag, yet write UTF-8 names
 * (`Blocs_De_Compétences`), and a copy re-zipped on macOS has them decomposed (NFD: `e` +
 * U+0301). yauzl would read them as CP437, so decode the raw bytes ourselves.
 */
function entryName(entry: Entry): string {
  try {
    return utf8.decode(entry.fileNameRaw).normalize('NFC');
  } catch {
    return String(entry.fileName).normalize('NFC');
  }
}

export const matchKey = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const unreadable = (error: unknown) =>
  new RegistryFileError(
    `Fichier refusé : archive zip illisible (${error instanceof Error ? error.message : String(error)}).`,
  );

/** Opens a zip and lists its file entries (directories left out); `close` when done. */
export async function openZip(path: string): Promise<OpenZip> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: false });
  } catch (error) {
    throw unreadable(error);
  }
  const close = () => {
    if (zip.isOpen) zip.close();
  };
  try {
    const entries: ZipEntry[] = [];
    for await (const entry of zip.eachEntry()) {
      const name = entryName(entry);
      if (name.endsWith('/')) continue;
      entries.push({ entry, name, key: matchKey(name) });
    }
    return { zip, entries, close };
  } catch (error) {
    close();
    throw unreadable(error);
  }
}

export async function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw unreadable(error);
  }
}

/** The official XML export: a zip holding exactly one .xml file. */
export async function openSingleXmlEntry(path: string): Promise<{ stream: Readable; close: () => void }> {
  const { zip, entries, close } = await openZip(path);
  const xml = entries.filter((e) => e.key.endsWith('.xml'));
  if (xml.length !== 1 || !xml[0]) {
    close();
    throw new RegistryFileError(
      `Fichier refusé : l’archive doit contenir un seul fichier .xml (elle en contient ${xml.length}).`,
    );
  }
  try {
    return { stream: await openEntry(zip, xml[0].entry), close };
  } catch (error) {
    close();
    throw error;
  }
}
