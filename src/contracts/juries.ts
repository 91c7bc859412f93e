/**
 * National joint juries (« jurys paritaires nationaux », step 4 of docs/domain.md) as the server
 * and the web app name them: colleges, members' roles and presence, session states, decision
 * outcomes, award kinds, and their French labels. The rules that use them live in
 * src/modules/candidates/domain/jury-*.ts. Pure code.
 */

/** The two colleges of a joint (paritaire) jury. */
export const COLLEGES = ['employers', 'employees'] as const;
export type College = (typeof COLLEGES)[number];

export const COLLEGE_LABELS: Readonly<Record<College, string>> = {
  employers: 'Collège employeurs',
  employees: 'Collège salariés',
};

/** A member's role in one session: one president, the others members. */
export const JURY_MEMBER_ROLES = ['president', 'member'] as const;
export type JuryMemberRole = (typeof JURY_MEMBER_ROLES)[number];

export const JURY_MEMBER_ROLE_LABELS: Readonly<Record<JuryMemberRole, string>> = {
  president: 'Président·e',
  member: 'Membre',
};

/** Attendance recorded on the day. */
export const PRESENCES = ['present', 'remote', 'absent'] as const;
export type Presence = (typeof PRESENCES)[number];

export const PRESENCE_LABELS: Readonly<Record<Presence, string>> = {
  present: 'Présent·e',
  remote: 'À distance',
  absent: 'Absent·e',
};

/**
 * A session's states: planned (convened) → deliberating (quorum reached) → minutes (generated,
 * being signed) → sealed (signed by those the rules require, sealed with the platform's key) →
 * closed (awards created); cancelled before any decision.
 */
export const JURY_STATUSES = ['planned', 'deliberating', 'minutes', 'sealed', 'closed', 'cancelled'] as const;
export type JuryStatus = (typeof JURY_STATUSES)[number];

export const JURY_STATUS_LABELS: Readonly<Record<JuryStatus, string>> = {
  planned: 'Convoqué',
  deliberating: 'En délibération',
  minutes: 'Procès-verbal à signer',
  sealed: 'Procès-verbal signé',
  closed: 'Clos',
  cancelled: 'Annulé',
};

/** What the jury decides for a candidacy. */
export const JURY_OUTCOMES = ['full', 'partial', 'refused', 'absent', 'deferred'] as const;
export type JuryOutcome = (typeof JURY_OUTCOMES)[number];

export const JURY_OUTCOME_LABELS: Readonly<Record<JuryOutcome, string>> = {
  full: 'Certification obtenue',
  partial: 'Validation partielle (par blocs)',
  refused: 'Non obtenue',
  absent: 'Absent·e',
  deferred: 'Décision ajournée',
};

/** Who posts a decision: the session's president, or branch staff acting as secretary. */
export const DECISION_AUTHORS = ['president', 'secretary'] as const;
export type DecisionAuthor = (typeof DECISION_AUTHORS)[number];

/** What a closed session awards: the whole certification, or some of its blocs. */
export const AWARD_KINDS = ['full', 'partial'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];

export const AWARD_KIND_LABELS: Readonly<Record<AwardKind, string>> = {
  full: 'Certification complète',
  partial: 'Blocs de compétences',
};
