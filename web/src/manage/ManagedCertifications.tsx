import { Anchor, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCertificationSearch } from '../catalogue/queries';
import { RecognitionBadge } from '../catalogue/RecognitionBadge';
import { StatusBadge } from '../catalogue/StatusBadge';
import { plural } from '../format/plural';
import { ListTable } from '../ui/ListTable';
import { PagedResult } from '../ui/PagedResult';

const PAGE_SIZE = 20;

/** The certifications of one branch (or all of them), each leading to its management page. */
export function ManagedCertifications({ title, branchId }: { title: string; branchId?: string }) {
  const [page, setPage] = useState(1);
  // Every status: the drafts of the person's branches with the public ones.
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE), status: 'all' });
  if (branchId) params.set('branch', branchId);
  const search = useCertificationSearch(params.toString());
  const headingId = `liste-${branchId ?? 'toutes'}`;

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {title}
      </Title>
      <PagedResult
        list={{ query: search, page, setPage }}
        loadingLabel="Chargement des certifications…"
        empty="Aucune certification pour l’instant."
        emptyAlone
        count={(total) => plural(total, 'certification', 'certifications')}
      >
        {(items) => (
          <ListTable minWidth={640} columns={['Code', 'Intitulé', 'Type', 'Catalogue', 'Reconnaissance']}>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td ff="monospace">{item.code}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/gestion/certifications/${item.id}`}>
                    {item.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{item.kind}</Table.Td>
                <Table.Td>
                  <StatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>
                  <RecognitionBadge recognition={item.recognition} />
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </PagedResult>
    </section>
  );
}
