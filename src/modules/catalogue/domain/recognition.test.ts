import { describe, expect, it } from 'vitest';
import {
  eventProblems,
  isIsoDate,
  type RecognitionEvent,
  recognitionOn,
  recognitionTimeline,
} from './recognition.js';

const created: RecognitionEvent = { type: 'created', date: '2018-03-01' };
const transmitted: RecognitionEvent = { type: 'transmitted', date: '2019-06-15' };
const rncp: RecognitionEvent = {
  type: 'rncp_registered',
  date: '2020-02-01',
  number: 'RNCP34567',
  level: 4,
  from: '2020-02-01',
  to: '2025-01-31',
};
const rncpRenewed: RecognitionEvent = {
  type: 'rncp_registered',
  date: '2025-01-20',
  number: 'RNCP39999',
  level: 5,
  from: '2025-02-01',
  to: '2030-01-31',
};
const rs: RecognitionEvent = {
  type: 'rs_registered',
  date: '2021-05-01',
  number: 'RS5012',
  from: '2021-05-01',
  to: '2024-04-30',
};
const withdrawn: RecognitionEvent = { type: 'withdrawn', date: '2026-06-30' };
const replaced: RecognitionEvent = { type: 'replaced', date: '2024-09-01' };

const none = { status: 'none' };
const branch = { status: 'branch_only' };
const rncp4 = {
  status: 'rncp',
  registry: 'RNCP',
  number: 'RNCP34567',
  level: 4,
  from: '2020-02-01',
  to: '2025-01-31',
};
const rncp5 = {
  status: 'rncp',
  registry: 'RNCP',
  number: 'RNCP39999',
  level: 5,
  from: '2025-02-01',
  to: '2030-01-31',
};
const rsOn = { status: 'rs', registry: 'RS', number: 'RS5012', from: '2021-05-01', to: '2024-04-30' };

describe('recognitionOn', () => {
  it.each([
    ['no events at all', [], '2024-01-01', none],
    ['before creation', [created, transmitted], '2017-12-31', none],
    ['created, not yet transmitted', [created, transmitted], '2019-06-14', none],
    ['transmitted that very day', [created, transmitted], '2019-06-15', branch],
    ['transmitted only, years later', [created, transmitted], '2026-11-22', branch],
    ['transmitted, RNCP decided later', [created, transmitted, rncp], '2020-01-31', branch],
    ['RNCP active, first day', [created, transmitted, rncp], '2020-02-01', rncp4],
    ['RNCP active, mid-way', [created, transmitted, rncp], '2023-07-14', rncp4],
    ['RNCP active, last day', [created, transmitted, rncp], '2025-01-31', rncp4],
    ['the day after the RNCP end: branch only again', [created, transmitted, rncp], '2025-02-01', branch],
    ['renewal with another number and level', [created, transmitted, rncp, rncpRenewed], '2025-02-01', rncp5],
    ['RNCP wins over RS when both are active', [created, transmitted, rncp, rs], '2022-01-01', rncp4],
    ['RS active', [created, transmitted, rs], '2022-01-01', rsOn],
    ['the day after the RS end', [created, transmitted, rs], '2024-05-01', branch],
    ['RS before its start', [created, transmitted, rs], '2021-04-30', branch],
    ['replaced: no longer recognised', [created, transmitted, rncp, replaced], '2024-09-01', none],
    ['replaced, the day before', [created, transmitted, rncp, replaced], '2024-08-31', rncp4],
    ['withdrawn', [created, transmitted, rncpRenewed, withdrawn], '2026-07-01', none],
    ['withdrawn, the day before', [created, transmitted, rncpRenewed, withdrawn], '2026-06-29', rncp5],
    ['registration without transmission gives nothing', [created, rncp], '2022-01-01', none],
    ['events in any order', [rncp, transmitted, created], '2021-01-01', rncp4],
  ] as const)('%s (%s)', (_, events, date, expected) => {
    expect(recognitionOn(events, date)).toEqual(expected);
  });
});

describe('eventProblems', () => {
  it('accepts a consistent history', () => {
    expect(eventProblems([created, transmitted, rncp, rs, rncpRenewed, withdrawn])).toEqual([]);
  });
  it('names missing numbers, levels and dates of registrations', () => {
    const problems = eventProblems([
      transmitted,
      { type: 'rncp_registered', date: '2020-01-01', number: 'RS1', level: 9, from: '2020-01-01' },
      {
        type: 'rs_registered',
        date: '2020-01-01',
        number: 'RS777',
        level: 4,
        from: '2021-01-01',
        to: '2020-01-01',
      },
    ]);
    expect(problems.map((p) => `${p.index}.${p.field}`)).toEqual([
      '1.number',
      '1.to',
      '1.level',
      '2.to',
      '2.level',
    ]);
  });
  it('refuses a registration before any transmission', () => {
    expect(eventProblems([rncp]).map((p) => p.field)).toEqual(['date']);
  });
  it('refuses registry fields on other events and bad dates', () => {
    expect(eventProblems([{ type: 'created', date: '2020-02-30', level: 4 }]).map((p) => p.field)).toEqual([
      'date',
      'type',
    ]);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['24-01-01', false],
    ['2024-1-1', false],
  ])('%s → %s', (v, ok) => {
    expect(isIsoDate(v)).toBe(ok);
  });
});

describe('recognitionTimeline', () => {
  it('cuts the history into periods that agree with recognitionOn', () => {
    const events = [created, transmitted, rncp, rncpRenewed, withdrawn];
    expect(recognitionTimeline(events)).toEqual([
      { from: '2019-06-15', to: '2020-01-31', recognition: branch },
      { from: '2020-02-01', to: '2025-01-31', recognition: rncp4 },
      { from: '2025-02-01', to: '2026-06-29', recognition: rncp5 },
      { from: '2026-06-30', to: null, recognition: none },
    ]);
  });

  it('agrees with recognitionOn on every day of a long history', () => {
    const events = [created, transmitted, rncp, rs, replaced];
    const periods = recognitionTimeline(events);
    for (
      let d = new Date('2018-01-01T00:00:00Z');
      d < new Date('2026-01-01T00:00:00Z');
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const date = d.toISOString().slice(0, 10);
      const period = periods.find((p) => p.from <= date && (p.to === null || date <= p.to));
      expect(period?.recognition ?? none, date).toEqual(recognitionOn(events, date));
    }
  });

  it('is empty while nothing was transmitted', () => {
    expect(recognitionTimeline([created])).toEqual([]);
  });
});
