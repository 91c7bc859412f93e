/**
 * A jury's decision on a candidacy, against its blocs (issue 13, point 3): the blocs the
 * candidacy targets in its pinned framework version, carried blocs counting as validated (they
 * cannot be refused). The outcome must agree with the blocs decided:
 * - `full`: every targeted bloc validated;
 * - `partial`: some validated, not all;
 * - `refused`: none validated (carried ones aside);
 * - `absent` / `deferred`: no bloc decided (none given, or all undecided).
 * Decisions are append-only: a correction names the one it replaces, and the current decision
 * of a candidacy is the one no other replaces. Members with a declared link to the candidate
 * do not deliberate on them. Pure code.
 */
import { JURY_OUTCOME_LABELS, type JuryOutcome } from '../../../contracts/juries.js';

/** A bloc as the jury decides it: `validated` null or absent when not decided. */
export type BlocInput = { code: string; validated?: boolean | null | undefined };
/** A bloc as a decision keeps it. */
export type DecidedBloc = { code: string; validated: boolean | null; carried: boolean };
export type DecisionError = { path: (string | number)[]; detail: string };

export type DecisionCheck =
  | { ok: true; blocs: DecidedBloc[]; expected: readonly JuryOutcome[] }
  | { ok: false; errors: DecisionError[] };

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * The outcomes the blocs allow (one, or `absent` / `deferred` when nothing is decided — and
 * `full` too when every targeted bloc is carried), or why the blocs are wrong.
 */
export function checkDecision(input: {
  targeted: readonly string[];
  carried: readonly string[];
  blocs: readonly BlocInput[];
  outcome: JuryOutcome;
}): DecisionCheck {
  const targeted = new Set(input.targeted);
  const carried = new Set(input.carried.filter((c) => targeted.has(c)));
  const errors: DecisionError[] = [];
  const given = new Map<string, boolean | null>();
  input.blocs.forEach((b, i) => {
    const code = b.code.trim();
    if (!code) errors.push({ path: ['blocs', i, 'code'], detail: 'Indiquez le code du bloc.' });
    else if (!targeted.has(code))
      errors.push({
        path: ['blocs', i, 'code'],
        detail: `Le bloc ${code} n’est pas visé par ce parcours (version de référentiel du parcours).`,
      });
    else if (given.has(code))
      errors.push({ path: ['blocs', i, 'code'], detail: `Le bloc ${code} est déjà dans la liste.` });
    else if (carried.has(code) && b.validated === false)
      errors.push({
        path: ['blocs', i, 'validated'],
        detail: `Le bloc ${code} est reporté d’une validation antérieure : il compte comme validé et ne peut pas être refusé.`,
      });
    else given.set(code, b.validated ?? null);
  });
  if (errors.length > 0) return { ok: false, errors };

  const toDecide = input.targeted.filter((c) => !carried.has(c));
  const decided = toDecide.filter((c) => given.get(c) === true || given.get(c) === false);
  const validated = decided.filter((c) => given.get(c) === true);
  const blocs: DecidedBloc[] = input.targeted.map((code) =>
    carried.has(code)
      ? { code, validated: true, carried: true }
      : { code, validated: given.get(code) ?? null, carried: false },
  );

  let expected: readonly JuryOutcome[];
  if (decided.length === 0)
    expected = toDecide.length === 0 ? ['full', 'absent', 'deferred'] : ['absent', 'deferred'];
  else if (decided.length < toDecide.length) {
    // Some decided, not all: only absent / deferred could fit, and they decide nothing.
    const missing = toDecide.filter((c) => !decided.includes(c));
    if (input.outcome === 'absent' || input.outcome === 'deferred')
      return {
        ok: false,
        errors: [
          {
            path: ['outcome'],
            detail: `« ${JURY_OUTCOME_LABELS[input.outcome]} » ne décide aucun bloc : retirez les décisions par bloc.`,
          },
        ],
      };
    return {
      ok: false,
      errors: [
        {
          path: ['blocs'],
          detail: `Décidez chaque bloc visé (validé ou non) : ${missing.join(', ')} sans décision.`,
        },
      ],
    };
  } else if (validated.length === toDecide.length) expected = ['full'];
  else if (validated.length === 0) expected = ['refused'];
  else expected = ['partial'];

  if (!expected.includes(input.outcome)) {
    const summary =
      decided.length === 0
        ? 'aucun bloc décidé'
        : `${plural(validated.length, 'bloc validé', 'blocs validés')} sur ${toDecide.length} à décider` +
          (carried.size > 0 ? ` (${plural(carried.size, 'bloc reporté', 'blocs reportés')})` : '');
    return {
      ok: false,
      errors: [
        {
          path: ['outcome'],
          detail: `Le résultat « ${JURY_OUTCOME_LABELS[input.outcome]} » ne correspond pas aux blocs : ${summary} ; attendu : ${expected
            .map((o) => `« ${JURY_OUTCOME_LABELS[o]} »`)
            .join(' ou ')}.`,
        },
      ],
    };
  }
  return { ok: true, blocs, expected };
}

