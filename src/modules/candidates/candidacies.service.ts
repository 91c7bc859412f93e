import { randomUUID } from 'node:crypto';
import { type Expression, type ExpressionBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import { CANDIDACY_STATUSES, type CandidacyStatus } from '../../contracts/candidacies.js';
import { today } from '../../contracts/dates.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import {
  authorize,
  type CandidacyFacts,
  candidacyReadScope,
  capabilities,
  enforce,
} from '../../platform/auth/policy.js';
import type { Encryption } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import type { MailJobs } from '../../platform/mail-jobs.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import type { HabilitationsService } from '../catalogue/habilitations.service.js';
import type { OrganisationsService } from '../catalogue/organisations.service.js';
import type { FunderId } from '../eligibility/domain/model.js';
import type { EligibilityService } from '../eligibility/eligibility.service.js';
import type { UsersService } from '../identity/users.service.js';
import { carryPartialAwards, type LinkedCorrespondences, registryEdges } from './award-carry.js';
import {
  activeCandidacyOf,
  type CandidacyListRow,
  type CandidacyRow,
  type CandidateRow,
  candidacyListQuery,
  candidacyQuery,
  findCandidacy,
  findCandidate,
  historyOf,
} from './candidates.repo.js';
import { missingForJuryDetail } from './domain/grid.js';
import { type CommuneDirectory, maskNir } from './domain/identity.js';
import { eventsFrom, transition as lifecycleTransition } from './domain/lifecycle.js';
import { enrolmentCheckFactory, enrolmentProblem, nirContext, type Warning } from './enrolment-check.js';
import { blocsMissingForJuryOf } from './grid.repo.js';
import type { InvitationsService } from './invitations.service.js';
import { juryMembersByCandidacy } from './juries.repo.js';
import { juryOutcomeOf } from './jury-outcome.js';
import type {
  CandidacyListQuery,
  CandidacyRoute,
  EnrolmentBody,
  StoredEligibility,
  TransitionBody,
} from './schemas.js';

type Deps = {
  db: Db;
  encryption: Encryption;
  communes: () => CommuneDirectory;
  eligibility: Pick<EligibilityService, 'evaluate'>;
  certifications: Pick<
    CertificationsService,
    'get' | 'recognition' | 'idsOfBranches' | 'branchIdsOf' | 'summaries'
  >;
  frameworks: Pick<FrameworksService, 'latestPublished'>;
  habilitations: Pick<HabilitationsService, 'habilitatedOn'>;
  organisations: Pick<OrganisationsService, 'describe'>;
  users: Pick<UsersService, 'displayNames'>;
  /** The candidate's account and its invitation (invitations.service.ts). */
  invitations: Pick<InvitationsService, 'invite' | 'enqueueInvitations'>;
  /** Emails through the job runner, enqueued in the enrolment's transaction. */
  mail: Pick<MailJobs, 'enqueueMany'>;
  /** The registry's correspondences (registry module): earlier partial awards carried through them. */
  linkedCorrespondences: LinkedCorrespondences;
};

/** The columns a candidacy and its group's count (candidacy_counts) share, for the list's scope. */
type GroupColumns = {
  c: Pick<
    Database['candidacy_counts'],
    'certification_id' | 'training_organisation_id' | 'employer_id' | 'status'
  >;
};

/**
 * The list's pages within this many candidacies of the newest are read from the top without
 * waiting for the total (their index entries cost less than a round trip).
 */
const NEAR_THE_TOP = 200;

const NOT_FOUND = 'Parcours introuvable.';
const CANDIDATE_NOT_FOUND = 'Candidat·e introuvable.';

/**
 * Candidates and their candidacies: enrolment (identity checks, possible duplicates, the
 * eligibility service's answer on the route, the training organisation's habilitation, the
 * pinned framework version), reads scoped by the policy layer, and the lifecycle.
 */
