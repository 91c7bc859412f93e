import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../src/app/app.js';
import { builtQualif, CLI_CALL_TIMEOUT_MS } from './cli-runner.js';
import { factories, TEST_PASSWORD } from './factories.js';
import { createTestDatabase, freePort, testConfig } from './support.js';

/**
 * Two server processes on one real PostgreSQL: nothing that must be shared lives in process
 * memory, so a session opened through one works on the other. PGlite is one process's
 * embedded database, so this runs only with TEST_DATABASE_URL (`.ci/run` sets it).
 */
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.warn(
    'SKIPPED test/replicas.test.ts: set TEST_DATABASE_URL (a PostgreSQL server) to run it; .ci/run does.',
  );
}

/** Two servers started one after the other, each given a CLI call's time to answer. */
const STARTUP_TIMEOUT_MS = 2 * CLI_CALL_TIMEOUT_MS + 60_000;

async function waitHealthy(base: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + CLI_CALL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log()}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready in ${CLI_CALL_TIMEOUT_MS / 1000} s: ${log()}`);
}

describe.skipIf(!serverUrl)('two replicas on one PostgreSQL', () => {
  const children: ChildProcess[] = [];
  const bases: string[] = [];
  const emails = { advisor: '', candidate: '' };
  let closeDb: () => Promise<void>;

  beforeAll(async () => {
    const handle = await createTestDatabase();
    // The accounts both replicas serve, written before they start (password TEST_PASSWORD).
    const f = factories(createServices(testConfig(), handle));
    emails.advisor = (await f.newUser('advisor', { branchId: (await f.newBranch()).id })).email;
    emails.candidate = (await f.newUser('candidate')).email;
    await handle.db.destroy();
    closeDb = handle.close;
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      let output = '';
      const child = spawn(process.execPath, [builtQualif(), 'serve'], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
          DATABASE_URL: handle.url as string,
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: 'http://127.0.0.1',
          SESSION_SECRET: 'replica-test-secret-replica-test-secret',
          SESSION_CACHE_SECONDS: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d) => {
        output += d;
      });
      child.stderr?.on('data', (d) => {
        output += d;
      });
      children.push(child);
      await waitHealthy(base, child, () => output);
      bases.push(base);
    }
  }, STARTUP_TIMEOUT_MS);

  afterAll(async () => {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    await closeDb?.();
  });

  it('a session opened through one works on the other, and logout on one ends it on both within SESSION_CACHE_SECONDS', async () => {
    const [a, b] = bases as [string, string];
    const login = await fetch(`${a}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: emails.advisor, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const meOnB = await fetch(`${b}/api/v1/me`, { headers: { cookie } });
    expect(meOnB.status).toBe(200);
    expect(((await meOnB.json()) as { user: { email: string } }).user.email).toBe(emails.advisor);

    const logoutOnB = await fetch(`${b}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(logoutOnB.status).toBe(204);
    // B forgets at once; A (which resolved the session at login) once its 1 s cache lapses.
    expect((await fetch(`${b}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await fetch(`${a}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('login throttling is shared: failures counted through one replica block the other', async () => {
    const [a, b] = bases as [string, string];
    const attempt = (base: string, password: string) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: emails.candidate, password }),
      });
    for (let i = 0; i < 10; i++) expect((await attempt(i % 2 ? a : b, `wrong-${i}`)).status).toBe(401);
    expect((await attempt(a, TEST_PASSWORD)).status).toBe(429);
    expect((await attempt(b, TEST_PASSWORD)).status).toBe(429);
  });
});
