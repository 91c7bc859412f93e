import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Schemas } from '../api/types';
import { candidacyKey, candidacyPath } from './candidacy';

/** A candidacy's positioning as GET /api/v1/candidacies/{id}/positioning answers it. */
export type Positioning = Schemas['Positioning'];
export type PositioningBloc = Positioning['blocs'][number];
export type PositioningCompetency = PositioningBloc['competencies'][number];
export type Evidence = Schemas['PositioningEvidence'];
export type Correspondence = Schemas['RegistryCorrespondence'];

export const positioningKey = (candidacyId: string) => [...candidacyKey(candidacyId), 'positioning'] as const;
export const positioningPath = (candidacyId: string) => `${candidacyPath(candidacyId)}/positioning`;

export function usePositioning(candidacyId: string) {
  return useQuery({
    queryKey: positioningKey(candidacyId),
    queryFn: () => api.get<Positioning>(positioningPath(candidacyId)),
  });
}

/** After a change: the positioning, and the candidacy (and lists) that summarise it. */
export function useRefreshPositioning(candidacyId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: candidacyKey(candidacyId) });
}

/** Where an evidence file is downloaded from (an attachment: the browser saves it). */
export const evidencePath = (candidacyId: string, evidenceId: string) =>
  `${positioningPath(candidacyId)}/evidence/${encodeURIComponent(evidenceId)}`;

/**
 * Whether a registry correspondence bears on this bloc: its fiche's side names the bloc (as
 * `RNCP…BC01` or `BC01`) or no bloc at all — the rule the API checks (candidates/domain/positioning.ts).
 */
export function correspondenceCovers(entry: Correspondence, blocCode: string): boolean {
  if (entry.sourceBlocs.length === 0) return true;
  return entry.sourceBlocs.some((b) => b === blocCode || b === `${entry.fiche}${blocCode}`);
}

/** « 1,2 Mo », « 350 ko ». */
export function formatSize(bytes: number): string {
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} Mo`;
  return `${Math.max(1, Math.round(bytes / 1024))} ko`;
}
