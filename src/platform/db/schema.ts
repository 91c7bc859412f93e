import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The database as Kysely sees it. One interface per table; the migrations in
 * `migrations/` are the source of truth and this file follows them.
 */
/** Insert type admits undefined: such columns have a database default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BranchesTable {
  id: Generated<string>;
  name: string;
  idcc: ColumnType<string[], string[] | undefined, string[]>;
  opco: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CpneMembersTable {
  id: Generated<string>;
  branch_id: string;
  college: 'employers' | 'employees';
  person_name: string;
  organisation_name: string;
  created_at: Timestamp;
}

export interface OrganisationsTable {
  id: Generated<string>;
  kind: 'training_org' | 'employer' | 'assessment_centre' | 'opco';
  name: string;
  siret: string | null;
  nda_number: string | null;
  /** 'YYYY-MM-DD': the Qualiopi certificate's issue date, never after its expiry. */
  qualiopi_issued_on: string | null;
  /** 'YYYY-MM-DD' */
  qualiopi_expires_on: string | null;
  idcc: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface CertificationsTable {
  id: Generated<string>;
  kind: 'CQP' | 'CQPI';
  code: string;
  title: string;
  description: Generated<string>;
  jobs_targeted: Generated<string>;
  legal_owner_name: string;
  legal_owner_siret: string;
  rome_codes: TextArray;
  nsf_codes: TextArray;
  formacode_codes: TextArray;
  /** Lifecycle (catalogue/domain/lifecycle.ts): new ones are drafts. */
  status: Generated<'draft' | 'active' | 'retired'>;
  search_document: ColumnType<unknown, never, never>;
  search_title: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CertificationBranchesTable {
  certification_id: string;
  branch_id: string;
}

export interface CoOwnershipInvitationsTable {
  id: Generated<string>;
  certification_id: string;
  branch_id: string;
  status: Generated<'pending' | 'accepted' | 'declined' | 'withdrawn'>;
  invited_by: string | null;
  invited_at: Timestamp;
  answered_by: string | null;
  answered_at: NullableTimestamp;
}

export interface RecognitionEventsTable {
  id: Generated<string>;
  certification_id: string;
  type: 'created' | 'transmitted' | 'rncp_registered' | 'rs_registered' | 'withdrawn' | 'replaced';
  /** Calendar dates are 'YYYY-MM-DD' strings. */
  date: string;
  number: string | null;
  level: number | null;
  valid_from: string | null;
  valid_to: string | null;
  reference: string | null;
  successor_id: string | null;
  created_at: Timestamp;
}

export interface RecognitionPeriodsTable {
  certification_id: string;
  valid_from: string;
  valid_to: string | null;
  status: 'none' | 'branch_only' | 'rncp' | 'rs';
  number: string | null;
  level: number | null;
}

export interface FrameworkVersionsTable {
  id: Generated<string>;
  certification_id: string;
  number: number;
  status: 'draft' | 'published';
  content: Json;
  based_on_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
}

export interface HabilitationsTable {
  id: Generated<string>;
  certification_id: string;
  organisation_id: string | null;
  user_id: string | null;
  kind: 'train' | 'assess' | 'train_and_assess' | 'evaluator' | 'jury_member';
  valid_from: string;
  valid_to: string;
  created_at: Timestamp;
  /** Jury members only (migration 0016): their college and who designated them. */
  college: ColumnType<'employers' | 'employees' | null, 'employers' | 'employees' | null | undefined>;
  designated_by: ColumnType<string | null, string | null | undefined>;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  branch_id: string | null;
  organisation_id: string | null;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  csrf_token: string;
  user_id: string;
  method: 'password' | 'oidc';
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  account_key: string;
  ip_key: string;
  at: Timestamp;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface OidcLoginStatesTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  expires_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  body_text: string;
  transport: 'outbox' | 'smtp';
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  error: string | null;
  /** `[{filename, contentType, content}]` (migration 0018). */
  attachments: ColumnType<unknown, string | undefined, string>;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  diff: Json;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface CatalogueGenerationTable {
  id: number;
  value: number;
}

export type RegistryRunStatus = 'running' | 'succeeded' | 'failed';

export interface RegistryImportRunsTable {
  id: Generated<string>;
  file_name: string;
  file_type: 'xml' | 'xml-zip' | 'csv-zip' | null;
  kind: 'RNCP' | 'RS' | 'MIXED' | null;
  version: string | null;
  status: RegistryRunStatus;
  started_at: Timestamp;
  updated_at: Timestamp;
  /** Written every few seconds by the importing process while it runs (database clock). */
  heartbeat_at: Timestamp;
  ended_at: NullableTimestamp;
  bytes_total: Generated<number>;
  bytes_read: Generated<number>;
  fiches_read: Generated<number>;
  new_count: Generated<number>;
  changed_count: Generated<number>;
  unchanged_count: Generated<number>;
  removed_count: Generated<number>;
  rejected_count: Generated<number>;
  alerts_count: Generated<number>;
  error_message: string | null;
  error_details: ColumnType<unknown, string | null | undefined, string | null>;
  actor_user_id: string | null;
  actor_label: string;
}

/** Columns shared by the live fiches and the staging area. */
interface RegistryFicheColumns {
  numero: string;
  registry: 'RNCP' | 'RS';
  title: string;
  abbreviation: string | null;
  state: string | null;
  active: boolean;
  registration_type: string | null;
  /** Calendar dates are 'YYYY-MM-DD' strings. */
  decision_date: string | null;
  start_date: string | null;
  end_date: string | null;
  level: number | null;
  hash: string;
  fiche: Json;
  search_document: ColumnType<unknown, never, never>;
  search_title: string;
}

export interface RegistryFichesTable extends RegistryFicheColumns {
  present: Generated<boolean>;
  created_run_id: string | null;
  changed_run_id: string | null;
  removed_run_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RegistryStagingTable extends RegistryFicheColumns {
  run_id: string;
}

export interface CertificationRegistryLinksTable {
  certification_id: string;
  numero: string;
  created_at: Timestamp;
}

export type RegistryAlertKind =
  | 'registration_ended'
  | 'registration_differs'
  | 'title_differs'
  | 'successor'
  | 'fiche_missing';

export interface RegistryAlertsTable {
  id: Generated<string>;
  certification_id: string;
  numero: string;
  kind: RegistryAlertKind;
  details: Json;
  status: 'open' | 'applied' | 'dismissed';
  created_run_id: string | null;
  created_at: Timestamp;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
  resolution: string | null;
  reason: string | null;
}

export type JobState = 'pending' | 'running' | 'done' | 'dead' | 'cancelled';

/** Background jobs (platform/jobs, migration 0008): payloads hold ids, never personal data. */
export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: Json;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  idempotency_key: string | null;
  locked_by: string | null;
  locked_until: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: NullableTimestamp;
}

/**
 * Every certificate the platform's seal has used (platform/seal, migration 0026): a PDF sealed
 * with any of them is the platform's. Locked but `last_loaded_at`.
 */
export interface SealCertificatesTable {
  /** SHA-256 of the certificate's DER, lowercase hex. */
  fingerprint: string;
  subject: string;
  issuer: string;
  serial_number: string;
  not_before: ColumnType<Date, Date | string, never>;
  not_after: ColumnType<Date, Date | string, never>;
  /** The certificate, DER. */
  certificate: ColumnType<Uint8Array, Uint8Array, never>;
  first_used_at: ColumnType<Date, Date | string | undefined, never>;
  last_loaded_at: Timestamp;
}

/** A candidate's identity (candidates module, migration 0007); the NIR only encrypted. */
export interface CandidatesTable {
  id: Generated<string>;
  birth_name: string;
  usage_name: string | null;
  first_names: TextArray;
  sex: 'F' | 'M';
  birth_year: number;
  birth_month: number | null;
  birth_day: number | null;
  birth_commune_insee: string | null;
  birth_country_insee: string | null;
  email: string | null;
  phone: string | null;
  address: ColumnType<unknown, string | null | undefined, string | null>;
  /** platform/crypto envelope, context `candidates.nir:<id>`. */
  nir_encrypted: string | null;
  identity_key: string;
  email_key: string | null;
  identity_warnings: ColumnType<unknown, string | undefined, string>;
  user_id: string | null;
  merged_into_id: string | null;
  /** Keyed hash of the normalised NIR (platform/crypto `keyedHash`), for duplicates (migration 0014). */
  nir_hash: string | null;
  /** When the identity was erased after the retention period (migration 0014). */
  anonymised_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When the civil identity the CDC matches last really changed (migration 0023). */
  identity_changed_at: Timestamp;
}

export type CandidacyStatusColumn =
  | 'enrolled'
  | 'positioning'
  | 'pathway'
  | 'assessment'
  | 'ready_for_jury'
  | 'on_hold'
  | 'withdrawn'
  | 'transferred'
  | 'awarded'
  | 'partially_awarded'
  | 'refused';

export interface CandidaciesTable {
  id: Generated<string>;
  candidate_id: string;
  certification_id: string;
  framework_version_id: string;
  framework_version_number: number;
  whole_certification: boolean;
  bloc_codes: TextArray;
  route: string;
  situation: ColumnType<unknown, string | null | undefined, string | null>;
  eligibility: Json;
  training_organisation_id: string;
  employer_id: string | null;
  funders: ColumnType<string[], string[] | undefined, string[]>;
  /** 'YYYY-MM-DD' */
  enrolled_on: string;
  initiative: 'candidate' | 'employer' | 'training_organisation' | 'cpne' | 'france_travail' | 'other';
  status: ColumnType<CandidacyStatusColumn, CandidacyStatusColumn | undefined, CandidacyStatusColumn>;
  held_from: CandidacyStatusColumn | null;
  transferred_from_id: string | null;
  transferred_to_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CandidacyStatusHistoryTable {
  id: Generated<number>;
  candidacy_id: string;
  event: string;
  from_status: CandidacyStatusColumn | null;
  to_status: CandidacyStatusColumn;
  reason: string | null;
  details: ColumnType<unknown, string | null | undefined, string | null>;
  actor_user_id: string | null;
  at: Timestamp;
}

/** How many candidacies each group has (migration 0015, kept by triggers on candidacies). */
export interface CandidacyCountsTable {
  certification_id: string;
  training_organisation_id: string;
  employer_id: string | null;
  status: CandidacyStatusColumn;
  n: number;
}

export interface PositioningDecisionsTable {
  candidacy_id: string;
  competency_code: string;
  side: 'self' | 'organisation';
  level: 'held' | 'partly' | 'to_acquire';
  comment: string | null;
  decided_by: string | null;
  decided_at: Timestamp;
}

export interface PositioningEvidenceTable {
  id: Generated<string>;
  candidacy_id: string;
  competency_code: string | null;
  file_id: string;
  file_name: string;
  size: number;
  sha256: string;
  media_type: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface CarriedBlocsTable {
  candidacy_id: string;
  bloc_code: string;
  source: 'earlier_partial_award' | 'equivalence';
  reference: string | null;
  correspondence: ColumnType<unknown, string | null | undefined, string | null>;
  recorded_by: string | null;
  recorded_at: Timestamp;
  /** Carried from another certification's award: through which equivalence (migration 0022). */
  carried_through: ColumnType<unknown, string | null | undefined, string | null>;
}

export type CandidacyLinkKindColumn = 'trainer' | 'tutor' | 'employer' | 'other';

export interface CandidacyLinksTable {
  candidacy_id: string;
  kind: CandidacyLinkKindColumn;
  user_id: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface AssessmentsTable {
  id: Generated<string>;
  candidacy_id: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  bloc_codes: string[];
  second_assessor: ColumnType<unknown, string | null | undefined, string | null>;
  scheduled_by: string | null;
  scheduled_at: Timestamp;
  /** Cancellation (migration 0013). */
  cancelled_at: NullableTimestamp;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

export interface AssessmentEvaluatorsTable {
  assessment_id: string;
  evaluator_user_id: string;
}

/** A version of a session's result for one bloc (migration 0013): a signed one is locked. */
export interface AssessmentResultsTable {
  id: Generated<string>;
  assessment_id: string;
  bloc_code: string;
  version: number;
  replaces_id: string | null;
  correction_reason: string | null;
  /** Per `competency/criterion`: `{met: boolean | null, comment: string | null}`. */
  marks: ColumnType<unknown, string | undefined, string>;
  /** Frozen at signature: `[{code, result}]`. */
  competency_results: ColumnType<unknown, string | null | undefined, string | null>;
  proposal: 'acquired' | 'not_acquired' | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  signed_by: string | null;
  signed_at: NullableTimestamp;
  superseded_at: NullableTimestamp;
}

/** Edits and cancellation of a session (migration 0013). */
export interface AssessmentHistoryTable {
  id: Generated<string>;
  assessment_id: string;
  kind: 'edit' | 'cancel';
  before: ColumnType<unknown, string, string>;
  after: ColumnType<unknown, string, string>;
  reason: string | null;
  actor_user_id: string | null;
  at: Timestamp;
}

export interface PathwaysTable {
  candidacy_id: string;
  revision: ColumnType<number, number | undefined, number>;
  origin: 'generated' | 'edited';
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface PathwayModulesTable {
  id: Generated<string>;
  candidacy_id: string;
  position: number;
  bloc_code: string;
  kind: 'training' | 'work_situation' | 'vae';
  title: string;
  competency_codes: TextArray;
  /** numeric: read as a string. */
  hours: ColumnType<string | null, number | null | undefined, number | null>;
  /** 'YYYY-MM-DD' */
  starts_on: string | null;
  ends_on: string | null;
  organisation_id: string | null;
  description: string | null;
  tutor_user_id: string | null;
  tutor_name: string | null;
  due_on: string | null;
}

export interface PathwayAcknowledgementsTable {
  candidacy_id: string;
  party: 'candidate' | 'employer';
  revision: number;
  acknowledged_by: string;
  acknowledged_at: Timestamp;
}

/** Composition rules of a branch's juries, one row per version (migration 0016; append-only). */
export interface JuryRulesTable {
  id: Generated<string>;
  branch_id: string;
  /** Set: the rules a branch set for a CQPI it co-owns. */
  certification_id: string | null;
  effective_from: string;
  /** `JuryRules` of candidates/domain/jury-rules.ts. */
  content: Json;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface JuryRuleAcceptancesTable {
  rules_id: string;
  branch_id: string;
  accepted_by: string | null;
  accepted_at: Timestamp;
}

export type JuryStatusColumn = 'planned' | 'deliberating' | 'minutes' | 'sealed' | 'closed' | 'cancelled';

export interface JuriesTable {
  id: Generated<string>;
  convening_branch_id: string;
  rules_id: string;
  date: string;
  /** `HH:MM:SS`, or null when only the day is set. */
  starts_at: string | null;
  place: string | null;
  remote: Generated<boolean>;
  status: ColumnType<JuryStatusColumn, JuryStatusColumn | undefined, JuryStatusColumn>;
  deliberation_opened_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  closed_by: string | null;
  cancelled_at: NullableTimestamp;
  cancelled_by: string | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JuryCertificationsTable {
  jury_id: string;
  certification_id: string;
}

export interface JuryMembersTable {
  jury_id: string;
  user_id: string;
  role: 'president' | 'member';
  college: 'employers' | 'employees';
  designated_by: string | null;
  presence: 'present' | 'remote' | 'absent' | null;
  presence_recorded_by: string | null;
  presence_recorded_at: NullableTimestamp;
  convened_at: NullableTimestamp;
}

export interface JuryCandidaciesTable {
  jury_id: string;
  candidacy_id: string;
  attached_by: string | null;
  attached_at: Timestamp;
}

/** Append-only (trigger): a correction is a new row naming the one it replaces. */
export interface JuryDecisionsTable {
  id: Generated<string>;
  jury_id: string;
  candidacy_id: string;
  /** `[{code, validated, carried}]`. */
  blocs: Json;
  outcome: 'full' | 'partial' | 'refused' | 'absent' | 'deferred';
  reasons: string | null;
  recommendations: string | null;
  /** `{for, against, abstain}` or null. */
  votes: ColumnType<unknown, string | null | undefined, string | null>;
  deliberating_members: ColumnType<string[], string[] | undefined, string[]>;
  excluded_members: ColumnType<string[], string[] | undefined, string[]>;
  replaces_id: string | null;
  correction_reason: string | null;
  posted_by: string;
  posted_as: 'president' | 'secretary';
  posted_at: Timestamp;
}

export interface JuryMinutesTable {
  id: Generated<string>;
  jury_id: string;
  version: number;
  pdf: Uint8Array;
  sha256: string;
  decision_ids: string[];
  generated_by: string | null;
  generated_at: Timestamp;
  invalidated_at: NullableTimestamp;
  invalidated_reason: string | null;
  sealed_pdf: Uint8Array | null;
  sealed_sha256: string | null;
  sealed_at: NullableTimestamp;
}

export interface JuryMinutesSignaturesTable {
  minutes_id: string;
  user_id: string;
  role: 'president' | 'member';
  sha256: string;
  signed_at: Timestamp;
}

export interface AwardCountersTable {
  certification_id: string;
  year: number;
  last: number;
}

export interface AwardsTable {
  id: Generated<string>;
  /** e.g. `CQP-APS-2026-000123`. */
  number: string;
  certification_id: string;
  year: number;
  sequence: number;
  candidacy_id: string;
  candidate_id: string;
  jury_id: string;
  decision_id: string;
  kind: 'full' | 'partial';
  awarded_on: string;
  /** `[{code, validUntil: YYYY-MM-DD | null}]` (null: for life). */
  blocs: Json;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  revoke_reason: string | null;
  successor_id: string | null;
  created_at: Timestamp;
  /** `XXXX-XXXX-XXXX`, Crockford base32 (migration 0020). */
  verification_code: string;
  /** The award's bit in the Bitstring Status Lists (from a sequence). */
  status_list_index: Generated<number>;
  suspended_at: NullableTimestamp;
  suspended_by: string | null;
  suspend_reason: string | null;
}

/** Append-only history of an award's status (migration 0020). */
export interface AwardStatusEventsTable {
  id: Generated<string>;
  award_id: string;
  event: 'revoke' | 'suspend' | 'reinstate';
  reason: string | null;
  actor: string | null;
  at: Timestamp;
}

/** An Ed25519 key of the did:web issuer (migration 0020; module credentials). */
export interface IssuerKeysTable {
  id: Generated<string>;
  /** The fragment of the verification method in the DID document (after `#`). */
  verification_method_id: string;
  public_key_multibase: string;
  /** Encrypted at rest (platform/crypto/encryption.ts, context `issuer_keys.private_key:<id>`). */
  private_key_encrypted: string;
  created_at: Timestamp;
  retired_at: NullableTimestamp;
}

/** An award's signed credential, the exact text served (migration 0020; module credentials). */
export interface AwardCredentialsTable {
  award_id: string;
  credential: string;
  issuer_key_id: string;
  created_at: Timestamp;
}

/** A reminder sent to a branch for a candidacy waiting for a jury (migration 0019). */
export interface JuryRemindersTable {
  candidacy_id: string;
  branch_id: string;
  waiting_since: string;
  period: number;
  after_days: number;
  reminded_on: string;
  reminded_at: Timestamp;
}

export interface BlocEquivalencesTable {
  id: Generated<string>;
  from_certification_id: string;
  from_bloc_code: string;
  to_certification_id: string;
  to_bloc_code: string;
  declared_by_branch_id: string;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** What the CDC gave a certifier (a legal owner of certifications; migration 0021). */
export interface CdcCertifiersTable {
  siret: string;
  name: string;
  client_id: string;
  contract_id: string;
  xsd_version: ColumnType<'1.1.2' | '1.1.5', '1.1.2' | '1.1.5' | undefined, '1.1.2' | '1.1.5'>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** One flux to the CDC, as offered (validated against the XSD before it was stored). */
export interface CdcDepositsTable {
  id: Generated<string>;
  certifier_siret: string;
  branch_id: string | null;
  id_flux: string;
  file_name: string;
  xsd_version: string;
  /** Null once erased (a holder in it anonymised: migration 0024). */
  flux: string | null;
  flux_erased_at: NullableTimestamp;
  flux_sha256: string;
  passages: number;
  created_by: string | null;
  created_at: Timestamp;
  report_imported_at: NullableTimestamp;
  report_id_traitement: string | null;
  report_error: string | null;
}

/** One award in a flux, keyed by its idTechnique, and the CDC's answer. */
export interface CdcPassagesTable {
  id_technique: string;
  deposit_id: string;
  award_id: string;
  attempt: number;
  result: ColumnType<
    'pending' | 'ok' | 'ko' | 'already',
    'pending' | 'ok' | 'ko' | 'already' | undefined,
    'pending' | 'ok' | 'ko' | 'already'
  >;
  message: string | null;
  reported_at: NullableTimestamp;
}

export interface Database {
  catalogue_generation: CatalogueGenerationTable;
  users: UsersTable;
  branches: BranchesTable;
  cpne_members: CpneMembersTable;
  certifications: CertificationsTable;
  certification_branches: CertificationBranchesTable;
  co_ownership_invitations: CoOwnershipInvitationsTable;
  recognition_events: RecognitionEventsTable;
  recognition_periods: RecognitionPeriodsTable;
  framework_versions: FrameworkVersionsTable;
  habilitations: HabilitationsTable;
  organisations: OrganisationsTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  password_reset_tokens: PasswordResetTokensTable;
  oidc_login_states: OidcLoginStatesTable;
  mail_outbox: MailOutboxTable;
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  seal_certificates: SealCertificatesTable;
  registry_import_runs: RegistryImportRunsTable;
  registry_fiches: RegistryFichesTable;
  registry_staging: RegistryStagingTable;
  certification_registry_links: CertificationRegistryLinksTable;
  registry_alerts: RegistryAlertsTable;
  candidates: CandidatesTable;
  candidacies: CandidaciesTable;
  candidacy_status_history: CandidacyStatusHistoryTable;
  candidacy_counts: CandidacyCountsTable;
  positioning_decisions: PositioningDecisionsTable;
  positioning_evidence: PositioningEvidenceTable;
  carried_blocs: CarriedBlocsTable;
  candidacy_links: CandidacyLinksTable;
  assessments: AssessmentsTable;
  assessment_evaluators: AssessmentEvaluatorsTable;
  assessment_results: AssessmentResultsTable;
  assessment_history: AssessmentHistoryTable;
  pathways: PathwaysTable;
  pathway_modules: PathwayModulesTable;
  pathway_acknowledgements: PathwayAcknowledgementsTable;
  jury_rules: JuryRulesTable;
  jury_rule_acceptances: JuryRuleAcceptancesTable;
  juries: JuriesTable;
  jury_certifications: JuryCertificationsTable;
  jury_members: JuryMembersTable;
  jury_candidacies: JuryCandidaciesTable;
  jury_decisions: JuryDecisionsTable;
  jury_minutes: JuryMinutesTable;
  jury_minutes_signatures: JuryMinutesSignaturesTable;
  award_counters: AwardCountersTable;
  awards: AwardsTable;
  bloc_equivalences: BlocEquivalencesTable;
  jury_reminders: JuryRemindersTable;
  award_status_events: AwardStatusEventsTable;
  issuer_keys: IssuerKeysTable;
  award_credentials: AwardCredentialsTable;
  cdc_certifiers: CdcCertifiersTable;
  cdc_deposits: CdcDepositsTable;
  cdc_passages: CdcPassagesTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
