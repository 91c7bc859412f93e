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

/** An award's status (issue 14): derived from its revocation and suspension. */
export const AWARD_STATUSES = ['valid', 'revoked', 'suspended'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

export const AWARD_STATUS_LABELS: Readonly<Record<AwardStatus, string>> = {
  valid: 'Valide',
  revoked: 'Révoquée',
  suspended: 'Suspendue',
};

/**
 * A branch's jury rules as data (issue 13, point 1; checked by
 * src/modules/candidates/domain/jury-rules.ts, edited on « Règles de jury »).
 */
export type JuryRules = {
  /** At least `minPerCollege` members of each college; `parity`: as many of each. */
  colleges: { minPerCollege: number; parity: boolean };
  /** One seat per listed federation or union: each represented by a member it designated, of its college. */
  seats: { organisations: { name: string; college: College }[] } | null;
  /** The president's college: any, or `evenYears` in even years and the other college in odd years. */
  president: { rule: 'any' } | { rule: 'alternate_by_year'; evenYears: College };
  /** Counted on the members present (and remote, when remote attendance is allowed). */
  quorum: { minMembers: number; minPerCollege: number };
  majority: JuryMajority;
  /** Decisions must carry their votes {for, against, abstain}. */
  votesRequired: boolean;
  remoteAllowed: boolean;
  /** Validity of acquired blocs, in years; null: for life. */
  blocValidityYears: number | null;
  /** Who must sign the minutes. */
  signatures: JurySignatures;
  /** Candidacies `ready_for_jury` waiting longer than this → a reminder to the branch. */
  reminderAfterDays: number;
};

export const JURY_MAJORITIES = ['absolute', 'two_thirds', 'unanimity'] as const;
export type JuryMajority = (typeof JURY_MAJORITIES)[number];
export const JURY_MAJORITY_LABELS: Readonly<Record<JuryMajority, string>> = {
  absolute: 'Majorité absolue',
  two_thirds: 'Majorité des deux tiers',
  unanimity: 'Unanimité',
};

export const JURY_SIGNATURES = ['president', 'president_and_present_members'] as const;
export type JurySignatures = (typeof JURY_SIGNATURES)[number];
export const JURY_SIGNATURE_LABELS: Readonly<Record<JurySignatures, string>> = {
  president: 'Le ou la président·e',
  president_and_present_members: 'Le ou la président·e et les membres présents',
};

/**
 * The rules a branch starts from: one member of each college at least, parity, a president
 * alternating between colleges by year, a quorum of 2 with one per college, absolute majority,
 * votes not required, remote attendance allowed, blocs valid for life, minutes signed by the
 * president and the members present, a reminder after 60 days.
 */
export const DEFAULT_JURY_RULES: JuryRules = {
  colleges: { minPerCollege: 1, parity: true },
  seats: null,
  president: { rule: 'alternate_by_year', evenYears: 'employers' },
  quorum: { minMembers: 2, minPerCollege: 1 },
  majority: 'absolute',
  votesRequired: false,
  remoteAllowed: true,
  // For life: blocs acquired since 2016 are said to be « acquis définitivement », but whether
  // this holds for every certification is an unsettled point (docs/domain.md): a branch whose
  // agreement limits their validity records it in its own rules.
  blocValidityYears: null,
  signatures: 'president_and_present_members',
  reminderAfterDays: 60,
};
