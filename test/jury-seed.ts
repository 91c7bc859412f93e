import { type Kysely, sql } from 'kysely';
import type { JuryOutcome } from '../src/contracts/juries.js';
import { DEFAULT_JURY_RULES, type JuryRules } from '../src/modules/candidates/domain/jury-rules.js';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import type { Database } from '../src/platform/db/schema.js';
import type { Factories } from './factories.js';
import type { TestApp } from './support.js';

/**
 * Sealed jury sessions written straight in SQL, for the close's tests and bench: 1,000
 * candidacies driven to `ready_for_jury` through the services (enrolment, positioning,
 * assessments, signed grids) and a session through its API (members, attendance, decisions,
 * minutes, signatures, seal) take minutes; what the close reads is only these rows. So the
 * candidates and candidacies are copies of one `template` candidacy enrolled through the service
 * (its certification, framework version and training organisation), set `ready_for_jury`, and the
 * session is inserted `sealed` with its rules, certification, attachments and one decision per
 * candidacy. The path through the API is test/juries.test.ts's and test/jury-minutes.test.ts's.
 */
export type SeededSession = { juryId: string; candidacyIds: string[]; candidateIds: string[] };

/** `count` new candidates, each with a candidacy `ready_for_jury` copied from `templateCandidacyId`. */
export async function seedReadyCandidacies(
  db: Kysely<Database>,
  templateCandidacyId: string,
  count: number,
): Promise<{ candidacyIds: string[]; candidateIds: string[] }> {
  const tag = Math.random().toString(36).slice(2, 10);
  const rows = await sql<{ candidacy_id: string; candidate_id: string }>`
    with t as (select * from candidacies where id = ${templateCandidacyId}),
    p as (
      insert into candidates (birth_name, first_names, sex, birth_year, birth_commune_insee, identity_key,
                              identity_warnings)
      select 'Seed ' || ${tag} || ' ' || g, '{Camille}', 'F', 1990, '69383', 'seed|' || ${tag} || '|' || g, '[]'
        from generate_series(1, ${count}::int) g
      returning id
    )
    insert into candidacies (candidate_id, certification_id, framework_version_id, framework_version_number,
                             whole_certification, bloc_codes, route, situation, eligibility,
                             training_organisation_id, employer_id, funders, enrolled_on, initiative, status)
    select p.id, t.certification_id, t.framework_version_id, t.framework_version_number, t.whole_certification,
           t.bloc_codes, t.route, t.situation, t.eligibility, t.training_organisation_id, t.employer_id, t.funders,
           t.enrolled_on, t.initiative, 'ready_for_jury'
      from p cross join t
    returning id as candidacy_id, candidate_id`.execute(db);
  return {
    candidacyIds: rows.rows.map((r) => r.candidacy_id),
    candidateIds: rows.rows.map((r) => r.candidate_id),
  };
}

/**
 * A `sealed` session of `branchId` on `date` for the candidacies given (all of one certification
 * or several), each with one decision: `outcomeOf(i)` (default `full`) over the blocs BC01, BC02
 * (partial: BC01 validated, BC02 not). `postedBy`: an account id (the president's or staff's).
 */
export async function seedSealedSession(
  db: Kysely<Database>,
  opts: {
    branchId: string;
    certificationIds: string[];
    candidacyIds: string[];
    postedBy: string;
    date?: string;
    rules?: Partial<JuryRules>;
    outcomeOf?: (i: number) => JuryOutcome;
    status?: 'planned' | 'deliberating' | 'minutes' | 'sealed';
  },
): Promise<string> {
  const rules = await db
    .insertInto('jury_rules')
    .values({
      branch_id: opts.branchId,
      // A new version per session: a unique effective date far in the past (the table is append-only).
      effective_from: `19${String(10 + Math.floor(Math.random() * 89)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`,
      content: JSON.stringify({ ...DEFAULT_JURY_RULES, ...opts.rules }),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  const rulesId =
    rules?.id ??
    (
      await db
        .selectFrom('jury_rules')
        .select('id')
        .where('branch_id', '=', opts.branchId)
        .executeTakeFirstOrThrow()
    ).id;
  const jury = await db
    .insertInto('juries')
    .values({
      convening_branch_id: opts.branchId,
      rules_id: rulesId,
      date: opts.date ?? '2026-06-15',
      place: 'Salle du test',
      status: opts.status ?? 'sealed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('jury_certifications')
    .values(opts.certificationIds.map((certification_id) => ({ jury_id: jury.id, certification_id })))
    .execute();
  const outcomeOf = opts.outcomeOf ?? (() => 'full' as const);
  for (let i = 0; i < opts.candidacyIds.length; i += 1000) {
    const slice = opts.candidacyIds.slice(i, i + 1000);
    await db
      .insertInto('jury_candidacies')
      .values(slice.map((candidacy_id) => ({ jury_id: jury.id, candidacy_id })))
      .execute();
    await db
      .insertInto('jury_decisions')
      .values(
        slice.map((candidacy_id, j) => {
          const outcome = outcomeOf(i + j);
          const validated = (code: string) =>
            outcome === 'full' || (outcome === 'partial' && code === 'BC01');
          return {
            jury_id: jury.id,
            candidacy_id,
            blocs: JSON.stringify(
              ['BC01', 'BC02'].map((code) => ({ code, validated: validated(code), carried: false })),
            ),
            outcome,
            posted_by: opts.postedBy,
            posted_as: 'secretary' as const,
          };
        }),
      )
      .execute();
  }
  return jury.id;
}

/**
 * One new candidacy of `candidate` set ready for the jury, decided `outcome` in a sealed session
 * of `branchId` on `date`, closed by the system through the service: the award's id.
 */
export async function closedAward(
  t: Pick<TestApp, 'db' | 'services'>,
  f: Factories,
  opts: {
    certificationId: string;
    trainingOrganisationId: string;
    branchId: string;
    outcome: JuryOutcome;
    candidate: ReturnType<Factories['newCandidate']>;
    date: string;
  },
): Promise<string> {
  const { id } = await f.newCandidacy({
    certificationId: opts.certificationId,
    trainingOrganisationId: opts.trainingOrganisationId,
    candidate: opts.candidate,
  });
  await t.db.updateTable('candidacies').set({ status: 'ready_for_jury' }).where('id', '=', id).execute();
  const juryId = await seedSealedSession(t.db, {
    branchId: opts.branchId,
    certificationIds: [opts.certificationId],
    candidacyIds: [id],
    postedBy: (await f.newUser('branch_manager', { branchId: opts.branchId })).id,
    outcomeOf: () => opts.outcome,
    date: opts.date,
  });
  const { awards } = await t.services.awards.close(juryId, SYSTEM_ADMIN, 'test');
  return (awards[0] as { id: string }).id;
}
