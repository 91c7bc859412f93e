import { describe, expect, it } from 'vitest';
import { JURY_OUTCOMES, type JuryOutcome } from '../../../contracts/juries.js';
import {
  checkDecision,
  correctionProblem,
  currentDecisions,
  decisionChains,
  deliberatingMembers,
  excludedMembers,
} from './jury-decisions.js';

const TARGETED = ['BC01', 'BC02', 'BC03'];
const check = (
  blocs: { code: string; validated?: boolean | null }[],
  outcome: JuryOutcome,
  carried: string[] = [],
  targeted = TARGETED,
) => checkDecision({ targeted, carried, blocs, outcome });
const v = (code: string, validated: boolean | null = true) => ({ code, validated });

/** The outcomes a set of blocs accepts, found by trying every one. */
const accepted = (
  blocs: { code: string; validated?: boolean | null }[],
  carried: string[] = [],
  targeted = TARGETED,
) => JURY_OUTCOMES.filter((o) => check(blocs, o, carried, targeted).ok);

describe('outcome against the blocs', () => {
  it('full: every targeted bloc validated', () => {
    expect(accepted([v('BC01'), v('BC02'), v('BC03')])).toEqual(['full']);
  });
  it('partial: some validated, not all', () => {
    expect(accepted([v('BC01'), v('BC02', false), v('BC03')])).toEqual(['partial']);
  });
  it('refused: none validated', () => {
    expect(accepted([v('BC01', false), v('BC02', false), v('BC03', false)])).toEqual(['refused']);
  });
  it('absent or deferred: no bloc decided (none given, or all undecided)', () => {
    expect(accepted([])).toEqual(['absent', 'deferred']);
    expect(accepted([v('BC01', null), { code: 'BC02' }])).toEqual(['absent', 'deferred']);
  });
  it('carried blocs count as validated, need no decision, and refused means none of the others', () => {
    expect(accepted([v('BC02'), v('BC03')], ['BC01'])).toEqual(['full']);
    expect(accepted([v('BC01'), v('BC02'), v('BC03')], ['BC01'])).toEqual(['full']);
    expect(accepted([v('BC02'), v('BC03', false)], ['BC01'])).toEqual(['partial']);
    expect(accepted([v('BC02', false), v('BC03', false)], ['BC01'])).toEqual(['refused']);
    // Everything carried: nothing to decide, the certification may be awarded.
    expect(accepted([], ['BC01', 'BC02'], ['BC01', 'BC02'])).toEqual(['full', 'absent', 'deferred']);
  });
  it('keeps every targeted bloc, carried ones marked, undecided ones null', () => {
    const r = check([v('BC02', false)], 'absent', ['BC01']);
    expect(r.ok).toBe(false);
    const ok = check([v('BC02', false), v('BC03')], 'partial', ['BC01']);
    expect(ok).toEqual({
      ok: true,
      expected: ['partial'],
      blocs: [
        { code: 'BC01', validated: true, carried: true },
        { code: 'BC02', validated: false, carried: false },
        { code: 'BC03', validated: true, carried: false },
      ],
    });
    expect(check([], 'deferred')).toMatchObject({
      ok: true,
      blocs: TARGETED.map((code) => ({ code, validated: null, carried: false })),
    });
  });
});

