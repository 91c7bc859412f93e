import { Stack } from '@mantine/core';
import type { SearchResult } from '../api/catalogue';
import { FacetFilter, type FacetOption } from './FacetFilter';
import { KIND_LABELS, levelLabel, RECOGNITION_LABELS, RECOGNITION_ORDER } from './labels';
import { useBranches } from './queries';
import type { FilterPatch, CatalogueFilters as Filters } from './searchParams';

type Facets = SearchResult['facets'];

type Facet = { value: string | number; count: number }[];

/** The results an option would give; undefined while the search (and its counts) loads. */
function countOf(facet: Facet | undefined, value: string | number): number | undefined {
  if (!facet) return undefined;
  return facet.find((f) => f.value === value)?.count ?? 0;
}

/** One option a value, labelled, with its count. */
function optionsOf<V extends string | number>(
  values: readonly V[],
  label: (value: V) => string,
  facet: Facet | undefined,
): FacetOption[] {
  return values.map((value) => ({ value: String(value), label: label(value), count: countOf(facet, value) }));
}

/** Type, branch, level and recognition filters, with the counts of the current search. */
export function CatalogueFilters({
  filters,
  facets,
  onChange,
}: {
  filters: Filters;
  facets: Facets | undefined;
  onChange: (patch: FilterPatch) => void;
}) {
  const branches = useBranches();
  const kinds = optionsOf(['CQP', 'CQPI'] as const, (kind) => KIND_LABELS[kind], facets?.kind);
  const branchOptions: FacetOption[] = (
    branches.data?.items ??
    facets?.branch.map((b) => ({ id: b.value, name: b.label })) ??
    []
  ).map((b) => ({ value: b.id, label: b.name, count: countOf(facets?.branch, b.id) }));
  const levels = new Set<number>(facets?.level.map((l) => l.value) ?? []);
  if (filters.level !== undefined) levels.add(filters.level);
  const levelOptions = optionsOf(
    [...levels].sort((a, b) => a - b),
    levelLabel,
    facets?.level,
  );
  const recognitions = optionsOf(
    RECOGNITION_ORDER,
    (status) => RECOGNITION_LABELS[status],
    facets?.recognition,
  );

  return (
    <Stack gap="lg">
      <FacetFilter
        label="Type"
        allLabel="Tous les types"
        options={kinds}
        value={filters.kind}
        onChange={(v) => onChange({ kind: v as Filters['kind'] })}
      />
      <FacetFilter
        label="Reconnaissance"
        allLabel="Toutes"
        options={recognitions}
        value={filters.recognition}
        onChange={(v) => onChange({ recognition: v as Filters['recognition'] })}
      />
      {levelOptions.length > 0 && (
        <FacetFilter
          label="Niveau de qualification"
          allLabel="Tous les niveaux"
          options={levelOptions}
          value={filters.level === undefined ? undefined : String(filters.level)}
          onChange={(v) => onChange({ level: v === undefined ? undefined : Number(v) })}
        />
      )}
      <FacetFilter
        label="Branche"
        allLabel="Toutes les branches"
        options={branchOptions}
        value={filters.branch}
        onChange={(v) => onChange({ branch: v })}
      />
    </Stack>
  );
}
