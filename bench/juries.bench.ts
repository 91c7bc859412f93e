/**
 * Jury sessions (issue 13, acceptance): a session of 1,000 candidacies on a PostgreSQL server,
 * through the real HTTP routes (the app in this process, `app.inject`, signed in as the
 * convening branch's manager):
 *
 * 1. The minutes: `POST /api/v1/juries/{id}/minutes` — the session's current decisions read,
 *    the procès-verbal PDF drawn, stored with its SHA-256 in one transaction. Time (target
 *    < 10 s), the PDF's size and pages; then, for reading, the time of the data read alone
 *    (`minutesInput`, the same service function).
 * 2. The close: `POST /api/v1/juries/{id}/close` — every award numbered and written, every
 *    candidacy moved with its history row, partial awards carried, in one transaction. Time
 *    (target < 10 s); then checked in the database: 1,000 awards for the session, numbered
 *    1…1,000 without gap for the certification and year, the counter at 1,000, no candidacy
 *    left `ready_for_jury`.
 *
 * The data is seeded in SQL as test/awards.test.ts does (test/jury-seed.ts says why): 1,000
 * candidacies `ready_for_jury` copied from one enrolled through the service, a session
 * `deliberating` with three members present and one decision per candidacy (one in three
 * partial, BC01 of BC02; the others full). Between the two steps the session is set `sealed` in
 * SQL: the members' signatures and the seal are test/jury-minutes.test.ts's, and what the close
 * reads is the session's state and decisions.
 *
 * Prints figures, the targets and whether they are met, and the machine's load average at the
 * start and the end; never fails on timing. Fails (exit 1) when a route answers anything but
 * its success status or the awards are not all there, numbered without gaps.
 *
 * Env: BENCH_DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server: a fresh database is created
 * and dropped; `npm run bench -- juries` starts a throw-away cluster), BENCH_JURY_CANDIDACIES
 * (default 1,000).
 */
import { cpus, loadavg } from 'node:os';
import { PDFDocument } from 'pdf-lib';
import { load, loadAtStart, loadAtStart1 } from './support/load.js';

const TARGET_S = 10;
const CANDIDACIES = Number(process.env.BENCH_JURY_CANDIDACIES ?? 1000);

const out = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (since: number) => (performance.now() - since) / 1000;
const met = (s: number) => (s < TARGET_S ? 'yes' : 'NO');

