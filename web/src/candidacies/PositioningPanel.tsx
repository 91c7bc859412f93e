import { Text } from '@mantine/core';
import type { Candidacy } from './candidacy';

/** « Positionnement » (in progress). */
export function PositioningPanel(_: { candidacy: Candidacy }) {
  return <Text c="dimmed">Chargement du positionnement…</Text>;
}
