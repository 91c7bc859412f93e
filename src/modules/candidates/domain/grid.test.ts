import { describe, expect, it } from 'vitest';
import { frameworkSchema } from '../../catalogue/domain/framework.js';
import {
  blocsMissingForJury,
  competencyResult,
  evaluateBloc,
  type GridBloc,
  gridOf,
  type Marks,
  markKey,
  missingForJuryDetail,
  sessionMayChange,
  signatureProblem,
  unknownMarks,
} from './grid.js';

const framework = frameworkSchema.parse({
  activities: { activities: [{ code: 'A1', title: 'Activité' }] },
  competencies: {
    blocs: [
      {
        code: 'BC01',
        title: 'Premier bloc',
        competencies: [
          { code: 'C1', title: 'Une' },
          { code: 'C2', title: 'Deux' },
        ],
      },
      { code: 'BC02', title: 'Second bloc', competencies: [{ code: 'C3', title: 'Trois' }] },
      { code: 'BC03', title: 'Troisième bloc', competencies: [{ code: 'C4', title: 'Quatre' }] },
    ],
  },
  assessment: {
    competencies: [
      {
        competencyCode: 'C1',
        methods: ['mise_en_situation'],
        criteria: [
          { code: 'K1', text: 'Critère 1', indicators: ['Indicateur'] },
          { code: 'K2', text: 'Critère 2' },
        ],
      },
      // The same criterion code in another competency: marks are keyed by both codes.
      { competencyCode: 'C2', methods: ['mise_en_situation'], criteria: [{ code: 'K1', text: 'Critère 3' }] },
      {
        competencyCode: 'C3',
        methods: ['entretien'],
        criteria: ['K1', 'K2', 'K3', 'K4'].map((code) => ({ code, text: code })),
      },
      { competencyCode: 'C4', methods: ['entretien'], criteria: [{ code: 'K1', text: 'K1' }] },
    ],
    blocRules: [
      { blocCode: 'BC01', rule: { kind: 'all' } },
      { blocCode: 'BC02', rule: { kind: 'n_of_m', n: 3 } },
      { blocCode: 'BC03', rule: { kind: 'all' } },
    ],
  },
});

const [bc01, bc02] = gridOf(framework, ['BC02', 'BC01']) as [GridBloc, GridBloc];
const marks = (entries: Record<string, boolean | null>): Marks =>
  Object.fromEntries(Object.entries(entries).map(([k, met]) => [k, { met, comment: null }]));

describe('gridOf', () => {
  it('takes the session’s blocs in the framework’s order, with rules, competencies and criteria', () => {
    expect(bc01.code).toBe('BC01');
    expect(bc01.rule).toEqual({ kind: 'all' });
    expect(bc01.competencies.map((c) => [c.code, c.criteria.map((k) => k.code)])).toEqual([
      ['C1', ['K1', 'K2']],
      ['C2', ['K1']],
    ]);
    expect(bc01.competencies[0]?.criteria[0]).toEqual({
      code: 'K1',
      text: 'Critère 1',
      indicators: ['Indicateur'],
    });
    expect(bc02.rule).toEqual({ kind: 'n_of_m', n: 3 });
  });

  it('leaves out a code the framework does not have', () => {
    expect(gridOf(framework, ['BC09']).map((b) => b.code)).toEqual([]);
  });
});

describe('competency result', () => {
  const c1 = bc01.competencies[0] as GridBloc['competencies'][number];
  it.each([
    [{}, 'pending'],
    [{ 'C1/K1': true }, 'pending'],
    [{ 'C1/K1': false }, 'pending'],
    [{ 'C1/K1': true, 'C1/K2': null }, 'pending'],
    [{ 'C1/K1': true, 'C1/K2': true }, 'met'],
    [{ 'C1/K1': true, 'C1/K2': false }, 'not_met'],
    [{ 'C1/K1': false, 'C1/K2': false }, 'not_met'],
  ] as const)('%j → %s', (m, expected) => {
    expect(competencyResult(c1, marks(m))).toBe(expected);
  });

  it('does not confuse criteria of the same code in two competencies', () => {
    const c2 = bc01.competencies[1] as GridBloc['competencies'][number];
    expect(competencyResult(c2, marks({ 'C1/K1': true }))).toBe('pending');
    expect(competencyResult(c2, marks({ 'C2/K1': true }))).toBe('met');
  });
});

