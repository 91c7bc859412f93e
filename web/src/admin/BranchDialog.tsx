import { Button, Group, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { Answer, RequestBody } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { fieldError, fieldErrors } from '../ui/fieldError';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';

type BranchInput = RequestBody<'/api/v1/branches', 'post'>;
type BranchDetail = Answer<'/api/v1/branches/{id}'>;
type Member = NonNullable<BranchInput['cpneMembers']>[number];

const COLLEGES = [
  { value: 'employers', label: 'Collège employeurs' },
  { value: 'employees', label: 'Collège salariés' },
];
const emptyMember = (): Member => ({ college: 'employers', personName: '', organisationName: '' });

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
  const [name, setName] = useState(initial.name);
  const [idcc, setIdcc] = useState<string[]>(initial.idcc ?? []);
  const [opco, setOpco] = useState(initial.opco ?? '');
  const [members, setMembers] = useState<Member[]>(initial.cpneMembers ?? []);
  const mutation = useMutation({ mutationFn: save, onSuccess: onDone });
  const setMember = (i: number, patch: Partial<Member>) =>
    setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ name, idcc, cpneMembers: members, ...(opco.trim() ? { opco: opco.trim() } : {}) });
  };
  const labels = new Map(conventions.map((c) => [c.idcc, c.label]));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Nom de la branche"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(mutation.error, 'name')}
        />
        <TagsInput
          label="Conventions collectives (IDCC)"
          description="Codes à 4 chiffres de la liste officielle ; validez chaque code par Entrée."
          value={idcc}
          onChange={setIdcc}
          error={fieldErrors(mutation.error, 'idcc')}
          clearable
        />
        {idcc.some((code) => labels.has(code)) && (
          <Stack gap={2}>
            {idcc.map((code) =>
              labels.has(code) ? <Text size="sm" key={code}>{`${code} — ${labels.get(code)}`}</Text> : null,
            )}
          </Stack>
        )}
        <TextInput
          label="OPCO"
          value={opco}
          onChange={(e) => setOpco(e.currentTarget.value)}
          error={fieldError(mutation.error, 'opco')}
        />
        <Text fw={600} size="sm">
          Membres de la CPNE
        </Text>
        {members.length === 0 && <Text size="sm">Aucun membre.</Text>}
        {members.map((member, i) => {
          const n = i + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <Group key={i} align="flex-start" wrap="wrap" role="group" aria-label={`Membre ${n}`}>
              <Select
                label={`Collège du membre ${n}`}
                data={COLLEGES}
                value={member.college}
                onChange={(college) =>
                  setMember(i, { college: (college ?? 'employers') as Member['college'] })
                }
                allowDeselect={false}
                w={200}
              />
              <TextInput
                label={`Nom du membre ${n}`}
                value={member.personName}
                onChange={(e) => setMember(i, { personName: e.currentTarget.value })}
                error={fieldError(mutation.error, `cpneMembers.${i}.personName`)}
                w={220}
              />
              <TextInput
                label={`Organisation du membre ${n}`}
                value={member.organisationName}
                onChange={(e) => setMember(i, { organisationName: e.currentTarget.value })}
                error={fieldError(mutation.error, `cpneMembers.${i}.organisationName`)}
                w={220}
              />
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
        {mutation.error && (
          <ProblemAlert
            error={mutation.error}
            shownFields={(f) =>
              ['name', 'opco', 'idcc'].some((p) => f === p || f.startsWith(`${p}.`)) ||
              f.startsWith('cpneMembers.')
            }
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Annuler
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
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
