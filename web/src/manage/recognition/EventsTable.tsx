import { Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { RecognitionEvent } from '../../api/catalogue';
import { api } from '../../api/client';
import { RECOGNITION_EVENT_LABELS } from '../../catalogue/labels';
import { catalogueKey } from '../../catalogue/queries';
import { formatDate, formatPeriod } from '../../format/date';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ListTable } from '../../ui/ListTable';

function details(e: RecognitionEvent): string {
  return [
    e.number,
    e.level !== undefined ? `niveau ${e.level}` : undefined,
    e.from ? `enregistré ${formatPeriod(e.from, e.to)}` : undefined,
    e.reference ?? undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The recognition events as recorded, oldest first, each with a way to delete it. */
export function EventsTable({
  certificationId,
  events,
}: {
  certificationId: string;
  events: RecognitionEvent[];
}) {
  const queryClient = useQueryClient();
  if (events.length === 0) return <Text>Aucun événement enregistré.</Text>;
  return (
    <ListTable minWidth={720} columns={['Date', 'Événement', 'Détails', 'Action']}>
      {events.map((e) => {
        const name = `${RECOGNITION_EVENT_LABELS[e.type]} du ${formatDate(e.date)}`;
        return (
          <Table.Tr key={e.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.date)}</Table.Td>
            <Table.Td>{RECOGNITION_EVENT_LABELS[e.type]}</Table.Td>
            <Table.Td>{details(e) || '—'}</Table.Td>
            <Table.Td>
              <ConfirmButton
                ariaLabel={`Supprimer l’événement « ${name} »`}
                buttonProps={{ variant: 'outline', size: 'xs' }}
                title="Supprimer cet événement ?"
                message={`L’événement « ${name} » sera supprimé et la reconnaissance recalculée. Ne supprimez qu’un événement saisi par erreur.`}
                confirmLabel="Supprimer"
                action={() => api.delete(`/api/v1/certifications/${certificationId}/events/${e.id}`)}
                onDone={() => queryClient.invalidateQueries({ queryKey: catalogueKey })}
              >
                Supprimer
              </ConfirmButton>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
