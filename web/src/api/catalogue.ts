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
/** Draft (its branches only), active (public), retired (public, no new candidacy). */
export type CertificationStatus = Schemas['CertificationStatus'];
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

/** The catalogue's lists of values, shared with the server (src/contracts/catalogue.ts). */
export {
  ASSESSMENT_METHODS,
  ORGANISATION_HABILITATIONS,
  PERSON_HABILITATIONS,
  type PersonHabilitation,
  RECOGNITION_EVENT_TYPES,
} from '../../../src/contracts/catalogue';
