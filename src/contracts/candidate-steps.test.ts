import { describe, expect, it } from 'vitest';
import { CANDIDACY_STATUSES, type CandidacyStatus } from './candidacies.js';
import { CANDIDATE_STEP_LABELS, CANDIDATE_STEPS, candidateStepOf } from './candidate-steps.js';

describe('the candidate’s stepper', () => {
  it('has five steps, 0–4, labelled in French', () => {
    expect(CANDIDATE_STEPS.map((s) => CANDIDATE_STEP_LABELS[s])).toEqual([
      'Inscription',
      'Positionnement',
      'Parcours individuel',
      'Évaluation',
      'Jury',
    ]);
  });

  it('puts each state of the path on its step', () => {
    const steps = Object.fromEntries(
      CANDIDACY_STATUSES.map((status) => [status, candidateStepOf({ status })]),
    );
    expect(steps).toEqual({
      enrolled: 0,
      positioning: 1,
      pathway: 2,
      assessment: 3,
      ready_for_jury: 4,
      // The jury's outcomes: its step.
      awarded: 4,
      partially_awarded: 4,
      refused: 4,
      // Nothing more known: the first step.
      on_hold: 0,
      withdrawn: 0,
      transferred: 0,
    });
  });

  it('a paused candidacy stays on the step it was paused at', () => {
    expect(candidateStepOf({ status: 'on_hold', heldFrom: 'pathway' })).toBe(2);
    expect(candidateStepOf({ status: 'on_hold', heldFrom: 'ready_for_jury' })).toBe(4);
  });

  it('an ended candidacy shows the last step its history reached, a pause in between included', () => {
    const history = (...to: CandidacyStatus[]) => to.map((toStatus) => ({ toStatus }));
    expect(
      candidateStepOf({ status: 'withdrawn', history: history('enrolled', 'positioning', 'withdrawn') }),
    ).toBe(1);
    expect(
      candidateStepOf({
        status: 'withdrawn',
        history: history('enrolled', 'positioning', 'pathway', 'on_hold', 'withdrawn'),
      }),
    ).toBe(2);
    expect(
      candidateStepOf({ status: 'transferred', history: history('enrolled', 'positioning', 'transferred') }),
    ).toBe(1);
  });
});
