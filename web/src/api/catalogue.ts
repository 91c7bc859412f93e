/**
 * The catalogue API's resources, as the web app reads them: aliases of the types generated
 * from /openapi.json (tag catalogue).
 */
import type { Answer, RequestBody, Schemas } from './types';

export type BranchRef = Schemas['BranchRef'];
export type Branch = Schemas['Branch'];
export type Organisation = Schemas['Organisation'];

/** Recognition on a date, with its registration when there is one. */
export type Recognition = Schemas['Recognition'];
export type RecognitionStatus = Recognition['status'];
/** Recognition as a search result gives it: today's status, with the level and number if any. */
export type RecognitionBrief = Schemas['SearchItem']['recognition'];
export type RecognitionEvent = Schemas['RecognitionEvent'];
export type RecognitionEventType = RecognitionEvent['type'];
export type RecognitionPeriod = Schemas['RecognitionPeriod'];

export type SearchItem = Schemas['SearchItem'];
export type SearchResult = Schemas['SearchResult'];

/** The three référentiels of a certification, as one document (framework version content). */
export type Framework = Schemas['Framework'];
export type AssessmentMethod = Framework['assessment']['competencies'][number]['methods'][number];
export type BlocRule = Framework['assessment']['blocRules'][number]['rule'];

/** The public fiche of a certification (GET /api/v1/certifications/:id). */
export type Certification = Schemas['Certification'];
export type CertificationKind = Certification['kind'];
export type TrainingOrganisation = Schemas['TrainingOrganisation'];

/** What POST and PUT /api/v1/certifications take (the form fills every field). */
export type CertificationInput = Required<RequestBody<'/api/v1/certifications', 'post'>>;

export type VersionSummary = Schemas['FrameworkVersionSummary'];
export type VersionStatus = VersionSummary['status'];
export type Version = Schemas['FrameworkVersion'];
export type FrameworkChange = Schemas['FrameworkChange'];
export type VersionsDiff = Answer<'/api/v1/certifications/{id}/versions-diff'>;

export type Habilitation = Schemas['Habilitation'];
export type HabilitationKind = Habilitation['kind'];
export type Habilitated = Schemas['Habilitated'];

export const RECOGNITION_EVENT_TYPES = [
  'created',
  'transmitted',
  'rncp_registered',
  'rs_registered',
  'withdrawn',
  'replaced',
] as const satisfies readonly RecognitionEventType[];

export const ASSESSMENT_METHODS = [
  'mise_en_situation',
  'observation_en_situation_de_travail',
  'entretien',
  'dossier',
  'qcm',
  'etude_de_cas',
] as const satisfies readonly AssessmentMethod[];

export const ORGANISATION_HABILITATIONS = [
  'train',
  'assess',
  'train_and_assess',
] as const satisfies readonly HabilitationKind[];
export const PERSON_HABILITATIONS = [
  'evaluator',
  'jury_member',
] as const satisfies readonly HabilitationKind[];
export type PersonHabilitation = (typeof PERSON_HABILITATIONS)[number];
