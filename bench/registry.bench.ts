/**
 * RNCP import at the size of the real export: the fixture's 12 real fiches multiplied,
 * renumbered (RNCP1000000…), into one XML file of BENCH_FICHES fiches (default 50,000) in a
 * temp dir; then, each in a child process that reports its own peak RSS:
 *   1. parse only — the streaming parser, fiches discarded;
 *   2. import — `qualif registry import`'s service (stage in batches, one swap transaction)
 *      into a fresh database: PGlite on disk in a temp dir, or, with BENCH_DATABASE_URL
 *      (or TEST_DATABASE_URL), a fresh database on that PostgreSQL server.
 * Targets: import peak RSS < 300 MB; import time ≤ 4 × parse time. Figures are printed,
 * never enforced; the bench fails only if a step fails or reads the wrong number of fiches.
 *
 *   npm run bench -- registry
 *   BENCH_FICHES=5000 npm run bench -- registry          quick try
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { adminQuery } from '../test/admin-query.js';

const out = (line = '') => process.stdout.write(`${line}\n`);
const self = fileURLToPath(import.meta.url);
const projectRoot = path.resolve(path.dirname(self), '..');

type ChildResult = {
  ms: number;
  fiches: number;
  maxRssMb: number;
  /** RSS once the database is open and migrated, before the import starts. */
  baseRssMb?: number;
  status?: string;
  error?: string;
};

