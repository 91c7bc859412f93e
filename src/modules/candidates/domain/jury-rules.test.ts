import { describe, expect, it } from 'vitest';
import { juryRulesSchema } from '../jury-rules.schemas.js';
import {
  blocValidUntil,
  type ComposedMember,
  compositionBreaches,
  DEFAULT_JURY_RULES,
  type JuryRules,
  presidentCollegeFor,
  quorumOf,
  signersRequired,
  votesProblem,
} from './jury-rules.js';

const rules = (overrides: Partial<JuryRules> = {}): JuryRules => ({ ...DEFAULT_JURY_RULES, ...overrides });
const member = (
  userId: string,
  college: ComposedMember['college'],
  role: ComposedMember['role'] = 'member',
  designatedBy: string | null = null,
): ComposedMember => ({ userId, college, role, designatedBy });

// 2026 is even: with the defaults the employers' college presides.
const EVEN = '2026-06-15';
const ODD = '2027-06-15';
const balanced = [member('a', 'employers', 'president'), member('b', 'employees')];

describe('DEFAULT_JURY_RULES', () => {
  it('is what the brief lists, and valid for its own schema', () => {
    expect(DEFAULT_JURY_RULES).toEqual({
      colleges: { minPerCollege: 1, parity: true },
      seats: null,
      president: { rule: 'alternate_by_year', evenYears: 'employers' },
      quorum: { minMembers: 2, minPerCollege: 1 },
      majority: 'absolute',
      votesRequired: false,
      remoteAllowed: true,
      blocValidityYears: null,
      signatures: 'president_and_present_members',
      reminderAfterDays: 60,
    });
    expect(juryRulesSchema.parse(DEFAULT_JURY_RULES)).toEqual(DEFAULT_JURY_RULES);
  });
});

