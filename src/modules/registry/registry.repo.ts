import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { normaliseQuery } from '../../platform/db/search-text.js';
import { ficheHash, type Registry, type RegistryFiche } from './domain/fiche.js';

type Q = Kysely<Database>;

/** The start of a registration: its effect date, else (registrations on request) its decision. */
export function ficheStart(fiche: RegistryFiche): string | undefined {
  return fiche.effectDate ?? fiche.decisionDate;
}

/** Weight B of the full-text document: who certifies, the jobs and domains it leads to. */
function secondaryText(f: RegistryFiche): string {
  return [
    ...f.certifiers.map((c) => c.name),
    ...f.rome.map((r) => `${r.code} ${r.label}`),
    ...f.nsf.map((r) => r.label),
    ...f.formacode.map((r) => r.label),
    ...f.blocs.map((b) => b.label),
  ].join(' ');
}

/**
 * Writes one batch of parsed fiches to the staging area of a run, in one statement (one
 * JSON parameter, whatever the batch size). A numero already staged by this run (the export
 * listing a fiche twice) is skipped and counted as rejected. Returns how many were staged.
 */
export async function stageFiches(db: Q, runId: string, fiches: readonly RegistryFiche[]): Promise<number> {
  if (fiches.length === 0) return 0;
  const rows = fiches.map((f) => ({
    numero: f.numero,
    registry: f.registry,
    title: f.title,
    abbreviation: f.abbreviation?.label ?? null,
    state: f.state ?? null,
    active: f.active,
    registration_type: f.registrationType ?? null,
    decision_date: f.decisionDate ?? null,
    start_date: ficheStart(f) ?? null,
    end_date: f.endDate ?? null,
    level: f.level ?? null,
    hash: ficheHash(f),
    fiche: f,
    secondary: secondaryText(f),
  }));
  const result = await sql<{ numero: string }>`
    insert into registry_staging (run_id, numero, registry, title, abbreviation, state, active,
      registration_type, decision_date, start_date, end_date, level, hash, fiche, search_document, search_title)
    select ${runId}::uuid, x.numero, x.registry, x.title, x.abbreviation, x.state, x.active,
      x.registration_type, x.decision_date, x.start_date, x.end_date, x.level, x.hash, x.fiche,
      setweight(to_tsvector('french', unaccent(x.numero || ' ' || x.title || ' ' || coalesce(x.abbreviation, ''))), 'A') ||
        setweight(to_tsvector('french', unaccent(x.secondary)), 'B'),
      lower(unaccent(x.numero || ' ' || x.title))
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(numero text, registry text, title text,
      abbreviation text, state text, active boolean, registration_type text, decision_date date,
      start_date date, end_date date, level int, hash text, fiche jsonb, secondary text)
    on conflict (run_id, numero) do nothing
    returning numero`.execute(db);
  return result.rows.length;
}

export type SwapCounts = { new: number; changed: number; unchanged: number; removed: number };

/**
 * Moves a run's staged fiches into the live table; call inside the run's final transaction.
 * New and changed fiches (different hash, or back after being absent) are written; unchanged
 * ones are left as they are. Live fiches of the registries the file covers that the file no
 * longer lists are kept, marked `present = false` (links and alerts still point at them).
 */
