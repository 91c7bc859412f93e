import { defineSweep, SWEEP_GROUPS } from './sweep.js';

/** The sweep (test/e2e/sweep.ts) for the people of a candidacy's journey: branch staff to candidates. */
defineSweep(SWEEP_GROUPS.branchJourney);
