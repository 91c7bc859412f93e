import { useQuery } from '@tanstack/react-query';
import type { Version, VersionSummary, VersionsDiff } from '../../api/catalogue';
import { api } from '../../api/client';
import type { Answer } from '../../api/types';
import { certificationKey } from '../../catalogue/queries';

const base = (certificationId: string) => `/api/v1/certifications/${certificationId}`;

export const versionsKey = (certificationId: string) =>
  [...certificationKey(certificationId), 'versions'] as const;

export function useVersions(certificationId: string) {
  return useQuery({
    queryKey: versionsKey(certificationId),
    queryFn: () => api.get<{ items: VersionSummary[] }>(`${base(certificationId)}/versions`),
  });
}

export function useVersion(certificationId: string, number: number) {
  return useQuery({
    queryKey: [...versionsKey(certificationId), number],
    queryFn: () => api.get<Version>(`${base(certificationId)}/versions/${number}`),
  });
}

export function useVersionsDiff(certificationId: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: [...versionsKey(certificationId), 'diff', pair],
    queryFn: () =>
      api.get<VersionsDiff>(`${base(certificationId)}/versions-diff?from=${pair?.from}&to=${pair?.to}`),
    enabled: pair !== null,
  });
}

export const versionsApi = {
  create: (certificationId: string, body: { content: unknown } | { basedOn: number }) =>
    api.post<Answer<'/api/v1/certifications/{id}/versions', 'post', 201>>(
      `${base(certificationId)}/versions`,
      body,
    ),
  save: (certificationId: string, number: number, content: unknown) =>
    api.put(`${base(certificationId)}/versions/${number}`, { content }),
  publish: (certificationId: string, number: number) =>
    api.post(`${base(certificationId)}/versions/${number}/publish`),
};
