import { MultiSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer } from '../api/types';
import { today } from '../format/date';

type Evaluators = Answer<'/api/v1/certifications/{id}/evaluators'>;

/** The evaluators habilitated for the certification on `date` (none asked before a full date). */
export function useHabilitatedEvaluators(certificationId: string | undefined, date: string) {
  return useQuery({
    queryKey: ['certifications', certificationId, 'evaluators', date],
    queryFn: () =>
      api.get<Evaluators>(
        `/api/v1/certifications/${certificationId}/evaluators?on=${encodeURIComponent(date)}`,
      ),
    enabled: Boolean(certificationId) && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
}

/** A session's date: today or later. */
export function SessionDateInput({
  value,
  onChange,
  error,
  label = 'Date',
}: {
  value: string;
  onChange: (date: string) => void;
  error: string | undefined;
  label?: string;
}) {
  return (
    <TextInput
      type="date"
      label={label}
      required
      min={today()}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/**
 * The session's evaluators, picked among those habilitated on its date; `assigned` (a session's
 * evaluators, when moving it) stay named even when the new date does not suit them: the API then
 * says why, on the field.
 */
export function EvaluatorsField({
  evaluators,
  value,
  onChange,
  error,
  assigned = [],
}: {
  evaluators: ReturnType<typeof useHabilitatedEvaluators>;
  value: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
  assigned?: readonly { id: string; name: string | null }[];
}) {
  const items = evaluators.data?.items ?? [];
  const others = assigned.filter((a) => !items.some((e) => e.id === a.id));
  return (
    <MultiSelect
      label="Évaluateurs habilités à cette date"
      required
      data={[...items, ...others].map((e) => ({ value: e.id, label: e.name ?? 'compte désactivé' }))}
      value={value}
      onChange={onChange}
      disabled={!evaluators.data}
      description={evaluators.data ? undefined : 'Choisissez d’abord la date.'}
      nothingFoundMessage="Aucun évaluateur habilité à cette date."
      error={error}
    />
  );
}
