import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { RNCP_XML_FIXTURE as FIXTURE } from './fixtures.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The registry API on stated data: the shipped RNCP sample (12 fiches) imported; a security
 * branch's certification registered in the catalogue as RNCP37312 and linked to RNCP34762, a
 * fiche that ended in 2024 and has a successor; a transport branch's certification with no
 * registration. Each branch has its manager.
 */
let t: TestApp;
let f: Factories;
let manager: Signed;
let admin: Signed;
let otherManager: Signed;
const branch = { security: '', transport: '' };
const cert = { security: { id: '', code: '' }, transport: { id: '', code: '' } };

const as = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  branch.security = (await f.newBranch()).id;
  branch.transport = (await f.newBranch()).id;
  const account = async (...args: Parameters<Factories['newUser']>) =>
    signIn(t.app, (await f.newUser(...args)).email, TEST_PASSWORD);
  manager = await account('branch_manager', { branchId: branch.security });
  otherManager = await account('branch_manager', { branchId: branch.transport });
  admin = await account('admin');
  await f.importRegistry(FIXTURE);
  cert.security = await f.newCertification([branch.security], {
    title: 'Agent de prévention et de sécurité',
  });
  await f.addEvents(cert.security.id, [
    { type: 'created', date: '2022-06-23' },
    { type: 'transmitted', date: '2022-07-12' },
    {
      type: 'rncp_registered',
      date: '2023-02-22',
      number: 'RNCP37312',
      level: 3,
      from: '2023-03-01',
      to: '2028-02-29',
    },
  ]);
  await f.linkFiche(cert.security.id, 'RNCP34762');
  cert.transport = await f.newCertification([branch.transport], { title: 'Préparateur de commandes' });
  await f.addEvents(cert.transport.id, [
    { type: 'created', date: '2020-09-24' },
    { type: 'transmitted', date: '2020-10-15' },
  ]);
});
afterAll(() => t?.close());

