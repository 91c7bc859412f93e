import { Alert } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { FicheAnswer } from '../../api/registry';
import { formatDayOf } from '../../format/dateTime';
import { registryKey, useRegistryStatus } from '../../registry/queries';

const NUMBER = /^(RNCP|RS)\d+$/;

/**
 * What a registration number typed in the event form says against the imported registry: a
 * number France compétences' exports do not hold is accepted (the registry may lag behind a
 * recent decision), but the person is warned before recording it, with the import's date.
 */
export function RegistryNumberWarning({ number }: { number: string }) {
  const [typed] = useDebouncedValue(number.trim().toUpperCase(), 400);
  const valid = NUMBER.test(typed);
  const fiche = useQuery({
    queryKey: [...registryKey, 'fiche', typed],
    queryFn: () => api.get<FicheAnswer>(`/api/v1/registry/fiches/${encodeURIComponent(typed)}`),
    enabled: valid,
    retry: false,
  });
  const status = useRegistryStatus();
  const unknown = valid && fiche.error instanceof ApiError && fiche.error.status === 404;
  if (!unknown || !status.data) return null;
  const registry = typed.startsWith('RS') ? 'RS' : 'RNCP';
  const part = status.data.registries.find((r) => r.registry === registry);
  return (
    <Alert color="yellow" title="Numéro absent du registre importé" role="status">
      {part?.importedAt
        ? `${typed} ne figure pas dans les exports du ${registry} importés dans Qualif (dernier import le ${formatDayOf(part.importedAt)}).`
        : `Le ${registry} n’a jamais été importé dans Qualif : ${typed} n’a pas pu être vérifié.`}{' '}
      L’événement peut être enregistré ; vérifiez le numéro sur la fiche de France compétences.
    </Alert>
  );
}
