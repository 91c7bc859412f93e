import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices } from '../src/app/app.js';
import { heartbeatEverySeconds, INTERRUPTED } from '../src/modules/registry/domain/import-run.js';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/connect.js';
import {
  builtQualif,
  CLI_TEST_TIMEOUT_MS,
  type CliEnvironment,
  cliEnvironment,
  runQualif,
} from './cli-runner.js';
import { RNCP_XML_FIXTURE as FIXTURE } from './fixtures.js';
import { createTestApp, createTestDatabase, testConfig } from './support.js';

/** Lets a test hold an in-process import between two batches (the staging write waits). */
const staging = vi.hoisted(() => ({ gate: Promise.resolve() }));
vi.mock('../src/modules/registry/registry.repo.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/modules/registry/registry.repo.js')>();
  return {
    ...actual,
    stageFiches: async (...args: Parameters<typeof actual.stageFiches>) => {
      await staging.gate;
      return actual.stageFiches(...args);
    },
  };
});

/**
 * A registry import killed with SIGKILL mid-way, as a crash or an OOM kill would stop it, then
 * the next import: it starts at once. Embedded database: the next process on the same DATA_DIR
 * fails the dead run when it opens the database. PostgreSQL (TEST_DATABASE_URL): the dead run
 * stops heartbeating and is failed once its heartbeat is older than the stale delay, shortened
 * here to 5 s (REGISTRY_IMPORT_STALE_SECONDS).
 */
const STALE_SECONDS = 5;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let cli: CliEnvironment;
let env: Record<string, string>;
let big: string;

beforeAll(async () => {
  cli = await cliEnvironment('qualif-registry-faults');
  env = { ...cli.env, REGISTRY_IMPORT_STALE_SECONDS: String(STALE_SECONDS) };
  big = await writeBigExport(path.join(cli.dir, 'big.xml'), 600);
});
afterAll(() => cli?.cleanup());

/** The sample's 12 fiches copied under new numbers until the file holds `count` (≈ 60 KB each). */
async function writeBigExport(file: string, count: number): Promise<string> {
  const text = readFileSync(FIXTURE, 'utf8');
  const fiches = text.match(/<FICHE>[\s\S]*?<\/FICHE>/g) ?? [];
  expect(fiches.length).toBe(12);
  const out = createWriteStream(file);
  out.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<FICHES>\n  <VERSION_FLUX>4.1</VERSION_FLUX>\n',
  );
  for (let i = 0; i < count; i++) {
    const fiche = (fiches[i % fiches.length] as string)
      .replace(/<ID_FICHE>\d+<\/ID_FICHE>/, `<ID_FICHE>${900000 + i}</ID_FICHE>`)
      .replace(/<NUMERO_FICHE>RNCP\d+<\/NUMERO_FICHE>/, `<NUMERO_FICHE>RNCP${900000 + i}</NUMERO_FICHE>`);
    if (!out.write(`  ${fiche}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end('</FICHES>\n');
  await finished(out);
  return file;
}

/** Starts `qualif registry import <file>` and kills it (SIGKILL) once its first progress line is out. */
async function killMidImport(file: string): Promise<void> {
  const child = spawn(process.execPath, [builtQualif(), 'registry', 'import', file], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no progress from the import within 180 s:\n${stderr}`));
    }, 180_000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      // Non-TTY progress: "N % — x Mio / y Mio — n fiches", printed as parsing starts.
      if (/\d+ % — .* fiches/.test(stderr)) {
        clearTimeout(deadline);
        child.kill('SIGKILL');
        resolve();
      }
    });
    exited.then(({ code }) => {
      clearTimeout(deadline);
      reject(new Error(`the import ended (code ${code}) before it could be killed:\n${stdout}${stderr}`));
    });
  });
  expect((await exited).signal).toBe('SIGKILL');
}

/** The database the CLI uses, opened from the test (PGlite: the dead process's lock is taken over). */
async function openCliDatabase(): Promise<DatabaseHandle> {
  return env.DATABASE_URL
    ? openDatabase({ engine: 'postgres', url: env.DATABASE_URL, poolSize: 2 })
    : openDatabase({ engine: 'pglite', dataDir: env.DATA_DIR });
}

