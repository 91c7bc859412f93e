import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../src/app/app.js';
import { today } from '../src/contracts/dates.js';
import type { JuryOutcome } from '../src/contracts/juries.js';
import { AUDIT_LOCK_KEY } from '../src/platform/audit/audit.js';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { projectRoot } from '../src/platform/paths.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { seedReadyCandidacies, seedSealedSession } from './jury-seed.js';
import {
  createTestApp,
  createTestDatabase,
  freePort,
  type Signed,
  signIn,
  type TestApp,
  testConfig,
} from './support.js';

/**
 * Closing a jury session and its awards (issue 13, points 5–6), on a real database through HTTP:
 * awards numbered per certification and year without gaps, the candidacies moved, partial awards
 * carried, a second close refused, revocation, reading in scope; then two replicas closing 20
 * sessions at once (PostgreSQL), and a process killed with SIGKILL in the middle of a
 * 1,000-candidacy close. Sessions are seeded `sealed` in SQL (test/jury-seed.ts says why).
 */
let t: TestApp;
let f: Factories;
let manager: Signed;
let otherManager: Signed;
let advisor: Signed;
let trainingOrg: Signed;
let otherTrainingOrg: Signed;
let candidate: Signed;
let managerId: string;
let branch: { id: string };
let org: { id: string };
let cert: { id: string; code: string };
let template: string;

const json = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const close = (juryId: string, who = manager) =>
  t.app.inject({ method: 'POST', url: `/api/v1/juries/${juryId}/close`, headers: json(who) });

/** `count` candidacies ready for the jury in a sealed session with these outcomes. */
async function session(
  outcomes: JuryOutcome[],
  opts: Pick<Parameters<typeof seedSealedSession>[1], 'date' | 'rules' | 'status'> = {},
) {
  const { candidacyIds, candidateIds } = await seedReadyCandidacies(t.db, template, outcomes.length);
  const juryId = await seedSealedSession(t.db, {
    branchId: branch.id,
    certificationIds: [cert.id],
    candidacyIds,
    postedBy: managerId,
    outcomeOf: (i) => outcomes[i] as JuryOutcome,
    ...opts,
  });
  return { juryId, candidacyIds, candidateIds };
}

async function templateFor(certificationId: string) {
  return (await f.newCandidacy({ certificationId, trainingOrganisationId: org.id })).id;
}

