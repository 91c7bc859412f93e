import { Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  CARRIED_BLOC_SOURCE_LABELS,
  CARRIED_THROUGH_LABELS,
  type CarriedBlocSource,
} from '../../../src/contracts/positioning';
import { api } from '../api/client';
import type { RequestBody } from '../api/types';
import { formatDayOf } from '../format/dateTime';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Dialog } from '../ui/Dialog';
import { DialogForm } from '../ui/DialogForm';
import { fieldError } from '../ui/fieldError';
import {
  type Correspondence,
  correspondenceCovers,
  type PositioningBloc,
  positioningPath,
  useRefreshPositioning,
} from './positioning';

type CarriedBody = RequestBody<'/api/v1/candidacies/{id}/positioning/carried-blocs/{code}', 'put'>;

const carriedPath = (candidacyId: string, code: string) =>
  `${positioningPath(candidacyId)}/carried-blocs/${encodeURIComponent(code)}`;

const correspondenceLabel = (c: Correspondence) =>
  `${c.fiche} ${c.sourceBlocs.join(', ') || '(certification entière)'} ↔ ${c.destinationFiche} ${c.destinationBlocs.join(', ')}`.trim();

/** Where a carried bloc comes from, as recorded. */
export function CarriedSource({ carried }: { carried: NonNullable<PositioningBloc['carried']> }) {
  return (
    <Text size="sm">
      Acquis antérieurement — {CARRIED_BLOC_SOURCE_LABELS[carried.source]}
      {carried.reference ? ` : ${carried.reference}` : ''}
      {carried.correspondence ? ` : ${correspondenceLabel(carried.correspondence)}` : ''}
      {carried.through
        ? ` — ${carried.through.certification.code} ${carried.through.blocCodes.join(', ')}, par ${CARRIED_THROUGH_LABELS[carried.through.kind]}${carried.through.correspondence ? ` (${correspondenceLabel(carried.through.correspondence)})` : ''}`
        : ''}{' '}
      (enregistré le {formatDayOf(carried.recordedAt)}
      {carried.recordedByName ? `, par ${carried.recordedByName}` : ''})
    </Text>
  );
}

function CarryForm({
  candidacyId,
  bloc,
  correspondences,
  onClose,
}: {
  candidacyId: string;
  bloc: PositioningBloc;
  correspondences: readonly Correspondence[];
  onClose: () => void;
}) {
  const covering = correspondences.filter((c) => correspondenceCovers(c, bloc.code));
  const [source, setSource] = useState<CarriedBlocSource>('earlier_partial_award');
  const [reference, setReference] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const refresh = useRefreshPositioning(candidacyId);
  const mutation = useMutation({
    mutationFn: (body: CarriedBody) => api.put(carriedPath(candidacyId, bloc.code), body),
    onSuccess: async () => {
      onClose();
      await refresh();
    },
  });
  const send = () => {
    if (source === 'earlier_partial_award') return mutation.mutate({ source, reference });
    const correspondence = chosen === null ? undefined : covering[Number(chosen)];
    // Without a choice the API names the missing field.
    mutation.mutate({ source, correspondence } as CarriedBody);
  };
  return (
    <DialogForm
      onSubmit={send}
      onCancel={onClose}
      error={mutation.error}
      shownFields={['reference', 'correspondence']}
      pending={mutation.isPending}
      submitLabel="Enregistrer le report"
      dirty={reference !== '' || chosen !== null}
    >
      <Radio.Group label="Source" value={source} onChange={(value) => setSource(value as CarriedBlocSource)}>
        <Stack gap="xs" mt="xs">
          <Radio value="earlier_partial_award" label={CARRIED_BLOC_SOURCE_LABELS.earlier_partial_award} />
          <Radio
            value="equivalence"
            label={CARRIED_BLOC_SOURCE_LABELS.equivalence}
            disabled={covering.length === 0}
            description={
              covering.length === 0 ? 'Aucune correspondance du répertoire ne porte sur ce bloc.' : undefined
            }
          />
        </Stack>
      </Radio.Group>
      {source === 'earlier_partial_award' ? (
        <TextInput
          label="Référence de la validation partielle"
          description="Attestation, procès-verbal du jury…"
          required
          maxLength={200}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={fieldError(mutation.error, 'reference')}
        />
      ) : (
        <Select
          label="Correspondance du répertoire"
          required
          data={covering.map((c, i) => ({ value: String(i), label: correspondenceLabel(c) }))}
          value={chosen}
          onChange={setChosen}
          error={fieldError(mutation.error, 'correspondence')}
        />
      )}
    </DialogForm>
  );
}

/** A bloc's carried-in part: its source and « Retirer », or « Reporter ce bloc » when it is not. */
export function CarriedBloc({
  candidacyId,
  bloc,
  correspondences,
  canEdit,
}: {
  candidacyId: string;
  bloc: PositioningBloc;
  correspondences: readonly Correspondence[];
  canEdit: boolean;
}) {
  const [opened, setOpened] = useState(false);
  const refresh = useRefreshPositioning(candidacyId);
  if (bloc.carried)
    return (
      <Group gap="sm" justify="space-between">
        <CarriedSource carried={bloc.carried} />
        {canEdit && (
          <ConfirmButton
            buttonProps={{ variant: 'light', size: 'xs' }}
            ariaLabel={`Retirer le report du bloc ${bloc.code}`}
            title={`Retirer le report du bloc ${bloc.code} ?`}
            message="Le bloc ne comptera plus comme acquis : ses compétences seront à positionner."
            confirmLabel="Retirer le report"
            action={() => api.delete(carriedPath(candidacyId, bloc.code))}
            onDone={refresh}
          >
            Retirer le report
          </ConfirmButton>
        )}
      </Group>
    );
  if (!canEdit) return null;
  return (
    <>
      <Button variant="subtle" size="xs" onClick={() => setOpened(true)}>
        Reporter le bloc {bloc.code} (acquis antérieurement)
      </Button>
      <Dialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Reporter le bloc ${bloc.code}`}
        size="md"
      >
        {opened && (
          <CarryForm
            candidacyId={candidacyId}
            bloc={bloc}
            correspondences={correspondences}
            onClose={() => setOpened(false)}
          />
        )}
      </Dialog>
    </>
  );
}
