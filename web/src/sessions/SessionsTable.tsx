import { Badge, Group, Table, Text } from '@mantine/core';
import type { Session } from '../api/types';
import { DateTime } from '../ui/DateTime';
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
      <Table.ScrollContainer minWidth={860}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Ouverte le</Table.Th>
              <Table.Th scope="col">Dernière activité</Table.Th>
              <Table.Th scope="col">Expire le</Table.Th>
              <Table.Th scope="col">Navigateur</Table.Th>
              <Table.Th scope="col">Méthode</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
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
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
