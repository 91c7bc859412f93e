import { cpus, loadavg } from 'node:os';

/** The machine's load average over 1, 5 and 15 minutes, and its number of cores. */
export const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min) on ${cpus().length} cores`;
/** As the bench process started (this module is loaded with it). */
export const loadAtStart = load();
export const loadAtStart1 = loadavg()[0] ?? 0;
