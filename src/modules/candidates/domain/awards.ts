/**
 * Awards (issue 13, point 5): what a jury's current decision awards when its session closes,
 * the award's number, the candidacy event it applies, and what a decision corrected after the
 * close does to the award it changes. Pure code: the service (awards.service.ts) loads the
 * decisions, numbers the awards from `award_counters` and writes everything in one transaction.
 */
import type { CandidacyStatus, JuryEvent } from '../../../contracts/candidacies.js';
import type { IsoDate } from '../../../contracts/dates.js';
import type { AwardKind, AwardStatus, JuryOutcome } from '../../../contracts/juries.js';

/** One bloc of a decision: validated or not by the jury; `carried`: acquired before (not re-awarded). */
/** `validated` null: not decided (counts as not validated). */
export type DecisionBloc = { code: string; validated: boolean | null; carried?: boolean };

/** A bloc of an award, with the end of its validity (null: for life). */
export type AwardedBloc = { code: string; validUntil: IsoDate | null };

/** What a decision awards: the whole certification, some of its blocs, or nothing. */
export type AwardPlan = { kind: AwardKind; blocs: AwardedBloc[] };

/**
 * The award a current decision gives: `full` → the certification, with every targeted bloc
 * (carried ones included: the certification is awarded whole); `partial` → the blocs the jury
 * validated, carried ones excluded (they were awarded before, by an earlier award or an
 * equivalence); `refused`, `absent`, `deferred` → none. `validUntil`: the end of the blocs'
 * validity under the session's rules (jury-rules.ts `blocValidUntil`), the same for every bloc
 * of one award.
 */
export function awardOf(
  decision: { outcome: JuryOutcome; blocs: readonly DecisionBloc[] },
  validUntil: IsoDate | null,
): AwardPlan | null {
  switch (decision.outcome) {
    case 'full':
      return { kind: 'full', blocs: decision.blocs.map((b) => ({ code: b.code, validUntil })) };
    case 'partial': {
      const blocs = decision.blocs.filter((b) => b.validated && !b.carried);
      return blocs.length === 0
        ? null
        : { kind: 'partial', blocs: blocs.map((b) => ({ code: b.code, validUntil })) };
    }
    case 'refused':
    case 'absent':
    case 'deferred':
      return null;
  }
}

/** The largest sequence a number holds (six digits). */
export const MAX_AWARD_SEQUENCE = 999_999;