describe('refusals', () => {
  it('a mismatch names outcome, in French, with what the blocs give', () => {
    const r = check([v('BC01'), v('BC02', false), v('BC03')], 'full');
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          path: ['outcome'],
          detail:
            'Le résultat « Certification obtenue » ne correspond pas aux blocs : 2 blocs validés sur 3 à décider ; attendu : « Validation partielle (par blocs) ».',
        },
      ],
    });
    expect(check([], 'refused')).toMatchObject({ ok: false, errors: [{ path: ['outcome'] }] });
    expect(check([v('BC01'), v('BC02'), v('BC03')], 'absent')).toMatchObject({
      ok: false,
      errors: [{ path: ['outcome'] }],
    });
  });
  it('unknown, blank or repeated bloc codes name blocs/N/code', () => {
    expect(check([v('BC01'), v('BC99'), v(' ')], 'full')).toMatchObject({
      ok: false,
      errors: [{ path: ['blocs', 1, 'code'] }, { path: ['blocs', 2, 'code'] }],
    });
    expect(check([v('BC01'), v('BC01', false)], 'partial')).toMatchObject({
      ok: false,
      errors: [{ path: ['blocs', 1, 'code'] }],
    });
  });
  it('a carried bloc cannot be refused (blocs/N/validated)', () => {
    expect(check([v('BC02'), v('BC01', false), v('BC03')], 'partial', ['BC01'])).toMatchObject({
      ok: false,
      errors: [{ path: ['blocs', 1, 'validated'] }],
    });
  });
  it('some blocs decided but not all: the missing ones are named on blocs', () => {
    expect(check([v('BC01'), v('BC02')], 'partial')).toEqual({
      ok: false,
      errors: [{ path: ['blocs'], detail: 'Décidez chaque bloc visé (validé ou non) : BC03 sans décision.' }],
    });
    expect(check([v('BC01')], 'absent')).toMatchObject({ ok: false, errors: [{ path: ['outcome'] }] });
  });
});

describe('chains of corrections', () => {
  const d = (id: string, candidacyId: string, replacesId: string | null = null) => ({
    id,
    candidacyId,
    replacesId,
  });
  it('follows each chain from the first decision to the current one, whatever the order given', () => {
    const decisions = [d('c2', 'x', 'c1'), d('b1', 'y'), d('c1', 'x', 'a1'), d('a1', 'x')];
    expect([...decisionChains(decisions)].map(([k, chain]) => [k, chain.map((c) => c.id)])).toEqual([
      ['y', ['b1']],
      ['x', ['a1', 'c1', 'c2']],
    ]);
    expect(currentDecisions(decisions).get('x')?.id).toBe('c2');
    expect(currentDecisions(decisions).get('y')?.id).toBe('b1');
    expect(currentDecisions([]).size).toBe(0);
  });

  it('a first decision needs no correction; a second one must correct the current one, with a reason', () => {
    expect(
      correctionProblem({ current: undefined, replaces: undefined, correctionReason: undefined }),
    ).toBeNull();
    expect(
      correctionProblem({ current: { id: 'a' }, replaces: undefined, correctionReason: undefined })?.path,
    ).toEqual(['replaces']);
    expect(
      correctionProblem({ current: { id: 'b' }, replaces: 'a', correctionReason: 'Erreur' })?.path,
    ).toEqual(['replaces']);
    expect(
      correctionProblem({ current: undefined, replaces: 'a', correctionReason: 'Erreur' })?.path,
    ).toEqual(['replaces']);
    expect(correctionProblem({ current: { id: 'a' }, replaces: 'a', correctionReason: '  ' })?.path).toEqual([
      'correctionReason',
    ]);
    expect(
      correctionProblem({ current: undefined, replaces: undefined, correctionReason: 'x' })?.path,
    ).toEqual(['correctionReason']);
    expect(
      correctionProblem({ current: { id: 'a' }, replaces: 'a', correctionReason: 'Erreur de saisie' }),
    ).toBeNull();
  });
});

describe('who deliberates', () => {
  it('members linked to the candidate are excluded; absent or unrecorded members do not deliberate', () => {
    expect(excludedMembers(['m1', 'm2', 'm3'], ['m2', 'someone'])).toEqual(['m2']);
    expect(
      deliberatingMembers(
        [
          { userId: 'm1', presence: 'present' },
          { userId: 'm2', presence: 'remote' },
          { userId: 'm3', presence: 'absent' },
          { userId: 'm4', presence: null },
          { userId: 'm5', presence: 'remote' },
        ],
        ['m5'],
      ),
    ).toEqual(['m1', 'm2']);
  });
});
