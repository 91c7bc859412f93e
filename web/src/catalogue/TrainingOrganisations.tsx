import { Table, Text } from '@mantine/core';
import type { TrainingOrganisation } from '../api/catalogue';
import { formatDate } from '../format/date';
import { ListTable } from '../ui/ListTable';

/** The organisations habilitated today to train or assess for this certification. */
export function TrainingOrganisations({ organisations }: { organisations: TrainingOrganisation[] }) {
  if (organisations.length === 0) {
    return <Text>Aucun organisme n’est habilité aujourd’hui pour cette certification.</Text>;
  }
  return (
    <ListTable minWidth={560} columns={['Organisme', 'Habilitation', 'Jusqu’au']}>
      {organisations.map((o) => (
        <Table.Tr key={`${o.id}-${o.habilitation}`}>
          <Table.Td>{o.name}</Table.Td>
          <Table.Td>{o.habilitation}</Table.Td>
          <Table.Td>{formatDate(o.validTo)}</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
