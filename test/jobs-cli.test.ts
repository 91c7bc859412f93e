import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/connect.js';
import { CLI_TEST_TIMEOUT_MS, type CliEnvironment, cliEnvironment, runQualif } from './cli-runner.js';

/** `qualif jobs list / retry`: what an operator does with a dead job (the built CLI). */
let cli: CliEnvironment;
beforeAll(async () => {
  cli = await cliEnvironment('qualif-jobs-cli');
});
afterAll(() => cli?.cleanup());

const qualif = (args: string[]) => runQualif(args, cli.env);

/** Direct access to the CLI's database, between two calls (PGlite is one process's at a time). */
async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const { env } = cli;
  const handle = env.DATABASE_URL
    ? await openDatabase({ engine: 'postgres', url: env.DATABASE_URL })
    : await openDatabase({ engine: 'pglite', dataDir: env.DATA_DIR as string });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

describe('qualif jobs', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('lists dead jobs with their last error, and puts one back in the queue once', async () => {
    const migrated = await qualif(['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    const empty = await qualif(['jobs', 'list']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toBe('Aucune tâche à l’état dead.\n');

    const id = await withDb(async (db) => {
      const row = await db
        .insertInto('jobs')
        .values({
          kind: 'mail.send',
          payload: JSON.stringify({}),
          state: 'dead',
          attempts: 8,
          max_attempts: 8,
          last_error: 'Error ECONNREFUSED: connect ECONNREFUSED 10.0.0.5:25',
          finished_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });

    const listed = await qualif(['jobs', 'list', '--state', 'dead']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(
        `dead +mail\\.send +essais 8/8 +Error ECONNREFUSED: connect ECONNREFUSED 10\\.0\\.0\\.5:25 +\\(${id}\\)`,
      ),
    );

    const retried = await qualif(['jobs', 'retry', id]);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stdout).toContain(`Tâche ${id} remise en file`);
    const row = await withDb((db) =>
      db.selectFrom('jobs').select(['state', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ state: 'pending', attempts: 0 });

    // Not dead any more: refused, as is an id that is not one.
    const again = await qualif(['jobs', 'retry', id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('aucune tâche en échec définitif');
    const garbage = await qualif(['jobs', 'retry', '../etc']);
    expect(garbage.code).toBe(1);
    const pending = await qualif(['jobs', 'list', '--state', 'pending']);
    expect(pending.stdout).toContain(`(${id})`);
    const badState = await qualif(['jobs', 'list', '--state', 'lost']);
    expect(badState.code).not.toBe(0);
    expect(badState.stderr).toContain('one of pending, running, done, dead, cancelled');
  });
});
