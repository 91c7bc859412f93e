import { Badge, Group, Table, Text } from '@mantine/core';
import type { Session } from '../api/types';
import { DateTime } from '../ui/DateTime';
import { ListTable } from '../ui/ListTable';
import { RevokeSessionButton } from './RevokeSessionButton';

const METHOD_LABELS: Record<Session['method'], string> = {
  password: 'Mot de passe',
  oidc: 'Connexion unique',
};

/** The person's open sessions, one per browser or device, with a way to close each. */
export function SessionsTable({ sessions }: { sessions: Session[] }) {
  if (sessions.length === 0) return <Text>Aucune session ouverte.</Text>;
  return (
    <>
      <Text>
        Chaque navigateur ou appareil connecté à votre compte ouvre une session. Révoquez celles que vous ne
        reconnaissez pas.
      </Text>
      <ListTable
        minWidth={860}
        columns={['Ouverte le', 'Dernière activité', 'Expire le', 'Navigateur', 'Méthode', 'Action']}
      >
        {sessions.map((session) => (
          <Table.Tr key={session.id}>
            <Table.Td>
              <Group gap="xs">
                <DateTime value={session.createdAt} />
                {session.current && (
                  <Badge variant="light" style={{ flexShrink: 0 }}>
                    Cette session
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <DateTime value={session.lastSeenAt} />
            </Table.Td>
            <Table.Td>
              <DateTime value={session.expiresAt} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {session.userAgent ?? 'Inconnu'}
              </Text>
            </Table.Td>
            <Table.Td>{METHOD_LABELS[session.method]}</Table.Td>
            <Table.Td>
              <RevokeSessionButton session={session} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}
