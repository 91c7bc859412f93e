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
