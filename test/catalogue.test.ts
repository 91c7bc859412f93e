import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

let t: TestApp;
let manager: Signed;
let admin: Signed;
const branchIds = new Map<string, string>();
const certIds = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  manager = await signIn(t.app, 'branch_manager@demo.qualif.test');
  admin = await signIn(t.app, 'admin@demo.qualif.test');
  for (const b of (await t.app.inject({ url: '/api/v1/branches' })).json().items) branchIds.set(b.name, b.id);
  for (const c of (await t.app.inject({ url: '/api/v1/certifications?pageSize=50' })).json().items)
    certIds.set(c.code, c.id);
});
afterAll(() => t?.close());

const as = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const security = () => branchIds.get('Prévention et sécurité') as string;

function newCertification(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'CQP',
    code: `CQP-T${Math.random().toString(36).slice(2, 7)}`,
    title: 'Agent cynophile de sécurité',
    branchIds: [security()],
    legalOwner: { name: 'Association paritaire de test', siret: '73282932000074' },
    romeCodes: ['K2503'],
    nsfCodes: ['344t'],
    formacodeCodes: ['42829'],
    description: 'Surveillance avec chien.',
    jobsTargeted: 'Agent cynophile',
    ...overrides,
  };
}

const framework = {
  activities: {
    jobs: [{ title: 'Agent cynophile', romeCode: 'K2503' }],
    activities: [{ code: 'A1', title: 'Ronde avec chien' }],
  },
  competencies: {
    blocs: [
      {
        code: 'BC01',
        title: 'Surveiller',
        competencies: [
          { code: 'C1', title: 'Conduire une ronde' },
          { code: 'C2', title: 'Gérer le chien' },
        ],
      },
      {
        code: 'BC02',
        title: 'Intervenir',
        competencies: [
          { code: 'C3', title: 'Alerter' },
          { code: 'C4', title: 'Rendre compte', transversal: true },
        ],
      },
    ],
  },
  assessment: {
    competencies: ['C1', 'C2', 'C3', 'C4'].map((c) => ({
      competencyCode: c,
      methods: ['mise_en_situation'],
      criteria: [{ code: `K-${c}`, text: `Critère de ${c}` }],
    })),
    blocRules: [
      { blocCode: 'BC01', rule: { kind: 'all' } },
      { blocCode: 'BC02', rule: { kind: 'n_of_m', n: 1 } },
    ],
  },
};

describe('certifications', () => {
  it('a CQPI with one branch is refused with 422 naming branchIds; with two it is created', async () => {
    const one = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(admin),
      payload: newCertification({ kind: 'CQPI' }),
    });
    expect(one.statusCode).toBe(422);
    expect(one.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(one.json().errors.map((e: { field: string }) => e.field)).toEqual(['branchIds']);

    const two = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(admin),
      payload: newCertification({ kind: 'CQPI', branchIds: [security(), branchIds.get('Aéronautique')] }),
    });
    expect(two.statusCode).toBe(201);
    const fiche = (await t.app.inject({ url: `/api/v1/certifications/${two.json().id}` })).json();
    expect(fiche.branches.map((b: { name: string }) => b.name)).toEqual([
      'Aéronautique',
      'Prévention et sécurité',
    ]);
    expect(fiche.recognition).toEqual({ status: 'none' });
  });

  it('names each unknown code and a bad SIRET', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: newCertification({
        romeCodes: ['Z9999'],
        legalOwner: { name: 'Association X', siret: '73282932000075' },
      }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'legalOwner.siret',
      'romeCodes.0',
    ]);
  });

  it('a branch manager of branch A gets 403 editing branch B’s certification, reads its public fiche, and 422 naming B in a new one', async () => {
    const other = certIds.get('CQP-PC') as string;
    const fiche = await t.app.inject({ url: `/api/v1/certifications/${other}` });
    expect(fiche.statusCode).toBe(200);
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/certifications/${other}`,
      headers: as(manager),
      payload: newCertification({ code: 'CQP-PC', branchIds: [branchIds.get('Transport et logistique')] }),
    });
    expect(edit.statusCode).toBe(403);
    const event = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certifications/${other}/events`,
      headers: as(manager),
      payload: { type: 'withdrawn', date: '2026-01-01' },
    });
    expect(event.statusCode).toBe(403);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: newCertification({ branchIds: [branchIds.get('Transport et logistique')] }),
    });
    expect(create.statusCode).toBe(422);
    expect(create.json().errors.map((e: { field: string }) => e.field)).toEqual(['branchIds.0']);
  });

  it('a duplicate code is a 409 naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: newCertification({ code: 'cqp-aps' }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('code');
  });
});

