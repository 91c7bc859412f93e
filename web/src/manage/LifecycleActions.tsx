import { Alert, Group, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { Certification } from '../api/catalogue';
import { api } from '../api/client';
import { catalogueKey } from '../catalogue/queries';
import { ConfirmButton } from '../ui/ConfirmButton';
import { COLORS } from '../ui/colors';

const transition = (id: string, action: 'activate' | 'retire') =>
  api.post(`/api/v1/certifications/${encodeURIComponent(id)}/${action}`);

/**
 * Where the certification stands in the catalogue, and the one step forward the person may
 * take: « Activer » a draft once nothing is missing (the server says what is, in
 * `activation.missing`), « Retirer du catalogue » an active one. Offered only when `can` allows
 * it and the step can succeed.
 */
export function LifecycleActions({ certification: c }: { certification: Certification }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: catalogueKey });

  if (c.status === 'draft') {
    const missing = c.activation?.missing ?? [];
    return (
      <Alert color={COLORS.info} title="Brouillon : hors du catalogue public">
        <Stack gap="sm">
          <Text size="sm">
            Seul le personnel de ses branches la voit. Une fois activée, elle apparaît dans le catalogue
            public.
          </Text>
          {c.can?.activate && missing.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                Pour l’activer, il manque :
              </Text>
              <List size="sm">
                {missing.map((m) => (
                  <List.Item key={m.requirement}>{m.detail}</List.Item>
                ))}
              </List>
            </>
          )}
          {c.can?.activate && missing.length === 0 && (
            <Group>
              <ConfirmButton
                color="blue"
                title={`Mettre ${c.code} au catalogue ?`}
                message="Elle devient publique : sa fiche, ses référentiels publiés et ses organismes habilités sont visibles de tous, et les candidatures peuvent s’ouvrir."
                confirmLabel="Activer"
                action={() => transition(c.id, 'activate')}
                onDone={refresh}
              >
                Activer
              </ConfirmButton>
            </Group>
          )}
        </Stack>
      </Alert>
    );
  }
  if (c.status === 'retired') {
    return (
      <Alert color={COLORS.warning} title="Retirée du catalogue">
        Elle reste publique avec son historique, mais n’accepte plus de nouvelle candidature.
      </Alert>
    );
  }
  if (!c.can?.retire) return null;
  return (
    <Group>
      <ConfirmButton
        buttonProps={{ variant: 'outline' }}
        title={`Retirer ${c.code} du catalogue ?`}
        message={
          <Stack gap="xs">
            <Text>
              Elle restera publique avec son historique, mais n’acceptera plus de nouvelle candidature. Ce
              retrait est définitif.
            </Text>
            <Text size="sm" c="dimmed">
              Un retrait décidé par France compétences s’enregistre, lui, comme un événement dans l’onglet «
              Reconnaissance ».
            </Text>
          </Stack>
        }
        confirmLabel="Retirer du catalogue"
        action={() => transition(c.id, 'retire')}
        onDone={refresh}
      >
        Retirer du catalogue
      </ConfirmButton>
    </Group>
  );
}
