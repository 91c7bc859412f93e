import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer } from '../api/types';

/** The answer of a verification, by code or by document (the same shape). */
export type Verification = Answer<'/api/v1/verifications/{code}'>;

/** `GET /api/v1/verifications/{code}`: the code as typed (the API normalises it). */
export function useVerificationByCode(code: string | undefined) {
  return useQuery({
    queryKey: ['verification', code],
    queryFn: () => api.get<Verification>(`/api/v1/verifications/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    // A revocation must show: never an old answer when the page is opened again.
    staleTime: 0,
  });
}

/** The media type the API expects for a chosen file: PDF by its type or name, JSON otherwise. */
export function documentType(file: File): 'application/pdf' | 'application/json' {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name)
    ? 'application/pdf'
    : 'application/json';
}

/** `POST /api/v1/verifications` with the file as the body (the certificate PDF or the credential). */
export function useVerifyDocument() {
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<Verification>('/api/v1/verifications', file, { contentType: documentType(file) }),
  });
}
