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

const MOVES = [
  { delta: -1, label: 'Monter' },
  { delta: 1, label: 'Descendre' },
] as const;

/** « Monter », « Descendre », « Supprimer » for one item of a list. */
export function ItemActions({ name, index, count, onMove, onRemove, minCount = 0 }: ItemActionsProps) {
  return (
    <Group gap={4}>
      {MOVES.map(({ delta, label }) => (
        <Button
          key={label}
          variant="subtle"
          size="compact-sm"
          disabled={delta < 0 ? index === 0 : index === count - 1}
          onClick={() => onMove(delta)}
          aria-label={`${label} ${name}`}
        >
          {label}
        </Button>
      ))}
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

/** « Supprimer » beside one entry of a list of fields (a job, a text), at the height of its input. */
export function RemoveEntryButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="subtle" color="red" size="compact-sm" mb={6} onClick={onClick} aria-label={label}>
      Supprimer
    </Button>
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

/** The keys of an item whose values are texts (`title`, `text`). */
type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

type Field = { label: string; error: string | undefined };

type ItemHeadingProps<T> = ItemProps<T> & {
  /** The item: its `code` and its title (`title.key`) are edited here. */
  value: T;
  /** « le bloc 2 », for the buttons' accessible names. */
  name: string;
  code: Field & { width?: number };
  title: Field & { key: TextKey<T>; maxLength: number; multiline?: boolean };
};

/**
 * The head of an item of the framework editor (activity, bloc, competency, criterion): its
 * « Monter / Descendre / Supprimer » buttons, then its code and its title side by side.
 */
export function ItemHeading<T extends { code: string }>({
  value,
  onChange,
  name,
  code,
  title,
  ...item
}: ItemHeadingProps<T>) {
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
          value={value.code}
          onChange={(e) => onChange({ ...value, code: e.currentTarget.value })}
          error={code.error}
        />
        <Title
          label={title.label}
          required
          maxLength={title.maxLength}
          style={{ flex: 1 }}
          value={value[title.key] as string}
          onChange={(e) => onChange({ ...value, [title.key]: e.currentTarget.value })}
          error={title.error}
          {...(title.multiline ? { autosize: true, minRows: 1 } : {})}
        />
      </Group>
    </>
  );
}
