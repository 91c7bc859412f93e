/**
 * The catalogue's enumerations and their French names, shared by the server (zod enums, domain
 * types, workbook export) and the web app (forms, tables, filters). Pure code: no Node or
 * browser API. Each list is defined here once; the API's types reach the web app through
 * /openapi.json (web/src/api/schema.d.ts), the values and labels through this module.
 */

/** CQP: created by one branch; CQPI: interbranch, created by at least two. */
export const CERTIFICATION_KINDS = ['CQP', 'CQPI'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

/**
 * Where a certification stands in the catalogue (its lifecycle, src/modules/catalogue/domain/
 * lifecycle.ts): a draft is seen by its branches' staff only; an active one is public and open
 * to candidacies; a retired one stays public with its history but takes no new candidacy.
 * Not its recognition (derived from dated events: a `withdrawn` event is not a retirement).
 */
export const CERTIFICATION_STATUSES = ['draft', 'active', 'retired'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

export const CERTIFICATION_STATUS_LABELS: Readonly<Record<CertificationStatus, string>> = {
  draft: 'Brouillon',
  active: 'Au catalogue',
  retired: 'Retirée du catalogue',
};

/** Recognition of a certification on a date, derived from its events. */
export const RECOGNITION_STATUSES = ['none', 'branch_only', 'rncp', 'rs'] as const;
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];

export const RECOGNITION_LABELS: Readonly<Record<RecognitionStatus, string>> = {
  rncp: 'Inscrit au RNCP',
  rs: 'Inscrit au RS',
  branch_only: 'Reconnu par la branche',
  none: 'Non reconnu',
};

/** The dated events of a certification's life, from which its recognition is derived. */
export const RECOGNITION_EVENT_TYPES = [
  'created',
  'transmitted',
  'rncp_registered',
  'rs_registered',
  'withdrawn',
  'replaced',
] as const;
export type RecognitionEventType = (typeof RECOGNITION_EVENT_TYPES)[number];

export const RECOGNITION_EVENT_LABELS: Readonly<Record<RecognitionEventType, string>> = {
  created: 'Création par la branche (CPNE)',
  transmitted: 'Transmission à France compétences',
  rncp_registered: 'Inscription au RNCP',
  rs_registered: 'Inscription au RS',
  withdrawn: 'Retrait',
  replaced: 'Remplacement par une autre certification',
};

/** How a competency is assessed (référentiel d’évaluation). */
export const ASSESSMENT_METHODS = [
  'mise_en_situation',
  'observation_en_situation_de_travail',
  'entretien',
  'dossier',
  'qcm',
  'etude_de_cas',
] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

export const ASSESSMENT_METHOD_LABELS: Readonly<Record<AssessmentMethod, string>> = {
  mise_en_situation: 'Mise en situation professionnelle',
  observation_en_situation_de_travail: 'Observation en situation de travail',
  entretien: 'Entretien',
  dossier: 'Dossier',
  qcm: 'Questionnaire (QCM)',
  etude_de_cas: 'Étude de cas',
};

export const ORGANISATION_KINDS = ['training_org', 'employer', 'assessment_centre', 'opco'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Readonly<Record<OrganisationKind, string>> = {
  training_org: 'Organisme de formation',
  employer: 'Employeur',
  assessment_centre: 'Centre d’évaluation',
  opco: 'OPCO',
};

/** What an organisation may be habilitated for, for one certification. */
export const ORGANISATION_HABILITATIONS = ['train', 'assess', 'train_and_assess'] as const;
export type OrganisationHabilitation = (typeof ORGANISATION_HABILITATIONS)[number];
/** What a person may be habilitated as, for one certification. */
export const PERSON_HABILITATIONS = ['evaluator', 'jury_member'] as const;
export type PersonHabilitation = (typeof PERSON_HABILITATIONS)[number];
export type HabilitationKind = OrganisationHabilitation | PersonHabilitation;

export const HABILITATION_LABELS: Readonly<Record<HabilitationKind, string>> = {
  train: 'Former',
  assess: 'Organiser les évaluations',
  train_and_assess: 'Former et organiser les évaluations',
  evaluator: 'Évaluateur·rice',
  jury_member: 'Membre de jury',
};

export function isOrganisationHabilitation(kind: string): kind is OrganisationHabilitation {
  return (ORGANISATION_HABILITATIONS as readonly string[]).includes(kind);
}

export function isPersonHabilitation(kind: string): kind is PersonHabilitation {
  return (PERSON_HABILITATIONS as readonly string[]).includes(kind);
}
