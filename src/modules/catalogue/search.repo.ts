import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type SearchFilters = {
  q?: string | undefined;
  kind?: 'CQP' | 'CQPI' | undefined;
  branchId?: string | undefined;
  level?: number | undefined;
  recognition?: 'none' | 'branch_only' | 'rncp' | 'rs' | undefined;
  rome?: string | undefined;
  /** Recognition is read on this date (today by default). */
  date: string;
};

/**
 * Public catalogue search: French full text (stemmed, accents ignored) or, for typos, trigram
 * similarity on code and title; filters; facet counts over the matching set.
 */
export async function searchCertifications(
  db: Kysely<Database>,
  f: SearchFilters,
  page: number,
  pageSize: number,
) {
  const q = f.q?.trim() ? f.q.trim() : undefined;
  const base = db
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
          eb.or([
            sql<SqlBool>`c.search_document @@ websearch_to_tsquery('french', unaccent(${q}))`,
            sql<SqlBool>`word_similarity(lower(unaccent(${q})), c.search_title) >= 0.45`,
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
    });

  const score = q
    ? sql<number>`ts_rank_cd(c.search_document, websearch_to_tsquery('french', unaccent(${q}))) * 4
        + word_similarity(lower(unaccent(${q})), c.search_title)`
    : sql<number>`0`;

  const items = await base
    .select([
      'c.id',
      'c.code',
      'c.title',
      'c.kind',
      sql<string>`coalesce(rp.status, 'none')`.as('status'),
      'rp.level',
      'rp.number',
      score.as('score'),
    ])
    .orderBy('score', 'desc')
    .orderBy('c.title')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();

  const [total, kinds, levels, recognitions, branches] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(['c.kind as value', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('c.kind')
      .execute(),
    base
      .select(['rp.level as value', (eb) => eb.fn.countAll<number>().as('n')])
      .where('rp.level', 'is not', null)
      .groupBy('rp.level')
      .execute(),
    base
      .select([
        sql<string>`coalesce(rp.status, 'none')`.as('value'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(sql`coalesce(rp.status, 'none')`)
      .execute(),
    base
      .innerJoin('certification_branches as cb', 'cb.certification_id', 'c.id')
      .innerJoin('branches as b', 'b.id', 'cb.branch_id')
      .select(['b.id as value', 'b.name as label', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['b.id', 'b.name'])
      .orderBy('b.name')
      .execute(),
  ]);

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

  return {
    items: items.map((i) => ({
      id: i.id,
      code: i.code,
      title: i.title,
      kind: i.kind,
      branches: branchRows
        .filter((b) => b.certification_id === i.id)
        .map((b) => ({ id: b.id, name: b.name })),
      recognition: {
        status: i.status as SearchFilters['recognition'] & string,
        ...(i.level !== null ? { level: i.level } : {}),
        ...(i.number ? { number: i.number } : {}),
      },
    })),
    total: Number(total.n),
    facets: {
      kind: kinds.map((k) => ({ value: k.value, count: Number(k.n) })),
      level: levels
        .map((l) => ({ value: Number(l.value), count: Number(l.n) }))
        .sort((a, b) => a.value - b.value),
      recognition: recognitions.map((r) => ({ value: r.value, count: Number(r.n) })),
      branch: branches.map((b) => ({ value: b.value, label: b.label, count: Number(b.n) })),
    },
  };
}
