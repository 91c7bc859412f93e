import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Schemas } from '../api/types';
import { candidaciesKey, candidacyKey, candidacyPath } from '../candidacies/candidacy';

export type CandidacySummary = Schemas['CandidacySummary'];
export type Assessment = Schemas['Assessments']['items'][number];

/** The signed-in candidate's own candidacies (the API scopes the list to them), newest first. */
export function useMyCandidacies() {
  return useQuery({
    queryKey: [...candidaciesKey, 'mine'],
    queryFn: () => api.get<Schemas['CandidacyPage']>('/api/v1/candidacies?pageSize=50'),
  });
}

/** A candidacy's assessment sessions, in date order. */
export function useAssessments(candidacyId: string) {
  return useQuery({
    queryKey: [...candidacyKey(candidacyId), 'assessments'],
    queryFn: () => api.get<Schemas['Assessments']>(`${candidacyPath(candidacyId)}/assessments`),
  });
}
