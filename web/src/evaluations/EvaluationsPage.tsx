import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import { formatDate, today } from '../format/date';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/QueryState';
import { type Agenda, type AgendaItem, agendaKey, candidateName } from './evaluations';
import { SessionStatusBadge } from './SessionStatusBadge';

function Sessions({ label, items, empty }: { label: string; items: AgendaItem[]; empty: string }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {label}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <ListTable
          label={label}
          columns={['Date', 'Candidat·e', 'Certification', 'Blocs', 'État']}
          minWidth={640}
        >
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor component={Link} to={`/evaluations/${s.id}`}>
                  {formatDate(s.date)}
                </Anchor>
              </Table.Td>
              <Table.Td>{candidateName(s.candidate)}</Table.Td>
              <Table.Td>
                {s.certification.code} — {s.certification.title}
              </Table.Td>
              <Table.Td>
                {s.blocCodes.map((b) => (s.signedBlocCodes.includes(b) ? `${b} (signé)` : b)).join(', ')}
              </Table.Td>
              <Table.Td>
                <SessionStatusBadge status={s.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Stack>
  );
}

/** « Mes évaluations »: the evaluator's sessions (staff: those of their scope), upcoming then past. */
export function EvaluationsPage() {
  const agenda = useQuery({ queryKey: agendaKey, queryFn: () => api.get<Agenda>('/api/v1/assessments') });
  const now = today();
  return (
    <Page title="Évaluations">
      <QueryState query={agenda} loadingLabel="Chargement des évaluations…">
        {(data) => (
          <Stack gap="lg">
            <Sessions
              label="À venir"
              items={data.items.filter((s) => s.date >= now)}
              empty="Aucune évaluation à venir."
            />
            <Sessions
              label="Passées"
              items={data.items.filter((s) => s.date < now).reverse()}
              empty="Aucune évaluation passée."
            />
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
