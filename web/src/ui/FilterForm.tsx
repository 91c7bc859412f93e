import { Button, Group } from '@mantine/core';
import { type ReactNode, useState } from 'react';

type Filters = Partial<Record<string, string>>;

type FilterFormProps<F extends Filters> = {
  /** The form's accessible name: « Filtrer le journal ». */
  label: string;
  /** The filters applied now (from the address). */
  value: F;
  /** Applies the filters chosen (« Filtrer »), or none (« Effacer les filtres »). */
  onApply: (next: F) => void;
  /** The fields, given the draft and a setter per filter (null or '' clears it). */
  children: (draft: F, set: (key: keyof F & string) => (next: string | null) => void) => ReactNode;
};

/** A list's filters as a form: edited as a draft, applied together by « Filtrer », or all cleared. */
export function FilterForm<F extends Filters>({ label, value, onApply, children }: FilterFormProps<F>) {
  const [draft, setDraft] = useState<F>(value);
  const set = (key: keyof F & string) => (next: string | null) =>
    setDraft({ ...draft, [key]: next || undefined });
  return (
    <form
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <Group align="flex-end" wrap="wrap">
        {children(draft, set)}
        <Button type="submit">Filtrer</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft({} as F);
            onApply({} as F);
          }}
        >
          Effacer les filtres
        </Button>
      </Group>
    </form>
  );
}
