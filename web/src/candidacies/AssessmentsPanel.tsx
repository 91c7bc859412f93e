import { Anchor, Button, Group, MultiSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { BLOC_PROPOSAL_LABELS } from '../../../src/contracts/assessments';
import { api } from '../api/client';
import type { RequestBody, Schemas } from '../api/types';
import { SessionStatusBadge } from '../evaluations/SessionStatusBadge';
import { formatDate } from '../format/date';
import { fieldErrors } from '../ui/fieldError';
import { ListTable } from '../ui/ListTable';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import { candidacyKey, candidacyPath, useCandidacy } from './candidacy';
import { SessionChanges } from './SessionChanges';
import { EvaluatorsField, SessionDateInput, useHabilitatedEvaluators } from './sessionFields';

type Assessments = Schemas['Assessments'];
type ScheduleBody = RequestBody<'/api/v1/candidacies/{id}/assessments', 'post'>;

const assessmentsKey = (candidacyId: string) => [...candidacyKey(candidacyId), 'assessments'] as const;
const SHOWN = ['date', 'blocCodes', 'evaluatorIds', 'secondAssessor'];

function ScheduleForm({ candidacyId }: { candidacyId: string }) {
  const queryClient = useQueryClient();
  const candidacy = useCandidacy(candidacyId);
  const [date, setDate] = useState('');
  const [blocCodes, setBlocCodes] = useState<string[]>([]);
  const [evaluatorIds, setEvaluatorIds] = useState<string[]>([]);
  const [assessor, setAssessor] = useState({ name: '', trade: '' });
  const certificationId = candidacy.data?.certificationId;
  const evaluators = useHabilitatedEvaluators(certificationId, date);
  const schedule = useMutation({
    mutationFn: (body: ScheduleBody) => api.post(`${candidacyPath(candidacyId)}/assessments`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: assessmentsKey(candidacyId) });
      setBlocCodes([]);
      setEvaluatorIds([]);
      setAssessor({ name: '', trade: '' });
    },
  });
  const submit = () =>
    schedule.mutate({
      date,
      blocCodes,
      evaluatorIds,
      ...(assessor.name.trim() && assessor.trade.trim() ? { secondAssessor: assessor } : {}),
    });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          Programmer une évaluation
        </Title>
        <SessionDateInput value={date} onChange={setDate} error={fieldErrors(schedule.error, 'date')} />
        <MultiSelect
          label="Blocs évalués"
          required
          data={candidacy.data?.blocCodes ?? []}
          value={blocCodes}
          onChange={setBlocCodes}
          error={fieldErrors(schedule.error, 'blocCodes')}
        />
        <EvaluatorsField
          evaluators={evaluators}
          value={evaluatorIds}
          onChange={setEvaluatorIds}
          error={fieldErrors(schedule.error, 'evaluatorIds')}
        />
        <Group grow preventGrowOverflow={false} wrap="wrap" gap="sm">
          <TextInput
            label="Second évaluateur (facultatif) : nom"
            value={assessor.name}
            onChange={(e) => setAssessor({ ...assessor, name: e.currentTarget.value })}
            miw={200}
          />
          <TextInput
            label="Son métier"
            value={assessor.trade}
            onChange={(e) => setAssessor({ ...assessor, trade: e.currentTarget.value })}
            error={fieldErrors(schedule.error, 'secondAssessor')}
            miw={200}
          />
        </Group>
        <Group>
          <Button type="submit" loading={schedule.isPending}>
            Programmer
          </Button>
        </Group>
        {schedule.error && (
          <ProblemAlert
            error={schedule.error}
            title="L’évaluation n’a pas été programmée"
            shownFields={(f) => SHOWN.some((s) => f === s || f.startsWith(`${s}.`))}
          />
        )}
        {schedule.isSuccess && <Text size="sm">Évaluation programmée.</Text>}
      </Stack>
    </form>
  );
}

/** « Évaluations »: a candidacy's sessions with their signed results, and the scheduling form for those who schedule. */
export function AssessmentsPanel({ candidacyId }: { candidacyId: string }) {
  const candidacy = useCandidacy(candidacyId);
  const assessments = useQuery({
    queryKey: assessmentsKey(candidacyId),
    queryFn: () => api.get<Assessments>(`${candidacyPath(candidacyId)}/assessments`),
  });
  return (
    <QueryState query={assessments} loadingLabel="Chargement des évaluations…">
      {(data) => {
        const changes = data.items.some((a) => a.can.edit || a.can.cancel);
        return (
          <Stack gap="lg">
            {data.items.length === 0 ? (
              <Text c="dimmed">Aucune évaluation programmée.</Text>
            ) : (
              <ListTable
                label="Évaluations du parcours"
                columns={[
                  'Date',
                  'Blocs',
                  'Évaluateurs',
                  'État',
                  'Résultats signés',
                  ...(changes ? ['Actions'] : []),
                ]}
                minWidth={changes ? 820 : 640}
              >
                {data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/evaluations/${a.id}`}>
                        {formatDate(a.date)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.blocCodes.join(', ')}</Table.Td>
                    <Table.Td>
                      {a.evaluators.map((e) => e.name ?? 'compte désactivé').join(', ')}
                      {a.secondAssessor ? `, ${a.secondAssessor.name} (${a.secondAssessor.trade})` : ''}
                    </Table.Td>
                    <Table.Td>
                      <SessionStatusBadge status={a.status} />
                      {a.status === 'cancelled' && a.cancelReason && (
                        <Text size="sm" mt={4}>
                          Raison : {a.cancelReason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.results.length === 0
                        ? '—'
                        : a.results
                            .map((r) => `${r.blocCode} : ${BLOC_PROPOSAL_LABELS[r.proposal]}`)
                            .join(' ; ')}
                    </Table.Td>
                    {changes && (
                      <Table.Td>
                        <SessionChanges
                          session={a}
                          certificationId={candidacy.data?.certificationId}
                          queryKey={assessmentsKey(candidacyId)}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </ListTable>
            )}
            {data.can.schedule && <ScheduleForm candidacyId={candidacyId} />}
          </Stack>
        );
      }}
    </QueryState>
  );
}
