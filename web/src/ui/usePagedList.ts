import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { usePageParam } from './usePageParam';

/** One page of a paginated API list; the page number lives in the address. */
export function usePagedList<T>(path: string, pageSize: number) {
  const [page, setPage] = usePageParam();
  const query = useQuery({
    queryKey: [path, { page, pageSize }],
    queryFn: () => api.get<Page<T>>(`${path}?page=${page}&pageSize=${pageSize}`),
    // The current rows stay on screen while the next page loads.
    placeholderData: keepPreviousData,
  });
  return { query, page, setPage };
}
