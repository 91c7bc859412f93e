import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Branch, Certification, SearchResult } from '../api/catalogue';
import { api } from '../api/client';

/** Every catalogue query starts with this key: invalidating it refreshes search and fiches. */
export const catalogueKey = ['certifications'] as const;

export const certificationKey = (id: string) => [...catalogueKey, id] as const;

/** One page of the public search; `query` is the query string (`q=…&kind=…&page=…`). */
export function useCertificationSearch(query: string) {
  return useQuery({
    queryKey: [...catalogueKey, 'search', query],
    queryFn: () => api.get<SearchResult>(`/api/v1/certifications?${query}`),
    // The current results stay on screen while the next ones load.
    placeholderData: keepPreviousData,
  });
}

/** Certifications whose code or title matches `q`, as options « CODE — Intitulé » (`pageSize` at most). */
export async function certificationOptions(q: string, pageSize: number) {
  const query = new URLSearchParams({ pageSize: String(pageSize), ...(q ? { q } : {}) });
  const found = await api.get<SearchResult>(`/api/v1/certifications?${query}`);
  return found.items.map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }));
}

/** A certification's public fiche (identity, recognition, published framework, organisations). */
export function useCertification(id: string) {
  return useQuery({
    queryKey: certificationKey(id),
    queryFn: () => api.get<Certification>(`/api/v1/certifications/${encodeURIComponent(id)}`),
  });
}

export function useBranches() {
  return useQuery({
    queryKey: ['branches'],
    queryFn: () => api.get<{ items: Branch[] }>('/api/v1/branches'),
    staleTime: 5 * 60_000,
  });
}
