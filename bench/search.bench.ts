/**
 * Public catalogue search over 20,000 generated certifications on a real PostgreSQL: the
 * Qualif route (`GET /api/v1/certifications`) against a bare Fastify route that runs the
 * same search function on the same database, 50 connections each, on loopback.
 * Target: p99 < 50 ms, and ≥ 60 % of the bare route's throughput.
 *
 * Env: BENCH_DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server URL with the right to
 * create databases; a fresh one is created and dropped), BENCH_DURATION (seconds per target,
 * default 10), BENCH_CERTIFICATIONS (default 20000).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { createApp } from '../src/app/app.js';
import { loadConfig } from '../src/app/config.js';
import { refreshSearch, writePeriods } from '../src/modules/catalogue/certifications.repo.js';
import { type RecognitionEvent, recognitionTimeline } from '../src/modules/catalogue/domain/recognition.js';
import { searchCertifications } from '../src/modules/catalogue/search.repo.js';
import { searchServiceFactory } from '../src/modules/catalogue/search.service.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { adminQuery } from '../test/admin-query.js';

const out = (line = '') => process.stdout.write(`${line}\n`);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  out(
    'search.bench: needs a PostgreSQL server. Run it as `scripts/with-postgres.sh npm run bench -- search`',
  );
  out(
    '  (starts a throw-away cluster; needs initdb/pg_ctl, Debian package postgresql), or set BENCH_DATABASE_URL.',
  );
  process.exit(2);
}
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const COUNT = Number(process.env.BENCH_CERTIFICATIONS ?? 20_000);
const CONNECTIONS = 50;

const JOBS = [
  'Agent',
  'Opérateur',
  'Technicien',
  'Préparateur',
  'Conducteur',
  'Assistant',
  'Responsable',
  'Animateur',
  'Monteur',
  'Vendeur',
];
const FIELDS = [
  'de prévention et de sécurité',
  'de commandes',
  'de quai',
  'de maintenance industrielle',
  'en pharmacie industrielle',
  'de production',
  'logistique',
  'de piste',
  'cordiste',
  'de conditionnement',
  'en froid commercial',
  'de magasin',
];
const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;

async function generate(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  const branches = await db
    .insertInto('branches')
    .values(Array.from({ length: 40 }, (_, i) => ({ name: `Branche ${i + 1}` })))
    .returning('id')
    .execute();
  const BATCH = 1000;
  for (let start = 0; start < COUNT; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, COUNT - start) }, (_, k) => {
      const i = start + k;
      return {
        kind: i % 10 === 0 ? ('CQPI' as const) : ('CQP' as const),
        code: `CQP-G${i}`,
        title: `${pick(JOBS, i)} ${pick(FIELDS, Math.floor(i / JOBS.length))} ${i}`,
        description: `Certification générée n° ${i} pour la mesure de la recherche ; ${pick(FIELDS, i)}.`,
        jobs_targeted: pick(JOBS, i + 3),
        legal_owner_name: 'Association paritaire (bench)',
        legal_owner_siret: '73282932000074',
        rome_codes: [pick(['K2503', 'N1103', 'N1105', 'H2102'], i)],
        // One in twenty is a draft, which the public search leaves out.
        status: i % 20 === 19 ? ('draft' as const) : ('active' as const),
      };
    });
    const ids = await db.insertInto('certifications').values(rows).returning('id').execute();
    await db
      .insertInto('certification_branches')
      .values(
        ids.map((r, k) => ({
          certification_id: r.id,
          branch_id: (branches[(start + k) % branches.length] as { id: string }).id,
        })),
      )
      .execute();
    for (const [k, { id }] of ids.entries()) {
      const i = start + k;
      const events: RecognitionEvent[] = [
        { type: 'created', date: '2019-01-10' },
        { type: 'transmitted', date: '2019-03-01' },
      ];
      if (i % 3 === 0)
        events.push({
          type: 'rncp_registered',
          date: '2021-01-01',
          number: `RNCP${30000 + i}`,
          level: 3 + (i % 4),
          from: '2021-01-01',
          to: '2027-12-31',
        });
      if (i % 7 === 0)
        events.push({
          type: 'rs_registered',
          date: '2022-01-01',
          number: `RS${5000 + i}`,
          from: '2022-01-01',
          to: '2026-01-01',
        });
      await writePeriods(db, id, recognitionTimeline(events));
    }
  }
  await refreshSearch(db, 'all');
  await sql`analyze`.execute(db);
}

type Result = { label: string; rps: number; p99: number; non2xx: number; errors: number };

function load(label: string, base: string, paths: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: paths.map((path) => ({ method: 'GET', path })),
      },
      (error, r) => {
        if (error) reject(error);
        else
          resolve({ label, rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
      },
    );
  });
}

const QUERIES = [
  'q=securite',
  'q=preparateur%20commande',
  'q=maintenance&recognition=rncp',
  'kind=CQPI&page=3',
  'level=4',
  'q=technicen%20de%20producton',
  'recognition=rs&page=2',
  'q=agent%20de%20quai&level=3',
];

/** 600 distinct searches (words × places × pages): more than the answer cache keeps. */
const UNCACHED = JOBS.flatMap((job) =>
  FIELDS.flatMap((field) =>
    [1, 2, 3, 4, 5].map((page) => `q=${encodeURIComponent(`${job} ${field}`)}&page=${page}`),
  ),
);

