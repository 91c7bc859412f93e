import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { Errors } from './errors';
import { RemoveEntryButton } from './ItemActions';
import { ListError } from './ListError';
import { newText, removeAt, replaceAt, type TextItem } from './model';

type TextListEditorProps = {
  /** The list's heading: « Savoirs associés ». */
  label: string;
  /** One item's label, numbered: « Savoir » gives « Savoir 1 ». */
  itemLabel: string;
  /** « Ajouter un savoir ». */
  addLabel: string;
  /** Whose list it is, for the buttons' names: « de la compétence 1.2 ». */
  owner: string;
  items: TextItem[];
  onChange: (items: TextItem[]) => void;
  errors: Errors;
  /** The list's path in the document, e.g. `content.competencies.blocs.0.competencies.1.knowledge`. */
  path: string;
  maxLength: number;
};

/** A list of short texts (knowledge, indicators, work situations): add, edit, remove. */
export function TextListEditor({
  label,
  itemLabel,
  addLabel,
  owner,
  items,
  onChange,
  errors,
  path,
  maxLength,
}: TextListEditorProps) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {items.map((item, i) => (
        <Group key={item.key} align="flex-end" wrap="nowrap" gap="xs">
          <TextInput
            label={`${itemLabel} ${i + 1}`}
            size="sm"
            style={{ flex: 1 }}
            maxLength={maxLength}
            value={item.value}
            onChange={(e) => onChange(replaceAt(items, i, { ...item, value: e.currentTarget.value }))}
            error={errors(`${path}.${i}`)}
          />
          <RemoveEntryButton
            label={`Supprimer ${itemLabel.toLowerCase()} ${i + 1} ${owner}`}
            onClick={() => onChange(removeAt(items, i))}
          />
        </Group>
      ))}
      <ListError message={errors(path)} />
      <Group>
        <Button
          variant="light"
          size="compact-sm"
          onClick={() => onChange([...items, newText()])}
          aria-label={`${addLabel} ${owner}`}
        >
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
