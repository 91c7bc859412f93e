import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { usePageParam } from './usePageParam';

/**
 * One page of a paginated API list; the page number lives in the address. `filters` are added
 * to the query string (empty values left out). `P`: the page's type when the API adds to it
 * (the candidacy list's counts by step).
 */
export function usePagedList<T, P extends Page<T> = Page<T>>(
  path: string,
  pageSize: number,
  filters: Record<string, string | undefined> = {},
) {
  const [page, setPage] = usePageParam();
  const search = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  const query = useQuery({
    queryKey: [path, { page, pageSize, ...filters }],
    queryFn: () => api.get<P>(`${path}?${search}`),
    // The current rows stay on screen while the next page loads.
    placeholderData: keepPreviousData,
  });
  return { query, page, setPage };
}
