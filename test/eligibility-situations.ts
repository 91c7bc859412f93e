/**
 * Generated eligibility situations (date 2015–2027, six certification histories, four candidate
 * statuses, every fact given or left out), reproducible from a seed: the same ones feed the
 * check that the fast evaluator agrees with publicodes (domain/evaluate.test.ts) and the bench
 * (bench/eligibility.bench.ts).
 */
import { CONTRACT_TYPES, CPF_LISTS } from '../src/contracts/eligibility-facts.js';
import { type RecognitionEvent, recognitionOn } from '../src/modules/catalogue/domain/recognition.js';
import type { Candidate, Situation } from '../src/modules/eligibility/domain/evaluate.js';

const created = { type: 'created', date: '2014-06-01' } as const;
const transmitted = { type: 'transmitted', date: '2014-07-01' } as const;

export const HISTORIES: RecognitionEvent[][] = [
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

const STATUSES: Candidate['status'][] = ['employee', 'jobseeker', 'self_employed', 'student'];

/** A linear congruential generator: `rnd(n)` is in [0, n). */
export function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

function candidate(rnd: (n: number) => number): Candidate {
  const months = rnd(48);
  return {
    status: STATUSES[rnd(STATUSES.length)] as Candidate['status'],
    ...(rnd(4) ? { age: 16 + rnd(50) } : {}),
    ...(rnd(3) ? { experienceMonths: rnd(60) } : {}),
    ...(rnd(3) ? { highestLevel: [0, 3, 4, 5, 6, 7][rnd(6)] as number } : {}),
    ...(rnd(3) ? { benefits: rnd(4) ? [] : (['RSA'] as const) } : {}),
    ...(rnd(2) ? { onProAList: rnd(2) === 1 } : {}),
    ...(rnd(2) ? { employer: { headcount: rnd(500), ...(rnd(2) ? { craft: rnd(3) === 0 } : {}) } } : {}),
    ...(rnd(3) ? { contractType: CONTRACT_TYPES[rnd(CONTRACT_TYPES.length)] } : {}),
    ...(rnd(3) ? { shortTimeWork: rnd(2) === 1 } : {}),
    ...(rnd(3) ? { formerCui: rnd(4) === 0 } : {}),
    ...(rnd(3) ? { disabilityRecognised: rnd(5) === 0 } : {}),
    ...(rnd(3)
      ? {
          seniority: {
            monthsEmployee: months,
            monthsInFirm: rnd(months + 1),
            ...(rnd(2) ? { monthsEmployeeLast5Years: months, monthsCddLast12: rnd(13) } : {}),
          },
        }
      : {}),
    ...(rnd(3) ? { cpfLists: CPF_LISTS.filter(() => rnd(2) === 1) } : {}),
  };
}

export function generatedSituations(count: number, seed: number): Situation[] {
  const rnd = seeded(seed);
  return Array.from({ length: count }, () => {
    const date = `${2015 + rnd(13)}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
    return {
      date,
      certification: {
        kind: rnd(4) ? 'CQP' : 'CQPI',
        recognition: recognitionOn(HISTORIES[rnd(HISTORIES.length)] as RecognitionEvent[], date),
      },
      candidate: candidate(rnd),
    };
  });
}
