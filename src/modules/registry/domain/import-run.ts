/**
 * An import run's lifecycle: created running; it succeeds once its fiches are swapped in, or
 * fails (bad file, database error, or a process that stopped mid-way, noticed later).
 */
export const RUN_TRANSITIONS = {
  running: { succeed: 'succeeded', fail: 'failed' },
  succeeded: {},
  failed: {},
} as const satisfies Record<string, Record<string, string>>;

export type RunStatus = keyof typeof RUN_TRANSITIONS;
export type RunAction = keyof (typeof RUN_TRANSITIONS)['running'];

/** The status after `action`, or null when a run in `status` cannot take it. */
export function nextRunStatus(status: RunStatus, action: RunAction): RunStatus | null {
  const row: Partial<Record<RunAction, RunStatus>> = RUN_TRANSITIONS[status];
  return row[action] ?? null;
}

/** Where a running import goes on `action`. */
export function endedBy(action: RunAction): RunStatus {
  return nextRunStatus('running', action) as RunStatus;
}