export function candidaciesServiceFactory(deps: Deps) {
  const { db, encryption } = deps;
  /** The checks of one enrolment, shared with the bulk enrolment (candidacy-imports.ts). */
  const checks = enrolmentCheckFactory(deps);

  // ---- reading ------------------------------------------------------------------------------

  function factsOf(
    row: CandidacyRow,
    branchIds: readonly string[],
    evaluatorIds: readonly string[] = [],
    juryMemberIds: readonly string[] = [],
  ): CandidacyFacts {
    return {
      certificationBranchIds: branchIds,
      trainingOrganisationId: row.training_organisation_id,
      employerId: row.employer_id,
      candidateUserId: row.candidate_user_id,
      evaluatorIds,
      juryMemberIds,
    };
  }

  /** The evaluators assigned to an assessment session of each of these candidacies. */
  async function evaluatorsOf(candidacyIds: readonly string[]) {
    const out = new Map<string, string[]>();
    if (candidacyIds.length === 0) return out;
    const rows = await db
      .selectFrom('assessment_evaluators as ae')
      .innerJoin('assessments as a', 'a.id', 'ae.assessment_id')
      .select(['a.candidacy_id', 'ae.evaluator_user_id'])
      .where('a.candidacy_id', 'in', candidacyIds)
      .execute();
    for (const r of rows) out.set(r.candidacy_id, [...(out.get(r.candidacy_id) ?? []), r.evaluator_user_id]);
    return out;
  }

  /** Certification and organisation names for a set of rows (what summaryOf shows). */
  async function namesFor(
    rows: readonly Pick<CandidacyRow, 'certification_id' | 'training_organisation_id' | 'employer_id'>[],
  ) {
    const orgIds = [
      ...new Set(rows.flatMap((r) => [r.training_organisation_id, r.employer_id ?? []].flat())),
    ];
    const [certifications, organisations] = await Promise.all([
      deps.certifications.summaries([...new Set(rows.map((r) => r.certification_id))]),
      deps.organisations.describe(orgIds),
    ]);
    return { certifications, organisations };
  }

  /** Names (namesFor) and certification owners (the policy facts) for a set of rows. */
  async function labelsFor(rows: readonly CandidacyRow[]) {
    const [names, owners] = await Promise.all([
      namesFor(rows),
      deps.certifications.branchIdsOf([...new Set(rows.map((r) => r.certification_id))]),
    ]);
    return { ...names, owners };
  }

  /** A full row as a list row: the stored eligibility check's status only. */
  const listRowOf = (row: CandidacyRow): CandidacyListRow => ({
    ...row,
    eligibility_status: (row.eligibility as StoredEligibility).status,
  });

  function summaryOf(row: CandidacyListRow, labels: Awaited<ReturnType<typeof namesFor>>) {
    const org = (id: string) => ({ id, name: labels.organisations.get(id)?.name ?? '' });
    return {
      id: row.id,
      candidateId: row.candidate_id,
      candidate: { birthName: row.birth_name, usageName: row.usage_name, firstNames: row.first_names },
      certificationId: row.certification_id,
      certification: labels.certifications.get(row.certification_id) ?? { code: '', title: '' },
      frameworkVersion: row.framework_version_number,
      wholeCertification: row.whole_certification,
      blocCodes: row.bloc_codes,
      route: row.route as CandidacyRoute,
      status: row.status,
      heldFrom: row.held_from,
      eligibilityStatus: row.eligibility_status,
      trainingOrganisationId: row.training_organisation_id,
      trainingOrganisation: org(row.training_organisation_id),
      employerId: row.employer_id,
      employer: row.employer_id ? org(row.employer_id) : null,
      funders: row.funders as FunderId[],
      enrolledOn: row.enrolled_on,
      initiative: row.initiative,
      transferredFromId: row.transferred_from_id,
      transferredToId: row.transferred_to_id,
    };
  }

  /** The candidacy with its facts, after the policy check (404 unknown or unseen, 403 unchangeable). */
  async function loadFor(id: string, actor: Actor | null, action: 'read' | 'transition') {
    const row = await findCandidacy(db, id);
    if (!row) throw problems.notFound(NOT_FOUND);
    const [labels, evaluators, juryMembers] = await Promise.all([
      labelsFor([row]),
      evaluatorsOf([row.id]),
      juryMembersByCandidacy(db, [row.id]),
    ]);
    const facts = factsOf(
      row,
      labels.owners.get(row.certification_id) ?? [],
      evaluators.get(row.id),
      juryMembers.get(row.id),
    );
    enforce(actor, action, 'candidacy', facts, NOT_FOUND);
    return { row, labels, facts };
  }

  async function get(id: string, actor: Actor) {
    const { row, labels, facts } = await loadFor(id, actor, 'read');
    const history = await historyOf(db, id);
    const names = await deps.users.displayNames([
      ...new Set(history.flatMap((h) => (h.actor_user_id ? [h.actor_user_id] : []))),
    ]);
    const mayTransition = authorize(actor, 'transition', 'candidacy', facts);
    return {
      ...summaryOf(listRowOf(row), labels),
      situation: (row.situation ?? null) as never,
      eligibility: row.eligibility as StoredEligibility,
      history: history.map((h) => ({
        event: h.event as never,
        fromStatus: h.from_status,
        toStatus: h.to_status,
        reason: h.reason,
        at: new Date(h.at).toISOString(),
        actorId: h.actor_user_id,
        actorName: h.actor_user_id ? (names.get(h.actor_user_id) ?? null) : null,
        details: (h.details ?? null) as Record<string, unknown> | null,
      })),
      jury: await juryOutcomeOf(db, id, actor, facts),
      events: mayTransition ? eventsFrom({ status: row.status, heldFrom: row.held_from }) : [],
      can: { transition: mayTransition },
    };
  }

  /** The candidacies the actor may read (policy.candidacyReadScope), filtered, newest first. */
  async function list(query: CandidacyListQuery, actor: Actor) {
    const scope = candidacyReadScope(actor);
    const certificationIds =
      !scope.all && scope.branchIds.length > 0
        ? await deps.certifications.idsOfBranches(scope.branchIds)
        : [];
    // The scope and filters on the columns a candidacy and its group in candidacy_counts share;
    // `beyond`: the scope's conditions on candidacies one by one.
    const withinScope = (eb: ExpressionBuilder<GroupColumns, 'c'>, beyond: Expression<SqlBool>[] = []) => {
      const within = scope.all
        ? []
        : [
            ...(certificationIds.length > 0 ? [eb('c.certification_id', 'in', certificationIds)] : []),
            ...(scope.trainingOrganisationIds.length > 0
              ? [eb('c.training_organisation_id', 'in', scope.trainingOrganisationIds)]
              : []),
            ...(scope.employerIds.length > 0 ? [eb('c.employer_id', 'in', scope.employerIds)] : []),
            ...beyond,
          ];
      return eb.and([
        scope.all ? eb.lit(true) : within.length > 0 ? eb.or(within) : eb.lit(false),
        ...(query.certificationId ? [eb('c.certification_id', '=', query.certificationId)] : []),
        ...(query.trainingOrganisationId
          ? [eb('c.training_organisation_id', '=', query.trainingOrganisationId)]
          : []),
        ...(query.employerId ? [eb('c.employer_id', '=', query.employerId)] : []),
      ]);
    };
    // On candidacies alone (no join), so that paging reads its index only (migration 0015).
    const scoped = db.selectFrom('candidacies as c').where((eb) =>
      withinScope(eb, [
        ...(scope.all || !scope.candidateUserId
          ? []
          : [
              eb(
                'c.candidate_id',
                'in',
                eb.selectFrom('candidates').select('id').where('user_id', '=', scope.candidateUserId),
              ),
            ]),
        // Evaluators: the candidacies with a session assigned to them.
        ...(scope.all || !scope.evaluatorUserId
          ? []
          : [
              eb(
                'c.id',
                'in',
                eb
                  .selectFrom('assessment_evaluators as ae')
                  .innerJoin('assessments as a', 'a.id', 'ae.assessment_id')
                  .select('a.candidacy_id')
                  .where('ae.evaluator_user_id', '=', scope.evaluatorUserId),
              ),
            ]),
        // Jury members: the candidacies of the sessions they sit on (not cancelled), as candidacy.read.
        ...(scope.all || !scope.juryMemberUserId
          ? []
          : [
              eb(
                'c.id',
                'in',
                eb
                  .selectFrom('jury_candidacies as jc')
                  .innerJoin('juries as j', 'j.id', 'jc.jury_id')
                  .innerJoin('jury_members as m', 'm.jury_id', 'jc.jury_id')
                  .select('jc.candidacy_id')
                  .where('m.user_id', '=', scope.juryMemberUserId)
                  .where('j.status', '<>', 'cancelled'),
              ),
            ]),
      ]),
    );
    // The counts by step cover the same scope and filters but the status itself: read from the
    // groups' counts (a few rows, whatever the number of candidacies) unless the scope names
    // candidacies one by one (a candidate's own, an evaluator's or jury member's sessions: few, counted).
    const oneByOne =
      !scope.all && Boolean(scope.candidateUserId || scope.evaluatorUserId || scope.juryMemberUserId);
    const byGroups = !oneByOne;
    const countsQuery = byGroups
      ? db
          .selectFrom('candidacy_counts as c')
          .where((eb) => withinScope(eb))
          .select(['c.status', (eb) => eb.fn.sum<number>('c.n').as('n')])
          .groupBy('c.status')
      : scoped.select(['c.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.status');
    const countsOf = async () => {
      const counts = Object.fromEntries(CANDIDACY_STATUSES.map((s) => [s, 0])) as Record<
        CandidacyStatus,
        number
      >;
      for (const r of await countsQuery.execute()) counts[r.status] = Number(r.n);
      // The total is the counts' (no count of its own).
      const total = query.status ? counts[query.status] : Object.values(counts).reduce((a, b) => a + b, 0);
      return { counts, total };
    };
    const filtered = scoped.$if(query.status !== undefined, (q) =>
      q.where('c.status', '=', query.status as CandidacyStatus),
    );
    // A scope of several values of one column (a branch manager's certifications, the
    // organisations of a user working for several): one range per value in that column's index,
    // each already in the list's order, merged without a sort (Merge Append) — a single index
    // scan of them all would read every candidacy of the scope and sort it, even for page 1.
    // The values are disjoint, so no row comes twice; each range stays within `scoped`.
    const mergeable = (() => {
      if (scope.all || oneByOne) return null;
      const columns = [
        { column: 'c.certification_id', values: certificationIds, fixed: query.certificationId },
        {
          column: 'c.training_organisation_id',
          values: scope.trainingOrganisationIds,
          fixed: query.trainingOrganisationId,
        },
        { column: 'c.employer_id', values: scope.employerIds, fixed: query.employerId },
      ] as const;
      const used = columns.filter((c) => c.values.length > 0);
      const [only] = used;
      return used.length === 1 && only && only.values.length > 1 && !only.fixed ? only : null;
    })();
    /**
     * The ids of `limit` rows after `offset` in the list's order (newest first), or from its
     * other end (oldest first) — an index-only scan in order, walking offset + limit entries.
     */
    const idsOf = (direction: 'desc' | 'asc', offset: number, limit: number) => {
      const ordered = <Q extends typeof filtered>(q: Q) =>
        q.orderBy('c.created_at', direction).orderBy('c.id', direction);
      if (!mergeable) return ordered(filtered).select('c.id').limit(limit).offset(offset);
      const ranges = mergeable.values.map((value) =>
        ordered(filtered.where(mergeable.column, '=', value))
          .select(['c.id', 'c.created_at'])
          .limit(offset + limit),
      );
      return db
        .selectFrom(sql<{ id: string; created_at: Date }>`(${sql.join(ranges, sql` union all `)})`.as('u'))
        .select('u.id')
        .orderBy('u.created_at', direction)
        .orderBy('u.id', direction)
        .limit(limit)
        .offset(offset);
    };
    const rowsOf = (ids: ReturnType<typeof idsOf>) =>
      candidacyListQuery(db)
        .where('c.id', 'in', ids)
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .execute();
    // The first pages: their ids (from the newest) alongside the counts. A page further on: the
    // counts first, then its ids read from whichever end of the list is nearer (its total is
    // known), so that the last pages cost what the first ones do and the middle one is the
    // dearest — one round trip more, for reading at most half the list's index entries.
    const offset = (query.page - 1) * query.pageSize;
    let rows: CandidacyListRow[];
    let counted: Awaited<ReturnType<typeof countsOf>>;
    if (offset + query.pageSize <= NEAR_THE_TOP)
      [rows, counted] = await Promise.all([rowsOf(idsOf('desc', offset, query.pageSize)), countsOf()]);
    else {
      counted = await countsOf();
      const remaining = counted.total - offset;
      rows =
        remaining <= 0
          ? []
          : remaining < offset + query.pageSize
            ? await rowsOf(
                idsOf('asc', Math.max(0, remaining - query.pageSize), Math.min(query.pageSize, remaining)),
              )
            : await rowsOf(idsOf('desc', offset, query.pageSize));
    }
    const names = await namesFor(rows);
    return {
      items: rows.map((r) => summaryOf(r, names)),
      total: counted.total,
      page: query.page,
      pageSize: query.pageSize,
      counts: counted.counts,
    };
  }

  /**
   * A candidate, their candidacies and the policy facts, after the check of `action` on the
   * candidate (404 unknown or unseen, 403 read-only). A record merged into another answers
   * `mergedInto` (the record kept, followed to the end) instead, for the route to redirect to.
   */
  async function loadCandidateFor(
    id: string,
    actor: Actor,
    action: 'read' | 'invite' | 'merge' | 'updateIdentity' | 'export',
  ) {
    const person = await findCandidate(db, id);
    if (!person) throw problems.notFound(CANDIDATE_NOT_FOUND);
    const rows = await candidacyQuery(db)
      .where('c.candidate_id', '=', id)
      .orderBy('c.created_at', 'desc')
      .execute();
    const [labels, evaluators] = await Promise.all([labelsFor(rows), evaluatorsOf(rows.map((r) => r.id))]);
    const factsOfRow = (r: CandidacyRow) =>
      factsOf(r, labels.owners.get(r.certification_id) ?? [], evaluators.get(r.id));
    const facts = { userId: person.user_id, candidacies: rows.map(factsOfRow) };
    return {
      person,
      rows,
      labels,
      facts,
      factsOfRow,
      check: () => enforce(actor, action, 'candidate', facts, CANDIDATE_NOT_FOUND),
    };
  }

  /** A candidate's identity (NIR masked) and their candidacies the actor may read. */
  async function getCandidate(id: string, actor: Actor) {
    const { person, rows, labels, facts, factsOfRow, check } = await loadCandidateFor(id, actor, 'read');
    if (person.merged_into_id) return { mergedInto: await mergedTarget(person.merged_into_id, actor) };
    check();
    const readable = rows.filter((r) => authorize(actor, 'read', 'candidacy', factsOfRow(r)));
    return {
      ...identityOf(person),
      candidacies: readable.map((r) => summaryOf(listRowOf(r), labels)),
      can: capabilities(actor, 'candidate', facts),
    };
  }

  /**
   * The record a merged one now lives in (followed to the end): its id for a redirect, if the
   * actor reads it — else the merged record answers 404 like an unknown one.
   */
  async function mergedTarget(id: string, actor: Actor): Promise<string> {
    let target = await findCandidate(db, id);
    for (let hops = 0; target?.merged_into_id && hops < 10; hops++)
      target = await findCandidate(db, target.merged_into_id);
    if (!target || target.merged_into_id) throw problems.notFound(CANDIDATE_NOT_FOUND);
    (await loadCandidateFor(target.id, actor, 'read')).check();
    return target.id;
  }

  function identityOf(p: CandidateRow) {
    return {
      id: p.id,
      birthName: p.birth_name,
      usageName: p.usage_name,
      firstNames: p.first_names,
      sex: p.sex,
      birthDate: {
        year: p.birth_year,
        ...(p.birth_month !== null ? { month: p.birth_month } : {}),
        ...(p.birth_day !== null ? { day: p.birth_day } : {}),
      },
      birthPlace: p.birth_commune_insee
        ? { communeInsee: p.birth_commune_insee }
        : { countryInsee: p.birth_country_insee as string },
      email: p.email,
      phone: p.phone,
      address: (p.address ?? null) as never,
      nir: p.nir_encrypted ? maskNir(encryption.decryptText(p.nir_encrypted, nirContext(p.id))) : null,
      warnings: (p.identity_warnings ?? []) as Warning[],
      hasAccount: p.user_id !== null,
      anonymisedAt: p.anonymised_at ? new Date(p.anonymised_at).toISOString() : null,
    };
  }

  // ---- enrolment ----------------------------------------------------------------------------

  /**
   * Enrols a candidate — new (identity checked, possible duplicates refused unless confirmed) or
   * existing (`candidateId`) — for a certification, after checking the route with the
   * eligibility service on the enrolment date. Answers the candidacy's id and state, the
   * eligibility kept (with what is missing when incomplete), warnings, and the candidate's account.
   */
  async function enrol(input: EnrolmentBody, actor: Actor, requestId: string) {
    const check = await checks.checkEnrolment(input, actor, checks.lookupsFor(actor));
    if (!check.ok) throw enrolmentProblem(check);
    const { plan } = check;
    const { person, identity, existing, eligibility } = plan;
    const cert = { id: plan.certificationId };

    const candidacyId = randomUUID();
    const candidateId = existing?.id ?? randomUUID();
    // Read before the transaction (PGlite has one connection); an existing candidate's only.
    const edges = existing ? await registryEdges(deps.linkedCorrespondences) : [];
    await db.transaction().execute(async (trx) => {
      if (person) {
        await trx
          .insertInto('candidates')
          .values(checks.candidateValues(plan, candidateId, actor))
          .execute();
        await recordAudit(trx, {
          actor: auditActorOf(actor),
          action: 'candidate.create',
          entityType: 'candidate',
          entityId: candidateId,
          after: checks.candidateAudit(plan),
          requestId,
        });
      }
      if (await activeCandidacyOf(trx, candidateId, cert.id))
        throw problems.conflict('Ce candidat a déjà un parcours en cours pour cette certification.', [
          fieldError(['certificationId'], 'Un parcours en cours pour cette certification.'),
        ]);
      await trx
        .insertInto('candidacies')
        .values(checks.candidacyValues(plan, candidacyId, candidateId, actor))
        .execute();
      await trx
        .insertInto('candidacy_status_history')
        .values({
          candidacy_id: candidacyId,
          event: 'enrol',
          from_status: null,
          to_status: 'enrolled',
          actor_user_id: actor.userId,
        })
        .execute();
      // The candidate's earlier partial awards still valid carry their blocs in (award-carry.ts).
      const carriedBlocs = await carryPartialAwards(
        trx,
        { candidacyIds: [candidacyId] },
        actor.userId,
        null,
        edges,
      );
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'candidacy.create',
        entityType: 'candidacy',
        entityId: candidacyId,
        after: {
          candidateId,
          certificationId: cert.id,
          frameworkVersion: plan.version.number,
          blocCodes: plan.wholeCertification ? 'all' : plan.blocCodes,
          route: input.route,
          eligibility: eligibility.status,
          trainingOrganisationId: input.trainingOrganisationId,
          employerId: input.employerId,
          funders: input.funders,
          enrolledOn: input.enrolledOn,
          initiative: input.initiative,
          status: 'enrolled',
          ...(carriedBlocs > 0 ? { carriedBlocs } : {}),
        },
        requestId,
      });
      // The candidate is told once the enrolment commits (nothing if it rolls back).
      if (person?.email ?? existing?.email) await enqueueEnrolledMails(trx, [{ candidacyId, candidateId }]);
    });

    const account = person?.email ? await inviteCandidate(candidateId, actor, requestId) : 'none';
    return {
      id: candidacyId,
      status: 'enrolled' as const,
      candidateId,
      eligibility,
      warnings: identity?.warnings ?? [],
      account,
    };
  }

  /**
   * The `candidacy.enrolled` email of each candidacy, in the enrolment's transaction (sent once
   * it commits, never twice: keyed by the candidacy) — the single form's and a bulk enrolment's.
   */
  function enqueueEnrolledMails(trx: Db, enrolled: readonly { candidacyId: string; candidateId: string }[]) {
    return deps.mail.enqueueMany(
      trx,
      enrolled.map(({ candidacyId, candidateId }) => ({
        template: 'candidacy.enrolled' as const,
        to: { kind: 'candidate' as const, id: candidateId },
        refs: { candidacyId },
        idempotencyKey: `candidacy.enrolled:${candidacyId}`,
      })),
    );
  }

  /**
   * The candidate's account, linked to them, and its invitation email (invitations.service.ts).
   * Done after the enrolment's commit: a failure here leaves the enrolment as it is and says so.
   */
  async function inviteCandidate(candidateId: string, actor: Actor, requestId: string) {
    try {
      return await deps.invitations.invite(candidateId, auditActorOf(actor), requestId);
    } catch {
      return 'invitation_failed' as const;
    }
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /**
   * Moves the candidacy by one event of the transition table: 404 unseen, 403 read-only, 409
   * when the state does not allow it, 422 when the event lacks its reason or its target. A
   * transfer ends this candidacy and starts its continuation at the new training organisation
   * (habilitated today), in the same state; each keeps its history and names the other.
   */
  async function transition(id: string, body: TransitionBody, actor: Actor, requestId: string) {
    const { row } = await loadFor(id, actor, 'transition');
    const outcome = lifecycleTransition({ status: row.status, heldFrom: row.held_from }, body.event, {
      reason: body.reason,
      organisationId: body.trainingOrganisationId,
    });
    if (!outcome.ok) {
      if (outcome.problem === 'not_allowed') throw problems.conflict(outcome.detail);
      throw problems.unprocessable(
        [
          fieldError(
            [outcome.problem === 'reason_required' ? 'reason' : 'trainingOrganisationId'],
            outcome.detail,
          ),
        ],
        outcome.detail,
      );
    }
    if (body.event === 'mark_ready_for_jury') {
      // Every targeted bloc signed (current result) or carried in (domain/grid.ts).
      const missing = await blocsMissingForJuryOf(db, row);
      if (missing.length > 0)
        throw problems.unprocessable(
          [fieldError(['event'], missingForJuryDetail(missing))],
          missingForJuryDetail(missing),
        );
    }
    const on = today();
    if (body.event === 'transfer') await checkTransferTarget(row, body.trainingOrganisationId as string, on);
    const reason = body.reason?.trim() || null;
    const continuationId = body.event === 'transfer' ? randomUUID() : null;
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('candidacies')
        .set({
          status: outcome.state.status,
          held_from: outcome.state.heldFrom,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw problems.conflict('Le parcours vient de changer d’étape : rechargez-le.');
      await trx
        .insertInto('candidacy_status_history')
        .values({
          candidacy_id: id,
          event: body.event,
          from_status: row.status,
          to_status: outcome.state.status,
          reason,
          details: continuationId
            ? JSON.stringify({ continuationId, trainingOrganisationId: body.trainingOrganisationId })
            : null,
          actor_user_id: actor.userId,
        })
        .execute();
      if (continuationId) {
        // Once this one has ended (one candidacy in progress per certification), its continuation.
        await insertContinuation(
          trx,
          row,
          continuationId,
          body.trainingOrganisationId as string,
          actor,
          reason,
        );
        await trx
          .updateTable('candidacies')
          .set({ transferred_to_id: continuationId })
          .where('id', '=', id)
          .execute();
      }
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: continuationId ? 'candidacy.transfer' : 'candidacy.transition',
        entityType: 'candidacy',
        entityId: id,
        before: { status: row.status },
        after: {
          status: outcome.state.status,
          event: body.event,
          // The reason may be personal (health…): whether one was given, not what it says.
          reasonGiven: reason !== null,
          ...(continuationId ? { continuationId, trainingOrganisationId: body.trainingOrganisationId } : {}),
        },
        requestId,
      });
    });
    return get(id, actor);
  }

  async function checkTransferTarget(row: CandidacyRow, organisationId: string, on: string) {
    const at = ['trainingOrganisationId'];
    const org = (await deps.organisations.describe([organisationId])).get(organisationId);
    let detail: string | undefined;
    if (org?.kind !== 'training_org') detail = 'Organisme de formation inconnu.';
    else if (organisationId === row.training_organisation_id)
      detail = 'Le parcours est déjà dans cet organisme.';
    else if (
      !(await deps.habilitations.habilitatedOn(row.certification_id, on, 'train')).some(
        (h) => h.organisation_id === organisationId,
      )
    )
      detail = `Cet organisme n’est pas habilité à former à cette certification le ${on}.`;
    if (detail)
      throw problems.unprocessable(
        [fieldError(at, detail)],
        'Le transfert n’est pas possible vers cet organisme.',
      );
  }

  /** The transferred candidacy's continuation: same candidate, certification, version, blocs, route and state. */
  async function insertContinuation(
    trx: Transaction<Database>,
    row: CandidacyRow,
    id: string,
    organisationId: string,
    actor: Actor,
    reason: string | null,
  ) {
    const source = await trx
      .selectFrom('candidacies')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('candidacies')
      .values({
        id,
        candidate_id: source.candidate_id,
        certification_id: source.certification_id,
        framework_version_id: source.framework_version_id,
        framework_version_number: source.framework_version_number,
        whole_certification: source.whole_certification,
        bloc_codes: source.bloc_codes,
        route: source.route,
        situation: source.situation === null ? null : JSON.stringify(source.situation),
        eligibility: JSON.stringify(source.eligibility),
        training_organisation_id: organisationId,
        employer_id: source.employer_id,
        funders: source.funders,
        enrolled_on: source.enrolled_on,
        initiative: source.initiative,
        status: row.status,
        held_from: null,
        transferred_from_id: row.id,
        created_by: actor.userId,
      })
      .execute();
    await trx
      .insertInto('candidacy_status_history')
      .values({
        candidacy_id: id,
        event: 'transfer',
        from_status: null,
        to_status: row.status,
        reason,
        details: JSON.stringify({
          transferredFromId: row.id,
          trainingOrganisationId: row.training_organisation_id,
        }),
        actor_user_id: actor.userId,
      })
      .execute();
  }

  // ---- emails (address book and values, asked by the mail.send jobs at send time) ----------

  /** A candidate's email address, or undefined (none given, merged or erased since). */
  async function mailAddressOfCandidate(id: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('candidates')
      .select('email')
      .where('id', '=', id)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
    return row?.email ?? undefined;
  }

  /** What the enrolment email says: certification, date, training organisation (undefined: gone). */
  async function enrolledMailValues({ candidacyId }: { candidacyId: string }) {
    const row = await findCandidacy(db, candidacyId);
    if (!row) return undefined;
    const [certifications, organisations] = await Promise.all([
      deps.certifications.summaries([row.certification_id]),
      deps.organisations.describe([row.training_organisation_id]),
    ]);
    const certification = certifications.get(row.certification_id);
    const organisation = organisations.get(row.training_organisation_id);
    if (!certification || !organisation) return undefined;
    return {
      certificationTitle: certification.title,
      enrolledOn: row.enrolled_on,
      organisationName: organisation.name,
    };
  }

  return {
    enrol,
    get,
    list,
    getCandidate,
    loadCandidateFor,
    identityOf,
    /** One invitation job per new candidate of a bulk enrolment, in its transaction. */
    enqueueInvitations: deps.invitations.enqueueInvitations,
    /** The enrolment email of each candidacy of a bulk enrolment, in its transaction. */
    enqueueEnrolledMails,
    transition,
    mailAddressOfCandidate,
    enrolledMailValues,
    /** The candidacy and its policy facts after the check of `action` (404 unseen, 403 read-only). */
    loadFor,
    /** The checks of one enrolment, for the bulk enrolment. */
    checks,
  };
}

export type CandidaciesService = ReturnType<typeof candidaciesServiceFactory>;