export async function swapStaged(
  trx: Q,
  runId: string,
  registries: readonly Registry[],
): Promise<SwapCounts> {
  const counts = await sql<{ new: number; changed: number; unchanged: number }>`
    select
      count(*) filter (where f.numero is null)::int as new,
      count(*) filter (where f.numero is not null and (f.hash <> s.hash or not f.present))::int as changed,
      count(*) filter (where f.numero is not null and f.hash = s.hash and f.present)::int as unchanged
    from registry_staging s left join registry_fiches f on f.numero = s.numero
    where s.run_id = ${runId}`.execute(trx);
  await sql`
    insert into registry_fiches (numero, registry, title, abbreviation, state, active, registration_type,
      decision_date, start_date, end_date, level, hash, fiche, present, search_document, search_title,
      created_run_id, changed_run_id, removed_run_id)
    select numero, registry, title, abbreviation, state, active, registration_type,
      decision_date, start_date, end_date, level, hash, fiche, true, search_document, search_title,
      run_id, run_id, null
    from registry_staging where run_id = ${runId}
    on conflict (numero) do update set
      registry = excluded.registry, title = excluded.title, abbreviation = excluded.abbreviation,
      state = excluded.state, active = excluded.active, registration_type = excluded.registration_type,
      decision_date = excluded.decision_date, start_date = excluded.start_date,
      end_date = excluded.end_date, level = excluded.level, hash = excluded.hash,
      fiche = excluded.fiche, present = true, search_document = excluded.search_document,
      search_title = excluded.search_title, changed_run_id = excluded.changed_run_id,
      removed_run_id = null, updated_at = now()
    where registry_fiches.hash <> excluded.hash or not registry_fiches.present`.execute(trx);
  const removed = await sql<{ numero: string }>`
    update registry_fiches f set present = false, removed_run_id = ${runId}, updated_at = now()
    where f.present and f.registry in (${sql.join(registries)})
      and not exists (select 1 from registry_staging s where s.run_id = ${runId} and s.numero = f.numero)
    returning f.numero`.execute(trx);
  await trx.deleteFrom('registry_staging').where('run_id', '=', runId).execute();
  const c = counts.rows[0] ?? { new: 0, changed: 0, unchanged: 0 };
  return { new: c.new, changed: c.changed, unchanged: c.unchanged, removed: removed.rows.length };
}

export async function findFiche(db: Q, numero: string) {
  return db.selectFrom('registry_fiches').selectAll().where('numero', '=', numero).executeTakeFirst();
}

export async function findFiches(db: Q, numeros: readonly string[]) {
  if (numeros.length === 0) return [];
  return db.selectFrom('registry_fiches').selectAll().where('numero', 'in', numeros).execute();
}

export type FicheSearch = {
  q?: string | undefined;
  registry?: Registry | undefined;
  active?: boolean | undefined;
};

/** French full text (accents ignored, stemmed) on numero, title, certifiers, jobs; trigram for typos. */
export async function searchFiches(db: Q, f: FicheSearch, page: number, pageSize: number) {
  const q = f.q?.trim() ? normaliseQuery(f.q) : undefined;
  const numero = f.q?.trim().toUpperCase();
  const run = async (mode: 'fulltext' | 'similar') => {
    const tsquery = q ? sql`websearch_to_tsquery('french', ${q})` : undefined;
    let query = db.selectFrom('registry_fiches as f').where('f.present', '=', true);
    if (q) {
      query = query.where(
        mode === 'fulltext'
          ? sql<boolean>`(f.search_document @@ ${tsquery} or f.numero = ${numero})`
          : sql<boolean>`${q} <% f.search_title`,
      );
    }
    if (f.registry) query = query.where('f.registry', '=', f.registry);
    if (f.active !== undefined) query = query.where('f.active', '=', f.active);
    const rank = !q
      ? undefined
      : mode === 'fulltext'
        ? sql`(f.numero = ${numero})::int * 10 + ts_rank_cd(f.search_document, ${tsquery})`
        : sql`word_similarity(${q}, f.search_title)`;
    let ordered = query.select([
      'f.numero',
      'f.registry',
      'f.title',
      'f.abbreviation',
      'f.state',
      'f.active',
      'f.level',
      'f.start_date',
      'f.end_date',
    ]);
    // Without words, the list is simply in number order.
    if (rank) ordered = ordered.orderBy(rank, 'desc');
    const [items, total] = await Promise.all([
      ordered
        .orderBy('f.numero')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  };
  const first = await run('fulltext');
  if (!q || first.total > 0) return first;
  return run('similar');
}
