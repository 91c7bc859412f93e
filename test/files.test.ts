import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import S3rver from '@20minutes/s3rver';
import { ListObjectsCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { createDiskFileStore } from '../src/platform/files/disk.js';
import { FileNotFoundError, FileRejectedError, type FileStore } from '../src/platform/files/file-store.js';
import { type FileKind, kindOfHead, officeKindOfEntries } from '../src/platform/files/file-types.js';
import { createS3FileStore } from '../src/platform/files/s3.js';
import { factories, TEST_PASSWORD } from './factories.js';
import { storedZip } from './stored-zip.js';
import { createTestApp, freePort, signIn } from './support.js';

/**
 * The file stores (evidence files) and their type checks. The same contract runs on the disk
 * store, in a temporary folder, and on the S3 store against a real S3-protocol server over
 * loopback (s3rver, in this process: HTTP, signed requests checked, objects on its own disk),
 * then one evidence file goes through the HTTP API with FILE_STORE=s3.
 */
const work = mkdtempSync(path.join(tmpdir(), 'qualif-files-'));
const root = path.join(work, 'disk');
const BUCKET = 'qualif-evidence';
let s3server: S3rver | undefined;
let s3Env: Record<string, string>;

beforeAll(async () => {
  const port = await freePort();
  s3server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: path.join(work, 's3rver'),
    configureBuckets: [{ name: BUCKET }],
  });
  await s3server.run();
  s3Env = {
    FILE_STORE: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'eu-west-3',
    S3_BUCKET: BUCKET,
    // s3rver's built-in account: it checks every request's signature against this pair.
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  };
});
afterAll(async () => {
  lister?.destroy();
  await s3server?.close();
  rmSync(work, { recursive: true, force: true });
});

const MAX = 64 * 1024;

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

type Backend = {
  store: FileStore & { removeLeftovers(maxAgeMs?: number): Promise<number> };
  /** Its temporary folder (local, for both). */
  tmp: string;
  /** Everything it holds: files under its folder, objects in its bucket, temporary files. */
  everything(): Promise<string[]>;
};

const s3Tmp = path.join(work, 's3-tmp');
const backends: Record<'disk' | 's3', () => Backend> = {
  disk: () => {
    const store = createDiskFileStore({ root, maxBytes: MAX });
    return {
      store,
      tmp: path.join(root, 'tmp'),
      everything: async () => (existsSync(root) ? filesUnder(root) : []),
    };
  },
  s3: () => {
    const store = createS3FileStore({
      s3: {
        endpoint: s3Env.S3_ENDPOINT,
        region: 'eu-west-3',
        bucket: BUCKET,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        forcePathStyle: true,
      },
      tmpDir: s3Tmp,
      maxBytes: MAX,
    });
    return {
      store,
      tmp: s3Tmp,
      everything: async () => [...(await objectsIn()), ...(existsSync(s3Tmp) ? filesUnder(s3Tmp) : [])],
    };
  },
};

/**
 * The bucket's objects, listed by a client of the test's own. s3rver signs a bucket-level path
 * without its trailing slash, which the SDK sends (`/bucket/`): this client drops it before
 * signing. The stores only use object-level requests, which need no such help.
 */
let lister: S3Client | undefined;
async function objectsIn(): Promise<string[]> {
  if (!lister) {
    lister = new S3Client({
      region: 'eu-west-3',
      endpoint: s3Env.S3_ENDPOINT,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    lister.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as { path?: string };
        if (request.path === `/${BUCKET}/`) request.path = `/${BUCKET}`;
        return next(args);
      },
      { step: 'build' },
    );
  }
  const listed = await lister.send(new ListObjectsCommand({ Bucket: BUCKET }));
  return (listed.Contents ?? []).map((o) => `s3:${o.Key}`).sort();
}

