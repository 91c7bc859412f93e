import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Session } from '../api/types';
import { leaveToLogin } from '../auth/leave';
import { formatDateTime } from '../format/dateTime';
import { ProblemAlert } from '../ui/ProblemAlert';
import { sessionsKey } from './useSessions';

/** « Révoquer », after confirmation. Revoking the current session signs out. */
export function RevokeSessionButton({ session }: { session: Session }) {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.delete(`/api/v1/auth/sessions/${encodeURIComponent(session.id)}`),
    onSuccess: () => {
      if (session.current) return leaveToLogin();
      close();
      return queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
  });
  const openedAt = formatDateTime(session.createdAt);

  return (
    <>
      <Button
        variant="outline"
        color="red"
        size="xs"
        onClick={() => {
          revoke.reset();
          open();
        }}
        aria-label={`Révoquer la session ouverte le ${openedAt}`}
      >
        Révoquer
      </Button>
      {/* Composed by hand for a <div> header: Mantine's <header> would be a second banner landmark. */}
      <Modal.Root opened={opened} onClose={close}>
        <Modal.Overlay />
        <Modal.Content>
          <Modal.Header component="div">
            <Modal.Title>Révoquer cette session ?</Modal.Title>
            <Modal.CloseButton aria-label="Fermer" />
          </Modal.Header>
          <Modal.Body>
            <Stack>
              <Text>
                {session.current
                  ? "C'est la session que vous utilisez en ce moment : vous serez déconnecté·e."
                  : `La session ouverte le ${openedAt} sera fermée : l'appareil qui l'utilise devra se reconnecter.`}
              </Text>
              {revoke.error && <ProblemAlert error={revoke.error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Annuler
                </Button>
                <Button color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
                  Confirmer la révocation
                </Button>
              </Group>
            </Stack>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}
