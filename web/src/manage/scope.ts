import { useCurrentUser } from '../auth/currentUser';

export type ManagerScope = {
  isAdmin: boolean;
  /** The branches the person manages (branch_manager grants). */
  branches: { id: string; label: string }[];
};

/** What the signed-in person may manage in the catalogue: everything (admin), or their branches. */
export function useManagerScope(): ManagerScope {
  const me = useCurrentUser();
  const isAdmin = me.roles.some((g) => g.role === 'admin');
  const branches = me.roles
    .filter((g) => g.role === 'branch_manager' && g.scope.type === 'branch' && g.scope.id)
    .map((g) => ({ id: g.scope.id as string, label: g.scope.label ?? 'Branche' }));
  return { isAdmin, branches };
}

export function isManager(scope: ManagerScope): boolean {
  return scope.isAdmin || scope.branches.length > 0;
}

/** Whether the person may change a certification of these branches (the API decides in the end). */
export function canManage(scope: ManagerScope, branchIds: readonly string[]): boolean {
  return scope.isAdmin || scope.branches.some((b) => branchIds.includes(b.id));
}
