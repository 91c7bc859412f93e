import { SearchBox } from '../ui/SearchBox';

/** The catalogue's free-text search; the address keeps what was searched. */
export function SearchForm({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  return (
    <SearchBox
      label="Rechercher une certification"
      description="Intitulé, code, métier ou mot-clé"
      value={value}
      onSearch={onSearch}
    />
  );
}