describe('bloc proposal', () => {
  it('rule « all »: acquired only when every criterion of the bloc is met', () => {
    expect(evaluateBloc(bc01, marks({ 'C1/K1': true, 'C1/K2': true, 'C2/K1': true }))).toEqual({
      competencies: [
        { code: 'C1', result: 'met' },
        { code: 'C2', result: 'met' },
      ],
      met: 3,
      total: 3,
      missing: [],
      proposal: 'acquired',
    });
    const one = evaluateBloc(bc01, marks({ 'C1/K1': true, 'C1/K2': false, 'C2/K1': true }));
    expect(one.proposal).toBe('not_acquired');
    expect(one.competencies).toEqual([
      { code: 'C1', result: 'not_met' },
      { code: 'C2', result: 'met' },
    ]);
  });

  it.each([
    [[true, true, true, true], 'acquired', 4],
    [[true, true, true, false], 'acquired', 3],
    [[true, true, false, false], 'not_acquired', 2],
    [[false, false, false, false], 'not_acquired', 0],
  ] as const)('rule « 3 of 4 »: %j → %s', (values, proposal, met) => {
    const m = marks(Object.fromEntries(values.map((v, i) => [markKey('C3', `K${i + 1}`), v])));
    expect(evaluateBloc(bc02, m)).toMatchObject({ proposal, met, total: 4, missing: [] });
  });

  it('is pending while a criterion is not marked, even when the count is already reached', () => {
    const m = marks({ 'C3/K1': true, 'C3/K2': true, 'C3/K3': true });
    expect(evaluateBloc(bc02, m)).toMatchObject({ proposal: 'pending', met: 3, missing: ['C3/K4'] });
    expect(evaluateBloc(bc01, {})).toMatchObject({
      proposal: 'pending',
      met: 0,
      missing: ['C1/K1', 'C1/K2', 'C2/K1'],
    });
  });
});

describe('completeness and input', () => {
  it('a grid with an unmarked criterion may not be signed, naming the criteria', () => {
    const problem = signatureProblem(bc01, marks({ 'C1/K1': true, 'C1/K2': null }));
    expect(problem).toContain('« BC01 »');
    expect(problem).toContain('2 critère(s) sans réponse (C1/K2, C2/K1)');
    expect(signatureProblem(bc01, marks({ 'C1/K1': false, 'C1/K2': false, 'C2/K1': false }))).toBeNull();
  });

  it('marks naming no criterion of the bloc are reported', () => {
    expect(unknownMarks(bc01, marks({ 'C1/K1': true, 'C3/K1': true, K1: true }))).toEqual(['C3/K1', 'K1']);
  });
});

describe('ready for the jury', () => {
  it('needs every targeted bloc signed or carried in', () => {
    expect(blocsMissingForJury(['BC01', 'BC02', 'BC03'], new Set(), new Set())).toEqual([
      'BC01',
      'BC02',
      'BC03',
    ]);
    expect(blocsMissingForJury(['BC01', 'BC02', 'BC03'], new Set(['BC02']), new Set(['BC01']))).toEqual([
      'BC03',
    ]);
    expect(blocsMissingForJury(['BC01', 'BC02'], new Set(['BC02']), new Set(['BC01', 'BC09']))).toEqual([]);
  });

  it('names the missing blocs in French', () => {
    expect(missingForJuryDetail(['BC03'])).toMatch(/^Le bloc « BC03 » n’a pas/);
    expect(missingForJuryDetail(['BC01', 'BC03'])).toMatch(/^Les blocs « BC01 », « BC03 » n’ont pas/);
  });
});

describe('session changes', () => {
  const open = { cancelled: false, signed: false, candidacyStatus: 'assessment' };
  it('moves and cancels an open session at the assessment step', () => {
    expect(sessionMayChange('edit', open)).toBe(true);
    expect(sessionMayChange('cancel', open)).toBe(true);
  });
  it('neither once cancelled or once a result is signed', () => {
    for (const s of [
      { ...open, cancelled: true },
      { ...open, signed: true },
    ]) {
      expect(sessionMayChange('edit', s)).toBe(false);
      expect(sessionMayChange('cancel', s)).toBe(false);
    }
  });
  it('cancels, but does not move, once the candidacy has left the assessment step', () => {
    for (const candidacyStatus of ['on_hold', 'withdrawn', 'ready_for_jury']) {
      expect(sessionMayChange('edit', { ...open, candidacyStatus })).toBe(false);
      expect(sessionMayChange('cancel', { ...open, candidacyStatus })).toBe(true);
    }
  });
});
