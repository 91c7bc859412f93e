import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { CANDIDACY_STATUSES } from '../../../src/contracts/candidacies';
import type { Role } from '../api/types';
import { useCurrentUser } from '../auth/currentUser';
import { certificationOptions } from '../catalogue/queries';
import { formatDate } from '../format/date';
import { plural } from '../format/plural';
import { FilteredResults } from '../ui/FilteredResults';
import { FilterForm } from '../ui/FilterForm';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { PagedResult } from '../ui/PagedResult';
import { SearchSelect } from '../ui/SearchSelect';
import { usePagedList } from '../ui/usePagedList';
import { CandidacyStatusBadge } from './CandidacyPage';
import { type CandidacyStatus, candidateName, statusLabel } from './candidacy';
import {
  CANDIDACIES_PATH,
  type CandidacyCounts,
  type CandidacyPage,
  type CandidacySummary,
  FUNDER_LABELS,
  mayEnrol,
  organisationOptions,
} from './enrolment';

const PAGE_SIZE = 25;
const FILTERS = ['certificationId', 'trainingOrganisationId', 'employerId'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Partial<Record<Filter, string>>;

/** What the page is to each role: its title and which columns and filters make sense. */
function viewOf(roles: readonly Role[]) {
  const has = (role: Role) => roles.includes(role);
  const staff = has('admin') || has('branch_manager') || has('advisor');
  // A training organisation or an employer alone sees its own: no column nor filter for itself.
  const showTrainingOrg = staff || !has('training_org');
  const showEmployer = staff || !has('employer') || has('training_org');
  const title =
    !staff && has('employer') && !has('training_org')
      ? 'Mes salariés en parcours'
      : !staff && has('evaluator') && !has('training_org')
        ? 'Parcours à évaluer'
        : 'Candidatures';
  return {
    title,
    showTrainingOrg,
    showEmployer,
    // Branch staff (OPCO advisors first) follow who funds what.
    showFunders: staff,
    enrols: mayEnrol(roles.map((role) => ({ role }))),
  };
}

/** The steps as choices, each with its count over the other filters; « Toutes » first. */
function StepChoices({
  counts,
  value,
  onChange,
}: {
  counts: CandidacyCounts | undefined;
  value: CandidacyStatus | undefined;
  onChange: (status: CandidacyStatus | undefined) => void;
}) {
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
  const choice = (key: string, label: string, n: number | undefined, status: CandidacyStatus | undefined) => (
    <Button
      key={key}
      size="compact-sm"
      variant={value === status ? 'filled' : 'default'}
      aria-pressed={value === status}
      onClick={() => onChange(status)}
    >
      {label} ({n ?? '…'})
    </Button>
  );
  return (
    <Group gap="xs" role="group" aria-label="Étapes">
      {choice('all', 'Toutes', total, undefined)}
      {CANDIDACY_STATUSES.map((status) => choice(status, statusLabel(status), counts?.[status], status))}
    </Group>
  );
}

type FilterLabels = Partial<Record<Filter, string>>;

/** The organisation filters: searched by name or SIRET among those of their kind. */
const ORGANISATION_FILTERS = [
  {
    key: 'trainingOrganisationId',
    kind: 'training_org',
    label: 'Organisme de formation',
    nothingFound: 'Aucun organisme ne correspond.',
    shown: (view: ReturnType<typeof viewOf>) => view.showTrainingOrg,
  },
  {
    key: 'employerId',
    kind: 'employer',
    label: 'Employeur',
    nothingFound: 'Aucun employeur ne correspond.',
    shown: (view: ReturnType<typeof viewOf>) => view.showEmployer,
  },
] as const;

/** Certification, training organisation, employer: kept in the address, applied together. */
function CandidacyFilters({
  value,
  labels,
  view,
  onApply,
}: {
  value: Filters;
  labels: FilterLabels;
  view: ReturnType<typeof viewOf>;
  onApply: (next: Filters) => void;
}) {
  return (
    <FilterForm label="Filtrer les candidatures" value={value} onApply={onApply}>
      {(draft, set) => (
        <>
          <SearchSelect
            label="Certification"
            placeholder="Toutes"
            description="Code ou intitulé"
            clearable
            queryKey={['candidacies', 'filter', 'certifications']}
            search={(q) => certificationOptions(q, 20)}
            value={draft.certificationId ?? null}
            valueLabel={labels.certificationId}
            onChange={set('certificationId')}
            nothingFound="Aucune certification ne correspond."
            unavailable="Liste des certifications indisponible."
            w={280}
          />
          {ORGANISATION_FILTERS.filter((f) => f.shown(view)).map((f) => (
            <SearchSelect
              key={f.key}
              label={f.label}
              placeholder="Tous"
              description="Nom ou SIRET"
              clearable
              queryKey={['candidacies', 'filter', f.kind]}
              search={(q) => organisationOptions(f.kind, q)}
              value={draft[f.key] ?? null}
              valueLabel={labels[f.key]}
              onChange={set(f.key)}
              nothingFound={f.nothingFound}
              unavailable="Liste des organisations indisponible."
              w={280}
            />
          ))}
        </>
      )}
    </FilterForm>
  );
}

/** The chosen filters' names, read from a row that carries them (the address keeps ids only). */
function labelsFrom(items: readonly CandidacySummary[] | undefined, filters: Filters): FilterLabels {
  const first = items?.[0];
  if (!first) return {};
  return {
    ...(filters.certificationId === first.certificationId
      ? { certificationId: `${first.certification.code} — ${first.certification.title}` }
      : {}),
    ...(filters.trainingOrganisationId === first.trainingOrganisationId
      ? { trainingOrganisationId: first.trainingOrganisation.name }
      : {}),
    ...(first.employer && filters.employerId === first.employerId ? { employerId: first.employer.name } : {}),
  };
}

/**
 * `/candidatures`: the candidacies the signed-in person may see (the API scopes them: a
 * training organisation its own, branch staff their certifications', an employer its
 * employees', an OPCO advisor its branches', an evaluator those assigned), by step with their
 * counts, filtered, each leading to its page.
 */
export function CandidaciesPage() {
  const me = useCurrentUser();
  const view = viewOf(me.roles.map((g) => g.role));
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(
    FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])),
  );
  const status = (CANDIDACY_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as CandidacyStatus)
    : undefined;
  const list = usePagedList<CandidacySummary, CandidacyPage>(CANDIDACIES_PATH, PAGE_SIZE, {
    ...filters,
    status,
  });
  const setAddress = (next: Filters & { status?: string | undefined }) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>);
  const columns = [
    'Candidat·e',
    'Certification',
    'Étape',
    ...(view.showTrainingOrg ? ['Organisme de formation'] : []),
    ...(view.showEmployer ? ['Employeur'] : []),
    ...(view.showFunders ? ['Financeurs'] : []),
    'Entrée le',
  ];
  return (
    <Page title={view.title}>
      {view.enrols && (
        <Group gap="sm">
          <Button component={Link} to="/candidatures/nouvelle">
            Inscrire un candidat
          </Button>
          <Button component={Link} to="/candidatures/import" variant="default">
            Importer
          </Button>
        </Group>
      )}
      <StepChoices
        counts={list.query.data?.counts}
        value={status}
        onChange={(next) => setAddress({ ...filters, status: next })}
      />
      <FilteredResults
        placement="above"
        active={Object.keys(filters).length}
        filters={
          <CandidacyFilters
            key={params.toString()}
            value={filters}
            labels={labelsFrom(list.query.data?.items, filters)}
            view={view}
            onApply={(next) => setAddress({ ...next, status })}
          />
        }
      >
        <PagedResult
          list={list}
          loadingLabel="Chargement des candidatures…"
          empty={
            status || Object.keys(filters).length > 0
              ? 'Aucun parcours ne correspond.'
              : view.enrols
                ? 'Aucun parcours pour l’instant : inscrivez un candidat ou importez un fichier.'
                : 'Aucun parcours à afficher pour l’instant.'
          }
          count={(total) => plural(total, 'parcours', 'parcours')}
        >
          {(items) => (
            <ListTable
              minWidth={view.showFunders ? 1100 : view.showTrainingOrg && view.showEmployer ? 960 : 760}
              columns={columns}
            >
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/candidatures/${c.id}`}>
                      {candidateName(c.candidate)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.certification.code}
                    </Text>
                    <Text size="sm">{c.certification.title}</Text>
                  </Table.Td>
                  <Table.Td>
                    <CandidacyStatusBadge status={c.status} />
                    {c.eligibilityStatus === 'incomplete' && (
                      <Text size="xs" c="dimmed">
                        Éligibilité à compléter
                      </Text>
                    )}
                  </Table.Td>
                  {view.showTrainingOrg && <Table.Td>{c.trainingOrganisation.name}</Table.Td>}
                  {view.showEmployer && <Table.Td>{c.employer?.name ?? '—'}</Table.Td>}
                  {view.showFunders && (
                    <Table.Td>{c.funders.map((f) => FUNDER_LABELS[f]).join(', ') || '—'}</Table.Td>
                  )}
                  <Table.Td>{formatDate(c.enrolledOn)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </PagedResult>
      </FilteredResults>
    </Page>
  );
}
