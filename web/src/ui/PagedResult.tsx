import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Pager } from './Pager';
import { QueryState } from './QueryState';
import type { usePagedList } from './usePagedList';

type PagedResultProps<T> = {
  list: ReturnType<typeof usePagedList<T>>;
  loadingLabel: string;
  /** Shown when the page has no rows. */
  empty: string;
  /** The total, worded: « 12 comptes ». */
  count: (total: number) => string;
  children: (items: T[]) => ReactNode;
};

/** A paginated list's states: loading, error, empty page or rows, then the pager. */
export function PagedResult<T>({ list, loadingLabel, empty, count, children }: PagedResultProps<T>) {
  return (
    <QueryState query={list.query} loadingLabel={loadingLabel}>
      {(data) => (
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
      )}
    </QueryState>
  );
}
