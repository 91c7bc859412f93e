import { Group, Pagination, Text } from '@mantine/core';

type PagerProps = {
  page: number;
  pageSize: number;
  total: number;
  /** What the list counts, e.g. « 12 comptes ». */
  summary: string;
  onChange: (page: number) => void;
};

const CONTROL_LABELS = {
  first: 'Première page',
  previous: 'Page précédente',
  next: 'Page suivante',
  last: 'Dernière page',
} as const;

export function Pager({ page, pageSize, total, summary, onChange }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between">
      <Text size="sm">{`${summary} · page ${page} sur ${pages}`}</Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          getItemProps={(p) => ({
            'aria-label': `Page ${p}`,
            'aria-current': p === page ? 'page' : undefined,
          })}
          getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })}
        />
      )}
    </Group>
  );
}
