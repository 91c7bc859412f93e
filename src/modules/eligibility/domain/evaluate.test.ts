import { describe, expect, it } from 'vitest';
import { generatedSituations } from '../../../../test/eligibility-situations.js';
import { CONTRACT_TYPES } from '../../../contracts/eligibility-facts.js';
import { type RecognitionEvent, recognitionOn } from '../../catalogue/domain/recognition.js';
import { readRules } from '../rules-files.js';
import {
  CANDIDATE_STATUSES,
  type Candidate,
  createEvaluator,
  type RouteResult,
  toPublicodesSituation,
} from './evaluate.js';
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

/** An employee on a CDI with enough seniority, who never had a CUI. */
const employee: Candidate = {
  status: 'employee',
  age: 35,
  experienceMonths: 60,
  highestLevel: 4,
  contractType: 'cdi',
  seniority: { monthsEmployee: 60, monthsInFirm: 36 },
  formerCui: false,
};
/** On a CDD: 30 months as an employee in the last 5 years, 5 of them on CDD in the last 12. */
const cddEmployee: Candidate = {
  ...employee,
  contractType: 'cdd',
  seniority: { monthsEmployee: 30, monthsInFirm: 5, monthsEmployeeLast5Years: 30, monthsCddLast12: 5 },
};
const selfEmployed: Candidate = { status: 'self_employed', age: 40, cpfLists: ['copanef'] };
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
  /** Expected status when it matters (`incomplete`), with the fields `missing` names. */
  status?: RouteResult['status'];
  missing?: string[];
  /** Expected funder ids, in order (checked only for an open route). */
  funders?: string[];
  /** Expected title of the route on the date. */
  title?: string;
  /** A cap (limit) in force citing this source. */
  capCites?: string;
  /** A rule in force is disputed (the route says so, and the rule carries a note). */
  disputed?: boolean;
  /** The row of docs/domain.md's rules table a correction case stands for (two cases at least). */
  row?: string;
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
    candidate: { ...employee, cpfLists: ['copanef'] },
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
  ...corrections(),
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
      const cited = [...result.reasons, ...result.funders, ...result.limits].filter((r) =>
        r.source.includes(c.cites as string),
      );
      expect(cited.length, `a rule citing ${c.cites}`).toBeGreaterThan(0);
      if (!c.eligible && !c.status) {
        expect(
          result.reasons.some((r) => r.source.includes(c.cites as string) && r.satisfied === false),
        ).toBe(true);
      }
    }
    expect(result.status).toBe(c.status ?? (c.eligible ? 'open' : 'closed'));
    if (c.missing) expect(result.missing.map((m) => m.field).sort()).toEqual([...c.missing].sort());
    else expect(result.missing).toEqual([]);
    if (c.funders) expect(result.funders.map((f) => f.funder)).toEqual(c.funders);
    if (c.title) expect(result.title).toBe(c.title);
    if (c.capCites) expect(result.limits.map((l) => l.source).join(' | ')).toContain(c.capCites);
    if (c.disputed !== undefined) {
      expect(result.disputed === true, 'route flagged disputed').toBe(c.disputed);
      const flagged = [...result.reasons, ...result.funders, ...result.limits].filter((r) => r.disputed);
      expect(flagged.length > 0).toBe(c.disputed);
      for (const r of flagged) expect(r.note, `${r.rule}: note`).toBeTruthy();
    }
  });

  it('at least two cases for every corrected row, one each side of its dates', () => {
    const rows = new Map<string, Case[]>();
    for (const c of cases) if (c.row) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
    expect(rows.size).toBeGreaterThanOrEqual(12);
    for (const [row, list] of rows) {
      expect(list.length, row).toBeGreaterThanOrEqual(2);
      expect(new Set(list.map((c) => c.date)).size, `${row}: different dates`).toBeGreaterThanOrEqual(2);
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
    expect(pro?.missing.map((m) => m.field)).toEqual(['candidate.age', 'candidate.formerCui']);
    expect(pro?.reasons.find((r) => r.satisfied === null)?.source).toBe('C. trav. L6325-1 (1° à 3°)');
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

  it('refuses the retired funder id cpir and malformed dated titles', () => {
    const raw = readRules();
    const withCpir = {
      ...raw,
      'CPF de transition . financeurs . Fongecif': {
        ...(raw['CPF de transition . financeurs . Fongecif'] as object),
        financeur: 'cpir',
      },
    };
    expect(() => buildModel(withCpir)).toThrow(/financeur inconnu « cpir »/);
    const overlapping = {
      ...raw,
      'CPF de transition': {
        ...(raw['CPF de transition'] as object),
        intitulés: [
          { titre: 'A', du: '2015-01-01', au: '2019-06-30' },
          { titre: 'B', du: '2019-01-01' },
        ],
      },
    };
    expect(() => buildModel(overlapping)).toThrow(/intitulés datés se chevauchent/);
  });

  it('the engine only ever gets values an input lists (its « une possibilité »)', () => {
    expect([...model.inputValues.keys()].sort()).toEqual(
      [
        'candidat . contrat',
        'candidat . statut',
        'certification . reconnaissance',
        'certification . type',
      ].sort(),
    );
    const situations = CONTRACT_TYPES.flatMap((contractType) =>
      CANDIDATE_STATUSES.flatMap((status) =>
        [BRANCH_ONLY, NOT_TRANSMITTED, RNCP, RS].map((events) => ({
          date: '2020-01-01',
          certification: { kind: 'CQPI' as const, recognition: recognitionOn(events, '2020-01-01') },
          candidate: { status, contractType },
        })),
      ),
    );
    for (const situation of situations) {
      const values = toPublicodesSituation(situation);
      for (const [input, listed] of model.inputValues) {
        expect(listed, `${input} = ${values[input]}`).toContain(values[input]);
      }
    }
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
  it('on 600 generated situations, every fact given or left out', () => {
    const slow = createEvaluator(buildModel(readRules(), { datesInEngine: true }), {
      prefilterDates: false,
      naive: true,
    });
    for (const situation of generatedSituations(600, 7)) {
      expect(evaluator.evaluate(situation), JSON.stringify(situation)).toEqual(slow.evaluate(situation));
    }
    // The naive engine takes seconds per hundred situations; minutes on a busy machine.
  }, 600_000);
});

describe('remembering rule values by the inputs they depend on changes no answer', () => {
  it('on 1,500 generated situations, with the default memory and a tiny one that keeps forgetting', () => {
    const asked = createEvaluator(model, { memoPerRule: 0 });
    const tiny = createEvaluator(model, { memoPerRule: 3 });
    const remembering = createEvaluator(model);
    for (const situation of generatedSituations(1_500, 11)) {
      const expected = asked.evaluate(situation);
      expect(remembering.evaluate(situation), JSON.stringify(situation)).toEqual(expected);
      expect(tiny.evaluate(situation), JSON.stringify(situation)).toEqual(expected);
    }
  }, 600_000);

  it('also when only some routes are asked for', () => {
    const asked = createEvaluator(model, { memoPerRule: 0 });
    const remembering = createEvaluator(model);
    generatedSituations(500, 5).forEach((situation, i) => {
      const routes = ROUTE_IDS.filter((_, j) => (i + j) % 3 === 0);
      expect(remembering.evaluate(situation, routes)).toEqual(asked.evaluate(situation, routes));
    });
  }, 600_000);
});

/**
 * The rows of docs/domain.md's rules table corrected after the legal review (issue 11): at
 * least two cases per row, one each side of each date it changed on.
 */
function corrections(): Case[] {
  const cif = { ...employee, seniority: { monthsEmployee: 30, monthsInFirm: 14 } };
  const at = (date: string, route: RouteId, events: RecognitionEvent[], candidate: Candidate) => ({
    date,
    route,
    events,
    candidate,
  });
  return [
    // CPF, 2015–2018: on a list (employees: CPNE, COPANEF, COPAREF; jobseekers: COPANEF, COPAREF).
    {
      row: 'CPF 2015–2018 lists',
      name: 'CPF on 2017-03-01, employee, branch-only CQP on the CPNE list: open',
      ...at('2017-03-01', 'cpf', BRANCH_ONLY, { ...employee, cpfLists: ['cpne'] }),
      eligible: true,
      cites: 'L6323-6 II',
      funders: ['opca', 'employer'],
    },
    {
      row: 'CPF 2015–2018 lists',
      name: 'CPF on 2019-01-02, same branch-only CQP: closed (RNCP or RS only)',
      ...at('2019-01-02', 'cpf', BRANCH_ONLY, { ...employee, cpfLists: ['cpne'] }),
      eligible: false,
      cites: 'L6323-6',
    },
    {
      row: 'CPF 2015–2018 lists',
      name: 'CPF on 2016-05-01, jobseeker, CQP on the CPNE list only: closed',
      ...at('2016-05-01', 'cpf', BRANCH_ONLY, { ...jobseeker, cpfLists: ['cpne'] }),
      eligible: false,
      cites: 'L6323-16',
    },
    {
      row: 'CPF 2015–2018 lists',
      name: 'CPF on 2016-05-01, jobseeker, CQP on the COPAREF list: open',
      ...at('2016-05-01', 'cpf', BRANCH_ONLY, { ...jobseeker, cpfLists: ['coparef'] }),
      eligible: true,
    },
    {
      row: 'CPF 2015–2018 lists',
      name: 'CPF on 2018-12-31, RNCP CQP on no list: closed',
      ...at('2018-12-31', 'cpf', RNCP, { ...employee, cpfLists: [] }),
      eligible: false,
      cites: 'L6323-6 II',
    },
    {
      row: 'CPF 2015–2018 lists',
      name: 'CPF on 2019-01-01, RNCP CQP on no list: open (registration is what counts)',
      ...at('2019-01-01', 'cpf', RNCP, { ...employee, cpfLists: [] }),
      eligible: true,
    },
    {
      row: 'CPF 2015–2018 lists',
      name: 'CPF on 2018-06-01 without the lists: incomplete, naming them',
      ...at('2018-06-01', 'cpf', RNCP, employee),
      eligible: false,
      status: 'incomplete',
      missing: ['candidate.cpfLists'],
    },
    // CPF holders: self-employed from 2018-01-01.
    {
      row: 'CPF holders',
      name: 'CPF for a self-employed person on 2017-06-01: closed',
      ...at('2017-06-01', 'cpf', RNCP, selfEmployed),
      eligible: false,
      cites: 'L6323-2',
    },
    {
      row: 'CPF holders',
      name: 'CPF for a self-employed person on 2017-12-31: closed',
      ...at('2017-12-31', 'cpf', RNCP, selfEmployed),
      eligible: false,
      cites: 'L6323-2',
    },
    {
      row: 'CPF holders',
      name: 'CPF for a self-employed person on 2018-01-01: open, paid by the FAF, lists disputed',
      ...at('2018-01-01', 'cpf', RNCP, selfEmployed),
      eligible: true,
      cites: '2016-1088',
      funders: ['faf'],
      disputed: true,
    },
    {
      row: 'CPF holders',
      name: 'CPF for a self-employed person on 2021-06-01: open, Caisse des Dépôts',
      ...at('2021-06-01', 'cpf', RNCP, { status: 'self_employed' }),
      eligible: true,
      funders: ['caisse_des_depots'],
    },
    // CPF funder: Caisse des Dépôts for requests from 2019-12-01; OPCA, then OPCO before.
    {
      row: 'CPF funder',
      name: 'CPF on 2019-03-31: the OPCA',
      ...at('2019-03-31', 'cpf', RNCP, employee),
      eligible: true,
      funders: ['opca', 'employer'],
    },
    {
      row: 'CPF funder',
      name: 'CPF on 2019-11-30: the OPCO',
      ...at('2019-11-30', 'cpf', RNCP, employee),
      eligible: true,
      funders: ['opco', 'employer'],
    },
    {
      row: 'CPF funder',
      name: 'CPF on 2019-12-01: the Caisse des Dépôts',
      ...at('2019-12-01', 'cpf', RNCP, employee),
      eligible: true,
      funders: ['caisse_des_depots', 'employer'],
    },
    {
      row: 'CPF funder',
      name: 'CPF on 2019-11-30 for a self-employed person: the FAF',
      ...at('2019-11-30', 'cpf', RNCP, selfEmployed),
      eligible: true,
      funders: ['faf'],
    },
    // CPF participation forfaitaire, by year; jobseekers exempt.
    {
      row: 'CPF participation forfaitaire',
      name: 'CPF on 2024-05-01: no participation yet',
      ...at('2024-05-01', 'cpf', RNCP, employee),
      eligible: true,
      funders: ['caisse_des_depots', 'employer'],
    },
    {
      row: 'CPF participation forfaitaire',
      name: 'CPF on 2024-05-02: 100 € paid by the holder',
      ...at('2024-05-02', 'cpf', RNCP, employee),
      eligible: true,
      funders: ['caisse_des_depots', 'employer', 'candidate'],
      cites: '2024-394',
    },
    {
      row: 'CPF participation forfaitaire',
      name: 'CPF on 2025-06-01, a jobseeker: exempt',
      ...at('2025-06-01', 'cpf', RNCP, jobseeker),
      eligible: true,
      funders: ['caisse_des_depots', 'france_travail'],
    },
    // CIF until 2018-12-31 (route cpf_transition), then the CPF de transition.
    {
      row: 'CIF',
      name: 'CIF on 2017-03-01, CDI, 30 months employed, 14 in the firm, branch-only CQP: open',
      ...at('2017-03-01', 'cpf_transition', BRANCH_ONLY, cif),
      eligible: true,
      cites: 'L6322-1',
      title: 'Congé individuel de formation',
      funders: ['fongecif'],
    },
    {
      row: 'CIF',
      name: 'CIF on 2018-12-31, 20 months employed: closed (seniority)',
      ...at('2018-12-31', 'cpf_transition', BRANCH_ONLY, {
        ...employee,
        seniority: { monthsEmployee: 20, monthsInFirm: 14 },
      }),
      eligible: false,
      cites: 'L6322-1',
    },
    {
      row: 'CIF',
      name: 'CPF de transition on 2019-01-01, same branch-only CQP: closed (RNCP or RS)',
      ...at('2019-01-01', 'cpf_transition', BRANCH_ONLY, cif),
      eligible: false,
      cites: 'L6323-17-1',
      title: 'CPF de transition professionnelle (projet de transition professionnelle)',
    },
    {
      row: 'CIF',
      name: 'CIF in an artisan firm under 11, 30 months: closed (36 needed)',
      ...at('2016-09-01', 'cpf_transition', RNCP, { ...cif, employer: { craft: true } }),
      eligible: false,
      cites: 'L6322-1',
    },
    {
      row: 'CIF',
      name: 'CIF in an artisan firm under 11, 36 months: open',
      ...at('2016-09-01', 'cpf_transition', RNCP, {
        ...employee,
        seniority: { monthsEmployee: 36, monthsInFirm: 14 },
        employer: { craft: true },
      }),
      eligible: true,
    },
    {
      row: 'CIF',
      name: 'CIF for a CDD: 24 months in 5 years, 5 on CDD in the last 12: open',
      ...at('2016-09-01', 'cpf_transition', BRANCH_ONLY, cddEmployee),
      eligible: true,
    },
    {
      row: 'CIF',
      name: 'CIF without seniority: incomplete, naming it',
      ...at('2016-09-01', 'cpf_transition', BRANCH_ONLY, { ...employee, seniority: undefined }),
      eligible: false,
      status: 'incomplete',
      missing: ['candidate.seniority.monthsInFirm', 'candidate.seniority.monthsEmployee'],
    },
    // CPF de transition: seniority (D6323-9), exemptions, funders by date.
    {
      row: 'CPF de transition',
      name: 'CPF de transition on 2019-06-01, RNCP CQP, CDI 30/14: open, the Fongecif',
      ...at('2019-06-01', 'cpf_transition', RNCP, cif),
      eligible: true,
      cites: 'D6323-9',
      funders: ['fongecif'],
    },
    {
      row: 'CPF de transition',
      name: 'CPF de transition on 2020-01-01: Transitions Pro',
      ...at('2020-01-01', 'cpf_transition', RNCP, cif),
      eligible: true,
      funders: ['transitions_pro'],
    },
    {
      row: 'CPF de transition',
      name: 'CPF de transition on 2022-01-10, 10 months in the firm, no disability: closed',
      ...at('2022-01-10', 'cpf_transition', RNCP, {
        ...employee,
        seniority: { monthsEmployee: 40, monthsInFirm: 10 },
        disabilityRecognised: false,
      }),
      eligible: false,
      cites: 'D6323-9',
    },
    {
      row: 'CPF de transition',
      name: 'CPF de transition on 2022-01-10, 10 months in the firm, disability recognised: open',
      ...at('2022-01-10', 'cpf_transition', RNCP, {
        ...employee,
        seniority: { monthsEmployee: 40, monthsInFirm: 10 },
        disabilityRecognised: true,
      }),
      eligible: true,
    },
    {
      row: 'CPF de transition',
      name: 'CPF de transition, short seniority, disability not said: incomplete',
      ...at('2022-01-10', 'cpf_transition', RNCP, {
        ...employee,
        seniority: { monthsEmployee: 40, monthsInFirm: 10 },
      }),
      eligible: false,
      status: 'incomplete',
      missing: ['candidate.disabilityRecognised'],
    },
    {
      row: 'CPF de transition',
      name: 'CPF de transition for a CDD, 3 months of CDD in the last 12: closed',
      ...at('2022-01-10', 'cpf_transition', RNCP, {
        ...cddEmployee,
        seniority: { monthsEmployee: 30, monthsInFirm: 3, monthsEmployeeLast5Years: 30, monthsCddLast12: 3 },
        disabilityRecognised: false,
      }),
      eligible: false,
    },
    // Pro-A: branch list from 2019-08-23 (disputed before); contract types.
    {
      row: 'Pro-A list',
      name: 'Pro-A on 2019-08-22, branch-only CQP on no list: open, disputed',
      ...at('2019-08-22', 'pro_a', BRANCH_ONLY, { ...employee, onProAList: false }),
      eligible: true,
      disputed: true,
      cites: '2018-771',
    },
    {
      row: 'Pro-A list',
      name: 'Pro-A on 2019-08-23, branch-only CQP on no list: closed',
      ...at('2019-08-23', 'pro_a', BRANCH_ONLY, { ...employee, onProAList: false }),
      eligible: false,
      cites: '2019-861',
    },
    {
      row: 'Pro-A list',
      name: 'Pro-A on 2019-08-23, RNCP CQP on the list: open, not disputed',
      ...at('2019-08-23', 'pro_a', RNCP, { ...employee, onProAList: true }),
      eligible: true,
      disputed: false,
    },
    {
      row: 'Pro-A contracts',
      name: 'Pro-A in 2022 on an ordinary CDD, not in short-time work: closed',
      ...at('2022-05-01', 'pro_a', RNCP, {
        ...employee,
        contractType: 'cdd',
        shortTimeWork: false,
        onProAList: true,
      }),
      eligible: false,
      cites: 'L6324-1',
    },
    {
      row: 'Pro-A contracts',
      name: 'Pro-A on 2025-12-31 on a CDD in short-time work: open',
      ...at('2025-12-31', 'pro_a', RNCP, {
        ...employee,
        contractType: 'cdd',
        shortTimeWork: true,
        onProAList: true,
      }),
      eligible: true,
    },
    {
      row: 'Pro-A contracts',
      name: 'Pro-A on 2019-01-01 on a CUI on a CDI: open',
      ...at('2019-01-01', 'pro_a', RNCP, { ...employee, contractType: 'cui_cdi', onProAList: true }),
      eligible: true,
    },
    {
      row: 'Pro-A contracts',
      name: 'Pro-A in 2022 on a CDD, short-time work not said: incomplete',
      ...at('2022-05-01', 'pro_a', RNCP, { ...employee, contractType: 'cdd', onProAList: true }),
      eligible: false,
      status: 'incomplete',
      missing: ['candidate.shortTimeWork'],
    },
    // Période de professionnalisation: CDI, CUI, IAE CDD — not an ordinary CDD.
    {
      row: 'Période pro contracts',
      name: 'période pro in 2017 on an ordinary CDD: closed',
      ...at('2017-05-01', 'periode_pro', BRANCH_ONLY, { ...employee, contractType: 'cdd' }),
      eligible: false,
      cites: 'L6324-1',
    },
    {
      row: 'Période pro contracts',
      name: 'période pro on 2018-12-31 on an IAE CDD: open',
      ...at('2018-12-31', 'periode_pro', BRANCH_ONLY, { ...employee, contractType: 'cdd_iae' }),
      eligible: true,
    },
    {
      row: 'Période pro contracts',
      name: 'période pro in 2016 on a CUI: open',
      ...at('2016-02-01', 'periode_pro', BRANCH_ONLY, { ...employee, contractType: 'cui' }),
      eligible: true,
    },
    {
      row: 'Période pro contracts',
      name: 'période pro on 2019-01-01 on a CUI: ended',
      ...at('2019-01-01', 'periode_pro', BRANCH_ONLY, { ...employee, contractType: 'cui' }),
      eligible: false,
      cites: '2018-771',
    },
    // Contrat de professionnalisation: people who have had a CUI (L6325-1 3°).
    {
      row: 'Contrat pro CUI',
      name: 'contrat pro on 2024-03-01, employee aged 30 who had a CUI: open',
      ...at('2024-03-01', 'contrat_pro', RNCP, { ...employee, age: 30, formerCui: true }),
      eligible: true,
      cites: 'L6325-1',
    },
    {
      row: 'Contrat pro CUI',
      name: 'contrat pro on 2015-01-01, employee aged 30 who had a CUI: open',
      ...at('2015-01-01', 'contrat_pro', BRANCH_ONLY, { ...employee, age: 30, formerCui: true }),
      eligible: true,
    },
    {
      row: 'Contrat pro CUI',
      name: 'contrat pro, employee aged 30, CUI not said: incomplete',
      ...at('2024-03-01', 'contrat_pro', RNCP, { ...employee, age: 30, formerCui: undefined }),
      eligible: false,
      status: 'incomplete',
      missing: ['candidate.formerCui'],
    },
    // Plan: pooled funding by size band until 2018, under 50 after (OPCA, then OPCO).
    {
      row: 'Plan funding',
      name: 'plan on 2018-12-31, 120 employees: the OPCA (size bands)',
      ...at('2018-12-31', 'plan_developpement', BRANCH_ONLY, { ...employee, employer: { headcount: 120 } }),
      eligible: true,
      funders: ['employer', 'opca'],
      cites: 'L6332-3-1',
    },
    {
      row: 'Plan funding',
      name: 'plan on 2019-01-01, 120 employees: the employer only',
      ...at('2019-01-01', 'plan_developpement', BRANCH_ONLY, { ...employee, employer: { headcount: 120 } }),
      eligible: true,
      funders: ['employer'],
    },
    {
      row: 'Plan funding',
      name: 'plan on 2019-03-31, 30 employees: the OPCA approved as OPCO',
      ...at('2019-03-31', 'plan_developpement', BRANCH_ONLY, { ...employee, employer: { headcount: 30 } }),
      eligible: true,
      funders: ['employer', 'opca'],
    },
    {
      row: 'Plan funding',
      name: 'plan on 2019-04-01, 30 employees: the OPCO',
      ...at('2019-04-01', 'plan_developpement', BRANCH_ONLY, { ...employee, employer: { headcount: 30 } }),
      eligible: true,
      funders: ['employer', 'opco'],
    },
    // VAE: leave (L6422-3, then L6422-2; 48 h from 2022-12-23, paid from 2024-04-13) and funders.
    {
      row: 'VAE leave',
      name: 'VAE on 2018-12-31: 24 h leave under L6422-3',
      ...at('2018-12-31', 'vae', RNCP, employee),
      eligible: true,
      capCites: 'L6422-3',
    },
    {
      row: 'VAE leave',
      name: 'VAE on 2019-01-01: 24 h leave under L6422-2',
      ...at('2019-01-01', 'vae', RNCP, employee),
      eligible: true,
      capCites: 'L6422-2 (rédaction antérieure',
    },
    {
      row: 'VAE leave',
      name: 'VAE on 2024-04-12: 48 h leave, pay disputed',
      ...at('2024-04-12', 'vae', RNCP, employee),
      eligible: true,
      disputed: true,
      capCites: 'loi n° 2022-1598',
    },
    {
      row: 'VAE leave',
      name: 'VAE on 2024-04-13: 48 h paid leave (D6422-8)',
      ...at('2024-04-13', 'vae', RNCP, employee),
      eligible: true,
      disputed: false,
      capCites: 'D6422-8',
    },
    {
      row: 'VAE funders',
      name: 'VAE on 2022-12-22: no Transitions Pro',
      ...at('2022-12-22', 'vae', RNCP, employee),
      eligible: true,
      funders: ['caisse_des_depots', 'employer', 'opco', 'candidate'],
    },
    {
      row: 'VAE funders',
      name: 'VAE on 2022-12-23: Transitions Pro too',
      ...at('2022-12-23', 'vae', RNCP, employee),
      eligible: true,
      funders: ['caisse_des_depots', 'transitions_pro', 'employer', 'opco', 'candidate'],
    },
    {
      row: 'VAE funders',
      name: 'VAE on 2019-11-30: not yet the Caisse des Dépôts',
      ...at('2019-11-30', 'vae', RNCP, employee),
      eligible: true,
      funders: ['employer', 'opco', 'candidate'],
    },
    // Période de reconversion: OPCO rates by decree from 2026-02-01.
    {
      row: 'Reconversion decrees',
      name: 'reconversion on 2026-01-31: OPCO, decrees not yet in force',
      ...at('2026-01-31', 'reconversion', BRANCH_ONLY, employee),
      eligible: true,
      funders: ['opco', 'caisse_des_depots', 'employer'],
      cites: '2025-989',
    },
    {
      row: 'Reconversion decrees',
      name: 'reconversion on 2026-02-01: OPCO under the decrees, no level ceiling',
      ...at('2026-02-01', 'reconversion', BRANCH_ONLY, { ...employee, highestLevel: 7 }),
      eligible: true,
      funders: ['opco', 'caisse_des_depots', 'employer'],
    },
    // POEI / POEC: jobseekers, and CUI or IAE-CDD employees.
    {
      row: 'POE publics',
      name: 'POEI in 2016 for an employee on an IAE CDD: open',
      ...at('2016-03-01', 'poei', BRANCH_ONLY, { ...employee, contractType: 'cdd_iae' }),
      eligible: true,
    },
    {
      row: 'POE publics',
      name: 'POEC in 2024 for an employee on a CUI: open',
      ...at('2024-03-01', 'poec', BRANCH_ONLY, { ...employee, contractType: 'cui' }),
      eligible: true,
    },
    {
      row: 'POE publics',
      name: 'POEC in 2024 for an employee, contract not said: incomplete',
      ...at('2024-03-01', 'poec', BRANCH_ONLY, { status: 'employee' }),
      eligible: false,
      status: 'incomplete',
      missing: ['candidate.contractType'],
    },
  ];
}
