/**
 * Assessments (« évaluations ») as the server and the web app name them: the links a person may
 * have with a candidate in a candidacy (an evaluator so linked may not assess it: conflict of
 * interest), and their French labels. Pure code.
 */
export const CANDIDACY_LINK_KINDS = ['trainer', 'tutor', 'employer', 'other'] as const;
export type CandidacyLinkKind = (typeof CANDIDACY_LINK_KINDS)[number];

export const CANDIDACY_LINK_KIND_LABELS: Readonly<Record<CandidacyLinkKind, string>> = {
  trainer: 'Formateur ou formatrice',
  tutor: 'Tuteur ou tutrice',
  employer: 'Employeur',
  other: 'Autre lien',
};

/** A criterion of the grid, as the evaluator marks it. */
export const CRITERION_MARKS = ['met', 'not_met'] as const;
export type CriterionMark = (typeof CRITERION_MARKS)[number];
export const CRITERION_MARK_LABELS: Readonly<Record<CriterionMark, string>> = {
  met: 'Atteint',
  not_met: 'Non atteint',
};

/**
 * A competency's result, from its criteria: `met` when every criterion is met, `not_met` when
 * every criterion is marked and one at least is not met, `pending` while one is not marked.
 */
export const COMPETENCY_RESULTS = ['met', 'not_met', 'pending'] as const;
export type CompetencyResult = (typeof COMPETENCY_RESULTS)[number];
export const COMPETENCY_RESULT_LABELS: Readonly<Record<CompetencyResult, string>> = {
  met: 'Compétence atteinte',
  not_met: 'Compétence non atteinte',
  pending: 'À compléter',
};

/** The bloc's proposal to the jury, by the bloc's pass rule, once every criterion is marked. */
export const BLOC_PROPOSALS = ['acquired', 'not_acquired', 'pending'] as const;
export type BlocProposal = (typeof BLOC_PROPOSALS)[number];
export const BLOC_PROPOSAL_LABELS: Readonly<Record<BlocProposal, string>> = {
  acquired: 'Proposé acquis',
  not_acquired: 'Proposé non acquis',
  pending: 'À compléter',
};

/** A version of a bloc's result: a draft being typed, signed (locked), or replaced by a correction. */
export const RESULT_STATUSES = ['draft', 'signed', 'superseded'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];
export const RESULT_STATUS_LABELS: Readonly<Record<ResultStatus, string>> = {
  draft: 'Brouillon',
  signed: 'Signé',
  superseded: 'Remplacé par une correction',
};

/** An assessment session. */
export const ASSESSMENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Readonly<Record<AssessmentStatus, string>> = {
  scheduled: 'Programmée',
  cancelled: 'Annulée',
};

/** A bloc's pass rule, in words: « Tous les critères » / « 3 critères sur 5 ». */
export function blocRuleLabel(rule: { kind: 'all' } | { kind: 'n_of_m'; n: number }, total: number): string {
  return rule.kind === 'all' ? 'Tous les critères atteints' : `${rule.n} critères atteints sur ${total}`;
}
