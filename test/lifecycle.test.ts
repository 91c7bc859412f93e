import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index.js';
import { today } from '../src/contracts/dates.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { type Factories, factories, sampleFramework, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The certification lifecycle (catalogue/domain/lifecycle.ts) through the API: a new
 * certification is a draft that only its branch's staff see — every public route answers as
 * for an unknown id — until its manager activates it (a published framework and legal
 * existence today, else 422 saying what is missing); retired, it stays public and says so.
 */
let t: TestApp;
let f: Factories;
const branch = { A: '', B: '' };
let managerA: Signed;
let managerB: Signed;
let advisorA: Signed;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  branch.A = (await f.newBranch()).id;
  branch.B = (await f.newBranch()).id;
  const sign = async (...args: Parameters<Factories['newUser']>) =>
    signIn(t.app, (await f.newUser(...args)).email, TEST_PASSWORD);
  managerA = await sign('branch_manager', { branchId: branch.A });
  managerB = await sign('branch_manager', { branchId: branch.B });
  advisorA = await sign('advisor', { branchId: branch.A });
});
afterAll(() => t?.close());

const as = (s: Signed | null) => (s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {});

function get(url: string, s: Signed | null = null) {
  return t.app.inject({ url, headers: as(s) });
}
function post(url: string, s: Signed, payload?: object) {
  return t.app.inject({ method: 'POST', url, headers: as(s), ...(payload ? { payload } : {}) });
}

