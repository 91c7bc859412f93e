import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskFileStore } from '../src/platform/files/disk.js';
import { FileNotFoundError, FileRejectedError } from '../src/platform/files/file-store.js';
import { type FileKind, kindOfHead, officeKindOfEntries } from '../src/platform/files/file-types.js';
import { storedZip } from './stored-zip.js';

/** The disk file store (evidence files) in a temporary folder, and its type checks. */
const root = mkdtempSync(path.join(tmpdir(), 'qualif-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MAX = 64 * 1024;
const store = createDiskFileStore({ root, maxBytes: MAX });

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const odf = (mimetype: string) =>
  storedZip([
    { name: 'mimetype', data: mimetype },
    { name: 'content.xml', data: '<office:document-content/>' },
    { name: 'META-INF/manifest.xml', data: '<manifest:manifest/>' },
  ]);
const ooxml = (main: string) =>
  storedZip([
    { name: '_rels/.rels', data: '<Relationships/>' },
    { name: main, data: '<root/>' },
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
  ]);

const SAMPLES: Record<FileKind, Buffer> = {
  pdf: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 1)]),
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.alloc(40, 2),
    Buffer.from([0xff, 0xd9]),
  ]),
  docx: ooxml('word/document.xml'),
  xlsx: ooxml('xl/workbook.xml'),
  pptx: ooxml('ppt/presentation.xml'),
  odt: odf('application/vnd.oasis.opendocument.text'),
  ods: odf('application/vnd.oasis.opendocument.spreadsheet'),
  odp: odf('application/vnd.oasis.opendocument.presentation'),
};

/** A stream of `data` in chunks of `size` bytes. */
const chunks = (data: Buffer, size = 7) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
    })(),
  );

/** Everything under the store's folder (temporary files included). */
const filesUnder = (dir = root): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );

