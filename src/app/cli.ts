#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { verifyAuditTrail } from '../platform/audit/audit.js';
import { SYSTEM_ACTOR } from '../platform/auth/actor.js';
import { isRole, ROLES } from '../platform/auth/roles.js';
import { openDatabase } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { Problem } from '../platform/problem.js';
import { createApp, createServices, databaseTarget, openMigratedDatabase, version } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { seedDemo } from './demo.js';

/** Prints a one-line error (no stack) and exits non-zero. */
function fail(message: string, code = 1): never {
  process.stderr.write(`qualif: ${message}\n`);
  process.exit(code);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }
}

function where(c: Config) {
  return c.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${c.dataDir}`;
}

async function printDemo(c: Config) {
  const handle = await openMigratedDatabase(c);
  try {
    const services = createServices(c, handle);
    // The seal's certificate recorded before the demo's juries seal their minutes in a transaction.
    await services.sealer.certificate();
    const accounts = await seedDemo(services, c.env);
    process.stdout.write(`\nDemo accounts (password: qualif-demo):\n`);
    for (const a of accounts) process.stdout.write(`  ${a.role.padEnd(15)} ${a.email}\n`);
    process.stdout.write('\n');
  } finally {
    await handle.close();
  }
}

const program = new Command()
  .name('qualif')
  .description('Qualif — Certificats de Qualification Professionnelle (CQP / CQPI)')
  .version(version)
  .showHelpAfterError();

program
  .command('serve')
  .description('apply pending migrations, then serve the API and the web app on HOST:PORT')
  .option('--demo', 'seed the demo accounts first (refused when NODE_ENV=production)')
  .action(async (opts: { demo?: boolean }) => {
    const c = config();
    if (opts.demo) await printDemo(c);
    const handle = await openMigratedDatabase(c);
    const { app } = await createApp(c, handle);
    const shutdown = async () => {
      await app.close();
      await handle.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    await app.listen({ host: c.host, port: c.port });
    process.stdout.write(`Qualif ${version} on ${c.publicUrl} — database: ${where(c)}\n`);
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const c = config();
    const handle = await openDatabase(databaseTarget(c));
    try {
      const applied = await migrateToLatest(handle.db);
      process.stdout.write(
        applied.length ? `Applied: ${applied.join(', ')}\n` : `Database is up to date (${where(c)}).\n`,
      );
    } finally {
      await handle.close();
    }
  });

program
  .command('seed-demo')
  .description(
    'create the demo accounts <role>@demo.qualif.test (password qualif-demo); refused in production',
  )
  .action(async () => {
    const c = config();
    if (c.env === 'production') fail('demo data is refused when NODE_ENV=production');
    await printDemo(c);
  });

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .description('create an account with one role; prints a generated password unless --password-stdin')
  .requiredOption('--email <email>', 'sign-in email address')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`, (v) => {
    if (!isRole(v)) throw new InvalidArgumentError(`expected one of: ${ROLES.join(', ')}`);
    return v;
  })
  .option('--branch <uuid>', 'branch id (branch_manager, advisor)')
  .option('--organisation <uuid>', 'organisation id (training_org, employer)')
  .option('--password-stdin', 'read the password from standard input')
  .action(
    async (opts: {
      email: string;
      name: string;
      role: string;
      branch?: string;
      organisation?: string;
      passwordStdin?: boolean;
    }) => {
      const c = config();
      let password: string;
      let generated = false;
      if (opts.passwordStdin) {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        password = Buffer.concat(chunks)
          .toString('utf8')
          .replace(/\r?\n$/, '');
      } else {
        password = randomBytes(18).toString('base64url');
        generated = true;
      }
      const handle = await openMigratedDatabase(c);
      try {
        const created = await createServices(c, handle).users.createUser(
          {
            email: opts.email,
            displayName: opts.name,
            password,
            grants: [{ role: opts.role, branchId: opts.branch, organisationId: opts.organisation }],
          },
          SYSTEM_ACTOR,
        );
        process.stdout.write(`Created ${created.email} (${opts.role}), id ${created.id}\n`);
        if (generated) process.stdout.write(`Password (shown once): ${password}\n`);
      } catch (error) {
        if (error instanceof Problem) {
          const fields = (error.errors ?? []).map((e) => `\n  - ${e.field}: ${e.detail}`).join('');
          fail(`${error.detail ?? error.title}${fields}`);
        }
        throw error;
      } finally {
        await handle.close();
      }
    },
  );

