import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import type { Database } from '../src/platform/db/schema.js';

/**
 * The tests' PGlite databases start from one template: a database migrated to the latest
 * migration of the working tree, made once per `vitest run` (vitest.config.ts globalSetup) and
 * dumped to a file. An empty PGlite costs an initdb in WebAssembly (seconds on a busy machine)
 * plus every migration, for each of the suite's many databases; loading the dump costs about
 * one second. createTestDatabase still runs the migrator on it (nothing left to apply), and the
 * migrations themselves are still run from an empty database here, by the CLI tests and by the
 * tests that open a PGlite folder. Without the template (a test run outside vitest, or on
 * PostgreSQL with TEST_DATABASE_URL) a database is made from scratch as before. In watch mode,
 * restart vitest after changing a migration.
 */
const TEMPLATE_ENV = 'QUALIF_TEST_PGLITE_TEMPLATE';

/** vitest globalSetup: makes the template (not for PostgreSQL runs) before any test file starts. */
export async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
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
  return () => rmSync(file, { force: true });
}

let loaded: Blob | undefined;

/** The template's dump, when this run made one (read once per test process). */
export function pgliteTemplate(): Blob | undefined {
  const file = process.env[TEMPLATE_ENV];
  if (!file) return undefined;
  loaded ??= new Blob([readFileSync(file)]);
  return loaded;
}
