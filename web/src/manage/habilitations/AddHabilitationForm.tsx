import { Button, Group, NativeSelect, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { COLLEGE_LABELS, COLLEGES, type College } from '../../../../src/contracts/juries';
import { type HabilitationKind, ORGANISATION_HABILITATIONS, PERSON_HABILITATIONS } from '../../api/catalogue';
import { api } from '../../api/client';
import { HABILITATION_LABELS } from '../../catalogue/labels';
import { DateRangeFields } from '../../ui/DateRangeFields';
import { fieldError } from '../../ui/fieldError';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { SearchSelect } from '../../ui/SearchSelect';
import { UnsavedChangesGuard } from '../../ui/UnsavedChangesGuard';
import { useAddForm } from '../useAddForm';
import { searchPeople, useTrainingOrganisations } from './queries';

const FIELDS = ['kind', 'organisationId', 'userId', 'college', 'designatedBy', 'validFrom', 'validTo'];

const forPerson = (kind: HabilitationKind) => (PERSON_HABILITATIONS as readonly string[]).includes(kind);

type Draft = {
  kind: HabilitationKind;
  organisationId: string | null;
  userId: string | null;
  /** Jury members: their college and the federation or union that designated them. */
  college: College | '';
  designatedBy: string;
  validFrom: string;
  validTo: string;
};

const EMPTY: Draft = {
  kind: 'train_and_assess',
  organisationId: null,
  userId: null,
  college: '',
  designatedBy: '',
  validFrom: '',
  validTo: '',
};

/** Habilitates a training organisation, or an evaluator or jury member, for a period. */
export function AddHabilitationForm({ certificationId }: { certificationId: string }) {
  const organisations = useTrainingOrganisations();
  const { draft, setDraft, set, error, submit, dirty, mutation } = useAddForm(EMPTY, (d) =>
    api.post(`/api/v1/certifications/${certificationId}/habilitations`, {
      kind: d.kind,
      validFrom: d.validFrom,
      validTo: d.validTo,
      ...(forPerson(d.kind)
        ? { userId: d.userId ?? undefined }
        : { organisationId: d.organisationId ?? undefined }),
      ...(d.kind === 'jury_member'
        ? { college: d.college || undefined, designatedBy: d.designatedBy.trim() || undefined }
        : {}),
    }),
  );
  const personRole = draft.kind === 'jury_member' ? 'jury_member' : 'evaluator';

  return (
    <form onSubmit={submit} noValidate aria-labelledby="ajouter-habilitation">
      <UnsavedChangesGuard dirty={dirty} />
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
          }}
          error={fieldError(error, 'kind')}
        />
        {forPerson(draft.kind) ? (
          <SearchSelect
            // Another role, another list: the search starts afresh.
            key={personRole}
            label="Personne"
            description="Les comptes Qualif qui ont ce rôle ; tapez une partie du nom ou de l’adresse."
            required
            queryKey={['people', personRole]}
            search={(q) => searchPeople(personRole, q)}
            value={draft.userId}
            onChange={(v) => set('userId', v)}
            nothingFound="Aucun compte ne correspond."
            unavailable="Liste des personnes indisponible."
            error={fieldError(error, 'userId')}
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
        {draft.kind === 'jury_member' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Collège"
              required
              data={[
                { value: '', label: 'Choisir le collège' },
                ...COLLEGES.map((c) => ({ value: c, label: COLLEGE_LABELS[c] })),
              ]}
              value={draft.college}
              onChange={(e) => set('college', e.currentTarget.value as College | '')}
              error={fieldError(error, 'college')}
            />
            <TextInput
              label="Désigné·e par"
              description="La fédération d’employeurs ou le syndicat de salariés qui l’a désigné·e"
              required
              maxLength={200}
              value={draft.designatedBy}
              onChange={(e) => set('designatedBy', e.currentTarget.value)}
              error={fieldError(error, 'designatedBy')}
            />
          </SimpleGrid>
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
          <Button type="submit" loading={mutation.isPending}>
            Habiliter
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
