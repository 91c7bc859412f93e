import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCertificationSearch } from '../../catalogue/queries';

type SuccessorSelectProps = {
  /** The certification being replaced: not offered as its own successor. */
  excludeId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error: string | undefined;
};

/** Picks the certification that replaces this one, searching the catalogue as one types. */
export function SuccessorSelect({ excludeId, value, onChange, error }: SuccessorSelectProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const params = new URLSearchParams({ pageSize: '20' });
  if (debounced.trim()) params.set('q', debounced.trim());
  const results = useCertificationSearch(params.toString());
  const data = (results.data?.items ?? [])
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }));

  return (
    <Select
      label="Certification qui la remplace"
      description="Tapez un code ou un intitulé pour chercher."
      required
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      // The API has already searched: every option it returned is shown.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? 'Recherche…' : 'Aucune certification ne correspond.'}
      error={error}
    />
  );
}
