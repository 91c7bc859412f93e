import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { RecognitionStatus } from '../../contracts/catalogue.js';
import type { Database } from '../../platform/db/schema.js';
import { normaliseQuery } from '../../platform/db/search-text.js';

export type SearchFilters = {
  q?: string | undefined;
  kind?: 'CQP' | 'CQPI' | undefined;
  branchId?: string | undefined;
  level?: number | undefined;
  recognition?: RecognitionStatus | undefined;
  rome?: string | undefined;
  /** Recognition is read on this date (today by default). */
  date: string;
  /** Lifecycle statuses wanted (the public catalogue: active and retired). */
  statuses: readonly ('draft' | 'active' | 'retired')[];
  /** Drafts are kept only when owned by one of these branches (`'*'`: any). */
  draftBranchIds: '*' | readonly string[];
};

/**
 * Public catalogue search: French full text (stemmed, accents ignored) or, when that finds
 * nothing (typos), trigram word similarity on code and title (`<%`, served by the trigram
 * index); filters on today's recognition through the derived periods; facet counts over the
 * matching set in one pass.
 */
export async function searchCertifications(
  db: Kysely<Database>,
  f: SearchFilters,
  page: number,
  pageSize: number,
) {
  const q = f.q?.trim() ? normaliseQuery(f.q) : undefined;
  // Full text first (GIN index); only when it finds nothing, trigram similarity for typos.
  const first = await runSearch(db, f, q, 'fulltext', page, pageSize);
  if (!q || first.total > 0) return first;
  return runSearch(db, f, q, 'similar', page, pageSize);
}

async function runSearch(
  db: Kysely<Database>,
  f: SearchFilters,
  q: string | undefined,
  mode: 'fulltext' | 'similar',
  page: number,
  pageSize: number,
) {
  const tsquery = q ? sql`websearch_to_tsquery('french', ${q})` : undefined;
  const matching = db
    .selectFrom('certifications as c')
    .leftJoin('recognition_periods as rp', (join) =>
      join
        .onRef('rp.certification_id', '=', 'c.id')
        .on('rp.valid_from', '<=', f.date)
        .on((eb) => eb.or([eb('rp.valid_to', 'is', null), eb('rp.valid_to', '>=', f.date)])),
    )
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      if (q) {
        conditions.push(
          mode === 'fulltext'
            ? sql<SqlBool>`c.search_document @@ ${tsquery}`
            : sql<SqlBool>`${q} <% c.search_title`,
        );
      }
      conditions.push(eb('c.status', 'in', f.statuses.length > 0 ? [...f.statuses] : ['active']));
      if (f.statuses.includes('draft') && f.draftBranchIds !== '*') {
        const scope = [...f.draftBranchIds];
        conditions.push(
          eb.or([
            eb('c.status', '<>', 'draft'),
            ...(scope.length === 0
              ? []
              : [
                  eb.exists(
                    eb
                      .selectFrom('certification_branches as cb')
                      .select('cb.branch_id')
                      .whereRef('cb.certification_id', '=', 'c.id')
                      .where('cb.branch_id', 'in', scope),
                  ),
                ]),
          ]),
        );
      }
      if (f.kind) conditions.push(eb('c.kind', '=', f.kind));
      if (f.branchId) {
        conditions.push(
          eb.exists(
            eb
              .selectFrom('certification_branches as cb')
              .select('cb.branch_id')
              .whereRef('cb.certification_id', '=', 'c.id')
              .where('cb.branch_id', '=', f.branchId),
          ),
        );
      }
      if (f.level !== undefined) conditions.push(eb('rp.level', '=', f.level));
      if (f.recognition) conditions.push(sql<SqlBool>`coalesce(rp.status, 'none') = ${f.recognition}`);
      if (f.rome) conditions.push(sql<SqlBool>`${f.rome} = any(c.rome_codes)`);
      return eb.and(conditions);
    })
    .select([
      'c.id',
      'c.code',
      'c.title',
      'c.kind',
      'c.status as lifecycle',
      sql<RecognitionStatus>`coalesce(rp.status, 'none')`.as('status'),
      'rp.level',
      'rp.number',
      (!q
        ? sql<number>`0`
        : mode === 'fulltext'
          ? sql<number>`ts_rank_cd(c.search_document, ${tsquery}) * 4 + word_similarity(${q}, c.search_title)`
          : sql<number>`word_similarity(${q}, c.search_title)`
      ).as('score'),
    ]);

  const items = await db
    .with('m', () => matching)
    .selectFrom('m')
    .selectAll()
    .orderBy('score', 'desc')
    .orderBy('title')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();

  // Every facet and the total in one pass over the matching set.
  const facetRows = await db
    .with('m', () => matching)
    .selectFrom('m')
    .leftJoin('certification_branches as cb', 'cb.certification_id', 'm.id')
    .leftJoin('branches as b', 'b.id', 'cb.branch_id')
    .select([
      sql<string | null>`m.kind`.as('kind'),
      sql<number | null>`m.level`.as('level'),
      sql<string | null>`m.status`.as('status'),
      sql<string | null>`b.id`.as('branch_id'),
      sql<string | null>`max(b.name)`.as('branch_name'),
      sql<number>`count(distinct m.id)`.as('n'),
      sql<number>`grouping(m.kind, m.level, m.status, b.id)`.as('g'),
    ])
    .groupBy(sql`grouping sets ((m.kind), (m.level), (m.status), (b.id), ())`)
    .execute();

  const branchRows =
    items.length === 0
      ? []
      : await db
          .selectFrom('certification_branches as cb')
          .innerJoin('branches as b', 'b.id', 'cb.branch_id')
          .select(['cb.certification_id', 'b.id', 'b.name'])
          .where(
            'cb.certification_id',
            'in',
            items.map((i) => i.id),
          )
          .orderBy('b.name')
          .execute();

  // grouping() bits, most significant first: kind, level, status, branch (1 = not grouped by it).
  const only = (bit: number) => facetRows.filter((r) => Number(r.g) === (15 & ~bit));
  const count = (r: { n: number }) => Number(r.n);
  return {
    items: items.map((i) => ({
      id: i.id,
      code: i.code,
      title: i.title,
      kind: i.kind,
      status: i.lifecycle,
      branches: branchRows
        .filter((b) => b.certification_id === i.id)
        .map((b) => ({ id: b.id, name: b.name })),
      recognition: {
        status: i.status,
        ...(i.level !== null ? { level: i.level } : {}),
        ...(i.number ? { number: i.number } : {}),
      },
    })),
    total: count(facetRows.find((r) => Number(r.g) === 15) ?? { n: 0 }),
    facets: {
      kind: only(8).map((r) => ({ value: r.kind as string, count: count(r) })),
      level: only(4)
        .filter((r) => r.level !== null)
        .map((r) => ({ value: Number(r.level), count: count(r) }))
        .sort((a, b) => a.value - b.value),
      recognition: only(2).map((r) => ({ value: r.status as string, count: count(r) })),
      branch: only(1)
        .filter((r) => r.branch_id !== null)
        .map((r) => ({ value: r.branch_id as string, label: r.branch_name as string, count: count(r) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    },
  };
}
