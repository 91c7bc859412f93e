import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { type CarryEdge, type LinkedFiche, registryCarryEdges } from './domain/carrying.js';

type Trx = Transaction<Database> | Kysely<Database>;

/** States that end a candidacy (carrying goes only into candidacies still in progress). */
export const ENDED = ['withdrawn', 'transferred', 'awarded', 'partially_awarded', 'refused'] as const;

/** The registry's correspondences on the fiches linked to certifications (registry module), read before a transaction. */
export type LinkedCorrespondences = () => Promise<readonly LinkedFiche[]>;

/** The carrying edges of the registry's correspondences (domain/carrying.ts), read before the transaction. */
export async function registryEdges(source: LinkedCorrespondences): Promise<CarryEdge[]> {
  return registryCarryEdges(await source());
}

/** How a bloc came from another certification's award (`carried_blocs.carried_through`, migration 0022). */
export type CarriedThrough =
  | { kind: 'declared_equivalence'; certificationId: string; blocCodes: string[] }
  | {
      kind: 'registry_correspondence';
      certificationId: string;
      blocCodes: string[];
      correspondence: CarryEdge['correspondence'];
    };

/**
 * Carries the blocs of partial awards, not revoked and still valid on `on`, into the candidate's
 * candidacies in progress that target them: for the same certification; through the equivalences
 * branches declared (`bloc_equivalences`); and through the registry's CORRESPONDANCES (`edges`,
 * domain/carrying.ts: every bloc of one side held in one award carries the other side's blocs,
 * valid until the earliest of theirs). Source `earlier_partial_award`, reference the award's
 * number (its revocation takes them back), and the route from another certification in
 * `carried_through`; a bloc already carried stays as it is. Either the awards just created
 * (`awardIds`) into any of their candidate's candidacies, or every award of their candidates into
 * new candidacies (`candidacyIds`, at enrolment, single or bulk). Answers how many blocs were
 * carried.
 */
export async function carryPartialAwards(
  trx: Trx,
  target: { awardIds: readonly string[] } | { candidacyIds: readonly string[] },
  actorUserId: string | null,
  /** The date blocs must still be valid on; new candidacies: each one's enrolment date. */
  on: string | null,
  /** The registry's carrying edges (registryEdges), read before the transaction. */
  edges: readonly CarryEdge[],
): Promise<number> {
  const byAward = 'awardIds' in target;
  if ((byAward ? target.awardIds : target.candidacyIds).length === 0) return 0;
  const awardsInScope = byAward
    ? sql`a.id = any(${sql.val(target.awardIds)}::uuid[])`
    : sql`a.candidate_id in (select candidate_id from candidacies where id = any(${sql.val(target.candidacyIds)}::uuid[]))`;
  const result = await sql<{ n: number }>`
    with edges as (
      select * from jsonb_to_recordset(${JSON.stringify(edges)}::jsonb) as e(
        "fromCertificationId" uuid, "fromFiche" text, "fromBlocs" text[],
        "toCertificationId" uuid, "toBlocs" text[], correspondence jsonb)
    ),
    held as (
      select a.id, a.number, a.candidate_id, a.candidacy_id, a.certification_id, a.awarded_on, a.blocs
        from awards a
       where a.kind = 'partial' and a.revoked_at is null and ${awardsInScope}
    ),
    targets as (
      select h.*, h.certification_id as cert, b.code as bloc,
             b."validUntil" as valid_until, null::jsonb as through, 0 as rank
        from held h cross join lateral jsonb_to_recordset(h.blocs) as b(code text, "validUntil" date)
      union all
      select h.*, e.to_certification_id, e.to_bloc_code, b."validUntil",
             jsonb_build_object('kind', 'declared_equivalence', 'certificationId', h.certification_id,
                                'blocCodes', jsonb_build_array(b.code)), 1
        from held h cross join lateral jsonb_to_recordset(h.blocs) as b(code text, "validUntil" date)
        join bloc_equivalences e on e.from_certification_id = h.certification_id and e.from_bloc_code = b.code
      union all
      select h.*, r."toCertificationId", t.code, v.valid_until,
             jsonb_build_object('kind', 'registry_correspondence', 'certificationId', h.certification_id,
                                'blocCodes', v.codes, 'correspondence', r.correspondence), 2
        from held h
        join edges r on r."fromCertificationId" = h.certification_id
        cross join lateral (
          select count(distinct f.code) as n, min(b."validUntil") as valid_until,
                 jsonb_agg(distinct b.code) as codes
            from jsonb_to_recordset(h.blocs) as b(code text, "validUntil" date)
            join unnest(r."fromBlocs") as f(code) on f.code = b.code or f.code = r."fromFiche" || b.code
        ) v
        cross join lateral unnest(r."toBlocs") as t(code)
       where v.n = cardinality(r."fromBlocs")
    ),
    carried as (
      insert into carried_blocs (candidacy_id, bloc_code, source, reference, recorded_by, carried_through)
      select distinct on (c.id, t.bloc) c.id, t.bloc, 'earlier_partial_award', t.number, ${actorUserId}::uuid, t.through
        from targets t
        join candidacies c on c.candidate_id = t.candidate_id and c.certification_id = t.cert
          and c.id <> t.candidacy_id and t.bloc = any(c.bloc_codes)
          and c.status not in (${sql.join(ENDED.map((s) => sql.lit(s)))})
       where (t.valid_until is null or t.valid_until >= ${byAward ? sql`${on}::date` : sql`c.enrolled_on`})
         ${byAward ? sql`` : sql`and c.id = any(${sql.val(target.candidacyIds)}::uuid[])`}
       order by c.id, t.bloc, t.awarded_on desc, t.rank
      on conflict (candidacy_id, bloc_code) do nothing
      returning 1
    )
    select count(*)::int as n from carried`.execute(trx);
  return result.rows[0]?.n ?? 0;
}
