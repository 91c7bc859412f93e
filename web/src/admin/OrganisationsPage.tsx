import { Button, Group, Select, SimpleGrid, Table, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '../../../src/contracts/catalogue';
import { api } from '../api/client';
import type { RequestBody } from '../api/types';
import { formatDate, formatPeriod } from '../format/date';
import { plural } from '../format/plural';
import { DateRangeFields } from '../ui/DateRangeFields';
import { Dialog } from '../ui/Dialog';
import { DialogForm } from '../ui/DialogForm';
import { fieldError } from '../ui/fieldError';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { PagedResult } from '../ui/PagedResult';
import { RowButton } from '../ui/RowButton';
import { useDraftForm } from '../ui/useDraftForm';
import { usePagedList } from '../ui/usePagedList';
import type { Organisation } from './queries';

type OrganisationInput = RequestBody<'/api/v1/organisations', 'post'>;
type Kind = OrganisationInput['kind'];
const KIND_OPTIONS = ORGANISATION_KINDS.map((kind) => ({
  value: kind,
  label: ORGANISATION_KIND_LABELS[kind],
}));
const FIELDS = ['kind', 'name', 'siret', 'ndaNumber', 'qualiopiIssuedOn', 'qualiopiExpiresOn', 'idcc'];

/** The dialog's fields: every optional one as typed ('' for none). */
type Draft = {
  kind: Kind;
  name: string;
  siret: string;
  ndaNumber: string;
  qualiopiIssuedOn: string;
  qualiopiExpiresOn: string;
  idcc: string;
};

const draftOf = (o: Organisation | null): Draft => ({
  kind: o?.kind ?? 'training_org',
  name: o?.name ?? '',
  siret: o?.siret ?? '',
  ndaNumber: o?.ndaNumber ?? '',
  qualiopiIssuedOn: o?.qualiopiIssuedOn ?? '',
  qualiopiExpiresOn: o?.qualiopiExpiresOn ?? '',
  idcc: o?.idcc ?? '',
});

/** The request body: NDA and Qualiopi dates for a training organisation only, empty fields left out. */
function bodyOf(d: Draft): OrganisationInput {
  const trainingOrg = d.kind === 'training_org';
  return {
    kind: d.kind,
    name: d.name,
    siret: d.siret,
    ...(trainingOrg && d.ndaNumber.trim() ? { ndaNumber: d.ndaNumber.trim() } : {}),
    ...(trainingOrg && d.qualiopiIssuedOn ? { qualiopiIssuedOn: d.qualiopiIssuedOn } : {}),
    ...(trainingOrg && d.qualiopiExpiresOn ? { qualiopiExpiresOn: d.qualiopiExpiresOn } : {}),
    ...(d.idcc.trim() ? { idcc: d.idcc.trim() } : {}),
  };
}

function OrganisationDialog({
  organisation,
  onClose,
}: {
  organisation: Organisation | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useDraftForm(draftOf(organisation), {
    send: (draft) =>
      organisation
        ? api.put(`/api/v1/organisations/${organisation.id}`, bodyOf(draft))
        : api.post('/api/v1/organisations', bodyOf(draft)),
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/organisations'] });
      onClose();
    },
  });
  const { draft, set, text } = form;
  return (
    <Dialog
      opened
      onClose={onClose}
      title={organisation ? `Organisation ${organisation.name}` : 'Nouvelle organisation'}
    >
      <DialogForm
        onSubmit={form.submit}
        onCancel={onClose}
        error={form.error}
        shownFields={FIELDS}
        pending={form.mutation.isPending}
        dirty={form.dirty}
        submitLabel="Enregistrer l’organisation"
      >
        <Select
          label="Type"
          data={KIND_OPTIONS}
          value={draft.kind}
          onChange={(value) => set('kind', (value ?? 'training_org') as Kind)}
          allowDeselect={false}
          error={fieldError(form.error, 'kind')}
        />
        <TextInput label="Raison sociale" required {...text('name')} />
        <TextInput
          label="SIRET"
          description="14 chiffres ; la clé de contrôle est vérifiée."
          required
          {...text('siret')}
        />
        {draft.kind === 'training_org' && (
          <>
            <TextInput
              label="Numéro de déclaration d’activité (NDA)"
              description="11 chiffres."
              {...text('ndaNumber')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateRangeFields
                labels={['Certificat Qualiopi délivré le', 'Certificat Qualiopi valable jusqu’au']}
                fields={['qualiopiIssuedOn', 'qualiopiExpiresOn']}
                values={draft}
                onChange={set}
                error={form.error}
                required={false}
              />
            </SimpleGrid>
          </>
        )}
        <TextInput label="IDCC appliqué" {...text('idcc')} />
      </DialogForm>
    </Dialog>
  );
}

/** « du 1er juillet 2024 au 30 juin 2027 », « jusqu’au 30 juin 2027 » or « — ». */
function qualiopiPeriod(o: Organisation): string {
  if (o.qualiopiIssuedOn) return formatPeriod(o.qualiopiIssuedOn, o.qualiopiExpiresOn);
  return o.qualiopiExpiresOn ? `jusqu’au ${formatDate(o.qualiopiExpiresOn)}` : '—';
}

const PAGE_SIZE = 50;

/** `/admin/organisations`: training organisations, employers, assessment centres and OPCO. */
export function OrganisationsPage() {
  const [params, setParams] = useSearchParams();
  const kind = params.get('type') ?? undefined;
  const list = usePagedList<Organisation>('/api/v1/organisations', PAGE_SIZE, { kind });
  const [editing, setEditing] = useState<Organisation | null | undefined>(undefined);
  return (
    <Page title="Organisations">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select
          label="Type d’organisation"
          placeholder="Tous les types"
          data={KIND_OPTIONS}
          value={kind ?? null}
          onChange={(value) => setParams(value ? { type: value } : {})}
          clearable
          w={260}
        />
        <Button onClick={() => setEditing(null)}>Nouvelle organisation</Button>
      </Group>
      {editing !== undefined && (
        <OrganisationDialog
          key={editing?.id ?? 'new'}
          organisation={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      <PagedResult
        list={list}
        loadingLabel="Chargement des organisations…"
        empty="Aucune organisation."
        count={(total) => plural(total, 'organisation', 'organisations')}
      >
        {(items) => (
          <ListTable minWidth={860} columns={['Organisation', 'Type', 'SIRET', 'NDA', 'Qualiopi', 'Actions']}>
            {items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.name}</Table.Td>
                <Table.Td>{ORGANISATION_KIND_LABELS[o.kind]}</Table.Td>
                <Table.Td>{o.siret ?? '—'}</Table.Td>
                <Table.Td>{o.ndaNumber ?? '—'}</Table.Td>
                <Table.Td>{qualiopiPeriod(o)}</Table.Td>
                <Table.Td>
                  <RowButton label={`Modifier l’organisation ${o.name}`} onClick={() => setEditing(o)}>
                    Modifier
                  </RowButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </PagedResult>
    </Page>
  );
}
