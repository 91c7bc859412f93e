import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  FicheAnswer,
  FicheSummary,
  ImportRun,
  RegistryAlert,
  RegistryLink,
  RegistryStatus,
} from '../api/registry';
import type { Page } from '../api/types';

/** Every registry query starts with this key: an import or an alert change refreshes them. */
export const registryKey = ['registry'] as const;

export function useFicheSearch(q: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...registryKey, 'search', q, page, pageSize],
    queryFn: () =>
      api.get<Page<FicheSummary>>(
        `/api/v1/registry/fiches?q=${encodeURIComponent(q)}&page=${page}&pageSize=${pageSize}`,
      ),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useFiche(numero: string) {
  return useQuery({
    queryKey: [...registryKey, 'fiche', numero],
    queryFn: () => api.get<FicheAnswer>(`/api/v1/registry/fiches/${encodeURIComponent(numero)}`),
    retry: false,
  });
}

/** What was imported of each registry, and when: what an unknown number is measured against. */
export function useRegistryStatus() {
  return useQuery({
    queryKey: [...registryKey, 'status'],
    queryFn: () => api.get<RegistryStatus>('/api/v1/registry/status'),
    staleTime: 60_000,
  });
}

/** The import runs; polled every second while one is running. */
export function useImportRuns() {
  return useQuery({
    queryKey: [...registryKey, 'imports'],
    queryFn: () => api.get<{ items: ImportRun[] }>('/api/v1/registry/imports'),
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => run.status === 'running') ? 1_000 : false,
  });
}

export function useAlerts(
  filters: { status?: string; certification?: string },
  page: number,
  pageSize: number,
) {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (filters.status) params.set('status', filters.status);
  if (filters.certification) params.set('certification', filters.certification);
  return useQuery({
    queryKey: [...registryKey, 'alerts', params.toString()],
    queryFn: () => api.get<Page<RegistryAlert>>(`/api/v1/registry/alerts?${params}`),
    placeholderData: keepPreviousData,
  });
}

export function useLinks(certificationId: string) {
  return useQuery({
    queryKey: [...registryKey, 'links', certificationId],
    queryFn: () =>
      api.get<{ items: RegistryLink[] }>(
        `/api/v1/certifications/${encodeURIComponent(certificationId)}/registry-links`,
      ),
  });
}
