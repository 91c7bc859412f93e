/**
 * Eligibility rules, in process, on one core: every access route for 10,000 generated
 * situations (test/eligibility-situations.ts: date 2015–2027, six certification histories, four
 * candidate statuses, every fact given or left out). Prints route-evaluations per second for:
 *   - naive:  publicodes comparing the dates itself and `engine.evaluate(name)` per rule,
 *             as the publicodes documentation shows (run on 1,000 situations: it is slow);
 *   - asked:  dates checked before asking the engine, parsed rule nodes evaluated directly;
 *             one engine, `setSituation` per situation; every rule asked of the engine;
 *   - served: what the API uses — the same, each rule's value also remembered for the values
 *             of the inputs it depends on (`memoPerRule`), so the engine is asked only for
 *             combinations not seen yet (the generated situations are drawn at random: a real
 *             stream of requests repeats itself more, not less).
 * No database, no HTTP: the rules only.
 */
import { createEvaluator, type Situation } from '../src/modules/eligibility/domain/evaluate.js';
import { buildModel, ROUTE_IDS } from '../src/modules/eligibility/domain/model.js';
import { readRules } from '../src/modules/eligibility/rules-files.js';
import { generatedSituations } from '../test/eligibility-situations.js';

const TARGET = 5_000;
const SITUATIONS = Number(process.env.BENCH_SITUATIONS ?? 10_000);

const situations = generatedSituations(SITUATIONS, 42);

function measure(label: string, evaluate: (s: Situation) => unknown[], list: Situation[]) {
  for (const s of list.slice(0, 200)) evaluate(s); // warm-up, not counted
  let routes = 0;
  let eligible = 0;
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  for (const s of list) {
    const results = evaluate(s) as { eligible: boolean }[];
    routes += results.length;
    for (const r of results) if (r.eligible) eligible += 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = routes / seconds;
  const cpuRate = routes / cpuSeconds;
  if (routes !== list.length * ROUTE_IDS.length)
    throw new Error(`${label}: expected every route for every situation`);
  const n = (x: number) => Math.round(x).toLocaleString('en');
  console.log(
    `${label.padEnd(8)} ${list.length} situations × ${ROUTE_IDS.length} routes in ${seconds.toFixed(2)} s: ` +
      `${n(rate)} route-evaluations/s (${(1e6 / (rate / ROUTE_IDS.length)).toFixed(0)} µs per situation), ` +
      `${n(cpuRate)} per CPU-second of this process, ${eligible} open`,
  );
  return { rate, cpuRate };
}

const raw = readRules();
const naive = createEvaluator(buildModel(raw, { datesInEngine: true }), {
  prefilterDates: false,
  naive: true,
});
const asked = createEvaluator(buildModel(raw), { memoPerRule: 0 });
const served = createEvaluator(buildModel(raw));

console.log(`node ${process.version}, one process, one core (no workers)`);
measure('naive', (s) => naive.evaluate(s), situations.slice(0, 1_000));
measure('asked', (s) => asked.evaluate(s), situations.slice(0, 2_000));
const { rate, cpuRate } = measure('served', (s) => served.evaluate(s), situations);
// Wall-clock time counts the time other processes held the core; CPU time is this process's
// own (GC threads included, so it errs low). Both are printed; a busy machine shows in the gap.
console.log(
  `target ≥ ${TARGET.toLocaleString('en')} route-evaluations/s on one core: ` +
    `${rate >= TARGET ? 'met' : 'NOT met'} by wall-clock time, ${cpuRate >= TARGET ? 'met' : 'NOT met'} per CPU-second`,
);
