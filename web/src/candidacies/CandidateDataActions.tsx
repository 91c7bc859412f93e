import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer } from '../api/types';
import { COLORS } from '../ui/colors';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useCandidate } from './candidacy';

type Invitation = Answer<'/api/v1/candidates/{id}/invitation', 'post', 202>;

const candidatePath = (id: string) => `/api/v1/candidates/${encodeURIComponent(id)}`;

/**
 * A candidate's personal data actions, as the API allows them (`can` of the candidate's read):
 * « Exporter les données » (the person themselves and the data protection officer: a zip with
 * everything held, NIR included) and « Renvoyer l’invitation » (those who manage one of their
 * candidacies, when an email is known). Nothing at all when neither is allowed.
 */
export function CandidateDataActions({ candidateId }: { candidateId: string }) {
  const candidate = useCandidate(candidateId);
  const invite = useMutation({
    mutationFn: () => api.post<Invitation>(`${candidatePath(candidateId)}/invitation`),
  });
  const c = candidate.data;
  if (!c) return null;
  const mayInvite = c.can.invite && c.email !== null && c.anonymisedAt === null;
  if (!c.can.export && !mayInvite) return null;
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        {c.can.export && (
          <Button component="a" variant="default" href={`${candidatePath(candidateId)}/export`} download>
            Exporter les données
          </Button>
        )}
        {mayInvite && (
          <Button variant="default" loading={invite.isPending} onClick={() => invite.mutate()}>
            Renvoyer l’invitation
          </Button>
        )}
      </Group>
      {invite.isSuccess && (
        <Alert color={COLORS.success} role="status">
          Invitation envoyée : la personne reçoit un nouveau lien pour choisir son mot de passe, valable 7
          jours.
        </Alert>
      )}
      {invite.isError && <ProblemAlert error={invite.error} title="L’invitation n’a pas été envoyée" />}
    </Stack>
  );
}
