/**
 * HTTP throughput on loopback: a bare Fastify hello-world against the real Qualif app
 * (/healthz, then the authenticated GET /api/v1/me), to see what Qualif's stack costs.
 * Prints figures and whether the target is met; never fails on timing. It does fail (exit 1)
 * when a target answered anything but 2xx, since the figure would then measure errors.
 *
 * Env: BENCH_DURATION (seconds per target, default 10), BENCH_DATABASE_URL (a PostgreSQL
 * server: a fresh database is created on it, then dropped; default: in-memory PGlite),
 * DATABASE_POOL_SIZE (Qualif's pool on PostgreSQL, default 10).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { createApp, openMigratedDatabase } from '../src/app/app.js';
import { type Config, loadConfig } from '../src/app/config.js';
import { DEMO_PASSWORD, seedDemo } from '../src/app/demo.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { adminQuery } from '../test/admin-query.js';

const CONNECTIONS = 50;
const WARMUP_SECONDS = 1;
const TARGET_ME_RATIO = 40; // % of bare throughput
/** CPU cores used by other processes during a database-free run past which figures are called disturbed. */
const NOISE_CORES = 0.25;
const ADMIN_EMAIL = 'admin@demo.qualif.test';

const DURATION = parseDuration(process.env.BENCH_DURATION);

function parseDuration(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 10;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > 600) {
    process.stderr.write(
      `http.bench: BENCH_DURATION must be a number of seconds in ]0, 600] (got "${raw}")\n`,
    );
    process.exit(2);
  }
  return n;
}

const out = (line = '') => process.stdout.write(`${line}\n`);

/** Closers, run last-in first-out, whatever happened before. */
const closers: Array<{ what: string; close: () => Promise<void> }> = [];
async function closeAll() {
  for (let c = closers.pop(); c; c = closers.pop()) {
    try {
      await c.close();
    } catch (error) {
      process.stderr.write(`http.bench: closing ${c.what} failed: ${String(error)}\n`);
    }
  }
}

