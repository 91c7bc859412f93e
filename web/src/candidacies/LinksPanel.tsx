import { Text } from '@mantine/core';

/** « Liens » (in progress). */
export function LinksPanel(_: { candidacyId: string }) {
  return <Text c="dimmed">Chargement des liens…</Text>;
}
