import { Badge, Button, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AWARD_KIND_LABELS } from '../../../src/contracts/juries';
import { api } from '../api/client';
import { candidateName } from '../candidacies/candidacy';
import { formatDate } from '../format/date';
import { COLORS } from '../ui/colors';
import { Dialog } from '../ui/Dialog';
import { DialogForm } from '../ui/DialogForm';
import { fieldError } from '../ui/fieldError';
import { ListTable } from '../ui/ListTable';
import { QueryState } from '../ui/QueryState';
import { type Award, type Jury, useJuryAwards } from './juries';

/** « Révoquer »: the award withdrawn (fraud, error) with its reason; it stays in the history. */
function RevokeButton({ award, onDone }: { award: Award; onDone: () => Promise<unknown> }) {
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => api.post<Award>(`/api/v1/awards/${award.id}/revoke`, { reason: reason.trim() }),
    onSuccess: async () => {
      setOpened(false);
      await onDone();
    },
  });
  return (
    <>
      <Button
        size="compact-sm"
        color="red"
        variant="outline"
        onClick={() => {
          revoke.reset();
          setOpened(true);
        }}
        aria-label={`Révoquer l’attestation ${award.number}`}
      >
        Révoquer
      </Button>
      <Dialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Révoquer l’attestation ${award.number}`}
      >
        <DialogForm
          onSubmit={() => revoke.mutate()}
          onCancel={() => setOpened(false)}
          error={revoke.error}
          shownFields={['reason']}
          pending={revoke.isPending}
          submitLabel="Révoquer"
          dirty={reason !== ''}
        >
          <Text size="sm">L’attestation reste dans l’historique, marquée comme retirée avec sa raison.</Text>
          <Textarea
            label="Raison du retrait"
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(revoke.error, 'reason')}
          />
        </DialogForm>
      </Dialog>
    </>
  );
}

/** A closed session's awards: number, kind, candidate, blocs, revocation; « Révoquer » when allowed. */
export function AwardsPanel({ jury, enabled }: { jury: Jury; enabled: boolean }) {
  const queryClient = useQueryClient();
  const awards = useJuryAwards(jury, enabled);
  const nameOf = (candidacyId: string) => {
    const c = jury.candidacies.find((x) => x.id === candidacyId);
    return c ? candidateName(c.candidate) : '—';
  };
  return (
    <section aria-labelledby="attestations">
      <Title order={2} size="h3" id="attestations" mb="sm">
        Attestations
      </Title>
      <QueryState query={awards} loadingLabel="Chargement des attestations…">
        {(items) =>
          items.length === 0 ? (
            <Text size="sm">Cette session n’a créé aucune attestation.</Text>
          ) : (
            <ListTable
              minWidth={760}
              columns={['Numéro', 'Candidat·e', 'Nature', 'Blocs', 'État', 'Actions']}
              label="Attestations"
            >
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td ff="monospace">{a.number}</Table.Td>
                  <Table.Td>{nameOf(a.candidacyId)}</Table.Td>
                  <Table.Td>{AWARD_KIND_LABELS[a.kind]}</Table.Td>
                  <Table.Td>
                    {a.blocs
                      .map((b) =>
                        b.validUntil ? `${b.code} (jusqu’au ${formatDate(b.validUntil)})` : b.code,
                      )
                      .join(', ')}
                  </Table.Td>
                  <Table.Td>
                    {a.revocation ? (
                      <Stack gap={2}>
                        <Badge variant="light" color={COLORS.neutral}>
                          Révoquée
                        </Badge>
                        <Text size="xs">{a.revocation.reason}</Text>
                      </Stack>
                    ) : (
                      <Badge variant="light" color={COLORS.success}>
                        Valide
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.can?.revoke && !a.revocation && (
                      <RevokeButton
                        award={a}
                        onDone={() => queryClient.invalidateQueries({ queryKey: ['/api/v1/awards'] })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )
        }
      </QueryState>
    </section>
  );
}
