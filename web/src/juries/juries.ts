import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer, Page, RequestBody, Schemas } from '../api/types';

/** The jury sessions (GET/POST /api/v1/juries) and one session (GET /api/v1/juries/{id}). */
export const JURIES_PATH = '/api/v1/juries';
export const juriesKey = [JURIES_PATH] as const;
export const juryPath = (id: string) => `${JURIES_PATH}/${encodeURIComponent(id)}`;
export const juryKey = (id: string) => [...juriesKey, id] as const;

export type JurySummary = Schemas['JurySummary'];
export type JuryList = Schemas['JuryList'];
export type Jury = Schemas['Jury'];
export type JuryStatus = Jury['status'];
export type JuryMember = Jury['members'][number];
export type JuryCandidacy = Jury['candidacies'][number];
export type JuryDecision = Schemas['JuryDecision'];
export type JuryRequest = RequestBody<'/api/v1/juries', 'post'>;
export type JuryCreated = Answer<'/api/v1/juries', 'post', 201>;
export type AttendanceRequest = RequestBody<'/api/v1/juries/{id}/attendance', 'put'>;
export type Attendance = Answer<'/api/v1/juries/{id}/attendance', 'put'>;
export type DecisionRequest = RequestBody<'/api/v1/juries/{id}/decisions', 'post'>;
export type SignatureRequest = RequestBody<'/api/v1/juries/{id}/signatures', 'post'>;
export type CloseAnswer = Answer<'/api/v1/juries/{id}/close', 'post'>;
export type Award = Schemas['Award'];
export type HabilitatedJuryMember = Schemas['HabilitatedJuryMember'];

/** One session as the signed-in person may read it. */
export function useJury(id: string) {
  return useQuery({ queryKey: juryKey(id), queryFn: () => api.get<Jury>(juryPath(id)) });
}

/**
 * The awards a closed session created: the awards of its certifications in its year, kept when
 * they name the session (GET /api/v1/awards has no session filter).
 */
export function useJuryAwards(jury: Jury, enabled: boolean) {
  const year = jury.date.slice(0, 4);
  return useQuery({
    queryKey: ['/api/v1/awards', 'jury', jury.id],
    enabled,
    queryFn: async () => {
      const pages = await Promise.all(
        jury.certifications.map((c) =>
          api.get<Page<Award>>(
            `/api/v1/awards?${new URLSearchParams({ certificationId: c.id, year, pageSize: '200' })}`,
          ),
        ),
      );
      return pages.flatMap((p) => p.items).filter((a) => a.juryId === jury.id);
    },
  });
}
