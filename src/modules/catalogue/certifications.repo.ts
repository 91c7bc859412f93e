import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { RecognitionEvent, RecognitionPeriod } from './domain/recognition.js';

type Q = Kysely<Database>;

export async function findCertification(db: Q, id: string) {
  const cert = await db.selectFrom('certifications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!cert) return undefined;
  const branches = await db
    .selectFrom('certification_branches as cb')
    .innerJoin('branches as b', 'b.id', 'cb.branch_id')
    .select(['b.id', 'b.name'])
    .where('cb.certification_id', '=', id)
    .orderBy('b.name')
    .execute();
  const invitedBranches = await db
    .selectFrom('co_ownership_invitations as i')
    .innerJoin('branches as b', 'b.id', 'i.branch_id')
    .select(['i.id as invitationId', 'b.id', 'b.name'])
    .where('i.certification_id', '=', id)
    .where('i.status', '=', 'pending')
    .orderBy('b.name')
    .execute();
  return { ...cert, branches, invitedBranches };
}

/**
 * The facts the policy layer needs about a certification: the branches that co-own it, those
 * invited to, and its lifecycle status (a draft is read by its branches' staff only).
 */
export function ownershipOf(cert: {
  branches: readonly { id: string }[];
  invitedBranches?: readonly { id: string }[];
  status: 'draft' | 'active' | 'retired';
}) {
  return {
    branchIds: cert.branches.map((b) => b.id),
    invitedBranchIds: (cert.invitedBranches ?? []).map((b) => b.id),
    status: cert.status,
  };
}

/** Whether a framework version of the certification is published (activation needs one). */
export async function hasPublishedFramework(db: Q, certificationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('framework_versions')
    .select('id')
    .where('certification_id', '=', certificationId)
    .where('status', '=', 'published')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function eventsOf(db: Q, certificationId: string) {
  return db
    .selectFrom('recognition_events')
    .selectAll()
    .where('certification_id', '=', certificationId)
    .orderBy('date')
    .orderBy('created_at')
    .execute();
}

export function toDomainEvent(row: {
  type: RecognitionEvent['type'];
  date: string;
  number: string | null;
  level: number | null;
  valid_from: string | null;
  valid_to: string | null;
}): RecognitionEvent {
  return {
    type: row.type,
    date: row.date,
    ...(row.number ? { number: row.number } : {}),
    ...(row.level !== null ? { level: row.level } : {}),
    ...(row.valid_from ? { from: row.valid_from } : {}),
    ...(row.valid_to ? { to: row.valid_to } : {}),
  };
}

/** Replaces the derived periods of one certification. */
export async function writePeriods(db: Q, certificationId: string, periods: RecognitionPeriod[]) {
  await touchCatalogue(db);
  await db.deleteFrom('recognition_periods').where('certification_id', '=', certificationId).execute();
  if (periods.length === 0) return;
  await db
    .insertInto('recognition_periods')
    .values(
      periods.map((p) => ({
        certification_id: certificationId,
        valid_from: p.from,
        valid_to: p.to,
        status: p.recognition.status,
        number: 'number' in p.recognition ? p.recognition.number : null,
        level: p.recognition.status === 'rncp' ? p.recognition.level : null,
      })),
    )
    .execute();
}

/** Marks the catalogue as changed: search caches of every replica stop serving older results. */
export async function touchCatalogue(db: Q) {
  await sql`update catalogue_generation set value = value + 1 where id = 1`.execute(db);
}

export async function catalogueGeneration(db: Q): Promise<number> {
  const row = await db
    .selectFrom('catalogue_generation')
    .select('value')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Rebuilds the search columns from the certification's own text (one, or every one). */
export async function refreshSearch(db: Q, certificationId: string | 'all') {
  await sql`update certifications set
      search_document =
        setweight(to_tsvector('french', unaccent(coalesce(code, '') || ' ' || title)), 'A') ||
        setweight(to_tsvector('french', unaccent(jobs_targeted)), 'B') ||
        setweight(to_tsvector('french', unaccent(description)), 'C'),
      search_title = lower(unaccent(code || ' ' || title))
    where ${certificationId === 'all' ? sql`true` : sql`id = ${certificationId}`}`.execute(db);
  await touchCatalogue(db);
}