describe('compositionBreaches', () => {
  it('finds nothing wrong with one member of each college and the right president', () => {
    expect(compositionBreaches(DEFAULT_JURY_RULES, balanced, EVEN, false)).toEqual([]);
  });

  it('names a college under its minimum, one breach per college', () => {
    const onlyEmployers = [member('a', 'employers', 'president'), member('b', 'employers')];
    const breaches = compositionBreaches(
      rules({ colleges: { minPerCollege: 1, parity: false } }),
      onlyEmployers,
      EVEN,
      false,
    );
    expect(breaches).toEqual([
      {
        rule: 'colleges.minPerCollege',
        detail: expect.stringContaining('collège salariés compte 0 membre ;'),
      },
    ]);
    expect(breaches[0]?.detail).toContain('au moins 1');

    const none = compositionBreaches(
      rules({ colleges: { minPerCollege: 2, parity: false } }),
      balanced,
      EVEN,
      false,
    );
    expect(none.map((b) => b.rule)).toEqual(['colleges.minPerCollege', 'colleges.minPerCollege']);
    expect(none[0]?.detail).toContain('collège employeurs compte 1 membre ;');
    expect(none[1]?.detail).toContain('collège salariés compte 1 membre ;');
  });

  it('names parity broken, and only when parity is asked', () => {
    const three = [...balanced, member('c', 'employees')];
    expect(compositionBreaches(DEFAULT_JURY_RULES, three, EVEN, false)).toEqual([
      {
        rule: 'colleges.parity',
        detail: expect.stringContaining('1 membre du collège employeurs pour 2 membres du collège salariés'),
      },
    ]);
    expect(
      compositionBreaches(rules({ colleges: { minPerCollege: 1, parity: false } }), three, EVEN, false),
    ).toEqual([]);
  });

  it('names each listed federation or union without a seat, matched by name and college', () => {
    const seats = {
      organisations: [
        { name: 'Fédération A', college: 'employers' as const },
        { name: 'Syndicat B', college: 'employees' as const },
        { name: 'Syndicat C', college: 'employees' as const },
      ],
    };
    const members = [
      member('a', 'employers', 'president', '  fédération a '),
      member('b', 'employees', 'member', 'Syndicat B'),
      // Designated by C but sitting in the employers' college: does not hold C's seat.
      member('c', 'employers', 'member', 'Syndicat C'),
      member('d', 'employees', 'member', null),
    ];
    const breaches = compositionBreaches(rules({ seats }), members, EVEN, false);
    expect(breaches).toEqual([
      {
        rule: 'seats.organisations',
        detail: expect.stringContaining('« Syndicat C » (collège salariés) n’est pas pourvu'),
      },
    ]);
  });

  it('names a jury without a president, or with two', () => {
    const noPresident = [member('a', 'employers'), member('b', 'employees')];
    expect(compositionBreaches(DEFAULT_JURY_RULES, noPresident, EVEN, false)).toEqual([
      { rule: 'president', detail: 'Le jury n’a pas de président·e.' },
    ]);
    const two = [member('a', 'employers', 'president'), member('b', 'employees', 'president')];
    expect(compositionBreaches(DEFAULT_JURY_RULES, two, EVEN, false)).toEqual([
      { rule: 'president', detail: expect.stringContaining('2 président·es') },
    ]);
  });

  it('names a president of the wrong college for the year, alternating each year', () => {
    expect(compositionBreaches(DEFAULT_JURY_RULES, balanced, ODD, false)).toEqual([
      {
        rule: 'president.rule',
        detail:
          'En 2027, la présidence revient au collège salariés (alternance par année) ; la personne choisie est du collège employeurs.',
      },
    ]);
    const employeePresides = [member('a', 'employers'), member('b', 'employees', 'president')];
    expect(compositionBreaches(DEFAULT_JURY_RULES, employeePresides, ODD, false)).toEqual([]);
    expect(compositionBreaches(DEFAULT_JURY_RULES, employeePresides, EVEN, false).map((b) => b.rule)).toEqual(
      ['president.rule'],
    );
    const flipped = rules({ president: { rule: 'alternate_by_year', evenYears: 'employees' } });
    expect(compositionBreaches(flipped, employeePresides, EVEN, false)).toEqual([]);
    expect(compositionBreaches(rules({ president: { rule: 'any' } }), employeePresides, EVEN, false)).toEqual(
      [],
    );
  });

  it('names a remote session when remote attendance is not allowed', () => {
    expect(compositionBreaches(DEFAULT_JURY_RULES, balanced, EVEN, true)).toEqual([]);
    expect(compositionBreaches(rules({ remoteAllowed: false }), balanced, EVEN, true)).toEqual([
      {
        rule: 'remoteAllowed',
        detail: 'Les règles de jury de la branche n’autorisent pas les sessions à distance.',
      },
    ]);
    expect(compositionBreaches(rules({ remoteAllowed: false }), balanced, EVEN, false)).toEqual([]);
  });

  it('lists every broken rule at once', () => {
    const bad = [member('a', 'employers'), member('b', 'employers')];
    expect(compositionBreaches(rules({ remoteAllowed: false }), bad, EVEN, true).map((b) => b.rule)).toEqual([
      'colleges.minPerCollege',
      'colleges.parity',
      'president',
      'remoteAllowed',
    ]);
  });
});

describe('presidentCollegeFor', () => {
  it('alternates by the year of the date, or is null when any may preside', () => {
    expect(presidentCollegeFor(DEFAULT_JURY_RULES, '2026-01-01')).toBe('employers');
    expect(presidentCollegeFor(DEFAULT_JURY_RULES, '2027-12-31')).toBe('employees');
    expect(presidentCollegeFor(rules({ president: { rule: 'any' } }), '2026-01-01')).toBeNull();
  });
});

