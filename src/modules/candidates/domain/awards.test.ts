import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JURY_OUTCOMES, type JuryOutcome } from '../../../contracts/juries.js';
import {
  type AwardPlan,
  awardNumber,
  awardOf,
  awardStatus,
  closingEvent,
  correctionEffect,
  type DecisionBloc,
  MAX_AWARD_SEQUENCE,
  normaliseVerificationCode,
  sameAward,
  sequencesUpTo,
  statusAfter,
  statusChangeRefusal,
  VERIFICATION_CODE_PATTERN,
  verificationCodeOf,
} from './awards.js';
import { transition } from './lifecycle.js';

const blocs: DecisionBloc[] = [
  { code: 'B1', validated: true },
  { code: 'B2', validated: false },
  { code: 'B3', validated: true, carried: true },
  { code: 'B4', validated: true, carried: false },
];

describe('awardOf', () => {
  it('full: the whole certification with every targeted bloc, carried ones included, each with the validity end', () => {
    expect(awardOf({ outcome: 'full', blocs }, '2031-06-30')).toEqual({
      kind: 'full',
      blocs: [
        { code: 'B1', validUntil: '2031-06-30' },
        { code: 'B2', validUntil: '2031-06-30' },
        { code: 'B3', validUntil: '2031-06-30' },
        { code: 'B4', validUntil: '2031-06-30' },
      ],
    });
  });

  it('partial: the validated blocs only, carried ones excluded (awarded before); null validity = for life', () => {
    expect(awardOf({ outcome: 'partial', blocs }, null)).toEqual({
      kind: 'partial',
      blocs: [
        { code: 'B1', validUntil: null },
        { code: 'B4', validUntil: null },
      ],
    });
  });

  it('partial validating only carried blocs awards nothing new', () => {
    expect(
      awardOf(
        {
          outcome: 'partial',
          blocs: [
            { code: 'B1', validated: true, carried: true },
            { code: 'B2', validated: false },
          ],
        },
        null,
      ),
    ).toBeNull();
  });

  it.each(['refused', 'absent', 'deferred'] as const)('%s awards nothing', (outcome) => {
    expect(awardOf({ outcome, blocs }, '2030-01-01')).toBeNull();
  });
});

describe('awardNumber', () => {
  it('is <certification code>-<year>-<6 digits>', () => {
    expect(awardNumber('CQP-APS', 2026, 123)).toBe('CQP-APS-2026-000123');
    expect(awardNumber('CQPI-X', 2027, 1)).toBe('CQPI-X-2027-000001');
    expect(awardNumber('CQP-APS', 2026, MAX_AWARD_SEQUENCE)).toBe('CQP-APS-2026-999999');
  });

  it.each([0, -1, 1.5, MAX_AWARD_SEQUENCE + 1])('refuses the sequence %s', (sequence) => {
    expect(() => awardNumber('CQP-APS', 2026, sequence)).toThrow(RangeError);
  });

  it('refuses a year that is not four digits', () => {
    expect(() => awardNumber('CQP-APS', 999, 1)).toThrow(RangeError);
    expect(() => awardNumber('CQP-APS', 10_000, 1)).toThrow(RangeError);
  });
});

describe('sequencesUpTo', () => {
  it('hands out last - count + 1 … last, in order', () => {
    expect(sequencesUpTo(3, 3)).toEqual([1, 2, 3]);
    expect(sequencesUpTo(125, 2)).toEqual([124, 125]);
    expect(sequencesUpTo(7, 0)).toEqual([]);
  });

  it('refuses a counter that could not have handed them out', () => {
    expect(() => sequencesUpTo(2, 3)).toThrow(RangeError);
    expect(() => sequencesUpTo(2, -1)).toThrow(RangeError);
  });
});

describe('closing a session: the candidacy event of each outcome', () => {
  const expected: Record<JuryOutcome, { event: string | null; status: string }> = {
    full: { event: 'award', status: 'awarded' },
    partial: { event: 'award_partially', status: 'partially_awarded' },
    refused: { event: 'refuse', status: 'refused' },
    absent: { event: null, status: 'ready_for_jury' },
    deferred: { event: null, status: 'ready_for_jury' },
  };

  it.each(JURY_OUTCOMES)('%s', (outcome) => {
    expect(closingEvent(outcome)).toBe(expected[outcome].event);
    expect(statusAfter(outcome)).toBe(expected[outcome].status);
    const event = closingEvent(outcome);
    // The lifecycle accepts it from ready_for_jury and leads where statusAfter says.
    if (event) {
      const moved = transition({ status: 'ready_for_jury', heldFrom: null }, event);
      expect(moved).toEqual({ ok: true, state: { status: statusAfter(outcome), heldFrom: null } });
    }
  });
});

