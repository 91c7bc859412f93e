/** The catalogue API's resources, as the web app reads them (see /openapi.json, tag catalogue). */

export type CertificationKind = 'CQP' | 'CQPI';
export type RecognitionStatus = 'none' | 'branch_only' | 'rncp' | 'rs';

export type BranchRef = { id: string; name: string };

export type Branch = { id: string; name: string; idcc: string[]; opco: string | null };

/** Recognition as a search result gives it: today's status, with the level and number if any. */
export type RecognitionBrief = { status: RecognitionStatus; level?: number; number?: string };

/** Recognition on a date, with its registration when there is one. */
export type Recognition = {
  status: RecognitionStatus;
  registry?: 'RNCP' | 'RS';
  number?: string;
  level?: number;
  from?: string;
  to?: string;
};

export type SearchItem = {
  id: string;
  code: string;
  title: string;
  kind: CertificationKind;
  branches: BranchRef[];
  recognition: RecognitionBrief;
};

export type FacetCount<V> = { value: V; count: number };

export type SearchResult = {
  items: SearchItem[];
  total: number;
  page: number;
  pageSize: number;
  facets: {
    kind: FacetCount<string>[];
    level: FacetCount<number>[];
    recognition: FacetCount<string>[];
    branch: (FacetCount<string> & { label: string })[];
  };
};

export const RECOGNITION_EVENT_TYPES = [
  'created',
  'transmitted',
  'rncp_registered',
  'rs_registered',
  'withdrawn',
  'replaced',
] as const;
export type RecognitionEventType = (typeof RECOGNITION_EVENT_TYPES)[number];

export type RecognitionEvent = {
  id: string;
  type: RecognitionEventType;
  date: string;
  number?: string;
  level?: number;
  from?: string;
  to?: string;
  reference: string | null;
  successorId: string | null;
};

export type RecognitionPeriod = { from: string; to: string | null; recognition: Recognition };

export const ASSESSMENT_METHODS = [
  'mise_en_situation',
  'observation_en_situation_de_travail',
  'entretien',
  'dossier',
  'qcm',
  'etude_de_cas',
] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

export type BlocRule = { kind: 'all' } | { kind: 'n_of_m'; n: number };

/** The three référentiels of a certification, as one document (framework version content). */
export type Framework = {
  activities: {
    jobs: { title: string; romeCode?: string }[];
    activities: { code: string; title: string; workSituations: string[] }[];
  };
  competencies: {
    blocs: {
      code: string;
      title: string;
      competencies: { code: string; title: string; transversal: boolean; knowledge: string[] }[];
    }[];
  };
  assessment: {
    competencies: {
      competencyCode: string;
      methods: AssessmentMethod[];
      criteria: { code: string; text: string; indicators: string[] }[];
    }[];
    blocRules: { blocCode: string; rule: BlocRule }[];
  };
};

export type TrainingOrganisation = { id: string; name: string; habilitation: string; validTo: string };

/** The public fiche of a certification (GET /api/v1/certifications/:id). */
export type Certification = {
  id: string;
  kind: CertificationKind;
  code: string;
  title: string;
  description: string;
  jobsTargeted: string;
  branches: BranchRef[];
  legalOwner: { name: string; siret: string };
  romeCodes: string[];
  nsfCodes: string[];
  formacodeCodes: string[];
  recognition: Recognition;
  timeline: RecognitionPeriod[];
  events: RecognitionEvent[];
  framework: { number: number; publishedAt: string; content: Framework } | null;
  trainingOrganisations: TrainingOrganisation[];
};

/** What POST and PUT /api/v1/certifications take. */
export type CertificationInput = {
  kind: CertificationKind;
  code: string;
  title: string;
  branchIds: string[];
  legalOwner: { name: string; siret: string };
  romeCodes: string[];
  nsfCodes: string[];
  formacodeCodes: string[];
  description: string;
  jobsTargeted: string;
};

export type VersionStatus = 'draft' | 'published';

export type VersionSummary = {
  id: string;
  number: number;
  status: VersionStatus;
  basedOnId: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
};

export type Version = VersionSummary & { certificationId: string; content: Framework };

export type FrameworkChange = {
  kind: 'added' | 'removed' | 'changed';
  where: string;
  before?: unknown;
  after?: unknown;
};

export const ORGANISATION_HABILITATIONS = ['train', 'assess', 'train_and_assess'] as const;
export const PERSON_HABILITATIONS = ['evaluator', 'jury_member'] as const;
export type HabilitationKind =
  | (typeof ORGANISATION_HABILITATIONS)[number]
  | (typeof PERSON_HABILITATIONS)[number];

export type Habilitation = {
  id: string;
  kind: HabilitationKind;
  validFrom: string;
  validTo: string;
  organisationId: string | null;
  organisationName: string | null;
  userId: string | null;
  personName: string | null;
};

export type Organisation = {
  id: string;
  kind: 'training_org' | 'employer' | 'assessment_centre' | 'opco';
  name: string;
  siret: string;
};
