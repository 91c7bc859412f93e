import {
  CERTIFICATION_STATUS_LABELS,
  CERTIFICATION_STATUSES,
  type CertificationStatus,
  type RecognitionStatus,
} from '../../../contracts/catalogue.js';

export { CERTIFICATION_STATUS_LABELS, CERTIFICATION_STATUSES, type CertificationStatus };

/**
 * A certification's place in the catalogue (docs/catalogue.md, « Cycle de vie »):
 * - `draft`: being prepared; seen only by its branches' staff (admins, managers and OPCO
 *   advisors of an owning branch), as an unknown id by anyone else;
 * - `active`: public, open to candidacies — reached once a framework version is published and
 *   the certification has a legal existence (see `missingForActivation`);
 * - `retired`: no new candidacy, kept public with its history. Final.
 *
 * Not its recognition: a `withdrawn` recognition event (France compétences' decision) changes
 * what the certification is worth on a date; retiring it is the branch taking it off its offer.
 */
export const CERTIFICATION_TRANSITIONS = {
  draft: { activate: 'active' },
  active: { retire: 'retired' },
  retired: {},
} as const satisfies Record<CertificationStatus, Record<string, CertificationStatus>>;

export const CERTIFICATION_ACTIONS = ['activate', 'retire'] as const;
export type CertificationAction = (typeof CERTIFICATION_ACTIONS)[number];

/** The status after `action`, or null when a certification in `status` cannot take it. */
export function nextCertificationStatus(
  status: CertificationStatus,
  action: CertificationAction,
): CertificationStatus | null {
  const row: Partial<Record<CertificationAction, CertificationStatus>> = CERTIFICATION_TRANSITIONS[status];
  return row[action] ?? null;
}

/** Why a transition is refused, in words (409). */
export function transitionRefusal(status: CertificationStatus, action: CertificationAction): string {
  if (status === 'retired')
    return action === 'retire'
      ? 'Cette certification est déjà retirée du catalogue.'
      : 'Cette certification est retirée du catalogue : elle ne peut pas y revenir.';
  if (status === 'active') return 'Cette certification est déjà au catalogue.';
  return 'Cette certification est un brouillon : elle n’est pas au catalogue, elle ne peut pas en être retirée.';
}

/** Anyone may read it (the public catalogue); a draft is for its branches' staff only. */
export function isPublic(status: CertificationStatus): boolean {
  return status !== 'draft';
}

/** Whether a new candidacy may be opened on it (retired: no; draft: not yet). */
export function acceptsCandidacies(status: CertificationStatus): boolean {
  return status === 'active';
}

/** What activation requires, each checked on the day of the activation. */
export const ACTIVATION_REQUIREMENTS = ['published_framework', 'legal_existence'] as const;
export type ActivationRequirement = (typeof ACTIVATION_REQUIREMENTS)[number];

export const ACTIVATION_MISSING: Readonly<Record<ActivationRequirement, string>> = {
  published_framework:
    'Aucune version des référentiels n’est publiée : publiez-en une (onglet « Référentiels »).',
  legal_existence:
    'La certification n’a pas d’existence légale à cette date : enregistrez sa transmission à France compétences (onglet « Reconnaissance »).',
};

/**
 * What keeps a draft from being activated: no published framework version, or no legal
 * existence on the date (its recognition, derived from its events, is `none`: never
 * transmitted, or withdrawn or replaced). Empty when it may be activated.
 */
export function missingForActivation(facts: {
  publishedFramework: boolean;
  recognition: RecognitionStatus;
}): ActivationRequirement[] {
  return ACTIVATION_REQUIREMENTS.filter((r) =>
    r === 'published_framework' ? !facts.publishedFramework : facts.recognition === 'none',
  );
}
