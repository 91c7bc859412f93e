import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { factories } from './factories.js';
import { createTestApp, type TestApp } from './support.js';

let t: TestApp;
/** A branch whose IDCC and OPCO the catalogue knows, and a certification of it on the RNCP. */
const fx = {
  branchId: '',
  branchName: 'Branche des tests d’éligibilité',
  idcc: '1486',
  opco: 'OPCO Test',
  certId: '',
};
beforeAll(async () => {
  t = await createTestApp({ env: { ELIGIBILITY_RATE_LIMIT: '40' }, demo: false });
  const f = factories(t.services);
  fx.branchId = await t.services.catalogue.branches.save(
    undefined,
    { name: fx.branchName, idcc: [fx.idcc], opco: fx.opco, cpneMembers: [] },
    SYSTEM_ADMIN,
    'test',
  );
  fx.certId = (await f.newCertification([fx.branchId])).id;
  await f.addEvents(fx.certId, [
    { type: 'created', date: '2020-03-01', reference: 'CPNE 2020-03' },
    { type: 'transmitted', date: '2020-06-01' },
    {
      type: 'rncp_registered',
      date: '2021-01-01',
      number: 'RNCP11111',
      level: 3,
      from: '2021-01-01',
      to: '2025-12-31',
    },
  ]);
}, 120_000);
afterAll(() => t?.close());

const rs = {
  kind: 'CQP',
  events: [
    { type: 'created', date: '2020-01-10' },
    { type: 'transmitted', date: '2020-02-01' },
    { type: 'rs_registered', date: '2021-01-01', number: 'RS5012', from: '2021-01-01', to: '2025-12-31' },
  ],
};

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/eligibility', payload: payload as object, headers });