async function runsOf(handle: DatabaseHandle) {
  return handle.db
    .selectFrom('registry_import_runs')
    .select(['id', 'status', 'file_name', 'error_message'])
    .orderBy('started_at')
    .execute();
}

it(
  onPostgres
    ? 'PostgreSQL: a killed import stops heartbeating; once stale, the next import starts at once'
    : 'embedded database: a killed import is failed when the next process opens DATA_DIR; the next import starts at once',
  async () => {
    await killMidImport(big);

    // The dead process left its run `running`: without recovery, imports would be blocked.
    const handle = await openCliDatabase();
    let killedId: string;
    try {
      const runs = await runsOf(handle);
      expect(runs.map((r) => [r.file_name, r.status])).toEqual([['big.xml', 'running']]);
      killedId = (runs[0] as { id: string }).id;
      if (onPostgres) {
        // Its heartbeat stops with it: stale within STALE_SECONDS (plus a beat), by the database's clock.
        const deadline = Date.now() + 60_000;
        for (;;) {
          const { age } = await handle.db
            .selectFrom('registry_import_runs')
            .select(sql<number>`extract(epoch from now() - heartbeat_at)`.as('age'))
            .where('id', '=', killedId)
            .executeTakeFirstOrThrow();
          if (Number(age) > STALE_SECONDS) break;
          if (Date.now() > deadline) throw new Error(`heartbeat still fresh after 60 s (${age} s old)`);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    } finally {
      await handle.close();
    }

    const next = await runQualif(['registry', 'import', FIXTURE], env);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/12 fiches lues — 12 nouvelles/);

    const after = await openCliDatabase();
    try {
      const runs = await runsOf(after);
      expect(runs.map((r) => [r.file_name, r.status])).toEqual([
        ['big.xml', 'failed'],
        ['export_fiches_RNCP_fixture.xml', 'succeeded'],
      ]);
      expect(runs[0]?.error_message).toBe(
        onPostgres ? INTERRUPTED.silent(STALE_SECONDS) : INTERRUPTED.atStart,
      );
      // What the dead import had staged is gone; none of its fiches went live.
      const staged = await after.db
        .selectFrom('registry_staging')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(staged.n)).toBe(0);
      const fromBig = await after.db
        .selectFrom('registry_fiches')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('numero', 'like', 'RNCP9000%')
        .executeTakeFirstOrThrow();
      expect(Number(fromBig.n)).toBe(0);
      // The system's decision is in the audit trail.
      const audited = await after.db
        .selectFrom('audit_events')
        .select(['actor_label', 'entity_id'])
        .where('action', '=', 'registry.import.interrupted')
        .execute();
      expect(audited).toEqual([{ actor_label: 'system', entity_id: killedId }]);
    } finally {
      await after.close();
    }
  },
  CLI_TEST_TIMEOUT_MS,
);

