import { isRole, ROLE_LABELS, ROLE_SCOPE } from '../../../platform/auth/roles.js';
import { type FieldError, fieldError } from '../../../platform/problem.js';

export type GrantInput = { role: string; branchId?: string | undefined; organisationId?: string | undefined };

/** A grant names exactly the scope its role needs: a branch, an organisation, or none. */
export function grantProblems(
  grants: readonly GrantInput[],
  at: (string | number)[] = ['roles'],
): FieldError[] {
  const errors: FieldError[] = [];
  if (grants.length === 0) errors.push(fieldError(at, 'Au moins un rôle est requis.'));
  grants.forEach((g, i) => {
    const here = [...at, i];
    if (!isRole(g.role)) {
      errors.push(fieldError([...here, 'role'], `Rôle inconnu : « ${g.role} ».`));
      return;
    }
    const scope = ROLE_SCOPE[g.role];
    const name = `« ${ROLE_LABELS[g.role]} »`;
    if (scope === 'branch' && !g.branchId) {
      errors.push(
        fieldError([...here, 'branchId'], `Le rôle ${name} porte sur une branche : choisissez-la.`),
      );
    }
    if (scope === 'organisation' && !g.organisationId) {
      errors.push(
        fieldError(
          [...here, 'organisationId'],
          `Le rôle ${name} porte sur une organisation : choisissez-la.`,
        ),
      );
    }
    if (scope !== 'branch' && g.branchId) {
      errors.push(fieldError([...here, 'branchId'], `Le rôle ${name} ne porte pas sur une branche.`));
    }
    if (scope !== 'organisation' && g.organisationId) {
      errors.push(
        fieldError([...here, 'organisationId'], `Le rôle ${name} ne porte pas sur une organisation.`),
      );
    }
  });
  return errors;
}
