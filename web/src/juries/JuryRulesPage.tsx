import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  COLLEGE_LABELS,
  COLLEGES,
  type College,
  DEFAULT_JURY_RULES,
  JURY_MAJORITIES,
  JURY_MAJORITY_LABELS,
  JURY_SIGNATURE_LABELS,
  JURY_SIGNATURES,
  type JuryMajority,
  type JurySignatures,
} from '../../../src/contracts/juries';
import { api } from '../api/client';
import type { Answer, Schemas } from '../api/types';
import { formatDate, today } from '../format/date';
import { useManagedBranches } from '../manage/managedBranches';
import { fieldError } from '../ui/fieldError';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard';
import { useDraftForm } from '../ui/useDraftForm';

type Rules = Schemas['JuryRules'];
type Versions = Answer<'/api/v1/branches/{id}/jury-rules'>;
type Version = Versions['items'][number];

const rulesKey = (branchId: string) => ['branches', branchId, 'jury-rules'] as const;

/** One line saying what a version asks, in French. */
export function rulesSummary(r: Rules): string {
  const president =
    r.president.rule === 'any'
      ? 'présidence par l’un ou l’autre collège'
      : `présidence alternée (${COLLEGE_LABELS[r.president.evenYears].toLowerCase()} les années paires)`;
  return [
    `au moins ${r.colleges.minPerCollege} par collège${r.colleges.parity ? ', parité' : ''}`,
    r.seats ? `${r.seats.organisations.length} siège(s) d’organisation` : null,
    president,
    `quorum ${r.quorum.minMembers} (${r.quorum.minPerCollege} par collège)`,
    JURY_MAJORITY_LABELS[r.majority].toLowerCase(),
    r.votesRequired ? 'votes consignés' : null,
    r.remoteAllowed ? 'distance admise' : 'présence sur place',
    r.blocValidityYears === null ? 'blocs acquis à vie' : `blocs valables ${r.blocValidityYears} ans`,
    `relance après ${r.reminderAfterDays} jours`,
  ]
    .filter(Boolean)
    .join(' ; ');
}

function state(v: Version, inForce: string | null, date: string): string {
  if (v.id === inForce) return 'En vigueur';
  return v.effectiveFrom > date ? 'À venir' : 'Remplacée';
}

/**
 * `/gestion/jurys/regles`: a branch's jury rules — its versions (in force, to come, replaced)
 * and a form recording a new one, prefilled with the version in force (or the defaults).
 */
export function JuryRulesPage() {
  const branches = useManagedBranches();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Page title="Règles de jury">
      <Text>
        Composition et fonctionnement des jurys paritaires de la branche. Une version n’est jamais modifiée :
        un changement est une nouvelle version, en vigueur à partir de sa date.
      </Text>
      <QueryState query={branches} loadingLabel="Chargement des branches…">
        {({ mine }) => {
          const branchId = chosen ?? mine[0]?.id ?? null;
          if (!branchId) return <Text>Vous ne gérez aucune branche.</Text>;
          return (
            <Stack gap="lg">
              {mine.length > 1 && (
                <NativeSelect
                  label="Branche"
                  data={mine.map((b) => ({ value: b.id, label: b.name }))}
                  value={branchId}
                  onChange={(e) => setChosen(e.currentTarget.value)}
                />
              )}
              <BranchRules key={branchId} branchId={branchId} />
            </Stack>
          );
        }}
      </QueryState>
    </Page>
  );
}