describe('recognition', () => {
  it('is derived from the events, on any date, and audited', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: newCertification(),
    });
    const id = created.json().id;
    const add = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/certifications/${id}/events`,
        headers: as(manager),
        payload,
      });
    const on = async (date: string) =>
      (await t.app.inject({ url: `/api/v1/certifications/${id}/recognition?date=${date}` })).json();

    const early = await add({
      type: 'rncp_registered',
      date: '2021-01-01',
      number: 'RNCP11111',
      level: 3,
      from: '2021-01-01',
      to: '2025-12-31',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].detail).toMatch(/transmission préalable/);

    expect((await add({ type: 'created', date: '2020-03-01', reference: 'CPNE 2020-03' })).statusCode).toBe(
      201,
    );
    expect((await add({ type: 'transmitted', date: '2020-06-01' })).statusCode).toBe(201);
    const noLevel = await add({
      type: 'rncp_registered',
      date: '2021-01-01',
      number: 'RNCP11111',
      from: '2021-01-01',
      to: '2025-12-31',
    });
    expect(noLevel.json().errors.map((e: { field: string }) => e.field)).toEqual(['level']);
    expect(
      (
        await add({
          type: 'rncp_registered',
          date: '2021-01-01',
          number: 'RNCP11111',
          level: 3,
          from: '2021-01-01',
          to: '2025-12-31',
        })
      ).statusCode,
    ).toBe(201);

    expect(await on('2020-05-31')).toEqual({ status: 'none' });
    expect(await on('2020-06-01')).toEqual({ status: 'branch_only' });
    expect(await on('2025-12-31')).toEqual({
      status: 'rncp',
      registry: 'RNCP',
      number: 'RNCP11111',
      level: 3,
      from: '2021-01-01',
      to: '2025-12-31',
    });
    expect(await on('2026-01-01')).toEqual({ status: 'branch_only' });
    const bad = await t.app.inject({ url: `/api/v1/certifications/${id}/recognition?date=2026-02-30` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('date');

    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'certification.create',
      'certification.recognition_event.add',
      'certification.recognition_event.add',
      'certification.recognition_event.add',
    ]);
  });

  it('search filters by today’s recognition, from the derived periods', async () => {
    const rncp = (await t.app.inject({ url: '/api/v1/certifications?recognition=rncp&pageSize=50' })).json();
    expect(rncp.items.map((i: { code: string }) => i.code).sort()).toEqual([
      'CQP-AP',
      'CQP-APS',
      'CQP-PPI',
      'CQPI-AL',
    ]);
    const level4 = (await t.app.inject({ url: '/api/v1/certifications?level=4' })).json();
    expect(level4.items.map((i: { code: string }) => i.code)).toEqual(['CQP-PPI']);
    // The expired registration of Agent de quai leaves it branch-only today, RNCP in 2023.
    const quai2023 = (
      await t.app.inject({ url: '/api/v1/certifications?q=agent%20de%20quai&date=2023-06-01' })
    ).json();
    expect(quai2023.items[0]).toMatchObject({ code: 'CQP-AQ', recognition: { status: 'rncp', level: 3 } });
  });
});

describe('framework versions', () => {
  it('publish makes a version immutable; a new draft is made from it; the diff shows the change', async () => {
    const id = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/certifications',
        headers: as(manager),
        payload: newCertification(),
      })
    ).json().id;
    const base = `/api/v1/certifications/${id}/versions`;
    const incomplete = await t.app.inject({
      method: 'POST',
      url: base,
      headers: as(manager),
      payload: { content: { ...framework, assessment: { ...framework.assessment, blocRules: [] } } },
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'content.competencies.blocs.0.code',
      'content.competencies.blocs.1.code',
    ]);

    const v1 = await t.app.inject({
      method: 'POST',
      url: base,
      headers: as(manager),
      payload: { content: framework },
    });
    expect(v1.statusCode).toBe(201);
    expect(v1.json().number).toBe(1);
    expect((await t.app.inject({ url: base })).json().items).toEqual([]); // a draft is not public
    expect((await t.app.inject({ url: `${base}/1` })).statusCode).toBe(404);

    expect(
      (await t.app.inject({ method: 'POST', url: `${base}/1/publish`, headers: as(manager) })).statusCode,
    ).toBe(204);
    const edit = await t.app.inject({
      method: 'PUT',
      url: `${base}/1`,
      headers: as(manager),
      payload: { content: framework },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(/publiée : elle ne peut plus être modifiée/);
    expect(
      (await t.app.inject({ method: 'POST', url: `${base}/1/publish`, headers: as(manager) })).statusCode,
    ).toBe(409);

    const v2 = await t.app.inject({
      method: 'POST',
      url: base,
      headers: as(manager),
      payload: { basedOn: 1 },
    });
    expect(v2.json().number).toBe(2);
    const second = await t.app.inject({
      method: 'POST',
      url: base,
      headers: as(manager),
      payload: { basedOn: 1 },
    });
    expect(second.statusCode).toBe(409);
    const changed = structuredClone(framework);
    changed.competencies.blocs[0]!.title = 'Surveiller un site';
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `${base}/2`,
          headers: as(manager),
          payload: { content: changed },
        })
      ).statusCode,
    ).toBe(204);

    const diff = (
      await t.app.inject({
        url: `/api/v1/certifications/${id}/versions-diff?from=1&to=2`,
        headers: as(manager),
      })
    ).json();
    expect(diff.changes).toEqual([
      { kind: 'changed', where: 'bloc BC01 › title', before: 'Surveiller', after: 'Surveiller un site' },
    ]);

    const published = (await t.app.inject({ url: `/api/v1/certifications/${id}` })).json();
    expect(published.framework.number).toBe(1);
    expect(published.framework.content.competencies.blocs[0].title).toBe('Surveiller');
  });

  it('another branch’s manager cannot make a draft', async () => {
    const other = certIds.get('CQP-PC') as string;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certifications/${other}/versions`,
      headers: as(manager),
      payload: { basedOn: 1 },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('habilitations', () => {
  it('answers who is habilitated on a date: organisations to anyone, people to the branch’s staff', async () => {
    const aps = certIds.get('CQP-APS') as string;
    const habilitated = async (query: string, who?: Signed) =>
      (
        await t.app.inject({
          url: `/api/v1/certifications/${aps}/habilitated?${query}`,
          headers: who ? as(who) : {},
        })
      ).json();
    const staff = await habilitated('date=2026-06-01', manager);
    expect(staff.organisations.map((h: { kind: string }) => h.kind)).toEqual(['train_and_assess']);
    expect(staff.persons.map((h: { kind: string }) => h.kind).sort()).toEqual(['evaluator', 'jury_member']);
    const evaluator = await habilitated('date=2026-06-01', await signIn(t.app, 'evaluator@demo.qualif.test'));
    expect(evaluator).toEqual({ organisations: staff.organisations });

    const trainers = await habilitated('date=2026-06-01&need=train', manager);
    expect(trainers.organisations.map((h: { name: string }) => h.name)).toEqual([
      'Institut Sécurité Formation (démo)',
    ]);
    expect(trainers.persons).toBeUndefined();
    expect(await habilitated('date=2030-01-01', manager)).toEqual({ organisations: [] });
  });

  it('habilitates a person only for a role they hold', async () => {
    const aps = certIds.get('CQP-APS') as string;
    const candidate = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'candidate@demo.qualif.test')
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certifications/${aps}/habilitations`,
      headers: as(manager),
      payload: { kind: 'evaluator', userId: candidate.id, validFrom: '2026-01-01', validTo: '2026-12-31' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('userId');
  });
});

describe('public search', () => {
  it.each([
    ['securite', 'CQP-APS'],
    ['preparateur commande', 'CQP-PC'],
    ['préparateur de commandes', 'CQP-PC'],
    ['preparatuer de comandes', 'CQP-PC'],
    ['pharmacie industrielle', 'CQP-PPI'],
    ['cordiste', 'CQP-CORD1'],
  ])('"%s" puts %s first', async (q, code) => {
    const res = (await t.app.inject({ url: `/api/v1/certifications?q=${encodeURIComponent(q)}` })).json();
    expect(res.items[0]?.code).toBe(code);
  });

  it('returns facets and paginates', async () => {
    const res = (await t.app.inject({ url: '/api/v1/certifications?pageSize=3&page=2&kind=CQP' })).json();
    expect(res.items).toHaveLength(3);
    expect(res.total).toBeGreaterThanOrEqual(7);
    expect(res.facets.kind).toEqual([{ value: 'CQP', count: res.total }]);
    expect(res.facets.branch.length).toBeGreaterThanOrEqual(5);
  });

  it('an empty search answers an empty list', async () => {
    const res = (await t.app.inject({ url: '/api/v1/certifications?q=zzzzqqq' })).json();
    expect(res).toMatchObject({ items: [], total: 0 });
  });
});

describe('framework import and export', () => {
  it('exports a published version as JSON and xlsx; a workbook replaces a draft, all or nothing', async () => {
    const aps = certIds.get('CQP-APS') as string;
    const base = `/api/v1/certifications/${aps}/versions`;
    const json = await t.app.inject({ url: `${base}/1/export?format=json` });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/CQP-APS-v1\.json/);
    expect(json.json().competencies.blocs.length).toBeGreaterThanOrEqual(2);

    const xlsx = await t.app.inject({ url: `${base}/1/export?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);

    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const firstCompetencyTitle = wb.getWorksheet('Compétences')!.getRow(2).getCell(4);
    const before = String(firstCompetencyTitle.value);
    firstCompetencyTitle.value = `${before} (révisé)`;
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    const draft = (
      await t.app.inject({ method: 'POST', url: base, headers: as(manager), payload: { basedOn: 1 } })
    ).json();
    const upload = (payload: Buffer) =>
      t.app.inject({
        method: 'PUT',
        url: `${base}/${draft.number}/xlsx`,
        headers: {
          ...as(manager),
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        payload,
      });

    wb.getWorksheet('Règles des blocs')!.getRow(2).getCell(2).value = 'presque tout';
    const broken = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors[0].field).toBe('Règles des blocs.ligne 2.Règle');
    const unchanged = (
      await t.app.inject({
        url: `/api/v1/certifications/${aps}/versions-diff?from=1&to=${draft.number}`,
        headers: as(manager),
      })
    ).json();
    expect(unchanged.changes).toEqual([]);

    expect((await upload(edited)).statusCode).toBe(204);
    const diff = (
      await t.app.inject({
        url: `/api/v1/certifications/${aps}/versions-diff?from=1&to=${draft.number}`,
        headers: as(manager),
      })
    ).json();
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: 'changed', before, after: `${before} (révisé)` });

    const published = await upload(edited);
    expect(published.statusCode).toBe(204);
    const onPublished = await t.app.inject({
      method: 'PUT',
      url: `${base}/1/xlsx`,
      headers: {
        ...as(manager),
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: edited,
    });
    expect(onPublished.statusCode).toBe(409);
  });
});

describe('search cache', () => {
  it('never serves an answer older than the last catalogue change', async () => {
    const search = async () =>
      (await t.app.inject({ url: '/api/v1/certifications?q=apiculteur' })).json().total;
    expect(await search()).toBe(0);
    expect(await search()).toBe(0); // now cached
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: newCertification({ title: 'Apiculteur de sites sécurisés' }),
    });
    expect(created.statusCode).toBe(201);
    expect(await search()).toBe(1);
    const id = created.json().id;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/certifications/${id}/events`,
      headers: as(manager),
      payload: { type: 'transmitted', date: '2020-01-01' },
    });
    const after = (await t.app.inject({ url: '/api/v1/certifications?q=apiculteur' })).json();
    expect(after.items[0].recognition.status).toBe('branch_only');
  });
});

describe('demo', () => {
  it('the demo branch manager has a CQPI co-ownership invitation to answer', async () => {
    const res = await t.app.inject({ url: '/api/v1/co-ownership-invitations?status=pending', headers: as(manager) });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { certification: { code: string }; can: { answer: boolean } }[];
    expect(items.find((i) => i.certification.code === 'CQPI-ASL')?.can.answer).toBe(true);
  });
});
