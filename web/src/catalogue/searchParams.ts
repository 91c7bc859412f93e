import { useSearchParams } from 'react-router';
import type { CertificationKind, RecognitionStatus } from '../api/catalogue';

/** What the catalogue search shows, kept in the address so that it can be shared and bookmarked. */
export type CatalogueFilters = {
  q: string;
  kind?: CertificationKind;
  branch?: string;
  level?: number;
  recognition?: RecognitionStatus;
  page: number;
};

export type FilterPatch = Partial<Omit<CatalogueFilters, 'page'>>;

const KINDS = new Set(['CQP', 'CQPI']);
const STATUSES = new Set(['none', 'branch_only', 'rncp', 'rs']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters in an address; values the API would refuse are ignored. */
export function readFilters(params: URLSearchParams): CatalogueFilters {
  const kind = params.get('type') ?? '';
  const branch = params.get('branche') ?? '';
  const level = Number(params.get('niveau'));
  const recognition = params.get('reconnaissance') ?? '';
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    kind: KINDS.has(kind) ? (kind as CertificationKind) : undefined,
    branch: UUID.test(branch) ? branch : undefined,
    level: Number.isInteger(level) && level >= 3 && level <= 8 ? level : undefined,
    recognition: STATUSES.has(recognition) ? (recognition as RecognitionStatus) : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function entries(f: CatalogueFilters): [string, string][] {
  const out: [string, string][] = [];
  if (f.q.trim()) out.push(['q', f.q.trim()]);
  if (f.kind) out.push(['type', f.kind]);
  if (f.branch) out.push(['branche', f.branch]);
  if (f.level !== undefined) out.push(['niveau', String(f.level)]);
  if (f.recognition) out.push(['reconnaissance', f.recognition]);
  if (f.page > 1) out.push(['page', String(f.page)]);
  return out;
}

/** The API query string for these filters. */
export function searchQuery(f: CatalogueFilters, pageSize: number): string {
  const params = new URLSearchParams({ page: String(f.page), pageSize: String(pageSize) });
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.kind) params.set('kind', f.kind);
  if (f.branch) params.set('branch', f.branch);
  if (f.level !== undefined) params.set('level', String(f.level));
  if (f.recognition) params.set('recognition', f.recognition);
  return params.toString();
}

export function hasFilters(f: CatalogueFilters): boolean {
  return Boolean(f.q.trim()) || activeFilters(f) > 0;
}

/** How many of the filter column's filters (type, branch, level, recognition) are set. */
export function activeFilters(f: CatalogueFilters): number {
  return [f.kind, f.branch, f.level, f.recognition].filter((value) => value !== undefined).length;
}

/** The filters of the address, a way to change them (back to page 1) and to change page. */
export function useCatalogueFilters() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const update = (patch: FilterPatch) => setParams(entries({ ...filters, ...patch, page: 1 }));
  const setPage = (page: number) => setParams(entries({ ...filters, page }));
  const clear = () => setParams([]);
  return { filters, update, setPage, clear };
}
