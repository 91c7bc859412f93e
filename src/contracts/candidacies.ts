/**
 * Candidacies (« parcours ») as the server and the web app name them: the lifecycle states and
 * events (their rules: src/modules/candidates/domain/lifecycle.ts), who took the initiative of
 * the enrolment, the candidate's sex, and their French labels. Pure code.
 */

/**
 * Lifecycle states, steps 0–3 of docs/domain.md then « prêt pour le jury », and what the jury
 * decided (step 4). `withdrawn`, `transferred`, `awarded`, `partially_awarded` and `refused`
 * end a candidacy.
 */
export const CANDIDACY_STATUSES = [
  'enrolled',
  'positioning',
  'pathway',
  'assessment',
  'ready_for_jury',
  'on_hold',
  'withdrawn',
  'transferred',
  'awarded',
  'partially_awarded',
  'refused',
] as const;
export type CandidacyStatus = (typeof CANDIDACY_STATUSES)[number];

export const CANDIDACY_STATUS_LABELS: Readonly<Record<CandidacyStatus, string>> = {
  enrolled: 'Inscrit·e',
  positioning: 'Positionnement',
  pathway: 'Parcours individualisé',
  assessment: 'Évaluation',
  ready_for_jury: 'Prêt·e pour le jury',
  on_hold: 'En pause',
  withdrawn: 'Abandon',
  transferred: 'Transféré·e vers un autre organisme',
  awarded: 'Certifié·e',
  partially_awarded: 'Blocs validés',
  refused: 'Non certifié·e',
};

/** What moves a candidacy from one state to another. */
export const CANDIDACY_EVENTS = [
  'start_positioning',
  'start_pathway',
  'start_assessment',
  'mark_ready_for_jury',
  'put_on_hold',
  'resume',
  'withdraw',
  'transfer',
  'award',
  'award_partially',
  'refuse',
  'reopen_for_jury',
] as const;
export type CandidacyEvent = (typeof CANDIDACY_EVENTS)[number];

/**
 * Events only a jury's decisions apply (closing a session, or correcting a decision after it):
 * never asked for through the candidacy's transitions.
 */
export const JURY_EVENTS = ['award', 'award_partially', 'refuse', 'reopen_for_jury'] as const;
export type JuryEvent = (typeof JURY_EVENTS)[number];

/** The events people ask for on a candidacy (`POST …/transitions`). */
export const MANUAL_CANDIDACY_EVENTS = CANDIDACY_EVENTS.filter(
  (event): event is Exclude<CandidacyEvent, JuryEvent> => !(JURY_EVENTS as readonly string[]).includes(event),
);
export type ManualCandidacyEvent = Exclude<CandidacyEvent, JuryEvent>;

export const CANDIDACY_EVENT_LABELS: Readonly<Record<CandidacyEvent, string>> = {
  start_positioning: 'Commencer le positionnement',
  start_pathway: 'Commencer le parcours individualisé',
  start_assessment: 'Passer à l’évaluation',
  mark_ready_for_jury: 'Déclarer prêt·e pour le jury',
  put_on_hold: 'Mettre en pause',
  resume: 'Reprendre',
  withdraw: 'Enregistrer un abandon',
  transfer: 'Transférer vers un autre organisme',
  award: 'Certification décernée par le jury',
  award_partially: 'Blocs validés par le jury',
  refuse: 'Certification refusée par le jury',
  reopen_for_jury: 'Renvoi devant un jury (décision corrigée)',
};

/** Who asked for the enrolment (mapped later to the CDC's `initiativeInscription`). */
export const CANDIDACY_INITIATIVES = [
  'candidate',
  'employer',
  'training_organisation',
  'cpne',
  'france_travail',
  'other',
] as const;
export type CandidacyInitiative = (typeof CANDIDACY_INITIATIVES)[number];

export const CANDIDACY_INITIATIVE_LABELS: Readonly<Record<CandidacyInitiative, string>> = {
  candidate: 'Le candidat ou la candidate',
  employer: 'L’employeur',
  training_organisation: 'L’organisme de formation',
  cpne: 'La CPNE',
  france_travail: 'France Travail',
  other: 'Autre',
};

/** Sex as the national identity register (and the CDC) records it. */
export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];

/** The route a candidate paying alone takes: no funding check, only the certification's legal existence. */
export const SELF_FUNDED_ROUTE = 'self_funded';
export const SELF_FUNDED_LABEL = 'Financement personnel';
