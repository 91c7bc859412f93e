import { describe, expect, it } from 'vitest';
import { CANDIDACY_STATUSES } from '../../../contracts/candidacies.js';
import {
  blocSummary,
  type CompetencyDecisions,
  correspondenceCovers,
  decidedLevel,
  positioningStateProblem,
  sameCorrespondence,
} from './positioning.js';

const decisions = (entries: Record<string, CompetencyDecisions>) => new Map(Object.entries(entries));
const CODES = ['C1', 'C2', 'C3'];

describe('the decision that counts', () => {
  it('is the organisation’s; the candidate’s alone counts for nothing', () => {
    expect(decidedLevel({ self: 'held' })).toBeUndefined();
    expect(decidedLevel({ self: 'held', organisation: 'partly' })).toBe('partly');
    expect(decidedLevel(undefined)).toBeUndefined();
  });
});

describe('blocSummary', () => {
  it('nothing decided: pending, every competency counted as pending', () => {
    expect(blocSummary(CODES, decisions({}), false)).toEqual({
      state: 'pending',
      acquired: false,
      counts: { held: 0, partly: 0, toAcquire: 0, pending: 3 },
      selfPositioned: 0,
    });
  });

  it('self-positioned only: still pending, the self-positioning counted apart', () => {
    const s = blocSummary(
      CODES,
      decisions({ C1: { self: 'held' }, C2: { self: 'held' }, C3: { self: 'held' } }),
      false,
    );
    expect(s).toMatchObject({ state: 'pending', acquired: false, selfPositioned: 3 });
    expect(s.counts.pending).toBe(3);
  });

  it('one competency undecided keeps the bloc pending', () => {
    const s = blocSummary(
      CODES,
      decisions({ C1: { organisation: 'held' }, C2: { organisation: 'held' } }),
      false,
    );
    expect(s).toMatchObject({ state: 'pending', counts: { held: 2, pending: 1 } });
  });

  it('every competency held: acquired, whatever the candidate said', () => {
    const s = blocSummary(
      CODES,
      decisions({
        C1: { organisation: 'held', self: 'to_acquire' },
        C2: { organisation: 'held' },
        C3: { organisation: 'held' },
      }),
      false,
    );
    expect(s).toEqual({
      state: 'acquired',
      acquired: true,
      counts: { held: 3, partly: 0, toAcquire: 0, pending: 0 },
      selfPositioned: 1,
    });
  });

  it('decided with a partly or a to-acquire: to acquire (the pathway fills the gaps)', () => {
    for (const gap of ['partly', 'to_acquire'] as const) {
      const s = blocSummary(
        CODES,
        decisions({ C1: { organisation: 'held' }, C2: { organisation: gap }, C3: { organisation: 'held' } }),
        false,
      );
      expect(s, gap).toMatchObject({ state: 'to_acquire', acquired: false });
      expect(s.counts[gap === 'partly' ? 'partly' : 'toAcquire']).toBe(1);
    }
  });

  it('carried: acquired whatever the decisions, which stay counted', () => {
    const s = blocSummary(CODES, decisions({ C1: { organisation: 'to_acquire' } }), true);
    expect(s).toMatchObject({ state: 'carried', acquired: true, counts: { toAcquire: 1, pending: 2 } });
    expect(blocSummary(CODES, decisions({}), true).state).toBe('carried');
  });

  it('a bloc without competencies is acquired once nothing is pending (vacuously held)', () => {
    expect(blocSummary([], decisions({}), false).state).toBe('acquired');
  });
});

describe('positioningStateProblem', () => {
  it('allows the positioning state only, naming the actual state in French otherwise', () => {
    for (const status of CANDIDACY_STATUSES) {
      const problem = positioningStateProblem(status);
      if (status === 'positioning') expect(problem).toBeUndefined();
      else
        expect(problem, status).toMatch(
          /^Le positionnement ne se fait qu’à l’étape « Positionnement » ; ce parcours est à l’étape « .+ »\.$/,
        );
    }
    expect(positioningStateProblem('on_hold')).toContain('« En pause »');
  });
});

describe('correspondences', () => {
  const entry = {
    sourceBlocs: ['RNCP40344BC02'],
    destinationFiche: 'RNCP37507',
    destinationBlocs: ['RNCP37507BC02'],
  };
  it('cover the bloc their fiche’s side names (with or without the fiche prefix), or every bloc when none is named', () => {
    expect(correspondenceCovers('RNCP40344', entry, 'BC02')).toBe(true);
    expect(correspondenceCovers('RNCP40344', entry, 'RNCP40344BC02')).toBe(true);
    expect(correspondenceCovers('RNCP40344', entry, 'BC01')).toBe(false);
    expect(correspondenceCovers('RNCP37674', { ...entry, sourceBlocs: [] }, 'BC07')).toBe(true);
  });
  it('are the same whatever the order of their blocs', () => {
    const two = { sourceBlocs: ['A', 'B'], destinationFiche: 'X', destinationBlocs: ['C', 'D'] };
    expect(sameCorrespondence(two, { ...two, sourceBlocs: ['B', 'A'] })).toBe(true);
    expect(sameCorrespondence(two, { ...two, destinationFiche: 'Y' })).toBe(false);
    expect(sameCorrespondence(two, { ...two, destinationBlocs: ['C'] })).toBe(false);
  });
});
