import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

export type RouteId =
  | 'contrat_pro'
  | 'apprentissage'
  | 'plan_developpement'
  | 'reconversion'
  | 'pro_a'
  | 'periode_pro'
  | 'cpf'
  | 'cpf_transition'
  | 'vae'
  | 'poei'
  | 'poec';

export type RuleRef = {
  rule: string;
  title: string;
  text: string;
  source: string;
  from: string;
  to: string | null;
  note?: string;
  disputed?: true;
};

export type Reason = RuleRef & { satisfied: boolean | null };
export type Funder = RuleRef & { funder: string; certain: boolean; body?: string };

export type RouteResult = {
  route: RouteId;
  title: string;
  eligible: boolean;
  status: 'open' | 'closed' | 'incomplete';
  reasons: Reason[];
  funders: Funder[];
  limits: RuleRef[];
  missing: { field: string; label: string }[];
};

export type EventType =
  | 'created'
  | 'transmitted'
  | 'rncp_registered'
  | 'rs_registered'
  | 'withdrawn'
  | 'replaced';

export type EligibilityEvent = {
  type: EventType;
  date: string;
  number?: string;
  level?: number;
  from?: string;
  to?: string;
};

export type CandidateStatus = 'employee' | 'jobseeker' | 'self_employed' | 'student';

export type EligibilityCandidate = {
  status: CandidateStatus;
  age?: number;
  benefits?: ('RSA' | 'ASS' | 'AAH')[];
  experienceMonths?: number;
  highestLevel?: number;
  employer?: { idcc?: string; headcount?: number };
  onProAList?: boolean;
};

export type EligibilityRequest = {
  date: string;
  route?: RouteId;
  certificationId?: string;
  certification?: { kind: 'CQP' | 'CQPI'; events: EligibilityEvent[] };
  candidate: EligibilityCandidate;
};

export type EligibilityAnswer = {
  date: string;
  certification: { id?: string; kind: 'CQP' | 'CQPI'; recognition: { status: string; number?: string } };
  results: RouteResult[];
};

export type RulesAnswer = {
  common: RuleRef[];
  routes: (RuleRef & {
    id: RouteId;
    conditions: RuleRef[];
    funders: (RuleRef & { funder: string })[];
    limits: RuleRef[];
  })[];
  inputs: { rule: string; title: string; description?: string }[];
};

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

export const EVENT_LABELS: Record<EventType, string> = {
  created: 'Création par la CPNE',
  transmitted: 'Transmission à France compétences',
  rncp_registered: 'Inscription au RNCP',
  rs_registered: 'Inscription au RS',
  withdrawn: 'Retrait',
  replaced: 'Remplacement',
};
