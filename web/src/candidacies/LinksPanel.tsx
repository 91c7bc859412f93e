import { Text } from '@mantine/core';
import type { Candidacy } from './candidacy';

/** « Liens » (in progress). */
export function LinksPanel(_: { candidacy: Candidacy }) {
  return <Text c="dimmed">Chargement des liens…</Text>;
}