describe.each(['disk', 's3'] as const)('%s file store', (backend) => {
  let store: Backend['store'];
  let tmp: string;
  let everything: () => Promise<string[]>;
  beforeAll(() => {
    ({ store, tmp, everything } = backends[backend]());
  });

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
    expect(existsSync(tmp) ? filesUnder(tmp) : []).toEqual([]);
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
    const before = await everything();
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
    expect(await everything()).toEqual(before);
    // A per-upload limit below the store's.
    const small = await store.put(chunks(SAMPLES.pdf), { maxBytes: 10 }).catch((e: unknown) => e);
    expect((small as FileRejectedError).reason).toBe('too_large');
    expect(await everything()).toEqual(before);
  });

  it('refuses a type not accepted, whatever it claims to be, and keeps nothing of it', async () => {
    const before = await everything();
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
    expect(await everything()).toEqual(before);
  });

  it('a source that fails midway (a client gone) leaves nothing behind', async () => {
    const before = await everything();
    const broken = Readable.from(
      (async function* () {
        yield SAMPLES.pdf;
        throw new Error('connection reset');
      })(),
    );
    await expect(store.put(broken)).rejects.toThrow('connection reset');
    expect(await everything()).toEqual(before);
  });

  it('only its own ids reach a path: anything else is not found, nothing outside is read or removed', async () => {
    const outside = path.join(work, `qualif-outside-${process.pid}`);
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
    mkdirSync(tmp, { recursive: true });
    const old = path.join(tmp, 'dead.part');
    const fresh = path.join(tmp, 'writing.part');
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

describe('FILE_STORE=s3', () => {
  it('is refused without a bucket, or with half a key pair, the secret never echoed', async () => {
    const { loadConfig, ConfigError } = await import('../src/app/config.js');
    const error = (() => {
      try {
        loadConfig({ FILE_STORE: 's3', S3_SECRET_ACCESS_KEY: 'tres-secret-é' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const text = String((error as Error).message);
    expect(text).toMatch(/S3_BUCKET: is required when FILE_STORE=s3/);
    expect(text).toMatch(/S3_ACCESS_KEY_ID: /);
    expect(text).not.toContain('tres-secret');
    // Accepted, the secret is in the config but not in its serialisation.
    const config = loadConfig({ ...s3Env });
    expect(config.fileStore).toMatchObject({ kind: 's3', bucket: BUCKET, forcePathStyle: true });
    expect(JSON.stringify(config)).not.toContain(`"secretAccessKey"`);
  });

  it('an evidence file with an accented name goes to the bucket through the API, is read back and removed with its evidence', async () => {
    const dataDir = path.join(work, 'app');
    const t = await createTestApp({ demo: false, env: { DATA_DIR: dataDir, ...s3Env } });
    try {
      const f = factories(t.services);
      const branch = await f.newBranch();
      const org = await f.newOrganisation('training_org');
      const employer = await f.newOrganisation('employer');
      const cert = await f.newEnrollableCertification([branch.id], [org.id]);
      const user = await f.newUser('training_org', { organisationId: org.id });
      const who = await signIn(t.app, user.email, TEST_PASSWORD);
      const { id } = await f.newCandidacy({
        certificationId: cert.id,
        trainingOrganisationId: org.id,
        employerId: employer.id,
        candidate: f.newCandidate({}),
      });
      await t.services.candidacies.transition(id, { event: 'start_positioning' }, SYSTEM_ADMIN, 'test');
      const headers = { cookie: who.cookie, 'x-csrf-token': who.csrf };
      const at = (rest: string) => `/api/v1/candidacies/${id}/positioning${rest}`;
      const before = await objectsIn();

      const name = 'Relevé d’activité — Œuvre n°2 (été).pdf';
      const up = await t.app.inject({
        method: 'POST',
        url: at('/evidence'),
        payload: SAMPLES.pdf,
        headers: { ...headers, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(name) },
      });
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json()).toMatchObject({
        fileName: name,
        size: SAMPLES.pdf.length,
        mediaType: 'application/pdf',
      });
      const row = await t.db
        .selectFrom('positioning_evidence')
        .select('file_id')
        .where('id', '=', up.json().id)
        .executeTakeFirstOrThrow();
      // In the bucket under its id, nothing kept on the local disk.
      const stored = await objectsIn();
      expect(stored).toEqual([...before, `s3:${row.file_id}`].sort());
      expect(existsSync(path.join(dataDir, 'files')) ? filesUnder(path.join(dataDir, 'files')) : []).toEqual(
        [],
      );

      const back = await t.app.inject({ method: 'GET', url: at(`/evidence/${up.json().id}`), headers });
      expect(back.statusCode).toBe(200);
      expect(back.headers['content-type']).toBe('application/pdf');
      expect(back.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
      expect(back.rawPayload.equals(SAMPLES.pdf)).toBe(true);

      const gone = await t.app.inject({ method: 'DELETE', url: at(`/evidence/${up.json().id}`), headers });
      expect(gone.statusCode, gone.body).toBe(200);
      expect(await objectsIn()).toEqual(before);
    } finally {
      await t.close();
    }
    // A whole app with its migrations, on two cores shared with other tests: generous.
  }, 240_000);
});
