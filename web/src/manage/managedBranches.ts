import { useQuery } from '@tanstack/react-query';
import type { Branch } from '../api/catalogue';
import { api } from '../api/client';
import { useCurrentUser } from '../auth/currentUser';

/**
 * The branches in whose name the signed-in person may own certifications, as the API says
 * (`can.ownCertifications` on each branch): the web app never re-derives scopes from roles.
 */
export function useManagedBranches() {
  const me = useCurrentUser();
  return useQuery({
    // Per person: `can` depends on who asks.
    queryKey: ['branches', 'can', me.user.id],
    queryFn: () => api.get<{ items: Branch[] }>('/api/v1/branches'),
    select: (data) => ({
      mine: data.items.filter((b) => b.can?.ownCertifications),
      all: data.items.length,
    }),
    staleTime: 60_000,
  });
}

/** The back office's roles: who may open it at all (the API decides each action). */
export function useIsCatalogueManager(): boolean {
  const me = useCurrentUser();
  return me.roles.some((g) => g.role === 'admin' || g.role === 'branch_manager');
}
