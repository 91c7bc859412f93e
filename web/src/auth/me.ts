import { type QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';
import type { Me } from '../api/types';

export const meKey = ['me'] as const;

/** The signed-in person, or null when nobody is (401). */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/v1/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** After a login: drops what an earlier session may have cached, then records who is signed in. */
export function storeSignedIn(queryClient: QueryClient, me: Me): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  queryClient.setQueryData<Me | null>(meKey, me);
}
