import { Table, Text } from '@mantine/core';
import type { User } from '../api/types';
import { plural } from '../format/plural';
import { grantLabel } from '../roles';
import { Page } from '../ui/Page';
import { PagedResult } from '../ui/PagedResult';
import { usePagedList } from '../ui/usePagedList';

const PAGE_SIZE = 20;

export function UsersPage() {
  const list = usePagedList<User>('/api/v1/users', PAGE_SIZE);
  return (
    <Page title="Utilisateurs">
      <PagedResult
        list={list}
        loadingLabel="Chargement des comptes…"
        empty="Aucun compte sur cette page."
        count={(total) => plural(total, 'compte', 'comptes')}
      >
        {(users) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Nom</Table.Th>
                  <Table.Th scope="col">Adresse e-mail</Table.Th>
                  <Table.Th scope="col">Rôles et périmètres</Table.Th>
                  <Table.Th scope="col">Statut</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.displayName}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>
                      {user.roles.map((grant) => (
                        <Text size="sm" key={`${grant.role}:${grant.scope.id ?? ''}`}>
                          {grantLabel(grant)}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>{user.isActive ? 'Actif' : 'Désactivé'}</Table.Td>
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