function BranchRules({ branchId }: { branchId: string }) {
  const query = useQuery({
    queryKey: rulesKey(branchId),
    queryFn: () => api.get<Versions>(`/api/v1/branches/${branchId}/jury-rules`),
  });
  const date = today();
  return (
    <QueryState query={query} loadingLabel="Chargement des règles…">
      {(data) => (
        <Stack gap="lg">
          <Title order={2} size="h3">
            Versions
          </Title>
          {data.items.length === 0 ? (
            <Text>
              Aucune règle enregistrée : les jurys de la branche ne peuvent pas encore être convoqués.
            </Text>
          ) : (
            <ListTable minWidth={760} columns={['À partir du', 'État', 'Règles', 'Note', 'Enregistrée par']}>
              {data.items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(v.effectiveFrom)}</Table.Td>
                  <Table.Td>{state(v, data.inForce, date)}</Table.Td>
                  <Table.Td>{rulesSummary(v.content)}</Table.Td>
                  <Table.Td>{v.note ?? '—'}</Table.Td>
                  <Table.Td>{v.createdBy ?? 'Qualif'}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
          <NewVersionForm
            branchId={branchId}
            from={data.items.find((v) => v.id === data.inForce)?.content ?? DEFAULT_JURY_RULES}
          />
        </Stack>
      )}
    </QueryState>
  );
}

type Draft = Rules & { effectiveFrom: string; note: string; forLife: boolean };

/** The fields shown next to their input (others are listed in the alert). */
const FIELDS = [
  'effectiveFrom',
  'note',
  'content.colleges.minPerCollege',
  'content.seats',
  'content.president',
  'content.majority',
  'content.quorum',
  'content.blocValidityYears',
  'content.signatures',
  'content.reminderAfterDays',
];

function NewVersionForm({ branchId, from }: { branchId: string; from: Rules }) {
  const queryClient = useQueryClient();
  const initial: Draft = {
    ...from,
    blocValidityYears: from.blocValidityYears ?? 5,
    forLife: from.blocValidityYears === null,
    effectiveFrom: '',
    note: '',
  };
  const { draft, set, setDraft, error, submit, dirty, mutation } = useDraftForm(initial, {
    send: ({ effectiveFrom, note, forLife, ...content }) =>
      api.post(`/api/v1/branches/${branchId}/jury-rules`, {
        effectiveFrom,
        note: note.trim() || null,
        content: { ...content, blocValidityYears: forLife ? null : content.blocValidityYears },
      }),
    onSaved: () => queryClient.invalidateQueries({ queryKey: rulesKey(branchId) }),
    resetOnSave: true,
  });
  const err = (path: string) => fieldError(error, `content.${path}`);
  const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : Number(v) || fallback);
  const seats = draft.seats?.organisations ?? [];
  const setSeats = (organisations: { name: string; college: College }[]) =>
    set('seats', organisations.length > 0 ? { organisations } : null);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="nouvelle-version">
      <UnsavedChangesGuard dirty={dirty} />
      <Stack>
        <Title order={2} size="h3" id="nouvelle-version">
          Nouvelle version
        </Title>
        {error && <ProblemAlert error={error} shownFields={FIELDS} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label="En vigueur à partir du"
            required
            value={draft.effectiveFrom}
            onChange={(e) => set('effectiveFrom', e.currentTarget.value)}
            error={fieldError(error, 'effectiveFrom')}
          />
          <NumberInput
            label="Membres par collège, au moins"
            min={1}
            max={20}
            value={draft.colleges.minPerCollege}
            onChange={(v) => set('colleges', { ...draft.colleges, minPerCollege: num(v, 1) })}
            error={err('colleges.minPerCollege')}
          />
        </SimpleGrid>
        <Checkbox
          label="Parité : autant de membres de chaque collège"
          checked={draft.colleges.parity}
          onChange={(e) => set('colleges', { ...draft.colleges, parity: e.currentTarget.checked })}
        />
        <Stack gap="xs">
          <Text fw={500}>Sièges par organisation (facultatif)</Text>
          <Text size="sm" c="dimmed">
            Chaque fédération ou syndicat listé doit être représenté par un membre qu’il a désigné.
          </Text>
          {seats.map((seat, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place (« Organisation N »)
            <Group key={i} align="flex-end" wrap="wrap">
              <TextInput
                label={`Organisation ${i + 1}`}
                value={seat.name}
                onChange={(e) =>
                  setSeats(seats.map((s, j) => (j === i ? { ...s, name: e.currentTarget.value } : s)))
                }
                error={err(`seats.organisations.${i}.name`)}
                style={{ flex: '1 1 12rem' }}
              />
              <NativeSelect
                label={`Collège de l’organisation ${i + 1}`}
                data={COLLEGES.map((c) => ({ value: c, label: COLLEGE_LABELS[c] }))}
                value={seat.college}
                onChange={(e) =>
                  setSeats(
                    seats.map((s, j) => (j === i ? { ...s, college: e.currentTarget.value as College } : s)),
                  )
                }
              />
              <ActionIcon
                variant="outline"
                size="lg"
                aria-label={`Retirer l’organisation ${i + 1}`}
                onClick={() => setSeats(seats.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="outline"
              size="xs"
              onClick={() => setSeats([...seats, { name: '', college: 'employers' }])}
            >
              Ajouter une organisation
            </Button>
          </Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Présidence"
            data={[
              { value: 'any', label: 'L’un ou l’autre collège' },
              ...COLLEGES.map((c) => ({
                value: c,
                label: `Alternée par année : ${COLLEGE_LABELS[c].toLowerCase()} les années paires`,
              })),
            ]}
            value={draft.president.rule === 'any' ? 'any' : draft.president.evenYears}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set(
                'president',
                v === 'any' ? { rule: 'any' } : { rule: 'alternate_by_year', evenYears: v as College },
              );
            }}
            error={err('president')}
          />
          <NativeSelect
            label="Majorité requise"
            data={JURY_MAJORITIES.map((m) => ({ value: m, label: JURY_MAJORITY_LABELS[m] }))}
            value={draft.majority}
            onChange={(e) => set('majority', e.currentTarget.value as JuryMajority)}
            error={err('majority')}
          />
          <NumberInput
            label="Quorum : membres présents, au moins"
            min={1}
            max={100}
            value={draft.quorum.minMembers}
            onChange={(v) => set('quorum', { ...draft.quorum, minMembers: num(v, 1) })}
            error={err('quorum.minMembers')}
          />
          <NumberInput
            label="Quorum : présents par collège, au moins"
            min={0}
            max={20}
            value={draft.quorum.minPerCollege}
            onChange={(v) => set('quorum', { ...draft.quorum, minPerCollege: num(v, 0) })}
            error={err('quorum.minPerCollege')}
          />
        </SimpleGrid>
        <Checkbox
          label="Les décisions consignent les votes (pour, contre, abstention)"
          checked={draft.votesRequired}
          onChange={(e) => set('votesRequired', e.currentTarget.checked)}
        />
        <Checkbox
          label="Participation à distance admise"
          checked={draft.remoteAllowed}
          onChange={(e) => set('remoteAllowed', e.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap="xs">
            <Checkbox
              label="Blocs acquis à vie"
              checked={draft.forLife}
              onChange={(e) => set('forLife', e.currentTarget.checked)}
            />
            {!draft.forLife && (
              <NumberInput
                label="Validité des blocs acquis (années)"
                min={1}
                max={50}
                value={draft.blocValidityYears ?? 5}
                onChange={(v) => set('blocValidityYears', num(v, 5))}
                error={err('blocValidityYears')}
              />
            )}
          </Stack>
          <NativeSelect
            label="Signent le procès-verbal"
            data={JURY_SIGNATURES.map((s) => ({ value: s, label: JURY_SIGNATURE_LABELS[s] }))}
            value={draft.signatures}
            onChange={(e) => set('signatures', e.currentTarget.value as JurySignatures)}
            error={err('signatures')}
          />
          <NumberInput
            label="Relance après (jours d’attente d’un jury)"
            min={1}
            max={365}
            value={draft.reminderAfterDays}
            onChange={(v) => set('reminderAfterDays', num(v, 60))}
            error={err('reminderAfterDays')}
          />
        </SimpleGrid>
        <Textarea
          label="Note (accord de branche, point à trancher…)"
          autosize
          minRows={2}
          maxLength={2000}
          value={draft.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          error={fieldError(error, 'note')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Enregistrer la version
          </Button>
          <Button variant="subtle" onClick={() => setDraft(initial)} disabled={!dirty}>
            Repartir de la version en vigueur
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