async function statuses(ids: string[]) {
  const rows = await t.db.selectFrom('candidacies').select(['id', 'status']).where('id', 'in', ids).execute();
  return ids.map((id) => rows.find((r) => r.id === id)?.status);
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  branch = await f.newBranch();
  const otherBranch = await f.newBranch();
  org = await f.newOrganisation('training_org');
  const otherOrg = await f.newOrganisation('training_org');
  cert = await f.newEnrollableCertification([branch.id], [org.id]);
  template = await templateFor(cert.id);
  const sign = async (role: Parameters<Factories['newUser']>[0], scope = {}) => {
    const user = await f.newUser(role, scope);
    return { user, signed: await signIn(t.app, user.email, TEST_PASSWORD) };
  };
  const m = await sign('branch_manager', { branchId: branch.id });
  manager = m.signed;
  managerId = m.user.id;
  otherManager = (await sign('branch_manager', { branchId: otherBranch.id })).signed;
  advisor = (await sign('advisor', { branchId: branch.id })).signed;
  trainingOrg = (await sign('training_org', { organisationId: org.id })).signed;
  otherTrainingOrg = (await sign('training_org', { organisationId: otherOrg.id })).signed;
  const c = await sign('candidate');
  candidate = c.signed;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('closing a sealed session', () => {
  let first: Awaited<ReturnType<typeof session>>;
  let awards: { id: string; number: string; candidacyId: string; kind: string }[];

  it('creates every award in one go, numbered <code>-<year>-<6 digits> without gaps; candidacies move; absent/deferred stay ready', async () => {
    first = await session(['full', 'partial', 'refused', 'absent', 'full', 'deferred']);
    const res = await close(first.juryId);
    expect(res.statusCode, res.body).toBe(200);
    awards = res.json().awards;
    const ids = first.candidacyIds;
    // Numbered 1…3 (in the order of the decisions), one award per awarding decision.
    expect(awards.map((a) => a.number).sort()).toEqual([1, 2, 3].map((n) => `${cert.code}-2026-00000${n}`));
    expect(Object.fromEntries(awards.map((a) => [a.candidacyId, a.kind]))).toEqual({
      [ids[0] as string]: 'full',
      [ids[1] as string]: 'partial',
      [ids[4] as string]: 'full',
    });
    expect(await statuses(ids)).toEqual([
      'awarded',
      'partially_awarded',
      'refused',
      'ready_for_jury',
      'awarded',
      'ready_for_jury',
    ]);
    const history = await t.db
      .selectFrom('candidacy_status_history')
      .select(['candidacy_id', 'event', 'from_status', 'to_status'])
      .where('candidacy_id', 'in', ids)
      .where('event', 'in', ['award', 'award_partially', 'refuse'])
      .execute();
    expect(history).toHaveLength(4);
    expect(history.find((h) => h.candidacy_id === ids[1])).toMatchObject({
      event: 'award_partially',
      from_status: 'ready_for_jury',
      to_status: 'partially_awarded',
    });
    const jury = await t.db
      .selectFrom('juries')
      .selectAll()
      .where('id', '=', first.juryId)
      .executeTakeFirstOrThrow();
    expect(jury.status).toBe('closed');
    expect(jury.closed_by).toBe(managerId);
    // The partial award names the validated bloc only, with its validity end (rules: for life by default).
    const partial = await t.db
      .selectFrom('awards')
      .selectAll()
      .where('candidacy_id', '=', first.candidacyIds[1] as string)
      .executeTakeFirstOrThrow();
    expect(partial.blocs).toEqual([{ code: 'BC01', validUntil: null }]);
    expect(String(partial.awarded_on).slice(0, 10)).toBe('2026-06-15');
    // One audit entry for the session, ids only.
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'diff'])
      .where('action', '=', 'jury.close')
      .where('entity_id', '=', first.juryId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.diff)).not.toMatch(/Seed/);
  });

  it('a second close → 409, nothing more created', async () => {
    const res = await close(first.juryId);
    expect(res.statusCode).toBe(409);
    const n = await t.db
      .selectFrom('awards')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('jury_id', '=', first.juryId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
  });

  it('the next session of the certification and year goes on from the last number; another year starts at 000001; validity ends from the rules', async () => {
    const next = await session(['partial']);
    const res = await close(next.juryId);
    expect(res.json().awards.map((a: { number: string }) => a.number)).toEqual([`${cert.code}-2026-000004`]);
    const later = await session(['partial'], { date: '2027-02-01', rules: { blocValidityYears: 5 } });
    const res2 = await close(later.juryId);
    const [award] = res2.json().awards;
    expect(award.number).toBe(`${cert.code}-2027-000001`);
    const row = await t.db
      .selectFrom('awards')
      .select('blocs')
      .where('id', '=', award.id)
      .executeTakeFirstOrThrow();
    expect(row.blocs).toEqual([{ code: 'BC01', validUntil: '2032-01-31' }]);
  });

  it('only a sealed session: 422 naming minutes, then signatures; a cancelled one 409', async () => {
    const { juryId, candidacyIds } = await session(['full'], { status: 'deliberating' });
    let res = await close(juryId);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['minutes']);
    await t.db.updateTable('juries').set({ status: 'minutes' }).where('id', '=', juryId).execute();
    res = await close(juryId);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['signatures']);
    await t.db
      .updateTable('juries')
      .set({ status: 'cancelled', cancelled_at: new Date() })
      .where('id', '=', juryId)
      .execute();
    expect((await close(juryId)).statusCode).toBe(409);
    expect(await statuses(candidacyIds)).toEqual(['ready_for_jury']);
  });

  it('who closes: the convening branch managers; its advisor 403 (role), another branch 404', async () => {
    const s = await session(['full']);
    expect((await close(s.juryId, advisor)).statusCode).toBe(403);
    expect((await close(s.juryId, otherManager)).statusCode).toBe(404);
    expect((await close(s.juryId, trainingOrg)).statusCode).toBe(403);
    expect((await close(s.juryId)).statusCode).toBe(200);
  });

  it('two simultaneous closes of one session → exactly one succeeds, the other 409', async () => {
    const s = await session(['full', 'partial', 'full']);
    const answers = await Promise.all([close(s.juryId), close(s.juryId)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const n = await t.db
      .selectFrom('awards')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('jury_id', '=', s.juryId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
  });
});

describe('carrying partial awards', () => {
  it('into candidacies enrolled from a file (bulk enrolment), by the candidate’s id', async () => {
    const s = await session(['partial']);
    const candidateId = s.candidateIds[0] as string;
    const [award] = (await close(s.juryId)).json().awards;
    const { siret } = await t.db
      .selectFrom('organisations')
      .select('siret')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    const header =
      'candidat_id,nom_naissance,prenom1,sexe,date_naissance,commune_naissance_insee,certification,voie_acces,organisme_siret,date_entree';
    const file = Buffer.from(`${header}\r\n${candidateId},,,,,,${cert.code},self_funded,${siret},${today()}`);
    const imported = await t.services.candidacyImports.importFile(file, SYSTEM_ADMIN, 'test', false);
    const [candidacyId] = imported.candidacies;
    const carried = await t.db
      .selectFrom('carried_blocs')
      .select(['bloc_code', 'source', 'reference'])
      .where('candidacy_id', '=', candidacyId as string)
      .execute();
    expect(carried).toEqual([
      { bloc_code: 'BC01', source: 'earlier_partial_award', reference: award.number },
    ]);
  });

  it('into the candidate’s later candidacy (at enrolment), and through a declared equivalence into another certification’s candidacy in progress', async () => {
    const other = await f.newEnrollableCertification([branch.id], [org.id]);
    // The branch declares that BC01 of this certification counts as BC02 of the other.
    const declared = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certifications/${other.id}/bloc-equivalences`,
      headers: json(manager),
      payload: { fromCertificationId: cert.id, fromBlocCode: 'BC01', toBlocCode: 'BC02' },
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const s = await session(['partial']);
    const candidateId = s.candidateIds[0] as string;
    // In progress for the other certification before the close.
    const inOther = await f.newCandidacy({
      certificationId: other.id,
      trainingOrganisationId: org.id,
      candidateId,
    });
    const [award] = (await close(s.juryId)).json().awards;
    const carried = async (candidacyId: string) =>
      t.db
        .selectFrom('carried_blocs')
        .select(['bloc_code', 'source', 'reference'])
        .where('candidacy_id', '=', candidacyId)
        .execute();
    expect(await carried(inOther.id)).toEqual([
      { bloc_code: 'BC02', source: 'earlier_partial_award', reference: award.number },
    ]);
    // Recorded with its route, as staff see it: through the equivalence the branch declared.
    const route = await t.db
      .selectFrom('carried_blocs')
      .select('carried_through')
      .where('candidacy_id', '=', inOther.id)
      .executeTakeFirstOrThrow();
    expect(route.carried_through).toEqual({
      kind: 'declared_equivalence',
      certificationId: cert.id,
      blocCodes: ['BC01'],
    });
    // A later candidacy for the same certification starts with BC01 carried.
    const again = await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: org.id,
      candidateId,
    });
    expect(await carried(again.id)).toEqual([
      { bloc_code: 'BC01', source: 'earlier_partial_award', reference: award.number },
    ]);
    // Revoked, it carries no more: taken back from the candidacies in progress.
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/awards/${award.id}/revoke`,
      headers: json(manager),
      payload: { reason: 'Erreur de saisie du jury' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(await carried(again.id)).toEqual([]);
    expect(await carried(inOther.id)).toEqual([]);
  });

  it('a bloc whose validity has ended is not carried at enrolment', async () => {
    const { juryId, candidateIds } = await session(['partial'], {
      date: '2020-03-01',
      rules: { blocValidityYears: 2 },
    });
    expect((await close(juryId)).statusCode).toBe(200);
    const again = await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: org.id,
      candidateId: candidateIds[0] as string,
    });
    const carried = await t.db
      .selectFrom('carried_blocs')
      .selectAll()
      .where('candidacy_id', '=', again.id)
      .execute();
    expect(carried).toEqual([]);
  });
});