async function alerts(s: Signed, query = '') {
  const res = await t.app.inject({ url: `/api/v1/registry/alerts?pageSize=200${query}`, headers: as(s) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: {
      id: string;
      kind: string;
      numero: string;
      status: string;
      certification: { code: string };
      details: Record<string, unknown>;
      can: { apply: boolean; dismiss: boolean };
      applyRefusal: string | null;
    }[];
    total: number;
  };
}

/** Follows a run until it ends; a busy machine gets a minute. */
async function waitForRun(id: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const res = await t.app.inject({ url: `/api/v1/registry/imports/${id}`, headers: as(admin) });
    expect(res.statusCode).toBe(200);
    const run = res.json();
    if (run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import still running after 60 s');
}

describe('public lookup', () => {
  it('answers a fiche by number, 404 problem when unknown, 400 for a malformed number', async () => {
    const res = await t.app.inject({ url: '/api/v1/registry/fiches/rncp37674' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.fiche).toMatchObject({ numero: 'RNCP37674', registry: 'RNCP', level: 5, active: true });
    expect(body.fiche.blocs).toHaveLength(2);
    expect(body.fiche.partners).toHaveLength(471);
    expect(body.present).toBe(true);

    const unknown = await t.app.inject({ url: '/api/v1/registry/fiches/RNCP99999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    const bad = await t.app.inject({ url: '/api/v1/registry/fiches/XYZ12' });
    expect(bad.statusCode).toBe(400);
  });

  it('searches in French full text, paginated', async () => {
    const res = await t.app.inject({
      url: '/api/v1/registry/fiches?q=d%C3%A9veloppeur&registry=RNCP&pageSize=2',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(4);
    expect(body.items).toHaveLength(2);
    const page2 = (
      await t.app.inject({ url: '/api/v1/registry/fiches?q=developpeur&page=2&pageSize=2' })
    ).json();
    expect(page2.items[0].numero).not.toBe(body.items[0].numero);
  });

  it('lists every present fiche in number order without words', async () => {
    for (const query of ['', '?q=', '?q=%20']) {
      const res = await t.app.inject({ url: `/api/v1/registry/fiches${query}` });
      expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
      const numeros = res.json().items.map((f: { numero: string }) => f.numero);
      expect(res.json().total).toBe(12);
      expect(numeros).toEqual([...numeros].sort());
    }
  });
});

describe('alerts and scope', () => {
  it('a linked fiche that differs opens alerts for the certification’s branch; another branch sees none', async () => {
    const code = cert.security.code;
    const mine = await alerts(manager, '&status=open');
    const aps = mine.items.filter((a) => a.certification.code === code && a.numero === 'RNCP34762');
    // The catalogue registers it under another number: RNCP34762 is missing there.
    expect(aps.map((a) => a.kind).sort()).toEqual(['registration_differs', 'successor', 'title_differs']);
    // A title is corrected by hand: apply is not offered, and the alert says why.
    expect(aps.find((a) => a.kind === 'title_differs')).toMatchObject({
      can: { apply: false, dismiss: true },
      applyRefusal: 'Corrigez la certification dans le catalogue, puis classez l’alerte.',
    });
    expect(aps.find((a) => a.kind === 'registration_differs')?.can).toEqual({ apply: true, dismiss: true });
    expect(aps.find((a) => a.kind === 'successor')?.details).toEqual({
      successors: [{ numero: 'RNCP39568', title: expect.stringMatching(/management/i) }],
    });

    const theirs = await alerts(otherManager);
    expect(theirs.items.filter((a) => a.certification.code === code)).toEqual([]);
    expect((await alerts(admin)).items.filter((a) => a.certification.code === code)).toHaveLength(3);
  });

  it('apply / dismiss on an alert of another branch’s certification answer 404 exactly as an unknown id', async () => {
    const aps = (await alerts(manager, '&status=open')).items.find(
      (a) => a.certification.code === cert.security.code && a.kind === 'registration_differs',
    ) as { id: string };
    const post = (id: string, action: string, s: Signed) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/registry/alerts/${id}/${action}`,
        headers: as(s),
        payload: {},
      });
    const withoutInstance = ({ instance: _instance, ...body }: Record<string, unknown>) => body;
    for (const action of ['apply', 'dismiss']) {
      const hidden = await post(aps.id, action, otherManager);
      const unknown = await post(randomUUID(), action, otherManager);
      expect(hidden.statusCode, `${action}: ${hidden.body}`).toBe(404);
      expect(unknown.statusCode, unknown.body).toBe(404);
      expect(hidden.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(hidden.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(withoutInstance(hidden.json())).toEqual(withoutInstance(unknown.json()));
    }
    // Nothing happened to it: still open for its own branch.
    const still = (await alerts(manager, '&status=open')).items.find((a) => a.id === aps.id);
    expect(still?.status).toBe('open');
  });

  it('importing the same export again opens no duplicate alert', async () => {
    const before = (await alerts(admin, '&status=open')).total;
    const run = await t.services.registry.imports.importFile(FIXTURE, {
      fileName: 'again.xml',
      actor: SYSTEM_ACTOR,
    });
    expect(run).toMatchObject({ status: 'succeeded', alerts_count: 0, unchanged_count: 12 });
    expect((await alerts(admin, '&status=open')).total).toBe(before);
  });

  it('links are for the branch manager of the certification’s branch or an admin', async () => {
    const cqpPc = cert.transport.id;
    const url = `/api/v1/certifications/${cqpPc}/registry-links/RNCP37488`;
    expect((await t.app.inject({ method: 'PUT', url, headers: as(manager) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url })).statusCode).toBe(401);
    const unknown = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/certifications/${cqpPc}/registry-links/RNCP99999`,
      headers: as(otherManager),
    });
    expect(unknown.statusCode).toBe(422);
    expect((await t.app.inject({ method: 'PUT', url, headers: as(otherManager) })).statusCode).toBe(204);
    const links = (await t.app.inject({ url: `/api/v1/certifications/${cqpPc}/registry-links` })).json();
    expect(links.items).toEqual([
      expect.objectContaining({ numero: 'RNCP37488', fiche: expect.objectContaining({ level: 4 }) }),
    ]);
    // It has no registration in the catalogue: the registry's is missing there.
    const theirs = await alerts(otherManager, '&status=open');
    expect(theirs.items.some((a) => a.numero === 'RNCP37488' && a.kind === 'registration_differs')).toBe(
      true,
    );
    expect((await alerts(manager)).items.some((a) => a.numero === 'RNCP37488')).toBe(false);

    expect((await t.app.inject({ method: 'DELETE', url, headers: as(otherManager) })).statusCode).toBe(204);
    const after = await alerts(otherManager, '&status=open');
    expect(after.items.some((a) => a.numero === 'RNCP37488')).toBe(false);
  });

  it('apply writes the registry’s registration through the catalogue, audited; dismiss closes an alert', async () => {
    // A certification registered in the catalogue under RNCP34762 until 2029: the registry
    // says it ended on 2024-08-31.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: {
        kind: 'CQP',
        code: 'CQP-REG-TEST',
        title: 'Programme Grande Ecole – Diplôme d’études supérieures en management',
        branchIds: [branch.security],
        legalOwner: { name: 'Association paritaire de test', siret: '73282932000074' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const event of [
      { type: 'transmitted', date: '2019-01-15' },
      {
        type: 'rncp_registered',
        date: '2020-07-23',
        number: 'RNCP34762',
        level: 7,
        from: '2020-09-01',
        to: '2029-08-31',
      },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/certifications/${id}/events`,
        headers: as(manager),
        payload: event,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const linked = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/certifications/${id}/registry-links/RNCP34762`,
      headers: as(manager),
    });
    expect(linked.statusCode).toBe(204);
    const open = (await alerts(manager, `&status=open&certification=${id}`)).items;
    // Ended, with no other difference: one alert for it, not a second one for the end date.
    expect(open.map((a) => a.kind).sort()).toEqual(['registration_ended', 'successor']);
    const ended = open.find((a) => a.kind === 'registration_ended') as { id: string };
    // Apply is offered only where it can succeed, with the reason where it cannot.
    expect(open.find((a) => a.kind === 'registration_ended')).toMatchObject({
      can: { apply: true, dismiss: true },
      applyRefusal: null,
    });
    expect(open.find((a) => a.kind === 'successor')).toMatchObject({
      can: { apply: false, dismiss: true },
      applyRefusal: 'Liez d’abord la fiche successeur à une certification du catalogue.',
    });
    // A new certification is a draft: read by its branch's manager.
    expect(
      (await t.app.inject({ url: `/api/v1/certifications/${id}/recognition`, headers: as(manager) })).json()
        .status,
    ).toBe('rncp');

    const applied = await t.app.inject({
      method: 'POST',
      url: `/api/v1/registry/alerts/${ended.id}/apply`,
      headers: as(manager),
    });
    expect(applied.statusCode, applied.body).toBe(204);
    const cert = (await t.app.inject({ url: `/api/v1/certifications/${id}`, headers: as(manager) })).json();
    expect(cert.events.filter((e: { type: string }) => e.type === 'rncp_registered')).toEqual([
      expect.objectContaining({
        number: 'RNCP34762',
        level: 7,
        from: '2020-09-01',
        to: '2024-08-31',
        reference: 'France compétences, fiche RNCP34762',
      }),
    ]);
    expect(cert.recognition.status).toBe('branch_only');
    const all = (await alerts(manager, `&certification=${id}`)).items;
    expect(
      all
        .filter((a) => a.status === 'applied')
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['registration_ended']);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['certification.recognition_event.replace', 'registry.alert.apply'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'certification.recognition_event.replace', entity_id: id },
        { action: 'registry.alert.apply', entity_id: ended.id },
      ]),
    );
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/registry/alerts/${ended.id}/apply`,
      headers: as(manager),
    });
    expect(again.statusCode).toBe(409);

    // The successor fiche is linked to no certification: apply is refused, dismiss works.
    const successor = open.find((a) => a.kind === 'successor') as { id: string };
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/registry/alerts/${successor.id}/apply`,
      headers: as(manager),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toBe('Liez d’abord la fiche successeur à une certification du catalogue.');
    const dismissed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/registry/alerts/${successor.id}/dismiss`,
      headers: as(manager),
      payload: { reason: 'Pas de nouvelle version prévue' },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(204);
    const closed = (await alerts(manager, `&certification=${id}`)).items.find((a) => a.id === successor.id);
    expect(closed).toMatchObject({
      status: 'dismissed',
      resolution: 'dismissed',
      can: { apply: false, dismiss: false },
      reason: 'Pas de nouvelle version prévue',
    });
    // A dismissed difference does not come back with the next sync.
    expect(await t.services.registry.service.syncCertification(id, null)).toBe(0);
  });
});

describe('imports over HTTP', () => {
  it('admin uploads the raw file (202), follows the run to its counts; others get 401/403', async () => {
    const body = readFileSync(FIXTURE);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/imports',
      headers: { 'content-type': 'application/xml' },
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/imports',
      headers: { ...as(manager), 'content-type': 'application/xml' },
      payload: body,
    });
    expect(denied.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/registry/imports', headers: as(manager) })).statusCode).toBe(
      403,
    );

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/imports',
      headers: { ...as(admin), 'content-type': 'application/xml', 'x-file-name': 'export_fiches_RNCP.xml' },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(202);
    const run = await waitForRun(res.json().id);
    expect(run).toMatchObject({
      status: 'succeeded',
      fileName: 'export_fiches_RNCP.xml',
      fileType: 'xml',
      fichesRead: 12,
      bytesRead: body.length,
      bytesTotal: body.length,
      counts: { new: 0, changed: 0, unchanged: 12, removed: 0, rejected: 0, alerts: 0 },
      error: null,
    });
    const list = (await t.app.inject({ url: '/api/v1/registry/imports', headers: as(admin) })).json();
    expect(list.items[0].id).toBe(run.id);
  }, 120_000);

  it('a truncated upload ends as a failed run naming the line; the fiches stay', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/imports',
      headers: { ...as(admin), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(text.slice(0, text.length / 3)),
    });
    expect(res.statusCode).toBe(202);
    const run = await waitForRun(res.json().id);
    expect(run.status).toBe('failed');
    expect(run.error.message).toMatch(/ligne \d+/);
    expect(run.error.line).toBeGreaterThan(1);
    expect((await t.app.inject({ url: '/api/v1/registry/fiches/RNCP39568' })).statusCode).toBe(200);
  }, 120_000);
});

describe('upload size limit (REGISTRY_MAX_FILE_BYTES)', () => {
  it('refuses a file over the limit with 413 problem+json, and records no run', async () => {
    const small = await createTestApp({ demo: false, env: { REGISTRY_MAX_FILE_BYTES: '100000' } });
    try {
      const account = await factories(small.services).newUser('admin');
      const a = await signIn(small.app, account.email, TEST_PASSWORD);
      const res = await small.app.inject({
        method: 'POST',
        url: '/api/v1/registry/imports',
        headers: { ...as(a), 'content-type': 'application/xml' },
        payload: readFileSync(FIXTURE),
      });
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().detail).toContain('100000');
      const runs = await small.app.inject({ url: '/api/v1/registry/imports', headers: as(a) });
      expect(runs.json().items).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
