import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RNCP_XML_FIXTURE as FIXTURE } from './fixtures.js';
import { createTestDatabase } from './support.js';

/** `qualif registry import` and `qualif registry runs` in a child process, as an operator runs them. */
const run = promisify(execFile);
const CLI = path.resolve('src/app/cli.ts');
let env: Record<string, string>;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'qualif-registry-cli-'));
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
  };
  if (process.env.TEST_DATABASE_URL) {
    const handle = await createTestDatabase();
    await handle.db.destroy();
    env = { ...base, DATABASE_URL: handle.url as string };
    cleanup = handle.close;
  } else {
    env = { ...base, DATA_DIR: dir };
    cleanup = async () => undefined;
  }
});
afterAll(async () => {
  await cleanup?.();
  rmSync(dir, { recursive: true, force: true });
});

async function qualif(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

it('imports a file and prints the counts; a truncated file exits 1 with the French message and its line', async () => {
  const ok = await qualif(['registry', 'import', FIXTURE]);
  expect(ok.code, ok.stderr).toBe(0);
  expect(ok.stdout).toMatch(/12 fiches lues — 12 nouvelles, 0 modifiées, 0 inchangées/);

  const cut = path.join(dir, 'cut.xml');
  const text = readFileSync(FIXTURE, 'utf8');
  writeFileSync(cut, text.slice(0, text.length / 2));
  const bad = await qualif(['registry', 'import', cut]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/^qualif: import .* en échec : Fichier refusé : .*ligne \d+/m);

  const runs = await qualif(['registry', 'runs']);
  expect(runs.code).toBe(0);
  const lines = runs.stdout.trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/failed +cut\.xml/);
  expect(lines[1]).toMatch(/succeeded +export_fiches_RNCP_fixture\.xml +12 fiches : \+12/);
}, 120_000);