describe('sameAward', () => {
  const a: AwardPlan = { kind: 'partial', blocs: [{ code: 'B1', validUntil: null }] };
  it('compares kind and bloc codes, not validity ends or order', () => {
    expect(sameAward(a, { kind: 'partial', blocs: [{ code: 'B1', validUntil: '2030-01-01' }] })).toBe(true);
    expect(
      sameAward(
        { kind: 'full', blocs: a.blocs.concat({ code: 'B2', validUntil: null }) },
        {
          kind: 'full',
          blocs: [
            { code: 'B2', validUntil: null },
            { code: 'B1', validUntil: null },
          ],
        },
      ),
    ).toBe(true);
    expect(sameAward(a, { kind: 'full', blocs: a.blocs })).toBe(false);
    expect(sameAward(a, { kind: 'partial', blocs: [{ code: 'B2', validUntil: null }] })).toBe(false);
    expect(sameAward(a, { kind: 'partial', blocs: [...a.blocs, { code: 'B2', validUntil: null }] })).toBe(
      false,
    );
    expect(sameAward(a, null)).toBe(false);
    expect(sameAward(null, a)).toBe(false);
    expect(sameAward(null, null)).toBe(true);
  });
});

describe('correctionEffect (a decision corrected after the close)', () => {
  const two: DecisionBloc[] = [
    { code: 'B1', validated: true },
    { code: 'B2', validated: true },
  ];
  const oneOfTwo: DecisionBloc[] = [
    { code: 'B1', validated: true },
    { code: 'B2', validated: false },
  ];
  const none: DecisionBloc[] = [
    { code: 'B1', validated: false },
    { code: 'B2', validated: false },
  ];
  const full = awardOf({ outcome: 'full', blocs: two }, null);
  const partial = awardOf({ outcome: 'partial', blocs: oneOfTwo }, null);

  it('partial → full: revokes the partial award, a new full one, award event', () => {
    expect(
      correctionEffect(partial, 'partially_awarded', { outcome: 'full', blocs: two }, '2030-01-01'),
    ).toEqual({
      revoke: true,
      award: {
        kind: 'full',
        blocs: [
          { code: 'B1', validUntil: '2030-01-01' },
          { code: 'B2', validUntil: '2030-01-01' },
        ],
      },
      event: 'award',
    });
  });

  it('full → refused: revokes, no new award, refuse event', () => {
    expect(correctionEffect(full, 'awarded', { outcome: 'refused', blocs: none }, null)).toEqual({
      revoke: true,
      award: null,
      event: 'refuse',
    });
  });

  it('refused → partial: nothing to revoke, a new partial award, award_partially', () => {
    expect(correctionEffect(null, 'refused', { outcome: 'partial', blocs: oneOfTwo }, null)).toEqual({
      revoke: false,
      award: partial,
      event: 'award_partially',
    });
  });

  it.each(['absent', 'deferred'] as const)(
    'awarded → %s: revokes, back before a jury (reopen_for_jury)',
    (outcome) => {
      expect(correctionEffect(full, 'awarded', { outcome, blocs: none }, null)).toEqual({
        revoke: true,
        award: null,
        event: 'reopen_for_jury',
      });
    },
  );

  it('partial → partial with other blocs: revokes and awards anew, the state stays', () => {
    const other: DecisionBloc[] = [
      { code: 'B1', validated: false },
      { code: 'B2', validated: true },
    ];
    expect(
      correctionEffect(partial, 'partially_awarded', { outcome: 'partial', blocs: other }, null),
    ).toEqual({
      revoke: true,
      award: { kind: 'partial', blocs: [{ code: 'B2', validUntil: null }] },
      event: null,
    });
  });

  it('the same award (only the reasons change): nothing revoked, nothing created, no event', () => {
    expect(correctionEffect(full, 'awarded', { outcome: 'full', blocs: two }, '2040-01-01')).toEqual({
      revoke: false,
      award: null,
      event: null,
    });
    expect(correctionEffect(null, 'refused', { outcome: 'refused', blocs: none }, null)).toEqual({
      revoke: false,
      award: null,
      event: null,
    });
  });

  it('absent at the close (still ready_for_jury) → full: a new award, award event', () => {
    expect(correctionEffect(null, 'ready_for_jury', { outcome: 'full', blocs: two }, null)).toEqual({
      revoke: false,
      award: full,
      event: 'award',
    });
    expect(correctionEffect(null, 'ready_for_jury', { outcome: 'deferred', blocs: none }, null)).toEqual({
      revoke: false,
      award: null,
      event: null,
    });
  });

  it('every event it names is one the lifecycle accepts from that state', () => {
    const statuses = ['awarded', 'partially_awarded', 'refused', 'ready_for_jury'] as const;
    const plans = [full, partial, null];
    for (const status of statuses)
      for (const current of plans)
        for (const outcome of JURY_OUTCOMES) {
          const decisionBlocs = outcome === 'full' ? two : outcome === 'partial' ? oneOfTwo : none;
          const { event } = correctionEffect(current, status, { outcome, blocs: decisionBlocs }, null);
          if (event === null) {
            expect(statusAfter(outcome)).toBe(status);
            continue;
          }
          const moved = transition({ status, heldFrom: null }, event, { reason: 'Erreur de saisie' });
          expect(moved, `${status} --${event}-->`).toEqual({
            ok: true,
            state: { status: statusAfter(outcome), heldFrom: null },
          });
        }
  });
});

