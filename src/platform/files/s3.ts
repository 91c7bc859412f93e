import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  FILE_ID,
  FileNotFoundError,
  type FileStore,
  type PutOptions,
  type StoredFile,
} from './file-store.js';
import { receiveChecked, removeLeftoversIn } from './receive.js';

export type S3Settings = {
  /** e.g. `https://s3.fr-par.scw.cloud`; unset: AWS's own endpoint for the region. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  /** Unset: the SDK's default chain (AWS_* variables, instance or pod role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `bucket` in the path rather than the host name (most self-hosted servers want it). */
  forcePathStyle: boolean;
};

/**
 * Files in an S3-compatible bucket, under the key `<id>`. An upload is received and checked in
 * a local temporary file (`tmpDir`, as on disk: size while it streams, type from its bytes),
 * then sent with one PutObject of known length: the object exists whole or not at all.
 * Checksums are sent only when an operation requires them, as many S3-compatible servers do
 * not accept the SDK's newer default ones (docs/deploy.md).
 */
export function createS3FileStore(opts: { s3: S3Settings; tmpDir: string; maxBytes: number }): FileStore & {
  removeLeftovers(maxAgeMs?: number): Promise<number>;
  client: S3Client;
} {
  const { bucket } = opts.s3;
  const client = new S3Client({
    region: opts.s3.region,
    forcePathStyle: opts.s3.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(opts.s3.endpoint ? { endpoint: opts.s3.endpoint } : {}),
    // Read field by field: the secret is not enumerable in the config (never serialised).
    ...(opts.s3.credentials
      ? {
          credentials: {
            accessKeyId: opts.s3.credentials.accessKeyId,
            secretAccessKey: opts.s3.credentials.secretAccessKey,
          },
        }
      : {}),
  });

  function put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<StoredFile> {
    return receiveChecked(
      source,
      { tmpDir: opts.tmpDir, storeMaxBytes: opts.maxBytes, options },
      async ({ tmp, size, sha256, kind, mediaType }) => {
        const id = randomBytes(16).toString('hex');
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: id,
            Body: createReadStream(tmp),
            ContentLength: size,
            ContentType: mediaType,
          }),
        );
        // The temporary file is removed by receiveChecked: the bucket holds the file now.
        return { result: { id, size, sha256, kind, mediaType }, moved: false };
      },
    );
  }

  const notFound = (error: unknown) =>
    error instanceof Error &&
    (error.name === 'NoSuchKey' ||
      error.name === 'NotFound' ||
      (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404);

  async function get(id: string) {
    if (!FILE_ID.test(id)) throw new FileNotFoundError();
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: id }));
      return { stream: answer.Body as Readable, size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (notFound(error)) throw new FileNotFoundError();
      throw error;
    }
  }

  async function remove(id: string) {
    if (!FILE_ID.test(id)) return;
    // S3 answers 204 whether or not the key existed.
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: id }));
  }

  return {
    put,
    get,
    delete: remove,
    maxBytes: opts.maxBytes,
    removeLeftovers: (maxAgeMs?: number) => removeLeftoversIn(opts.tmpDir, maxAgeMs),
    client,
  };
}
