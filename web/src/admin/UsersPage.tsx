import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { User } from '../api/types';
import { plural } from '../format/plural';
import { grantLabel } from '../roles';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { PagedResult } from '../ui/PagedResult';
import { RowButton } from '../ui/RowButton';
import { usePagedList } from '../ui/usePagedList';
import { GrantsDialog, NewUserDialog, useRefreshUsers, usersApi } from './UserDialogs';

const PAGE_SIZE = 20;

function UserActions({ user, onRoles }: { user: User; onRoles: () => void }) {
  const refresh = useRefreshUsers();
  const who = user.displayName;
  return (
    <Group gap="xs" wrap="wrap">
      <RowButton label={`Rôles de ${who}`} onClick={onRoles}>
        Rôles
      </RowButton>
      {user.isActive && (
        <ConfirmButton
          color="blue"
          buttonProps={{ size: 'xs', variant: 'outline' }}
          ariaLabel={`Inviter ${who}`}
          title={`Inviter ${who} ?`}
          message="Un e-mail lui donnera un lien, valable 7 jours, pour choisir son mot de passe."
          confirmLabel="Envoyer l’invitation"
          action={() => usersApi.invite(user.id)}
          onDone={refresh}
        >
          Inviter
        </ConfirmButton>
      )}
      <ConfirmButton
        color={user.isActive ? 'red' : 'blue'}
        buttonProps={{ size: 'xs', variant: 'outline' }}
        ariaLabel={`${user.isActive ? 'Désactiver' : 'Réactiver'} ${who}`}
        title={user.isActive ? `Désactiver le compte de ${who} ?` : `Réactiver le compte de ${who} ?`}
        message={
          user.isActive
            ? 'Ses sessions prennent fin immédiatement et la connexion lui est refusée jusqu’à réactivation.'
            : 'La personne pourra de nouveau se connecter avec ses rôles actuels.'
        }
        confirmLabel={user.isActive ? 'Désactiver' : 'Réactiver'}
        action={() => usersApi.setActive(user.id, !user.isActive)}
        onDone={refresh}
      >
        {user.isActive ? 'Désactiver' : 'Réactiver'}
      </ConfirmButton>
    </Group>
  );
}

/** `/admin/utilisateurs`: accounts, searched by name or address; created, invited, their roles, deactivated. */
export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const list = usePagedList<User>('/api/v1/users', PAGE_SIZE, { q });
  const [creating, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<User | null>(null);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(typed.trim() ? { q: typed.trim() } : {});
  };
  return (
    <Page title="Utilisateurs">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <form onSubmit={search} aria-label="Chercher un compte">
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="Nom ou adresse e-mail"
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              w={280}
            />
            <Button type="submit" variant="default">
              Rechercher
            </Button>
          </Group>
        </form>
        <Button onClick={open}>Nouveau compte</Button>
      </Group>
      <NewUserDialog opened={creating} onClose={close} />
      {editing && <GrantsDialog key={editing.id} user={editing} onClose={() => setEditing(null)} />}
      <PagedResult
        list={list}
        loadingLabel="Chargement des comptes…"
        empty={q ? 'Aucun compte ne correspond à cette recherche.' : 'Aucun compte sur cette page.'}
        count={(total) => plural(total, 'compte', 'comptes')}
      >
        {(users) => (
          <ListTable
            minWidth={860}
            columns={['Nom', 'Adresse e-mail', 'Rôles et périmètres', 'Statut', 'Actions']}
          >
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
                <Table.Td>
                  <UserActions user={user} onRoles={() => setEditing(user)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </PagedResult>
    </Page>
  );
}
