import { Button, Group } from '@mantine/core';

type ItemActionsProps = {
  /** What the buttons act on, for their accessible names: « le bloc 2 ». */
  name: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** The last item of a list that may not be empty stays. */
  minCount?: number;
};

/** « Monter », « Descendre », « Supprimer » for one item of a list. */
export function ItemActions({ name, index, count, onMove, onRemove, minCount = 0 }: ItemActionsProps) {
  return (
    <Group gap={4}>
      <Button
        variant="subtle"
        size="compact-sm"
        disabled={index === 0}
        onClick={() => onMove(-1)}
        aria-label={`Monter ${name}`}
      >
        Monter
      </Button>
      <Button
        variant="subtle"
        size="compact-sm"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
        aria-label={`Descendre ${name}`}
      >
        Descendre
      </Button>
      <Button
        variant="subtle"
        color="red"
        size="compact-sm"
        disabled={count <= minCount}
        onClick={onRemove}
        aria-label={`Supprimer ${name}`}
      >
        Supprimer
      </Button>
    </Group>
  );
}
