import type { Database } from './schema.js';

/**
 * Who owns each table. Only the owner's code names a table (Kysely `selectFrom`, `insertInto`,
 * joins, raw `sql`…); every other module goes through the owner's `*.service.ts`.
 * `test/boundaries.test.ts` enforces it, and the `Record` type makes a table added to
 * `schema.ts` without an owner a compile error.
 *
 * Modules are named as strings: `platform/` imports no module.
 */
export const TABLE_OWNERS = [
  'platform',
  'identity',
  'catalogue',
  'registry',
  'eligibility',
  'candidates',
  'cdc',
  'credentials',
] as const;
export type TableOwner = (typeof TABLE_OWNERS)[number];

export const TABLE_OWNERSHIP: Record<keyof Database, TableOwner> = {
  // platform: the audit chain, the mail outbox and the background jobs serve every module…
  audit_events: 'platform',
  mail_outbox: 'platform',
  jobs: 'platform',
  // …and every certificate the platform's seal has used (platform/seal: minutes, certificates).
  seal_certificates: 'platform',

  // identity: people, their roles, their sessions and how they sign in.
  users: 'identity',
  role_assignments: 'identity',
  sessions: 'identity',
  login_failures: 'identity',
  password_reset_tokens: 'identity',
  oidc_login_states: 'identity',

  // catalogue: branches, organisations, certifications and what hangs on them.
  branches: 'catalogue',
  cpne_members: 'catalogue',
  organisations: 'catalogue',
  certifications: 'catalogue',
  certification_branches: 'catalogue',
  co_ownership_invitations: 'catalogue',
  recognition_events: 'catalogue',
  recognition_periods: 'catalogue',
  framework_versions: 'catalogue',
  habilitations: 'catalogue',
  catalogue_generation: 'catalogue',

  // registry: France compétences open data and its links to the catalogue.
  registry_import_runs: 'registry',
  registry_fiches: 'registry',
  registry_staging: 'registry',
  certification_registry_links: 'registry',
  registry_alerts: 'registry',

  // candidates: people enrolled, their candidacies and the history of their states.
  candidates: 'candidates',
  candidacies: 'candidates',
  candidacy_status_history: 'candidates',
  candidacy_counts: 'candidates',
  positioning_decisions: 'candidates',
  positioning_evidence: 'candidates',
  carried_blocs: 'candidates',
  candidacy_links: 'candidates',
  assessments: 'candidates',
  assessment_evaluators: 'candidates',
  assessment_results: 'candidates',
  assessment_history: 'candidates',
  pathways: 'candidates',
  pathway_modules: 'candidates',
  pathway_acknowledgements: 'candidates',
  // …and the national joint juries that decide on them, and the awards those decide (ADR 0006):
  // closing a session writes awards and candidacy states in one transaction.
  jury_rules: 'candidates',
  jury_rule_acceptances: 'candidates',
  juries: 'candidates',
  jury_certifications: 'candidates',
  jury_members: 'candidates',
  jury_candidacies: 'candidates',
  jury_decisions: 'candidates',
  jury_minutes: 'candidates',
  jury_minutes_signatures: 'candidates',
  award_counters: 'candidates',
  awards: 'candidates',
  bloc_equivalences: 'candidates',
  jury_reminders: 'candidates',
  award_status_events: 'candidates',

  // credentials: the issuer's keys and the awards' signed verifiable credentials (ADR 0007).
  issuer_keys: 'credentials',
  award_credentials: 'credentials',

  // cdc: the holders' deposits to the Caisse des Dépôts, per certifier (ADR 0008).
  cdc_certifiers: 'cdc',
  cdc_deposits: 'cdc',
  cdc_passages: 'cdc',
};

export function ownerOfTable(table: string): TableOwner | undefined {
  return Object.hasOwn(TABLE_OWNERSHIP, table) ? TABLE_OWNERSHIP[table as keyof Database] : undefined;
}
