import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { RequestBody, Schemas } from '../api/types';
import { candidacyKey, candidacyPath } from './candidacy';

/** A candidacy's individual pathway as GET /api/v1/candidacies/{id}/pathway answers it. */
export type PathwayAnswer = Schemas['Pathway'];
export type PathwayBloc = PathwayAnswer['blocs'][number];
export type StoredPathway = NonNullable<PathwayAnswer['pathway']>;
export type PathwayModule = StoredPathway['modules'][number];
export type PathwayAcknowledgement = StoredPathway['acknowledgements'][number];
export type ModuleBody = RequestBody<'/api/v1/candidacies/{id}/pathway', 'put'>['modules'][number];

export const pathwayKey = (candidacyId: string) => [...candidacyKey(candidacyId), 'pathway'] as const;
export const pathwayPath = (candidacyId: string) => `${candidacyPath(candidacyId)}/pathway`;
/** The PDF summary (an attachment: the browser saves it). */
export const pathwayPdfPath = (candidacyId: string) => `${candidacyPath(candidacyId)}/pathway.pdf`;

export function usePathway(candidacyId: string) {
  return useQuery({
    queryKey: pathwayKey(candidacyId),
    queryFn: () => api.get<PathwayAnswer>(pathwayPath(candidacyId)),
  });
}

/** After a change: the pathway, and the candidacy it belongs to. */
export function useRefreshPathway(candidacyId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: candidacyKey(candidacyId) });
}

/** One module as the editor holds it: inputs' texts, the organisation's and tutor's names to show. */
export type ModuleDraft = {
  key: number;
  blocCode: string;
  kind: ModuleBody['kind'];
  title: string;
  competencyCodes: string[];
  hours: string | number;
  startsOn: string;
  endsOn: string;
  organisationId: string | null;
  organisationName: string | null;
  description: string;
  /** The tutor's account, kept while their name is not retyped. */
  tutorUserId: string | null;
  tutorName: string;
  dueOn: string;
};

let nextKey = 0;

export function draftOf(m: PathwayModule): ModuleDraft {
  return {
    key: ++nextKey,
    blocCode: m.blocCode,
    kind: m.kind,
    title: m.title,
    competencyCodes: m.competencyCodes,
    hours: m.hours ?? '',
    startsOn: m.startsOn ?? '',
    endsOn: m.endsOn ?? '',
    organisationId: m.organisation?.id ?? null,
    organisationName: m.organisation?.name ?? null,
    description: m.description ?? '',
    tutorUserId: m.tutor?.userId ?? null,
    tutorName: m.tutor?.name ?? '',
    dueOn: m.dueOn ?? '',
  };
}

/** A new module for a bloc: a training at the candidacy's organisation, covering the bloc's gaps. */
export function newDraft(
  bloc: PathwayBloc,
  organisation: { id: string; name: string | null } | null,
): ModuleDraft {
  return {
    key: ++nextKey,
    blocCode: bloc.code,
    kind: 'training',
    title: '',
    competencyCodes: bloc.gaps.map((g) => g.code),
    hours: '',
    startsOn: '',
    endsOn: '',
    organisationId: organisation?.id ?? null,
    organisationName: organisation?.name ?? null,
    description: '',
    tutorUserId: null,
    tutorName: '',
    dueOn: '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** What PUT …/pathway takes for a draft (the API drops the fields its kind does not use). */
export function bodyOf(d: ModuleDraft): ModuleBody {
  return {
    blocCode: d.blocCode,
    kind: d.kind,
    title: d.title,
    competencyCodes: d.competencyCodes,
    hours: d.hours === '' ? null : Number(d.hours),
    startsOn: orNull(d.startsOn),
    endsOn: orNull(d.endsOn),
    organisationId: d.organisationId,
    description: orNull(d.description),
    tutor: d.tutorUserId
      ? { userId: d.tutorUserId }
      : orNull(d.tutorName)
        ? { name: d.tutorName.trim() }
        : null,
    dueOn: orNull(d.dueOn),
  };
}
