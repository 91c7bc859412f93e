import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type Services } from '../src/app/app.js';
import type { Config } from '../src/app/config.js';
import { seedDemo } from '../src/app/demo.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createHttpServer, type HttpServer } from '../src/platform/http/server.js';
import { adminQuery } from './admin-query.js';
import { demoSnapshot } from './demo-snapshot.js';
import { pgliteTemplate, serverTemplate } from './pglite-template.js';
import { testConfig } from './test-config.js';

export { testConfig };

/**
 * Test databases: an in-memory PGlite by default; with TEST_DATABASE_URL, a fresh database
 * created on that server for each caller and dropped at the end.
 */
export async function createTestDatabase(
  /** PGlite only: start from this dump instead of the run's migrated template. */
  from?: Blob,
): Promise<DatabaseHandle & { url: string | undefined }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // From the run's migrated template when there is one (test/pglite-template.ts).
    const handle = await openDatabase({
      engine: 'pglite',
      dataDir: undefined,
      loadDataDir: from ?? pgliteTemplate(),
    });
    await migrateToLatest(handle.db);
    return { ...handle, url: undefined };
  }
  const name = `qualif_test_${randomBytes(6).toString('hex')}`;
  // From the run's migrated template database when there is one (test/pglite-template.ts).
  const template = serverTemplate();
  await adminQuery(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ engine: 'postgres', url: url.href, poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.href,
    close: async () => {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

export type TestApp = {
  app: HttpServer;
  services: Services;
  db: DatabaseHandle['db'];
  config: Config;
  close(): Promise<void>;
};

/**
 * The app on a fresh test database. Integration tests pass `demo: false` and build their data
 * with test/factories.ts; the demo seed (the default) is for test/demo.test.ts. The demo's
 * candidacies take seconds to seed (every step, through the services): only with
 * `demo: 'with-candidacies'` (test/demo.test.ts, the browser tests), as `npm start` does;
 * their evidence files then go to a temporary DATA_DIR (unless one is given), removed at close.
 * On PGlite that demo comes from the run's snapshot (test/demo-snapshot.ts), seeded once;
 * `freshDemo: true` seeds it here instead (test/demo.test.ts).
 */
export async function createTestApp(
  opts: { env?: Record<string, string>; demo?: boolean | 'with-candidacies'; freshDemo?: boolean } = {},
): Promise<TestApp> {
  const withCandidacies = opts.demo === 'with-candidacies';
  const snapshot =
    withCandidacies && !opts.freshDemo && !opts.env?.DATA_DIR ? await demoSnapshot() : undefined;
  const handle = await createTestDatabase(snapshot?.database);
  const dataDir =
    withCandidacies && !opts.env?.DATA_DIR ? await mkdtemp(path.join(tmpdir(), 'qualif-demo-')) : undefined;
  if (snapshot && dataDir) await cp(snapshot.dataDir, dataDir, { recursive: true });
  const config = testConfig({ ...opts.env, ...(dataDir ? { DATA_DIR: dataDir } : {}) });
  const { app, services } = await createApp(config, handle);
  if (opts.demo !== false && !snapshot)
    await seedDemo(services, config.env, { candidacies: withCandidacies });
  return {
    app,
    services,
    db: handle.db,
    config,
    close: async () => {
      await app.close();
      await handle.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Signed = { cookie: string; csrf: string; body: Record<string, unknown> };

/** Signs in through the API and returns what a browser would keep. */
export async function signIn(app: HttpServer, email: string, password = 'qualif-demo'): Promise<Signed> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} → ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'qualif_session');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json();
  return { cookie: `qualif_session=${cookie.value}`, csrf: body.csrfToken, body };
}

/** A port free on 127.0.0.1 right now, for servers whose public URL must be known in advance. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The HTTP server alone, without modules or database: for tests of its own rules on one route. */
export function bareHttpServer() {
  return createHttpServer({
    logLevel: 'silent',
    bodyLimitBytes: 1024 * 1024,
    trustProxy: false,
    publicUrl: 'http://localhost:3000',
    webDir: undefined,
    resolveSession: async () => null,
    version: 'test',
  });
}