describe('verificationCodeOf', () => {
  it('writes the first 60 bits of its bytes as XXXX-XXXX-XXXX in Crockford base32', () => {
    expect(verificationCodeOf(new Uint8Array(8))).toBe('0000-0000-0000');
    expect(verificationCodeOf(new Uint8Array(8).fill(0xff))).toBe('ZZZZ-ZZZZ-ZZZZ');
    // 0x0123456789abcdef >> 4 = 0x0123456789abcde: 60 bits, 5 at a time from the right.
    const bytes = Uint8Array.from([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]);
    let value = 0x0123456789abcdefn >> 4n;
    let expected = '';
    for (let i = 0; i < 12; i++) {
      expected = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[Number(value & 31n)] + expected;
      value >>= 5n;
    }
    expect(verificationCodeOf(bytes)).toBe(
      `${expected.slice(0, 4)}-${expected.slice(4, 8)}-${expected.slice(8)}`,
    );
  });

  it('never uses I, L, O nor U and always matches the pattern', () => {
    for (let i = 0; i < 500; i++) {
      const code = verificationCodeOf(randomBytes(8));
      expect(code).toMatch(VERIFICATION_CODE_PATTERN);
      expect(code).not.toMatch(/[ILOU]/);
    }
  });

  it('refuses fewer than 8 bytes', () => {
    expect(() => verificationCodeOf(new Uint8Array(7))).toThrow(RangeError);
  });
});

describe('normaliseVerificationCode', () => {
  it('reads a code typed loosely', () => {
    expect(normaliseVerificationCode(' q7k2 m9xd-4tpa ')).toBe('Q7K2-M9XD-4TPA');
    expect(normaliseVerificationCode('Q7K2M9XD4TPA')).toBe('Q7K2-M9XD-4TPA');
    expect(normaliseVerificationCode('o1l2-i3ab-cdef')).toBe('0112-13AB-CDEF');
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseVerificationCode('Q7K2-M9XD')).toBeNull();
    expect(normaliseVerificationCode('Q7K2-M9XD-4TPU')).toBeNull();
    expect(normaliseVerificationCode('Q7K2-M9XD-4TP!')).toBeNull();
  });
});

describe('awardStatus', () => {
  const at = new Date('2026-06-01T10:00:00Z');
  it('is revoked when revoked, even if suspended; suspended when only suspended; valid otherwise', () => {
    expect(awardStatus({ revokedAt: null, suspendedAt: null })).toBe('valid');
    expect(awardStatus({ revokedAt: null, suspendedAt: at })).toBe('suspended');
    expect(awardStatus({ revokedAt: at, suspendedAt: null })).toBe('revoked');
    expect(awardStatus({ revokedAt: at, suspendedAt: at })).toBe('revoked');
  });
});

describe('statusChangeRefusal', () => {
  it('suspends a valid award, reinstates a suspended one, revokes any award not revoked', () => {
    expect(statusChangeRefusal('valid', 'suspend')).toBeNull();
    expect(statusChangeRefusal('suspended', 'reinstate')).toBeNull();
    expect(statusChangeRefusal('valid', 'revoke')).toBeNull();
    expect(statusChangeRefusal('suspended', 'revoke')).toBeNull();
  });

  it('refuses every change of a revoked award and the changes that do not apply', () => {
    for (const action of ['suspend', 'reinstate', 'revoke'] as const)
      expect(statusChangeRefusal('revoked', action)).toMatch(/révoquée/);
    expect(statusChangeRefusal('suspended', 'suspend')).toMatch(/déjà suspendue/);
    expect(statusChangeRefusal('valid', 'reinstate')).toMatch(/n’est pas suspendue/);
  });
});
