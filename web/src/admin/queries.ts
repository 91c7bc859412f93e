import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer } from '../api/types';

export type Branch = Answer<'/api/v1/branches'>['items'][number];
export type Organisation = Answer<'/api/v1/organisations'>['items'][number];

/** Every branch, by name (the API lists them all). */
export function useBranches() {
  return useQuery({
    queryKey: ['/api/v1/branches'],
    queryFn: () => api.get<Answer<'/api/v1/branches'>>('/api/v1/branches'),
  });
}

/** The organisations to choose a scope from (the first 200, by name). */
export function useOrganisationChoices() {
  return useQuery({
    queryKey: ['/api/v1/organisations', 'choices'],
    queryFn: () => api.get<Answer<'/api/v1/organisations'>>('/api/v1/organisations?pageSize=200'),
  });
}