describe('quorumOf', () => {
  it('is reached with one member present in each college', () => {
    expect(
      quorumOf(DEFAULT_JURY_RULES, [
        { college: 'employers', presence: 'present' },
        { college: 'employees', presence: 'remote' },
      ]),
    ).toEqual({ reached: true, counted: 2, required: 2, detail: null });
  });

  it('does not count absent members nor those whose attendance is not recorded', () => {
    const q = quorumOf(DEFAULT_JURY_RULES, [
      { college: 'employers', presence: 'present' },
      { college: 'employers', presence: 'present' },
      { college: 'employees', presence: 'absent' },
      { college: 'employees', presence: null },
    ]);
    expect(q).toEqual({
      reached: false,
      counted: 2,
      required: 2,
      detail: 'Quorum non atteint : collège salariés : 0 sur 1 requis.',
    });
  });

  it('names the total missing and each college short', () => {
    const q = quorumOf(rules({ quorum: { minMembers: 4, minPerCollege: 2 } }), [
      { college: 'employers', presence: 'present' },
      { college: 'employees', presence: 'present' },
    ]);
    expect(q.reached).toBe(false);
    expect(q.required).toBe(4);
    expect(q.detail).toBe(
      'Quorum non atteint : 2 membres comptés sur 4 requis ; collège employeurs : 1 sur 2 requis ; collège salariés : 1 sur 2 requis.',
    );
  });

  it('does not count remote members when remote attendance is not allowed, and says so', () => {
    const q = quorumOf(rules({ remoteAllowed: false }), [
      { college: 'employers', presence: 'present' },
      { college: 'employees', presence: 'remote' },
    ]);
    expect(q.reached).toBe(false);
    expect(q.counted).toBe(1);
    expect(q.detail).toContain('la présence à distance ne compte pas');
  });

  it('with no college minimum, counts members only', () => {
    const q = quorumOf(rules({ quorum: { minMembers: 2, minPerCollege: 0 } }), [
      { college: 'employers', presence: 'present' },
      { college: 'employers', presence: 'present' },
    ]);
    expect(q).toEqual({ reached: true, counted: 2, required: 2, detail: null });
  });
});

describe('votesProblem', () => {
  it('asks for votes only when the rules require them', () => {
    expect(votesProblem(DEFAULT_JURY_RULES, undefined, 3)).toBeNull();
    expect(votesProblem(rules({ votesRequired: true }), undefined, 3)).toBe(
      'Les règles de jury de la branche exigent les votes (pour, contre, abstention).',
    );
  });

  it('absolute majority: more than half of the voters for', () => {
    expect(votesProblem(DEFAULT_JURY_RULES, { for: 3, against: 1, abstain: 0 }, 4)).toBeNull();
    expect(votesProblem(DEFAULT_JURY_RULES, { for: 2, against: 2, abstain: 0 }, 4)).toBe(
      'La décision n’a pas la majorité absolue : 2 voix pour sur 4 votant·es.',
    );
    // Abstentions count among the voters: 2 for of 4 voters is not more than half.
    expect(votesProblem(DEFAULT_JURY_RULES, { for: 2, against: 0, abstain: 2 }, 4)).not.toBeNull();
    expect(votesProblem(DEFAULT_JURY_RULES, { for: 2, against: 1, abstain: 0 }, 3)).toBeNull();
    expect(votesProblem(DEFAULT_JURY_RULES, { for: 1, against: 0, abstain: 0 }, 1)).toBeNull();
  });

  it('two thirds: at least two thirds of the voters for', () => {
    const r = rules({ majority: 'two_thirds' });
    expect(votesProblem(r, { for: 2, against: 1, abstain: 0 }, 3)).toBeNull();
    expect(votesProblem(r, { for: 4, against: 2, abstain: 0 }, 6)).toBeNull();
    expect(votesProblem(r, { for: 3, against: 2, abstain: 0 }, 5)).toContain('la majorité des deux tiers');
    expect(votesProblem(r, { for: 0, against: 0, abstain: 0 }, 0)).not.toBeNull();
  });

  it('unanimity: every voter for', () => {
    const r = rules({ majority: 'unanimity' });
    expect(votesProblem(r, { for: 4, against: 0, abstain: 0 }, 4)).toBeNull();
    expect(votesProblem(r, { for: 3, against: 0, abstain: 1 }, 4)).toBe(
      'La décision n’a pas l’unanimité : 3 voix pour sur 4 votant·es.',
    );
  });

  it('refuses votes summing to more than the voters, and numbers that are not whole', () => {
    expect(votesProblem(DEFAULT_JURY_RULES, { for: 3, against: 1, abstain: 1 }, 4)).toBe(
      'Les votes (5) dépassent le nombre de votant·es (4).',
    );
    expect(votesProblem(DEFAULT_JURY_RULES, { for: 1.5, against: 0, abstain: 0 }, 2)).toBe(
      'Les votes sont des nombres entiers positifs ou nuls.',
    );
    expect(votesProblem(DEFAULT_JURY_RULES, { for: 3, against: -1, abstain: 0 }, 3)).not.toBeNull();
  });
});

