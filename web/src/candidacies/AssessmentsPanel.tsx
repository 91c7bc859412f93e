import { Anchor, Button, Group, MultiSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { BLOC_PROPOSAL_LABELS } from '../../../src/contracts/assessments';
import { api } from '../api/client';
import type { Answer, RequestBody, Schemas } from '../api/types';
import { SessionStatusBadge } from '../evaluations/SessionStatusBadge';
import { formatDate, today } from '../format/date';
import { fieldErrors } from '../ui/fieldError';
import { ListTable } from '../ui/ListTable';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import { candidacyKey, candidacyPath, useCandidacy } from './candidacy';

type Assessments = Schemas['Assessments'];
type ScheduleBody = RequestBody<'/api/v1/candidacies/{id}/assessments', 'post'>;
type Evaluators = Answer<'/api/v1/certifications/{id}/evaluators'>;

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
  const evaluators = useQuery({
    queryKey: ['certifications', certificationId, 'evaluators', date],
    queryFn: () =>
      api.get<Evaluators>(
        `/api/v1/certifications/${certificationId}/evaluators?on=${encodeURIComponent(date)}`,
      ),
    enabled: Boolean(certificationId) && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
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
        <TextInput
          type="date"
          label="Date"
          required
          min={today()}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={fieldErrors(schedule.error, 'date')}
        />
        <MultiSelect
          label="Blocs évalués"
          required
          data={candidacy.data?.blocCodes ?? []}
          value={blocCodes}
          onChange={setBlocCodes}
          error={fieldErrors(schedule.error, 'blocCodes')}
        />
        <MultiSelect
          label="Évaluateurs habilités à cette date"
          required
          data={(evaluators.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          value={evaluatorIds}
          onChange={setEvaluatorIds}
          disabled={!evaluators.data}
          description={evaluators.data ? undefined : 'Choisissez d’abord la date.'}
          nothingFoundMessage="Aucun évaluateur habilité à cette date."
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
  const assessments = useQuery({
    queryKey: assessmentsKey(candidacyId),
    queryFn: () => api.get<Assessments>(`${candidacyPath(candidacyId)}/assessments`),
  });
  return (
    <QueryState query={assessments} loadingLabel="Chargement des évaluations…">
      {(data) => (
        <Stack gap="lg">
          {data.items.length === 0 ? (
            <Text c="dimmed">Aucune évaluation programmée.</Text>
          ) : (
            <ListTable
              label="Évaluations du parcours"
              columns={['Date', 'Blocs', 'Évaluateurs', 'État', 'Résultats signés']}
              minWidth={640}
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
                  </Table.Td>
                  <Table.Td>
                    {a.results.length === 0
                      ? '—'
                      : a.results
                          .map((r) => `${r.blocCode} : ${BLOC_PROPOSAL_LABELS[r.proposal]}`)
                          .join(' ; ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
          {data.can.schedule && <ScheduleForm candidacyId={candidacyId} />}
        </Stack>
      )}
    </QueryState>
  );
}