describe('in one process: heartbeat and stale runs', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  const services = (staleSeconds = 45) =>
    createServices(testConfig({ REGISTRY_IMPORT_STALE_SECONDS: String(staleSeconds) }), handle).registry
      .imports;
  const options = { fileName: 'test.xml', actor: SYSTEM_ACTOR };
  const run = (id: string) =>
    handle.db.selectFrom('registry_import_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** A run left `running` by a process that stopped beating `secondsAgo` ago. */
  async function deadRun(secondsAgo: number): Promise<string> {
    const row = await handle.db
      .insertInto('registry_import_runs')
      .values({
        file_name: 'dead.xml',
        status: 'running',
        actor_label: 'system',
        heartbeat_at: sql`now() - make_interval(secs => ${secondsAgo})`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`still waiting after 60 s: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('a run still beating holds the slot (409); once its heartbeat is stale, the next import fails it and starts', async () => {
    const imports = services(45);
    const alive = await deadRun(30);
    await expect(imports.start(FIXTURE, options)).rejects.toMatchObject({ status: 409 });
    expect((await run(alive)).status).toBe('running');

    await handle.db
      .updateTable('registry_import_runs')
      .set({ heartbeat_at: sql`now() - make_interval(secs => 46)` })
      .where('id', '=', alive)
      .execute();
    const { runId, done } = await imports.start(FIXTURE, options);
    expect(await done).toMatchObject({ id: runId, status: 'succeeded' });
    expect(await run(alive)).toMatchObject({ status: 'failed', error_message: INTERRUPTED.silent(45) });
    const audited = await handle.db
      .selectFrom('audit_events')
      .select(['actor_label', 'action'])
      .where('entity_id', '=', alive)
      .execute();
    expect(audited).toEqual([{ actor_label: 'system', action: 'registry.import.interrupted' }]);
  });

  it('a live import beats while it waits between batches, and is not failed as stale', async () => {
    const staleSeconds = 5;
    const imports = services(staleSeconds);
    let open = () => {};
    staging.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    try {
      const { runId, done } = await imports.start(big, options);
      const first = new Date((await run(runId)).heartbeat_at).getTime();
      // Held before its first batch: only the heartbeat moves the row.
      const later = await until('a heartbeat', async () => {
        const at = new Date((await run(runId)).heartbeat_at).getTime();
        return at > first ? at : undefined;
      });
      expect(later).toBeGreaterThan(first);
      // Held for longer than the stale delay: still running, not failed by a stale check.
      await new Promise((resolve) => setTimeout(resolve, (staleSeconds + 2) * 1000));
      expect(await imports.failStaleRuns()).toEqual([]);
      expect((await run(runId)).status).toBe('running');
      expect((await run(runId)).fiches_read).toBe(0);
      open();
      expect(await done).toMatchObject({ status: 'succeeded', fiches_read: 600 });
    } finally {
      open();
      staging.gate = Promise.resolve();
    }
  }, 180_000);

  it('an import failed as stale while it still ran swaps nothing in and keeps that reason', async () => {
    const imports = services(45);
    let open = () => {};
    staging.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    try {
      const before = await handle.db
        .selectFrom('registry_fiches')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const { runId, done } = await imports.start(FIXTURE, options);
      await handle.db
        .updateTable('registry_import_runs')
        .set({ status: 'failed', error_message: 'déclaré arrêté (test)' })
        .where('id', '=', runId)
        .execute();
      open();
      expect(await done).toMatchObject({ status: 'failed', error_message: 'déclaré arrêté (test)' });
      const after = await handle.db
        .selectFrom('registry_fiches')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const staged = await handle.db
        .selectFrom('registry_staging')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('run_id', '=', runId)
        .executeTakeFirstOrThrow();
      expect(Number(staged.n)).toBe(0);
    } finally {
      open();
      staging.gate = Promise.resolve();
    }
  });

  it('the server fails a dead run by itself, within the stale delay and a beat', async () => {
    const staleSeconds = 5;
    const t = await createTestApp({
      env: { REGISTRY_IMPORT_STALE_SECONDS: String(staleSeconds) },
      demo: false,
    });
    try {
      const dead = await t.db
        .insertInto('registry_import_runs')
        .values({ file_name: 'dead.xml', status: 'running', actor_label: 'system' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const started = Date.now();
      const failed = await until('the sweep', async () => {
        const row = await t.db
          .selectFrom('registry_import_runs')
          .select(['status', 'error_message'])
          .where('id', '=', dead.id)
          .executeTakeFirstOrThrow();
        return row.status === 'failed' ? row : undefined;
      });
      expect(failed.error_message).toBe(INTERRUPTED.silent(staleSeconds));
      // Stale after 5 s, noticed by the next sweep (every heartbeatEverySeconds): generous bound for a busy machine.
      expect(Date.now() - started).toBeLessThan(
        (staleSeconds + heartbeatEverySeconds(staleSeconds)) * 1000 + 20_000,
      );
    } finally {
      await t.close();
    }
  }, 120_000);

  it('closing the app waits for an import under way to record its end before the database closes', async () => {
    const t = await createTestApp({ demo: false });
    let open = () => {};
    staging.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let closed = false;
    let done: Promise<unknown> = Promise.resolve();
    try {
      const started = await t.services.registry.imports.start(FIXTURE, {
        fileName: 'fixture.xml',
        actor: SYSTEM_ACTOR,
        requestId: 'test',
      });
      const runId = started.runId;
      done = started.done;
      const closing = t.app.close().then(() => {
        closed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Held between two batches: the app is not closed yet.
      expect(closed).toBe(false);
      open();
      await closing;
      const row = await t.db
        .selectFrom('registry_import_runs')
        .select('status')
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('succeeded');
    } finally {
      open();
      staging.gate = Promise.resolve();
      await done;
      await t.close();
    }
  }, 120_000);
});
