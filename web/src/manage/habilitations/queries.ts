import { useQuery } from '@tanstack/react-query';
import type { Habilitation, Organisation, PersonHabilitation } from '../../api/catalogue';
import { api } from '../../api/client';
import type { Answer, Page } from '../../api/types';
import { certificationKey } from '../../catalogue/queries';

export const habilitationsKey = (certificationId: string) =>
  [...certificationKey(certificationId), 'habilitations'] as const;

export function useHabilitations(certificationId: string) {
  return useQuery({
    queryKey: habilitationsKey(certificationId),
    queryFn: () =>
      api.get<{ items: Habilitation[] }>(`/api/v1/certifications/${certificationId}/habilitations`),
  });
}

/** Training organisations that may be habilitated (the first 200, by name). */
export function useTrainingOrganisations() {
  return useQuery({
    queryKey: ['organisations', 'training_org'],
    queryFn: () => api.get<Page<Organisation>>('/api/v1/organisations?kind=training_org&pageSize=200'),
    staleTime: 60_000,
  });
}

/** An account to habilitate (the lookup without certificationId). */
export type Person = Extract<Answer<'/api/v1/people'>['items'][number], { displayName: string }>;

/** Accounts holding a person role whose name or address contains `q` (the API returns 50 at most). */
export async function searchPeople(role: PersonHabilitation, q: string) {
  const found = await api.get<{ items: Person[] }>(
    `/api/v1/people?role=${role}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  );
  return found.items.map((p) => ({ value: p.id, label: `${p.displayName} (${p.email})` }));
}
