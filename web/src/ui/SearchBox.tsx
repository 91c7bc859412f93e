import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';

type SearchBoxProps = {
  label: string;
  description: string;
  /** The text the box starts with (the address's), followed on back / forward. */
  value: string;
  onSearch: (text: string) => void;
  submitLabel?: string;
  /** The form's accessible name, when the page has more than one search. */
  formLabel?: string;
};

/** A search landmark: one text box and its button. */
export function SearchBox({
  label,
  description,
  value,
  onSearch,
  submitLabel = 'Rechercher',
  formLabel,
}: SearchBoxProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text);
  };

  return (
    <search>
      <form onSubmit={submit} aria-label={formLabel}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label={label}
            description={description}
            type="search"
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit">{submitLabel}</Button>
        </Group>
      </form>
    </search>
  );
}
