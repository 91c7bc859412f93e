import { Stack } from '@mantine/core';
import type { SearchResult } from '../api/catalogue';
import { FacetFilter, type FacetOption } from './FacetFilter';
import { KIND_LABELS, levelLabel, RECOGNITION_LABELS, RECOGNITION_ORDER } from './labels';
import { useBranches } from './queries';
import type { FilterPatch, CatalogueFilters as Filters } from './searchParams';

type Facets = SearchResult['facets'];

function countOf(facet: { value: string | number; count: number }[], value: string | number): number {
  return facet.find((f) => f.value === value)?.count ?? 0;
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
  const kinds: FacetOption[] = (['CQP', 'CQPI'] as const).map((kind) => ({
    value: kind,
    label: KIND_LABELS[kind],
    count: countOf(facets?.kind ?? [], kind),
  }));
  const branchOptions: FacetOption[] = (
    branches.data?.items ??
    facets?.branch.map((b) => ({ id: b.value, name: b.label })) ??
    []
  ).map((b) => ({ value: b.id, label: b.name, count: countOf(facets?.branch ?? [], b.id) }));
  const levels = new Set<number>(facets?.level.map((l) => l.value) ?? []);
  if (filters.level !== undefined) levels.add(filters.level);
  const levelOptions: FacetOption[] = [...levels]
    .sort((a, b) => a - b)
    .map((level) => ({
      value: String(level),
      label: levelLabel(level),
      count: countOf(facets?.level ?? [], level),
    }));
  const recognitions: FacetOption[] = RECOGNITION_ORDER.map((status) => ({
    value: status,
    label: RECOGNITION_LABELS[status],
    count: countOf(facets?.recognition ?? [], status),
  }));

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
