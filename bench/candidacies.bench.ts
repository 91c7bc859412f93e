/**
 * Bulk enrolment (issue 12): how many rows per second `POST /api/v1/candidacies/imports`
 * enrols from a 10,000-row CSV — every row checked (identity, duplicates, habilitation, bloc
 * codes, the route with the eligibility service) then all created in one transaction — and
 * the process's peak RSS. Prints figures and whether the targets are met; never fails on
 * timing. It does fail (exit 1) when the import was not answered 201 with every row created:
 * the figure would then measure something else.
 *
 * Env: BENCH_DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server: a fresh database is
 * created and dropped; unset: PGlite in memory), BENCH_ROWS (default 10,000).
 */
import { today } from '../src/contracts/dates.js';
import { IMPORT_COLUMNS } from '../src/modules/candidates/candidacy-imports.js';

const TARGET_ROWS_PER_S = 500;
const TARGET_RSS_MB = 300;
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

const out = (line = '') => process.stdout.write(`${line}\n`);

/** A letters-only word per index (birth names compare without digits). */
function word(n: number): string {
  let s = '';
  for (let x = n + 1; x > 0; x = Math.floor(x / 26)) s = String.fromCharCode(97 + (x % 26)) + s;
  return s;
}

async function main(): Promise<number> {
  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const { createTestApp, signIn } = await import('../test/support.js');
  const { factories, TEST_PASSWORD } = await import('../test/factories.js');
  const t = await createTestApp({ demo: false });
  try {
    const f = factories(t.services);
    const branch = await f.newBranch();
    const org = await f.newOrganisation('training_org');
    const employer = await f.newOrganisation('employer');
    const cert = await f.newEnrollableCertification([branch.id], [org.id]);
    const siretOf = async (id: string) =>
      (await t.db.selectFrom('organisations').select('siret').where('id', '=', id).executeTakeFirstOrThrow())
        .siret as string;
    const [orgSiret, employerSiret] = [await siretOf(org.id), await siretOf(employer.id)];
    const who = await signIn(
      t.app,
      (await f.newUser('training_org', { organisationId: org.id })).email,
      TEST_PASSWORD,
    );

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
    const file = Buffer.from(lines.join('\n'));
    out(
      `database: ${process.env.TEST_DATABASE_URL ? 'PostgreSQL server (fresh database)' : 'PGlite in memory'}`,
    );
    out(`file: ${ROWS.toLocaleString('en')} rows, ${(file.length / 1024).toFixed(0)} kB CSV`);

    const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/candidacies/imports',
      payload: file,
      headers: { 'content-type': 'text/csv', cookie: who.cookie, 'x-csrf-token': who.csrf },
    });
    const seconds = (performance.now() - started) / 1000;
    const created = res.statusCode === 201 ? (res.json() as { created: number }).created : 0;
    if (created !== ROWS) {
      out(`import answered ${res.statusCode}, ${created} created: ${res.body.slice(0, 500)}`);
      return 1;
    }
    const rate = ROWS / seconds;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    out();
    out('measure              value      target     met');
    out(
      `rows/s               ${rate.toFixed(0).padStart(8)}   ≥ ${TARGET_ROWS_PER_S}      ${rate >= TARGET_ROWS_PER_S ? 'yes' : 'no'}`,
    );
    out(
      `peak RSS (MB)        ${rssMb.toFixed(0).padStart(8)}   < ${TARGET_RSS_MB}      ${rssMb < TARGET_RSS_MB ? 'yes' : 'no'}`,
    );
    out(
      `(${ROWS.toLocaleString('en')} rows in ${seconds.toFixed(1)} s; RSS before the import ${rssBeforeMb.toFixed(0)} MB, heap now ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB)`,
    );
    return 0;
  } finally {
    await t.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
