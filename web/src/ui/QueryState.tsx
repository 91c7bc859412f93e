import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Loading } from './Loading';
import { ProblemAlert } from './ProblemAlert';

type QueryStateProps<T> = {
  query: UseQueryResult<T>;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
};

/** Loading, error or the data: the three states of anything read from the API. */
export function QueryState<T>({ query, loadingLabel, children }: QueryStateProps<T>) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  return children(query.data);
}
