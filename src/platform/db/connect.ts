import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  /** `pglite` for the embedded engine, `postgres` for a real server. */
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the whole database as one archive, which `loadDataDir` opens again. */
  dumpDataDir?: () => Promise<Blob>;
};

export type DatabaseTarget =
  | { engine: 'postgres'; url: string; poolSize?: number }
  /**
   * dataDir undefined = in memory (tests); loadDataDir: start from a dump of a data folder
   * (the tests' migrated template, test/pglite-template.ts) instead of an empty cluster.
   */
  | { engine: 'pglite'; dataDir: string | undefined; loadDataDir?: Blob };

// int8 (count(*), identity columns) as a JS number, as PGlite already does, so that both
// engines return the same shapes. Our int8 values stay far below 2^53.
// Calendar dates stay 'YYYY-MM-DD' strings on both engines: a JS Date would shift them by the
// server's time zone.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    if (oid === pg.types.builtins.DATE) return (value: string) => value;
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads are not expressible here
    return (pg.types.getTypeParser as any)(oid, format);
  },
};

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      types: pgTypes,
      application_name: 'qualif',
    });
    // An idle connection the server ends (a restart, a failover, an administrator's command)
    // is dropped from the pool, which opens another on the next query: said, never fatal —
    // without a listener, node-postgres' 'error' event would stop the whole process.
    pool.on('error', (error) => {
      console.warn(
        `database: an idle connection was closed by the server (${error.message}); the next query opens another`,
      );
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  let dataDir: string | undefined;
  let release = () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    release = lockDataDir(target.dataDir);
    dataDir = path.join(target.dataDir, 'pgdata');
    mkdirSync(dataDir, { recursive: true });
  }
  // Options-only form: PGlite ignores the options when the first argument is undefined.
  const client = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    extensions: { unaccent, pg_trgm },
    parsers: { [pg.types.builtins.DATE]: (value: string) => value },
  });
  try {
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    engine: 'pglite',
    dumpDataDir: () => client.dumpDataDir('none'),
    close: async () => {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  };
}
