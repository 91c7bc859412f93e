/**
 * The evaluator's grid (issue 12, point 6), pure code: built from the assessment framework of
 * the candidacy's pinned version for the blocs of a session; a competency's result from its
 * criteria; a bloc's proposal by the bloc's pass rule; the completeness check before signature;
 * and what the move to « prêt pour le jury » needs.
 *
 * Decisions (ADR 0005 point 10):
 * - A competency is `met` when every one of its criteria is met, `not_met` as soon as every
 *   criterion is marked and one is not, `pending` while one is not marked. The framework has no
 *   rule per competency: the pass rule is the bloc's.
 * - A bloc's proposal counts the bloc's criteria (all its competencies'): rule `all` → acquired
 *   when every criterion is met; `n_of_m` → acquired when at least N are met. It is `pending`
 *   until every criterion is marked, even when the count is already reached: the evaluator
 *   signs a complete grid.
 */
import type { BlocProposal, CompetencyResult } from '../../../contracts/assessments.js';
import type { Framework } from '../../catalogue/domain/framework.js';

export type BlocRule = { kind: 'all' } | { kind: 'n_of_m'; n: number };

export type GridCriterion = { code: string; text: string; indicators: string[] };
export type GridCompetency = { code: string; title: string; criteria: GridCriterion[] };
export type GridBloc = {
  code: string;
  title: string;
  rule: BlocRule;
  competencies: GridCompetency[];
};

/** One criterion as marked: met or not (null: not marked yet), with an optional comment. */
export type Mark = { met: boolean | null; comment: string | null };
export type Marks = Readonly<Record<string, Mark>>;

/**
 * The grid of these blocs, in the framework's order. A bloc code absent from the framework is
 * left out (the session's blocs were checked against the same pinned version at scheduling); a
 * bloc without a rule is read as `all` (a published framework always has one).
 */
export function gridOf(framework: Framework, blocCodes: readonly string[]): GridBloc[] {
  const criteria = new Map(framework.assessment.competencies.map((a) => [a.competencyCode, a.criteria]));
  const rules = new Map(framework.assessment.blocRules.map((r) => [r.blocCode, r.rule]));
  return framework.competencies.blocs
    .filter((b) => blocCodes.includes(b.code))
    .map((b) => ({
      code: b.code,
      title: b.title,
      rule: rules.get(b.code) ?? { kind: 'all' },
      competencies: b.competencies.map((c) => ({
        code: c.code,
        title: c.title,
        criteria: (criteria.get(c.code) ?? []).map((k) => ({
          code: k.code,
          text: k.text,
          indicators: [...k.indicators],
        })),
      })),
    }));
}

/** Every criterion of the bloc, in order. Criterion codes are unique within a competency only. */
export function criteriaOf(
  bloc: GridBloc,
): { key: string; competencyCode: string; criterion: GridCriterion }[] {
  return bloc.competencies.flatMap((c) =>
    c.criteria.map((criterion) => ({
      key: markKey(c.code, criterion.code),
      competencyCode: c.code,
      criterion,
    })),
  );
}

/** The key of a criterion's mark: `competency/criterion` (criterion codes repeat across competencies). */
export function markKey(competencyCode: string, criterionCode: string): string {
  return `${competencyCode}/${criterionCode}`;
}

export function competencyResult(competency: GridCompetency, marks: Marks): CompetencyResult {
  const values = competency.criteria.map((k) => marks[markKey(competency.code, k.code)]?.met ?? null);
  if (values.includes(null)) return 'pending';
  return values.every((v) => v === true) ? 'met' : 'not_met';
}

export type BlocEvaluation = {
  competencies: { code: string; result: CompetencyResult }[];
  /** Criteria met, and in all. */
  met: number;
  total: number;
  /** Criteria not marked yet (their keys): the grid is complete when there is none. */
  missing: string[];
  proposal: BlocProposal;
};

/** The bloc's competencies' results and its proposal from the marks. */
export function evaluateBloc(bloc: GridBloc, marks: Marks): BlocEvaluation {
  const all = criteriaOf(bloc);
  const met = all.filter((k) => marks[k.key]?.met === true).length;
  const missing = all.filter((k) => (marks[k.key]?.met ?? null) === null).map((k) => k.key);
  const passes = bloc.rule.kind === 'all' ? met === all.length : met >= bloc.rule.n;
  return {
    competencies: bloc.competencies.map((c) => ({ code: c.code, result: competencyResult(c, marks) })),
    met,
    total: all.length,
    missing,
    proposal: missing.length > 0 ? 'pending' : passes ? 'acquired' : 'not_acquired',
  };
}

/** Keys of marks that name no criterion of the bloc (an input error). */
export function unknownMarks(bloc: GridBloc, marks: Marks): string[] {
  const known = new Set(criteriaOf(bloc).map((k) => k.key));
  return Object.keys(marks).filter((k) => !known.has(k));
}

/** Why the bloc's grid may not be signed yet (French), or null when it is complete. */
export function signatureProblem(bloc: GridBloc, marks: Marks): string | null {
  const { missing } = evaluateBloc(bloc, marks);
  if (missing.length === 0) return null;
  return `La grille du bloc « ${bloc.code} » n’est pas complète : ${missing.length} critère(s) sans réponse (${missing.join(', ')}).`;
}

/**
 * The targeted blocs that keep a candidacy from « prêt pour le jury »: those neither carried in
 * nor given a signed, current proposal (whatever it proposes: the jury decides), in order.
 */
export function blocsMissingForJury(
  targeted: readonly string[],
  carried: ReadonlySet<string>,
  signed: ReadonlySet<string>,
): string[] {
  return targeted.filter((code) => !carried.has(code) && !signed.has(code));
}

/** The 422 detail naming those blocs. */
export function missingForJuryDetail(missing: readonly string[]): string {
  const list = missing.map((c) => `« ${c} »`).join(', ');
  return missing.length === 1
    ? `Le bloc ${list} n’a pas de résultat d’évaluation signé (ni n’est reporté) : le parcours ne peut pas passer « prêt pour le jury ».`
    : `Les blocs ${list} n’ont pas de résultat d’évaluation signé (ni ne sont reportés) : le parcours ne peut pas passer « prêt pour le jury ».`;
}

/** What may still happen to a scheduled session, before the policy says who may do it. */
export type SessionState = { cancelled: boolean; signed: boolean; candidacyStatus: string };

/**
 * A session is moved or cancelled only while it is not cancelled and no result of it is signed;
 * moving it also needs the candidacy at the assessment step (the new date is checked against
 * habilitations and links then), whereas cancelling stays possible at any step.
 */
export function sessionMayChange(action: 'edit' | 'cancel', s: SessionState): boolean {
  if (s.cancelled || s.signed) return false;
  return action === 'cancel' || s.candidacyStatus === 'assessment';
}