describe('blocValidUntil', () => {
  it('is null for life', () => {
    expect(blocValidUntil(DEFAULT_JURY_RULES, '2026-03-15')).toBeNull();
  });

  it('is the day before the N-th anniversary', () => {
    expect(blocValidUntil(rules({ blocValidityYears: 5 }), '2026-03-15')).toBe('2031-03-14');
    expect(blocValidUntil(rules({ blocValidityYears: 1 }), '2026-01-01')).toBe('2026-12-31');
    expect(blocValidUntil(rules({ blocValidityYears: 50 }), '2026-12-31')).toBe('2076-12-30');
  });

  it('a 29 February award ends on 28 February of a common year, on 28 February of a leap year', () => {
    expect(blocValidUntil(rules({ blocValidityYears: 1 }), '2024-02-29')).toBe('2025-02-28');
    expect(blocValidUntil(rules({ blocValidityYears: 4 }), '2024-02-29')).toBe('2028-02-28');
  });
});

describe('signersRequired', () => {
  const members = [
    { userId: 'm1', role: 'member' as const, presence: 'present' as const },
    { userId: 'p', role: 'president' as const, presence: 'present' as const },
    { userId: 'm2', role: 'member' as const, presence: 'remote' as const },
    { userId: 'm3', role: 'member' as const, presence: 'absent' as const },
    { userId: 'm4', role: 'member' as const, presence: null },
  ];

  it('the president and the members present (on site or remote), president first', () => {
    expect(signersRequired(DEFAULT_JURY_RULES, members)).toEqual(['p', 'm1', 'm2']);
  });

  it('the president alone', () => {
    expect(signersRequired(rules({ signatures: 'president' }), members)).toEqual(['p']);
  });
});

describe('juryRulesSchema', () => {
  const paths = (value: unknown) =>
    juryRulesSchema.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? [];

  it('keeps its bounds', () => {
    expect(paths({ ...DEFAULT_JURY_RULES, colleges: { minPerCollege: 0, parity: true } })).toEqual([
      'colleges.minPerCollege',
    ]);
    expect(paths({ ...DEFAULT_JURY_RULES, colleges: { minPerCollege: 21, parity: true } })).toEqual([
      'colleges.minPerCollege',
    ]);
    expect(paths({ ...DEFAULT_JURY_RULES, reminderAfterDays: 0 })).toEqual(['reminderAfterDays']);
    expect(paths({ ...DEFAULT_JURY_RULES, reminderAfterDays: 366 })).toEqual(['reminderAfterDays']);
    expect(paths({ ...DEFAULT_JURY_RULES, blocValidityYears: 0 })).toEqual(['blocValidityYears']);
    expect(paths({ ...DEFAULT_JURY_RULES, blocValidityYears: 51 })).toEqual(['blocValidityYears']);
    expect(paths({ ...DEFAULT_JURY_RULES, blocValidityYears: 2.5 })).toEqual(['blocValidityYears']);
    expect(paths({ ...DEFAULT_JURY_RULES, blocValidityYears: 50 })).toEqual([]);
    expect(paths({ ...DEFAULT_JURY_RULES, quorum: { minMembers: 0, minPerCollege: 0 } })).toEqual([
      'quorum.minMembers',
    ]);
    expect(paths({ ...DEFAULT_JURY_RULES, majority: 'relative' })).toEqual(['majority']);
    expect(paths({ ...DEFAULT_JURY_RULES, president: { rule: 'alternate_by_year' } })).toEqual([
      'president.evenYears',
    ]);
  });

  it('refuses unknown fields and duplicated organisations', () => {
    expect(paths({ ...DEFAULT_JURY_RULES, surprise: 1 })).toEqual(['']);
    expect(
      paths({
        ...DEFAULT_JURY_RULES,
        seats: {
          organisations: [
            { name: 'Syndicat B', college: 'employees' },
            { name: 'syndicat b', college: 'employees' },
          ],
        },
      }),
    ).toEqual(['seats.organisations.1.name']);
  });
});
