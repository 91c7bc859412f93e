import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  FILE_ID,
  FileNotFoundError,
  type FileStore,
  type PutOptions,
  type StoredFile,
} from './file-store.js';
import { receiveChecked, removeLeftoversIn, removeQuietly } from './receive.js';

/**
 * Files on disk: `root/<id[0..2]>/<id>`, written first to `root/tmp/` and moved into place
 * once complete and checked (a rename in one file system: a reader never sees half a file).
 */
export function createDiskFileStore(opts: { root: string; maxBytes: number }): FileStore & {
  removeLeftovers(maxAgeMs?: number): Promise<number>;
} {
  const root = path.resolve(opts.root);
  const tmpDir = path.join(root, 'tmp');
  const fileOf = (id: string) => path.join(root, id.slice(0, 2), id);

  function put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<StoredFile> {
    return receiveChecked(
      source,
      { tmpDir, storeMaxBytes: opts.maxBytes, options },
      async ({ tmp, size, sha256, kind, mediaType }) => {
        const id = randomBytes(16).toString('hex');
        await mkdir(path.dirname(fileOf(id)), { recursive: true });
        await rename(tmp, fileOf(id));
        return { result: { id, size, sha256, kind, mediaType }, moved: true };
      },
    );
  }

  async function get(id: string) {
    if (!FILE_ID.test(id)) throw new FileNotFoundError();
    try {
      const { size } = await stat(fileOf(id));
      return { stream: createReadStream(fileOf(id)), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError();
      throw error;
    }
  }

  async function remove(id: string) {
    if (!FILE_ID.test(id)) return;
    await removeQuietly(fileOf(id));
  }

  return {
    put,
    get,
    delete: remove,
    maxBytes: opts.maxBytes,
    removeLeftovers: (maxAgeMs?: number) => removeLeftoversIn(tmpDir, maxAgeMs),
  };
}
