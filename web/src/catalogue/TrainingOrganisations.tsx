import { Table, Text } from '@mantine/core';
import type { TrainingOrganisation } from '../api/catalogue';
import { formatDate } from '../format/date';

/** The organisations habilitated today to train or assess for this certification. */
export function TrainingOrganisations({ organisations }: { organisations: TrainingOrganisation[] }) {
  if (organisations.length === 0) {
    return <Text>Aucun organisme n’est habilité aujourd’hui pour cette certification.</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Organisme</Table.Th>
            <Table.Th scope="col">Habilitation</Table.Th>
            <Table.Th scope="col">Jusqu’au</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {organisations.map((o) => (
            <Table.Tr key={`${o.id}-${o.habilitation}`}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td>{o.habilitation}</Table.Td>
              <Table.Td>{formatDate(o.validTo)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