const audit = program.command('audit').description('the tamper-evident audit trail');
audit
  .command('verify')
  .description('check every link of the audit hash chain; exits 1 naming the first bad row')
  .action(async () => {
    const c = config();
    const handle = await openMigratedDatabase(c);
    const verdict = await verifyAuditTrail(handle.db).finally(() => handle.close());
    // Exit explicitly: PGlite's runtime resets process.exitCode when it closes.
    if (!verdict.ok) {
      fail(
        `Audit trail BROKEN at row ${verdict.firstBadId}: ${verdict.reason} (${verdict.checked} rows verified before it).`,
      );
    }
    process.stdout.write(`Audit trail intact: ${verdict.checked} rows verified.\n`);
  });

const registry = program.command('registry').description('France compétences RNCP / RS open data');
registry
  .command('import')
  .argument(
    '<file>',
    'the export: XML flux, zip of the XML, or the CSV zip (export-fiches-csv-AAAA-MM-JJ.zip)',
  )
  .description('import a France compétences export, then compare linked certifications with it (alerts)')
  .action(async (file: string) => {
    const c = config();
    const handle = await openMigratedDatabase(c);
    const services = createServices(c, handle);
    const tty = process.stderr.isTTY === true;
    let lastLine = 0;
    const onProgress = (p: { bytes: number; fiches: number; bytesTotal: number }) => {
      const now = Date.now();
      if (now - lastLine < (tty ? 100 : 5000)) return;
      lastLine = now;
      process.stderr.write(tty ? `\r${progressBar(p)}` : `${progressLine(p)}\n`);
    };
    let run: Awaited<ReturnType<typeof services.registry.imports.importFile>>;
    try {
      run = await services.registry.imports.importFile(path.resolve(file), {
        fileName: path.basename(file),
        actor: SYSTEM_ACTOR,
        onProgress,
      });
    } catch (error) {
      await handle.close();
      if (error instanceof Problem) fail(error.detail ?? error.title);
      throw error;
    }
    await handle.close();
    if (tty) process.stderr.write('\r\x1b[K');
    if (!run) fail('import introuvable');
    if (run.status !== 'succeeded') fail(`import ${run.id} en échec : ${run.error_message}`);
    process.stdout.write(
      `Import ${run.id} réussi (${run.kind}, ${run.file_type}, version ${run.version}) : ${run.fiches_read} fiches lues — ` +
        `${run.new_count} nouvelles, ${run.changed_count} modifiées, ${run.unchanged_count} inchangées, ` +
        `${run.removed_count} absentes de l’export, ${run.rejected_count} rejetées ; ${run.alerts_count} alertes ouvertes.\n`,
    );
    if (run.error_message) process.stderr.write(`qualif: ${run.error_message}\n`);
  });

registry
  .command('runs')
  .description('list the latest imports')
  .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 20)
  .action(async (opts: { limit: number }) => {
    const c = config();
    const handle = await openMigratedDatabase(c);
    const runs = await createServices(c, handle)
      .registry.imports.listRuns(opts.limit)
      .finally(() => handle.close());
    if (runs.length === 0) process.stdout.write('Aucun import.\n');
    for (const r of runs) {
      const counts =
        r.status === 'succeeded'
          ? `${r.fiches_read} fiches : +${r.new_count} ~${r.changed_count} =${r.unchanged_count} -${r.removed_count} rejetées ${r.rejected_count}, alertes ${r.alerts_count}`
          : (r.error_message ?? '');
      process.stdout.write(
        `${new Date(r.started_at).toISOString()}  ${r.status.padEnd(9)}  ${r.file_name}  ${counts}  (${r.id})\n`,
      );
    }
  });

const JOB_STATES = ['pending', 'running', 'done', 'dead', 'cancelled'] as const;
const jobs = program.command('jobs').description('background jobs (emails, reminders)');
jobs
  .command('list')
  .description('list jobs in one state, latest first, with their attempts and last error')
  .option(
    '--state <state>',
    JOB_STATES.join(' | '),
    (v) => {
      if (!(JOB_STATES as readonly string[]).includes(v)) {
        throw new InvalidArgumentError(`one of ${JOB_STATES.join(', ')}`);
      }
      return v as (typeof JOB_STATES)[number];
    },
    'dead' as const,
  )
  .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 50)
  .action(async (opts: { state: (typeof JOB_STATES)[number]; limit: number }) => {
    const c = config();
    const handle = await openMigratedDatabase(c);
    const list = await createServices(c, handle)
      .jobs.list(opts.state, opts.limit)
      .finally(() => handle.close());
    if (list.length === 0) process.stdout.write(`Aucune tâche à l’état ${opts.state}.\n`);
    for (const j of list) {
      process.stdout.write(
        `${j.runAt.toISOString()}  ${j.state.padEnd(9)}  ${j.kind}  essais ${j.attempts}/${j.maxAttempts}` +
          `${j.lastError ? `  ${j.lastError}` : ''}  (${j.id})\n`,
      );
    }
  });
