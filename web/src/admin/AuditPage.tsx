import { Anchor, Select, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_LABELS,
  AUDIT_ENTITY_TYPES,
  auditActionLabel,
  auditEntityLabel,
} from '../../../src/contracts/audit';
import { api } from '../api/client';
import type { Answer, AuditEvent } from '../api/types';
import { plural } from '../format/plural';
import { DateRangeFields } from '../ui/DateRangeFields';
import { DateTime } from '../ui/DateTime';
import { FilteredResults } from '../ui/FilteredResults';
import { FilterForm } from '../ui/FilterForm';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { PagedResult } from '../ui/PagedResult';
import { RowButton } from '../ui/RowButton';
import { SearchSelect } from '../ui/SearchSelect';
import { usePagedList } from '../ui/usePagedList';
import { AuditDetail } from './AuditDetail';
import { AuditIntegrity } from './AuditIntegrity';

const PAGE_SIZE = 50;
const FILTERS = ['actorUserId', 'action', 'from', 'to', 'entityType', 'entityId'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const ACTION_OPTIONS = AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }));
const ENTITY_OPTIONS = AUDIT_ENTITY_TYPES.map((t) => ({ value: t, label: AUDIT_ENTITY_LABELS[t] }));

/** The page of the object an entry is about, where one exists. */
function entityPath(type: string, id: string): string | undefined {
  if (type === 'certification') return `/gestion/certifications/${id}`;
  if (type === 'branch') return '/admin/branches';
  if (type === 'organisation') return '/admin/organisations';
  return undefined;
}

/** Accounts whose name or address contains what is typed (the API searches them all). */
async function searchAccounts(q: string) {
  const query = new URLSearchParams({ pageSize: '20', ...(q ? { q } : {}) });
  const found = await api.get<Answer<'/api/v1/users'>>(`/api/v1/users?${query}`);
  return found.items.map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }));
}

/** Who, what, when, which object: the journal's filters, kept in the address. */
function AuditFilters({
  value,
  actorLabel,
  onApply,
}: {
  value: Filters;
  /** The filtered account's name, read from the entries found (the address keeps only its id). */
  actorLabel: string | undefined;
  onApply: (next: Filters) => void;
}) {
  return (
    <FilterForm label="Filtrer le journal" value={value} onApply={onApply}>
      {(draft, set) => (
        <>
          <SearchSelect
            label="Qui"
            placeholder="Tout le monde"
            description="Nom ou adresse e-mail"
            clearable
            queryKey={['/api/v1/users', 'search']}
            search={searchAccounts}
            value={draft.actorUserId ?? null}
            valueLabel={actorLabel}
            onChange={set('actorUserId')}
            nothingFound="Aucun compte ne correspond."
            unavailable="Liste des comptes indisponible."
            w={260}
          />
          <Select
            label="Quoi"
            placeholder="Toutes les actions"
            searchable
            clearable
            data={ACTION_OPTIONS}
            value={draft.action ?? null}
            onChange={set('action')}
            w={260}
          />
          <DateRangeFields
            labels={['Du', 'Au']}
            fields={['from', 'to']}
            values={{ from: draft.from ?? '', to: draft.to ?? '' }}
            onChange={(field, day) => set(field)(day || null)}
            error={null}
            required={false}
            w={160}
          />
          <Select
            label="Type d’objet"
            placeholder="Tous"
            clearable
            data={ENTITY_OPTIONS}
            value={draft.entityType ?? null}
            onChange={set('entityType')}
            w={200}
          />
          <TextInput
            label="Identifiant de l’objet"
            value={draft.entityId ?? ''}
            onChange={(e) => set('entityId')(e.currentTarget.value.trim() || null)}
            w={200}
          />
        </>
      )}
    </FilterForm>
  );
}

/** `/admin/audit`: the audit trail in words, filtered, each change in detail; its integrity check. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(
    FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])),
  );
  const list = usePagedList<AuditEvent>('/api/v1/audit', PAGE_SIZE, filters);
  const [shown, setShown] = useState<string | null>(null);
  const apply = (next: Filters) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>);
  return (
    <Page title="Journal d'audit">
      <AuditIntegrity />
      <FilteredResults
        placement="above"
        active={Object.keys(filters).length}
        filters={
          <AuditFilters
            key={params.toString()}
            value={filters}
            actorLabel={filters.actorUserId ? list.query.data?.items[0]?.actorLabel : undefined}
            onApply={apply}
          />
        }
      >
        {shown && <AuditDetail id={shown} onClose={() => setShown(null)} />}
        <PagedResult
          list={list}
          loadingLabel="Chargement du journal…"
          empty="Aucune entrée ne correspond."
          count={(total) => plural(total, 'entrée', 'entrées')}
        >
          {(events) => (
            <ListTable minWidth={900} columns={['Quand', 'Qui', 'Quoi', 'Objet', 'Détail']}>
              {events.map((event) => {
                const path = entityPath(event.entityType, event.entityId);
                const what = auditEntityLabel(event.entityType);
                return (
                  <Table.Tr key={event.id}>
                    <Table.Td>
                      <DateTime value={event.at} />
                    </Table.Td>
                    <Table.Td>{event.actorLabel}</Table.Td>
                    <Table.Td>{auditActionLabel(event.action)}</Table.Td>
                    <Table.Td>
                      {path ? (
                        <Anchor component={Link} to={path}>
                          {what}
                        </Anchor>
                      ) : (
                        what
                      )}{' '}
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => apply({ entityType: event.entityType, entityId: event.entityId })}
                      >
                        (son historique)
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <RowButton
                        label={`Détail de l’entrée n° ${event.id}`}
                        onClick={() => setShown(event.id)}
                      >
                        Détail
                      </RowButton>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </ListTable>
          )}
        </PagedResult>
      </FilteredResults>
    </Page>
  );
}
