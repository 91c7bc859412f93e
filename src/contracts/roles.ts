/**
 * The roles a person holds in Qualif, the kinds of scope they are held over, and their French
 * names, shared by the server (grants, policy) and the web app. Pure code.
 */
export const ROLES = [
  'admin',
  'branch_manager',
  'training_org',
  'evaluator',
  'jury_member',
  'employer',
  'advisor',
  'candidate',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['global', 'branch', 'organisation', 'self'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Administrateur·rice',
  branch_manager: 'Gestionnaire de branche (CPNE)',
  training_org: 'Organisme de formation',
  evaluator: 'Évaluateur·rice',
  jury_member: 'Membre de jury',
  employer: 'Employeur',
  advisor: 'Conseiller·ère OPCO',
  candidate: 'Candidat·e',
};

/** Over what each role is granted: everything, a branch, an organisation, or the person's own data. */
export const ROLE_SCOPE: Readonly<Record<Role, ScopeType>> = {
  admin: 'global',
  branch_manager: 'branch',
  advisor: 'branch',
  training_org: 'organisation',
  employer: 'organisation',
  evaluator: 'self',
  jury_member: 'self',
  candidate: 'self',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
