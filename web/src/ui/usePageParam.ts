import { useSearchParams } from 'react-router';

/** The page number of a paginated list, kept in the address (`?page=2`) for back/forward. */
export function usePageParam(): [number, (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const value = Number(params.get('page'));
  const page = Number.isInteger(value) && value >= 1 ? value : 1;
  const setPage = (next: number) => setParams(next === 1 ? {} : { page: String(next) });
  return [page, setPage];
}