async function child(mode: 'parse' | 'import', file: string, dbUrl?: string) {
  const started = performance.now();
  let fiches = 0;
  let status: string | undefined;
  let error: string | undefined;
  if (mode === 'parse') {
    const { parseRegistryXml } = await import('../src/modules/registry/xml-parser.js');
    const result = await parseRegistryXml(createReadStream(file, { highWaterMark: 256 * 1024 }), () => {});
    fiches = result.fiches;
  } else {
    const { openDatabase } = await import('../src/platform/db/connect.js');
    const { migrateToLatest } = await import('../src/platform/db/migrate.js');
    const { registryImportServiceFactory } = await import(
      '../src/modules/registry/registry-import.service.js'
    );
    const { SYSTEM_ACTOR } = await import('../src/platform/auth/actor.js');
    const handle = dbUrl
      ? await openDatabase({ engine: 'postgres', url: dbUrl, poolSize: 2 })
      : await openDatabase({ engine: 'pglite', dataDir: path.join(path.dirname(file), 'db') });
    await migrateToLatest(handle.db);
    const imports = registryImportServiceFactory({ db: handle.db, maxFileBytes: Number.MAX_SAFE_INTEGER });
    const baseRssMb = process.memoryUsage().rss / 1024 / 1024;
    const t0 = performance.now();
    const run = await imports.importFile(file, { fileName: path.basename(file), actor: SYSTEM_ACTOR });
    const ms = performance.now() - t0;
    await handle.close();
    fiches = run?.new_count ?? 0;
    status = run?.status;
    error = run?.error_message ?? undefined;
    const result: ChildResult = {
      ms,
      fiches,
      baseRssMb,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      status,
      error,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const result: ChildResult = {
    ms: performance.now() - started,
    fiches,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function runChild(mode: 'parse' | 'import', file: string, dbUrl?: string): Promise<ChildResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', self, '--child', mode, file, ...(dbUrl ? [dbUrl] : [])],
    { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024, timeout: 60 * 60 * 1000 },
  );
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildResult;
}

/** Writes `count` fiches cycled from the fixture, each renumbered, with backpressure. */
async function generate(file: string, count: number) {
  const fixture = readFileSync(
    path.join(projectRoot, 'reference/registry/export_fiches_RNCP_fixture.xml'),
    'utf8',
  );
  const fiches = [...fixture.matchAll(/<FICHE>[\s\S]*?<\/FICHE>/g)].map((m) => m[0]);
  const stream = createWriteStream(file);
  let failed: Error | undefined;
  stream.on('error', (err) => {
    failed = err;
  });
  const write = async (text: string) => {
    if (failed) throw failed;
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  await write(
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<FICHES>\n  <VERSION_FLUX>4.1</VERSION_FLUX>\n',
  );
  for (let i = 0; i < count; i++) {
    const source = fiches[i % fiches.length] as string;
    await write(
      `  ${source
        .replace(/<NUMERO_FICHE>RNCP\d+<\/NUMERO_FICHE>/, `<NUMERO_FICHE>RNCP${1_000_000 + i}</NUMERO_FICHE>`)
        .replace(/<ID_FICHE>\d+<\/ID_FICHE>/, `<ID_FICHE>${1_000_000 + i}</ID_FICHE>`)}\n`,
    );
  }
  await write('</FICHES>\n');
  await new Promise<void>((resolve, reject) =>
    stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

async function main() {
  const count = Number(process.env.BENCH_FICHES ?? 50_000);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const dir = await mkdtemp(path.join(tmpdir(), 'qualif-registry-bench-'));
  let dbName: string | undefined;
  try {
    const file = path.join(dir, 'export_fiches_RNCP_bench.xml');
    const g0 = performance.now();
    await generate(file, count);
    const size = (await stat(file)).size;
    out(
      `generated ${count} fiches, ${(size / 1024 / 1024).toFixed(0)} MB, in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
    );

    const parse = await runChild('parse', file);
    if (parse.fiches !== count) throw new Error(`parse read ${parse.fiches} fiches, expected ${count}`);

    let dbUrl: string | undefined;
    if (serverUrl) {
      dbName = `qualif_bench_${randomBytes(6).toString('hex')}`;
      await adminQuery(serverUrl, `create database ${dbName}`);
      const u = new URL(serverUrl);
      u.pathname = `/${dbName}`;
      dbUrl = u.href;
    }
    const engine = dbUrl ? 'PostgreSQL server' : 'PGlite on disk';
    const imp = await runChild('import', file, dbUrl);
    if (imp.status !== 'succeeded') throw new Error(`import ${imp.status}: ${imp.error}`);
    if (imp.fiches !== count) throw new Error(`import wrote ${imp.fiches} new fiches, expected ${count}`);

    const mbs = (ms: number) => (size / 1024 / 1024 / (ms / 1000)).toFixed(1);
    out();
    out(`step                       time (s)   fiches/s     MB/s   peak RSS (MB)`);
    out(
      `parse only (stream)        ${(parse.ms / 1000).toFixed(1).padStart(8)}   ${Math.round(
        count / (parse.ms / 1000),
      )
        .toString()
        .padStart(8)}   ${mbs(parse.ms).padStart(6)}   ${parse.maxRssMb.toFixed(0).padStart(13)}`,
    );
    out(
      `import (${engine.padEnd(17)}) ${(imp.ms / 1000).toFixed(1).padStart(8)}   ${Math.round(
        count / (imp.ms / 1000),
      )
        .toString()
        .padStart(8)}   ${mbs(imp.ms).padStart(6)}   ${imp.maxRssMb.toFixed(0).padStart(13)}`,
    );
    out(
      `import process RSS before the import (database open and migrated): ${(imp.baseRssMb ?? 0).toFixed(0)} MB`,
    );
    const ratio = imp.ms / parse.ms;
    out();
    out(`import ÷ parse: ${ratio.toFixed(2)}`);
    out(
      `Target: import peak RSS < 300 MB — ${imp.maxRssMb < 300 ? 'met' : 'NOT met'} (${imp.maxRssMb.toFixed(0)} MB)`,
    );
    out(`Target: import ≤ 4 × parse — ${ratio <= 4 ? 'met' : 'NOT met'} (${ratio.toFixed(2)} ×)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (serverUrl && dbName) await adminQuery(serverUrl, `drop database if exists ${dbName} with (force)`);
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  await child(
    process.argv[childAt + 1] as 'parse' | 'import',
    process.argv[childAt + 2] as string,
    process.argv[childAt + 3],
  );
} else {
  await main();
}
