/**
 * Runs every `bench/*.bench.ts`, in name order, each in its own Node process, streaming
 * its output. Exits non-zero if one fails (crashes, or reports an invalid measurement).
 * Timing targets are printed by the benches, never enforced here.
 *
 *   npm run bench              every bench
 *   npm run bench -- http      only the benches whose file name contains "http"
 *
 * Benches that need a PostgreSQL server (search, candidacies, juries) read BENCH_DATABASE_URL or
 * TEST_DATABASE_URL. When neither is set, this script runs itself again under
 * scripts/with-postgres.sh, which starts a throw-away cluster on loopback (initdb/pg_ctl,
 * Debian package postgresql) and sets TEST_DATABASE_URL.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(benchDir, '..');

if (!process.env.BENCH_DATABASE_URL && !process.env.TEST_DATABASE_URL) {
  const script = path.join(projectRoot, 'scripts', 'with-postgres.sh');
  const args = [
    script,
    process.execPath,
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    ...process.argv.slice(2),
  ];
  const child = spawn('bash', args, { cwd: projectRoot, stdio: 'inherit' });
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await main();
}

function runOne(file: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    // tsx as an import hook: one process per bench, no extra npx/tsx wrapper process.
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: projectRoot, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function main() {
  const filters = process.argv.slice(2);
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
    .sort();

  if (files.length === 0) {
    process.stderr.write(
      `bench: no bench/*.bench.ts file${filters.length ? ` matching ${filters.join(', ')}` : ''}\n`,
    );
    process.exit(1);
  }

  const failed: string[] = [];
  for (const file of files) {
    process.stdout.write(`\n=== bench/${file} ===\n`);
    const started = Date.now();
    const { code, signal } = await runOne(path.join(benchDir, file));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code === 0) {
      process.stdout.write(`=== bench/${file}: done in ${seconds} s ===\n`);
    } else {
      failed.push(file);
      process.stdout.write(
        `=== bench/${file}: FAILED (${signal ?? `exit code ${code}`}) after ${seconds} s ===\n`,
      );
    }
  }

  if (failed.length > 0) {
    process.stderr.write(`\nbench: ${failed.length} of ${files.length} failed: ${failed.join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`\nbench: ${files.length} bench${files.length > 1 ? 'es' : ''} done\n`);
}