describe('POST /api/v1/eligibility', () => {
  it('inline certification: every route, with reasons carrying source and dates', async () => {
    const res = await post({
      date: '2024-03-01',
      certification: rs,
      candidate: { status: 'employee', age: 30 },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.certification.recognition).toMatchObject({ status: 'rs', number: 'RS5012' });
    expect(body.results).toHaveLength(11);
    const byRoute = Object.fromEntries(body.results.map((r: { route: string }) => [r.route, r]));
    expect(byRoute.cpf.eligible).toBe(true);
    expect(byRoute.cpf.funders.map((f: { funder: string }) => f.funder)).toContain('caisse_des_depots');
    expect(byRoute.vae.eligible).toBe(false);
    expect(byRoute.apprentissage.eligible).toBe(false);
    for (const r of body.results) {
      for (const reason of r.reasons) {
        expect(reason.source).toBeTruthy();
        expect(reason.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect('to' in reason).toBe(true);
      }
    }
  });

  it('one route when asked; the CPF ends with the RS registration', async () => {
    const res = await post({
      date: '2026-01-02',
      route: 'cpf',
      certification: rs,
      candidate: { status: 'employee' },
    });
    expect(res.statusCode).toBe(200);
    const [cpf] = res.json().results;
    expect(res.json().results).toHaveLength(1);
    expect(cpf.eligible).toBe(false);
    expect(cpf.reasons.find((r: { satisfied: boolean }) => r.satisfied === false).source).toContain(
      'C. trav. L6323-6',
    );
  });

  it('certificationId: events, kind and branches from the catalogue; OPCO named from the IDCC', async () => {
    const res = await post({
      date: '2024-03-01',
      route: 'plan_developpement',
      certificationId: fx.certId,
      candidate: { status: 'employee', employer: { idcc: fx.idcc, headcount: 12 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.certification).toMatchObject({
      id: fx.certId,
      kind: 'CQP',
      recognition: { status: 'rncp', number: 'RNCP11111' },
    });
    expect(body.certification.branches.map((b: { id: string }) => b.id)).toEqual([fx.branchId]);
    const [plan] = body.results;
    expect(plan.eligible).toBe(true);
    const opco = plan.funders.find((f: { funder: string }) => f.funder === 'opco');
    expect(opco.body).toBe(`${fx.opco} (${fx.branchName})`);
  });

  it('unknown certificationId: 404 problem', async () => {
    const res = await post({
      date: '2024-03-01',
      certificationId: '00000000-0000-4000-8000-000000000000',
      candidate: { status: 'employee' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('bad shape: 400 problem naming each field', async () => {
    const res = await post({
      date: '2024-13-01',
      route: 'cif',
      certification: { kind: 'CQP', events: [{ type: 'born', date: '2020-01-01' }] },
      candidate: { status: 'retired', age: 'old' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'date',
        'route',
        'certification.events.0.type',
        'candidate.status',
        'candidate.age',
      ]),
    );
  });

  it('neither or both certification forms: 400 on certificationId, saying which', async () => {
    const neither = await post({ date: '2024-03-01', candidate: { status: 'employee' } });
    expect(neither.statusCode).toBe(400);
    const error = neither.json().errors.find((e: { field: string }) => e.field === 'certificationId');
    expect(error.detail).toBe(
      'Indiquez la certification : certificationId (catalogue) ou certification (hypothétique).',
    );
    const both = await post({
      date: '2024-03-01',
      certificationId: '00000000-0000-4000-8000-000000000000',
      certification: rs,
      candidate: { status: 'employee' },
    });
    expect(both.json().errors[0].detail).toContain('pas les deux');
  });

  it('dates before 2015 and malformed IDCC are refused, naming the field', async () => {
    const early = await post({ date: '2014-12-31', certification: rs, candidate: { status: 'employee' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([
      expect.objectContaining({
        field: 'date',
        detail: 'Qualif répond pour les dates à partir du 1er janvier 2015.',
      }),
    ]);
    const idcc = await post({
      date: '2024-03-01',
      certification: rs,
      candidate: { status: 'employee', employer: { idcc: 'ABC' } },
    });
    expect(idcc.statusCode).toBe(400);
    expect(idcc.json().errors.map((e: { field: string }) => e.field)).toEqual(['candidate.employer.idcc']);
  });

  it('names the CPF funder of the date: the OPCA, then the OPCO, then the Caisse des Dépôts from 2019-12-01', async () => {
    const rncp = {
      kind: 'CQP',
      events: [
        { type: 'created', date: '2015-03-01' },
        { type: 'transmitted', date: '2015-04-01' },
        {
          type: 'rncp_registered',
          date: '2016-01-10',
          number: 'RNCP20001',
          level: 3,
          from: '2016-01-10',
          to: '2026-01-09',
        },
      ],
    };
    const funders = async (date: string) =>
      (
        await post({
          date,
          route: 'cpf',
          certification: rncp,
          candidate: { status: 'employee', cpfLists: ['cpne'] },
        })
      )
        .json()
        .results[0].funders.map((f: { funder: string }) => f.funder);
    expect(await funders('2019-03-31')).toEqual(['opca', 'employer']);
    expect(await funders('2019-04-01')).toEqual(['opco', 'employer']);
    expect(await funders('2019-11-30')).toEqual(['opco', 'employer']);
    expect(await funders('2019-12-01')).toEqual(['caisse_des_depots', 'employer']);
  });

  it('the new candidate facts: the CIF before 2019, under its own title, paid by the Fongecif', async () => {
    const branchOnly = {
      kind: 'CQP',
      events: [
        { type: 'created', date: '2014-06-01' },
        { type: 'transmitted', date: '2014-07-01' },
      ],
    };
    const res = await post({
      date: '2017-03-01',
      route: 'cpf_transition',
      certification: branchOnly,
      candidate: {
        status: 'employee',
        contractType: 'cdi',
        seniority: { monthsEmployee: 30, monthsInFirm: 14 },
        employer: { craft: false },
      },
    });
    expect(res.statusCode).toBe(200);
    const [cif] = res.json().results;
    expect(cif).toMatchObject({
      route: 'cpf_transition',
      title: 'Congé individuel de formation',
      status: 'open',
    });
    expect(cif.reasons.some((r: { source: string }) => r.source.includes('L6322-1'))).toBe(true);
    expect(cif.funders.map((f: { funder: string }) => f.funder)).toEqual(['fongecif']);

    // Without the seniority, the CIF is « à préciser », naming the fields — never a silent « closed ».
    const unknown = await post({
      date: '2017-03-01',
      route: 'cpf_transition',
      certification: branchOnly,
      candidate: { status: 'employee' },
    });
    const [open] = unknown.json().results;
    expect(open.status).toBe('incomplete');
    expect(open.reasons.every((r: { satisfied: boolean | null }) => r.satisfied !== false)).toBe(true);
    // Either variant of the seniority rule may apply: the general one, or the CDD one.
    expect(open.missing.map((m: { field: string }) => m.field).sort()).toEqual([
      'candidate.contractType',
      'candidate.seniority.monthsCddLast12',
      'candidate.seniority.monthsEmployee',
      'candidate.seniority.monthsEmployeeLast5Years',
      'candidate.seniority.monthsInFirm',
    ]);

    // The 2015–2018 CPF lists: one field, one label.
    const lists = await post({
      date: '2017-03-01',
      route: 'cpf',
      certification: branchOnly,
      candidate: { status: 'employee' },
    });
    expect(lists.json().results[0]).toMatchObject({
      status: 'incomplete',
      missing: [
        { field: 'candidate.cpfLists', label: 'Listes CPF (2015-2018) sur lesquelles figurait la formation' },
      ],
    });
    const listed = await post({
      date: '2017-03-01',
      route: 'cpf',
      certification: branchOnly,
      candidate: { status: 'employee', cpfLists: ['cpne'] },
    });
    expect(listed.json().results[0].status).toBe('open');
  });

  it('a disputed window is flagged on the route and on the rule, with a note', async () => {
    const res = await post({
      date: '2019-05-01',
      route: 'pro_a',
      certification: {
        kind: 'CQP',
        events: [
          { type: 'created', date: '2014-06-01' },
          { type: 'transmitted', date: '2014-07-01' },
        ],
      },
      candidate: { status: 'employee', contractType: 'cdi', highestLevel: 4 },
    });
    const [proA] = res.json().results;
    expect(proA).toMatchObject({ status: 'open', disputed: true });
    const disputed = proA.reasons.filter((r: { disputed?: boolean }) => r.disputed);
    expect(disputed).toHaveLength(1);
    expect(disputed[0].note).toContain('2019-861');
  });

  it('refuses malformed facts, naming each field', async () => {
    const res = await post({
      date: '2017-03-01',
      certification: rs,
      candidate: {
        status: 'employee',
        contractType: 'cdi_maybe',
        shortTimeWork: 'yes',
        seniority: { monthsEmployee: 10, monthsInFirm: 20, monthsCddLast12: 13 },
        cpfLists: ['cpne', 'cpne'],
        employer: { craft: 1 },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual([
      'candidate.contractType',
      'candidate.cpfLists',
      'candidate.employer.craft',
      'candidate.seniority.monthsCddLast12',
      'candidate.seniority.monthsInFirm',
      'candidate.shortTimeWork',
    ]);
    const firm = await post({
      date: '2017-03-01',
      certification: rs,
      candidate: { status: 'employee', seniority: { monthsEmployee: 10, monthsInFirm: 20 } },
    });
    expect(firm.statusCode).toBe(400);
    expect(firm.json().errors).toEqual([
      expect.objectContaining({
        field: 'candidate.seniority.monthsInFirm',
        detail: 'Les mois dans l’entreprise ne peuvent dépasser les mois d’activité salariée.',
      }),
    ]);
  });

  it('says whether each route is open, closed, or incomplete for want of an input', async () => {
    const res = await post({ date: '2024-03-01', certification: rs, candidate: { status: 'jobseeker' } });
    const byRoute = Object.fromEntries(
      res.json().results.map((r: { route: string; status: string; missing: unknown[] }) => [r.route, r]),
    );
    expect(byRoute.cpf.status).toBe('open');
    expect(byRoute.apprentissage.status).toBe('closed');
    // The contrat de professionnalisation's public depends on the age, not given here.
    expect(byRoute.contrat_pro).toMatchObject({ status: 'incomplete', eligible: false });
    expect(byRoute.contrat_pro.missing.map((m: { field: string }) => m.field)).toContain('candidate.age');
  });

  it('inconsistent history: 422 problem naming the event field', async () => {
    const res = await post({
      date: '2024-03-01',
      certification: {
        kind: 'CQP',
        events: [
          { type: 'created', date: '2020-01-10' },
          {
            type: 'rncp_registered',
            date: '2020-03-01',
            number: 'RNCP123',
            from: '2020-03-01',
            to: '2019-01-01',
          },
        ],
      },
      candidate: { status: 'employee' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'certification.events.1.level',
        'certification.events.1.to',
        'certification.events.1.date',
      ]),
    );
  });
});

describe('GET /api/v1/eligibility/rules', () => {
  it('lists every route with its conditions, funders and caps, each with source and dates', async () => {
    const res = await t.app.inject({ url: '/api/v1/eligibility/rules' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.routes.map((r: { id: string }) => r.id)).toHaveLength(11);
    const all = [
      ...body.common,
      ...body.routes.flatMap((r: { conditions: unknown[]; funders: unknown[]; limits: unknown[] }) => [
        r,
        ...r.conditions,
        ...r.funders,
        ...r.limits,
      ]),
    ] as { source: string; from: string }[];
    expect(all.length).toBeGreaterThan(60);
    for (const rule of all) {
      expect(rule.source).toBeTruthy();
      expect(rule.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('says which request fields each rule reads, and the route titles by date', async () => {
    const body = (await t.app.inject({ url: '/api/v1/eligibility/rules' })).json();
    const transition = body.routes.find((r: { id: string }) => r.id === 'cpf_transition');
    expect(transition.titles).toEqual([
      { title: 'Congé individuel de formation', from: '2015-01-01', to: '2018-12-31' },
      {
        title: 'CPF de transition professionnelle (projet de transition professionnelle)',
        from: '2019-01-01',
        to: null,
      },
    ]);
    const cif = transition.conditions.find((c: { rule: string }) => c.rule.endsWith('CIF ancienneté'));
    expect(cif.inputs).toEqual(
      expect.arrayContaining([
        'candidate.seniority.monthsEmployee',
        'candidate.seniority.monthsInFirm',
        'candidate.contractType',
        'candidate.employer.craft',
      ]),
    );
    const cpf = body.routes.find((r: { id: string }) => r.id === 'cpf');
    const lists = cpf.conditions.find((c: { rule: string }) => c.rule === 'CPF . conditions . sur une liste');
    expect(lists.inputs).toEqual(['candidate.status', 'candidate.cpfLists']);
    expect(lists.to).toBe('2018-12-31');
    const funders = body.routes.flatMap((r: { funders: { funder: string }[] }) =>
      r.funders.map((f) => f.funder),
    );
    expect(funders).toEqual(expect.arrayContaining(['fongecif', 'transitions_pro', 'faf']));
    expect(funders).not.toContain('cpir');
  });
});

describe('rate limit', () => {
  it('answers 429 problem+json after the limit, per client address', async () => {
    const limited = await createTestApp({ env: { ELIGIBILITY_RATE_LIMIT: '3' }, demo: false });
    try {
      const payload = { date: '2024-03-01', certification: rs, candidate: { status: 'employee' } };
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/v1/eligibility', payload });
        codes.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.headers['retry-after']).toBeDefined();
        }
      }
      expect(codes).toEqual([200, 200, 200, 429]);
      // The rules list is not limited.
      expect((await limited.app.inject({ url: '/api/v1/eligibility/rules' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
