import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Schemas } from '../api/types';
import { catalogueKey } from '../catalogue/queries';
import { DateTime } from '../ui/DateTime';
import { ListTable } from '../ui/ListTable';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';

type Invitation = Schemas['CoOwnershipInvitation'];
const invitationsKey = ['co-ownership-invitations'] as const;

function Answer({ invitation }: { invitation: Invitation }) {
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (action: 'accept' | 'decline') =>
      api.post(`/api/v1/co-ownership-invitations/${invitation.id}/${action}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: invitationsKey });
      await queryClient.invalidateQueries({ queryKey: catalogueKey });
    },
  });
  const label = `${invitation.certification.code} pour la branche ${invitation.branch.name}`;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Button
          size="xs"
          onClick={() => answer.mutate('accept')}
          loading={answer.isPending && answer.variables === 'accept'}
          aria-label={`Accepter de co-porter ${label}`}
        >
          Accepter
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => answer.mutate('decline')}
          loading={answer.isPending && answer.variables === 'decline'}
          aria-label={`Refuser de co-porter ${label}`}
        >
          Refuser
        </Button>
      </Group>
      {answer.isError && <ProblemAlert error={answer.error} />}
    </Stack>
  );
}

/**
 * Pending invitations to co-own a CQPI: those received by the person's branches (to answer)
 * and those their branches sent (waiting). Nothing is shown when there are none.
 */
export function CoOwnershipInvitations() {
  const query = useQuery({
    queryKey: invitationsKey,
    queryFn: () =>
      api.get<{ items: Invitation[]; total: number }>(
        '/api/v1/co-ownership-invitations?status=pending&pageSize=100',
      ),
  });
  if (query.isSuccess && query.data.items.length === 0) return null;
  return (
    <section aria-labelledby="invitations">
      <Title order={2} size="h3" id="invitations" mb="sm">
        Invitations à co-porter un CQPI
      </Title>
      <Text size="sm" mb="sm">
        Une branche ne co-porte un CQPI qu’après avoir accepté l’invitation : elle le gère dès lors avec les
        autres.
      </Text>
      <QueryState query={query} loadingLabel="Chargement des invitations…">
        {(data) => (
          <ListTable minWidth={560} columns={['Certification', 'Branche invitée', 'Envoyée le', 'Réponse']}>
            {data.items.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/gestion/certifications/${invitation.certification.id}`}>
                    {invitation.certification.code} — {invitation.certification.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{invitation.branch.name}</Table.Td>
                <Table.Td>
                  <DateTime value={invitation.invitedAt} />
                </Table.Td>
                <Table.Td>
                  {invitation.can.answer ? (
                    <Answer invitation={invitation} />
                  ) : (
                    <Badge variant="light" color="gray">
                      En attente de sa réponse
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
    </section>
  );
}
