import { describe, expect, it } from 'vitest';
import { type RecognitionEvent, recognitionOn } from '../../catalogue/domain/recognition.js';
import { readRules } from '../rules-files.js';
import { type Candidate, createEvaluator, type RouteResult } from './evaluate.js';
import { buildModel, ROUTE_IDS, type RouteId } from './model.js';

const model = buildModel(readRules());
const evaluator = createEvaluator(model);

// Certifications by their history (the catalogue's event shape).
const created = { type: 'created', date: '2014-06-01' } as const;
const transmitted = { type: 'transmitted', date: '2014-07-01' } as const;
const BRANCH_ONLY: RecognitionEvent[] = [created, transmitted];
const NOT_TRANSMITTED: RecognitionEvent[] = [created];
const RNCP: RecognitionEvent[] = [
  created,
  transmitted,
  {
    type: 'rncp_registered',
    date: '2014-09-01',
    number: 'RNCP11111',
    level: 4,
    from: '2014-09-01',
    to: '2030-12-31',
  },
];
/** RNCP until 2021-06-30 only. */
const RNCP_ENDED: RecognitionEvent[] = [
  created,
  transmitted,
  {
    type: 'rncp_registered',
    date: '2016-06-01',
    number: 'RNCP22222',
    level: 3,
    from: '2016-07-01',
    to: '2021-06-30',
  },
];
const RS: RecognitionEvent[] = [
  created,
  transmitted,
  { type: 'rs_registered', date: '2014-09-01', number: 'RS1234', from: '2014-09-01', to: '2030-12-31' },
];
const WITHDRAWN_2020: RecognitionEvent[] = [...RNCP, { type: 'withdrawn', date: '2020-01-01' }];

const employee: Candidate = { status: 'employee', age: 35, experienceMonths: 60, highestLevel: 4 };
const jobseeker: Candidate = { status: 'jobseeker', age: 40, experienceMonths: 60 };
const student: Candidate = { status: 'student', age: 20 };

type Case = {
  name: string;
  date: string;
  route: RouteId;
  events: RecognitionEvent[];
  candidate: Candidate;
  kind?: 'CQP' | 'CQPI';
  eligible: boolean;
  /** A reason with this source must be there, satisfied as `eligible` says when failing. */
  cites?: string;
};

