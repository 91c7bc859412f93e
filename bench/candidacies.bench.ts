/**
 * Candidacies (issue 12), measured in the server a user runs — `node dist/src/app/cli.js serve`
 * (`npm run build:server` first; from the sources through tsx when dist/ is missing or older than
 * src/, said in the output) — as a child process on a fresh PostgreSQL database:
 *
 * 1. Bulk enrolment: one `POST /api/v1/candidacies/imports` of a generated 10,000-row CSV as a
 *    training organisation — every row checked (identity, duplicates, habilitation, bloc codes,
 *    the route with the eligibility service) then all created in one transaction. Rows/s
 *    (target ≥ 500) and the server's peak RSS during the import (target < 300 MB; Linux
 *    /proc/<pid>/status VmHWM, reset just before the request), with its RSS before.
 * 2. The list: 100,000 candidacies more (SQL, generate_series) across 4 certifications of two
 *    branches, 4 training organisations and 8 employers, then `GET /api/v1/candidacies` for
 *    typical calls (training organisation, branch manager — two certifications —, employer,
 *    admin; with and without a status filter; page 1, the last page but one and the middle page,
 *    the dearest since a page is read from the nearer end; every answer carries `total`), one
 *    request at a time over HTTP, the calls taking turns, after a warm-up: p50 / p95 / p99 / max
 *    per call (target p99 < 50 ms), the server's and its PostgreSQL backends' CPU per request,
 *    the machine's load average at the start and the end; then each call's SQL, captured from
 *    the same service in this process, under EXPLAIN (ANALYZE, BUFFERS): its key lines.
 *
 * Prints figures and whether the targets are met; never fails on timing. Fails (exit 1) when the
 * import is not answered 201 with every row created, or a list call answers anything but 200.
 *
 * Env: BENCH_DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server: a fresh database is created
 * and dropped), BENCH_ROWS (default 10,000), BENCH_CANDIDACIES (default 100,000), BENCH_SAMPLES
 * (requests per list call, default 300), BENCH_WARM_UP (rounds of every call not counted, default
 * 30), BENCH_EXPLAIN=0 (no plans), BENCH_KEEP_DATABASE=1 (keep the database, to explore it; its
 * URL printed), BENCH_SERVER=tsx (run the server from the sources) or the path of another
 * build's cli.js.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, sql } from 'kysely';
import { today } from '../src/contracts/dates.js';
import { IMPORT_COLUMNS } from '../src/modules/candidates/candidacy-imports.js';
import { load, loadAtStart, loadAtStart1 } from './support/load.js';

const TARGET_ROWS_PER_S = 500;
const TARGET_RSS_MB = 300;
const TARGET_P99_MS = 50;
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const CANDIDACIES = Number(process.env.BENCH_CANDIDACIES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 30);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (line = '') => process.stdout.write(`${line}\n`);

/** A letters-only word per index (birth names compare without digits). */
function word(n: number): string {
  let s = '';
  for (let x = n + 1; x > 0; x = Math.floor(x / 26)) s = String.fromCharCode(97 + (x % 26)) + s;
  return s;
}

/** The newest modification time of a .ts file under these directories. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return newest;
}

/** How to start the server: the build when it is there and current, else the sources. */
function serverCommand(): { args: string[]; label: string } {
  const built = path.join(root, 'dist', 'src', 'app', 'cli.js');
  const tsx = { args: ['--import', 'tsx', path.join(root, 'src', 'app', 'cli.ts'), 'serve'] };
  if (process.env.BENCH_SERVER === 'tsx') return { ...tsx, label: 'from the sources (tsx), as asked' };
  if (process.env.BENCH_SERVER?.endsWith('.js'))
    return { args: [process.env.BENCH_SERVER, 'serve'], label: `node ${process.env.BENCH_SERVER} serve` };
  if (!existsSync(built))
    return {
      ...tsx,
      label: 'from the sources (tsx): no dist/ — run `npm run build:server` to measure the build',
    };
  if (statSync(built).mtimeMs < newestSource(['src', 'migrations']))
    return { ...tsx, label: 'from the sources (tsx): dist/ is older than src/ — run `npm run build:server`' };
  return { args: [built, 'serve'], label: 'node dist/src/app/cli.js serve (the build)' };
}

