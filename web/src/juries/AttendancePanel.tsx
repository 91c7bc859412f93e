import { Alert, Button, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  COLLEGE_LABELS,
  JURY_MEMBER_ROLE_LABELS,
  PRESENCE_LABELS,
  PRESENCES,
  type Presence,
} from '../../../src/contracts/juries';
import { api } from '../api/client';
import { COLORS } from '../ui/colors';
import { fieldErrors } from '../ui/fieldError';
import { ListTable } from '../ui/ListTable';
import { ProblemAlert } from '../ui/ProblemAlert';
import { type Attendance, type AttendanceRequest, type Jury, juryKey, juryPath } from './juries';

/** The quorum as the API counted it: reached, or what is missing. */
function Quorum({ quorum }: { quorum: Jury['attendance']['quorum'] }) {
  return (
    <Alert
      color={quorum.reached ? COLORS.success : COLORS.warning}
      title={quorum.reached ? 'Quorum atteint' : 'Quorum non atteint'}
    >
      {quorum.counted} membre{quorum.counted > 1 ? 's' : ''} présent{quorum.counted > 1 ? 's' : ''} ou à
      distance sur {quorum.required} requis.
      {quorum.detail ? ` ${quorum.detail}` : ''}
    </Alert>
  );
}

/** The form of the day's attendance: one choice per member, the API checks the quorum. */
function AttendanceForm({ jury }: { jury: Jury }) {
  const queryClient = useQueryClient();
  const [presence, setPresence] = useState<Record<string, Presence | null>>(() =>
    Object.fromEntries(jury.members.map((m) => [m.userId, m.presence])),
  );
  const [sent, setSent] = useState<AttendanceRequest | null>(null);
  const save = useMutation({
    mutationFn: (body: AttendanceRequest) => api.put<Attendance>(`${juryPath(jury.id)}/attendance`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: juryKey(jury.id) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      members: jury.members.flatMap((m) => {
        const p = presence[m.userId];
        return p ? [{ userId: m.userId, presence: p }] : [];
      }),
    };
    setSent(body);
    save.mutate(body);
  };
  const errorOf = (userId: string) => {
    const index = sent?.members.findIndex((m) => m.userId === userId) ?? -1;
    return index < 0 ? undefined : fieldErrors(save.error, `members.${index}`);
  };
  return (
    <form onSubmit={submit} aria-label="Présence des membres" noValidate>
      <Stack gap="md">
        {jury.members.map((m) => (
          <Radio.Group
            key={m.userId}
            label={`${m.name ?? 'Membre'} — ${JURY_MEMBER_ROLE_LABELS[m.role]}`}
            description={`${COLLEGE_LABELS[m.college]}${m.organisation ? ` — ${m.organisation}` : ''}`}
            value={presence[m.userId] ?? null}
            onChange={(value) => setPresence((p) => ({ ...p, [m.userId]: value as Presence }))}
            error={errorOf(m.userId)}
          >
            <Group gap="md" mt={4}>
              {PRESENCES.map((p) => (
                <Radio key={p} value={p} label={PRESENCE_LABELS[p]} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        {save.error && <ProblemAlert error={save.error} shownFields={(f) => /^members\.\d/.test(f)} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Enregistrer la présence
          </Button>
          {save.isSuccess && !save.isPending && (
            <Text size="sm" role="status">
              Présence enregistrée.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The session's members (role, college, organisation, presence) and the quorum; the attendance
 * form for those the API lets record it (`can.attend`), before the minutes are generated.
 */
export function AttendancePanel({ jury }: { jury: Jury }) {
  const editable = jury.can.attend && (jury.status === 'planned' || jury.status === 'deliberating');
  return (
    <section aria-labelledby="membres">
      <Title order={2} size="h3" id="membres" mb="sm">
        Membres et présence
      </Title>
      <Stack gap="md">
        <ListTable minWidth={640} columns={['Membre', 'Rôle', 'Collège', 'Organisation', 'Présence']}>
          {jury.members.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>{m.name ?? '—'}</Table.Td>
              <Table.Td>{JURY_MEMBER_ROLE_LABELS[m.role]}</Table.Td>
              <Table.Td>{COLLEGE_LABELS[m.college]}</Table.Td>
              <Table.Td>{m.organisation ?? '—'}</Table.Td>
              <Table.Td>{m.presence ? PRESENCE_LABELS[m.presence] : 'Non renseignée'}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        {jury.status !== 'cancelled' && <Quorum quorum={jury.attendance.quorum} />}
        {editable && <AttendanceForm key={jury.members.map((m) => m.presence).join()} jury={jury} />}
      </Stack>
    </section>
  );
}
