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

/**
 * A running import's process proves it is alive by writing the run's `heartbeat_at` every few
 * seconds. A run whose heartbeat is older than the stale delay belongs to a process that died
 * (killed, crashed, host lost): it is failed, which frees the one-running-import slot.
 * The delay is a setting (REGISTRY_IMPORT_STALE_SECONDS) within these bounds.
 */
export const STALE_SECONDS = { default: 45, min: 5, max: 600 } as const;

/** How often a live import writes its heartbeat: well inside the stale delay (≥ 4 beats), at most every 10 s. */
export function heartbeatEverySeconds(staleSeconds: number): number {
  return Math.max(1, Math.min(10, Math.floor(staleSeconds / 4)));
}

/** Why a run was failed without its process saying so, in the words the runs list shows. */
export const INTERRUPTED = {
  /** Embedded database: one process per data folder, so a run still running at start is a dead process's. */
  atStart:
    'Import interrompu : le processus qui l’exécutait s’est arrêté avant la fin (constaté au démarrage suivant).',
  silent: (staleSeconds: number) =>
    `Import interrompu : le processus qui l’exécutait ne donne plus signe de vie depuis plus de ${staleSeconds} secondes (arrêté ou injoignable).`,
} as const;
