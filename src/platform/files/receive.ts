import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { fileTooLarge, fileTypeRefused, type PutOptions } from './file-store.js';
import {
  ALL_FILE_KINDS,
  FILE_KINDS,
  type FileKind,
  HEAD_BYTES,
  kindOfHead,
  officeKindOfEntries,
} from './file-types.js';

/** An office document lists no more entries than this (a zip with more is refused unread). */
const MAX_ZIP_ENTRIES = 10_000;
/** Temporary files older than this are a dead process's: removed by `removeLeftovers`. */
const LEFTOVER_MS = 24 * 3600 * 1000;

/** The OOXML kind of a zip on disk, from its central directory (nothing is inflated). */
async function officeKindOfZip(file: string): Promise<FileKind | undefined> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: false });
  } catch {
    return undefined;
  }
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) return undefined;
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) names.push(entry.fileName);
    return officeKindOfEntries(names);
  } catch {
    return undefined;
  } finally {
    if (zip.isOpen) zip.close();
  }
}

export async function removeQuietly(file: string) {
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** A received file, complete and checked, in a temporary file of its own. */
export type Received = {
  tmp: string;
  size: number;
  sha256: string;
  kind: FileKind;
  mediaType: string;
};

/**
 * Streams `source` into a new temporary file of `tmpDir`, checking its size as it comes and its
 * type from its bytes once complete, then hands it to `keep` (which moves or uploads it). The
 * temporary file is removed afterwards unless `keep` says it took it; on any failure (too large,
 * type refused, a source that breaks, `keep` failing) nothing is left. Shared by every store.
 */
export async function receiveChecked<T>(
  source: Readable | AsyncIterable<Uint8Array>,
  opts: { tmpDir: string; storeMaxBytes: number; options?: PutOptions },
  keep: (received: Received) => Promise<{ result: T; moved: boolean }>,
): Promise<T> {
  const maxBytes = Math.min(opts.options?.maxBytes ?? opts.storeMaxBytes, opts.storeMaxBytes);
  const accept = opts.options?.accept ?? ALL_FILE_KINDS;
  await mkdir(opts.tmpDir, { recursive: true });
  const tmp = path.join(opts.tmpDir, `${randomBytes(16).toString('hex')}.part`);
  const out = createWriteStream(tmp, { flags: 'wx' });
  const outError = new Promise<never>((_, reject) => out.once('error', reject));
  outError.catch(() => {});
  let moved = false;
  try {
    // Opened before anything can fail: a removal must never precede the file's creation.
    await Promise.race([once(out, 'open'), outError]);
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    for await (const chunk of source) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += bytes.length;
      if (size > maxBytes) throw fileTooLarge(maxBytes);
      if (headLength < HEAD_BYTES) {
        head.push(bytes.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(bytes.length, HEAD_BYTES - headLength);
      }
      hash.update(bytes);
      if (!out.write(bytes)) await Promise.race([once(out, 'drain'), outError]);
    }
    out.end();
    await Promise.race([once(out, 'close'), outError]);

    const byHead = kindOfHead(Buffer.concat(head));
    const kind = byHead === 'zip' ? await officeKindOfZip(tmp) : byHead;
    if (!kind || !accept.includes(kind)) throw fileTypeRefused(accept);

    const kept = await keep({
      tmp,
      size,
      sha256: hash.digest('hex'),
      kind,
      mediaType: FILE_KINDS[kind].mediaType,
    });
    moved = kept.moved;
    return kept.result;
  } finally {
    if (!moved) {
      if (!out.closed) {
        // Not events.once: the destroyed stream's pending write emits an error first.
        const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
        out.destroy();
        await closed;
      }
      await removeQuietly(tmp);
    }
  }
}

/** Deletes temporary files a dead process left in `tmpDir` (older than a day by default). */
export async function removeLeftoversIn(tmpDir: string, maxAgeMs = LEFTOVER_MS): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tmpDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(tmpDir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > maxAgeMs) {
      await removeQuietly(file);
      removed++;
    }
  }
  return removed;
}
