import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer, RequestBody, Schemas } from '../api/types';

/** The CDC deposits' API (issue 14, point 4): certifiers, deposits, reports, deadlines. */
export const CDC_PATH = '/api/v1/cdc';
export const cdcKey = [CDC_PATH] as const;

export type Certifier = Schemas['CdcCertifier'];
export type CertifierSettings = RequestBody<'/api/v1/cdc/certifiers/{siret}', 'put'>;
export type Deposit = Schemas['CdcDeposit'];
export type DepositSummary = Schemas['CdcDepositSummary'];
export type DepositCreated = Schemas['CdcDepositCreated'];
export type DepositRequest = RequestBody<'/api/v1/cdc/deposits', 'post'>;
export type Deadlines = Schemas['CdcDeadlines'];
export type DeadlineItem = Deadlines['due'][number];
export type Passage = Deposit['passages'][number];
export type Branches = Answer<'/api/v1/branches'>;

export const certifierPath = (siret: string) => `${CDC_PATH}/certifiers/${encodeURIComponent(siret)}`;
export const depositPath = (id: string) => `${CDC_PATH}/deposits/${encodeURIComponent(id)}`;
export const fluxPath = (id: string) => `${depositPath(id)}/flux.xml`;
export const reportPath = (id: string) => `${depositPath(id)}/report`;

export function useCertifiers() {
  return useQuery({
    queryKey: [...cdcKey, 'certifiers'],
    queryFn: () => api.get<{ items: Certifier[] }>(`${CDC_PATH}/certifiers`),
  });
}

export function useDeadlines(branchId: string | null) {
  return useQuery({
    queryKey: [...cdcKey, 'deadlines', branchId],
    enabled: branchId !== null,
    queryFn: () =>
      api.get<Deadlines>(`${CDC_PATH}/branches/${encodeURIComponent(branchId as string)}/deadlines`),
  });
}

export function useDeposits(branchId: string | null) {
  return useQuery({
    queryKey: [...cdcKey, 'deposits', branchId],
    enabled: branchId !== null,
    queryFn: () =>
      api.get<{ items: DepositSummary[] }>(
        `${CDC_PATH}/deposits?${new URLSearchParams({ branchId: branchId as string })}`,
      ),
  });
}

export function useDeposit(id: string | null) {
  return useQuery({
    queryKey: [...cdcKey, 'deposit', id],
    enabled: id !== null,
    queryFn: () => api.get<Deposit>(depositPath(id as string)),
  });
}

/** French labels of a passage's result and of a deadline's state (shown by the web app only). */
export const PASSAGE_RESULT_LABELS: Record<Passage['result'], string> = {
  pending: 'En attente de l’accusé',
  ok: 'Accepté',
  ko: 'Refusé',
  already: 'Déjà en base (déposé)',
};
export const DEADLINE_STATE_LABELS: Record<DeadlineItem['state'], string> = {
  due: 'À déposer',
  late: 'En retard',
  rejected: 'Refusé par la CDC',
};

/** Where a holder's identity is corrected: their candidacy's « Identité » tab (IdentityPanel). */
export const identityFixPath = (candidacyId: string) =>
  `/candidatures/${encodeURIComponent(candidacyId)}?onglet=identite`;
