import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The demo with its candidacies (src/app/demo.ts, as `npm start` seeds it) costs seconds to
 * seed, every step going through the services; every browser test starts from it. So a run
 * seeds it once, on PGlite, from the migrated template (test/pglite-template.ts), and keeps the
 * database's dump and the DATA_DIR it wrote (evidence files, the development seal key);
 * `createTestApp({ demo: 'with-candidacies' })` starts from a copy of both. test/demo.test.ts
 * still seeds the demo itself (`freshDemo: true`), and a seeding error fails every test that
 * waits for the snapshot.
 *
 * Seeded when first wanted: the first test file asking for it claims the folder (an atomic
 * mkdir) and starts the seeding; the others wait for it. A run of the whole suite (no file named
 * on the command line) starts it at once from the global setup instead, in the background, while
 * the first files (which need no demo) run; a run of a few files that need no demo seeds none.
 *
 * What the demo leaves to do later — mails to send, jobs to run — is still queued in the
 * snapshot and done by each test's app with its own settings (its PUBLIC_URL).
 */
const SNAPSHOT_ENV = 'QUALIF_TEST_DEMO_SNAPSHOT';
const TEMPLATE_FILE = 'template-file';
const CLAIM_DIR = 'claimed';
const DATABASE_FILE = 'database.tar';
const READY_FILE = 'ready';
const FAILED_FILE = 'failed';
/** Seeding takes ~15 s on a quiet machine; the wait is generous for a busy one. */
const WAIT_MS = 10 * 60_000;

/**
 * In the global setup: the run's snapshot folder (named in the environment for the test files),
 * seeded at once when `seedNow`. Returns what the teardown calls: it waits for a seeding under
 * way to end, then removes the folder.
 */
export function prepareDemoSnapshot(templateFile: string, seedNow: boolean): () => Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qualif-demo-snapshot-'));
  writeFileSync(path.join(dir, TEMPLATE_FILE), templateFile);
  process.env[SNAPSHOT_ENV] = dir;
  if (seedNow) claimAndSeed(dir);
  return async () => {
    if (existsSync(path.join(dir, CLAIM_DIR))) await settled(dir).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Whether this vitest process was started without naming files (`vitest run [--options]`). */
export function wholeSuiteRun(argv = process.argv): boolean {
  const run = argv.indexOf('run');
  return run >= 0 && argv.slice(run + 1).every((arg) => arg.startsWith('-'));
}

/**
 * Starts the seeding unless someone already did: in a child process (Node with tsx, as the bench
 * runs) — in vitest's own processes, which load modules their own way, the seal did not find its
 * PDF placeholder.
 */
function claimAndSeed(dir: string) {
  try {
    mkdirSync(path.join(dir, CLAIM_DIR));
  } catch {
    return; // claimed already: seeding, or done
  }
  const templateFile = readFileSync(path.join(dir, TEMPLATE_FILE), 'utf8');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), dir, templateFile],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const fail = (why: string) => {
    if (!existsSync(path.join(dir, READY_FILE))) writeFileSync(path.join(dir, FAILED_FILE), why);
  };
  child.on('error', (error) => fail(error.stack ?? error.message));
  child.on('exit', (code, signal) => {
    if (code !== 0) fail(`exit ${code ?? signal}\n${stderr}`);
  });
}

/** Waits until the folder is marked ready (or throws with why it failed, or after WAIT_MS). */
async function settled(dir: string) {
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(path.join(dir, READY_FILE))) {
    if (existsSync(path.join(dir, FAILED_FILE)))
      throw new Error(`the demo could not be seeded:\n${readFileSync(path.join(dir, FAILED_FILE), 'utf8')}`);
    if (Date.now() > deadline)
      throw new Error(`the demo snapshot was not ready after ${WAIT_MS / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** In the child: seeds, dumps, then marks the folder ready. */
async function seedSnapshot(dir: string, templateFile: string) {
  const [{ createApp }, { seedDemo }, { openDatabase }, { migrateToLatest }, { testConfig }] =
    await Promise.all([
      import('../src/app/app.js'),
      import('../src/app/demo.js'),
      import('../src/platform/db/connect.js'),
      import('../src/platform/db/migrate.js'),
      import('./test-config.js'),
    ]);
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir);
  const handle = await openDatabase({
    engine: 'pglite',
    dataDir: undefined,
    loadDataDir: new Blob([readFileSync(templateFile)]),
  });
  try {
    await migrateToLatest(handle.db);
    const config = testConfig({ DATA_DIR: dataDir });
    const { app, services } = await createApp(config, handle);
    try {
      await seedDemo(services, config.env, { candidacies: true });
    } finally {
      await app.close();
    }
    const dump = await handle.dumpDataDir?.();
    if (!dump) throw new Error('demo snapshot: the PGlite handle cannot dump its data');
    writeFileSync(path.join(dir, DATABASE_FILE), Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  writeFileSync(path.join(dir, READY_FILE), '');
}

/**
 * The run's demo snapshot, once seeded (seeding it first if nobody has): the database's dump and
 * the DATA_DIR to copy. Undefined when this run made no snapshot folder (on a PostgreSQL server,
 * or outside vitest): seed then.
 */
export async function demoSnapshot(): Promise<{ database: Blob; dataDir: string } | undefined> {
  const dir = process.env[SNAPSHOT_ENV];
  if (!dir || process.env.TEST_DATABASE_URL) return undefined;
  if (!existsSync(path.join(dir, READY_FILE))) claimAndSeed(dir);
  await settled(dir);
  loaded ??= new Blob([readFileSync(path.join(dir, DATABASE_FILE))]);
  return { database: loaded, dataDir: path.join(dir, 'data') };
}

let loaded: Blob | undefined;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, templateFile] = process.argv.slice(2);
  if (!dir || !templateFile) throw new Error('usage: demo-snapshot.ts <dir> <template.tar>');
  await seedSnapshot(dir, templateFile);
  // Timers of the app's services (job runner…) must not keep the child alive.
  process.exit(0);
}
