/**
 * Roles and the kind of scope each one is granted over. A grant is a role plus its scope:
 * admin over everything; branch_manager and advisor over branches; training_org and employer
 * over an organisation; evaluator, jury_member and candidate over their own data
 * (habilitations, candidacies and juries narrow these later).
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

export type ScopeType = 'global' | 'branch' | 'organisation' | 'self';

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

export type Grant = {
  role: Role;
  scope: { type: ScopeType; id?: string; label?: string };
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
