import { useSearchParams } from 'react-router';

/** The page number of a paginated list, kept in the address (`?page=2`) for back/forward. */
export function usePageParam(): [number, (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const value = Number(params.get('page'));
  const page = Number.isInteger(value) && value >= 1 ? value : 1;
  // Other parameters of the address (a list's filters) stay as they are.
  const setPage = (next: number) =>
    setParams((previous) => {
      const kept = new URLSearchParams(previous);
      if (next === 1) kept.delete('page');
      else kept.set('page', String(next));
      return kept;
    });
  return [page, setPage];
}
