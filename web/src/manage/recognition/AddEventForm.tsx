import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { RECOGNITION_EVENT_TYPES, type RecognitionEventType } from '../../api/catalogue';
import { api } from '../../api/client';
import { RECOGNITION_EVENT_LABELS } from '../../catalogue/labels';
import { DateRangeFields } from '../../ui/DateRangeFields';
import { fieldError } from '../../ui/fieldError';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { UnsavedChangesGuard } from '../../ui/UnsavedChangesGuard';
import { useAddForm } from '../useAddForm';
import { RegistryNumberWarning } from './RegistryNumberWarning';
import { SuccessorSelect } from './SuccessorSelect';

type Draft = {
  type: RecognitionEventType;
  date: string;
  number: string;
  level: string;
  from: string;
  to: string;
  reference: string;
  successorId: string | null;
};

const EMPTY: Draft = {
  type: 'created',
  date: '',
  number: '',
  level: '',
  from: '',
  to: '',
  reference: '',
  successorId: null,
};

const FIELDS = ['type', 'date', 'number', 'level', 'from', 'to', 'reference', 'successorId'];

const isRegistration = (type: RecognitionEventType) => type === 'rncp_registered' || type === 'rs_registered';

/** The request body: only the fields that belong to this type of event. */
function bodyOf(d: Draft) {
  return {
    type: d.type,
    date: d.date,
    ...(isRegistration(d.type) ? { number: d.number.trim(), from: d.from, to: d.to } : {}),
    ...(d.type === 'rncp_registered' && d.level ? { level: Number(d.level) } : {}),
    ...(d.reference.trim() ? { reference: d.reference.trim() } : {}),
    ...(d.type === 'replaced' && d.successorId ? { successorId: d.successorId } : {}),
  };
}

/** Records an event of the certification's recognition (creation, transmission, registration…). */
export function AddEventForm({ certificationId }: { certificationId: string }) {
  const { draft, set, text, error, submit, dirty, mutation } = useAddForm(EMPTY, (d) =>
    api.post(`/api/v1/certifications/${certificationId}/events`, bodyOf(d)),
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="ajouter-evenement">
      <UnsavedChangesGuard dirty={dirty} />
      <Stack>
        <Title order={3} size="h4" id="ajouter-evenement">
          Ajouter un événement
        </Title>
        {error && <ProblemAlert error={error} shownFields={FIELDS} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Type d’événement"
            data={RECOGNITION_EVENT_TYPES.map((t) => ({ value: t, label: RECOGNITION_EVENT_LABELS[t] }))}
            value={draft.type}
            onChange={(e) => set('type', e.currentTarget.value as RecognitionEventType)}
            error={fieldError(error, 'type')}
          />
          <TextInput label="Date de l’événement" type="date" required {...text('date')} />
        </SimpleGrid>
        {isRegistration(draft.type) && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Numéro d’enregistrement"
              description={
                draft.type === 'rncp_registered' ? 'Par exemple RNCP37312.' : 'Par exemple RS5012.'
              }
              required
              maxLength={20}
              {...text('number')}
            />
            {draft.type === 'rncp_registered' && (
              <NativeSelect
                label="Niveau de qualification"
                required
                data={[
                  { value: '', label: 'Choisir…' },
                  ...['3', '4', '5', '6', '7', '8'].map((l) => ({ value: l, label: `Niveau ${l}` })),
                ]}
                value={draft.level}
                onChange={(e) => set('level', e.currentTarget.value)}
                error={fieldError(error, 'level')}
              />
            )}
            <DateRangeFields
              labels={['Enregistré du', 'Enregistré jusqu’au']}
              fields={['from', 'to']}
              values={draft}
              onChange={set}
              error={error}
            />
          </SimpleGrid>
        )}
        {isRegistration(draft.type) && <RegistryNumberWarning number={draft.number} />}
        {draft.type === 'replaced' && (
          <SuccessorSelect
            excludeId={certificationId}
            value={draft.successorId}
            onChange={(id) => set('successorId', id)}
            error={fieldError(error, 'successorId')}
          />
        )}
        <TextInput
          label="Référence"
          description="Délibération, décision de France compétences…"
          maxLength={200}
          {...text('reference')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Ajouter l’événement
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
