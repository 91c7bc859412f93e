import { randomBytes } from 'node:crypto';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { CandidacyStatus } from '../../contracts/candidacies.js';
import { today } from '../../contracts/dates.js';
import type { AwardKind, JuryOutcome } from '../../contracts/juries.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { authorize, candidacyReadScope, capabilities, enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import { carryPartialAwards, ENDED, type LinkedCorrespondences, registryEdges } from './award-carry.js';
import {
  awardForCredential,
  awardIdByCode,
  changeSuspension,
  lastStatusListIndex,
  recordStatusEvent,
  statusListEntries,
  suspensionReason,
} from './award-status.js';
import type { AwardListQuery, RevokeBody, SuspendBody } from './awards.schemas.js';
import {
  type AwardedBloc,
  type AwardPlan,
  awardNumber,
  awardOf,
  awardStatus,
  closingEvent,
  correctionEffect,
  type DecisionBloc,
  sequencesUpTo,
  VERIFICATION_CODE_BYTES,
  verificationCodeOf,
} from './domain/awards.js';
import type { CarryEdge } from './domain/carrying.js';
import { juryTransition } from './domain/jury-lifecycle.js';
import { blocValidUntil, type JuryRules } from './domain/jury-rules.js';
import { transition } from './domain/lifecycle.js';
import { recordJuryChange } from './juries.repo.js';
import { JURY_NOT_FOUND, loadJury } from './juries.service.js';

type Deps = {
  db: Db;
  certifications: Pick<CertificationsService, 'summaries' | 'branchIdsOf' | 'idsOfBranches'>;
  /** The registry's correspondences (registry module), read before a closing transaction. */
  linkedCorrespondences: LinkedCorrespondences;
  /** In the revoking transaction: the candidate's email (jury-notifications.ts). */
  onRevoked?: (trx: Transaction<Database>, awardId: string) => Promise<unknown>;
  /**
   * In the transaction creating awards (close, correction): what follows an award, e.g. the job
   * signing its credential (credentials module, handed in by the composition root).
   */
  onCreated?: (trx: Transaction<Database>, awardIds: readonly string[]) => Promise<unknown>;
};

const NOT_FOUND = 'Attestation introuvable.';
/** Rows per multi-row insert (PostgreSQL takes at most 65,535 parameters per statement). */
const CHUNK = 1000;

type Trx = Transaction<Database> | Kysely<Database>;

/** One award to create: what it awards, for which decision. */
export type NewAward = {
  plan: AwardPlan;
  candidacyId: string;
  candidateId: string;
  certificationId: string;
  juryId: string;
  decisionId: string;
  awardedOn: string;
};

/**
 * What a close or a correction needs read before its transaction (PGlite has one connection): the
 * session's certification codes (award numbers) and the registry's carrying edges.
 */
export type Prepared = { codes: ReadonlyMap<string, string>; edges: readonly CarryEdge[] };

/** An award created, as the close answers it. */
export type CreatedAward = { id: string; number: string; candidacyId: string; kind: AwardKind };

/**
 * Numbers and inserts awards: per certification and year, one statement moves its counter by the
 * number of awards (`insert … on conflict do update set last = last + n returning last`: the
 * row's lock serialises concurrent closes on every replica until commit, so the numbers are
 * unique and without gaps; a rolled-back transaction gives them back), then the awards in
 * multi-row inserts. Counters are taken in a fixed order (certification id, year) so that two
 * transactions never wait on each other's.
 */
