import type { Readable } from 'node:stream';
import { ALL_FILE_KINDS, type FileKind, kindsLabel } from './file-types.js';

/**
 * Where uploaded files (evidence for positioning, later jury documents) are kept. The store
 * names each file itself (a random id), never after anything a client sent, checks its size
 * while it streams in and its type from its own bytes, and leaves nothing behind when a write
 * fails. Records in the database hold the id, the size, the SHA-256 and the media type.
 *
 * Implementations, chosen by FILE_STORE: on disk under DATA_DIR/files (disk.ts), or in an
 * S3-compatible bucket (s3.ts); both receive and check uploads the same way (receive.ts).
 */
export type StoredFile = {
  /** 32 hexadecimal characters, chosen by the store. */
  id: string;
  size: number;
  /** Hex SHA-256 of the content, for integrity checks and exports. */
  sha256: string;
  kind: FileKind;
  mediaType: string;
};

export type PutOptions = {
  /** Kinds accepted (default: all of FILE_KINDS). */
  accept?: readonly FileKind[];
  /** Below the store's own limit, for a smaller one on some upload. */
  maxBytes?: number;
};

export interface FileStore {
  /** Streams `source` in; rejects with FileRejectedError (too large, type) and keeps nothing. */
  put(source: Readable | AsyncIterable<Uint8Array>, options?: PutOptions): Promise<StoredFile>;
  /** The content; FileNotFoundError for an unknown (or malformed) id. */
  get(id: string): Promise<{ stream: Readable; size: number }>;
  /** Removes a file (erasure); no-op when it is not there. */
  delete(id: string): Promise<void>;
  /** The store's size limit in bytes. */
  readonly maxBytes: number;
}

export class FileRejectedError extends Error {
  override name = 'FileRejectedError';
  constructor(
    readonly reason: 'too_large' | 'type',
    /** French, for the person who sent the file (no file name, no content). */
    readonly detail: string,
  ) {
    super(detail);
  }
}

export class FileNotFoundError extends Error {
  override name = 'FileNotFoundError';
  constructor() {
    super('Fichier introuvable.');
  }
}

const mebibytes = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} Mo`.replace('.', ',');

export const fileTooLarge = (maxBytes: number) =>
  new FileRejectedError('too_large', `Le fichier dépasse la taille maximale (${mebibytes(maxBytes)}).`);

export const fileTypeRefused = (accept: readonly FileKind[] = ALL_FILE_KINDS) =>
  new FileRejectedError('type', `Type de fichier non accepté. Types acceptés : ${kindsLabel(accept)}.`);

/** Ids the store makes: anything else is refused before it reaches a path. */
export const FILE_ID = /^[0-9a-f]{32}$/;
