/**
 * The lifecycle of a jury session, as one transition table (issue 13): convened (`planned`) →
 * `deliberating` once the attendance recorded reaches the quorum → `minutes` once the
 * procès-verbal is generated → back to `deliberating` when a decision changes after it (the
 * minutes are invalidated) → `sealed` once the signatures the rules require are in and the PDF
 * is sealed → `closed` (awards created); `cancelled` before deliberation. Every writer of
 * `juries.status` (sessions, minutes, close) applies its event through `juryTransition`. Pure code.
 */
import { JURY_STATUS_LABELS, type JuryStatus } from '../../../contracts/juries.js';

export const JURY_EVENTS = [
  'open_deliberation',
  'generate_minutes',
  'change_decision',
  'seal',
  'close',
  'cancel',
] as const;
export type JurySessionEvent = (typeof JURY_EVENTS)[number];

export const JURY_EVENT_LABELS: Readonly<Record<JurySessionEvent, string>> = {
  open_deliberation: 'Ouvrir la délibération',
  generate_minutes: 'Générer le procès-verbal',
  change_decision: 'Modifier une décision',
  seal: 'Sceller le procès-verbal',
  close: 'Clore la session',
  cancel: 'Annuler la session',
};

/** Every allowed (state, event) pair and where it leads; any pair not listed is refused. */
export const JURY_TRANSITIONS: Readonly<Record<JuryStatus, Partial<Record<JurySessionEvent, JuryStatus>>>> = {
  planned: { open_deliberation: 'deliberating', cancel: 'cancelled' },
  // Decisions are posted while deliberating (no change of state), then the minutes are generated.
  deliberating: { generate_minutes: 'minutes' },
  // A decision changed after the minutes invalidates them: back to the deliberation.
  minutes: { change_decision: 'deliberating', seal: 'sealed' },
  sealed: { close: 'closed' },
  closed: {},
  cancelled: {},
};

export type JuryTransitionOutcome = { ok: true; status: JuryStatus } | { ok: false; detail: string };

/** Where `event` takes a session in `status`, or why it may not (French, for a 409). */
export function juryTransition(status: JuryStatus, event: JurySessionEvent): JuryTransitionOutcome {
  const target = JURY_TRANSITIONS[status][event];
  if (target === undefined)
    return {
      ok: false,
      detail: `« ${JURY_EVENT_LABELS[event]} » n’est pas possible pour une session à l’état « ${JURY_STATUS_LABELS[status]} ».`,
    };
  return { ok: true, status: target };
}

/** States in which decisions may be posted (a decision in `minutes` sends the session back to deliberation). */
export function acceptsDecisions(status: JuryStatus): boolean {
  return status === 'deliberating' || status === 'minutes';
}

/** States in which the attendance may still be recorded (on the day, before the minutes). */
export function acceptsAttendance(status: JuryStatus): boolean {
  return status === 'planned' || status === 'deliberating';
}

/** A session that has not ended: its candidacies may not be attached to another session. */
export function isOpen(status: JuryStatus): boolean {
  return status !== 'closed' && status !== 'cancelled';
}