const cases: Case[] = [
  // Legal existence
  {
    name: 'not transmitted: never eligible (contrat pro)',
    date: '2024-03-01',
    route: 'contrat_pro',
    events: NOT_TRANSMITTED,
    candidate: { status: 'employee', age: 20 },
    eligible: false,
    cites: 'L6113-4',
  },
  {
    name: 'not transmitted: never eligible (plan)',
    date: '2024-03-01',
    route: 'plan_developpement',
    events: NOT_TRANSMITTED,
    candidate: employee,
    eligible: false,
    cites: 'L6113-4',
  },
  {
    name: 'not transmitted in 2016: CNCP rule cited',
    date: '2016-03-01',
    route: 'plan_developpement',
    events: NOT_TRANSMITTED,
    candidate: employee,
    eligible: false,
    cites: 'L6314-2',
  },
  {
    name: 'withdrawn: no longer eligible (POEC)',
    date: '2021-03-01',
    route: 'poec',
    events: WITHDRAWN_2020,
    candidate: jobseeker,
    eligible: false,
    cites: 'L6113-4',
  },
  {
    name: 'before withdrawal: POEC open',
    date: '2019-06-01',
    route: 'poec',
    events: WITHDRAWN_2020,
    candidate: jobseeker,
    eligible: true,
  },
  // Apprenticeship
  {
    name: 'apprenticeship refused on RNCP CQP',
    date: '2024-03-01',
    route: 'apprentissage',
    events: RNCP,
    candidate: { status: 'student', age: 18 },
    eligible: false,
    cites: 'L6211-1',
  },
  {
    name: 'apprenticeship refused in 2015',
    date: '2015-03-01',
    route: 'apprentissage',
    events: RNCP,
    candidate: { status: 'student', age: 18 },
    eligible: false,
    cites: 'L6211-1',
  },
  // CPF
  {
    name: 'CPF on RS-registered CQP allowed',
    date: '2023-05-01',
    route: 'cpf',
    events: RS,
    candidate: employee,
    eligible: true,
  },
  {
    name: 'CPF on RNCP-registered CQP allowed',
    date: '2023-05-01',
    route: 'cpf',
    events: RNCP,
    candidate: jobseeker,
    eligible: true,
  },
  {
    name: 'CPF on branch-only CQP refused',
    date: '2023-05-01',
    route: 'cpf',
    events: BRANCH_ONLY,
    candidate: employee,
    eligible: false,
    cites: 'L6323-6',
  },
  {
    name: 'CPF while RNCP active',
    date: '2021-06-30',
    route: 'cpf',
    events: RNCP_ENDED,
    candidate: employee,
    eligible: true,
  },
  {
    name: 'CPF after the RNCP end date refused',
    date: '2021-07-01',
    route: 'cpf',
    events: RNCP_ENDED,
    candidate: employee,
    eligible: false,
    cites: 'L6323-6',
  },
  {
    name: 'CPF in 2016 (inventory / RNCP, lists)',
    date: '2016-05-01',
    route: 'cpf',
    events: RS,
    candidate: employee,
    eligible: true,
  },
  {
    name: 'CPF: a student without work has no account',
    date: '2023-05-01',
    route: 'cpf',
    events: RS,
    candidate: student,
    eligible: false,
    cites: 'L6323-2',
  },
  // CPF de transition
  {
    name: 'CPF de transition on RNCP CQP, employee',
    date: '2022-01-10',
    route: 'cpf_transition',
    events: RNCP,
    candidate: employee,
    eligible: true,
  },
  {
    name: 'CPF de transition on branch-only CQP refused',
    date: '2022-01-10',
    route: 'cpf_transition',
    events: BRANCH_ONLY,
    candidate: employee,
    eligible: false,
    cites: 'L6323-17-1',
  },
  {
    name: 'CPF de transition not for jobseekers',
    date: '2022-01-10',
    route: 'cpf_transition',
    events: RNCP,
    candidate: jobseeker,
    eligible: false,
  },
  {
    name: 'CPF de transition did not exist in 2017',
    date: '2017-01-10',
    route: 'cpf_transition',
    events: RNCP,
    candidate: employee,
    eligible: false,
    cites: '2018-771',
  },
  // VAE
  {
    name: 'VAE on branch-only CQP refused (L6313-5)',
    date: '2023-03-01',
    route: 'vae',
    events: BRANCH_ONLY,
    candidate: employee,
    eligible: false,
    cites: 'L6313-5',
  },
  {
    name: 'VAE on RS-only CQP refused',
    date: '2024-03-01',
    route: 'vae',
    events: RS,
    candidate: employee,
    eligible: false,
    cites: 'L6313-5',
  },
  {
    name: 'VAE in 2020, 18 months allowed',
    date: '2020-03-01',
    route: 'vae',
    events: RNCP,
    candidate: { ...employee, experienceMonths: 18 },
    eligible: true,
  },
  {
    name: 'VAE in 2020, 8 months refused',
    date: '2020-03-01',
    route: 'vae',
    events: RNCP,
    candidate: { ...employee, experienceMonths: 8 },
    eligible: false,
    cites: 'L335-5',
  },
  {
    name: 'VAE in 2016, 24 months refused (3 years)',
    date: '2016-03-01',
    route: 'vae',
    events: RNCP,
    candidate: { ...employee, experienceMonths: 24 },
    eligible: false,
    cites: '2002-73',
  },
  {
    name: 'VAE in 2016, 40 months allowed',
    date: '2016-03-01',
    route: 'vae',
    events: RNCP,
    candidate: { ...employee, experienceMonths: 40 },
    eligible: true,
  },
  {
    name: 'VAE on 2017-09-30, 12 months refused (still 3 years)',
    date: '2017-09-30',
    route: 'vae',
    events: RNCP,
    candidate: { ...employee, experienceMonths: 12 },
    eligible: false,
  },
  {
    name: 'VAE on 2017-10-01, 12 months allowed',
    date: '2017-10-01',
    route: 'vae',
    events: RNCP,
    candidate: { ...employee, experienceMonths: 12 },
    eligible: true,
  },
  {
    name: 'VAE in 2023, 8 months refused (disputed 1 year)',
    date: '2023-06-01',
    route: 'vae',
    events: RNCP,
    candidate: { ...employee, experienceMonths: 8 },
    eligible: false,
  },
  {
    name: 'VAE in 2024 with no experience allowed',
    date: '2024-02-01',
    route: 'vae',
    events: RNCP,
    candidate: { status: 'employee', experienceMonths: 0 },
    eligible: true,
  },
  {
    name: 'VAE in 2024, experience not given: allowed',
    date: '2024-02-01',
    route: 'vae',
    events: RNCP,
    candidate: { status: 'jobseeker' },
    eligible: true,
  },
  {
    name: 'VAE in 2021: a student is not in active life',
    date: '2021-03-01',
    route: 'vae',
    events: RNCP,
    candidate: { ...student, experienceMonths: 20 },
    eligible: false,
    cites: 'L6111-1',
  },
  {
    name: 'VAE in 2024: any person, a student too',
    date: '2024-03-01',
    route: 'vae',
    events: RNCP,
    candidate: student,
    eligible: true,
  },
  // Contrat de professionnalisation
  {
    name: 'contrat pro, 20 years old, branch-only CQP',
    date: '2024-03-01',
    route: 'contrat_pro',
    events: BRANCH_ONLY,
    candidate: { status: 'jobseeker', age: 20 },
    eligible: true,
  },
  {
    name: 'contrat pro, CQPI not registered',
    date: '2024-03-01',
    route: 'contrat_pro',
    kind: 'CQPI',
    events: BRANCH_ONLY,
    candidate: { status: 'student', age: 19 },
    eligible: true,
  },
  {
    name: 'contrat pro, jobseeker aged 45',
    date: '2024-03-01',
    route: 'contrat_pro',
    events: RNCP,
    candidate: jobseeker,
    eligible: true,
  },
  {
    name: 'contrat pro, employee aged 35 refused',
    date: '2024-03-01',
    route: 'contrat_pro',
    events: RNCP,
    candidate: employee,
    eligible: false,
    cites: 'L6325-1',
  },
  {
    name: 'contrat pro, RSA beneficiary aged 35',
    date: '2024-03-01',
    route: 'contrat_pro',
    events: RNCP,
    candidate: { ...employee, benefits: ['RSA'] },
    eligible: true,
  },
  {
    name: 'contrat pro, AAH beneficiary in 2016',
    date: '2016-03-01',
    route: 'contrat_pro',
    events: BRANCH_ONLY,
    candidate: { status: 'self_employed', age: 50, benefits: ['AAH'] },
    eligible: true,
  },
  // Période pro / Pro-A / reconversion
  {
    name: 'période pro in 2017 for an employee',
    date: '2017-05-01',
    route: 'periode_pro',
    events: BRANCH_ONLY,
    candidate: employee,
    eligible: true,
  },
  {
    name: 'période pro ended in 2019',
    date: '2019-01-01',
    route: 'periode_pro',
    events: BRANCH_ONLY,
    candidate: employee,
    eligible: false,
    cites: '2018-771',
  },
  {
    name: 'Pro-A in 2022: RNCP CQP on the list, level 4',
    date: '2022-05-01',
    route: 'pro_a',
    events: RNCP,
    candidate: { ...employee, onProAList: true },
    eligible: true,
  },
  {
    name: 'Pro-A in 2022: not on the branch list',
    date: '2022-05-01',
    route: 'pro_a',
    events: RNCP,
    candidate: { ...employee, onProAList: false },
    eligible: false,
    cites: 'L6324-3',
  },
  {
    name: 'Pro-A in 2022: branch-only CQP refused',
    date: '2022-05-01',
    route: 'pro_a',
    events: BRANCH_ONLY,
    candidate: { ...employee, onProAList: true },
    eligible: false,
  },
  {
    name: 'Pro-A in 2022: employee at licence level refused',
    date: '2022-05-01',
    route: 'pro_a',
    events: RNCP,
    candidate: { ...employee, highestLevel: 6, onProAList: true },
    eligible: false,
    cites: 'L6324-2',
  },
  {
    name: 'Pro-A in 2026 refused',
    date: '2026-02-01',
    route: 'pro_a',
    events: RNCP,
    candidate: { ...employee, onProAList: true },
    eligible: false,
  },
  {
    name: 'Pro-A in 2018 did not exist',
    date: '2018-05-01',
    route: 'pro_a',
    events: RNCP,
    candidate: { ...employee, onProAList: true },
    eligible: false,
  },
  {
    name: 'reconversion in 2026 allowed (branch-only CQP)',
    date: '2026-02-01',
    route: 'reconversion',
    events: BRANCH_ONLY,
    candidate: employee,
    eligible: true,
  },
  {
    name: 'reconversion in 2026, CQPI',
    date: '2026-02-01',
    route: 'reconversion',
    kind: 'CQPI',
    events: RNCP,
    candidate: employee,
    eligible: true,
  },
  {
    name: 'reconversion in 2025 not yet',
    date: '2025-12-31',
    route: 'reconversion',
    events: BRANCH_ONLY,
    candidate: employee,
    eligible: false,
  },
  {
    name: 'reconversion not for jobseekers',
    date: '2026-02-01',
    route: 'reconversion',
    events: BRANCH_ONLY,
    candidate: jobseeker,
    eligible: false,
  },
  // Plan, POEI, POEC
  {
    name: 'plan for an employee, branch-only CQP',
    date: '2024-03-01',
    route: 'plan_developpement',
    events: BRANCH_ONLY,
    candidate: employee,
    eligible: true,
  },
  {
    name: 'plan in 2016 (plan de formation)',
    date: '2016-03-01',
    route: 'plan_developpement',
    events: BRANCH_ONLY,
    candidate: employee,
    eligible: true,
  },
  {
    name: 'plan not for a jobseeker',
    date: '2024-03-01',
    route: 'plan_developpement',
    events: BRANCH_ONLY,
    candidate: jobseeker,
    eligible: false,
    cites: 'L6321-1',
  },
  {
    name: 'POEI for a jobseeker in 2024',
    date: '2024-03-01',
    route: 'poei',
    events: BRANCH_ONLY,
    candidate: jobseeker,
    eligible: true,
  },
  {
    name: 'POEI for a jobseeker in 2018 (Pôle emploi)',
    date: '2018-03-01',
    route: 'poei',
    events: BRANCH_ONLY,
    candidate: jobseeker,
    eligible: true,
  },
  {
    name: 'POEI not for an employee',
    date: '2024-03-01',
    route: 'poei',
    events: BRANCH_ONLY,
    candidate: employee,
    eligible: false,
    cites: 'L6326-1',
  },
  {
    name: 'POEC for a jobseeker',
    date: '2024-03-01',
    route: 'poec',
    events: RS,
    candidate: jobseeker,
    eligible: true,
  },
];

