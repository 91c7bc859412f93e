import { describe, expect, it } from 'vitest';
import { RECOGNITION_STATUSES } from '../../../contracts/catalogue.js';
import {
  ACTIVATION_MISSING,
  ACTIVATION_REQUIREMENTS,
  acceptsCandidacies,
  CERTIFICATION_ACTIONS,
  CERTIFICATION_STATUSES,
  CERTIFICATION_TRANSITIONS,
  isPublic,
  missingForActivation,
  nextCertificationStatus,
  transitionRefusal,
} from './lifecycle.js';

describe('certification transitions', () => {
  const expected = {
    draft: { activate: 'active', retire: null },
    active: { activate: null, retire: 'retired' },
    retired: { activate: null, retire: null },
  } as const;

  it.each(CERTIFICATION_STATUSES.flatMap((s) => CERTIFICATION_ACTIONS.map((a) => [s, a] as const)))(
    '%s --%s-->',
    (status, action) => {
      expect(nextCertificationStatus(status, action)).toBe(expected[status][action]);
    },
  );

  it('the table names every status and only known actions and statuses', () => {
    expect(Object.keys(CERTIFICATION_TRANSITIONS).sort()).toEqual([...CERTIFICATION_STATUSES].sort());
    for (const row of Object.values(CERTIFICATION_TRANSITIONS)) {
      for (const [action, to] of Object.entries(row)) {
        expect(CERTIFICATION_ACTIONS).toContain(action);
        expect(CERTIFICATION_STATUSES).toContain(to);
      }
    }
  });

  it('a draft is never retired: it would become public without having been activated', () => {
    expect(nextCertificationStatus('draft', 'retire')).toBeNull();
  });

  it('retired is final', () => {
    expect(CERTIFICATION_TRANSITIONS.retired).toEqual({});
  });

  it('every refused transition has its own words', () => {
    const refusals = CERTIFICATION_STATUSES.flatMap((s) =>
      CERTIFICATION_ACTIONS.filter((a) => nextCertificationStatus(s, a) === null).map((a) =>
        transitionRefusal(s, a),
      ),
    );
    expect(refusals).toHaveLength(4);
    expect(new Set(refusals).size).toBe(4);
    expect(transitionRefusal('active', 'activate')).toBe('Cette certification est déjà au catalogue.');
    expect(transitionRefusal('retired', 'activate')).toMatch(
      /retirée du catalogue : elle ne peut pas y revenir/,
    );
  });
});

describe('visibility and candidacies by status', () => {
  it.each([
    ['draft', false, false],
    ['active', true, true],
    ['retired', true, false],
  ] as const)('%s: public %s, takes new candidacies %s', (status, pub, candidacies) => {
    expect(isPublic(status)).toBe(pub);
    expect(acceptsCandidacies(status)).toBe(candidacies);
  });
});

describe('missingForActivation', () => {
  it.each(
    [true, false].flatMap((publishedFramework) =>
      RECOGNITION_STATUSES.map((recognition) => [publishedFramework, recognition] as const),
    ),
  )('published framework %s, recognition %s', (publishedFramework, recognition) => {
    const missing = missingForActivation({ publishedFramework, recognition });
    expect(missing).toEqual([
      ...(publishedFramework ? [] : ['published_framework']),
      ...(recognition === 'none' ? ['legal_existence'] : []),
    ]);
  });

  it('says in French what is missing, for every requirement', () => {
    for (const r of ACTIVATION_REQUIREMENTS) expect(ACTIVATION_MISSING[r]).toMatch(/[éè]|publiez/);
    expect(ACTIVATION_MISSING.legal_existence).toContain('transmission');
  });
});
