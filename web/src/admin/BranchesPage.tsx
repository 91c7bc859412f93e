import { Button, Group, Table } from '@mantine/core';
import { useState } from 'react';
import { plural } from '../format/plural';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/QueryState';
import { RowButton } from '../ui/RowButton';
import { BranchDialog } from './BranchDialog';
import { useBranches } from './queries';

/** `/admin/branches`: the professional branches, their conventions and CPNE; created and edited. */
export function BranchesPage() {
  const branches = useBranches();
  // undefined: no dialog; null: a new branch; an id: that branch.
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  return (
    <Page title="Branches et CPNE">
      <Group>
        <Button onClick={() => setEditing(null)}>Nouvelle branche</Button>
      </Group>
      {editing !== undefined && (
        <BranchDialog
          key={editing ?? 'new'}
          branchId={editing ?? undefined}
          onClose={() => setEditing(undefined)}
        />
      )}
      <QueryState query={branches} loadingLabel="Chargement des branches…">
        {({ items }) => (
          <ListTable
            minWidth={640}
            columns={['Branche', 'IDCC', 'OPCO', 'Actions']}
            caption={plural(items.length, 'branche', 'branches')}
          >
            {items.map((branch) => (
              <Table.Tr key={branch.id}>
                <Table.Td>{branch.name}</Table.Td>
                <Table.Td>{branch.idcc.join(', ') || '—'}</Table.Td>
                <Table.Td>{branch.opco ?? '—'}</Table.Td>
                <Table.Td>
                  <RowButton
                    label={`Modifier la branche ${branch.name}`}
                    onClick={() => setEditing(branch.id)}
                  >
                    Modifier
                  </RowButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
    </Page>
  );
}
