import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/connect.js';
import { CLI_TEST_TIMEOUT_MS, type CliEnvironment, cliEnvironment, runQualif } from './cli-runner.js';

/**
 * The built `qualif` command as an operator runs it, in a child process: on a PGlite folder, or
 * with TEST_DATABASE_URL on a fresh database of that server.
 */
let cli: CliEnvironment;
beforeAll(async () => {
  cli = await cliEnvironment('qualif-cli');
});
afterAll(() => cli?.cleanup());

/** `extraEnv` values replace the run's settings; `undefined` removes one. */
const qualif = (args: string[], extraEnv: Record<string, string | undefined> = {}) =>
  runQualif(args, { ...cli.env, ...extraEnv });

/** Changes one audit row directly in the database, as an intruder with SQL access would. */
async function tamper(statement: ReturnType<typeof sql>) {
  const { env } = cli;
  const handle = env.DATABASE_URL
    ? await openDatabase({ engine: 'postgres', url: env.DATABASE_URL })
    : await openDatabase({ engine: 'pglite', dataDir: env.DATA_DIR });
  try {
    await statement.execute(handle.db);
  } finally {
    await handle.close();
  }
}

describe('qualif CLI', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('refuses an embedded database another process has open, and takes over a stale lock', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qualif-cli-lock-'));
    const own = { DATA_DIR: dir, DATABASE_URL: undefined };
    try {
      const server = await openDatabase({ engine: 'pglite', dataDir: dir });
      try {
        const refused = await qualif(['migrate'], own);
        expect(refused.code).not.toBe(0);
        expect(refused.stderr).toContain(`déjà ouverte par un autre processus Qualif (pid ${process.pid})`);
      } finally {
        await server.close();
      }
      expect((await qualif(['migrate'], own)).code).toBe(0);
      // A lock left by a process that no longer runs (pid 2^22 + 1 is above Linux's pid_max).
      writeFileSync(path.join(dir, 'qualif.lock'), String(4_194_305));
      const resumed = await qualif(['migrate'], own);
      expect(resumed.code, resumed.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help lists the commands, and each command has its own help', async () => {
    const top = await qualif(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'seed-demo', 'user', 'audit']) expect(top.stdout).toContain(cmd);
    const create = await qualif(['user', 'create', '--help']);
    expect(create.stdout).toContain('--email');
    const verify = await qualif(['audit', 'verify', '--help']);
    expect(verify.stdout).toContain('first bad row');
  });

  it('a bad setting stops it with a clear message', async () => {
    const res = await qualif(['migrate'], { PORT: 'eighty' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('PORT:');
  });

  it('migrates, seeds the demo, and verifies the audit trail', async () => {
    const migrated = await qualif(['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    const seeded = await qualif(['seed-demo']);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain('branch_manager@demo.qualif.test');
    const verified = await qualif(['audit', 'verify']);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/Audit trail intact: \d+ rows verified/);
  });

  it('refuses demo data in production', async () => {
    const res = await qualif(['seed-demo'], {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: '0'.repeat(64),
      PUBLIC_URL: 'https://qualif.example.org',
      SMTP_URL: 'smtp://127.0.0.1:1',
      SEAL_P12_BASE64: 'AAAA',
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/refused when NODE_ENV=production/);
  });

  it('creates a user with a password from stdin, and explains a bad role', async () => {
    const bad = await qualif([
      'user',
      'create',
      '--email',
      'x@example.org',
      '--name',
      'X',
      '--role',
      'wizard',
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/expected one of: admin/);
    const noScope = await qualif([
      'user',
      'create',
      '--email',
      'y@example.org',
      '--name',
      'Y',
      '--role',
      'branch_manager',
    ]);
    expect(noScope.code).toBe(1);
    expect(noScope.stderr).toMatch(/grants\.0\.branchId/);
    const created = await qualif([
      'user',
      'create',
      '--email',
      'ops@example.org',
      '--name',
      'Ops',
      '--role',
      'admin',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Password \(shown once\): \S{20,}/);
  });

  it('fails, naming the row, after one audit row is changed with SQL', async () => {
    await tamper(
      sql`update audit_events set action = 'user.delete' where id = (select min(id) + 2 from audit_events)`,
    );
    const res = await qualif(['audit', 'verify']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Audit trail BROKEN at row \d+/);
  });
});
