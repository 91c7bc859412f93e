import { Button, Group, NativeSelect, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type HabilitationKind, ORGANISATION_HABILITATIONS, PERSON_HABILITATIONS } from '../../api/catalogue';
import { api } from '../../api/client';
import { HABILITATION_LABELS } from '../../catalogue/labels';
import { catalogueKey } from '../../catalogue/queries';
import { DateRangeFields } from '../../ui/DateRangeFields';
import { fieldError } from '../../ui/fieldError';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { UnsavedChangesGuard } from '../../ui/UnsavedChangesGuard';
import { usePeople, useTrainingOrganisations } from './queries';

const FIELDS = ['kind', 'organisationId', 'userId', 'validFrom', 'validTo'];

const forPerson = (kind: HabilitationKind) => (PERSON_HABILITATIONS as readonly string[]).includes(kind);

type Draft = {
  kind: HabilitationKind;
  organisationId: string | null;
  userId: string | null;
  validFrom: string;
  validTo: string;
};

const EMPTY: Draft = {
  kind: 'train_and_assess',
  organisationId: null,
  userId: null,
  validFrom: '',
  validTo: '',
};

/** Habilitates a training organisation, or an evaluator or jury member, for a period. */
export function AddHabilitationForm({ certificationId }: { certificationId: string }) {
  const queryClient = useQueryClient();
  const organisations = useTrainingOrganisations();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [personSearch, setPersonSearch] = useState('');
  const [personLabel, setPersonLabel] = useState('');
  // Once someone is chosen, the box shows their label: that is not a new search.
  const people = usePeople(
    draft.kind === 'jury_member' ? 'jury_member' : 'evaluator',
    personSearch === personLabel ? '' : personSearch,
    forPerson(draft.kind),
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const add = useMutation({
    mutationFn: () =>
      api.post(`/api/v1/certifications/${certificationId}/habilitations`, {
        kind: draft.kind,
        validFrom: draft.validFrom,
        validTo: draft.validTo,
        ...(forPerson(draft.kind)
          ? { userId: draft.userId ?? undefined }
          : { organisationId: draft.organisationId ?? undefined }),
      }),
    onSuccess: async () => {
      setDraft(EMPTY);
      setPersonSearch('');
      setPersonLabel('');
      await queryClient.invalidateQueries({ queryKey: catalogueKey });
    },
  });
  const error = add.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="ajouter-habilitation">
      <UnsavedChangesGuard dirty={!add.isPending && JSON.stringify(draft) !== JSON.stringify(EMPTY)} />
      <Stack>
        <Title order={2} size="h3" id="ajouter-habilitation">
          Ajouter une habilitation
        </Title>
        {error && <ProblemAlert error={error} shownFields={FIELDS} />}
        <NativeSelect
          label="Habilitation"
          data={[
            {
              group: 'Organismes',
              items: ORGANISATION_HABILITATIONS.map((k) => ({ value: k, label: HABILITATION_LABELS[k] })),
            },
            {
              group: 'Personnes',
              items: PERSON_HABILITATIONS.map((k) => ({ value: k, label: HABILITATION_LABELS[k] })),
            },
          ]}
          value={draft.kind}
          onChange={(e) => {
            const kind = e.currentTarget.value as HabilitationKind;
            // Someone chosen as evaluator is not thereby a jury member: choose again.
            setDraft((d) => ({ ...d, kind, userId: null }));
            setPersonSearch('');
            setPersonLabel('');
          }}
          error={fieldError(error, 'kind')}
        />
        {forPerson(draft.kind) ? (
          <Select
            label="Personne"
            description="Les comptes Qualif qui ont ce rôle ; tapez une partie du nom ou de l’adresse."
            required
            searchable
            searchValue={personSearch}
            onSearchChange={setPersonSearch}
            filter={({ options }) => options}
            data={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.displayName} (${p.email})`,
            }))}
            value={draft.userId}
            onChange={(v, option) => {
              set('userId', v);
              setPersonLabel(option?.label ?? '');
            }}
            nothingFoundMessage={people.isFetching ? 'Recherche…' : 'Aucun compte ne correspond.'}
            error={
              fieldError(error, 'userId') ??
              (people.isError ? 'Liste des personnes indisponible.' : undefined)
            }
          />
        ) : (
          <Select
            label="Organisme de formation"
            required
            searchable
            data={(organisations.data?.items ?? []).map((o) => ({
              value: o.id,
              label: `${o.name} (SIRET ${o.siret})`,
            }))}
            value={draft.organisationId}
            onChange={(v) => set('organisationId', v)}
            nothingFoundMessage="Aucun organisme ne correspond."
            error={
              fieldError(error, 'organisationId') ??
              (organisations.isError ? 'Liste des organismes indisponible.' : undefined)
            }
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateRangeFields
            labels={['Valable du', 'Valable jusqu’au']}
            fields={['validFrom', 'validTo']}
            values={draft}
            onChange={set}
            error={error}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={add.isPending}>
            Habiliter
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
