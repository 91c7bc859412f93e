import type { Schemas } from '../api/types';

/** The evaluator's agenda, one session with its grid, one bloc's result (generated API types). */
export type Agenda = Schemas['AssessmentAgenda'];
export type AgendaItem = Agenda['items'][number];
export type AssessmentSession = Schemas['AssessmentSession'];
export type GridBloc = AssessmentSession['blocs'][number];
export type AssessmentResult = Schemas['AssessmentResult'];

export const agendaKey = ['assessments'] as const;
export const sessionKey = (id: string) => ['assessments', id] as const;
export const sessionPath = (id: string) => `/api/v1/assessments/${id}`;

/** How a session names its candidate: as the candidacy pages do. */
export { candidateName } from '../candidacies/candidacy';