function run(c: Case): RouteResult {
  const recognition = recognitionOn(c.events, c.date);
  const [result] = evaluator.evaluate(
    { date: c.date, certification: { kind: c.kind ?? 'CQP', recognition }, candidate: c.candidate },
    [c.route],
  );
  return result as RouteResult;
}

describe('dated cases from docs/domain.md', () => {
  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)('$name', (c) => {
    const result = run(c);
    expect(result.route).toBe(c.route);
    expect(result.eligible, JSON.stringify(result.reasons.map((r) => [r.rule, r.satisfied]))).toBe(
      c.eligible,
    );
    for (const r of result.reasons) {
      expect(r.from <= c.date && (r.to === null || c.date <= r.to), `${r.rule} in force`).toBe(true);
    }
    if (c.cites) {
      const cited = result.reasons.filter((r) => r.source.includes(c.cites as string));
      expect(cited.length, `a reason citing ${c.cites}`).toBeGreaterThan(0);
      if (!c.eligible) expect(cited.some((r) => r.satisfied === false)).toBe(true);
    }
  });
});

describe('answers', () => {
  it('one result per route, in the order of ROUTE_IDS, when no route is asked', () => {
    const results = evaluator.evaluate({
      date: '2024-03-01',
      certification: { kind: 'CQP', recognition: recognitionOn(RNCP, '2024-03-01') },
      candidate: employee,
    });
    expect(results.map((r) => r.route)).toEqual([...ROUTE_IDS]);
  });

  it('funders and caps only for an open route, each with source and dates', () => {
    const [pro] = evaluator.evaluate(
      {
        date: '2024-03-01',
        certification: { kind: 'CQP', recognition: recognitionOn(BRANCH_ONLY, '2024-03-01') },
        candidate: { status: 'jobseeker', age: 22 },
      },
      ['contrat_pro'],
    );
    expect(pro?.funders.map((f) => f.funder)).toEqual(['opco', 'employer']);
    expect(pro?.limits.map((l) => l.source).join(' ')).toContain('L6325-11');
    const [recon] = evaluator.evaluate(
      {
        date: '2026-03-01',
        certification: { kind: 'CQP', recognition: recognitionOn(BRANCH_ONLY, '2026-03-01') },
        candidate: employee,
      },
      ['reconversion'],
    );
    expect(recon?.limits[0]?.text).toContain('150 à 450 heures');
    const [apprentice] = evaluator.evaluate(
      {
        date: '2024-03-01',
        certification: { kind: 'CQP', recognition: recognitionOn(RNCP, '2024-03-01') },
        candidate: student,
      },
      ['apprentissage'],
    );
    expect(apprentice?.funders).toEqual([]);
  });

  it('OPCA before 2019-04-01, OPCO after; Pôle emploi before 2024, France Travail after', () => {
    const at = (date: string, route: RouteId, candidate: Candidate) =>
      evaluator
        .evaluate(
          { date, certification: { kind: 'CQP', recognition: recognitionOn(BRANCH_ONLY, date) }, candidate },
          [route],
        )[0]
        ?.funders.map((f) => f.funder);
    expect(at('2019-03-31', 'contrat_pro', { status: 'jobseeker', age: 20 })).toContain('opca');
    expect(at('2019-04-01', 'contrat_pro', { status: 'jobseeker', age: 20 })).toContain('opco');
    expect(at('2023-12-31', 'poei', jobseeker)).toEqual(['pole_emploi', 'opco']);
    expect(at('2024-01-01', 'poei', jobseeker)).toEqual(['france_travail', 'opco']);
  });

  it('says which input is missing instead of guessing', () => {
    const [pro] = evaluator.evaluate(
      {
        date: '2024-03-01',
        certification: { kind: 'CQP', recognition: recognitionOn(BRANCH_ONLY, '2024-03-01') },
        candidate: { status: 'employee' },
      },
      ['contrat_pro'],
    );
    expect(pro?.eligible).toBe(false);
    expect(pro?.missing.map((m) => m.field)).toEqual(['candidate.age']);
    expect(pro?.reasons.find((r) => r.satisfied === null)?.source).toBe('C. trav. L6325-1');
  });

  it('flags the disputed VAE experience rule between 2022-12-23 and 2023-12-31', () => {
    const [vae] = evaluator.evaluate(
      {
        date: '2023-01-15',
        certification: { kind: 'CQP', recognition: recognitionOn(RNCP, '2023-01-15') },
        candidate: { ...employee, experienceMonths: 14 },
      },
      ['vae'],
    );
    const disputed = vae?.reasons.find((r) => r.disputed);
    expect(disputed?.note).toContain('Qualif applique un an');
    expect(vae?.eligible).toBe(true);
  });
});