describe('reading and revoking awards', () => {
  let award: { id: string; number: string };
  let candidacyId: string;

  beforeAll(async () => {
    const s = await session(['full']);
    candidacyId = s.candidacyIds[0] as string;
    // The candidate's account is linked to this one.
    await t.db
      .updateTable('candidates')
      .set({ user_id: (candidate.body.user as { id: string }).id })
      .where('id', '=', s.candidateIds[0] as string)
      .execute();
    [award] = (await close(s.juryId)).json().awards;
  });

  const get = (who: Signed, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

  it('GET /awards/{id}: the branch staff, the training organisation, the candidate; others 404', async () => {
    for (const who of [manager, advisor, trainingOrg, candidate]) {
      const res = await get(who, `/api/v1/awards/${award.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        number: award.number,
        kind: 'full',
        candidacyId,
        certification: { id: cert.id, code: cert.code },
        revocation: null,
      });
    }
    expect((await get(manager, `/api/v1/awards/${award.id}`)).json().can).toEqual({
      revoke: true,
      suspend: true,
    });
    expect((await get(trainingOrg, `/api/v1/awards/${award.id}`)).json().can).toEqual({
      revoke: false,
      suspend: false,
    });
    expect((await get(otherManager, `/api/v1/awards/${award.id}`)).statusCode).toBe(404);
    expect((await get(otherTrainingOrg, `/api/v1/awards/${award.id}`)).statusCode).toBe(404);
  });

  it('GET /awards: scoped, filtered by certification and year, paginated', async () => {
    const mine = await get(candidate, '/api/v1/awards');
    expect(mine.json().items.map((a: { id: string }) => a.id)).toEqual([award.id]);
    expect((await get(otherManager, '/api/v1/awards')).json()).toMatchObject({ items: [], total: 0 });
    const all = (await get(manager, `/api/v1/awards?certificationId=${cert.id}&year=2026&pageSize=2`)).json();
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(5);
    const numbers = (await get(trainingOrg, `/api/v1/awards?year=2027&pageSize=200`))
      .json()
      .items.map((a: { number: string }) => a.number);
    expect(numbers).toEqual([`${cert.code}-2027-000001`]);
  });

  it('GET /awards names the holder to those who read the candidacy (birth, usage and first names) — every reader of an award does', async () => {
    const person = await t.db
      .selectFrom('candidates as p')
      .innerJoin('candidacies as c', 'c.candidate_id', 'p.id')
      .select(['p.birth_name', 'p.usage_name', 'p.first_names'])
      .where('c.id', '=', candidacyId)
      .executeTakeFirstOrThrow();
    const expected = {
      birthName: person.birth_name,
      usageName: person.usage_name,
      firstNames: person.first_names,
    };
    // The candidacy list's rule (candidacy.read): the branch's managers and advisors, the
    // training organisation, the candidate. Nobody reads an award without reading its candidacy
    // (evaluators and jury members read candidacies, not awards), so no reader gets it without.
    for (const who of [manager, advisor, trainingOrg, candidate]) {
      const items = (await get(who, '/api/v1/awards?pageSize=200')).json().items as {
        id: string;
        candidate?: unknown;
      }[];
      expect(items.find((a) => a.id === award.id)?.candidate).toEqual(expected);
      expect(items.every((a) => a.candidate !== undefined)).toBe(true);
    }
    expect((await get(manager, `/api/v1/awards/${award.id}`)).json().candidate).toEqual(expected);
  });

  it('revoke: the training organisation 403, another branch 404, the branch 200 with the reason kept; twice 409; audited without the reason', async () => {
    const revoke = (who: Signed) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/awards/${award.id}/revoke`,
        headers: json(who),
        payload: { reason: 'Fraude établie' },
      });
    expect((await revoke(trainingOrg)).statusCode).toBe(403);
    expect((await revoke(otherManager)).statusCode).toBe(404);
    const res = await revoke(manager);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revocation).toMatchObject({ reason: 'Fraude établie', byId: managerId });
    expect((await revoke(manager)).statusCode).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('diff')
      .where('action', '=', 'award.revoke')
      .where('entity_id', '=', award.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.diff)).not.toMatch(/Fraude/);
    // It stays, revoked, and the candidate still reads it.
    expect((await get(candidate, `/api/v1/awards/${award.id}`)).json().revocation.reason).toBe(
      'Fraude établie',
    );
  });
});

