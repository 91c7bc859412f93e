import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { JURY_MEMBER_ROLE_LABELS } from '../../../src/contracts/juries';
import { api } from '../api/client';
import { useCurrentUser } from '../auth/currentUser';
import { formatDateTime } from '../format/dateTime';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ProblemAlert } from '../ui/ProblemAlert';
import { type CloseAnswer, type Jury, juriesKey, juryKey, juryPath, type SignatureRequest } from './juries';

/** Who signed the current minutes and who must still sign, as the API says. */
function Signatures({ minutes }: { minutes: NonNullable<Jury['minutes']> }) {
  return (
    <>
      {minutes.signatures.length > 0 && (
        <div>
          <Text size="sm" fw={500}>
            Ont signé
          </Text>
          <List size="sm">
            {minutes.signatures.map((s) => (
              <List.Item key={s.userId}>
                {s.name ?? 'Membre'} ({JURY_MEMBER_ROLE_LABELS[s.role]}), le {formatDateTime(s.signedAt)}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {minutes.missingSigners.length > 0 && (
        <div>
          <Text size="sm" fw={500}>
            Doivent encore signer
          </Text>
          <List size="sm">
            {minutes.missingSigners.map((m) => (
              <List.Item key={m.userId}>{m.name ?? 'Membre'}</List.Item>
            ))}
          </List>
        </div>
      )}
    </>
  );
}

/**
 * The minutes (procès-verbal) and the close, in the order the session takes: decisions →
 * « Générer le procès-verbal » (convening staff or president) → each member the rules call
 * signs its hash → sealed → « Clore la session » (convening staff). The PDF is downloadable
 * once generated; who signed and who must are listed.
 */
export function MinutesPanel({ jury, onClosed }: { jury: Jury; onClosed: (answer: CloseAnswer) => void }) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: juryKey(jury.id) }),
      queryClient.invalidateQueries({ queryKey: juriesKey, exact: false }),
    ]);
  const generate = useMutation({
    mutationFn: () => api.post(`${juryPath(jury.id)}/minutes`),
    onSuccess: refresh,
  });
  // The member signs the hash of the minutes they read: newer minutes in between are refused (409).
  const sign = useMutation({
    mutationFn: (body: SignatureRequest) => api.post(`${juryPath(jury.id)}/signatures`, body),
    onSuccess: refresh,
  });
  const minutes = jury.minutes;
  const mustSign = minutes?.missingSigners.some((m) => m.userId === me.user.id) ?? false;
  const undecided = jury.candidacies.filter((c) => !c.decision).length;
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
        {minutes && (
          <>
            <Text size="sm">
              <Anchor href={`${juryPath(jury.id)}/minutes.pdf`} download>
                Télécharger le procès-verbal (PDF)
              </Anchor>
            </Text>
            <Text size="sm">
              Version {minutes.version}, générée le {formatDateTime(minutes.generatedAt)}
              {minutes.sealed ? ', signée et scellée' : ''} — empreinte SHA-256{' '}
              <Text span ff="monospace" size="xs" style={{ overflowWrap: 'anywhere' }}>
                {minutes.sealedSha256 ?? minutes.sha256}
              </Text>
            </Text>
            <Signatures minutes={minutes} />
          </>
        )}
        {jury.status === 'minutes' && minutes && jury.can.sign && mustSign && (
          <Group>
            <Button onClick={() => sign.mutate({ sha256: minutes.sha256 })} loading={sign.isPending}>
              Signer le procès-verbal
            </Button>
          </Group>
        )}
        {sign.isSuccess && !mustSign && (
          <Text size="sm" role="status">
            Votre signature est enregistrée.
          </Text>
        )}
        {sign.error && <ProblemAlert error={sign.error} />}
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