/** An award's number: `<certification code>-<year>-<6 digits>`, e.g. `CQP-APS-2026-000123`. */
export function awardNumber(certificationCode: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_AWARD_SEQUENCE)
    throw new RangeError(`award sequence out of range: ${sequence}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`award year out of range: ${year}`);
  return `${certificationCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The `count` sequences a counter hands out when it moves to `last` (the counter's new value
 * after `last = last + count`): `last - count + 1 … last`, in order.
 */
export function sequencesUpTo(last: number, count: number): number[] {
  if (count < 0 || last - count < 0) throw new RangeError(`counter ${last} cannot hand out ${count}`);
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/** The candidacy state an outcome leads to (absent, deferred: back before a jury). */
export function statusAfter(outcome: JuryOutcome): CandidacyStatus {
  switch (outcome) {
    case 'full':
      return 'awarded';
    case 'partial':
      return 'partially_awarded';
    case 'refused':
      return 'refused';
    case 'absent':
    case 'deferred':
      return 'ready_for_jury';
  }
}

/**
 * The event a session's close applies to a candidacy `ready_for_jury`: award, award_partially,
 * refuse; none for absent or deferred — the candidacy stays ready_for_jury, free to be attached
 * to another session (a closed session holds it no more).
 */
export function closingEvent(outcome: JuryOutcome): JuryEvent | null {
  switch (outcome) {
    case 'full':
      return 'award';
    case 'partial':
      return 'award_partially';
    case 'refused':
      return 'refuse';
    case 'absent':
    case 'deferred':
      return null;
  }
}

/** Whether two plans award the same thing (kind and bloc codes; validity ends aside). */
export function sameAward(a: AwardPlan | null, b: AwardPlan | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind || a.blocs.length !== b.blocs.length) return false;
  const codes = new Set(a.blocs.map((x) => x.code));
  return b.blocs.every((x) => codes.has(x.code));
}

/** What a decision corrected after its session's close does. */
export type CorrectionEffect = {
  /** Revoke the award in force (it no longer says what the jury decided). */
  revoke: boolean;
  /** A new award (with a new number) to create; the revoked one names it as its successor. */
  award: AwardPlan | null;
  /** The candidacy event between outcomes, or back before a jury; null: its state stays. */
  event: JuryEvent | null;
};

/**
 * A correction after the close: the award in force (`current`: its kind and bloc codes; null when
 * the earlier outcome awarded nothing or it was revoked) is revoked when the new decision awards
 * something else, and a new award is created when the new outcome awards; a correction awarding
 * the same (e.g. only the reasons change) leaves the award as it is. The candidacy moves from
 * `status` to the new outcome's state (`reopen_for_jury` for absent / deferred) unless already there.
 */
export function correctionEffect(
  current: AwardPlan | null,
  status: CandidacyStatus,
  decision: { outcome: JuryOutcome; blocs: readonly DecisionBloc[] },
  validUntil: IsoDate | null,
): CorrectionEffect {
  const plan = awardOf(decision, validUntil);
  const changed = !sameAward(current, plan);
  const target = statusAfter(decision.outcome);
  return {
    revoke: changed && current !== null,
    award: changed ? plan : null,
    event:
      target === status
        ? null
        : target === 'ready_for_jury'
          ? 'reopen_for_jury'
          : closingEvent(decision.outcome),
  };
}

/** Crockford base32 without I, L, O, U: readable, no letter mistaken for a digit. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random bytes a verification code takes (60 of their 64 bits are used). */
export const VERIFICATION_CODE_BYTES = 8;
export const VERIFICATION_CODE_PATTERN =
  /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * An award's verification code from 8 random bytes (`crypto.randomBytes`): their first 60 bits
 * as 12 Crockford base32 characters, `XXXX-XXXX-XXXX` — printed on the certificate, typed on the
 * public verification page; 2^60 codes make guessing one hopeless under the rate limit.
 */
export function verificationCodeOf(bytes: Uint8Array): string {
  if (bytes.length < VERIFICATION_CODE_BYTES)
    throw new RangeError(`a verification code takes ${VERIFICATION_CODE_BYTES} bytes`);
  let value = Buffer.from(bytes).readBigUInt64BE(0) >> 4n;
  let out = '';
  for (let i = 0; i < 12; i++) {
    out = CODE_ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/**
 * A code as typed by someone: upper case, spaces and dashes ignored, the letters Crockford
 * reads as digits (O → 0, I and L → 1) taken as those; null when it cannot be a code.
 */
export function normaliseVerificationCode(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== 12) return null;
  const code = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  return VERIFICATION_CODE_PATTERN.test(code) ? code : null;
}

/** An award's status: revoked wins over suspended (a revocation is final). */
export function awardStatus(award: { revokedAt: unknown; suspendedAt: unknown }): AwardStatus {
  if (award.revokedAt !== null && award.revokedAt !== undefined) return 'revoked';
  if (award.suspendedAt !== null && award.suspendedAt !== undefined) return 'suspended';
  return 'valid';
}

/** A change of an award's status by branch staff. */
export type AwardStatusAction = 'suspend' | 'reinstate' | 'revoke';

/**
 * Whether `action` applies to an award in `status`: suspend a valid award, reinstate a
 * suspended one, revoke one not revoked yet (a suspended award may be revoked). Null when it
 * applies, else why not (in French, for a 409 problem).
 */
export function statusChangeRefusal(status: AwardStatus, action: AwardStatusAction): string | null {
  if (status === 'revoked') return 'Cette attestation est révoquée : son statut ne change plus.';
  if (action === 'suspend' && status === 'suspended') return 'Cette attestation est déjà suspendue.';
  if (action === 'reinstate' && status !== 'suspended') return 'Cette attestation n’est pas suspendue.';
  return null;
}