export type DecisionLink = { id: string; candidacyId: string; replacesId: string | null };

/**
 * The current decision of each candidacy (the one no other replaces, following the chain of
 * corrections from the first), and each candidacy's decisions in order, first to current.
 */
export function decisionChains<D extends DecisionLink>(decisions: readonly D[]): Map<string, D[]> {
  const byReplaced = new Map<string, D>();
  for (const d of decisions) if (d.replacesId) byReplaced.set(d.replacesId, d);
  const chains = new Map<string, D[]>();
  for (const first of decisions.filter((d) => d.replacesId === null)) {
    const chain = [first];
    const seen = new Set([first.id]);
    for (let next = byReplaced.get(first.id); next && !seen.has(next.id); next = byReplaced.get(next.id)) {
      chain.push(next);
      seen.add(next.id);
    }
    chains.set(first.candidacyId, chain);
  }
  return chains;
}

/** The current decision of each candidacy: the last of its chain. */
export function currentDecisions<D extends DecisionLink>(decisions: readonly D[]): Map<string, D> {
  return new Map([...decisionChains(decisions)].map(([id, chain]) => [id, chain[chain.length - 1] as D]));
}

/**
 * Whether a new decision may be posted for the candidacy: a first one when none exists; a
 * correction (`replaces`) only of the current one, with its reason, by the president.
 */
export function correctionProblem(input: {
  current: { id: string } | undefined;
  replaces: string | undefined;
  correctionReason: string | undefined;
}): DecisionError | null {
  const { current, replaces } = input;
  const reason = input.correctionReason?.trim();
  if (!replaces) {
    if (reason)
      return {
        path: ['correctionReason'],
        detail: 'Une raison de correction ne va qu’avec la décision corrigée (replaces).',
      };
    if (current)
      return {
        path: ['replaces'],
        detail:
          'Ce parcours a déjà une décision : une correction nomme la décision qu’elle remplace, avec sa raison.',
      };
    return null;
  }
  if (!current || current.id !== replaces)
    return {
      path: ['replaces'],
      detail: 'Seule la décision en vigueur de ce parcours dans cette session peut être corrigée.',
    };
  if (!reason) return { path: ['correctionReason'], detail: 'Indiquez la raison de la correction.' };
  return null;
}

/** The members with a declared link to the candidate (trainer, tutor, employer…): excluded from their deliberation. */
export function excludedMembers(memberIds: readonly string[], linkedUserIds: readonly string[]): string[] {
  const linked = new Set(linkedUserIds);
  return memberIds.filter((m) => linked.has(m));
}

/** Who deliberates on a candidacy: the members present or remote, the excluded ones aside. */
export function deliberatingMembers(
  members: readonly { userId: string; presence: 'present' | 'remote' | 'absent' | null }[],
  excluded: readonly string[],
): string[] {
  return members
    .filter((m) => (m.presence === 'present' || m.presence === 'remote') && !excluded.includes(m.userId))
    .map((m) => m.userId);
}
