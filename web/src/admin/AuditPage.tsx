import { Code, Table } from '@mantine/core';
import type { AuditEvent } from '../api/types';
import { plural } from '../format/plural';
import { DateTime } from '../ui/DateTime';
import { Page } from '../ui/Page';
import { PagedResult } from '../ui/PagedResult';
import { usePagedList } from '../ui/usePagedList';
import { AuditIntegrity } from './AuditIntegrity';

const PAGE_SIZE = 50;

/** The audit trail, most recent first, and its integrity check. */
export function AuditPage() {
  const list = usePagedList<AuditEvent>('/api/v1/audit', PAGE_SIZE);
  return (
    <Page title="Journal d'audit">
      <AuditIntegrity />
      <PagedResult
        list={list}
        loadingLabel="Chargement du journal…"
        empty="Aucune entrée sur cette page."
        count={(total) => plural(total, 'entrée', 'entrées')}
      >
        {(events) => (
          <Table.ScrollContainer minWidth={900}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">N°</Table.Th>
                  <Table.Th scope="col">Date</Table.Th>
                  <Table.Th scope="col">Auteur·rice</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                  <Table.Th scope="col">Objet</Table.Th>
                  <Table.Th scope="col">Requête</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td>{event.id}</Table.Td>
                    <Table.Td>
                      <DateTime value={event.at} />
                    </Table.Td>
                    <Table.Td>{event.actorLabel}</Table.Td>
                    <Table.Td>
                      <Code>{event.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      {event.entityType} <Code>{event.entityId}</Code>
                    </Table.Td>
                    <Table.Td>{event.requestId ? <Code>{event.requestId}</Code> : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PagedResult>
    </Page>
  );
}
