import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type IsoDate, today } from '../../contracts/dates.js';
import type { College, JuryMemberRole, JuryStatus, Presence } from '../../contracts/juries.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf, SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import { capabilities, enforce, type JuryFacts, managedBranches } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { MailJobs } from '../../platform/mail-jobs.js';
import { type FieldError, fieldError, problems } from '../../platform/problem.js';
import type { BranchesService } from '../catalogue/branches.service.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import type { UsersService } from '../identity/users.service.js';
import type { AwardsService } from './awards.service.js';
import { candidacyQuery } from './candidates.repo.js';
import {
  checkDecision,
  correctionProblem,
  decisionChains,
  deliberatingMembers,
  excludedMembers,
} from './domain/jury-decisions.js';
import { acceptsAttendance, acceptsDecisions, juryTransition } from './domain/jury-lifecycle.js';
import {
  compositionBreaches,
  type JuryRules,
  quorumOf,
  type RuleBreach,
  votesProblem,
} from './domain/jury-rules.js';
import {
  attachedElsewhere,
  carriedByCandidacy,
  type DecisionRow,
  decisionsOf,
  findJury,
  type JuryRow,
  linksByCandidacy,
  lockJury,
  proposalsOf,
  recordJuryChange,
  rulesContent,
} from './juries.repo.js';
import type { AttendanceBody, DecisionBody, JuryBody, JuryListQuery } from './juries.schemas.js';
import { minutesView } from './jury-minutes.repo.js';

/** Invalidates the session's current minutes in the caller's transaction (jury-minutes.service.ts). */
export type InvalidateMinutes = (trx: Db, juryId: string, reason: string) => Promise<void>;

type Deps = {
  db: Db;
  certifications: Pick<CertificationsService, 'get' | 'summaries' | 'branchIdsOf' | 'idsOfBranches'>;
  branches: Pick<BranchesService, 'namesOf'>;
  frameworks: Pick<FrameworksService, 'get'>;
  users: Pick<UsersService, 'displayNames'>;
  /** The rules in force for a session (jury-rules.service.ts), or the breach saying none apply. */
  rulesFor: (
    scope: { conveningBranchId: string; certificationIds: readonly string[] },
    on: IsoDate,
  ) => Promise<{ id: string; content: JuryRules; effectiveFrom: string } | RuleBreach>;
  /** People holding a jury-member habilitation valid on the date for every certification (catalogue). */
  juryMembersOn: (
    certificationIds: readonly string[],
    on: IsoDate,
  ) => Promise<{ userId: string; college: College; designatedBy: string | null }[]>;
  mail: Pick<MailJobs, 'enqueue'>;
  invalidateMinutes: InvalidateMinutes;
  /** A correction after the close: the awards it changes (awards.service.ts). */
  awards?: Pick<AwardsService, 'correctIn' | 'prepare'>;
};

export const JURY_NOT_FOUND = 'Session de jury introuvable.';

/** The policy facts of a session (policy `jury`), for every jury service. */
export async function loadJury(
  db: Db,
  certifications: Pick<CertificationsService, 'branchIdsOf'>,
  id: string,
): Promise<{ jury: JuryRow; facts: JuryFacts } | undefined> {
  const jury = await findJury(db, id);
  if (!jury) return undefined;
  const owners = await certifications.branchIdsOf(jury.certificationIds);
  return {
    jury,
    facts: {
      conveningBranchId: jury.convening_branch_id,
      certificationBranchIds: [...new Set([...owners.values()].flat())],
      memberIds: jury.members.map((m) => m.user_id),
      presidentId: jury.members.find((m) => m.role === 'president')?.user_id ?? null,
    },
  };
}

/**
 * The blocs' titles of each candidacy's pinned framework version, keyed
 * `certificationId:versionNumber` (for the session's page and its minutes).
 */
export async function blocTitlesOf(
  frameworks: Pick<FrameworksService, 'get'>,
  rows: readonly { certification_id: string; framework_version_number: number }[],
) {
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const key = `${r.certification_id}:${r.framework_version_number}`;
    if (out.has(key)) continue;
    const version = await frameworks.get(r.certification_id, r.framework_version_number, SYSTEM_ADMIN);
    const blocs = (version.content as { competencies: { blocs: { code: string; title: string }[] } })
      .competencies.blocs;
    out.set(key, new Map(blocs.map((b) => [b.code, b.title])));
  }
  return out;
}

