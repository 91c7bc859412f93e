import { describe, expect, it } from 'vitest';
import { JURY_STATUSES, type JuryStatus } from '../../../contracts/juries.js';
import {
  acceptsAttendance,
  acceptsDecisions,
  isOpen,
  JURY_EVENTS,
  JURY_TRANSITIONS,
  type JurySessionEvent,
  juryTransition,
} from './jury-lifecycle.js';

/** Every allowed pair, written out: any other (state, event) pair must be refused. */
const ALLOWED: [JuryStatus, JurySessionEvent, JuryStatus][] = [
  ['planned', 'open_deliberation', 'deliberating'],
  ['planned', 'cancel', 'cancelled'],
  ['deliberating', 'generate_minutes', 'minutes'],
  ['minutes', 'change_decision', 'deliberating'],
  ['minutes', 'seal', 'sealed'],
  ['sealed', 'close', 'closed'],
];

describe('jury session lifecycle', () => {
  it('allows exactly the listed transitions', () => {
    for (const status of JURY_STATUSES)
      for (const event of JURY_EVENTS) {
        const allowed = ALLOWED.find(([s, e]) => s === status && e === event);
        const outcome = juryTransition(status, event);
        if (allowed) expect(outcome, `${status} ${event}`).toEqual({ ok: true, status: allowed[2] });
        else expect(outcome.ok, `${status} ${event}`).toBe(false);
      }
    expect(Object.values(JURY_TRANSITIONS).flatMap((t) => Object.keys(t))).toHaveLength(ALLOWED.length);
  });

  it('explains a refusal in French, naming the event and the state', () => {
    expect(juryTransition('closed', 'cancel')).toEqual({
      ok: false,
      detail: '« Annuler la session » n’est pas possible pour une session à l’état « Clos ».',
    });
  });

  it('closed and cancelled are final', () => {
    for (const event of JURY_EVENTS) {
      expect(juryTransition('closed', event).ok).toBe(false);
      expect(juryTransition('cancelled', event).ok).toBe(false);
    }
  });

  it('says when decisions and attendance are accepted, and which sessions are open', () => {
    expect(JURY_STATUSES.filter(acceptsDecisions)).toEqual(['deliberating', 'minutes']);
    expect(JURY_STATUSES.filter(acceptsAttendance)).toEqual(['planned', 'deliberating']);
    expect(JURY_STATUSES.filter((s) => !isOpen(s))).toEqual(['closed', 'cancelled']);
  });
});
