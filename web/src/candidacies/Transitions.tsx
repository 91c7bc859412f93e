import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CANDIDACY_EVENT_LABELS } from '../../../src/contracts/candidacies';
import type { Organisation } from '../api/catalogue';
import { api } from '../api/client';
import type { Page, RequestBody } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { DialogForm } from '../ui/DialogForm';
import { fieldError } from '../ui/fieldError';
import { SearchSelect } from '../ui/SearchSelect';
import { type Candidacy, type CandidacyEvent, candidaciesKey, candidacyPath } from './candidacy';

type TransitionBody = RequestBody<'/api/v1/candidacies/{id}/transitions', 'post'>;

/** What each event asks before it is sent: a reason (required or not), the organisation taking over. */
const ASKS: Partial<Record<CandidacyEvent, { reason?: 'required' | 'optional'; organisation?: true }>> = {
  withdraw: { reason: 'required' },
  put_on_hold: { reason: 'optional' },
  transfer: { reason: 'optional', organisation: true },
};

/** Events that end the candidacy or step aside: shown apart from moving on. */
const ASIDE: readonly CandidacyEvent[] = ['put_on_hold', 'withdraw', 'transfer'];

/** Training organisations whose name or SIRET matches `q`, as options. */
export async function trainingOrganisations(q: string) {
  const query = new URLSearchParams({ kind: 'training_org', pageSize: '20', ...(q ? { q } : {}) });
  const found = await api.get<Page<Organisation>>(`/api/v1/organisations?${query}`);
  return found.items.map((o) => ({ value: o.id, label: o.siret ? `${o.name} — ${o.siret}` : o.name }));
}

function TransitionForm({
  candidacy,
  event,
  onClose,
}: {
  candidacy: Candidacy;
  event: CandidacyEvent;
  onClose: () => void;
}) {
  const asks = ASKS[event] ?? {};
  const [reason, setReason] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: TransitionBody) =>
      api.post<Candidacy>(`${candidacyPath(candidacy.id)}/transitions`, body),
    onSuccess: async () => {
      onClose();
      await queryClient.invalidateQueries({ queryKey: candidaciesKey });
    },
  });
  const send = () =>
    mutation.mutate({
      event,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(organisationId ? { trainingOrganisationId: organisationId } : {}),
    });
  return (
    <DialogForm
      onSubmit={send}
      onCancel={onClose}
      error={mutation.error}
      shownFields={['reason', 'trainingOrganisationId']}
      pending={mutation.isPending}
      submitLabel="Confirmer"
      dirty={reason !== '' || organisationId !== null}
    >
      {!asks.reason && !asks.organisation && (
        <Text>Ce changement d’étape sera enregistré dans l’historique du parcours.</Text>
      )}
      {asks.organisation && (
        <SearchSelect
          label="Organisme de formation qui reprend le parcours"
          description="Cherchez par nom ou par SIRET"
          required
          queryKey={['organisations', 'training_org']}
          search={trainingOrganisations}
          value={organisationId}
          onChange={setOrganisationId}
          nothingFound="Aucun organisme de formation ne correspond."
          unavailable="Liste des organismes indisponible."
          error={fieldError(mutation.error, 'trainingOrganisationId')}
        />
      )}
      {asks.reason && (
        <Textarea
          label={asks.reason === 'required' ? 'Raison' : 'Raison (facultative)'}
          required={asks.reason === 'required'}
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(mutation.error, 'reason')}
        />
      )}
    </DialogForm>
  );
}

/** The buttons for the changes of step the signed-in person may make now, each confirmed in a dialog. */
export function Transitions({ candidacy }: { candidacy: Candidacy }) {
  const [event, setEvent] = useState<CandidacyEvent | null>(null);
  if (!candidacy.can.transition || candidacy.events.length === 0) return null;
  const ordered = [
    ...candidacy.events.filter((e) => !ASIDE.includes(e)),
    ...candidacy.events.filter((e) => ASIDE.includes(e)),
  ];
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {ordered.map((e) => (
          <Button
            key={e}
            variant={ASIDE.includes(e) ? 'default' : 'filled'}
            color={e === 'withdraw' ? 'red' : undefined}
            onClick={() => setEvent(e)}
          >
            {CANDIDACY_EVENT_LABELS[e]}
          </Button>
        ))}
      </Group>
      <Dialog
        opened={event !== null}
        onClose={() => setEvent(null)}
        title={event ? `${CANDIDACY_EVENT_LABELS[event]} ?` : ''}
        size="md"
      >
        {event && <TransitionForm candidacy={candidacy} event={event} onClose={() => setEvent(null)} />}
      </Dialog>
    </Stack>
  );
}
