/**
 * Background jobs (platform/jobs): their states, the one transition table between them, the
 * retry delay and the error text a job may keep. Pure code, exhaustively unit-tested.
 *
 * - `pending`: waits for its `run_at`;
 * - `running`: claimed by one process, which holds a lease it renews while the job runs;
 * - `done`, `cancelled`: ended; `dead`: failed `maxAttempts` times (or for good), with the
 *   last error — an operator may put it back to `pending` (`retry`).
 */
export const JOB_STATES = ['pending', 'running', 'done', 'dead', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_EVENTS = [
  /** A process takes a due pending job. */
  'claim',
  /** The handler returned. */
  'succeed',
  /** The handler threw an error worth retrying. */
  'fail',
  /** The handler (or the payload) can never succeed: no retry. */
  'fail_permanently',
  /** The process that held the job stopped renewing its lease (it died): another takes it. */
  'lease_expired',
  /** The job is not wanted any more (e.g. a reminder whose meeting moved). */
  'cancel',
  /** An operator puts a dead job back in the queue, with a fresh attempt budget. */
  'retry',
] as const;
export type JobEvent = (typeof JOB_EVENTS)[number];

export type JobCounts = { attempts: number; maxAttempts: number };

export type Transition =
  | {
      ok: true;
      to: JobState;
      /** Attempts counted after the transition (each claim is one attempt). */
      attempts: number;
      /** `pending` again after a failure: wait `retryDelaySeconds(attempts)` first. */
      backoff: boolean;
    }
  | { ok: false; reason: string };

const go = (to: JobState, attempts: number, backoff = false): Transition => ({
  ok: true,
  to,
  attempts,
  backoff,
});
const refuse = (reason: string): Transition => ({ ok: false, reason });

/** Attempts left after `attempts` were spent. */
const budgetLeft = ({ attempts, maxAttempts }: JobCounts) => attempts < maxAttempts;

/**
 * The transition table: for each state, what each event does. An event absent from a state's
 * row is refused (the caller's update then matches no row, or says why).
 */
const TABLE: Record<JobState, Partial<Record<JobEvent, (c: JobCounts) => Transition>>> = {
  pending: {
    claim: (c) => (budgetLeft(c) ? go('running', c.attempts + 1) : go('dead', c.attempts)),
    cancel: (c) => go('cancelled', c.attempts),
  },
  running: {
    succeed: (c) => go('done', c.attempts),
    fail: (c) => (budgetLeft(c) ? go('pending', c.attempts, true) : go('dead', c.attempts)),
    fail_permanently: (c) => go('dead', c.attempts),
    // The dead process's attempt counted; the new holder's is one more, within the budget.
    lease_expired: (c) => (budgetLeft(c) ? go('running', c.attempts + 1) : go('dead', c.attempts)),
  },
  done: {},
  dead: {
    retry: () => go('pending', 0),
  },
  cancelled: {},
};

export function transition(state: JobState, event: JobEvent, counts: JobCounts): Transition {
  if (!Number.isInteger(counts.attempts) || counts.attempts < 0) {
    throw new RangeError('attempts must be a non-negative integer');
  }
  if (!Number.isInteger(counts.maxAttempts) || counts.maxAttempts < 1) {
    throw new RangeError('maxAttempts must be a positive integer');
  }
  const rule = TABLE[state][event];
  return rule ? rule(counts) : refuse(`a ${state} job cannot take the event ${event}`);
}

export type RetryPolicy = { baseSeconds: number; maxSeconds: number };

/**
 * Seconds to wait before attempt `attempts + 1`, after `attempts` failed: exponential
 * (`base × 2^(attempts−1)`), capped at `maxSeconds`, spread by ±20 % with `jitter` ∈ [0, 1)
 * so that jobs failing together (an SMTP server down) do not all come back at once; at least
 * one second.
 */
export function retryDelaySeconds(attempts: number, policy: RetryPolicy, jitter: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError('attempts must be ≥ 1');
  if (!(jitter >= 0 && jitter < 1)) throw new RangeError('jitter must be in [0, 1)');
  if (!(policy.baseSeconds > 0 && policy.maxSeconds >= policy.baseSeconds)) {
    throw new RangeError('the retry policy needs 0 < baseSeconds ≤ maxSeconds');
  }
  const exponential = policy.baseSeconds * 2 ** Math.min(attempts - 1, 60);
  const capped = Math.min(exponential, policy.maxSeconds);
  return Math.max(1, Math.round(capped * (0.8 + 0.4 * jitter)));
}

/** Longest error text a job keeps. */
export const ERROR_TEXT_MAX = 500;

/**
 * The error text a job keeps and logs: no personal data. Email addresses (an SMTP refusal
 * names the recipient) and runs of nine digits or more (a NIR, a phone number, possibly split by
 * spaces, dots or hyphens) are blanked, control
 * characters flattened, the text cut at {@link ERROR_TEXT_MAX}.
 */
export function safeErrorText(text: string): string {
  const cleaned = text
    .replace(/[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+/g, '[adresse]')
    .replace(/\+?\d(?:[ .-]?\d){8,}/g, '[nombre]')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove them
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim();
  return cleaned.length > ERROR_TEXT_MAX ? `${cleaned.slice(0, ERROR_TEXT_MAX - 1)}…` : cleaned;
}
