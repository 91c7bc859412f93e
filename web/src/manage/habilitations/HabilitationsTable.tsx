import { Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { COLLEGE_LABELS } from '../../../../src/contracts/juries';
import type { Habilitation } from '../../api/catalogue';
import { api } from '../../api/client';
import { HABILITATION_LABELS } from '../../catalogue/labels';
import { catalogueKey } from '../../catalogue/queries';
import { formatDate, today } from '../../format/date';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ListTable } from '../../ui/ListTable';

function holder(h: Habilitation): string {
  return h.organisationName ?? h.personName ?? '—';
}

function status(h: Habilitation, date: string): string {
  if (h.validTo < date) return 'Échue';
  if (h.validFrom > date) return 'À venir';
  return 'En cours';
}

/** Every habilitation of the certification, past, current and future, each removable. */
export function HabilitationsTable({
  certificationId,
  habilitations,
}: {
  certificationId: string;
  habilitations: Habilitation[];
}) {
  const queryClient = useQueryClient();
  const date = today();
  if (habilitations.length === 0) return <Text>Aucune habilitation pour cette certification.</Text>;
  return (
    <ListTable minWidth={760} columns={['Titulaire', 'Habilitation', 'Du', 'Au', 'État', 'Action']}>
      {habilitations.map((h) => {
        const name = `${HABILITATION_LABELS[h.kind]} — ${holder(h)}`;
        return (
          <Table.Tr key={h.id}>
            <Table.Td>{holder(h)}</Table.Td>
            <Table.Td>
              {HABILITATION_LABELS[h.kind]}
              {h.college && (
                <Text size="sm" c="dimmed">
                  {COLLEGE_LABELS[h.college]}
                  {h.designatedBy ? ` — désigné·e par ${h.designatedBy}` : ''}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(h.validFrom)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(h.validTo)}</Table.Td>
            <Table.Td>{status(h, date)}</Table.Td>
            <Table.Td>
              <ConfirmButton
                ariaLabel={`Retirer l’habilitation « ${name} »`}
                buttonProps={{ variant: 'outline', size: 'xs' }}
                title="Retirer cette habilitation ?"
                message={`L’habilitation « ${name} » sera supprimée.`}
                confirmLabel="Retirer"
                action={() => api.delete(`/api/v1/certifications/${certificationId}/habilitations/${h.id}`)}
                onDone={() => queryClient.invalidateQueries({ queryKey: catalogueKey })}
              >
                Retirer
              </ConfirmButton>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
