import { Button, Group, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import type { RequestBody, Schemas } from '../api/types';
import { formatDate } from '../format/date';
import { Dialog } from '../ui/Dialog';
import { DialogForm } from '../ui/DialogForm';
import { fieldError, fieldErrors, isUnder } from '../ui/fieldError';
import { EvaluatorsField, SessionDateInput, useHabilitatedEvaluators } from './sessionFields';

type Session = Schemas['Assessment'];
type EditBody = RequestBody<'/api/v1/assessments/{id}', 'patch'>;
type CancelBody = RequestBody<'/api/v1/assessments/{id}/cancel', 'post'>;

function useSessionChange<B>(
  path: string,
  method: 'patch' | 'post',
  queryKey: readonly unknown[],
  done: () => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api[method](path, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey });
      done();
    },
  });
}

function MoveForm({
  session,
  certificationId,
  queryKey,
  close,
}: {
  session: Session;
  certificationId: string | undefined;
  queryKey: readonly unknown[];
  close: () => void;
}) {
  const [date, setDate] = useState(session.date);
  const [evaluatorIds, setEvaluatorIds] = useState(session.evaluators.map((e) => e.id));
  const evaluators = useHabilitatedEvaluators(certificationId, date);
  const move = useSessionChange<EditBody>(`/api/v1/assessments/${session.id}`, 'patch', queryKey, close);
  const dirty = date !== session.date || evaluatorIds.join() !== session.evaluators.map((e) => e.id).join();
  return (
    <DialogForm
      onSubmit={() => move.mutate({ ...(date !== session.date ? { date } : {}), evaluatorIds })}
      onCancel={close}
      error={move.error}
      shownFields={(f) => isUnder(f, 'date') || isUnder(f, 'evaluatorIds')}
      pending={move.isPending}
      submitLabel="Déplacer"
      dirty={dirty && !move.isSuccess}
    >
      <SessionDateInput
        label="Nouvelle date"
        value={date}
        onChange={setDate}
        error={fieldErrors(move.error, 'date')}
      />
      <EvaluatorsField
        evaluators={evaluators}
        assigned={session.evaluators}
        value={evaluatorIds}
        onChange={setEvaluatorIds}
        error={fieldErrors(move.error, 'evaluatorIds')}
      />
    </DialogForm>
  );
}

function CancelForm({
  session,
  queryKey,
  close,
}: {
  session: Session;
  queryKey: readonly unknown[];
  close: () => void;
}) {
  const [reason, setReason] = useState('');
  const cancel = useSessionChange<CancelBody>(
    `/api/v1/assessments/${session.id}/cancel`,
    'post',
    queryKey,
    close,
  );
  return (
    <DialogForm
      onSubmit={() => cancel.mutate({ reason })}
      onCancel={close}
      error={cancel.error}
      shownFields={(f) => isUnder(f, 'reason')}
      pending={cancel.isPending}
      submitLabel="Annuler la session"
      dirty={reason.trim() !== '' && !cancel.isSuccess}
    >
      <Textarea
        label="Raison de l’annulation"
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(cancel.error, 'reason')}
      />
    </DialogForm>
  );
}

/**
 * « Déplacer » (new date, evaluators habilitated on it) and « Annuler la session » (with its
 * reason) for one session, as far as the API allows (`can`); its refusals shown on the fields.
 */
export function SessionChanges({
  session,
  certificationId,
  queryKey,
}: {
  session: Session;
  certificationId: string | undefined;
  /** The session list to refresh once changed. */
  queryKey: readonly unknown[];
}) {
  const [moving, move] = useDisclosure(false);
  const [cancelling, cancel] = useDisclosure(false);
  const when = formatDate(session.date);
  return (
    <Group gap="xs" wrap="wrap">
      {session.can.edit && (
        <Button size="xs" variant="default" onClick={move.open} aria-label={`Déplacer la session du ${when}`}>
          Déplacer
        </Button>
      )}
      {session.can.cancel && (
        <Button
          size="xs"
          variant="default"
          color="red"
          onClick={cancel.open}
          aria-label={`Annuler la session du ${when}`}
        >
          Annuler la session
        </Button>
      )}
      <Dialog opened={moving} onClose={move.close} title={`Déplacer la session du ${when}`} size="md">
        <MoveForm
          session={session}
          certificationId={certificationId}
          queryKey={queryKey}
          close={move.close}
        />
      </Dialog>
      <Dialog opened={cancelling} onClose={cancel.close} title={`Annuler la session du ${when}`} size="md">
        <CancelForm session={session} queryKey={queryKey} close={cancel.close} />
      </Dialog>
    </Group>
  );
}
