import { Stack, Table } from '@mantine/core';
import { CANDIDACY_EVENT_LABELS } from '../../../src/contracts/candidacies';
import { DateTime } from '../ui/DateTime';
import { ListTable } from '../ui/ListTable';
import { QueryState } from '../ui/QueryState';
import { type Candidacy, statusLabel, useCandidacy } from './candidacy';
import { Transitions } from './Transitions';

type Entry = Candidacy['history'][number];

const eventLabel = (e: Entry) => (e.event === 'enrol' ? 'Inscription' : CANDIDACY_EVENT_LABELS[e.event]);

function History({ candidacy }: { candidacy: Candidacy }) {
  const history = [...candidacy.history].reverse();
  return (
    <Stack gap="md">
      <Transitions candidacy={candidacy} />
      <ListTable
        label="Historique des étapes"
        columns={['Date', 'Changement', 'Étape', 'Par', 'Raison']}
        minWidth={640}
      >
        {history.map((e) => (
          <Table.Tr key={`${e.at}-${e.event}`}>
            <Table.Td>
              <DateTime value={e.at} />
            </Table.Td>
            <Table.Td>{eventLabel(e)}</Table.Td>
            <Table.Td>
              {e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}
              {statusLabel(e.toStatus)}
            </Table.Td>
            <Table.Td>{e.actorName ?? '—'}</Table.Td>
            <Table.Td>{e.reason ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}

/** « Historique »: the changes of step possible now, then every change made, latest first, by whom and why. */
export function HistoryPanel({ candidacyId }: { candidacyId: string }) {
  return (
    <QueryState query={useCandidacy(candidacyId)}>
      {(candidacy) => <History candidacy={candidacy} />}
    </QueryState>
  );
}