// ---- concurrency across replicas, and a killed close --------------------------------------------

const serverUrl = process.env.TEST_DATABASE_URL;
const tsxArgs = (script: string, ...args: string[]) => [
  '--import',
  'tsx',
  path.join(projectRoot, script),
  ...args,
];

/** The numbers of every award per certification and year, with the counter. */
async function numbering(db: DatabaseHandle['db']) {
  const rows = await db
    .selectFrom('awards')
    .select(['certification_id', 'year', 'sequence', 'number'])
    .execute();
  const counters = await db.selectFrom('award_counters').selectAll().execute();
  return { rows, counters };
}

/** Every (certification, year) numbered 1…n exactly, numbers unique, the counter at n. */
function expectGapless({ rows, counters }: Awaited<ReturnType<typeof numbering>>) {
  expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
  const groups = new Map<string, number[]>();
  for (const r of rows)
    groups.set(`${r.certification_id}|${r.year}`, [
      ...(groups.get(`${r.certification_id}|${r.year}`) ?? []),
      r.sequence,
    ]);
  for (const [key, seqs] of groups) {
    seqs.sort((a, b) => a - b);
    expect(seqs, key).toEqual(seqs.map((_, i) => i + 1));
    const counter = counters.find((c) => `${c.certification_id}|${c.year}` === key);
    expect(counter?.last, key).toBe(seqs.length);
  }
  return groups;
}

