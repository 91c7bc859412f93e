import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/connect.js';
import { createTestDatabase } from './support.js';
import { waitUntil } from './wait.js';

/**
 * A PostgreSQL server ending an idle connection of the pool (restart, failover,
 * pg_terminate_backend) must not stop the process: the pool drops it and the next query opens
 * another. Only a server can end a connection this way, so this runs with TEST_DATABASE_URL
 * (`.ci/run`'s PostgreSQL pass sets it).
 */
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.warn(
    'SKIPPED test/db-connection.test.ts: set TEST_DATABASE_URL (a PostgreSQL server) to run it; .ci/run does.',
  );
}

describe.skipIf(!serverUrl)('a connection the server ends', () => {
  let created: Awaited<ReturnType<typeof createTestDatabase>>;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    created = await createTestDatabase();
    handle = await openDatabase({ engine: 'postgres', url: created.url as string, poolSize: 2 });
  });

  afterAll(async () => {
    await handle?.close();
    await created?.close();
  });

  it('is dropped from the pool without stopping the process; the next query works', async () => {
    const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
    const backend = pid.rows[0]?.pid as number;
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(String(message));
    try {
      // Ended from another session, as an administrator (or a restart) would.
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query('select pg_terminate_backend($1)', [backend]);
      } finally {
        await admin.end();
      }
      await waitUntil(
        async () => warnings.some((w) => w.includes('closed by the server')) || undefined,
        'the pool told',
      );
      const again = await sql<{ n: number }>`select 1 as n`.execute(handle.db);
      expect(again.rows[0]?.n).toBe(1);
      expect(uncaught).toEqual([]);
    } finally {
      console.warn = warn;
      process.off('uncaughtException', onUncaught);
    }
  });
});
