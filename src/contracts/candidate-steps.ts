/**
 * The candidate's stepper (their space, /mon-parcours): steps 0–4 of docs/domain.md —
 * enrolment, positioning, individual pathway, assessment, jury — and where a candidacy stands
 * on it, whatever its state (paused or ended: the step it was at). Pure code.
 */
import type { CandidacyStatus } from './candidacies.js';

export const CANDIDATE_STEPS = ['enrolment', 'positioning', 'pathway', 'assessment', 'jury'] as const;
export type CandidateStep = (typeof CANDIDATE_STEPS)[number];

export const CANDIDATE_STEP_LABELS: Readonly<Record<CandidateStep, string>> = {
  enrolment: 'Inscription',
  positioning: 'Positionnement',
  pathway: 'Parcours individuel',
  assessment: 'Évaluation',
  jury: 'Jury',
};

/**
 * The states that are a step of the path (the jury's outcomes are its last step); the others
 * (pause, abandonment, transfer) are not.
 */
const STEP_OF_STATUS: Partial<Record<CandidacyStatus, number>> = {
  enrolled: 0,
  positioning: 1,
  pathway: 2,
  assessment: 3,
  ready_for_jury: 4,
  awarded: 4,
  partially_awarded: 4,
  refused: 4,
};

/**
 * The step (0–4) a candidacy is at: its state's step; paused, the step it was paused at;
 * ended (withdrawn, transferred), the last step its history reached — `history` in the order
 * the API gives it (oldest first). 0 when nothing says more.
 */
export function candidateStepOf(candidacy: {
  status: CandidacyStatus;
  heldFrom?: CandidacyStatus | null;
  history?: readonly { toStatus: CandidacyStatus }[];
}): number {
  const own = STEP_OF_STATUS[candidacy.status];
  if (own !== undefined) return own;
  if (candidacy.heldFrom) return STEP_OF_STATUS[candidacy.heldFrom] ?? 0;
  for (const entry of [...(candidacy.history ?? [])].reverse()) {
    const step = STEP_OF_STATUS[entry.toStatus];
    if (step !== undefined) return step;
  }
  return 0;
}