function urlOf(server: { address(): AddressInfo | string | null }): string {
  const address = server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

async function startBare(): Promise<string> {
  const bare = Fastify({ logger: false });
  bare.get('/', async () => ({ hello: 'world' }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  closers.push({ what: 'bare Fastify', close: () => bare.close() });
  return urlOf(bare.server);
}

const baseEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  // Production's default unless the caller sets it (0 measures a database lookup per request).
  SESSION_CACHE_SECONDS: process.env.SESSION_CACHE_SECONDS,
};

/** A fresh database: on BENCH_DATABASE_URL's server (dropped at the end), else PGlite in memory. */
async function openBenchDatabase(): Promise<{ config: Config; handle: DatabaseHandle; label: string }> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const config = loadConfig(baseEnv);
    const handle = await openDatabase({ engine: 'pglite', dataDir: undefined });
    closers.push({ what: 'PGlite', close: () => handle.close() });
    await migrateToLatest(handle.db);
    return { config, handle, label: 'PGlite, in memory' };
  }
  const name = `qualif_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  closers.push({
    what: `database ${name}`,
    close: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const config = loadConfig({
    ...baseEnv,
    DATABASE_URL: url.href,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
  });
  const handle = await openMigratedDatabase(config);
  closers.push({ what: 'PostgreSQL pool', close: () => handle.close() });
  return {
    config,
    handle,
    label: `PostgreSQL server (BENCH_DATABASE_URL), fresh database ${name}, pool ${config.databasePoolSize}`,
  };
}

async function startQualif() {
  const { config, handle, label } = await openBenchDatabase();
  const { app, services } = await createApp(config, handle);
  closers.push({ what: 'Qualif app', close: () => app.close() });
  await seedDemo(services, config.env);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const version = await sql<{ version: string }>`select version()`.execute(handle.db);
  const server = version.rows[0]?.version.split(' ').slice(0, 2).join(' ') ?? 'unknown version';
  return { url: urlOf(app.server), engine: `${handle.engine}: ${label} — ${server}` };
}

/** Signs in over HTTP, as a browser would, and checks that the cookie opens /me. */
async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${ADMIN_EMAIL} → ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('qualif_session='));
  if (!cookie) throw new Error('login answered 200 but set no qualif_session cookie');
  const me = await fetch(`${base}/api/v1/me`, { headers: { cookie } });
  const body = (await me.json()) as { user?: { email?: string } };
  if (me.status !== 200 || body.user?.email !== ADMIN_EMAIL) {
    throw new Error(`GET /api/v1/me with the session cookie → ${me.status} ${JSON.stringify(body)}`);
  }
  return cookie;
}

type Row = {
  target: string;
  rps: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  /** CPU cores used outside this process during the run, when known (Linux). */
  otherCores: number | undefined;
};

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat; undefined off Linux. */
function machineBusySeconds(): number | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.slice(1).map(Number);
    const busy = [user, nice, system, irq, softirq, steal].reduce<number>((a, b) => a + (b ?? 0), 0);
    return Number.isFinite(busy) ? busy / 100 : undefined; // USER_HZ
  } catch {
    return undefined;
  }
}

/** CPU seconds of this process, every thread included (the servers and autocannon's worker). */
function ownSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function measure(target: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  // The load generator runs in its own thread (workers: 1), so it does not share the
  // server's event loop: the server thread's throughput is what is measured.
  const options = { url, headers, connections: CONNECTIONS, workers: 1 };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  const [busy0, own0, t0] = [machineBusySeconds(), ownSeconds(), performance.now()];
  const r = await autocannon({ ...options, duration: DURATION });
  const [busy1, own1, t1] = [machineBusySeconds(), ownSeconds(), performance.now()];
  const otherCores =
    busy0 === undefined || busy1 === undefined
      ? undefined
      : Math.max(0, busy1 - busy0 - (own1 - own0)) / ((t1 - t0) / 1000);
  const row = {
    target,
    rps: r.requests.average,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    otherCores,
  };
  out(
    `  ${target}: ${row.rps.toFixed(0)} req/s, p99 ${row.p99} ms` +
      (row.non2xx || row.errors ? `, ${row.non2xx} non-2xx, ${row.errors} errors/timeouts` : ''),
  );
  return row;
}

function table(rows: Row[]) {
  const head = ['target', 'req/s (avg)', 'p99 (ms)', 'requests', 'non-2xx', 'errors', 'other CPU'];
  const cells = rows.map((r) => [
    r.target,
    r.rps.toFixed(0),
    String(r.p99),
    String(r.total),
    String(r.non2xx),
    String(r.errors),
    r.otherCores === undefined ? '?' : r.otherCores.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  out(line(head));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) out(line(c));
}

async function main(): Promise<number> {
  const cpus = os.cpus();
  out(`Node ${process.version}, ${cpus.length} CPU × ${cpus[0]?.model.trim() ?? '?'}`);
  out(
    `autocannon: ${CONNECTIONS} connections, ${DURATION} s per target (after ${WARMUP_SECONDS} s warm-up), ` +
      'in a worker thread; servers on 127.0.0.1 in this process',
  );

  const bareUrl = await startBare();
  const qualif = await startQualif();
  out(`Database engine: ${qualif.engine}`);
  const cookie = await signIn(qualif.url);
  out(`Signed in as ${ADMIN_EMAIL} (qualif_session cookie checked on /api/v1/me)`);
  out();

  const bare = await measure('bare Fastify GET /', `${bareUrl}/`);
  const health = await measure('Qualif GET /healthz', `${qualif.url}/healthz`);
  const me = await measure('Qualif GET /api/v1/me (auth)', `${qualif.url}/api/v1/me`, { cookie });
  const rows = [bare, health, me];

  out();
  table(rows);
  out('(other CPU: cores busy outside this process during the run; on /me it includes a PostgreSQL server)');
  out();
  const pct = (r: Row) => (bare.rps > 0 ? (r.rps / bare.rps) * 100 : 0);
  out(`/healthz ÷ bare: ${pct(health).toFixed(1)} %`);
  out(`/me ÷ bare:      ${pct(me).toFixed(1)} %`);
  const valid = (r: Row) => r.non2xx === 0 && r.errors === 0;
  const met = valid(me) && valid(bare) && pct(me) >= TARGET_ME_RATIO;
  out(
    `Target: authenticated /me ≥ ${TARGET_ME_RATIO} % of bare throughput — ${met ? 'met' : 'NOT met'}` +
      (valid(me) && valid(bare) ? '' : ' (measurement invalid: see below)'),
  );
  const disturbed = Math.max(...[bare, health].map((r) => r.otherCores ?? 0));
  if (disturbed > NOISE_CORES) {
    out(
      `Warning: other processes kept ${disturbed.toFixed(2)} of ${cpus.length} CPU cores busy during the ` +
        'database-free runs: the figures are disturbed. Rerun on a quiet machine.',
    );
  }

  const bad = rows.filter((r) => !valid(r));
  if (bad.length === 0) return 0;
  const banner = '!'.repeat(78);
  process.stderr.write(`\n${banner}\n`);
  for (const r of bad) {
    process.stderr.write(
      `!!! ${r.target}: ${r.non2xx} non-2xx responses and ${r.errors} errors/timeouts out of ${r.total} requests\n`,
    );
  }
  process.stderr.write('!!! These figures measure failures, not the endpoints: the bench is INVALID.\n');
  process.stderr.write(`${banner}\n`);
  return 1;
}

// Bounded in time whatever happens: warm-ups, runs, set-up and teardown.
const limitMs = (3 * (WARMUP_SECONDS + DURATION) + 120) * 1000;
setTimeout(() => {
  process.stderr.write(`http.bench: still running after ${limitMs / 1000} s, giving up\n`);
  void Promise.race([closeAll(), new Promise((r) => setTimeout(r, 10_000))]).finally(() => process.exit(3));
}, limitMs).unref();

let code = 1;
try {
  code = await main();
} catch (error) {
  process.stderr.write(
    `http.bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
} finally {
  await closeAll();
}
process.exit(code);