function filtersOf(query: string) {
  const p = new URLSearchParams(query);
  return {
    q: p.get('q') ?? undefined,
    kind: (p.get('kind') as 'CQP' | 'CQPI' | null) ?? undefined,
    level: p.get('level') ? Number(p.get('level')) : undefined,
    recognition: (p.get('recognition') as 'rncp' | null) ?? undefined,
    date: new Date().toISOString().slice(0, 10),
    page: Number(p.get('page') ?? 1),
  };
}

async function fetchOnce(query: string) {
  const { page, ...filters } = filtersOf(query);
  const publicOnes = { statuses: ['active', 'retired'] as const, draftBranchIds: [] };
  return (await searchCertifications(handle.db, { ...filters, ...publicOnes }, page, 20)).total;
}

const name = `qualif_bench_${randomBytes(5).toString('hex')}`;
await adminQuery(serverUrl, `create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const handle = await openDatabase({ engine: 'postgres', url: url.href, poolSize: 20 });
try {
  await migrateToLatest(handle.db);
  const t0 = Date.now();
  await generate(handle.db);
  out(
    `search.bench: ${COUNT} certifications generated in ${((Date.now() - t0) / 1000).toFixed(1)} s on PostgreSQL`,
  );

  out('one request of each kind, alone (ms):');
  for (const query of QUERIES) {
    const t = performance.now();
    const res = await fetchOnce(query);
    out(`  ${query.padEnd(36)} ${(performance.now() - t).toFixed(1).padStart(7)}  (${res} results)`);
  }

  const bare = Fastify({ logger: false });
  // The same service the Qualif route calls (same SQL, same cache), without Qualif's stack.
  const service = searchServiceFactory({ db: handle.db });
  bare.get('/search', async (request) => {
    const { page, ...filters } = filtersOf(request.url.split('?')[1] ?? '');
    return service.search(filters, ['active', 'retired'], null, page, 20);
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
  });
  const { app } = await createApp(config, handle);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseOf = (s: { address(): AddressInfo | string | null }) =>
    `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

  // Warm both (plans, caches), then measure one after the other.
  await load(
    'warm-up',
    baseOf(bare.server),
    QUERIES.map((q) => `/search?${q}`),
  );
  await load(
    'warm-up',
    baseOf(app.server),
    QUERIES.map((q) => `/api/v1/certifications?${q}`),
  );
  const bareResult = await load(
    'bare Fastify + same search',
    baseOf(bare.server),
    QUERIES.map((q) => `/search?${q}`),
  );
  const qualif = await load(
    'Qualif GET /api/v1/certifications',
    baseOf(app.server),
    QUERIES.map((q) => `/api/v1/certifications?${q}`),
  );
  // The same load with more distinct searches than the answer cache holds (500): every
  // request runs its SQL. Printed for reading, not held to the targets.
  const bareMisses = await load(
    'bare, uncached',
    baseOf(bare.server),
    UNCACHED.map((q) => `/search?${q}`),
  );
  const qualifMisses = await load(
    'Qualif, uncached',
    baseOf(app.server),
    UNCACHED.map((q) => `/api/v1/certifications?${q}`),
  );

  out();
  out(`${'target'.padEnd(40)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)}`);
  const all = [bareResult, qualif, bareMisses, qualifMisses];
  for (const r of all) {
    out(
      `${r.label.padEnd(40)} ${r.rps.toFixed(0).padStart(9)} ${r.p99.toFixed(1).padStart(8)} ${String(r.non2xx + r.errors).padStart(8)}`,
    );
  }
  const ratio = (qualif.rps / bareResult.rps) * 100;
  out();
  out(`ratio Qualif ÷ bare (the ${QUERIES.length} searches above, answers cached): ${ratio.toFixed(0)} %`);
  out(
    `ratio Qualif ÷ bare (${UNCACHED.length} distinct searches, every one runs its SQL): ${((qualifMisses.rps / bareMisses.rps) * 100).toFixed(0)} %`,
  );
  out(`Target: p99 < 50 ms — ${qualif.p99 < 50 ? 'met' : 'NOT met'} (${qualif.p99.toFixed(1)} ms)`);
  out(`Target: ≥ 60 % of the bare route's throughput — ${ratio >= 60 ? 'met' : 'NOT met'}`);
  await app.close();
  await bare.close();
  if (all.some((r) => r.non2xx + r.errors > 0)) {
    out('search.bench: some requests failed; the figures above measure errors, not search.');
    process.exitCode = 1;
  }
} finally {
  await handle.close();
  await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}