/** A process's resident memory now and its peak, in MB (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU seconds a process has used (user + system; Linux, 100 ticks per second). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resets the process's peak RSS to its current RSS (Linux: clear_refs 5). */
function resetPeak(pid: number) {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

async function startServer(databaseUrl: string, port: number) {
  const { args, label } = serverCommand();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
      JOBS_CONCURRENCY: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error('the server did not answer /healthz within 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, base, label };
}

type Session = { cookie: string; csrf: string };

async function login(base: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login → ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.startsWith('qualif_session='));
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function csvOf(cert: { code: string }, orgSiret: string, employerSiret: string): Buffer {
  const columns = IMPORT_COLUMNS.map((c) => c.name);
  const lines = [columns.join(';')];
  for (let i = 0; i < ROWS; i++) {
    const row: Record<string, string> = {
      nom_naissance: `Banc ${word(i)}`,
      prenom1: ['Camille', 'Louis', 'Inès', 'Hugo'][i % 4] as string,
      sexe: i % 2 === 0 ? 'F' : 'M',
      date_naissance: `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1970 + (i % 35)}`,
      commune_naissance_insee: ['69383', '75112', '13055', '33063'][i % 4] as string,
      email: `banc-${word(i)}@bench.qualif.test`,
      certification: cert.code,
      voie_acces: 'plan_developpement',
      blocs: i % 3 === 0 ? 'BC01' : '',
      organisme_siret: orgSiret,
      employeur_siret: employerSiret,
      date_entree: today(),
      statut: 'salarie',
      type_contrat: 'cdi',
    };
    lines.push(columns.map((c) => row[c] ?? '').join(';'));
  }
  return Buffer.from(lines.join('\n'));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

async function main(): Promise<number> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    out('candidacies.bench: needs a PostgreSQL server (the measured server runs in its own process).');
    out(
      '  Run it as `npm run bench -- candidacies` (starts a throw-away cluster) or set BENCH_DATABASE_URL.',
    );
    return 2;
  }
  process.env.TEST_DATABASE_URL = serverUrl;
  const { createTestDatabase, testConfig, freePort } = await import('../test/support.js');
  const { createServices } = await import('../src/app/app.js');
  const { factories, TEST_PASSWORD } = await import('../test/factories.js');
  const handle = await createTestDatabase();
  let server: { child: ChildProcess; base: string; label: string } | undefined;
  try {
    const { db } = handle;
    const f = factories(createServices(testConfig(), handle));
    const branches = [await f.newBranch(), await f.newBranch()];
    const orgs = [];
    for (let i = 0; i < 4; i++) orgs.push(await f.newOrganisation('training_org'));
    const employers = [];
    for (let i = 0; i < 8; i++) employers.push(await f.newOrganisation('employer'));
    const orgIds = orgs.map((o) => o.id);
    const certs = [];
    for (let i = 0; i < 4; i++)
      certs.push(await f.newEnrollableCertification([(branches[i % 2] as { id: string }).id], orgIds));
    const [org, employer, cert, branch] = [orgs[0], employers[0], certs[0], branches[0]] as [
      { id: string },
      { id: string },
      { id: string; code: string },
      { id: string },
    ];
    const siretOf = async (id: string) =>
      (await db.selectFrom('organisations').select('siret').where('id', '=', id).executeTakeFirstOrThrow())
        .siret as string;
    const users = {
      training_org: await f.newUser('training_org', { organisationId: org.id }),
      branch_manager: await f.newUser('branch_manager', { branchId: branch.id }),
      employer: await f.newUser('employer', { organisationId: employer.id }),
      admin: await f.newUser('admin'),
    };
    const file = csvOf(cert, await siretOf(org.id), await siretOf(employer.id));

    server = await startServer(handle.url as string, await freePort());
    const { child, base } = server;
    const pid = child.pid as number;
    const sessions = {} as Record<keyof typeof users, Session>;
    for (const [role, u] of Object.entries(users))
      sessions[role as keyof typeof users] = await login(base, u.email, TEST_PASSWORD);

    out(`machine at the start: ${loadAtStart}`);
    out(`server: ${server.label}`);
    out('database: PostgreSQL server (fresh database)');
    out();
    out(`1. bulk enrolment: ${ROWS.toLocaleString('en')} rows, ${(file.length / 1024).toFixed(0)} kB CSV`);
    const before = memoryOf(pid);
    resetPeak(pid);
    const cpuBefore = cpuSecondsOf(pid);
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/candidacies/imports`, {
      method: 'POST',
      body: file,
      headers: {
        'content-type': 'text/csv',
        cookie: sessions.training_org.cookie,
        'x-csrf-token': sessions.training_org.csrf,
      },
    });
    const text = await res.text();
    const seconds = (performance.now() - started) / 1000;
    const peak = memoryOf(pid).peak;
    const cpu = cpuSecondsOf(pid) - cpuBefore;
    const created = res.status === 201 ? (JSON.parse(text) as { created: number }).created : 0;
    if (created !== ROWS) {
      out(`import answered ${res.status}, ${created} created: ${text.slice(0, 500)}`);
      return 1;
    }
    const rate = ROWS / seconds;
    out('measure              value      target     met');
    out(
      `rows/s               ${rate.toFixed(0).padStart(8)}   ≥ ${TARGET_ROWS_PER_S}      ${rate >= TARGET_ROWS_PER_S ? 'yes' : 'no'}`,
    );
    out(
      `peak RSS (MB)        ${peak.toFixed(0).padStart(8)}   < ${TARGET_RSS_MB}      ${peak < TARGET_RSS_MB ? 'yes' : 'no'}`,
    );
    out(
      `(${ROWS.toLocaleString('en')} rows in ${seconds.toFixed(1)} s, ${cpu.toFixed(1)} s of the server's CPU: ${(ROWS / cpu).toFixed(0)} rows per CPU-second; ${load()})`,
    );
    out(
      `(server RSS before the import ${before.rss.toFixed(0)} MB, after ${memoryOf(pid).rss.toFixed(0)} MB)`,
    );

    // 2. The list over 100,000 candidacies more.
    out();
    const t0 = performance.now();
    await seedCandidacies(db, {
      certificationIds: certs.map((c) => c.id),
      organisationIds: orgIds,
      employerIds: employers.map((e) => e.id),
    });
    const total = Number(
      (
        await db
          .selectFrom('candidacies')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    out(
      `2. GET /api/v1/candidacies: ${CANDIDACIES.toLocaleString('en')} candidacies generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (${total.toLocaleString('en')} in all)`,
    );
    const totalOf = async (role: keyof typeof users, query: string) => {
      const r = await fetch(`${base}/api/v1/candidacies?${query}`, {
        headers: { cookie: sessions[role].cookie },
      });
      return ((await r.json()) as { total: number }).total;
    };
    /** The last page but one, and the middle page (the dearest: offset paging from either end). */
    const pageAt = async (role: keyof typeof users, query: string, where: 'far' | 'middle') => {
      const pages = Math.ceil((await totalOf(role, query)) / 20);
      return `${query}&page=${Math.max(1, where === 'far' ? pages - 1 : Math.ceil(pages / 2))}`;
    };
    const calls: { label: string; role: keyof typeof users; query: string }[] = [
      { label: 'training org, page 1', role: 'training_org', query: 'page=1' },
      {
        label: 'training org, far page',
        role: 'training_org',
        query: await pageAt('training_org', 'pageSize=20', 'far'),
      },
      {
        label: 'training org, middle page',
        role: 'training_org',
        query: await pageAt('training_org', 'pageSize=20', 'middle'),
      },
      {
        label: 'training org, status, far page',
        role: 'training_org',
        query: await pageAt('training_org', 'status=pathway', 'far'),
      },
      { label: 'branch manager, page 1', role: 'branch_manager', query: 'page=1' },
      { label: 'branch manager, status, page 1', role: 'branch_manager', query: 'status=positioning' },
      {
        label: 'branch manager, status, far page',
        role: 'branch_manager',
        query: await pageAt('branch_manager', 'status=positioning', 'far'),
      },
      {
        label: 'branch manager, status, middle',
        role: 'branch_manager',
        query: await pageAt('branch_manager', 'status=positioning', 'middle'),
      },
      {
        label: 'branch manager, certification',
        role: 'branch_manager',
        query: `certificationId=${certs[2]?.id}&status=pathway`,
      },
      { label: 'employer, page 1', role: 'employer', query: 'page=1' },
      { label: 'admin, page 1', role: 'admin', query: 'page=1' },
      {
        label: 'admin, status, far page',
        role: 'admin',
        query: await pageAt('admin', 'status=enrolled', 'far'),
      },
      {
        label: 'admin, status, middle page',
        role: 'admin',
        query: await pageAt('admin', 'status=enrolled', 'middle'),
      },
    ];
    out(
      `   ${SAMPLES} requests per call, one at a time, the calls taking turns (a burst of load elsewhere hits every call alike), after ${WARM_UP} rounds of warm-up; ${load()}`,
    );
    const times = calls.map(() => [] as number[]);
    const cpuSeconds = calls.map(() => 0);
    const dbCpuSeconds = calls.map(() => 0);
    const answers = calls.map(() => 0);
    // The database's side: the CPU time of the PostgreSQL backends serving this database (the
    // server's pool; the bench's own connections sit idle meanwhile), when the server runs on
    // this machine (its processes readable in /proc).
    let backends: number[] = [];
    /** Each backend's CPU seconds now (a connection closed since is left out). */
    const backendsCpu = () => {
      const now = new Map<number, number>();
      for (const p of backends) {
        try {
          now.set(p, cpuSecondsOf(p));
        } catch {
          // closed since: not counted
        }
      }
      return now;
    };
    /** The CPU the backends present at both readings used in between. */
    const backendsUsed = (before: Map<number, number>, after: Map<number, number>) =>
      [...after].reduce((sum, [p, s]) => sum + (before.has(p) ? s - (before.get(p) as number) : 0), 0);
    const started2 = performance.now();
    for (let round = 0; round < WARM_UP + SAMPLES; round++) {
      if (round >= WARM_UP && (round - WARM_UP) % 50 === 0) {
        const { rows } = await sql<{ pid: number }>`
          select pid from pg_stat_activity where datname = current_database()`.execute(db);
        backends = rows.map((r) => r.pid).filter((p) => existsSync(`/proc/${p}/stat`));
      }
      for (const [n, call] of calls.entries()) {
        const cpuBefore = cpuSecondsOf(pid);
        const dbCpuBefore = backendsCpu();
        const t = performance.now();
        const r = await fetch(`${base}/api/v1/candidacies?${call.query}`, {
          headers: { cookie: sessions[call.role].cookie },
        });
        const body = await r.text();
        const ms = performance.now() - t;
        if (r.status !== 200) {
          out(`${call.label}: answered ${r.status}: ${body.slice(0, 300)}`);
          return 1;
        }
        if (round < WARM_UP) answers[n] = (JSON.parse(body) as { total: number }).total;
        else {
          times[n]?.push(ms);
          cpuSeconds[n] = (cpuSeconds[n] ?? 0) + cpuSecondsOf(pid) - cpuBefore;
          dbCpuSeconds[n] = (dbCpuSeconds[n] ?? 0) + backendsUsed(dbCpuBefore, backendsCpu());
        }
      }
    }
    out(`   (measured in ${((performance.now() - started2) / 1000).toFixed(0)} s)`);
    out();
    const columns = ['total', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU ms', 'DB CPU'];
    out(`${'call'.padEnd(34)}${columns.map((c) => c.padStart(9)).join('')}  met`);
    let worst = 0;
    for (const [n, call] of calls.entries()) {
      const sorted = (times[n] ?? []).sort((a, b) => a - b);
      const p99 = percentile(sorted, 99);
      worst = Math.max(worst, p99);
      const figures = [
        (answers[n] ?? 0).toLocaleString('en'),
        ...[50, 95, 99, 100].map((p) => percentile(sorted, p).toFixed(1)),
        (((cpuSeconds[n] ?? 0) * 1000) / SAMPLES).toFixed(1),
        backends.length > 0 ? (((dbCpuSeconds[n] ?? 0) * 1000) / SAMPLES).toFixed(1) : '—',
      ];
      out(
        `${call.label.padEnd(34)}${figures.map((f) => f.padStart(9)).join('')}  ${p99 < TARGET_P99_MS ? 'yes' : 'no'}`,
      );
    }
    out();
    out(
      `Target: p99 < ${TARGET_P99_MS} ms on every call — ${worst < TARGET_P99_MS ? 'met' : 'NOT met'} (worst p99 ${worst.toFixed(1)} ms)`,
    );
    out(`Machine: ${load()} at the end; at the start: ${loadAtStart}`);
    if (Math.max(loadAtStart1, loadavg()[0] ?? 0) > cpus().length)
      out(
        '  The machine was busy (load average above its number of cores): the percentiles include waits for a core.',
      );
    out(
      "(CPU ms: the server process's CPU time per request, whatever the machine's load; DB CPU: its PostgreSQL backends' — both from /proc, in ticks of 10 ms, averaged)",
    );
    if (process.env.BENCH_EXPLAIN !== '0') {
      out();
      out('Plans of the SQL the list emits (in process, the same service; EXPLAIN ANALYZE, key lines):');
      await explainCalls(handle, calls, sessions);
    }
    return 0;
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server?.child.once('exit', r));
    }
    if (process.env.BENCH_KEEP_DATABASE) out(`database kept (BENCH_KEEP_DATABASE): ${handle.url}`);
    else await handle.close();
  }
}

/**
 * For each call, the SQL the list emits — captured from the same service run in this process
 * with the call's user and query — under EXPLAIN (ANALYZE, BUFFERS): its execution time and the
 * plan's key lines (scans and the rows they read, sorts, merges).
 */
async function explainCalls(
  handle: Awaited<ReturnType<typeof import('../test/support.js')['createTestDatabase']>>,
  calls: { label: string; role: string; query: string }[],
  sessions: Record<string, Session>,
) {
  const { createServices } = await import('../src/app/app.js');
  const { testConfig } = await import('../test/support.js');
  const { candidacyListQuery } = await import('../src/modules/candidates/schemas.js');
  const { db } = handle;
  // Every query's SQL by its id (subqueries are compiled on their own too), and the ones run.
  const compiled = new Map<unknown, CompiledQuery>();
  let captured: CompiledQuery[] = [];
  const capturing = db.withPlugin({
    transformQuery: (args) => {
      compiled.set(args.queryId, db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => {
      const query = compiled.get(args.queryId);
      if (query) captured.push(query);
      return args.result;
    },
  });
  const services = createServices(testConfig(), { ...handle, db: capturing });
  for (const call of calls) {
    const token = decodeURIComponent(sessions[call.role]?.cookie.split('=')[1] ?? '');
    const actor = await services.sessions.resolve(token);
    if (!actor) throw new Error(`no session for ${call.role}`);
    captured = [];
    compiled.clear();
    await services.candidacies.list(
      candidacyListQuery.parse(Object.fromEntries(new URLSearchParams(call.query))),
      actor,
    );
    out(`${call.label} (${call.query}):`);
    for (const q of captured.filter((c) => /from "candidac(y_counts|ies)"/.test(c.sql))) {
      const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze, buffers, costs off) ${q.sql}`, [...q.parameters]),
      );
      const lines = rows.map((r) => r['QUERY PLAN']);
      const time = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '');
      const what = q.sql.includes('candidacy_counts') ? 'counts' : 'page';
      out(`  ${what}, ${time}:`);
      for (const line of lines.filter((l) =>
        /Scan|Merge Append|Sort Method|Sort \(|Limit|Rows Removed|Hash(Aggregate| Join)/.test(l),
      ))
        out(
          `    ${line
            .trim()
            .replace(/^-> +/, '')
            .replace(/\(actual time=[\d.]+\.\.([\d.]+) /, '(ms $1, ')}`,
        );
    }
  }
}

/**
 * CANDIDACIES candidacies of as many new candidates, in SQL: spread over the certifications,
 * training organisations, employers (one in eight without), the lifecycle's states and a year of
 * creation dates. Every other column is copied from an imported candidate and candidacy, so the
 * seed keeps up with columns added by later migrations.
 */
async function seedCandidacies(
  db: Awaited<ReturnType<typeof import('../test/support.js')['createTestDatabase']>>['db'],
  ids: { certificationIds: string[]; organisationIds: string[]; employerIds: string[] },
) {
  const statuses = ['enrolled', 'positioning', 'pathway', 'assessment', 'ready_for_jury', 'withdrawn'];
  const arr = (values: string[]) => sql`${sql.val(values)}::text[]`;
  const pick = (values: string[], by: string) =>
    sql`(${arr(values)})[1 + (${sql.raw(by)}) % ${sql.lit(values.length)}]`;
  /** `insert into <table> (…) select …`: the given expressions, the model row's value for the rest. */
  const columnsOf = async (table: string, given: Record<string, ReturnType<typeof sql>>) => {
    const { rows } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and column_name <> 'id'
      order by ordinal_position`.execute(db);
    const names = rows.map((r) => r.column_name);
    return {
      names: sql.join(names.map((n) => sql.id(n))),
      values: sql.join(names.map((n) => given[n] ?? sql`m.${sql.id(n)}`)),
    };
  };
  const people = await columnsOf('candidates', {
    birth_name: sql`'Generee ' || g.n`,
    sex: sql`case when g.n % 2 = 0 then 'F' else 'M' end`,
    birth_year: sql`1970 + g.n % 35`,
    birth_month: sql`1 + g.n % 12`,
    birth_day: sql`1 + g.n % 28`,
    email: sql`null`,
    email_key: sql`null`,
    user_id: sql`null`,
    identity_key: sql`'bench:' || g.n`,
    created_at: sql`now() - make_interval(mins => g.n * 5)`,
  });
  await sql`
    insert into candidates (${people.names})
    select ${people.values}
    from generate_series(1, ${sql.lit(CANDIDACIES)}) g(n)
    cross join (select * from candidates where identity_key not like 'bench:%' limit 1) m`.execute(db);
  const candidacy = await columnsOf('candidacies', {
    candidate_id: sql`p.id`,
    certification_id: sql`${pick(ids.certificationIds, 'p.n')}::uuid`,
    training_organisation_id: sql`${pick(ids.organisationIds, 'p.n / 7')}::uuid`,
    employer_id: sql`case when p.n % 8 = 0 then null else ${pick(ids.employerIds, 'p.n / 3')}::uuid end`,
    status: pick(statuses, 'p.n / 11'),
    enrolled_on: sql`p.created_at::date`,
    created_at: sql`p.created_at`,
    updated_at: sql`p.created_at`,
  });
  await sql`
    insert into candidacies (${candidacy.names})
    select ${candidacy.values}
    from (select id, created_at, row_number() over (order by id) as n
          from candidates where identity_key like 'bench:%') p
    cross join (select * from candidacies limit 1) m`.execute(db);
  // As autovacuum does after so many inserts: statistics, and the visibility map that lets the
  // list's index-only scans skip the table.
  await sql`vacuum analyze candidacies, candidates, candidacy_counts`.execute(db);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
