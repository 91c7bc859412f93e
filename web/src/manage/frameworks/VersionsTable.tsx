import { Badge, Button, Table, Text } from '@mantine/core';
import type { VersionSummary } from '../../api/catalogue';
import { COLORS } from '../../ui/colors';
import { DateTime } from '../../ui/DateTime';
import { ListTable } from '../../ui/ListTable';

/** The versions of the framework, newest first; one is open below. */
export function VersionsTable({
  versions,
  selected,
  onOpen,
}: {
  versions: VersionSummary[];
  selected: number;
  onOpen: (number: number) => void;
}) {
  return (
    <ListTable minWidth={600} columns={['Version', 'Statut', 'Créée le', 'Publiée le', 'Action']}>
      {versions.map((v) => (
        <Table.Tr key={v.id}>
          <Table.Td>{`Version ${v.number}`}</Table.Td>
          <Table.Td>
            {v.status === 'published' ? (
              <Badge variant="light" color={COLORS.success}>
                Publiée
              </Badge>
            ) : (
              <Badge variant="light" color={COLORS.warning}>
                Brouillon
              </Badge>
            )}
          </Table.Td>
          <Table.Td>
            <DateTime value={v.createdAt} />
          </Table.Td>
          <Table.Td>{v.publishedAt ? <DateTime value={v.publishedAt} /> : '—'}</Table.Td>
          <Table.Td>
            {v.number === selected ? (
              <Text size="sm" fw={600}>
                Affichée ci-dessous
              </Text>
            ) : (
              <Button variant="subtle" size="compact-sm" onClick={() => onOpen(v.number)}>
                {`Ouvrir la version ${v.number}`}
              </Button>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