/** A new CQP of branch A, created by its manager through the API, as the form does. */
async function createAsManagerA(title: string) {
  const code = `CQP-L${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
  const res = await post('/api/v1/certifications', managerA, {
    kind: 'CQP',
    code,
    title,
    branchIds: [branch.A],
    legalOwner: { name: 'Association paritaire de test', siret: '73282932000074' },
    romeCodes: ['K2503'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, code };
}

/** The codes the search answers with, for this person. */
async function searchCodes(query: string, s: Signed | null = null) {
  const res = await get(`/api/v1/certifications?pageSize=100&${query}`, s);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { code: string; status: string }[]).map((i) => `${i.code}:${i.status}`);
}

describe('a new certification', () => {
  it('is invisible to the public (search, fiche and every route that reads it) until it is activated, then visible', async () => {
    const { id, code } = await createAsManagerA('Apiculteur de sites industriels');
    const base = `/api/v1/certifications/${id}`;

    // The public: as an unknown id everywhere.
    expect(await searchCodes('q=apiculteur')).toEqual([]);
    expect(await searchCodes('q=apiculteur&status=all')).toEqual([]);
    expect(await searchCodes('q=apiculteur&status=draft')).toEqual([]);
    const unknown = await get(`/api/v1/certifications/${crypto.randomUUID()}`);
    const hidden = await get(base);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().detail).toBe(unknown.json().detail);
    for (const path of [
      '/recognition',
      '/versions',
      '/habilitated',
      '/versions/1',
      '/versions-diff?from=1&to=1',
    ]) {
      expect((await get(`${base}${path}`)).statusCode, path).toBe(404);
    }
    expect((await get(`${base}/registry-links`)).json()).toEqual({ items: [] });
    const eligibility = { date: today(), certificationId: id, candidate: { status: 'employee' } };
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/eligibility', payload: eligibility })).statusCode,
    ).toBe(404);

    // Another branch's manager: the same, and 404 (not 403) on its writes.
    expect((await get(base, managerB)).statusCode).toBe(404);
    expect(await searchCodes('q=apiculteur&status=all', managerB)).toEqual([]);
    expect((await post(`${base}/activate`, managerB)).statusCode).toBe(404);
    expect((await post(`${base}/events`, managerB, { type: 'created', date: '2024-01-01' })).statusCode).toBe(
      404,
    );

    // Its branch's staff: the manager and the OPCO advisor see it, in « Mes certifications ».
    const fiche = (await get(base, managerA)).json();
    expect(fiche).toMatchObject({ status: 'draft', can: { activate: true, retire: true } });
    expect(fiche.activation.missing.map((m: { requirement: string }) => m.requirement)).toEqual([
      'published_framework',
      'legal_existence',
    ]);
    expect(await searchCodes('q=apiculteur&status=draft', managerA)).toEqual([`${code}:draft`]);
    expect(await searchCodes(`branch=${branch.A}&status=all`, advisorA)).toEqual([`${code}:draft`]);
    expect(await searchCodes('q=apiculteur', managerA)).toEqual([]); // the public catalogue, as everyone sees it
    const advised = (await get(base, advisorA)).json();
    expect(advised.can.activate).toBe(false);
    expect(advised.activation).toBeUndefined();
    expect((await post(`${base}/activate`, advisorA)).statusCode).toBe(403); // the role may never
    const eligibleForStaff = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility',
      headers: as(managerA),
      payload: eligibility,
    });
    expect(eligibleForStaff.statusCode, eligibleForStaff.body).toBe(200);

    // Activating says what is missing, until nothing is.
    const bare = await post(`${base}/activate`, managerA);
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors.map((e: { field: string }) => e.field)).toEqual(['framework', 'recognition']);
    expect(bare.json().detail).toMatch(/référentiels.*transmission/);
    const draft = await post(`${base}/versions`, managerA, { content: sampleFramework() });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await post(`${base}/activate`, managerA)).json().errors).toHaveLength(2); // a draft version is not enough
    expect((await post(`${base}/versions/1/publish`, managerA)).statusCode).toBe(204);
    const noLegal = await post(`${base}/activate`, managerA);
    expect(noLegal.statusCode).toBe(422);
    expect(noLegal.json().errors.map((e: { field: string }) => e.field)).toEqual(['recognition']);
    expect((await get(base, managerA)).json().activation.missing).toEqual([
      { requirement: 'legal_existence', detail: expect.stringContaining('transmission') },
    ]);
    expect(
      (await post(`${base}/events`, managerA, { type: 'transmitted', date: '2024-05-02' })).statusCode,
    ).toBe(201);
    expect((await get(base, managerA)).json().activation).toEqual({ missing: [] });
    expect(await searchCodes('q=apiculteur')).toEqual([]); // ready is not yet public

    const activated = await post(`${base}/activate`, managerA);
    expect(activated.statusCode, activated.body).toBe(204);

    // Public now: search (the cache saw the change), fiche, the routes that read it.
    expect(await searchCodes('q=apiculteur')).toEqual([`${code}:active`]);
    const publicFiche = await get(base);
    expect(publicFiche.statusCode).toBe(200);
    expect(publicFiche.json()).toMatchObject({ status: 'active', recognition: { status: 'branch_only' } });
    expect(publicFiche.json().activation).toBeUndefined();
    expect((await get(`${base}/versions`)).json().items).toHaveLength(1);
    expect((await post(`${base}/activate`, managerA)).statusCode).toBe(409);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'diff'])
      .where('entity_id', '=', id)
      .where('action', '=', 'certification.activate')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.diff).toEqual({ status: { before: 'draft', after: 'active' } });
  });

  it('has no legal existence before its transmission date, nor after a withdrawal: activation is refused', async () => {
    const { id } = await createAsManagerA('Certification en attente');
    await f.newFrameworkVersion(id, { publish: true });
    await f.addEvents(id, [{ type: 'transmitted', date: '2099-01-01' }]);
    const future = await post(`/api/v1/certifications/${id}/activate`, managerA);
    expect(future.statusCode).toBe(422);
    expect(future.json().errors.map((e: { field: string }) => e.field)).toEqual(['recognition']);

    const withdrawn = await createAsManagerA('Certification retirée par France compétences');
    await f.newFrameworkVersion(withdrawn.id, { publish: true });
    await f.addEvents(withdrawn.id, [
      { type: 'transmitted', date: '2020-01-01' },
      { type: 'withdrawn', date: '2023-01-01' },
    ]);
    expect((await post(`/api/v1/certifications/${withdrawn.id}/activate`, managerA)).statusCode).toBe(422);
  });

  it('a draft cannot be retired (it would become public)', async () => {
    const { id } = await createAsManagerA('Brouillon à retirer');
    const res = await post(`/api/v1/certifications/${id}/retire`, managerA);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/brouillon/);
    expect((await get(`/api/v1/certifications/${id}`)).statusCode).toBe(404);
  });
});

describe('a retired certification', () => {
  it('stays public with its history and says so; it cannot come back; only its branch retires it', async () => {
    const { id, code } = await f.newCertification([branch.A], { title: 'Cariste de quai ancien modèle' });
    await f.addEvents(id, [
      { type: 'transmitted', date: '2019-01-01' },
      {
        type: 'rncp_registered',
        date: '2019-06-01',
        number: 'RNCP30001',
        level: 3,
        from: '2019-06-01',
        to: '2030-12-31',
      },
    ]);
    const base = `/api/v1/certifications/${id}`;
    expect((await post(`${base}/retire`, managerB)).statusCode).toBe(403); // readable, not theirs
    expect((await get(base, managerA)).json().can.retire).toBe(true);
    const retired = await post(`${base}/retire`, managerA);
    expect(retired.statusCode, retired.body).toBe(204);

    const fiche = await get(base);
    expect(fiche.statusCode).toBe(200);
    // Its recognition is its own (not « withdrawn »): retiring is the branch's decision.
    expect(fiche.json()).toMatchObject({
      status: 'retired',
      recognition: { status: 'rncp', number: 'RNCP30001' },
    });
    expect(fiche.json().events).toHaveLength(2);
    expect(await searchCodes('q=cariste')).toEqual([`${code}:retired`]);
    expect(await searchCodes('q=cariste&status=active')).toEqual([]);
    expect(await searchCodes('q=cariste&status=retired')).toEqual([`${code}:retired`]);

    expect((await post(`${base}/retire`, managerA)).statusCode).toBe(409);
    const back = await post(`${base}/activate`, managerA);
    expect(back.statusCode).toBe(409);
    expect(back.json().detail).toMatch(/ne peut pas y revenir/);
  });
});

describe('migration 0006', () => {
  it('makes existing certifications active, but drafts those with neither a published framework nor a transmission', async () => {
    const handle = await openDatabase({ engine: 'pglite', dataDir: undefined });
    try {
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
      const before = await migrator.migrateTo('0005_import_heartbeat');
      expect(before.error).toBeUndefined();
      const insert = async (code: string) =>
        (
          await sql<{
            id: string;
          }>`insert into certifications (kind, code, title, legal_owner_name, legal_owner_siret)
            values ('CQP', ${code}, ${`Certification ${code}`}, 'Association', '73282932000074') returning id`.execute(
            handle.db,
          )
        ).rows[0]?.id as string;
      const framework = await insert('WITH-FRAMEWORK');
      const transmitted = await insert('TRANSMITTED');
      const draftFramework = await insert('DRAFT-FRAMEWORK-ONLY');
      await insert('NOTHING');
      await sql`insert into framework_versions (certification_id, number, status, content, published_at)
        values (${framework}, 1, 'published', '{}', now()), (${draftFramework}, 1, 'draft', '{}', null)`.execute(
        handle.db,
      );
      await sql`insert into recognition_events (certification_id, type, date)
        values (${transmitted}, 'transmitted', '2021-01-01'), (${draftFramework}, 'created', '2021-01-01')`.execute(
        handle.db,
      );

      expect(await migrateToLatest(handle.db)).toContain('0006_certification_status');
      const rows = await sql<{
        code: string;
        status: string;
      }>`select code, status from certifications order by code`.execute(handle.db);
      expect(rows.rows).toEqual([
        { code: 'DRAFT-FRAMEWORK-ONLY', status: 'draft' },
        { code: 'NOTHING', status: 'draft' },
        { code: 'TRANSMITTED', status: 'active' },
        { code: 'WITH-FRAMEWORK', status: 'active' },
      ]);
      // New rows default to draft; the column refuses anything but the three statuses.
      expect(
        (
          await sql<{
            status: string;
          }>`insert into certifications (kind, code, title, legal_owner_name, legal_owner_siret)
        values ('CQP', 'NEW', 'Nouvelle', 'Association', '73282932000074') returning status`.execute(
            handle.db,
          )
        ).rows,
      ).toEqual([{ status: 'draft' }]);
      await expect(
        sql`update certifications set status = 'withdrawn' where code = 'NEW'`.execute(handle.db),
      ).rejects.toThrow();
    } finally {
      await handle.close();
    }
  });
});
