import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError, api } from '../api/client';
import type { OutboxMessage } from '../api/types';
import { loginPath } from '../auth/returnPath';
import { DateTime } from '../ui/DateTime';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import { LinkifiedText } from './LinkifiedText';

/** Development only, for admins: the e-mails Qualif would have sent, so that a reset link can be followed. */
export function OutboxPage() {
  const outbox = useQuery({
    queryKey: ['dev-outbox'],
    queryFn: () => api.get<{ items: OutboxMessage[] }>('/api/v1/dev/outbox'),
    retry: false,
  });

  const status = outbox.error instanceof ApiError ? outbox.error.status : undefined;
  if (outbox.error && status === 404) {
    return (
      <Page title="Boîte d'envoi (développement)">
        <ProblemAlert
          error={outbox.error}
          title="La boîte d'envoi n'existe qu'en développement : ici, les e-mails partent réellement."
        />
      </Page>
    );
  }
  // The messages hold password-reset links: admins only. First sign in, then it takes an admin.
  if (outbox.error && (status === 401 || status === 403)) {
    return (
      <Page title="Boîte d'envoi (développement)">
        <ProblemAlert error={outbox.error} title="Boîte d'envoi réservée aux administrateurs" />
        {status === 401 ? (
          <Button component={Link} to={loginPath('/dev/boite-envoi')} w="fit-content">
            Se connecter avec un compte administrateur
          </Button>
        ) : (
          <Text>Connectez-vous avec un compte administrateur pour la consulter.</Text>
        )}
      </Page>
    );
  }

  return (
    <Page title="Boîte d'envoi (développement)">
      <Button variant="default" w="fit-content" onClick={() => outbox.refetch()} loading={outbox.isFetching}>
        Actualiser
      </Button>
      <QueryState query={outbox} loadingLabel="Chargement des messages…">
        {(data) =>
          data.items.length === 0 ? (
            <Text>Aucun message envoyé pour l'instant.</Text>
          ) : (
            <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
              {data.items.map((message) => (
                <Card component="li" withBorder key={message.id}>
                  <Title order={2} size="h4">
                    {message.subject}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {`À ${message.to}, le `}
                    <DateTime value={message.createdAt} />
                  </Text>
                  <LinkifiedText text={message.text} />
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}