/** A session's decisions as chains of corrections, by candidacy (domain/jury-decisions.ts). */
export function chainsOf(decisions: readonly DecisionRow[]) {
  return decisionChains(
    decisions.map((d) => ({ ...d, candidacyId: d.candidacy_id, replacesId: d.replaces_id })),
  );
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Jury sessions (issue 13, points 2–3): convening (certifications of the convening branch,
 * members habilitated on the date for each, composition checked against the branch's rules,
 * candidacies « prêt pour le jury » not in another open session), convocations by email with an
 * ICS, the attendance and its quorum (reaching it opens the deliberation), and the decisions per
 * candidacy and bloc — append-only, a correction naming the one it replaces.
 */
export function juriesServiceFactory(deps: Deps) {
  const { db } = deps;

  /** The session and its facts after the check of `action` (404 unseen, 403 read-only). */
  async function loadFor(
    id: string,
    actor: Actor,
    action: 'read' | 'manage' | 'attend' | 'decide' | 'correct',
  ) {
    const loaded = await loadJury(db, deps.certifications, id);
    if (!loaded) throw problems.notFound(JURY_NOT_FOUND);
    enforce(actor, action, 'jury', loaded.facts, JURY_NOT_FOUND);
    return loaded;
  }

  async function rulesOf(jury: JuryRow) {
    const row = await rulesContent(db, jury.rules_id);
    return { id: row.id, content: row.content as JuryRules, effectiveFrom: row.effective_from };
  }

  const quorumFor = (rules: JuryRules, members: readonly { college: College; presence: Presence | null }[]) =>
    quorumOf(
      rules,
      members.map((m) => ({ college: m.college, presence: m.presence })),
    );

  // ---- convening ----------------------------------------------------------------------------

  /** The branch convening: the caller's (admins: the first owner of the first certification). */
  async function conveningBranchOf(body: JuryBody, actor: Actor) {
    const owners = await deps.certifications.branchIdsOf(body.certificationIds);
    const managed = managedBranches(actor);
    const first = owners.get(body.certificationIds[0] as string) ?? [];
    const branchId = first.find((b) => managed === '*' || managed.includes(b));
    return { branchId, owners };
  }

  async function create(body: JuryBody, actor: Actor, requestId: string) {
    const errors: FieldError[] = [];
    const { branchId, owners } = await conveningBranchOf(body, actor);
    if (!branchId)
      throw problems.unprocessable(
        [
          fieldError(
            ['certificationIds', 0],
            'Cette certification n’est pas dans le périmètre de votre branche.',
          ),
        ],
        'La session ne peut pas être convoquée par votre branche.',
      );
    if (body.date < today()) errors.push(fieldError(['date'], 'La date de la session est passée.'));
    if (!body.place && !body.remote)
      errors.push(fieldError(['place'], 'Indiquez le lieu de la session, ou une session à distance.'));

    // Certifications: known, active, of the convening branch.
    const seenCertifications = new Set<string>();
    for (const [i, id] of body.certificationIds.entries()) {
      const at = ['certificationIds', i];
      if (seenCertifications.has(id))
        errors.push(fieldError(at, 'Cette certification est déjà dans la liste.'));
      seenCertifications.add(id);
      if (!(owners.get(id) ?? []).includes(branchId)) {
        errors.push(
          fieldError(at, 'Certification inconnue, ou hors du périmètre de la branche qui convoque.'),
        );
        continue;
      }
      const cert = await deps.certifications.get(id, SYSTEM_ADMIN);
      if (cert.status !== 'active')
        errors.push(fieldError(at, 'Seule une certification active (au catalogue) peut passer en jury.'));
    }
    // Members and candidacies are checked against the certifications: those first.
    if (errors.some((e) => e.field.startsWith('certificationIds')))
      throw problems.unprocessable(errors, 'La session ne peut pas être convoquée.');
    const certificationIds = [...seenCertifications];

    // Members: habilitated on the date for every certification; college and designation from it.
    const habilitated = new Map(
      (await deps.juryMembersOn(certificationIds, body.date)).map((m) => [m.userId, m] as const),
    );
    const seenMembers = new Set<string>();
    const composed: {
      userId: string;
      role: JuryMemberRole;
      college: College;
      designatedBy: string | null;
    }[] = [];
    for (const [i, m] of body.members.entries()) {
      const held = habilitated.get(m.userId);
      if (seenMembers.has(m.userId))
        errors.push(fieldError(['members', i, 'userId'], 'Cette personne est déjà dans la liste.'));
      else if (!held)
        errors.push(
          fieldError(
            ['members', i, 'userId'],
            `Pas d’habilitation de membre de jury valable le ${body.date} pour chaque certification de la session.`,
          ),
        );
      else
        composed.push({
          userId: m.userId,
          role: m.role,
          college: held.college,
          designatedBy: held.designatedBy,
        });
      seenMembers.add(m.userId);
    }
    if (body.members.filter((m) => m.role === 'president').length !== 1)
      errors.push(fieldError(['members'], 'Désignez un·e président·e, et un·e seul·e.'));

    // Candidacies: « prêt pour le jury », of these certifications, in no other open session.
    const candidacyIds = [...new Set(body.candidacyIds)];
    const rows =
      candidacyIds.length === 0 ? [] : await candidacyQuery(db).where('c.id', 'in', candidacyIds).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const elsewhere = await attachedElsewhere(db, candidacyIds);
    const seenCandidacies = new Set<string>();
    for (const [i, id] of body.candidacyIds.entries()) {
      const at = ['candidacyIds', i];
      const row = byId.get(id);
      if (seenCandidacies.has(id)) errors.push(fieldError(at, 'Ce parcours est déjà dans la liste.'));
      else if (!row || !certificationIds.includes(row.certification_id))
        errors.push(
          fieldError(at, 'Parcours inconnu, ou d’une autre certification que celles de la session.'),
        );
      else if (row.status !== 'ready_for_jury')
        errors.push(fieldError(at, 'Ce parcours n’est pas « Prêt·e pour le jury ».'));
      else if (elsewhere.has(id))
        errors.push(fieldError(at, 'Ce parcours est déjà inscrit à une autre session de jury en cours.'));
      seenCandidacies.add(id);
    }
    if (errors.length > 0) throw problems.unprocessable(errors, 'La session ne peut pas être convoquée.');

    // The rules in force on the date, and the composition against them.
    const rules = await deps.rulesFor({ conveningBranchId: branchId, certificationIds }, body.date);
    if ('rule' in rules)
      throw problems.unprocessable(
        [fieldError(['members'], `${rules.rule} : ${rules.detail}`)],
        rules.detail,
      );
    const remote = body.remote ?? false;
    const breaches = compositionBreaches(rules.content, composed, body.date, remote);
    if (breaches.length > 0)
      throw problems.unprocessable(
        breaches.map((b) => fieldError(['members'], `${b.rule} : ${b.detail}`)),
        `La composition du jury ne respecte pas les règles de la branche (${breaches.map((b) => b.rule).join(', ')}).`,
      );

    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('juries')
        .values({
          id,
          convening_branch_id: branchId,
          rules_id: rules.id,
          date: body.date,
          starts_at: body.startsAt ?? null,
          place: body.place ?? null,
          remote,
          created_by: actor.userId,
        })
        .execute();
      await trx
        .insertInto('jury_certifications')
        .values(certificationIds.map((certification_id) => ({ jury_id: id, certification_id })))
        .execute();
      await trx
        .insertInto('jury_members')
        .values(
          composed.map((m) => ({
            jury_id: id,
            user_id: m.userId,
            role: m.role,
            college: m.college,
            designated_by: m.designatedBy,
          })),
        )
        .execute();
      if (candidacyIds.length > 0)
        await trx
          .insertInto('jury_candidacies')
          .values(
            candidacyIds.map((candidacy_id) => ({ jury_id: id, candidacy_id, attached_by: actor.userId })),
          )
          .execute();
      // A candidacy attached to another open session meanwhile: refused (checked again, locked).
      const raced = await attachedElsewhere(trx, candidacyIds, id);
      if (raced.size > 0)
        throw problems.conflict('Un parcours vient d’être inscrit à une autre session : rechargez.', [
          ...candidacyIds.flatMap((c, i) =>
            raced.has(c)
              ? [fieldError(['candidacyIds', i], 'Déjà inscrit à une autre session en cours.')]
              : [],
          ),
        ]);
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'jury.create',
        entityType: 'jury',
        entityId: id,
        after: {
          conveningBranchId: branchId,
          rulesId: rules.id,
          certificationIds,
          date: body.date,
          startsAt: body.startsAt ?? null,
          remote,
          placeGiven: body.place !== undefined,
          members: composed.map((m) => ({ userId: m.userId, role: m.role, college: m.college })),
          candidacyIds,
        },
        requestId,
      });
      // Each member is convened by email (an ICS attached) once the session commits.
      for (const m of composed)
        await deps.mail.enqueue(
          trx,
          {
            template: 'jury.convocation',
            to: { kind: 'user', id: m.userId },
            refs: { juryId: id, userId: m.userId },
          },
          { idempotencyKey: `jury.convocation:${id}:${m.userId}` },
        );
    });
    return { id };
  }

  // ---- reading ------------------------------------------------------------------------------

  async function summariesOf(juries: readonly { id: string; convening_branch_id: string }[]) {
    const ids = juries.map((j) => j.id);
    const certRows =
      ids.length === 0
        ? []
        : await db.selectFrom('jury_certifications').selectAll().where('jury_id', 'in', ids).execute();
    const [certs, branches] = await Promise.all([
      deps.certifications.summaries([...new Set(certRows.map((c) => c.certification_id))]),
      deps.branches.namesOf([...new Set(juries.map((j) => j.convening_branch_id))]),
    ]);
    return (j: { id: string; convening_branch_id: string }) => ({
      conveningBranch: { id: j.convening_branch_id, name: branches.get(j.convening_branch_id) ?? '' },
      certifications: certRows
        .filter((c) => c.jury_id === j.id)
        .map((c) => ({
          id: c.certification_id,
          ...(certs.get(c.certification_id) ?? { code: '', title: '' }),
        })),
    });
  }

  /**
   * The sessions the actor reads: admins all; branch managers those their branch convenes or
   * that hold one of its certifications; jury members those they sit on. Newest first.
   */
  async function list(query: JuryListQuery, actor: Actor) {
    const managed = managedBranches(actor);
    const certificationIds =
      managed !== '*' && managed.length > 0 ? await deps.certifications.idsOfBranches(managed) : [];
    const isMember = actor.grants.some((g) => g.role === 'jury_member');
    const scoped = db
      .selectFrom('juries as j')
      .where((eb) =>
        eb.and([
          managed === '*'
            ? eb.lit(true)
            : eb.or([
                ...(managed.length > 0 ? [eb('j.convening_branch_id', 'in', managed)] : []),
                ...(certificationIds.length > 0
                  ? [
                      eb(
                        'j.id',
                        'in',
                        eb
                          .selectFrom('jury_certifications')
                          .select('jury_id')
                          .where('certification_id', 'in', certificationIds),
                      ),
                    ]
                  : []),
                ...(isMember
                  ? [
                      eb(
                        'j.id',
                        'in',
                        eb.selectFrom('jury_members').select('jury_id').where('user_id', '=', actor.userId),
                      ),
                    ]
                  : []),
                eb.lit(false),
              ]),
          ...(query.status ? [eb('j.status', '=', query.status)] : []),
          ...(query.from ? [eb('j.date', '>=', query.from)] : []),
          ...(query.to ? [eb('j.date', '<=', query.to)] : []),
        ]),
      );
    const [{ n }, rows] = await Promise.all([
      scoped.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      scoped
        .selectAll('j')
        .select((eb) => [
          eb
            .selectFrom('jury_members as m')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('m.jury_id', '=', 'j.id')
            .as('member_count'),
          eb
            .selectFrom('jury_candidacies as c')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('c.jury_id', '=', 'j.id')
            .as('candidacy_count'),
          eb
            .selectFrom('jury_members as m')
            .select('m.role')
            .whereRef('m.jury_id', '=', 'j.id')
            .where('m.user_id', '=', actor.userId)
            .as('my_role'),
        ])
        .orderBy('j.date', 'desc')
        .orderBy('j.created_at', 'desc')
        .orderBy('j.id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
    ]);
    const names = await summariesOf(rows);
    return {
      items: rows.map((j) => ({
        id: j.id,
        status: j.status,
        date: j.date,
        startsAt: j.starts_at?.slice(0, 5) ?? null,
        place: j.place,
        remote: j.remote,
        ...names(j),
        memberCount: Number(j.member_count ?? 0),
        candidacyCount: Number(j.candidacy_count ?? 0),
        myRole: (j.my_role ?? null) as JuryMemberRole | null,
      })),
      total: Number(n),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  function decisionView(d: DecisionRow, names: Map<string, string>) {
    return {
      id: d.id,
      candidacyId: d.candidacy_id,
      blocs: d.blocs as { code: string; validated: boolean | null; carried: boolean }[],
      outcome: d.outcome,
      reasons: d.reasons,
      recommendations: d.recommendations,
      votes: (d.votes ?? null) as { for: number; against: number; abstain: number } | null,
      deliberatingMembers: d.deliberating_members,
      excludedMembers: d.excluded_members,
      replacesId: d.replaces_id,
      correctionReason: d.correction_reason,
      postedBy: { id: d.posted_by, name: names.get(d.posted_by) ?? null },
      postedAs: d.posted_as,
      postedAt: iso(d.posted_at) as string,
    };
  }

  function membersView(jury: JuryRow, names: Map<string, string>) {
    return jury.members.map((m) => ({
      userId: m.user_id,
      name: names.get(m.user_id) ?? null,
      role: m.role,
      college: m.college,
      organisation: m.designated_by,
      presence: m.presence,
      convenedAt: iso(m.convened_at),
    }));
  }

  /** The session with its members, attendance and quorum, candidacies, proposals and decisions. */
  async function get(id: string, actor: Actor) {
    const { jury, facts } = await loadFor(id, actor, 'read');
    const [rules, rows, decisions, proposals, links, carried] = await Promise.all([
      rulesOf(jury),
      jury.candidacyIds.length === 0
        ? Promise.resolve([])
        : candidacyQuery(db).where('c.id', 'in', jury.candidacyIds).execute(),
      decisionsOf(db, id),
      proposalsOf(db, jury.candidacyIds),
      linksByCandidacy(db, jury.candidacyIds),
      carriedByCandidacy(db, jury.candidacyIds),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const titles = await blocTitlesOf(deps.frameworks, rows);
    const names = await deps.users.displayNames([
      ...new Set([
        ...jury.members.map((m) => m.user_id),
        ...decisions.map((d) => d.posted_by),
        ...proposals.flatMap((p) => (p.signed_by ? [p.signed_by] : [])),
      ]),
    ]);
    const chains = chainsOf(decisions);
    const memberIds = jury.members.map((m) => m.user_id);
    const summary = await summariesOf([jury]);
    return {
      id: jury.id,
      status: jury.status,
      date: jury.date,
      startsAt: jury.starts_at?.slice(0, 5) ?? null,
      place: jury.place,
      remote: jury.remote,
      ...summary(jury),
      rules: { id: rules.id, effectiveFrom: rules.effectiveFrom, content: rules.content },
      members: membersView(jury, names),
      attendance: { quorum: quorumFor(rules.content, jury.members) },
      candidacies: jury.candidacyIds.flatMap((candidacyId) => {
        const row = byId.get(candidacyId);
        if (!row) return [];
        const carriedHere = new Set(carried.get(candidacyId) ?? []);
        const chain = chains.get(candidacyId) ?? [];
        const excluded = excludedMembers(memberIds, links.get(candidacyId) ?? []);
        const blocNames = titles.get(`${row.certification_id}:${row.framework_version_number}`);
        return [
          {
            id: row.id,
            candidate: { birthName: row.birth_name, usageName: row.usage_name, firstNames: row.first_names },
            certificationId: row.certification_id,
            frameworkVersion: row.framework_version_number,
            status: row.status,
            blocs: row.bloc_codes.map((code) => ({
              code,
              title: blocNames?.get(code) ?? code,
              carried: carriedHere.has(code),
              proposals: proposals
                .filter((p) => p.candidacy_id === candidacyId && p.bloc_code === code && p.proposal !== null)
                .map((p) => ({
                  assessmentId: p.assessment_id,
                  evaluator: { id: p.signed_by as string, name: names.get(p.signed_by as string) ?? null },
                  proposal: p.proposal as 'acquired' | 'not_acquired',
                  signedAt: iso(p.signed_at) as string,
                })),
            })),
            excluded: excluded.map((userId) => ({ userId, name: names.get(userId) ?? null })),
            decision: chain.length > 0 ? decisionView(chain[chain.length - 1] as DecisionRow, names) : null,
            history: chain.map((d) => decisionView(d, names)),
          },
        ];
      }),
      minutes: await minutesView(db, jury, rules.content, names),
      can: capabilities(actor, 'jury', facts),
    };
  }

  // ---- attendance ---------------------------------------------------------------------------

  /**
   * Records the presence of members on the day (convening staff or the president). Reaching the
   * quorum opens the deliberation; the answer carries the quorum check.
   */
  async function putAttendance(id: string, body: AttendanceBody, actor: Actor, requestId: string) {
    const { jury } = await loadFor(id, actor, 'attend');
    if (!acceptsAttendance(jury.status))
      throw problems.conflict(
        'La présence ne se modifie plus une fois le procès-verbal généré ou la session close.',
      );
    const rules = await rulesOf(jury);
    const members = new Map(jury.members.map((m) => [m.user_id, m]));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    body.members.forEach((m, i) => {
      if (!members.has(m.userId))
        errors.push(fieldError(['members', i, 'userId'], 'Cette personne n’est pas membre de la session.'));
      else if (seen.has(m.userId))
        errors.push(fieldError(['members', i, 'userId'], 'Cette personne est déjà dans la liste.'));
      else if (m.presence === 'remote' && !rules.content.remoteAllowed)
        errors.push(
          fieldError(
            ['members', i, 'presence'],
            'Les règles du jury de la branche n’autorisent pas la présence à distance.',
          ),
        );
      seen.add(m.userId);
    });
    if (errors.length > 0) throw problems.unprocessable(errors, 'La présence ne peut pas être enregistrée.');

    await db.transaction().execute(async (trx) => {
      const locked = await lockJury(trx, id);
      if (!acceptsAttendance(locked.status))
        throw problems.conflict('La session vient de changer d’état : rechargez.');
      const now = new Date();
      for (const m of body.members)
        await trx
          .updateTable('jury_members')
          .set({ presence: m.presence, presence_recorded_by: actor.userId, presence_recorded_at: now })
          .where('jury_id', '=', id)
          .where('user_id', '=', m.userId)
          .execute();
      const after = await trx
        .selectFrom('jury_members')
        .select(['college', 'presence'])
        .where('jury_id', '=', id)
        .execute();
      const quorum = quorumFor(rules.content, after);
      // Reaching the quorum opens the deliberation.
      const next =
        quorum.reached && locked.status === 'planned'
          ? juryTransition(locked.status, 'open_deliberation')
          : null;
      const status: JuryStatus = next?.ok ? next.status : locked.status;
      await recordJuryChange(trx, {
        juryId: id,
        actor,
        action: 'jury.attendance',
        ...(status !== locked.status ? { to: status, set: { deliberation_opened_at: now } } : {}),
        before: {
          status: locked.status,
          members: body.members.map((m) => ({
            userId: m.userId,
            presence: members.get(m.userId)?.presence ?? null,
          })),
        },
        after: {
          status,
          members: body.members,
          quorum: { reached: quorum.reached, counted: quorum.counted },
        },
        requestId,
      });
    });
    const reloaded = (await findJury(db, id)) as JuryRow;
    const names = await deps.users.displayNames(reloaded.members.map((m) => m.user_id));
    return {
      id,
      status: reloaded.status,
      members: membersView(reloaded, names),
      quorum: quorumFor(rules.content, reloaded.members),
    };
  }

  // ---- decisions ----------------------------------------------------------------------------

  /**
   * Posts a decision on a candidacy of the session (the president, or convening staff as
   * secretary), or a correction of the current one (`replaces` + `correctionReason`, the
   * president only). 409 before the quorum, after the seal or the close; 422 naming the field
   * when the blocs, outcome, votes or correction are wrong. A decision after the minutes were
   * generated invalidates them and reopens the deliberation.
   */
  async function decide(id: string, body: DecisionBody, actor: Actor, requestId: string) {
    const { jury, facts } = await loadFor(id, actor, body.replaces ? 'correct' : 'decide');
    const afterClose = jury.status === 'closed' && body.replaces !== undefined && deps.awards !== undefined;
    if (jury.status === 'closed' && !afterClose)
      throw problems.conflict('La session est close : seule une correction par la présidence est possible.');
    if (!afterClose && !acceptsDecisions(jury.status)) {
      const rulesNow = await rulesOf(jury);
      const quorum = quorumFor(rulesNow.content, jury.members);
      throw problems.conflict(
        jury.status === 'planned'
          ? (quorum.detail ?? 'La délibération n’est pas ouverte : enregistrez la présence.')
          : 'Les décisions ne se modifient plus dans cet état de la session.',
      );
    }
    const rules = await rulesOf(jury);
    const quorum = quorumFor(rules.content, jury.members);
    if (!quorum.reached) throw problems.conflict(quorum.detail ?? 'Quorum non atteint.');
    if (!jury.candidacyIds.includes(body.candidacyId))
      throw problems.unprocessable(
        [fieldError(['candidacyId'], 'Ce parcours n’est pas inscrit à cette session.')],
        'La décision ne peut pas être enregistrée.',
      );
    const row = await candidacyQuery(db).where('c.id', '=', body.candidacyId).executeTakeFirstOrThrow();
    const [carried, links, existing] = await Promise.all([
      carriedByCandidacy(db, [row.id]),
      linksByCandidacy(db, [row.id]),
      decisionsOf(db, id, row.id),
    ]);
    const errors: FieldError[] = [];
    const checked = checkDecision({
      targeted: row.bloc_codes,
      carried: carried.get(row.id) ?? [],
      blocs: body.blocs,
      outcome: body.outcome,
    });
    if (!checked.ok) errors.push(...checked.errors.map((e) => fieldError(e.path, e.detail)));
    const chain = chainsOf(existing).get(row.id) ?? [];
    const current = chain[chain.length - 1];
    const correction = correctionProblem({
      current,
      replaces: body.replaces,
      correctionReason: body.correctionReason,
    });
    if (correction) errors.push(fieldError(correction.path, correction.detail));
    const excluded = excludedMembers(facts.memberIds, links.get(row.id) ?? []);
    const deliberating = deliberatingMembers(
      jury.members.map((m) => ({ userId: m.user_id, presence: m.presence })),
      excluded,
    );
    if (excluded.includes(actor.userId))
      errors.push(
        fieldError(
          ['candidacyId'],
          'Vous êtes lié·e à ce candidat : vous ne délibérez pas sur son parcours.',
        ),
      );
    const votes = votesProblem(rules.content, body.votes, deliberating.length);
    if (votes) errors.push(fieldError(['votes'], votes));
    if (errors.length > 0 || !checked.ok)
      throw problems.unprocessable(errors, 'La décision ne peut pas être enregistrée.');

    const postedAs = facts.presidentId === actor.userId ? 'president' : 'secretary';
    const decisionId = randomUUID();
    // After the close, what the correction's awards need (codes, registry edges), read before the transaction.
    const prepared = afterClose ? await deps.awards?.prepare(id) : undefined;
    await db.transaction().execute(async (trx) => {
      const locked = await lockJury(trx, id);
      if (!acceptsDecisions(locked.status) && !(locked.status === 'closed' && prepared))
        throw problems.conflict('La session vient de changer d’état : rechargez.');
      const latest = await trx
        .selectFrom('jury_decisions')
        .select('id')
        .where('jury_id', '=', id)
        .where('candidacy_id', '=', row.id)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('jury_decisions as later')
                .select('later.id')
                .whereRef('later.replaces_id', '=', 'jury_decisions.id'),
            ),
          ),
        )
        .executeTakeFirst();
      if (latest?.id !== current?.id)
        throw problems.conflict('Une autre décision vient d’être enregistrée pour ce parcours : rechargez.');
      await trx
        .insertInto('jury_decisions')
        .values({
          id: decisionId,
          jury_id: id,
          candidacy_id: row.id,
          blocs: JSON.stringify(checked.blocs),
          outcome: body.outcome,
          reasons: body.reasons ?? null,
          recommendations: body.recommendations ?? null,
          votes: body.votes ? JSON.stringify(body.votes) : null,
          deliberating_members: deliberating,
          excluded_members: excluded,
          replaces_id: body.replaces ?? null,
          correction_reason: body.correctionReason?.trim() || null,
          posted_by: actor.userId,
          posted_as: postedAs,
        })
        .execute();
      // After the close: the award it changes revoked, a new one if it awards, the candidacy moved.
      if (locked.status === 'closed' && prepared)
        await deps.awards?.correctIn(
          trx,
          {
            juryId: id,
            decisionId,
            candidacyId: row.id,
            outcome: body.outcome,
            blocs: checked.blocs,
            reason: body.correctionReason?.trim() ?? '',
          },
          actor,
          prepared,
          requestId,
        );
      // A decision after the minutes were generated invalidates them: back to deliberation.
      const next = locked.status === 'minutes' ? juryTransition(locked.status, 'change_decision') : null;
      if (next?.ok)
        await deps.invalidateMinutes(trx, id, 'Une décision a changé après la génération du procès-verbal.');
      await recordJuryChange(trx, {
        juryId: id,
        actor,
        action: body.replaces ? 'jury.decision_correct' : 'jury.decision',
        ...(next?.ok ? { to: next.status } : {}),
        after: {
          decisionId,
          candidacyId: row.id,
          outcome: body.outcome,
          blocs: checked.blocs,
          votes: body.votes ?? null,
          // Reasons and recommendations may be personal: whether given, not what they say.
          reasonsGiven: body.reasons !== undefined,
          recommendationsGiven: body.recommendations !== undefined,
          replacesId: body.replaces ?? null,
          postedAs,
          excludedMembers: excluded,
        },
        requestId,
      });
    });
    const saved = await decisionsOf(db, id, row.id);
    const names = await deps.users.displayNames([actor.userId]);
    return decisionView(saved.find((d) => d.id === decisionId) as DecisionRow, names);
  }

  // ---- convocations -------------------------------------------------------------------------

  /** What a member's convocation says (undefined: session or member gone, or cancelled since). */
  async function convocationMailValues({ juryId, userId }: { juryId: string; userId: string }) {
    const jury = await findJury(db, juryId);
    const member = jury?.members.find((m) => m.user_id === userId);
    if (!jury || !member || jury.status === 'cancelled') return undefined;
    const certs = await deps.certifications.summaries(jury.certificationIds);
    return {
      juryId,
      certificationTitles: jury.certificationIds.map((c) => certs.get(c)?.title ?? ''),
      date: jury.date,
      startsAt: jury.starts_at?.slice(0, 5) ?? null,
      place: jury.place,
      remote: jury.remote,
      role: member.role,
      stamp: new Date().toISOString(),
    };
  }

  /** Once a convocation has left: the member's `convened_at`. */
  async function convocationSent({ juryId, userId }: { juryId: string; userId: string }) {
    await db
      .updateTable('jury_members')
      .set({ convened_at: sql<Date>`coalesce(convened_at, now())` })
      .where('jury_id', '=', juryId)
      .where('user_id', '=', userId)
      .execute();
  }

  return { create, list, get, putAttendance, decide, loadFor, convocationMailValues, convocationSent };
}

export type JuriesService = ReturnType<typeof juriesServiceFactory>;
