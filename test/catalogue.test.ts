import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The catalogue API on data each test states: three branches (« security », « aero »,
 * « transport »), the security branch's manager and an admin, built with the factories.
 */
let t: TestApp;
let f: Factories;
let manager: Signed;
let admin: Signed;
const branch = {
  security: { id: '', name: '' },
  aero: { id: '', name: '' },
  transport: { id: '', name: '' },
};

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  branch.security = await f.newBranch('Prévention et sécurité');
  branch.aero = await f.newBranch('Aéronautique');
  branch.transport = await f.newBranch('Transport et logistique');
  const m = await f.newUser('branch_manager', { branchId: branch.security.id });
  const a = await f.newUser('admin');
  manager = await signIn(t.app, m.email, TEST_PASSWORD);
  admin = await signIn(t.app, a.email, TEST_PASSWORD);
});
afterAll(() => t?.close());

const as = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

/** The body of a new certification of the security branch, as the form sends it. */
function certificationBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'CQP',
    code: `CQP-T${Math.random().toString(36).slice(2, 7)}`,
    title: 'Agent cynophile de sécurité',
    branchIds: [branch.security.id],
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
      payload: certificationBody({ kind: 'CQPI' }),
    });
    expect(one.statusCode).toBe(422);
    expect(one.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(one.json().errors.map((e: { field: string }) => e.field)).toEqual(['branchIds']);

    const two = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(admin),
      payload: certificationBody({ kind: 'CQPI', branchIds: [branch.security.id, branch.aero.id] }),
    });
    expect(two.statusCode).toBe(201);
    // A new certification is a draft: its branches' staff read it (test/lifecycle.test.ts).
    const fiche = (
      await t.app.inject({ url: `/api/v1/certifications/${two.json().id}`, headers: as(admin) })
    ).json();
    expect(fiche.status).toBe('draft');
    // In name order, whatever the order given.
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
      payload: certificationBody({
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

  it('takes ROME, NSF and Formacode codes in any case and stores them in their lists’ case', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: certificationBody({ romeCodes: ['k2503'], nsfCodes: ['344T'], formacodeCodes: [' 42829 '] }),
    });
    expect(res.statusCode).toBe(201);
    const stored = await t.db
      .selectFrom('certifications')
      .select(['rome_codes', 'nsf_codes', 'formacode_codes'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ rome_codes: ['K2503'], nsf_codes: ['344t'], formacode_codes: ['42829'] });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: certificationBody({ nsfCodes: ['999A'] }),
    });
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: 'nsfCodes.0', detail: 'Code NSF inconnu : « 999a ».' }),
    ]);
  });

  it('a branch manager of branch A gets 403 editing branch B’s certification, reads its public fiche, and 422 naming B in a new one', async () => {
    const other = await f.newCertification([branch.transport.id]);
    const fiche = await t.app.inject({ url: `/api/v1/certifications/${other.id}` });
    expect(fiche.statusCode).toBe(200);
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/certifications/${other.id}`,
      headers: as(manager),
      payload: certificationBody({ code: other.code, branchIds: [branch.transport.id] }),
    });
    expect(edit.statusCode).toBe(403);
    const event = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certifications/${other.id}/events`,
      headers: as(manager),
      payload: { type: 'withdrawn', date: '2026-01-01' },
    });
    expect(event.statusCode).toBe(403);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: certificationBody({ branchIds: [branch.transport.id] }),
    });
    expect(create.statusCode).toBe(422);
    expect(create.json().errors.map((e: { field: string }) => e.field)).toEqual(['branchIds.0']);
  });

  it('a duplicate code, in any case, is a 409 naming the field', async () => {
    const existing = await f.newCertification([branch.security.id]);
    expect(existing.code).not.toBe(existing.code.toLowerCase());
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: certificationBody({ code: existing.code.toLowerCase() }),
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
      payload: certificationBody(),
    });
    const id = created.json().id;
    const add = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/certifications/${id}/events`,
        headers: as(manager),
        payload,
      });
    // A new certification is a draft, read here by its branch's manager.
    const on = async (date: string) =>
      (
        await t.app.inject({
          url: `/api/v1/certifications/${id}/recognition?date=${date}`,
          headers: as(manager),
        })
      ).json();

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
    const bad = await t.app.inject({
      url: `/api/v1/certifications/${id}/recognition?date=2026-02-30`,
      headers: as(manager),
    });
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
    // A branch of its own, so that the filters below see these certifications only.
    const b = (await f.newBranch()).id;
    const inForce = { from: '2022-01-01', to: '2099-12-31' };
    const created = { type: 'created', date: '2020-01-01' } as const;
    const transmitted = { type: 'transmitted', date: '2020-06-01' } as const;
    const rncp3 = await f.newCertification([b]);
    await f.addEvents(rncp3.id, [
      created,
      transmitted,
      { type: 'rncp_registered', date: '2021-12-01', number: 'RNCP90003', level: 3, ...inForce },
    ]);
    const rncp4 = await f.newCertification([b]);
    await f.addEvents(rncp4.id, [
      created,
      transmitted,
      { type: 'rncp_registered', date: '2021-12-01', number: 'RNCP90004', level: 4, ...inForce },
    ]);
    const rs = await f.newCertification([b]);
    await f.addEvents(rs.id, [
      created,
      transmitted,
      { type: 'rs_registered', date: '2021-12-01', number: 'RS9005', ...inForce },
    ]);
    const branchOnly = await f.newCertification([b]);
    await f.addEvents(branchOnly.id, [created, transmitted]);
    // Registered until 2024: branch-only today, RNCP in 2023.
    const expired = await f.newCertification([b], { title: 'Agent de quai de test' });
    await f.addEvents(expired.id, [
      created,
      transmitted,
      {
        type: 'rncp_registered',
        date: '2020-12-01',
        number: 'RNCP90006',
        level: 3,
        from: '2021-01-01',
        to: '2024-08-31',
      },
    ]);
    await f.newCertification([b]); // no event: none

    const codes = async (query: string) =>
      (await t.app.inject({ url: `/api/v1/certifications?branch=${b}&pageSize=50&${query}` }))
        .json()
        .items.map((i: { code: string }) => i.code)
        .sort();
    expect(await codes('recognition=rncp')).toEqual([rncp3.code, rncp4.code].sort());
    expect(await codes('recognition=rs')).toEqual([rs.code]);
    expect(await codes('recognition=branch_only')).toEqual([branchOnly.code, expired.code].sort());
    expect(await codes('level=4')).toEqual([rncp4.code]);
    expect(await codes('recognition=rncp&date=2023-06-01')).toEqual(
      [rncp3.code, rncp4.code, expired.code].sort(),
    );
    const quai2023 = (
      await t.app.inject({ url: `/api/v1/certifications?branch=${b}&q=agent%20de%20quai&date=2023-06-01` })
    ).json();
    expect(quai2023.items[0]).toMatchObject({
      code: expired.code,
      recognition: { status: 'rncp', level: 3 },
    });
  });
});

describe('framework versions', () => {
  it('publish makes a version immutable; a new draft is made from it; the diff shows the change', async () => {
    // A public certification: its draft versions are hidden from the public, not the certification.
    const { id } = await f.newCertification([branch.security.id]);
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
      { kind: 'changed', where: 'bloc BC01 › intitulé', before: 'Surveiller', after: 'Surveiller un site' },
    ]);

    const published = (await t.app.inject({ url: `/api/v1/certifications/${id}` })).json();
    expect(published.framework.number).toBe(1);
    expect(published.framework.content.competencies.blocs[0].title).toBe('Surveiller');
  });

  it('another branch’s manager cannot make a draft', async () => {
    const other = await f.newCertification([branch.transport.id]);
    await f.newFrameworkVersion(other.id, { publish: true });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certifications/${other.id}/versions`,
      headers: as(manager),
      payload: { basedOn: 1 },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('habilitations', () => {
  it('answers who is habilitated on a date: organisations to anyone, people to the branch’s staff', async () => {
    const cert = await f.newCertification([branch.security.id]);
    const trainer = await f.newOrganisation('training_org', 'Institut Sécurité Formation (test)');
    const evaluatorAccount = await f.newUser('evaluator');
    const jury = await f.newUser('jury_member');
    await f.newHabilitation(
      cert.id,
      { organisationId: trainer.id, kind: 'train_and_assess' },
      { validFrom: '2024-01-01', validTo: '2028-12-31' },
    );
    for (const [who, kind] of [
      [evaluatorAccount, 'evaluator'],
      [jury, 'jury_member'],
    ] as const) {
      await f.newHabilitation(
        cert.id,
        { userId: who.id, kind },
        { validFrom: '2025-01-01', validTo: '2027-12-31' },
      );
    }
    const habilitated = async (query: string, who?: Signed) =>
      (
        await t.app.inject({
          url: `/api/v1/certifications/${cert.id}/habilitated?${query}`,
          headers: who ? as(who) : {},
        })
      ).json();
    const staff = await habilitated('date=2026-06-01', manager);
    expect(staff.organisations.map((h: { kind: string }) => h.kind)).toEqual(['train_and_assess']);
    expect(staff.persons.map((h: { kind: string }) => h.kind).sort()).toEqual(['evaluator', 'jury_member']);
    const evaluator = await habilitated(
      'date=2026-06-01',
      await signIn(t.app, evaluatorAccount.email, TEST_PASSWORD),
    );
    expect(evaluator).toEqual({ organisations: staff.organisations });
    expect(await habilitated('date=2026-06-01')).toEqual({ organisations: staff.organisations });

    const trainers = await habilitated('date=2026-06-01&need=train', manager);
    expect(trainers.organisations.map((h: { name: string }) => h.name)).toEqual([
      'Institut Sécurité Formation (test)',
    ]);
    expect(trainers.persons).toBeUndefined();
    expect(await habilitated('date=2030-01-01', manager)).toEqual({ organisations: [] });
  });

  it('habilitates a person only for a role they hold', async () => {
    const cert = await f.newCertification([branch.security.id]);
    const candidate = await f.newUser('candidate');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certifications/${cert.id}/habilitations`,
      headers: as(manager),
      payload: { kind: 'evaluator', userId: candidate.id, validFrom: '2026-01-01', validTo: '2026-12-31' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('userId');
  });
});

describe('public search', () => {
  /**
   * A catalogue of its own (no other test's certifications): seven CQPs over five branches and
   * a CQPI, with titles and texts that compete for the same words.
   */
  let p: TestApp;
  const ids = new Map<string, string>();
  const CATALOGUE = [
    {
      key: 'aps',
      branch: 'Prévention et sécurité',
      title: 'Agent de prévention et de sécurité',
      jobsTargeted:
        'Agent de prévention et de sécurité, agent de sécurité magasin, agent de surveillance de site.',
      description:
        'Surveiller et protéger des biens et des personnes : rondes, contrôle des accès, palpations de sécurité, intervention en cas d’incident.',
    },
    {
      key: 'as2016',
      branch: 'Prévention et sécurité',
      title: 'Agent de sécurité (ancienne version)',
      jobsTargeted: 'Agent de sécurité, agent de surveillance.',
      description:
        'La version de 2016 : surveillance humaine de sites, contrôle des accès, prévention incendie.',
    },
    {
      key: 'cord',
      branch: 'Bâtiment et travaux publics',
      title: 'Cordiste niveau 1',
      jobsTargeted: 'Cordiste, ouvrier cordiste du bâtiment, ouvrier cordiste des travaux publics.',
      description: 'Travaux simples en accès difficile au moyen de cordes ; évoluer sur cordes en sécurité.',
    },
    {
      key: 'pc',
      branch: 'Transport et logistique',
      title: 'Préparateur de commandes',
      jobsTargeted: 'Préparateur de commandes, préparateur au drive, agent de préparation en entrepôt.',
      description:
        'Prélever, contrôler et conditionner des marchandises en entrepôt ; conduire en sécurité les chariots de préparation.',
    },
    {
      key: 'quai',
      branch: 'Transport et logistique',
      title: 'Agent de quai',
      jobsTargeted: 'Agent de quai, manutentionnaire de plateforme.',
      description: 'Décharger, pointer, trier et charger des marchandises sur les quais d’une plateforme.',
    },
    {
      key: 'ap',
      branch: 'Aéronautique',
      title: 'Assistant piste',
      jobsTargeted: 'Agent de piste, bagagiste aéroportuaire.',
      description: 'Traiter un aéronef en escale côté piste, charger et décharger les soutes.',
    },
    {
      key: 'ppi',
      branch: 'Industrie pharmaceutique',
      title: 'Préparateur en pharmacie industrielle',
      jobsTargeted: 'Opérateur de fabrication pharmaceutique, préparateur en pharmacie industrielle.',
      description:
        'Préparer, fabriquer et conditionner des médicaments selon les bonnes pratiques de fabrication.',
    },
  ];

  beforeAll(async () => {
    p = await createTestApp({ demo: false });
    const pf = factories(p.services);
    const branches = new Map<string, string>();
    for (const c of CATALOGUE) {
      if (!branches.has(c.branch)) branches.set(c.branch, (await pf.newBranch(c.branch)).id);
      const { key: _key, branch: name, ...text } = c;
      ids.set(c.key, (await pf.newCertification([branches.get(name) as string], text)).id);
    }
    const al = await pf.newCertification(
      [branches.get('Transport et logistique') as string, branches.get('Industrie pharmaceutique') as string],
      {
        title: 'Agent logistique',
        jobsTargeted: 'Agent logistique, magasinier, cariste.',
        description: 'Réceptionner, stocker, préparer et expédier des marchandises.',
      },
    );
    ids.set('al', al.id);
  });
  afterAll(() => p?.close());

  const search = async (query: string) => {
    const res = await p.app.inject({ url: `/api/v1/certifications?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it.each([
    ['securite', 'aps'],
    ['preparateur commande', 'pc'],
    ['préparateur de commandes', 'pc'],
    ['preparatuer de comandes', 'pc'],
    ['pharmacie industrielle', 'ppi'],
    ['cordiste', 'cord'],
  ])('"%s" puts %s first', async (q, key) => {
    const res = await search(`q=${encodeURIComponent(q)}`);
    expect(res.items[0]?.id).toBe(ids.get(key));
  });

  it('returns facets and paginates', async () => {
    const all = await search('pageSize=50&kind=CQP');
    expect(all.total).toBe(7);
    const res = await search('pageSize=3&page=2&kind=CQP');
    expect(res.items).toHaveLength(3);
    expect(res.items).toEqual(all.items.slice(3, 6));
    expect(res.total).toBe(7);
    expect(res.facets.kind).toEqual([{ value: 'CQP', count: 7 }]);
    expect(
      res.facets.branch.map((b: { label: string; count: number }) => `${b.label}: ${b.count}`).sort(),
    ).toEqual([
      'Aéronautique: 1',
      'Bâtiment et travaux publics: 1',
      'Industrie pharmaceutique: 1',
      'Prévention et sécurité: 2',
      'Transport et logistique: 2',
    ]);
  });

  it('an empty search answers an empty list', async () => {
    expect(await search('q=zzzzqqq')).toMatchObject({ items: [], total: 0 });
  });
});

describe('framework import and export', () => {
  it('exports a published version as JSON and xlsx; a workbook replaces a draft, all or nothing', async () => {
    const cert = await f.newCertification([branch.security.id]);
    await f.newFrameworkVersion(cert.id, { publish: true });
    const base = `/api/v1/certifications/${cert.id}/versions`;
    const json = await t.app.inject({ url: `${base}/1/export?format=json` });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain(`${cert.code}-v1.json`);
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
        url: `/api/v1/certifications/${cert.id}/versions-diff?from=1&to=${draft.number}`,
        headers: as(manager),
      })
    ).json();
    expect(unchanged.changes).toEqual([]);

    expect((await upload(edited)).statusCode).toBe(204);
    const diff = (
      await t.app.inject({
        url: `/api/v1/certifications/${cert.id}/versions-diff?from=1&to=${draft.number}`,
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
    // Its branch's manager, with the drafts they may see: a new certification is a draft.
    const search = async () =>
      (
        await t.app.inject({ url: '/api/v1/certifications?q=apiculteur&status=all', headers: as(manager) })
      ).json().total;
    expect(await search()).toBe(0);
    expect(await search()).toBe(0); // now cached
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: as(manager),
      payload: certificationBody({ title: 'Apiculteur de sites sécurisés' }),
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
    const after = (
      await t.app.inject({ url: '/api/v1/certifications?q=apiculteur&status=all', headers: as(manager) })
    ).json();
    expect(after.items[0].recognition.status).toBe('branch_only');
    expect(after.items[0].status).toBe('draft');
  });
});
