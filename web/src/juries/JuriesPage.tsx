import { Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { JURY_MEMBER_ROLE_LABELS, JURY_STATUS_LABELS, JURY_STATUSES } from '../../../src/contracts/juries';
import { useCurrentUser } from '../auth/currentUser';
import { formatDate } from '../format/date';
import { plural } from '../format/plural';
import { FilteredList, useAddressFilters } from '../ui/AddressFilters';
import { DateRangeFields } from '../ui/DateRangeFields';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { PagedResult } from '../ui/PagedResult';
import { usePagedList } from '../ui/usePagedList';
import { JuryStatusBadge, placeLabel, whenLabel } from './JuryStatusBadge';
import { JURIES_PATH, type JuryList, type JurySummary } from './juries';

const PAGE_SIZE = 20;
const FILTERS = ['status', 'from', 'to'] as const;

/** Those who convene sessions (the API decides for which branches). */
export function useConvenes(): boolean {
  const me = useCurrentUser();
  return me.roles.some((g) => g.role === 'admin' || g.role === 'branch_manager');
}

/**
 * `/jurys`: the jury sessions the signed-in person may read — branch staff those of their
 * branches, with « Nouveau jury »; a jury member their convocations with their role in each
 * (the API scopes the list) — filtered by state and period, paginated.
 */
export function JuriesPage() {
  const convenes = useConvenes();
  const address = useAddressFilters(FILTERS);
  const list = usePagedList<JurySummary, JuryList>(JURIES_PATH, PAGE_SIZE, address.filters);
  const showRole = !convenes || list.query.data?.items.some((j) => j.myRole !== null);
  const columns = ['Date', 'Certifications', 'Lieu', 'État', 'Parcours', ...(showRole ? ['Mon rôle'] : [])];
  return (
    <Page title={convenes ? 'Jurys' : 'Mes jurys'}>
      {convenes && (
        <Group>
          <Button component={Link} to="/jurys/nouveau">
            Nouveau jury
          </Button>
        </Group>
      )}
      <FilteredList
        label="Filtrer les sessions"
        address={address}
        fields={(draft, set) => (
          <>
            <Select
              label="État"
              placeholder="Tous"
              clearable
              data={JURY_STATUSES.map((s) => ({ value: s, label: JURY_STATUS_LABELS[s] }))}
              value={draft.status ?? null}
              onChange={set('status')}
              w={220}
            />
            <DateRangeFields
              labels={['Du', 'Au']}
              fields={['from', 'to']}
              values={{ from: draft.from ?? '', to: draft.to ?? '' }}
              onChange={(field, value) => set(field)(value)}
              error={list.query.error}
              required={false}
              w={170}
            />
          </>
        )}
      >
        <PagedResult
          list={list}
          loadingLabel="Chargement des sessions…"
          empty={
            address.active > 0
              ? 'Aucune session ne correspond.'
              : convenes
                ? 'Aucune session de jury pour l’instant : convoquez-en une avec « Nouveau jury ».'
                : 'Aucune convocation pour l’instant.'
          }
          count={(total) => plural(total, 'session', 'sessions')}
        >
          {(items) => (
            <ListTable minWidth={showRole ? 860 : 760} columns={columns}>
              {items.map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/jurys/${j.id}`}>
                      {whenLabel(j, formatDate)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {j.certifications.map((c) => (
                      <Text size="sm" key={c.id}>
                        <Text span fw={500} size="sm">
                          {c.code}
                        </Text>{' '}
                        {c.title}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{placeLabel(j)}</Table.Td>
                  <Table.Td>
                    <JuryStatusBadge status={j.status} />
                  </Table.Td>
                  <Table.Td>{j.candidacyCount}</Table.Td>
                  {showRole && <Table.Td>{j.myRole ? JURY_MEMBER_ROLE_LABELS[j.myRole] : '—'}</Table.Td>}
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </PagedResult>
      </FilteredList>
    </Page>
  );
}