describe('every rule of law carries its text, source and dates', () => {
  it('in the files, walked rule by rule', () => {
    const raw = readRules();
    let checked = 0;
    for (const [name, value] of Object.entries(raw)) {
      const rule = (value ?? {}) as Record<string, unknown>;
      if (rule.saisie === 'oui') continue;
      const parts = name.split(' . ');
      const grouping =
        name === 'conditions communes' ||
        (parts.length === 2 && ['conditions', 'financeurs', 'plafonds'].includes(parts[1] as string));
      if (grouping) continue;
      const period = rule['en vigueur'] as { du?: string; au?: string } | undefined;
      expect(typeof rule.description, `${name}: description`).toBe('string');
      expect(String(rule.source ?? '').length, `${name}: source`).toBeGreaterThan(3);
      expect(period?.du, `${name}: en vigueur du`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (period?.au !== undefined) expect(period.au >= (period.du as string), `${name}: au ≥ du`).toBe(true);
      checked += 1;
    }
    expect(checked).toBe(model.rules.size);
    expect(checked).toBeGreaterThan(60);
  });

  it('the model refuses a rule without source or dates', () => {
    const raw = readRules();
    const broken = {
      ...raw,
      'VAE . conditions . sans source': { titre: 'x', description: 'y', valeur: 'oui' },
    };
    expect(() => buildModel(broken)).toThrow(/sans source.*source juridique manquante/s);
  });

  it('every route has a condition in force on every date since 2015-01-01', () => {
    const day = new Date('2015-01-01T00:00:00Z');
    const end = new Date('2027-12-31T00:00:00Z');
    for (; day <= end; day.setUTCDate(day.getUTCDate() + 7)) {
      const date = day.toISOString().slice(0, 10);
      for (const route of model.routes) {
        const inForce = route.conditions.filter((n) => {
          const r = model.rules.get(n);
          return r && r.from <= date && (r.to === null || date <= r.to);
        });
        expect(inForce.length, `${route.id} on ${date}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('the fast evaluator agrees with publicodes comparing the dates itself', () => {
  it('on 600 generated situations', () => {
    const slow = createEvaluator(buildModel(readRules(), { datesInEngine: true }), {
      prefilterDates: false,
      naive: true,
    });
    const histories = [BRANCH_ONLY, NOT_TRANSMITTED, RNCP, RNCP_ENDED, RS, WITHDRAWN_2020];
    const statuses = ['employee', 'jobseeker', 'self_employed', 'student'] as const;
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 600; i++) {
      const date = `${2015 + rnd(12)}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
      const situation = {
        date,
        certification: {
          kind: rnd(2) ? ('CQP' as const) : ('CQPI' as const),
          recognition: recognitionOn(histories[rnd(6)] as RecognitionEvent[], date),
        },
        candidate: {
          status: statuses[rnd(4)] as Candidate['status'],
          ...(rnd(4) ? { age: 16 + rnd(50) } : {}),
          ...(rnd(3) ? { experienceMonths: rnd(48) } : {}),
          ...(rnd(3) ? { highestLevel: [0, 3, 4, 5, 6, 7][rnd(6)] } : {}),
          ...(rnd(2) ? { benefits: rnd(2) ? (['RSA'] as const) : ([] as const) } : {}),
          ...(rnd(2) ? { onProAList: rnd(2) === 1 } : {}),
          ...(rnd(2) ? { employer: { headcount: rnd(400) } } : {}),
        },
      };
      expect(evaluator.evaluate(situation), JSON.stringify(situation)).toEqual(slow.evaluate(situation));
    }
  });
});
