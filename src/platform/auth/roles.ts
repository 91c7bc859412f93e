/**
 * Roles and the kind of scope each one is granted over. A grant is a role plus its scope:
 * admin over everything; branch_manager and advisor over branches; training_org and employer
 * over an organisation; evaluator, jury_member and candidate over their own data
 * (habilitations, candidacies and juries narrow these later).
 */
import {
  isRole,
  ROLE_LABELS,
  ROLE_SCOPE,
  ROLES,
  type Role,
  SCOPE_TYPES,
  type ScopeType,
} from '../../contracts/roles.js';

export { isRole, ROLE_LABELS, ROLE_SCOPE, ROLES, type Role, SCOPE_TYPES, type ScopeType };

export type Grant = {
  role: Role;
  scope: { type: ScopeType; id?: string; label?: string };
};
