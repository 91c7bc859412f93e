import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { FilteredResults } from './FilteredResults';
import { FilterForm } from './FilterForm';

type Filters<K extends string> = Partial<Record<K, string>>;

/**
 * A list's filters kept in the address (`?status=revoked&year=2026`): those of `keys` set now,
 * how many, and `apply` (the filters chosen replace the address's query, the page included).
 */
export function useAddressFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    keys.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])),
  ) as Filters<K>;
  return {
    filters,
    active: Object.keys(filters).length,
    /** Changes with the address: the form's draft starts again from what is applied. */
    version: params.toString(),
    apply: (next: Filters<K>) =>
      setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>),
  };
}

type FilteredListProps<K extends string> = {
  /** The form's accessible name: « Filtrer les sessions ». */
  label: string;
  /** useAddressFilters' answer. */
  address: ReturnType<typeof useAddressFilters<K>>;
  /** The fields, given the draft and a setter per filter (FilterForm). */
  fields: (draft: Filters<K>, set: (key: K) => (next: string | null) => void) => ReactNode;
  /** The results. */
  children: ReactNode;
};

/**
 * A list page's filters (a FilterForm applied to the address) above its results — on a phone,
 * in a drawer opened by a button that says how many are set (FilteredResults).
 */
export function FilteredList<K extends string>({ label, address, fields, children }: FilteredListProps<K>) {
  return (
    <FilteredResults
      placement="above"
      active={address.active}
      filters={
        <FilterForm key={address.version} label={label} value={address.filters} onApply={address.apply}>
          {fields}
        </FilterForm>
      }
    >
      {children}
    </FilteredResults>
  );
}
