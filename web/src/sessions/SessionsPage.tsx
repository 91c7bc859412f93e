import { Page } from '../ui/Page';
import { QueryState } from '../ui/QueryState';
import { SessionsTable } from './SessionsTable';
import { useSessions } from './useSessions';

export function SessionsPage() {
  return (
    <Page title="Mes sessions">
      <QueryState query={useSessions()} loadingLabel="Chargement de vos sessions…">
        {(data) => <SessionsTable sessions={data.items} />}
      </QueryState>
    </Page>
  );
}
