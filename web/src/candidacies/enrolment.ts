import type { ComboboxItem } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import type { Organisation } from '../api/catalogue';
import { api } from '../api/client';
import type { Answer, Page, RequestBody, Role, Schemas } from '../api/types';
import { ENROLMENT_ROLES } from '../layout/navigation';
import { candidaciesKey } from './candidacy';

/** The candidacy list (GET /api/v1/candidacies): a page with the counts by step. */
export const CANDIDACIES_PATH = '/api/v1/candidacies';
export type CandidacyPage = Schemas['CandidacyPage'];
export type CandidacySummary = Schemas['CandidacySummary'];
export type CandidacyCounts = Schemas['CandidacyCounts'];
export type FunderId = CandidacySummary['funders'][number];

/** The funders (ids of the eligibility API) as the list names them. */
export const FUNDER_LABELS: Record<FunderId, string> = {
  opco: 'OPCO',
  opca: 'OPCA',
  transitions_pro: 'Transitions Pro',
  fongecif: 'Fongecif',
  faf: 'Fonds d’assurance formation',
  caisse_des_depots: 'Caisse des Dépôts (CPF)',
  france_travail: 'France Travail',
  pole_emploi: 'Pôle emploi',
  employer: 'Employeur',
  candidate: 'Candidat·e',
};

/** What POST /api/v1/candidacies takes and answers. */
export type EnrolmentRequest = RequestBody<'/api/v1/candidacies', 'post'>;
export type NewCandidate = NonNullable<EnrolmentRequest['candidate']>;
export type Enrolled = Answer<'/api/v1/candidacies', 'post', 201>;
export type ImportResult = Schemas['CandidacyImportResult'];
export type NewEmployer = RequestBody<'/api/v1/organisations/employers', 'post'>;
export type RegisteredEmployer = Answer<'/api/v1/organisations/employers', 'post', 201>;

/** Whether these grants let one enrol (the list shows « Inscrire un candidat » and « Importer »). */
export function mayEnrol(roles: readonly { role: Role }[]): boolean {
  return roles.some((g) => ENROLMENT_ROLES.includes(g.role));
}

/** Organisations of one kind whose name contains `q` or whose SIRET starts with it, as options. */
export async function organisationOptions(kind: Organisation['kind'], q: string): Promise<ComboboxItem[]> {
  const query = new URLSearchParams({ kind, pageSize: '20', ...(q ? { q } : {}) });
  const found = await api.get<Page<Organisation>>(`/api/v1/organisations?${query}`);
  return found.items.map((o) => ({ value: o.id, label: `${o.name} (SIRET ${o.siret})` }));
}

/** After an enrolment or an import: every list and page of candidacies is read again. */
export async function refreshCandidacies(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: [CANDIDACIES_PATH] }),
    queryClient.invalidateQueries({ queryKey: candidaciesKey }),
  ]);
}
