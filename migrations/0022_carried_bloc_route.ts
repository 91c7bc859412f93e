import { type Kysely, sql } from 'kysely';

/**
 * The route by which a bloc of an earlier partial award was carried into a candidacy of another
 * certification (issue 13, point 5; src/modules/candidates/award-carry.ts): `carried_through`,
 * null when the bloc was recorded by hand or carried within the same certification, else
 * `{ kind: 'declared_equivalence', certificationId, blocCodes }` (an equivalence declared by a
 * branch, `bloc_equivalences`) or `{ kind: 'registry_correspondence', certificationId,
 * blocCodes, correspondence }` (a CORRESPONDANCES entry of the registry's fiches). The award stays
 * named by `reference` (its number), which its revocation takes back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table carried_blocs
      add column carried_through jsonb
        check (carried_through is null or (source = 'earlier_partial_award'
          and carried_through->>'kind' in ('declared_equivalence', 'registry_correspondence')))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
