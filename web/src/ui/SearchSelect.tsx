import { type ComboboxItem, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

type SearchSelectProps = Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter' | 'error'
> & {
  /** The query's cache key; the text searched is appended to it. */
  queryKey: readonly unknown[];
  /** The options the API finds for the text typed ('' : its first ones). */
  search: (q: string) => Promise<ComboboxItem[]>;
  value: string | null;
  onChange: (value: string | null) => void;
  /** The chosen option's label while it is not among the options found (a choice kept in the address). */
  valueLabel?: string | undefined;
  /** « Aucun compte ne correspond. » */
  nothingFound: string;
  /** The field's error when the search itself fails: « Liste des comptes indisponible. » */
  unavailable: string;
  /** The API's error for this field, if any. */
  error?: string | undefined;
  /** False while the field is not shown: nothing is asked of the API. */
  enabled?: boolean;
};

/**
 * A select whose options the API searches as one types (any of thousands of rows can be chosen,
 * not only a first page). Once an option is chosen the box shows its label: that is not a new
 * search.
 */
export function SearchSelect({
  queryKey,
  search,
  value,
  onChange,
  valueLabel,
  nothingFound,
  unavailable,
  error,
  enabled = true,
  ...props
}: SearchSelectProps) {
  const [typed, setTyped] = useState('');
  const [chosenLabel, setChosenLabel] = useState('');
  const [debounced] = useDebouncedValue(typed, 250);
  const q = typed === chosenLabel ? '' : debounced.trim();
  const found = useQuery({
    queryKey: [...queryKey, q],
    queryFn: () => search(q),
    enabled,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
  const options = found.data ?? [];
  const chosen = value !== null && !options.some((o) => o.value === value);
  const data = chosen
    ? [{ value, label: chosenLabel || valueLabel || 'Choix en cours' }, ...options]
    : options;
  return (
    <Select
      {...props}
      searchable
      data={data}
      value={value}
      onChange={(next, option) => {
        setChosenLabel(option?.label ?? '');
        onChange(next);
      }}
      searchValue={typed}
      onSearchChange={setTyped}
      // The API has already searched: every option it returned is shown.
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? 'Recherche…' : nothingFound}
      error={error ?? (found.isError ? unavailable : undefined)}
    />
  );
}
