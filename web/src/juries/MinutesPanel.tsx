import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ProblemAlert } from '../ui/ProblemAlert';
import { type CloseAnswer, type Jury, juriesKey, juryKey, juryPath } from './juries';

/**
 * The minutes (procès-verbal) and the close, in the order the session takes: decisions →
 * « Générer le procès-verbal » (convening staff or president) → each member signs its hash →
 * sealed → « Clore la session » (convening staff). The PDF is downloadable once generated.
 */
export function MinutesPanel({ jury, onClosed }: { jury: Jury; onClosed: (answer: CloseAnswer) => void }) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: juryKey(jury.id) }),
      queryClient.invalidateQueries({ queryKey: juriesKey, exact: false }),
    ]);
  const generate = useMutation({
    mutationFn: () => api.post(`${juryPath(jury.id)}/minutes`),
    onSuccess: refresh,
  });
  const sign = useMutation({
    mutationFn: () => api.post(`${juryPath(jury.id)}/signatures`),
    onSuccess: refresh,
  });
  const undecided = jury.candidacies.filter((c) => !c.decision).length;
  const generated = jury.status === 'minutes' || jury.status === 'sealed' || jury.status === 'closed';
  const mayGenerate = jury.status === 'deliberating' && (jury.can.manage || jury.can.decide);
  if (jury.status === 'planned' || jury.status === 'cancelled') return null;
  return (
    <section aria-labelledby="proces-verbal">
      <Title order={2} size="h3" id="proces-verbal" mb="sm">
        Procès-verbal
      </Title>
      <Stack gap="sm">
        {jury.status === 'deliberating' && (
          <Text size="sm">
            {undecided > 0
              ? `Le procès-verbal se génère une fois chaque parcours décidé (${undecided} sans décision).`
              : 'Chaque parcours a sa décision : le procès-verbal peut être généré.'}
          </Text>
        )}
        {mayGenerate && (
          <Group>
            <Button onClick={() => generate.mutate()} loading={generate.isPending} disabled={undecided > 0}>
              Générer le procès-verbal
            </Button>
          </Group>
        )}
        {generate.error && <ProblemAlert error={generate.error} />}
        {generated && (
          <Text size="sm">
            <Anchor href={`${juryPath(jury.id)}/minutes.pdf`} download>
              Télécharger le procès-verbal (PDF)
            </Anchor>
          </Text>
        )}
        {jury.status === 'minutes' && (
          <Text size="sm">
            Le procès-verbal attend les signatures que les règles de la branche demandent.
          </Text>
        )}
        {jury.status === 'minutes' && jury.can.sign && (
          <Group>
            <Button onClick={() => sign.mutate()} loading={sign.isPending}>
              Signer le procès-verbal
            </Button>
            {sign.isSuccess && (
              <Text size="sm" role="status">
                Votre signature est enregistrée.
              </Text>
            )}
          </Group>
        )}
        {sign.error && <ProblemAlert error={sign.error} />}
        {jury.status === 'sealed' && <Text size="sm">Le procès-verbal est signé et scellé.</Text>}
        {jury.status === 'sealed' && jury.can.manage && (
          <Group>
            <ConfirmButton
              color="blue"
              title="Clore la session ?"
              message="La clôture crée les attestations décidées, chacune avec son numéro, et fait passer les parcours à leur résultat. Elle ne se fait qu’une fois."
              confirmLabel="Clore la session"
              action={async () => {
                const answer = await api.post<CloseAnswer>(`${juryPath(jury.id)}/close`);
                onClosed(answer);
                await refresh();
              }}
            >
              Clore la session
            </ConfirmButton>
          </Group>
        )}
      </Stack>
    </section>
  );
}