async function main(): Promise<number> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    out('juries.bench: needs a PostgreSQL server (the targets are about PostgreSQL).');
    out('  Run it as `npm run bench -- juries` (starts a throw-away cluster) or set BENCH_DATABASE_URL.');
    return 2;
  }
  process.env.TEST_DATABASE_URL = serverUrl;
  const { createTestApp, signIn } = await import('../test/support.js');
  const { factories, TEST_PASSWORD } = await import('../test/factories.js');
  const { seedReadyCandidacies, seedSealedSession } = await import('../test/jury-seed.js');
  const { minutesInput } = await import('../src/modules/candidates/jury-minutes.service.js');
  const t = await createTestApp({ demo: false });
  try {
    const { db } = t;
    const f = factories(t.services);
    const branch = await f.newBranch();
    const org = await f.newOrganisation('training_org');
    const cert = await f.newEnrollableCertification([branch.id], [org.id]);
    const manager = await f.newUser('branch_manager', { branchId: branch.id });
    const template = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id })).id;

    const seeding = performance.now();
    const { candidacyIds } = await seedReadyCandidacies(db, template, CANDIDACIES);
    const juryId = await seedSealedSession(db, {
      branchId: branch.id,
      certificationIds: [cert.id],
      candidacyIds,
      postedBy: manager.id,
      status: 'deliberating',
      outcomeOf: (i) => (i % 3 === 0 ? 'partial' : 'full'),
    });
    const members = [
      { user: await f.newJuryMember(cert.id, 'employers'), role: 'president' as const, college: 'employers' },
      { user: await f.newJuryMember(cert.id, 'employees'), role: 'member' as const, college: 'employees' },
      { user: await f.newJuryMember(cert.id, 'employers'), role: 'member' as const, college: 'employers' },
    ];
    await db
      .insertInto('jury_members')
      .values(
        members.map((m) => ({
          jury_id: juryId,
          user_id: m.user.id,
          role: m.role,
          college: m.college as 'employers' | 'employees',
          designated_by: 'Organisation (banc)',
          presence: 'present' as const,
          presence_recorded_by: manager.id,
          presence_recorded_at: new Date(),
        })),
      )
      .execute();
    const signed = await signIn(t.app, manager.email, TEST_PASSWORD);
    const headers = { cookie: signed.cookie, 'x-csrf-token': signed.csrf };

    out(`machine at the start: ${loadAtStart}`);
    out('database: PostgreSQL server (fresh database); the app in this process (app.inject)');
    out(
      `session: ${CANDIDACIES.toLocaleString('en')} candidacies (one in three partial), 3 members present — seeded in SQL in ${seconds(seeding).toFixed(1)} s`,
    );
    out();

    /** A POST to the session's route, timed; anything but `expected` makes the run invalid. */
    const post = async (what: 'minutes' | 'close', expected: number) => {
      const started = performance.now();
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/juries/${juryId}/${what}`, headers });
      const s = seconds(started);
      if (res.statusCode !== expected)
        throw new Error(`POST …/${what} answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
      return { res, s };
    };

    // 1. The minutes.
    const { s: minutesS } = await post('minutes', 201);
    const loadAfterMinutes = load();
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/juries/${juryId}/minutes.pdf`, headers });
    if (file.statusCode !== 200) {
      out(`GET …/minutes.pdf answered ${file.statusCode}`);
      return 1;
    }
    const pdf = file.rawPayload;
    const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    const t1b = performance.now();
    const { catalogue, users } = t.services;
    await minutesInput(
      {
        db,
        certifications: catalogue.certifications,
        branches: catalogue.branches,
        frameworks: catalogue.frameworks,
        users,
      },
      juryId,
      2,
    );
    const readS = seconds(t1b);

    // 2. The close (the session sealed in SQL: see the header).
    await db.updateTable('juries').set({ status: 'sealed' }).where('id', '=', juryId).execute();
    const { res: closed, s: closeS } = await post('close', 200);
    const answered = (closed.json() as { awards: unknown[] }).awards.length;
    const awards = await db
      .selectFrom('awards')
      .select(['sequence', 'number', 'year', 'certification_id'])
      .where('jury_id', '=', juryId)
      .execute();
    const sequences = awards.map((a) => a.sequence).sort((a, b) => a - b);
    const gapless = sequences.every((s, i) => s === i + 1);
    const unique = new Set(awards.map((a) => a.number)).size === awards.length;
    const counter = await db
      .selectFrom('award_counters')
      .select('last')
      .where('certification_id', '=', cert.id)
      .execute();
    const left = await db
      .selectFrom('candidacies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', candidacyIds)
      .where('status', '=', 'ready_for_jury')
      .executeTakeFirstOrThrow();
    const jury = await db
      .selectFrom('juries')
      .select('status')
      .where('id', '=', juryId)
      .executeTakeFirstOrThrow();

    out('measure                                   seconds   target    met');
    out(
      `1. POST …/minutes (read, draw, store)   ${minutesS.toFixed(2).padStart(8)}   < ${TARGET_S} s    ${met(minutesS)}`,
    );
    out(
      `2. POST …/close (every award)            ${closeS.toFixed(2).padStart(8)}   < ${TARGET_S} s    ${met(closeS)}`,
    );
    out();
    out(
      `minutes: ${(pdf.length / 1024).toFixed(0)} kB, ${pages} pages; the data read alone (minutesInput) ${readS.toFixed(2)} s; ${loadAfterMinutes} right after`,
    );
    out(
      `close: ${answered.toLocaleString('en')} awards answered, ${awards.length.toLocaleString('en')} in the database, numbers ${unique ? 'unique' : 'NOT unique'}, sequences ${gapless ? `1…${sequences.length} without gap` : 'WITH GAPS'}, counter at ${counter.map((c) => c.last).join(', ')}, ${Number(left.n)} candidacies left ready_for_jury, session ${jury.status}`,
    );
    const valid =
      answered === CANDIDACIES &&
      awards.length === CANDIDACIES &&
      unique &&
      gapless &&
      counter.length === 1 &&
      counter[0]?.last === CANDIDACIES &&
      Number(left.n) === 0 &&
      jury.status === 'closed';
    out();
    out(
      `Targets (issue 13): minutes < ${TARGET_S} s — ${minutesS < TARGET_S ? 'met' : 'NOT met'}; close < ${TARGET_S} s — ${closeS < TARGET_S ? 'met' : 'NOT met'}`,
    );
    out(`Machine: ${load()} at the end; at the start: ${loadAtStart}`);
    if (Math.max(loadAtStart1, loadavg()[0] ?? 0) > cpus().length)
      out(
        '  The machine was busy (load average above its number of cores): the times include waits for a core.',
      );
    if (!valid) {
      out('INVALID: the close did not create every award, numbered without gaps (see above).');
      return 1;
    }
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
