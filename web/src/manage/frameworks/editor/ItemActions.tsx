import { Button, Group, Textarea, TextInput } from '@mantine/core';

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

/** What every item editor of a list receives from its list. */
export type ItemProps<T> = {
  index: number;
  count: number;
  onChange: (item: T) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

type Field = { label: string; value: string; onChange: (value: string) => void; error: string | undefined };

type ItemHeadingProps = Omit<ItemProps<unknown>, 'onChange'> & {
  /** « le bloc 2 », for the buttons' accessible names. */
  name: string;
  code: Field & { width?: number };
  title: Field & { maxLength: number; multiline?: boolean };
};

/**
 * The head of an item of the framework editor (activity, bloc, competency, criterion): its
 * « Monter / Descendre / Supprimer » buttons, then its code and its title side by side.
 */
export function ItemHeading({ name, code, title, ...item }: ItemHeadingProps) {
  const Title = title.multiline ? Textarea : TextInput;
  return (
    <>
      <Group justify="flex-end">
        <ItemActions name={name} {...item} minCount={1} />
      </Group>
      <Group align="flex-start" wrap="nowrap">
        <TextInput
          label={code.label}
          required
          maxLength={20}
          w={code.width ?? 160}
          value={code.value}
          onChange={(e) => code.onChange(e.currentTarget.value)}
          error={code.error}
        />
        <Title
          label={title.label}
          required
          maxLength={title.maxLength}
          style={{ flex: 1 }}
          value={title.value}
          onChange={(e) => title.onChange(e.currentTarget.value)}
          error={title.error}
          {...(title.multiline ? { autosize: true, minRows: 1 } : {})}
        />
      </Group>
    </>
  );
}
