import { Button, Group, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ConfirmButton } from '../ui/ConfirmButton';
import { COLORS } from '../ui/colors';
import { Dialog } from '../ui/Dialog';
import { DialogForm } from '../ui/DialogForm';
import { fieldError } from '../ui/fieldError';
import { type Award, awardPath } from './awards';

/** The two changes that take a reason, as the dialog says them. */
const REASONED = {
  revoke: {
    button: 'Révoquer',
    title: 'Révoquer l’attestation',
    field: 'Raison du retrait',
    explain:
      'Le retrait est définitif : l’attestation reste dans l’historique, marquée comme retirée avec sa raison, et la vérification publique la dit révoquée.',
    color: 'red',
  },
  suspend: {
    button: 'Suspendre',
    title: 'Suspendre l’attestation',
    field: 'Raison de la suspension',
    explain:
      'La suspension est réversible (vérification en cours…) : tant qu’elle dure, la vérification publique dit l’attestation suspendue.',
    color: COLORS.warning,
  },
} as const;

/** « Révoquer » or « Suspendre »: a dialog asking the reason; the API's refusal shown under the field. */
function ReasonButton({
  award,
  action,
  onDone,
}: {
  award: Award;
  action: keyof typeof REASONED;
  onDone: () => Promise<unknown>;
}) {
  const say = REASONED[action];
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: () => api.post<Award>(`${awardPath(award.id)}/${action}`, { reason: reason.trim() }),
    onSuccess: async () => {
      setOpened(false);
      setReason('');
      await onDone();
    },
  });
  return (
    <>
      <Button
        size="compact-sm"
        color={say.color}
        variant="outline"
        onClick={() => {
          change.reset();
          setOpened(true);
        }}
        aria-label={`${say.button} l’attestation ${award.number}`}
      >
        {say.button}
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title={`${say.title} ${award.number}`}>
        <DialogForm
          onSubmit={() => change.mutate()}
          onCancel={() => setOpened(false)}
          error={change.error}
          shownFields={['reason']}
          pending={change.isPending}
          submitLabel={say.button}
          dirty={reason !== ''}
        >
          <Text size="sm">{say.explain}</Text>
          <Textarea
            label={say.field}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(change.error, 'reason')}
          />
        </DialogForm>
      </Dialog>
    </>
  );
}

/**
 * What the signed-in person may do to an award, as its capabilities say: suspend or reinstate
 * it, revoke it (never once revoked).
 */
export function AwardActions({ award, onDone }: { award: Award; onDone: () => Promise<unknown> }) {
  if (award.status === 'revoked') return null;
  return (
    <Group gap={6} wrap="nowrap">
      {award.can?.suspend && award.status === 'valid' && (
        <ReasonButton award={award} action="suspend" onDone={onDone} />
      )}
      {award.can?.suspend && award.status === 'suspended' && (
        <ConfirmButton
          color="blue"
          buttonProps={{ size: 'compact-sm', variant: 'outline' }}
          ariaLabel={`Rétablir l’attestation ${award.number}`}
          title={`Rétablir l’attestation ${award.number} ?`}
          message="La suspension prend fin : la vérification publique la dit de nouveau valide."
          confirmLabel="Rétablir"
          action={() => api.post<Award>(`${awardPath(award.id)}/reinstate`)}
          onDone={() => void onDone()}
        >
          Rétablir
        </ConfirmButton>
      )}
      {award.can?.revoke && <ReasonButton award={award} action="revoke" onDone={onDone} />}
    </Group>
  );
}