jobs
  .command('retry')
  .argument('<id>', 'a dead job (qualif jobs list)')
  .description('put a dead job back in the queue with a fresh attempt budget')
  .action(async (id: string) => {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      fail(`aucune tâche en échec définitif (dead) avec l’id ${id}`);
    }
    const c = config();
    const handle = await openMigratedDatabase(c);
    const retried = await createServices(c, handle)
      .jobs.retry(id)
      .finally(() => handle.close());
    if (!retried) fail(`aucune tâche en échec définitif (dead) avec l’id ${id}`);
    process.stdout.write(`Tâche ${id} remise en file : elle sera exécutée par un processus serve.\n`);
  });

const candidates = program.command('candidates').description('candidates’ personal data');
candidates
  .command('purge')
  .description(
    'anonymise the candidates whose last candidacy ended more than CANDIDATE_RETENTION_YEARS ago (docs/personal-data.md)',
  )
  .option('--dry-run', 'count them only, change nothing')
  .action(async (opts: { dryRun?: boolean }) => {
    const c = config();
    const handle = await openMigratedDatabase(c);
    const result = await createServices(c, handle)
      .personalData.purge({ retentionYears: c.candidateRetentionYears, dryRun: opts.dryRun === true })
      .finally(() => handle.close());
    const n = result.candidates;
    const who = `${n} candidat·e${n > 1 ? 's' : ''} dont le dernier parcours s’est terminé il y a plus de ${c.candidateRetentionYears} an${c.candidateRetentionYears > 1 ? 's' : ''}`;
    process.stdout.write(
      result.dryRun
        ? `Simulation : ${who} ${n > 1 ? 'seraient anonymisé·es' : 'serait anonymisé·e'}.\n`
        : `${who} : identité anonymisée, ${result.evidenceFiles} pièce${result.evidenceFiles > 1 ? 's' : ''} supprimée${result.evidenceFiles > 1 ? 's' : ''}.\n`,
    );
    for (const id of result.candidateIds) process.stdout.write(`  ${id}\n`);
  });
candidates
  .command('rehash-nir')
  .description('compute the keyed hash of the NIRs that have none (enrolled before migration 0014)')
  .option('--all', 'every NIR, e.g. after changing DATA_ENCRYPTION_KEY')
  .action(async (opts: { all?: boolean }) => {
    const c = config();
    const handle = await openMigratedDatabase(c);
    const result = await createServices(c, handle)
      .personalData.rehashNirs({ all: opts.all === true })
      .finally(() => handle.close());
    process.stdout.write(`${result.updated} NIR haché${result.updated > 1 ? 's' : ''}.\n`);
  });

const credentials = program.command('credentials').description('verifiable credentials of awards (ADR 0007)');
credentials
  .command('rotate-key')
  .description(
    'make a new Ed25519 signing key; the previous one is retired but stays in /.well-known/did.json, so that what it signed still verifies',
  )
  .action(async () => {
    const c = config();
    const handle = await openMigratedDatabase(c);
    const result = await createServices(c, handle)
      .credentials.rotateKey()
      .finally(() => handle.close());
    process.stdout.write(
      `Nouvelle clé de signature : ${result.verificationMethod} (${result.retired} clé${result.retired > 1 ? 's' : ''} retirée${result.retired > 1 ? 's' : ''}, toujours publiée${result.retired > 1 ? 's' : ''}).\n`,
    );
  });

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} Mio`;

function progressLine(p: { bytes: number; fiches: number; bytesTotal: number }) {
  const pct = p.bytesTotal > 0 ? Math.min(100, Math.floor((100 * p.bytes) / p.bytesTotal)) : 0;
  return `${pct} % — ${mib(p.bytes)} / ${mib(p.bytesTotal)} — ${p.fiches} fiches`;
}

function progressBar(p: { bytes: number; fiches: number; bytesTotal: number }) {
  const width = 30;
  const ratio = p.bytesTotal > 0 ? Math.min(1, p.bytes / p.bytesTotal) : 0;
  const done = Math.round(ratio * width);
  return `[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${progressLine(p)}\x1b[K`;
}

await program.parseAsync(process.argv);
