import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import type { Database } from '../src/platform/db/schema.js';
import { adminQuery } from './admin-query.js';
import { prepareDemoSnapshot, wholeSuiteRun } from './demo-snapshot.js';

/**
 * The tests' PGlite databases start from one template: a database migrated to the latest
 * migration of the working tree, made once per `vitest run` (vitest.config.ts globalSetup) and
 * dumped to a file. An empty PGlite costs an initdb in WebAssembly (seconds on a busy machine)
 * plus every migration, for each of the suite's many databases; loading the dump costs about
 * one second. createTestDatabase still runs the migrator on it (nothing left to apply), and the
 * migrations themselves are still run from an empty database here, by the CLI tests and by the
 * tests that open a PGlite folder. On PostgreSQL (TEST_DATABASE_URL) the same idea takes the
 * server's own form: a migrated template database that `create database … template` copies.
 * Without a template (a test run outside vitest) a database is made from scratch. In watch
 * mode, restart vitest after changing a migration.
 */
const TEMPLATE_ENV = 'QUALIF_TEST_PGLITE_TEMPLATE';
const SERVER_TEMPLATE_ENV = 'QUALIF_TEST_SERVER_TEMPLATE';

/** vitest globalSetup: makes the template before any test file starts; on a server, its template database. */
export async function setup() {
  // Each vitest project calls its global setup, in the same process: the first one made it.
  if (process.env[TEMPLATE_ENV] || process.env[SERVER_TEMPLATE_ENV]) return;
  if (process.env.TEST_DATABASE_URL) return setupServerTemplate(process.env.TEST_DATABASE_URL);
  const file = path.join(tmpdir(), `qualif-pglite-template-${process.pid}-${Date.now()}.tar`);
  const client = new PGlite({ extensions: { unaccent, pg_trgm } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  try {
    await migrateToLatest(db);
    const dump = await client.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.destroy();
  }
  // The test files run in child processes started afterwards: they inherit it.
  process.env[TEMPLATE_ENV] = file;
  // The demo with its candidacies, seeded once for the browser tests (test/demo-snapshot.ts):
  // for the whole suite, at once in the background (the first test files started need no demo);
  // otherwise when a test file first asks for it.
  const removeSnapshot = prepareDemoSnapshot(file, wholeSuiteRun());
  return async () => {
    await removeSnapshot();
    rmSync(file, { force: true });
  };
}

/**
 * On a PostgreSQL server: one database migrated here, which each test database copies
 * (`create database … template …`, a file copy on the server) instead of running every
 * migration again.
 */
async function setupServerTemplate(serverUrl: string) {
  const name = `qualif_template_${process.pid}`;
  await adminQuery(serverUrl, `drop database if exists ${name}`);
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ engine: 'postgres', url: url.href, poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    // A template must have no open connection while it is copied.
    await handle.close();
  }
  process.env[SERVER_TEMPLATE_ENV] = name;
  return async () => {
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  };
}

/** The server template database's name, when this run made one. */
export function serverTemplate(): string | undefined {
  return process.env[SERVER_TEMPLATE_ENV];
}

let loaded: Blob | undefined;

/** The template's dump, when this run made one (read once per test process). */
export function pgliteTemplate(): Blob | undefined {
  const file = process.env[TEMPLATE_ENV];
  if (!file) return undefined;
  loaded ??= new Blob([readFileSync(file)]);
  return loaded;
}