async function startServer(url: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, tsxArgs('src/app/cli.ts', 'serve'), {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://127.0.0.1',
      SESSION_SECRET: 'replica-test-secret-replica-test-secret',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready in 180 s: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, base, output: () => output };
}

describe('20 sessions closed at once', () => {
  it(serverUrl
    ? 'on two replicas of one PostgreSQL: numbers unique and gapless per certification and year'
    : 'embedded database (one process: PGlite cannot be shared by two replicas — the PostgreSQL pass of .ci/run runs them): one instance, numbers unique and gapless', async () => {
    const handle = await createTestDatabase();
    const children: ChildProcess[] = [];
    const logs: (() => string)[] = [];
    try {
      const services = createServices(testConfig(), handle);
      const g = factories(services);
      const b = await g.newBranch();
      const o = await g.newOrganisation('training_org');
      const certs = [
        await g.newEnrollableCertification([b.id], [o.id]),
        await g.newEnrollableCertification([b.id], [o.id]),
      ];
      const m = await g.newUser('branch_manager', { branchId: b.id });
      const sessions: string[] = [];
      for (let i = 0; i < 20; i++) {
        const c = certs[i % 2] as { id: string };
        const tmpl = (await g.newCandidacy({ certificationId: c.id, trainingOrganisationId: o.id })).id;
        const { candidacyIds } = await seedReadyCandidacies(handle.db, tmpl, 5);
        sessions.push(
          await seedSealedSession(handle.db, {
            branchId: b.id,
            certificationIds: [c.id],
            candidacyIds,
            postedBy: m.id,
            date: i % 4 < 2 ? '2026-06-15' : '2027-01-10',
            outcomeOf: (k) => (['full', 'partial', 'refused', 'full', 'absent'] as const)[k] as JuryOutcome,
          }),
        );
      }
      let answers: number[];
      if (serverUrl) {
        await handle.db.destroy();
        const replicas = [];
        for (let i = 0; i < 2; i++) {
          const r = await startServer(handle.url as string);
          children.push(r.child);
          replicas.push(r.base);
          logs.push(r.output);
        }
        const logins = await Promise.all(
          replicas.map(async (base) => {
            const res = await fetch(`${base}/api/v1/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email: m.email, password: TEST_PASSWORD }),
            });
            expect(res.status).toBe(200);
            return {
              base,
              cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string,
              csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
            };
          }),
        );
        answers = await Promise.all(
          sessions.map(async (id, i) => {
            const r = logins[i % 2] as (typeof logins)[number];
            const res = await fetch(`${r.base}/api/v1/juries/${id}/close`, {
              method: 'POST',
              headers: { cookie: r.cookie, 'x-csrf-token': r.csrf },
            });
            return res.status;
          }),
        );
      } else {
        answers = await Promise.all(
          sessions.map((id) => services.awards.close(id, SYSTEM_ADMIN, 'test').then(() => 200)),
        );
      }
      expect(answers, logs.map((l) => l()).join('\n')).toEqual(sessions.map(() => 200));
      const check = serverUrl
        ? await openDatabase({ engine: 'postgres', url: handle.url as string, poolSize: 1 })
        : handle;
      try {
        const groups = expectGapless(await numbering(check.db));
        // 2 certifications × 2 years, 5 sessions each, 3 awards per session.
        expect([...groups.values()].map((s) => s.length)).toEqual([15, 15, 15, 15]);
      } finally {
        if (serverUrl) await check.close();
      }
    } finally {
      for (const c of children) c.kill('SIGTERM');
      await Promise.all(
        children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
      );
      await handle.close();
    }
  }, 900_000);
});

describe('kill -9 during the close of a 1,000-candidacy session', () => {
  it(serverUrl
    ? 'PostgreSQL: killed with every award written but not committed (held at the audit lock) → none after; closing again creates all 1,000, gapless'
    : 'embedded database: killed while closing → after restart all or none; closing again works (or answers 409 when it had committed)', async () => {
    const dir = serverUrl ? undefined : await mkdtemp(path.join(tmpdir(), 'qualif-award-kill-'));
    const serverHandle = serverUrl ? await createTestDatabase() : undefined;
    const open = () =>
      serverHandle
        ? openDatabase({ engine: 'postgres', url: serverHandle.url as string, poolSize: 2 })
        : openDatabase({ engine: 'pglite', dataDir: dir });
    try {
      // Seeding in the test process, then the database is left for the child.
      let juryId: string;
      {
        const handle = await open();
        await migrateToLatest(handle.db);
        const services = createServices(testConfig(), handle);
        const g = factories(services);
        const b = await g.newBranch();
        const o = await g.newOrganisation('training_org');
        const c = await g.newEnrollableCertification([b.id], [o.id]);
        const m = await g.newUser('branch_manager', { branchId: b.id });
        const tmpl = (await g.newCandidacy({ certificationId: c.id, trainingOrganisationId: o.id })).id;
        const { candidacyIds } = await seedReadyCandidacies(handle.db, tmpl, 1000);
        juryId = await seedSealedSession(handle.db, {
          branchId: b.id,
          certificationIds: [c.id],
          candidacyIds,
          postedBy: m.id,
          outcomeOf: (i) => (i % 3 === 0 ? 'partial' : 'full'),
        });
        await handle.close();
      }

      // The audit lock held here (PostgreSQL): the child's close writes everything, then waits on it.
      const holder = serverHandle ? await open() : undefined;
      let release: (() => void) | undefined;
      const held = holder
        ? new Promise<void>((ready) => {
            void holder.db.transaction().execute(async (trx) => {
              await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_LOCK_KEY)})`.execute(trx);
              ready();
              await new Promise<void>((r) => {
                release = r;
              });
            });
          })
        : Promise.resolve();
      await held;

      const child = spawn(process.execPath, tsxArgs('test/award-close-child.ts', juryId), {
        env: {
          PATH: process.env.PATH ?? '',
          ...(serverHandle ? { DATABASE_URL: serverHandle.url as string } : { DATA_DIR: dir as string }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => {
        output += d;
      });
      child.stderr.on('data', (d) => {
        output += d;
      });
      const exited = new Promise<NodeJS.Signals | null>((r) =>
        child.once('exit', (_code, signal) => r(signal)),
      );
      const deadline = Date.now() + 300_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the child ended before it was killed: ${output}`);
        if (Date.now() > deadline) throw new Error(`no close under way within 300 s: ${output}`);
        if (holder) {
          // The child waits on the audit lock: its awards are written, not committed.
          const waiting = await sql<{ n: number }>`
              select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`.execute(
            holder.db,
          );
          if ((waiting.rows[0]?.n ?? 0) > 0) break;
        } else if (output.includes('closing')) {
          // PGlite: the close is under way in the child's only connection; killed some time in.
          await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 1500)));
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      release?.();
      await holder?.close();

      const after = await open();
      try {
        const count = async () =>
          Number(
            (
              await after.db
                .selectFrom('awards')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('jury_id', '=', juryId)
                .executeTakeFirstOrThrow()
            ).n,
          );
        const before = await count();
        if (serverHandle) expect(before).toBe(0);
        expect([0, 1000]).toContain(before);
        const jury = await after.db
          .selectFrom('juries')
          .select('status')
          .where('id', '=', juryId)
          .executeTakeFirstOrThrow();
        expect(jury.status).toBe(before === 0 ? 'sealed' : 'closed');
        const services = createServices(testConfig(), after);
        if (before === 0) {
          const moved = await after.db
            .selectFrom('candidacies')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '<>', 'ready_for_jury')
            .where('id', 'in', (eb) =>
              eb.selectFrom('jury_candidacies').select('candidacy_id').where('jury_id', '=', juryId),
            )
            .executeTakeFirstOrThrow();
          expect(Number(moved.n)).toBe(0);
          const { awards } = await services.awards.close(juryId, SYSTEM_ADMIN, 'test');
          expect(awards).toHaveLength(1000);
        } else {
          await expect(services.awards.close(juryId, SYSTEM_ADMIN, 'test')).rejects.toMatchObject({
            status: 409,
          });
        }
        expect(await count()).toBe(1000);
        const groups = expectGapless(await numbering(after.db));
        expect([...groups.values()].map((s) => s.length)).toEqual([1000]);
      } finally {
        await after.close();
      }
    } finally {
      await serverHandle?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }, 900_000);
});

describe('a decision corrected after the close', () => {
  it('partial → full by the president: the partial award revoked naming its successor, a new number, the candidacy awarded', async () => {
    const president = await f.newUser('jury_member');
    const member = await f.newUser('jury_member');
    const s = await session(['partial']);
    await t.db
      .insertInto('jury_members')
      .values([
        {
          jury_id: s.juryId,
          user_id: president.id,
          role: 'president',
          college: 'employers',
          presence: 'present',
        },
        { jury_id: s.juryId, user_id: member.id, role: 'member', college: 'employees', presence: 'present' },
      ])
      .execute();
    const [old] = (await close(s.juryId)).json().awards;
    const decision = await t.db
      .selectFrom('jury_decisions')
      .select('id')
      .where('jury_id', '=', s.juryId)
      .executeTakeFirstOrThrow();
    const signed = await signIn(t.app, president.email, TEST_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/juries/${s.juryId}/decisions`,
      headers: json(signed),
      payload: {
        candidacyId: s.candidacyIds[0],
        blocs: [
          { code: 'BC01', validated: true },
          { code: 'BC02', validated: true },
        ],
        outcome: 'full',
        replaces: decision.id,
        correctionReason: 'Erreur de saisie sur le second bloc',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const awards = await t.db
      .selectFrom('awards')
      .selectAll()
      .where('candidacy_id', '=', s.candidacyIds[0] as string)
      .orderBy('sequence')
      .execute();
    expect(awards).toHaveLength(2);
    const [revoked, successor] = awards as [(typeof awards)[0], (typeof awards)[0]];
    expect(revoked.id).toBe(old.id);
    expect(revoked.revoked_at).not.toBeNull();
    expect(revoked.successor_id).toBe(successor.id);
    expect(successor).toMatchObject({ kind: 'full', revoked_at: null });
    expect(successor.sequence).toBeGreaterThan(revoked.sequence);
    expect(await statuses([s.candidacyIds[0] as string])).toEqual(['awarded']);
    // The candidate is told of the revoked award as by a branch's revocation: one email, once.
    const revokedMails = await t.db
      .selectFrom('jobs')
      .select(['kind', 'payload'])
      .where('idempotency_key', '=', `award.revoked:${old.id}`)
      .execute();
    expect(revokedMails).toHaveLength(1);
    expect(JSON.stringify(revokedMails[0]?.payload)).toContain('award.revoked');
    // A plain decision (no correction) after the close stays refused.
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/juries/${s.juryId}/decisions`,
      headers: json(manager),
      payload: {
        candidacyId: s.candidacyIds[0],
        blocs: [
          { code: 'BC01', validated: false },
          { code: 'BC02', validated: false },
        ],
        outcome: 'refused',
      },
    });
    expect(again.statusCode).toBe(409);
  });
});
