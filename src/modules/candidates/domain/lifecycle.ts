/**
 * The lifecycle of a candidacy, as one transition table: steps 0–3 of docs/domain.md up to
 * « prêt pour le jury », plus a pause (and back to where it was), an abandonment (with its
 * reason) and a transfer to another training organisation (this candidacy ends, a new one
 * continues there in the state it had; both stay, linked); then the jury's outcome (step 4),
 * applied only by a session's close or a correction after it (`JURY_EVENTS`): `awarded`,
 * `partially_awarded` or `refused`, corrected from one to another, or sent back before a jury
 * (`reopen_for_jury`) by a corrected decision `absent` or `deferred`. `withdrawn`,
 * `transferred` and the three outcomes end a candidacy. Pure code.
 */
import {
  CANDIDACY_EVENT_LABELS,
  CANDIDACY_STATUS_LABELS,
  type CandidacyEvent,
  type CandidacyStatus,
  JURY_EVENTS,
  type ManualCandidacyEvent,
} from '../../../contracts/candidacies.js';

/** A candidacy's place in its lifecycle: `heldFrom` is the state a paused candidacy resumes to. */
export type LifecycleState = { status: CandidacyStatus; heldFrom: CandidacyStatus | null };

/** `previous`: back to the state it was paused in. */
type Target = CandidacyStatus | 'previous';

/** States a pause, an abandonment or a transfer may start from, besides their own row. */
const LEAVING = { put_on_hold: 'on_hold', withdraw: 'withdrawn', transfer: 'transferred' } as const;

/** Every allowed (state, event) pair and where it leads; any pair not listed is refused. */
export const TRANSITIONS: Readonly<Record<CandidacyStatus, Partial<Record<CandidacyEvent, Target>>>> = {
  enrolled: { start_positioning: 'positioning', ...LEAVING },
  positioning: { start_pathway: 'pathway', ...LEAVING },
  pathway: { start_assessment: 'assessment', ...LEAVING },
  assessment: { mark_ready_for_jury: 'ready_for_jury', ...LEAVING },
  // Nothing left to train: no transfer. The jury's outcome, when its session closes.
  ready_for_jury: {
    put_on_hold: 'on_hold',
    withdraw: 'withdrawn',
    award: 'awarded',
    award_partially: 'partially_awarded',
    refuse: 'refused',
  },
  // A paused candidacy resumes before it is transferred: its continuation starts where it was.
  on_hold: { resume: 'previous', withdraw: 'withdrawn' },
  withdrawn: {},
  transferred: {},
  // A decision corrected after the close: another outcome, or back before a jury.
  awarded: { award_partially: 'partially_awarded', refuse: 'refused', reopen_for_jury: 'ready_for_jury' },
  partially_awarded: { award: 'awarded', refuse: 'refused', reopen_for_jury: 'ready_for_jury' },
  refused: { award: 'awarded', award_partially: 'partially_awarded', reopen_for_jury: 'ready_for_jury' },
};

/** States that end a candidacy: a candidate may then start another one for the same certification. */
export const ENDED_STATUSES: readonly CandidacyStatus[] = [
  'withdrawn',
  'transferred',
  'awarded',
  'partially_awarded',
  'refused',
];

export function isEnded(status: CandidacyStatus): boolean {
  return ENDED_STATUSES.includes(status);
}

/** What an event needs besides the state: a reason (abandonment), a target organisation (transfer). */
export const EVENT_NEEDS: Readonly<Record<CandidacyEvent, { reason: boolean; organisation: boolean }>> = {
  start_positioning: { reason: false, organisation: false },
  start_pathway: { reason: false, organisation: false },
  start_assessment: { reason: false, organisation: false },
  mark_ready_for_jury: { reason: false, organisation: false },
  put_on_hold: { reason: false, organisation: false },
  resume: { reason: false, organisation: false },
  withdraw: { reason: true, organisation: false },
  transfer: { reason: false, organisation: true },
  award: { reason: false, organisation: false },
  award_partially: { reason: false, organisation: false },
  refuse: { reason: false, organisation: false },
  reopen_for_jury: { reason: true, organisation: false },
};

export type TransitionOutcome =
  | { ok: true; state: LifecycleState }
  | { ok: false; problem: 'not_allowed' | 'reason_required' | 'organisation_required'; detail: string };

/**
 * Where `event` takes a candidacy in `state`, or why it may not: the pair is not in the table,
 * or the event lacks what it needs (a non-blank reason, a target organisation).
 */
export function transition(
  state: LifecycleState,
  event: CandidacyEvent,
  input: { reason?: string | undefined; organisationId?: string | undefined } = {},
): TransitionOutcome {
  const target = TRANSITIONS[state.status][event];
  if (target === undefined || (target === 'previous' && state.heldFrom === null)) {
    return {
      ok: false,
      problem: 'not_allowed',
      detail: `« ${CANDIDACY_EVENT_LABELS[event]} » n’est pas possible pour un parcours à l’état « ${CANDIDACY_STATUS_LABELS[state.status]} ».`,
    };
  }
  const needs = EVENT_NEEDS[event];
  if (needs.reason && !input.reason?.trim())
    return { ok: false, problem: 'reason_required', detail: 'Indiquez la raison.' };
  if (needs.organisation && !input.organisationId)
    return {
      ok: false,
      problem: 'organisation_required',
      detail: 'Indiquez l’organisme de formation qui reprend le parcours.',
    };
  if (target === 'previous')
    return { ok: true, state: { status: state.heldFrom as CandidacyStatus, heldFrom: null } };
  if (target === 'on_hold') return { ok: true, state: { status: 'on_hold', heldFrom: state.status } };
  return { ok: true, state: { status: target, heldFrom: null } };
}

/** Whether only a jury's decisions apply the event (never `POST …/transitions`). */
export function isJuryEvent(event: CandidacyEvent): boolean {
  return (JURY_EVENTS as readonly string[]).includes(event);
}

/**
 * The events people may ask for from a state (for the `can` of a candidacy and the web app's
 * buttons): the jury's own are left out.
 */
export function eventsFrom(state: LifecycleState): ManualCandidacyEvent[] {
  return (Object.keys(TRANSITIONS[state.status]) as CandidacyEvent[]).filter(
    (event): event is ManualCandidacyEvent =>
      !isJuryEvent(event) && (TRANSITIONS[state.status][event] !== 'previous' || state.heldFrom !== null),
  );
}
