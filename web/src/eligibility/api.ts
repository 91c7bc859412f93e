import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer, RequestBody, Schemas } from '../api/types';

/** The eligibility API's shapes: aliases of the types generated from /openapi.json. */
export type EligibilityRequest = RequestBody<'/api/v1/eligibility', 'post'>;
export type EligibilityAnswer = Answer<'/api/v1/eligibility', 'post'>;
export type RulesAnswer = Answer<'/api/v1/eligibility/rules'>;

export type RouteResult = Schemas['EligibilityResult'];
export type RouteId = RouteResult['route'];
export type Reason = RouteResult['reasons'][number];
/** A rule of law as shown to people (what reasons, funders and limits have in common). */
export type RuleRef = Omit<Reason, 'satisfied'>;
export type Funder = RouteResult['funders'][number];

export type EligibilityCandidate = EligibilityRequest['candidate'];
export type CandidateStatus = EligibilityCandidate['status'];
export type EligibilityEvent = NonNullable<EligibilityRequest['certification']>['events'][number];
export type EventType = EligibilityEvent['type'];

export const simulate = (request: EligibilityRequest) =>
  api.post<EligibilityAnswer>('/api/v1/eligibility', request);

export function useEligibilityRules() {
  return useQuery({
    queryKey: ['eligibility', 'rules'],
    queryFn: () => api.get<RulesAnswer>('/api/v1/eligibility/rules'),
    staleTime: 60 * 60_000,
  });
}

/** The matrix of a catalogue certification for one candidate profile (the fiche). */
export function useEligibility(request: EligibilityRequest) {
  return useQuery({
    queryKey: ['eligibility', request],
    queryFn: () => simulate(request),
    staleTime: 5 * 60_000,
  });
}

export const STATUS_LABELS: Record<CandidateStatus, string> = {
  employee: 'Salarié·e',
  jobseeker: 'Demandeur·euse d’emploi',
  self_employed: 'Travailleur·euse indépendant·e',
  student: 'Étudiant·e',
};
