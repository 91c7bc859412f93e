import { useQuery } from '@tanstack/react-query';
import { CANDIDACY_STATUS_LABELS, SELF_FUNDED_LABEL } from '../../../src/contracts/candidacies';
import { ApiError, api } from '../api/client';
import type { Schemas } from '../api/types';

/** One candidacy as GET /api/v1/candidacies/{id} answers it. */
export type Candidacy = Schemas['Candidacy'];
export type CandidacyStatus = Candidacy['status'];
export type CandidacyEvent = Candidacy['events'][number];
export type Candidate = Schemas['Candidate'];

/** Every query about candidacies starts with this key: invalidating it refreshes lists and pages. */
export const candidaciesKey = ['candidacies'] as const;
export const candidacyKey = (id: string) => [...candidaciesKey, id] as const;

export const candidacyPath = (id: string) => `/api/v1/candidacies/${encodeURIComponent(id)}`;

export function useCandidacy(id: string) {
  return useQuery({ queryKey: candidacyKey(id), queryFn: () => api.get<Candidacy>(candidacyPath(id)) });
}

/** A refusal to show (403, 404) as null, for what only some readers of a candidacy see; other errors stay. */
export function hiddenAsNull(error: unknown): null {
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
  throw error;
}

/**
 * A candidate's identity (NIR masked) when the API lets the signed-in person read it; `null`
 * when it refuses (403/404): the page then shows no identity card.
 */
export function useCandidate(id: string) {
  return useQuery({
    queryKey: ['candidates', id],
    queryFn: () => api.get<Candidate>(`/api/v1/candidates/${encodeURIComponent(id)}`).catch(hiddenAsNull),
  });
}

/** « Prénom Deuxième Nom », by the usage name when there is one (the identity card shows both). */
export function candidateName(c: Pick<Candidate, 'birthName' | 'usageName' | 'firstNames'>): string {
  return `${c.firstNames.join(' ')} ${c.usageName ?? c.birthName}`;
}

export const statusLabel = (status: CandidacyStatus) => CANDIDACY_STATUS_LABELS[status];

/** The access route as the eligibility service named it on the enrolment date. */
export function routeLabel(c: Pick<Candidacy, 'route' | 'eligibility'>): string {
  return c.eligibility.result?.title ?? (c.route === 'self_funded' ? SELF_FUNDED_LABEL : c.route);
}
