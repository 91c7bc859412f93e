import { Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../api/types';
import { Pager } from './Pager';
import { QueryState } from './QueryState';

/** One page of a list and the page number: `usePagedList`'s answer, or a list's own state. */
export type PagedList<T> = {
  query: UseQueryResult<Page<T>>;
  page: number;
  setPage: (page: number) => void;
};

type PagedResultProps<T> = {
  list: PagedList<T>;
  loadingLabel: string;
  /** Shown when the page has no rows. */
  empty: string;
  /** With no rows, the empty text alone, without the pager. */
  emptyAlone?: boolean;
  /** The total, worded: « 12 comptes ». */
  count: (total: number) => string;
  children: (items: T[]) => ReactNode;
};

/** A paginated list's states: loading, error, empty page or rows, then the pager. */
export function PagedResult<T>({
  list,
  loadingLabel,
  empty,
  emptyAlone = false,
  count,
  children,
}: PagedResultProps<T>) {
  return (
    <QueryState query={list.query} loadingLabel={loadingLabel}>
      {(data) =>
        emptyAlone && data.items.length === 0 ? (
          <Text>{empty}</Text>
        ) : (
          <Stack aria-busy={list.query.isPlaceholderData}>
            {data.items.length === 0 ? <Text>{empty}</Text> : children(data.items)}
            <Pager
              page={list.page}
              pageSize={data.pageSize}
              total={data.total}
              summary={count(data.total)}
              onChange={list.setPage}
            />
          </Stack>
        )
      }
    </QueryState>
  );
}
