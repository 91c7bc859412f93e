/**
 * Hostile spreadsheet uploads (issue 9): how long the framework import takes to refuse a
 * 3.4 M-row workbook, and the worst /healthz latency while it does; then the same for a
 * workbook just within the bounds, which exceljs does parse (in a worker thread).
 * Prints figures and whether the targets are met; never fails on timing. It does fail
 * (exit 1) when an upload was not answered 422: the figure would then measure something else.
 *
 * Env: BENCH_ROWS (rows of the hostile workbook, default 3,400,000).
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app/app.js';
import { loadConfig } from '../src/app/config.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { XLSX_MEDIA_TYPE } from '../src/platform/http/server.js';
import { WORKBOOK_LIMITS } from '../src/platform/workbook-bounds.js';
import { factories, TEST_PASSWORD } from '../test/factories.js';
import { rowsWorkbook, whileWatchingHealth } from '../test/hostile-xlsx.js';

const TARGET_REFUSAL_MS = 5_000;
const TARGET_HEALTH_MS = 1_000;
const ROWS = Number(process.env.BENCH_ROWS ?? 3_400_000);

const out = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const handle = await openDatabase({ engine: 'pglite', dataDir: undefined });
  await migrateToLatest(handle.db);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  });
  const { app, services } = await createApp(config, handle);
  try {
    const f = factories(services);
    const account = await f.newUser('admin');
    const branch = await f.newBranch();
    const certification = await f.newCertification([branch.id]);
    const draft = await f.newFrameworkVersion(certification.id);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: TEST_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const url = `${base}/api/v1/certifications/${certification.id}/versions/${draft.number}/xlsx`;

    const upload = (workbook: Buffer) =>
      whileWatchingHealth(base, async () => {
        const res = await fetch(url, {
          method: 'PUT',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': XLSX_MEDIA_TYPE },
          body: workbook,
        });
        return { status: res.status, body: await res.text() };
      });

    let generated = performance.now();
    const hostile = rowsWorkbook(ROWS);
    generated = performance.now() - generated;
    const inBounds = rowsWorkbook(WORKBOOK_LIMITS.rows - 1, { numbered: true, cellsPerRow: 19 });

    out(
      `hostile workbook: ${ROWS.toLocaleString('en')} rows in ${(hostile.length / 1024).toFixed(0)} kB (generated in ${generated.toFixed(0)} ms)`,
    );
    out(
      `in-bounds workbook: ${(WORKBOOK_LIMITS.rows - 1).toLocaleString('en')} rows × 19 cells in ${(inBounds.length / 1024).toFixed(0)} kB`,
    );
    out();
    out('upload                         answer  time (ms)  /healthz asked  worst /healthz (ms)');
    const rows: { label: string; ms: number; worst: number; status: number }[] = [];
    for (const [label, workbook] of [
      ['hostile: refused before parsing', hostile],
      ['in bounds: parsed in a worker', inBounds],
    ] as const) {
      const w = await upload(workbook);
      const worst = Math.max(...w.health.map((h) => h.ms));
      const failed = w.health.filter((h) => h.status !== 200).length;
      rows.push({ label, ms: w.ms, worst, status: w.result.status });
      out(
        `${label.padEnd(31)}${String(w.result.status).padStart(6)}${w.ms.toFixed(0).padStart(11)}` +
          `${String(w.health.length).padStart(16)}${worst.toFixed(0).padStart(21)}${failed ? `  (${failed} not 200!)` : ''}`,
      );
    }
    out();
    const [refusal] = rows;
    if (!refusal) return 1;
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    out(
      `Target: refusal of the hostile workbook < ${TARGET_REFUSAL_MS} ms — ${met(refusal.ms < TARGET_REFUSAL_MS)}`,
    );
    const worst = Math.max(...rows.map((r) => r.worst));
    out(
      `Target: worst /healthz latency during both uploads < ${TARGET_HEALTH_MS} ms — ${met(worst < TARGET_HEALTH_MS)}`,
    );
    const invalid = rows.filter((r) => r.status !== 422);
    for (const r of invalid)
      process.stderr.write(`xlsx-refusal.bench: ${r.label} answered ${r.status}, not 422: INVALID\n`);
    return invalid.length === 0 ? 0 : 1;
  } finally {
    await app.close();
    await handle.close();
  }
}

// Bounded in time whatever happens.
setTimeout(() => {
  process.stderr.write('xlsx-refusal.bench: still running after 300 s, giving up\n');
  process.exit(3);
}, 300_000).unref();

let code = 1;
try {
  code = await main();
} catch (error) {
  process.stderr.write(
    `xlsx-refusal.bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
}
process.exit(code);