export async function insertAwards(
  trx: Trx,
  awards: readonly NewAward[],
  codes: ReadonlyMap<string, string>,
): Promise<CreatedAward[]> {
  const groups = new Map<string, NewAward[]>();
  for (const a of awards) {
    const key = `${a.certificationId}|${a.awardedOn.slice(0, 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const rows: Insertable<Database['awards']>[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key) as NewAward[];
    const [certificationId, yearText] = key.split('|') as [string, string];
    const year = Number(yearText);
    const code = codes.get(certificationId);
    if (code === undefined) throw new Error(`no code for certification ${certificationId}`);
    const { last } = await trx
      .insertInto('award_counters')
      .values({ certification_id: certificationId, year, last: group.length })
      .onConflict((oc) =>
        oc
          .columns(['certification_id', 'year'])
          .doUpdateSet({ last: sql`award_counters.last + excluded.last` }),
      )
      .returning('last')
      .executeTakeFirstOrThrow();
    const sequences = sequencesUpTo(last, group.length);
    group.forEach((a, i) => {
      const sequence = sequences[i] as number;
      rows.push({
        number: awardNumber(code, year, sequence),
        certification_id: certificationId,
        year,
        sequence,
        candidacy_id: a.candidacyId,
        candidate_id: a.candidateId,
        jury_id: a.juryId,
        decision_id: a.decisionId,
        kind: a.plan.kind,
        awarded_on: a.awardedOn,
        blocs: JSON.stringify(a.plan.blocs),
        verification_code: verificationCodeOf(randomBytes(VERIFICATION_CODE_BYTES)),
      });
    });
  }
  const created: CreatedAward[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await trx
      .insertInto('awards')
      .values(rows.slice(i, i + CHUNK))
      .returning(['id', 'number', 'candidacy_id', 'kind'])
      .execute();
    created.push(
      ...inserted.map((r) => ({ id: r.id, number: r.number, candidacyId: r.candidacy_id, kind: r.kind })),
    );
  }
  return created;
}

type CurrentDecision = {
  id: string;
  candidacy_id: string;
  outcome: JuryOutcome;
  blocs: unknown;
  status: CandidacyStatus;
  held_from: CandidacyStatus | null;
  candidate_id: string;
  certification_id: string;
};

/**
 * Closing a jury session, and awards (issue 13, points 5–6): the close creates, in one
 * transaction, every award the session's current decisions give (numbered per certification and
 * year), moves the candidacies to their outcome (history rows), carries partial awards into the
 * candidate's candidacies in progress, and closes the session; awards are read in scope and
 * revoked by the certification's branch.
 */
export function awardsServiceFactory(deps: Deps) {
  const { db } = deps;

  /**
   * The close, inside the caller's transaction: the session row locked (`for update`: a second
   * close waits, then finds it closed → 409), only a `sealed` session (422 naming what is missing
   * otherwise), every current decision turned into its award and candidacy event.
   */
  async function closeIn(
    trx: Transaction<Database>,
    juryId: string,
    actor: Actor,
    prepared: Prepared,
    requestId?: string,
  ): Promise<CreatedAward[]> {
    const jury = await trx
      .selectFrom('juries')
      .select(['id', 'status', 'date', 'rules_id'])
      .where('id', '=', juryId)
      .forUpdate()
      .executeTakeFirst();
    if (!jury) throw problems.notFound(JURY_NOT_FOUND);
    if (jury.status === 'closed') throw problems.conflict('La session est déjà close.');
    if (jury.status === 'cancelled') throw problems.conflict('La session a été annulée.');
    if (jury.status === 'planned' || jury.status === 'deliberating')
      throw problems.unprocessable(
        [fieldError(['minutes'], 'Le procès-verbal n’a pas encore été généré.')],
        'La session ne peut être close qu’une fois son procès-verbal signé et scellé.',
      );
    if (jury.status === 'minutes')
      throw problems.unprocessable(
        [fieldError(['signatures'], 'Le procès-verbal n’a pas encore toutes les signatures requises.')],
        'La session ne peut être close qu’une fois son procès-verbal signé et scellé.',
      );
    // The session's transition table decides (sealed → closed); the checks above say why not.
    const moved = juryTransition(jury.status, 'close');
    if (!moved.ok) throw problems.conflict(moved.detail);
    const rules = await trx
      .selectFrom('jury_rules')
      .select('content')
      .where('id', '=', jury.rules_id)
      .executeTakeFirstOrThrow();
    const awardedOn = String(jury.date).slice(0, 10);
    const validUntil = blocValidUntil(rules.content as JuryRules, awardedOn);

    // The current decision of each candidacy (no other replaces it); the candidacies locked.
    const decisions: CurrentDecision[] = await trx
      .selectFrom('jury_decisions as d')
      .innerJoin('candidacies as c', 'c.id', 'd.candidacy_id')
      .select([
        'd.id',
        'd.candidacy_id',
        'd.outcome',
        'd.blocs',
        'c.status',
        'c.held_from',
        'c.candidate_id',
        'c.certification_id',
      ])
      .where('d.jury_id', '=', juryId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('jury_decisions as r').select('r.id').whereRef('r.replaces_id', '=', 'd.id'))),
      )
      .orderBy('d.posted_at')
      .orderBy('d.id')
      .forUpdate(['c'])
      .execute();

    const toAward: NewAward[] = [];
    const moves: {
      candidacyId: string;
      decisionId: string;
      from: CandidacyStatus;
      to: CandidacyStatus;
      event: string;
    }[] = [];
    const conflicts: string[] = [];
    for (const d of decisions) {
      const event = closingEvent(d.outcome);
      if (event) {
        const moved = transition({ status: d.status, heldFrom: d.held_from }, event);
        if (!moved.ok) {
          conflicts.push(d.candidacy_id);
          continue;
        }
        moves.push({
          candidacyId: d.candidacy_id,
          decisionId: d.id,
          from: d.status,
          to: moved.state.status,
          event,
        });
      }
      const plan = awardOf({ outcome: d.outcome, blocs: d.blocs as DecisionBloc[] }, validUntil);
      if (plan)
        toAward.push({
          plan,
          candidacyId: d.candidacy_id,
          candidateId: d.candidate_id,
          certificationId: d.certification_id,
          juryId,
          decisionId: d.id,
          awardedOn,
        });
    }
    if (conflicts.length > 0)
      throw problems.conflict(
        `${conflicts.length} parcours ne sont plus « Prêt·e pour le jury » : la session ne peut être close.`,
        conflicts.map((id) => fieldError(['candidacies', id], 'Ce parcours n’est plus prêt pour le jury.')),
      );

    const created = await insertAwards(trx, toAward, prepared.codes);
    if (created.length > 0)
      await deps.onCreated?.(
        trx,
        created.map((a) => a.id),
      );
    const awardOfCandidacy = new Map(created.map((a) => [a.candidacyId, a]));

    // Candidacies moved in ONE statement: its trigger updates the groups' counts (candidacy_counts)
    // in key order, so two closes never lock them in opposite orders (one statement per state
    // did, and deadlocked). Their history in multi-row inserts.
    if (moves.length > 0)
      await sql`
        update candidacies c set status = m.status, held_from = null, updated_at = now()
          from unnest(${sql.val(moves.map((m) => m.candidacyId))}::uuid[],
                      ${sql.val(moves.map((m) => m.to))}::text[]) as m(id, status)
         where c.id = m.id`.execute(trx);
    const history = moves.map((m) => ({
      candidacy_id: m.candidacyId,
      event: m.event,
      from_status: m.from,
      to_status: m.to,
      actor_user_id: actor.userId,
      details: JSON.stringify({
        juryId,
        decisionId: m.decisionId,
        awardId: awardOfCandidacy.get(m.candidacyId)?.id ?? null,
      }),
    }));
    for (let i = 0; i < history.length; i += CHUNK)
      await trx
        .insertInto('candidacy_status_history')
        .values(history.slice(i, i + CHUNK))
        .execute();

    const carried = await carryPartialAwards(
      trx,
      { awardIds: created.filter((a) => a.kind === 'partial').map((a) => a.id) },
      actor.userId,
      awardedOn,
      prepared.edges,
    );
    await recordJuryChange(trx, {
      juryId,
      actor,
      action: 'jury.close',
      to: moved.status,
      set: { closed_at: new Date(), closed_by: actor.userId },
      before: { status: jury.status },
      after: {
        awardIds: created.map((a) => a.id),
        candidacies: Object.fromEntries(
          [...new Set(moves.map((m) => m.to))].map((to) => [
            to,
            moves.filter((m) => m.to === to).map((m) => m.candidacyId),
          ]),
        ),
        unchanged: decisions.filter((d) => closingEvent(d.outcome) === null).map((d) => d.candidacy_id),
        carriedBlocs: carried,
      },
      requestId,
    });
    return created;
  }

  /** What a close or correction of the session reads before its transaction (Prepared). */
  async function prepare(juryId: string): Promise<Prepared> {
    const [codes, edges] = await Promise.all([codesOf(juryId), registryEdges(deps.linkedCorrespondences)]);
    return { codes, edges };
  }

  /** The certification codes of a session. */
  async function codesOf(juryId: string): Promise<Map<string, string>> {
    const certs = await db
      .selectFrom('jury_certifications')
      .select('certification_id')
      .where('jury_id', '=', juryId)
      .execute();
    const summaries = await deps.certifications.summaries(certs.map((c) => c.certification_id));
    return new Map([...summaries].map(([id, s]) => [id, s.code]));
  }

  /**
   * `POST /api/v1/juries/{id}/close`: the convening branch's managers (and admins) close a sealed
   * session. Answers the awards created.
   */
  async function close(juryId: string, actor: Actor, requestId: string) {
    // The session's policy facts from the loader every jury operation uses (juries.service.ts).
    const loaded = await loadJury(db, deps.certifications, juryId);
    if (!loaded) throw problems.notFound(JURY_NOT_FOUND);
    enforce(actor, 'manage', 'jury', loaded.facts, JURY_NOT_FOUND);
    const prepared = await prepare(juryId);
    const awards = await db.transaction().execute((trx) => closeIn(trx, juryId, actor, prepared, requestId));
    return { awards };
  }

  // ---- reading and revoking ------------------------------------------------------------------

  type AwardRow = Awaited<ReturnType<typeof loadRows>>[number];

  function loadRows(where: { ids: readonly string[] }) {
    return db
      .selectFrom('awards as a')
      .innerJoin('candidacies as c', 'c.id', 'a.candidacy_id')
      .innerJoin('candidates as p', 'p.id', 'a.candidate_id')
      .select([
        'a.id',
        'a.number',
        'a.certification_id',
        'a.year',
        'a.kind',
        'a.awarded_on',
        'a.blocs',
        'a.candidacy_id',
        'a.candidate_id',
        'a.jury_id',
        'a.decision_id',
        'a.revoked_at',
        'a.revoked_by',
        'a.revoke_reason',
        'a.successor_id',
        'a.created_at',
        'a.verification_code',
        'a.suspended_at',
        'a.suspended_by',
        'a.suspend_reason',
        'c.training_organisation_id',
        'c.employer_id',
        'p.user_id as candidate_user_id',
        'p.birth_name',
        'p.usage_name',
        'p.first_names',
        (eb) =>
          eb
            .selectFrom('awards as o')
            .select('o.id')
            .whereRef('o.successor_id', '=', 'a.id')
            .limit(1)
            .as('predecessor_id'),
      ])
      .where('a.id', 'in', where.ids.length > 0 ? where.ids : ['00000000-0000-0000-0000-000000000000'])
      .execute();
  }

  async function shape(rows: readonly AwardRow[], actor: Actor) {
    const certIds = [...new Set(rows.map((r) => r.certification_id))];
    const [summaries, owners] = await Promise.all([
      deps.certifications.summaries(certIds),
      deps.certifications.branchIdsOf(certIds),
    ]);
    return rows.map((r) => {
      const cert = summaries.get(r.certification_id);
      const holder = mayReadHolder(actor, r, owners)
        ? { candidate: { birthName: r.birth_name, usageName: r.usage_name, firstNames: r.first_names } }
        : {};
      return {
        id: r.id,
        number: r.number,
        certification: { id: r.certification_id, code: cert?.code ?? '', title: cert?.title ?? '' },
        year: r.year,
        kind: r.kind,
        awardedOn: String(r.awarded_on).slice(0, 10),
        blocs: r.blocs as AwardedBloc[],
        candidacyId: r.candidacy_id,
        candidateId: r.candidate_id,
        ...holder,
        juryId: r.jury_id,
        decisionId: r.decision_id,
        revocation: r.revoked_at
          ? { at: new Date(r.revoked_at).toISOString(), byId: r.revoked_by, reason: r.revoke_reason ?? '' }
          : null,
        successorId: r.successor_id,
        verificationCode: r.verification_code,
        status: awardStatus({ revokedAt: r.revoked_at, suspendedAt: r.suspended_at }),
        suspension: r.suspended_at
          ? {
              at: new Date(r.suspended_at).toISOString(),
              byId: r.suspended_by,
              reason: r.suspend_reason ?? '',
            }
          : null,
        predecessorId: r.predecessor_id,
        createdAt: new Date(r.created_at).toISOString(),
        can: capabilities(actor, 'award', factsOf(r, owners)),
      };
    });
  }

  function factsOf(r: AwardRow, owners: ReadonlyMap<string, string[]>) {
    return {
      certificationBranchIds: owners.get(r.certification_id) ?? [],
      trainingOrganisationId: r.training_organisation_id,
      candidateUserId: r.candidate_user_id,
    };
  }

  /**
   * The holder's name goes with the award to those who may read its candidacy — the rule by which
   * the candidacy list shows names (`candidacy.read`, on the candidacy's facts). Evaluators and
   * jury members, who read some candidacies, do not read awards: none are named here.
   */
  function mayReadHolder(actor: Actor, r: AwardRow, owners: ReadonlyMap<string, string[]>) {
    return authorize(actor, 'read', 'candidacy', {
      certificationBranchIds: owners.get(r.certification_id) ?? [],
      trainingOrganisationId: r.training_organisation_id,
      employerId: r.employer_id,
      candidateUserId: r.candidate_user_id,
      evaluatorIds: [],
    });
  }

  /** One award and its policy facts; 404 when unknown or out of the actor's reading scope. */
  async function loadFor(id: string, actor: Actor, action: 'read' | 'revoke' | 'suspend') {
    const [row] = await loadRows({ ids: [id] });
    if (!row) throw problems.notFound(NOT_FOUND);
    const owners = await deps.certifications.branchIdsOf([row.certification_id]);
    enforce(actor, action, 'award', factsOf(row, owners), NOT_FOUND);
    return row;
  }

  async function get(id: string, actor: Actor) {
    const row = await loadFor(id, actor, 'read');
    return (await shape([row], actor))[0] as Awaited<ReturnType<typeof shape>>[number];
  }

  /**
   * The awards the actor may read (the same rules as `award.read`), newest first, filtered by
   * certification, year and status.
   */
  async function list(query: AwardListQuery, actor: Actor) {
    const scope = candidacyReadScope(actor);
    const certIds =
      !scope.all && scope.branchIds.length > 0
        ? await deps.certifications.idsOfBranches(scope.branchIds)
        : [];
    const base = db
      .selectFrom('awards as a')
      .innerJoin('candidacies as c', 'c.id', 'a.candidacy_id')
      .where((eb) => {
        if (scope.all) return eb.lit(true);
        const within = [
          ...(certIds.length > 0 ? [eb('a.certification_id', 'in', certIds)] : []),
          ...(scope.trainingOrganisationIds.length > 0
            ? [eb('c.training_organisation_id', 'in', scope.trainingOrganisationIds)]
            : []),
          ...(scope.candidateUserId
            ? [
                eb(
                  'a.candidate_id',
                  'in',
                  eb.selectFrom('candidates').select('id').where('user_id', '=', scope.candidateUserId),
                ),
              ]
            : []),
        ];
        return within.length > 0 ? eb.or(within) : eb.lit(false);
      })
      .$if(query.certificationId !== undefined, (q) =>
        q.where('a.certification_id', '=', query.certificationId as string),
      )
      .$if(query.year !== undefined, (q) => q.where('a.year', '=', query.year as number))
      // The derived status (domain/awards.ts awardStatus): revoked wins over suspended.
      .$if(query.status === 'revoked', (q) => q.where('a.revoked_at', 'is not', null))
      .$if(query.status === 'suspended', (q) =>
        q.where('a.revoked_at', 'is', null).where('a.suspended_at', 'is not', null),
      )
      .$if(query.status === 'valid', (q) =>
        q.where('a.revoked_at', 'is', null).where('a.suspended_at', 'is', null),
      );
    const [{ total }, ids] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      base
        .select('a.id')
        .orderBy('a.created_at', 'desc')
        .orderBy('a.number', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
    ]);
    const rows = await loadRows({ ids: ids.map((r) => r.id) });
    const order = new Map(ids.map((r, i) => [r.id, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return {
      items: await shape(rows, actor),
      total: Number(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Revokes an award (fraud, error) with its reason, once (409 after); it stays, revoked, in the
   * history. Its blocs carried into candidacies still in progress are taken back (they rested on
   * it). Audited without the reason's text (it may name the person).
   */
  async function revoke(id: string, body: RevokeBody, actor: Actor, requestId: string) {
    await loadFor(id, actor, 'revoke');
    await db.transaction().execute(async (trx) => {
      await revokeIn(trx, id, body.reason, actor, requestId);
    });
    return get(id, actor);
  }

  /**
   * Revokes inside the caller's transaction (revocation, or a correction after the close), and
   * enqueues the candidate's `award.revoked` email there (once per award: its idempotency key).
   */
  async function revokeIn(
    trx: Transaction<Database>,
    id: string,
    reason: string,
    actor: Actor,
    requestId?: string,
    successor?: { correctionDecisionId: string },
  ) {
    const revoked = await trx
      .updateTable('awards')
      .set({ revoked_at: new Date(), revoked_by: actor.userId, revoke_reason: reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning(['number'])
      .executeTakeFirst();
    if (!revoked) throw problems.conflict('Cette attestation a déjà été retirée.');
    await recordStatusEvent(trx, id, 'revoke', reason, actor);
    const uncarried = await trx
      .deleteFrom('carried_blocs')
      .where('source', '=', 'earlier_partial_award')
      .where('reference', '=', revoked.number)
      .where('candidacy_id', 'in', (eb) =>
        eb
          .selectFrom('candidacies')
          .select('id')
          .where('status', 'not in', [...ENDED]),
      )
      .returning('candidacy_id')
      .execute();
    await recordAudit(trx, {
      actor: auditActorOf(actor),
      action: 'award.revoke',
      entityType: 'award',
      entityId: id,
      before: { revoked: false },
      after: {
        revoked: true,
        number: revoked.number,
        uncarriedFrom: [...new Set(uncarried.map((u) => u.candidacy_id))],
        ...(successor ? { correctionDecisionId: successor.correctionDecisionId } : {}),
      },
      requestId,
    });
    await deps.onRevoked?.(trx, id);
  }

  /**
   * A decision corrected after its session's close (`jury_decisions` row already inserted in
   * `trx`, naming the one it replaces): the award it changes is revoked, naming its successor
   * when the new outcome awards (a new number); the candidacy moves between outcomes, or back
   * before a jury (`reopen_for_jury`, with the correction's reason); partial blocs carried.
   * `prepared`: the session's certification codes and the registry's edges, read before the transaction (prepare).
   */
  async function correctIn(
    trx: Transaction<Database>,
    input: {
      juryId: string;
      decisionId: string;
      candidacyId: string;
      outcome: JuryOutcome;
      blocs: readonly DecisionBloc[];
      reason: string;
    },
    actor: Actor,
    prepared: Prepared,
    requestId?: string,
  ) {
    const jury = await trx
      .selectFrom('juries')
      .select(['date', 'rules_id'])
      .where('id', '=', input.juryId)
      .executeTakeFirstOrThrow();
    const rules = await trx
      .selectFrom('jury_rules')
      .select('content')
      .where('id', '=', jury.rules_id)
      .executeTakeFirstOrThrow();
    const awardedOn = today();
    const validUntil = blocValidUntil(rules.content as JuryRules, awardedOn);
    const candidacy = await trx
      .selectFrom('candidacies')
      .select(['status', 'held_from', 'candidate_id', 'certification_id'])
      .where('id', '=', input.candidacyId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const inForce = await trx
      .selectFrom('awards')
      .select(['id', 'kind', 'blocs'])
      .where('jury_id', '=', input.juryId)
      .where('candidacy_id', '=', input.candidacyId)
      .where('revoked_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    const effect = correctionEffect(
      inForce ? { kind: inForce.kind, blocs: inForce.blocs as AwardedBloc[] } : null,
      candidacy.status,
      { outcome: input.outcome, blocs: input.blocs },
      validUntil,
    );
    let moved: CandidacyStatus | null = null;
    if (effect.event) {
      const next = transition({ status: candidacy.status, heldFrom: candidacy.held_from }, effect.event, {
        reason: input.reason,
      });
      if (!next.ok) throw problems.conflict(next.detail);
      moved = next.state.status;
    }
    const [created] = effect.award
      ? await insertAwards(
          trx,
          [
            {
              plan: effect.award,
              candidacyId: input.candidacyId,
              candidateId: candidacy.candidate_id,
              certificationId: candidacy.certification_id,
              juryId: input.juryId,
              decisionId: input.decisionId,
              awardedOn,
            },
          ],
          prepared.codes,
        )
      : [];
    if (created) await deps.onCreated?.(trx, [created.id]);
    if (effect.revoke && inForce) {
      await revokeIn(trx, inForce.id, input.reason, actor, requestId, {
        correctionDecisionId: input.decisionId,
      });
      if (created)
        await trx
          .updateTable('awards')
          .set({ successor_id: created.id })
          .where('id', '=', inForce.id)
          .execute();
    }
    if (moved && effect.event) {
      await trx
        .updateTable('candidacies')
        .set({ status: moved, held_from: null, updated_at: new Date() })
        .where('id', '=', input.candidacyId)
        .execute();
      await trx
        .insertInto('candidacy_status_history')
        .values({
          candidacy_id: input.candidacyId,
          event: effect.event,
          from_status: candidacy.status,
          to_status: moved,
          reason: effect.event === 'reopen_for_jury' ? input.reason : null,
          actor_user_id: actor.userId,
          details: JSON.stringify({
            juryId: input.juryId,
            decisionId: input.decisionId,
            awardId: created?.id ?? null,
            revokedAwardId: effect.revoke ? (inForce?.id ?? null) : null,
          }),
        })
        .execute();
    }
    if (created?.kind === 'partial')
      await carryPartialAwards(trx, { awardIds: [created.id] }, actor.userId, awardedOn, prepared.edges);
    return { award: created ?? null, revokedId: effect.revoke ? (inForce?.id ?? null) : null, status: moved };
  }

  // ---- suspension, and what the credentials module reads -------------------------------------

  /**
   * `POST /api/v1/awards/{id}/suspend` (`reason` required: 422) and `…/reinstate`: the
   * certification's branch managers and admins (404 / 403 as for revoking); 409 on a revoked
   * award, on suspending a suspended one, on reinstating one not suspended. The status lists
   * follow (they are built from the awards' statuses).
   */
  async function suspend(id: string, body: SuspendBody, actor: Actor, requestId: string) {
    await loadFor(id, actor, 'suspend');
    const reason = suspensionReason(body);
    await db.transaction().execute((trx) => changeSuspension(trx, id, 'suspend', reason, actor, requestId));
    return get(id, actor);
  }

  async function reinstate(id: string, actor: Actor, requestId: string) {
    await loadFor(id, actor, 'suspend');
    await db.transaction().execute((trx) => changeSuspension(trx, id, 'reinstate', null, actor, requestId));
    return get(id, actor);
  }

  /** 404 unless the actor may read the award (its holder, its branches' staff, its training organisation, admins). */
  async function assertReadable(id: string, actor: Actor): Promise<{ number: string }> {
    const row = await loadFor(id, actor, 'read');
    return { number: row.number };
  }

  return {
    suspend,
    reinstate,
    assertReadable,
    forCredential: (id: string) => awardForCredential(db, id),
    idByCode: (code: string) => awardIdByCode(db, code),
    statusListEntries: () => statusListEntries(db),
    lastStatusListIndex: () => lastStatusListIndex(db),
    close,
    closeIn,
    correctIn,
    prepare,
    list,
    get,
    revoke,
    revokeIn,
  };
}

export type AwardsService = ReturnType<typeof awardsServiceFactory>;
