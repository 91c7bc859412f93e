import { Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '../../../src/contracts/catalogue';
import { api } from '../api/client';
import type { RequestBody } from '../api/types';
import { formatDate } from '../format/date';
import { plural } from '../format/plural';
import { Dialog } from '../ui/Dialog';
import { fieldError } from '../ui/fieldError';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { PagedResult } from '../ui/PagedResult';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePagedList } from '../ui/usePagedList';
import type { Organisation } from './queries';

type OrganisationInput = RequestBody<'/api/v1/organisations', 'post'>;
type Kind = OrganisationInput['kind'];
const KIND_OPTIONS = ORGANISATION_KINDS.map((kind) => ({
  value: kind,
  label: ORGANISATION_KIND_LABELS[kind],
}));
const FIELDS = ['kind', 'name', 'siret', 'ndaNumber', 'qualiopiExpiresOn', 'idcc'];

function OrganisationDialog({
  organisation,
  onClose,
}: {
  organisation: Organisation | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>(organisation?.kind ?? 'training_org');
  const [name, setName] = useState(organisation?.name ?? '');
  const [siret, setSiret] = useState(organisation?.siret ?? '');
  const [nda, setNda] = useState(organisation?.ndaNumber ?? '');
  const [qualiopi, setQualiopi] = useState(organisation?.qualiopiExpiresOn ?? '');
  const [idcc, setIdcc] = useState(organisation?.idcc ?? '');
  const save = useMutation({
    mutationFn: (input: OrganisationInput) =>
      organisation
        ? api.put(`/api/v1/organisations/${organisation.id}`, input)
        : api.post('/api/v1/organisations', input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/organisations'] });
      onClose();
    },
  });
  const trainingOrg = kind === 'training_org';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      kind,
      name,
      siret,
      ...(trainingOrg && nda.trim() ? { ndaNumber: nda.trim() } : {}),
      ...(trainingOrg && qualiopi ? { qualiopiExpiresOn: qualiopi } : {}),
      ...(idcc.trim() ? { idcc: idcc.trim() } : {}),
    });
  };
  return (
    <Dialog
      opened
      onClose={onClose}
      title={organisation ? `Organisation ${organisation.name}` : 'Nouvelle organisation'}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label="Type"
            data={KIND_OPTIONS}
            value={kind}
            onChange={(value) => setKind((value ?? 'training_org') as Kind)}
            allowDeselect={false}
            error={fieldError(save.error, 'kind')}
          />
          <TextInput
            label="Raison sociale"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
          />
          <TextInput
            label="SIRET"
            description="14 chiffres ; la clé de contrôle est vérifiée."
            required
            value={siret}
            onChange={(e) => setSiret(e.currentTarget.value)}
            error={fieldError(save.error, 'siret')}
          />
          {trainingOrg && (
            <>
              <TextInput
                label="Numéro de déclaration d’activité (NDA)"
                description="11 chiffres."
                value={nda}
                onChange={(e) => setNda(e.currentTarget.value)}
                error={fieldError(save.error, 'ndaNumber')}
              />
              <TextInput
                label="Certificat Qualiopi valable jusqu’au"
                type="date"
                value={qualiopi}
                onChange={(e) => setQualiopi(e.currentTarget.value)}
                error={fieldError(save.error, 'qualiopiExpiresOn')}
              />
            </>
          )}
          <TextInput
            label="IDCC appliqué"
            value={idcc}
            onChange={(e) => setIdcc(e.currentTarget.value)}
            error={fieldError(save.error, 'idcc')}
          />
          {save.error && <ProblemAlert error={save.error} shownFields={FIELDS} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={save.isPending}>
              Enregistrer l’organisation
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
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
          <ListTable
            minWidth={860}
            columns={['Organisation', 'Type', 'SIRET', 'NDA', 'Qualiopi jusqu’au', 'Actions']}
          >
            {items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.name}</Table.Td>
                <Table.Td>{ORGANISATION_KIND_LABELS[o.kind]}</Table.Td>
                <Table.Td>{o.siret ?? '—'}</Table.Td>
                <Table.Td>{o.ndaNumber ?? '—'}</Table.Td>
                <Table.Td>{o.qualiopiExpiresOn ? formatDate(o.qualiopiExpiresOn) : '—'}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setEditing(o)}
                    aria-label={`Modifier l’organisation ${o.name}`}
                  >
                    Modifier
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </PagedResult>
    </Page>
  );
}