describe('file types from their bytes', () => {
  it('recognises each accepted kind from its head', () => {
    for (const [kind, bytes] of Object.entries(SAMPLES)) {
      const byHead = kindOfHead(bytes.subarray(0, 512));
      expect(byHead, kind).toBe(['docx', 'xlsx', 'pptx'].includes(kind) ? 'zip' : kind);
    }
  });

  it('refuses what is not accepted: text, HTML, an executable, GIF, a legacy OLE2 Office file, an unknown ODF, an empty file', () => {
    const refused = [
      Buffer.from('bonjour'),
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      Buffer.from([0x4d, 0x5a, 0x90, 0x00]),
      Buffer.from('GIF89a'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      Buffer.from('%PD'),
      Buffer.alloc(0),
    ];
    for (const bytes of refused) expect(kindOfHead(bytes)).toBeUndefined();
    expect(kindOfHead(odf('application/vnd.oasis.opendocument.graphics'))).toBeUndefined();
  });

  it('tells OOXML documents by their main part, with their content types', () => {
    expect(officeKindOfEntries(['[Content_Types].xml', 'word/document.xml'])).toBe('docx');
    expect(officeKindOfEntries(['xl/workbook.xml', '[Content_Types].xml'])).toBe('xlsx');
    expect(officeKindOfEntries(['[Content_Types].xml', 'ppt/presentation.xml'])).toBe('pptx');
    expect(officeKindOfEntries(['word/document.xml'])).toBeUndefined();
    expect(officeKindOfEntries(['[Content_Types].xml', 'evil/payload.exe'])).toBeUndefined();
    expect(officeKindOfEntries([])).toBeUndefined();
  });
});

describe('disk file store', () => {
  it('stores each accepted kind under an id of its own, with size, SHA-256 and media type, and reads it back', async () => {
    for (const [kind, bytes] of Object.entries(SAMPLES)) {
      const stored = await store.put(chunks(bytes));
      expect(stored.kind, kind).toBe(kind);
      expect(stored.id).toMatch(/^[0-9a-f]{32}$/);
      expect(stored.size).toBe(bytes.length);
      expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const { stream, size } = await store.get(stored.id);
      expect(size).toBe(bytes.length);
      const back: Buffer[] = [];
      for await (const c of stream) back.push(c as Buffer);
      expect(Buffer.concat(back).equals(bytes)).toBe(true);
    }
    expect(filesUnder().filter((f) => f.startsWith(path.join(root, 'tmp')))).toEqual([]);
  });

  it('the same content twice is two files (erasing one person’s copy never removes another’s)', async () => {
    const a = await store.put(chunks(SAMPLES.pdf));
    const b = await store.put(chunks(SAMPLES.pdf));
    expect(a.id).not.toBe(b.id);
    await store.delete(a.id);
    await expect(store.get(a.id)).rejects.toBeInstanceOf(FileNotFoundError);
    expect((await store.get(b.id)).size).toBe(SAMPLES.pdf.length);
    await store.delete(a.id); // already gone: no error
  });

  it('refuses a file over the limit while it streams in, and keeps nothing of it', async () => {
    const before = filesUnder();
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 4096;
        this.push(
          produced === 4096
            ? Buffer.concat([SAMPLES.pdf, Buffer.alloc(4096 - SAMPLES.pdf.length)])
            : Buffer.alloc(4096),
        );
      },
    });
    const error = await store.put(endless).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as FileRejectedError).reason).toBe('too_large');
    expect((error as FileRejectedError).detail).toBe('Le fichier dépasse la taille maximale (0,1 Mo).');
    // It stopped reading soon after the limit, not at the end of an endless stream.
    expect(produced).toBeLessThan(MAX + 64 * 1024);
    expect(endless.destroyed).toBe(true);
    expect(filesUnder()).toEqual(before);
    // A per-upload limit below the store's.
    const small = await store.put(chunks(SAMPLES.pdf), { maxBytes: 10 }).catch((e: unknown) => e);
    expect((small as FileRejectedError).reason).toBe('too_large');
    expect(filesUnder()).toEqual(before);
  });

  it('refuses a type not accepted, whatever it claims to be, and keeps nothing of it', async () => {
    const before = filesUnder();
    const fakes = [
      Buffer.from('<html>not a pdf</html>'),
      storedZip([{ name: 'readme.txt', data: 'a zip, not a document' }]),
      storedZip([{ name: 'word/document.xml', data: '<w/>' }]),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), // a broken zip
    ];
    for (const bytes of fakes) {
      const error = await store.put(chunks(bytes)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileRejectedError);
      expect((error as FileRejectedError).reason).toBe('type');
      expect((error as FileRejectedError).detail).toMatch(
        /^Type de fichier non accepté\. Types acceptés : PDF, PNG, JPEG/,
      );
    }
    const onlyImages = await store
      .put(chunks(SAMPLES.pdf), { accept: ['png', 'jpeg'] })
      .catch((e: unknown) => e);
    expect((onlyImages as FileRejectedError).detail).toBe(
      'Type de fichier non accepté. Types acceptés : PNG, JPEG.',
    );
    expect(filesUnder()).toEqual(before);
  });

  it('a source that fails midway (a client gone) leaves nothing behind', async () => {
    const before = filesUnder();
    const broken = Readable.from(
      (async function* () {
        yield SAMPLES.pdf;
        throw new Error('connection reset');
      })(),
    );
    await expect(store.put(broken)).rejects.toThrow('connection reset');
    expect(filesUnder()).toEqual(before);
  });

  it('only its own ids reach a path: anything else is not found, nothing outside is read or removed', async () => {
    const outside = path.join(root, '..', `qualif-outside-${process.pid}`);
    for (const id of [
      '../../etc/passwd',
      '',
      'ABCDEF0123456789ABCDEF0123456789',
      `${'a'.repeat(32)}/..`,
      outside,
    ]) {
      await expect(store.get(id)).rejects.toBeInstanceOf(FileNotFoundError);
      await store.delete(id);
    }
    await expect(store.get('0'.repeat(32))).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('removes temporary files a dead process left, and only old ones', async () => {
    mkdirSync(path.join(root, 'tmp'), { recursive: true });
    const old = path.join(root, 'tmp', 'dead.part');
    const fresh = path.join(root, 'tmp', 'writing.part');
    writeFileSync(old, 'half');
    writeFileSync(fresh, 'half');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    expect(await store.removeLeftovers()).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    rmSync(fresh);
  });
});
