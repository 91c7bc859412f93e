import { Text } from '@mantine/core';
import type { RegistryStatus } from '../api/registry';
import { formatDayOf } from '../format/dateTime';
import { plural } from '../format/plural';
import { useRegistryStatus } from './queries';

type Part = RegistryStatus['registries'][number];

/** « RNCP : importé le 3 mai 2025, 12 fiches dont 9 actives », « RS : jamais importé ». */
export function registryPartText(part: Part): string {
  if (!part.importedAt) return `${part.registry} : jamais importé`;
  return `${part.registry} : importé le ${formatDayOf(part.importedAt)}, ${plural(part.fiches, 'fiche', 'fiches')} dont ${plural(part.activeFiches, 'active', 'actives')}`;
}

/** What the lookup rests on: which exports of France compétences Qualif holds, and of when. */
export function RegistryStatusNote() {
  const status = useRegistryStatus();
  if (!status.data) return null;
  return (
    <Text size="sm" c="dimmed">
      {`Exports de France compétences importés dans Qualif — ${status.data.registries.map(registryPartText).join(' ; ')}.`}
    </Text>
  );
}
