import type { AwardKind, JuryOutcome } from '../../contracts/juries.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, type CandidacyFacts } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';

/** The jury's outcome for a candidacy, as its candidacy answer carries it (issue 13, point 7). */
export type CandidacyJuryOutcome = {
  juryId: string;
  date: string;
  outcome: JuryOutcome;
  blocs: { code: string; validated: boolean | null; carried: boolean }[];
  reasons: string | null;
  recommendations: string | null;
  award: { id: string; number: string; kind: AwardKind; revoked: boolean } | null;
};

/** Sessions whose minutes are signed and sealed: their outcome reaches the candidate. */
const SEALED = ['sealed', 'closed'] as const;

/**
 * The current decision (the one no correction replaces) of the last session that decided on the
 * candidacy, with the award it gave: to the candidacy's staff readers, training organisation and
 * the members of its sessions as soon as it is posted (policy `candidacy.readJuryOutcome`); to
 * its candidate only once the session's minutes are sealed (`candidacy.readSealedJuryOutcome`),
 * so that nothing reaches them before the jury has signed. Null otherwise, or when no session
 * has decided yet.
 */
export async function juryOutcomeOf(
  db: Db,
  candidacyId: string,
  actor: Actor | null,
  facts: CandidacyFacts,
): Promise<CandidacyJuryOutcome | null> {
  const posted = authorize(actor, 'readJuryOutcome', 'candidacy', facts);
  if (!posted && !authorize(actor, 'readSealedJuryOutcome', 'candidacy', facts)) return null;
  const decision = await db
    .selectFrom('jury_decisions as d')
    .innerJoin('juries as j', 'j.id', 'd.jury_id')
    .select(['d.id', 'd.jury_id', 'd.outcome', 'd.blocs', 'd.reasons', 'd.recommendations', 'j.date'])
    .where('d.candidacy_id', '=', candidacyId)
    .where('j.status', '!=', 'cancelled')
    .$if(!posted, (q) => q.where('j.status', 'in', [...SEALED]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('jury_decisions as r').select('r.id').whereRef('r.replaces_id', '=', 'd.id'))),
    )
    .orderBy('j.date', 'desc')
    .orderBy('j.created_at', 'desc')
    .orderBy('d.posted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!decision) return null;
  // The award of this decision, else the newest of the session (revoked by a later correction).
  const award = await db
    .selectFrom('awards')
    .select(['id', 'number', 'kind', 'revoked_at', 'decision_id'])
    .where('candidacy_id', '=', candidacyId)
    .where('jury_id', '=', decision.jury_id)
    .orderBy('created_at', 'desc')
    .orderBy('sequence', 'desc')
    .execute();
  const chosen = award.find((a) => a.decision_id === decision.id) ?? award[0];
  return {
    juryId: decision.jury_id,
    date: String(decision.date).slice(0, 10),
    outcome: decision.outcome,
    blocs: (decision.blocs as { code: string; validated: boolean | null; carried: boolean }[]).map((b) => ({
      code: b.code,
      validated: b.validated,
      carried: b.carried,
    })),
    reasons: decision.reasons,
    recommendations: decision.recommendations,
    award: chosen
      ? { id: chosen.id, number: chosen.number, kind: chosen.kind, revoked: chosen.revoked_at !== null }
      : null,
  };
}
