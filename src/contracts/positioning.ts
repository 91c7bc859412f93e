/**
 * Positioning (« positionnement ») as the server and the web app name it: where a candidate
 * stands on each competency, the two sides that position (the candidate first, the training
 * organisation's decision counts), where a bloc already acquired comes from, what a bloc's
 * summary says, and their French labels. Pure code.
 */
export const POSITIONING_LEVELS = ['held', 'partly', 'to_acquire'] as const;
export type PositioningLevel = (typeof POSITIONING_LEVELS)[number];

export const POSITIONING_LEVEL_LABELS: Readonly<Record<PositioningLevel, string>> = {
  held: 'Acquise',
  partly: 'Partiellement acquise',
  to_acquire: 'À acquérir',
};

/** `self`: the candidate's own positioning; `organisation`: the decision that counts. */
export const POSITIONING_SIDES = ['self', 'organisation'] as const;
export type PositioningSide = (typeof POSITIONING_SIDES)[number];

export const CARRIED_BLOC_SOURCES = ['earlier_partial_award', 'equivalence'] as const;
export type CarriedBlocSource = (typeof CARRIED_BLOC_SOURCES)[number];

export const CARRIED_BLOC_SOURCE_LABELS: Readonly<Record<CarriedBlocSource, string>> = {
  earlier_partial_award: 'Validation partielle antérieure',
  equivalence: 'Équivalence (correspondance du répertoire)',
};

/**
 * How a bloc of another certification's partial award was carried (issue 13, point 5): an
 * equivalence declared by a branch, or a CORRESPONDANCES entry of the registry's fiches.
 */
export const CARRIED_THROUGH_KINDS = ['declared_equivalence', 'registry_correspondence'] as const;
export type CarriedThroughKind = (typeof CARRIED_THROUGH_KINDS)[number];

export const CARRIED_THROUGH_LABELS: Readonly<Record<CarriedThroughKind, string>> = {
  declared_equivalence: 'équivalence déclarée par la branche',
  registry_correspondence: 'correspondance du répertoire',
};

/**
 * A bloc's state after positioning: `carried` (acquired earlier, counts as acquired),
 * `acquired` (every competency held, as decided), `to_acquire` (decided, with gaps),
 * `pending` (a competency not decided yet).
 */
export const BLOC_POSITIONING_STATES = ['carried', 'acquired', 'to_acquire', 'pending'] as const;
export type BlocPositioningState = (typeof BLOC_POSITIONING_STATES)[number];

export const BLOC_POSITIONING_STATE_LABELS: Readonly<Record<BlocPositioningState, string>> = {
  carried: 'Acquis antérieurement',
  acquired: 'Acquis',
  to_acquire: 'À acquérir',
  pending: 'Positionnement en cours',
};
