import { Button, Group, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeEvent } from 'react';
import { api } from '../api/client';
import type { Answer, RequestBody } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { DialogForm } from '../ui/DialogForm';
import { fieldError, fieldErrors } from '../ui/fieldError';
import { QueryState } from '../ui/QueryState';
import { useDraftForm } from '../ui/useDraftForm';

type BranchInput = RequestBody<'/api/v1/branches', 'post'>;
type BranchDetail = Answer<'/api/v1/branches/{id}'>;
type Member = NonNullable<BranchInput['cpneMembers']>[number];

const COLLEGES = [
  { value: 'employers', label: 'Collège employeurs' },
  { value: 'employees', label: 'Collège salariés' },
];
const emptyMember = (): Member => ({ college: 'employers', personName: '', organisationName: '' });

type Draft = { name: string; idcc: string[]; opco: string; cpneMembers: Member[] };

const IS_SHOWN = (f: string) =>
  ['name', 'opco', 'idcc'].some((p) => f === p || f.startsWith(`${p}.`)) || f.startsWith('cpneMembers.');

function BranchForm({
  initial,
  conventions,
  submitLabel,
  onDone,
  onCancel,
  save,
}: {
  initial: BranchInput;
  conventions: BranchDetail['conventions'];
  submitLabel: string;
  onDone: () => void;
  onCancel: () => void;
  save: (input: BranchInput) => Promise<unknown>;
}) {
  const form = useDraftForm<Draft>(
    {
      name: initial.name,
      idcc: initial.idcc ?? [],
      opco: initial.opco ?? '',
      cpneMembers: initial.cpneMembers ?? [],
    },
    {
      send: ({ opco, ...rest }) => save({ ...rest, ...(opco.trim() ? { opco: opco.trim() } : {}) }),
      onSaved: onDone,
    },
  );
  const { draft, set, text, error } = form;
  const members = draft.cpneMembers;
  const setMembers = (next: Member[]) => set('cpneMembers', next);
  const setMember = (i: number, patch: Partial<Member>) =>
    setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const labels = new Map(conventions.map((c) => [c.idcc, c.label]));
  return (
    <DialogForm
      onSubmit={form.submit}
      onCancel={onCancel}
      error={error}
      shownFields={IS_SHOWN}
      pending={form.mutation.isPending}
      dirty={form.dirty}
      submitLabel={submitLabel}
    >
      <TextInput label="Nom de la branche" required {...text('name')} />
      <TagsInput
        label="Conventions collectives (IDCC)"
        description="Codes à 4 chiffres de la liste officielle ; validez chaque code par Entrée."
        value={draft.idcc}
        onChange={(idcc) => set('idcc', idcc)}
        error={fieldErrors(error, 'idcc')}
        clearable
      />
      {draft.idcc.some((code) => labels.has(code)) && (
        <Stack gap={2}>
          {draft.idcc.map((code) =>
            labels.has(code) ? <Text size="sm" key={code}>{`${code} — ${labels.get(code)}`}</Text> : null,
          )}
        </Stack>
      )}
      <TextInput label="OPCO" {...text('opco')} />
      <Text fw={600} size="sm">
        Membres de la CPNE
      </Text>
      {members.length === 0 && <Text size="sm">Aucun membre.</Text>}
      {members.map((member, i) => {
        const n = i + 1;
        const memberText = (key: 'personName' | 'organisationName', label: string) => ({
          label: `${label} du membre ${n}`,
          value: member[key],
          onChange: (e: ChangeEvent<HTMLInputElement>) => setMember(i, { [key]: e.currentTarget.value }),
          error: fieldError(error, `cpneMembers.${i}.${key}`),
          w: 220,
        });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <Group key={i} align="flex-start" wrap="wrap" role="group" aria-label={`Membre ${n}`}>
            <Select
              label={`Collège du membre ${n}`}
              data={COLLEGES}
              value={member.college}
              onChange={(college) => setMember(i, { college: (college ?? 'employers') as Member['college'] })}
              allowDeselect={false}
              w={200}
            />
            <TextInput {...memberText('personName', 'Nom')} />
            <TextInput {...memberText('organisationName', 'Organisation')} />
            <Button
              variant="subtle"
              color="red"
              mt={24}
              aria-label={`Retirer le membre ${n}`}
              onClick={() => setMembers(members.filter((_, j) => j !== i))}
            >
              Retirer
            </Button>
          </Group>
        );
      })}
      <Button variant="light" w="fit-content" onClick={() => setMembers([...members, emptyMember()])}>
        Ajouter un membre
      </Button>
    </DialogForm>
  );
}

/** Creating a branch (`branchId` undefined) or editing one with its CPNE and conventions. */
export function BranchDialog({ branchId, onClose }: { branchId: string | undefined; onClose: () => void }) {
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: ['/api/v1/branches', branchId],
    queryFn: () => api.get<BranchDetail>(`/api/v1/branches/${branchId}`),
    enabled: branchId !== undefined,
  });
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['/api/v1/branches'] });
    onClose();
  };
  if (branchId === undefined)
    return (
      <Dialog opened onClose={onClose} title="Nouvelle branche">
        <BranchForm
          initial={{ name: '', idcc: [], cpneMembers: [] }}
          conventions={[]}
          submitLabel="Créer la branche"
          onDone={done}
          onCancel={onClose}
          save={(input) => api.post('/api/v1/branches', input)}
        />
      </Dialog>
    );
  return (
    <Dialog opened onClose={onClose} title={detail.data ? `Branche ${detail.data.name}` : 'Branche'}>
      <QueryState query={detail} loadingLabel="Chargement de la branche…">
        {(branch) => (
          <BranchForm
            initial={{
              name: branch.name,
              idcc: branch.idcc,
              cpneMembers: branch.cpneMembers,
              ...(branch.opco ? { opco: branch.opco } : {}),
            }}
            conventions={branch.conventions}
            submitLabel="Enregistrer la branche"
            onDone={done}
            onCancel={onClose}
            save={(input) => api.put(`/api/v1/branches/${branchId}`, input)}
          />
        )}
      </QueryState>
    </Dialog>
  );
}
