import { type Kysely, sql } from 'kysely';

/**
 * The certification lifecycle (src/modules/catalogue/domain/lifecycle.ts): `draft` (seen by its
 * branches' staff only) → `active` (public) → `retired` (public, no new candidacy).
 *
 * New certifications start as drafts. Existing ones were public: they become `active`, so that
 * no fiche, link or search result known today disappears on upgrade — even those without a
 * published framework (a certification registered at the RNCP whose framework was never entered
 * in Qualif is still a legal certification). Only those that could not have been activated on
 * either ground — no published framework version AND never transmitted to France compétences
 * (no legal existence at any date) — become drafts: they were public only because there was no
 * draft state, and their branch activates them once they are ready.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table certifications add column status text not null default 'draft'
    check (status in ('draft', 'active', 'retired'))`.execute(db);
  await sql`update certifications c set status = 'active'
    where exists (select 1 from framework_versions v where v.certification_id = c.id and v.status = 'published')
       or exists (select 1 from recognition_events e where e.certification_id = c.id and e.type = 'transmitted')`.execute(
    db,
  );
  await sql`create index certifications_status on certifications (status)`.execute(db);
  // Public searches stop serving answers cached before the change.
  await sql`update catalogue_generation set value = value + 1 where id = 1`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
