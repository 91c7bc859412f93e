import { defineRouteListChecks, defineSweep, SWEEP_GROUPS } from './sweep.js';

/** The sweep (test/e2e/sweep.ts) for a visitor, the admin, employers and OPCO advisors; and its route list. */
defineRouteListChecks();
defineSweep(SWEEP_GROUPS.visitorStaff);
