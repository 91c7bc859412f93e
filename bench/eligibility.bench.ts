/**
 * Eligibility rules, in process, on one core: every access route for 10,000 generated
 * situations (date 2015–2027, six certification histories, four candidate statuses, inputs
 * given or left out). Prints route-evaluations per second for:
 *   - naive:  publicodes comparing the dates itself and `engine.evaluate(name)` per rule,
 *             as the publicodes documentation shows (run on 1,000 situations: it is slow);
 *   - served: what the API uses — dates checked before asking the engine, parsed rule nodes
 *             evaluated directly; one engine, `setSituation` per situation.
 * No database, no HTTP: the rules only.
 */
import { type RecognitionEvent, recognitionOn } from '../src/modules/catalogue/domain/recognition.js';
import {
  type Candidate,
  createEvaluator,
  type Situation,
} from '../src/modules/eligibility/domain/evaluate.js';
import { buildModel, ROUTE_IDS } from '../src/modules/eligibility/domain/model.js';
import { readRules } from '../src/modules/eligibility/rules-files.js';

const TARGET = 5_000;
const SITUATIONS = Number(process.env.BENCH_SITUATIONS ?? 10_000);

const created = { type: 'created', date: '2014-06-01' } as const;
const transmitted = { type: 'transmitted', date: '2014-07-01' } as const;
const histories: RecognitionEvent[][] = [
  [created],
  [created, transmitted],
  [
    created,
    transmitted,
    {
      type: 'rncp_registered',
      date: '2015-01-01',
      number: 'RNCP1',
      level: 4,
      from: '2015-01-01',
      to: '2029-12-31',
    },
  ],
  [
    created,
    transmitted,
    {
      type: 'rncp_registered',
      date: '2016-06-01',
      number: 'RNCP2',
      level: 3,
      from: '2016-07-01',
      to: '2021-06-30',
    },
  ],
  [
    created,
    transmitted,
    { type: 'rs_registered', date: '2015-01-01', number: 'RS1', from: '2015-01-01', to: '2029-12-31' },
  ],
  [created, transmitted, { type: 'withdrawn', date: '2020-01-01' }],
];
const statuses: Candidate['status'][] = ['employee', 'jobseeker', 'self_employed', 'student'];

let seed = 42;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

function situation(): Situation {
  const date = `${2015 + rnd(13)}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
  return {
    date,
    certification: {
      kind: rnd(4) ? 'CQP' : 'CQPI',
      recognition: recognitionOn(histories[rnd(histories.length)] as RecognitionEvent[], date),
    },
    candidate: {
      status: statuses[rnd(4)] as Candidate['status'],
      ...(rnd(5) ? { age: 16 + rnd(50) } : {}),
      ...(rnd(3) ? { experienceMonths: rnd(60) } : {}),
      ...(rnd(3) ? { highestLevel: [0, 3, 4, 5, 6, 7][rnd(6)] } : {}),
      ...(rnd(3) ? { benefits: rnd(4) ? [] : ['RSA' as const] } : {}),
      ...(rnd(2) ? { onProAList: rnd(2) === 1 } : {}),
      ...(rnd(2) ? { employer: { headcount: rnd(500) } } : {}),
    },
  };
}

const situations = Array.from({ length: SITUATIONS }, situation);

function measure(label: string, evaluate: (s: Situation) => unknown[], list: Situation[]) {
  for (const s of list.slice(0, 200)) evaluate(s); // warm-up, not counted
  let routes = 0;
  let eligible = 0;
  const started = process.hrtime.bigint();
  for (const s of list) {
    const results = evaluate(s) as { eligible: boolean }[];
    routes += results.length;
    for (const r of results) if (r.eligible) eligible += 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = routes / seconds;
  if (routes !== list.length * ROUTE_IDS.length)
    throw new Error(`${label}: expected every route for every situation`);
  console.log(
    `${label.padEnd(8)} ${list.length} situations × ${ROUTE_IDS.length} routes in ${seconds.toFixed(2)} s: ` +
      `${Math.round(rate).toLocaleString('en')} route-evaluations/s (${(1e6 / (rate / ROUTE_IDS.length)).toFixed(0)} µs per situation), ${eligible} open`,
  );
  return rate;
}

const raw = readRules();
const naive = createEvaluator(buildModel(raw, { datesInEngine: true }), {
  prefilterDates: false,
  naive: true,
});
const served = createEvaluator(buildModel(raw));

console.log(`node ${process.version}, one process, one core (no workers)`);
measure('naive', (s) => naive.evaluate(s), situations.slice(0, 1_000));
const rate = measure('served', (s) => served.evaluate(s), situations);
console.log(
  `target ≥ ${TARGET.toLocaleString('en')} route-evaluations/s on one core: ${rate >= TARGET ? 'met' : 'NOT met'}`,
);
