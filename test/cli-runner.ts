import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/platform/paths.js';
import { createTestDatabase } from './support.js';

/**
 * The `qualif` command as operators run it: the build (`dist/src/app/cli.js`, which `npm test`
 * makes first), in a child process. Calls have generous timeouts: on a busy two-core machine a
 * cold start takes seconds.
 */
export const QUALIF_CLI = path.join(projectRoot, 'dist', 'src', 'app', 'cli.js');
/** Longest one `qualif` call may take before the test fails. */
export const CLI_CALL_TIMEOUT_MS = 180_000;
/** For a test making several calls. */
export const CLI_TEST_TIMEOUT_MS = 600_000;

/** The newest TypeScript source the build is made of (tests excluded). */
function newestSource(): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        const { mtimeMs } = statSync(file);
        if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
      }
    }
  };
  for (const dir of ['src', 'migrations']) walk(path.join(projectRoot, dir));
  return newest;
}

let checked = false;

/**
 * The built CLI, or a clear failure when it is missing. A build older than a source file is
 * reported (the test would exercise older code) but not refused: several people may edit the
 * sources while a suite runs.
 */
export function builtQualif(): string {
  if (checked) return QUALIF_CLI;
  const cli = path.relative(projectRoot, QUALIF_CLI);
  if (!existsSync(QUALIF_CLI)) {
    throw new Error(`${cli} is missing: run npm run build first (npm test does).`);
  }
  const source = newestSource();
  if (source.mtimeMs > statSync(QUALIF_CLI).mtimeMs) {
    console.warn(
      `${cli} is older than ${path.relative(projectRoot, source.file)}: the CLI tests run the last build; ` +
        'run npm run build first to test the current sources.',
    );
  }
  checked = true;
  return QUALIF_CLI;
}

export type CliResult = { code: number; stdout: string; stderr: string };

/**
 * Runs `qualif …args` with exactly `env` (nothing inherited); `undefined` values are left out.
 * A non-zero exit is a result, not an error; a call over the timeout fails the test.
 */
export async function runQualif(
  args: readonly string[],
  env: Record<string, string | undefined>,
  opts: { timeoutMs?: number } = {},
): Promise<CliResult> {
  const cli = builtQualif();
  const definedEnv = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const timeout = opts.timeoutMs ?? CLI_CALL_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: definedEnv, timeout, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve({ code: 0, stdout, stderr });
        const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
        if (e.killed) {
          return reject(
            new Error(`qualif ${args.join(' ')} did not finish in ${timeout / 1000} s:\n${stderr}`),
          );
        }
        if (typeof e.code !== 'number') return reject(error);
        resolve({ code: e.code, stdout, stderr });
      },
    );
  });
}

export type CliEnvironment = {
  /** The settings every call gets: a PGlite folder, or a fresh database of TEST_DATABASE_URL. */
  env: Record<string, string>;
  /** A temporary folder of the test's own, removed by cleanup. */
  dir: string;
  cleanup(): Promise<void>;
};

/** What an operator's shell would give the command, on a database of its own. */
export async function cliEnvironment(prefix: string): Promise<CliEnvironment> {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
  };
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  if (process.env.TEST_DATABASE_URL) {
    const handle = await createTestDatabase();
    await handle.db.destroy(); // the CLI connects by itself; keep the database until cleanup
    return {
      env: { ...base, DATABASE_URL: handle.url as string },
      dir,
      cleanup: async () => {
        await handle.close();
        await removeDir();
      },
    };
  }
  return { env: { ...base, DATA_DIR: path.join(dir, 'data') }, dir, cleanup: removeDir };
}
