import type { Kysely } from 'kysely';
import { type IsoDate, today } from '../../contracts/dates.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf, SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import { authorize, enforce, managedBranches } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { BranchesService } from '../catalogue/branches.service.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { UsersService } from '../identity/users.service.js';
import type { JuryRules, RuleBreach } from './domain/jury-rules.js';
import { checkedRules, type JuryRulesBody } from './jury-rules.schemas.js';

/**
 * Jury composition rules as data (issue 13, point 1; domain/jury-rules.ts): versions per branch,
 * each in force from its date until the next one (`jury_rules`, append-only); for a CQPI, the
 * versions one of its branches set (`certification_id`), in force once every other co-owning
 * branch has accepted them (`jury_rule_acceptances`). Every write is audited.
 */
export type RulesInForce = { id: string; content: JuryRules; effectiveFrom: IsoDate };

type Deps = {
  db: Db;
  branches: Pick<BranchesService, 'namesOf'>;
  certifications: Pick<CertificationsService, 'get'>;
  users: Pick<UsersService, 'displayNames'>;
};

type Row = {
  id: string;
  branch_id: string;
  effective_from: string;
  content: unknown;
  note: string | null;
  created_by: string | null;
  created_at: Date | string;
};

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const dateOf = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** The account named as author: none for the system itself. */
const authorOf = (actor: Actor) => (actor === SYSTEM_ADMIN ? null : actor.userId);

/** Whether the database refused a duplicate (unique index). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export function juryRulesServiceFactory({ db, branches, certifications, users }: Deps) {
  async function withNames(rows: Row[]) {
    const names = await users.displayNames([
      ...new Set(rows.flatMap((r) => (r.created_by ? [r.created_by] : []))),
    ]);
    return rows.map((r) => ({
      id: r.id,
      effectiveFrom: dateOf(r.effective_from),
      content: r.content as JuryRules,
      note: r.note,
      createdAt: iso(r.created_at),
      createdBy: r.created_by ? (names.get(r.created_by) ?? null) : null,
    }));
  }

  async function branchRules(q: Kysely<Database>, branchId: string) {
    return q
      .selectFrom('jury_rules')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('certification_id', 'is', null)
      .orderBy('effective_from', 'desc')
      .execute();
  }

  /** The branch's own rules; 404 for an unknown branch or one the actor does not staff. */
  async function assertBranch(branchId: string, actor: Actor, action: 'read' | 'write') {
    const names = await branches.namesOf([branchId]);
    if (!names.has(branchId)) throw problems.notFound('Branche introuvable.');
    enforce(actor, action, 'juryRules', { branchIds: [branchId] }, 'Branche introuvable.');
    return names.get(branchId) as string;
  }

  async function listForBranch(branchId: string, actor: Actor) {
    await assertBranch(branchId, actor, 'read');
    const items = await withNames((await branchRules(db, branchId)) as Row[]);
    const now = today();
    return { items, inForce: items.find((v) => v.effectiveFrom <= now)?.id ?? null };
  }

  async function insertVersion(
    branchId: string,
    certificationId: string | null,
    body: JuryRulesBody,
    actor: Actor,
    requestId: string,
  ) {
    const content = checkedRules(body.content);
    const conflict = () =>
      problems.conflict(`Une version de ces règles prend déjà effet le ${body.effectiveFrom}.`, [
        fieldError(['effectiveFrom'], 'Une version prend déjà effet à cette date.'),
      ]);
    try {
      return await db.transaction().execute(async (trx) => {
        let existing = trx
          .selectFrom('jury_rules')
          .select('id')
          .where('branch_id', '=', branchId)
          .where('effective_from', '=', body.effectiveFrom);
        existing = certificationId
          ? existing.where('certification_id', '=', certificationId)
          : existing.where('certification_id', 'is', null);
        if (await existing.executeTakeFirst()) throw conflict();
        const row = await trx
          .insertInto('jury_rules')
          .values({
            branch_id: branchId,
            certification_id: certificationId,
            effective_from: body.effectiveFrom,
            content: JSON.stringify(content),
            note: body.note ?? null,
            created_by: authorOf(actor),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, {
          actor: auditActorOf(actor),
          action: 'jury_rules.create',
          entityType: 'jury_rules',
          entityId: row.id,
          after: {
            branchId,
            certificationId,
            effectiveFrom: body.effectiveFrom,
            content,
            note: body.note ?? null,
          },
          requestId,
        });
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict();
      throw error;
    }
  }

  async function createForBranch(branchId: string, body: JuryRulesBody, actor: Actor, requestId: string) {
    await assertBranch(branchId, actor, 'write');
    return insertVersion(branchId, null, body, actor, requestId);
  }

  /** A CQPI the actor may read, with its co-owning branches (404 otherwise; 422-free: ids are in the path). */
  async function cqpi(certificationId: string, actor: Actor, action: 'read' | 'write') {
    const cert = await certifications.get(certificationId, actor);
    const branchIds = cert.branches.map((b) => b.id);
    enforce(actor, action, 'juryRules', { branchIds }, 'Certification introuvable.');
    if (cert.kind !== 'CQPI') {
      throw problems.unprocessable(
        [],
        'Seul un CQPI a ses propres règles de jury ; un CQP suit celles de sa branche.',
      );
    }
    return { branches: cert.branches };
  }

  async function acceptancesOf(q: Kysely<Database>, ruleIds: string[]) {
    if (ruleIds.length === 0) return [];
    return q
      .selectFrom('jury_rule_acceptances')
      .select(['rules_id', 'branch_id', 'accepted_at'])
      .where('rules_id', 'in', ruleIds)
      .execute();
  }

  async function certificationRules(q: Kysely<Database>, certificationId: string) {
    return (await q
      .selectFrom('jury_rules')
      .selectAll()
      .where('certification_id', '=', certificationId)
      .orderBy('effective_from', 'desc')
      .orderBy('created_at', 'desc')
      .execute()) as Row[];
  }

  /** Each version with who must accept it (every co-owning branch but its author) and who did. */
  function acceptanceState(
    rows: Row[],
    acceptances: { rules_id: string; branch_id: string; accepted_at: Date | string }[],
    owners: readonly { id: string; name: string }[],
  ) {
    return rows.map((r) => {
      const others = owners.filter((b) => b.id !== r.branch_id);
      const list = others.map((b) => {
        const a = acceptances.find((x) => x.rules_id === r.id && x.branch_id === b.id);
        return { branchId: b.id, branchName: b.name, acceptedAt: a ? iso(a.accepted_at) : null };
      });
      return { row: r, acceptances: list, accepted: list.every((a) => a.acceptedAt !== null) };
    });
  }

  async function listForCertification(certificationId: string, actor: Actor) {
    const { branches: owners } = await cqpi(certificationId, actor, 'read');
    const rows = await certificationRules(db, certificationId);
    const states = acceptanceState(
      rows,
      await acceptancesOf(
        db,
        rows.map((r) => r.id),
      ),
      owners,
    );
    const named = await withNames(rows);
    const now = today();
    const items = states.map((s, i) => ({
      ...(named[i] as (typeof named)[number]),
      branchId: s.row.branch_id,
      branchName: owners.find((b) => b.id === s.row.branch_id)?.name ?? '',
      acceptances: s.acceptances,
      accepted: s.accepted,
    }));
    return { items, inForce: items.find((v) => v.accepted && v.effectiveFrom <= now)?.id ?? null };
  }

  /**
   * A CQPI's rules, set by the managers of one of its branches: the one they manage (an admin:
   * `authorBranchId` when given, else the first by name).
   */
  async function createForCertification(
    certificationId: string,
    body: JuryRulesBody,
    actor: Actor,
    requestId: string,
    authorBranchId?: string,
  ) {
    const { branches: owners } = await cqpi(certificationId, actor, 'write');
    const mine = managedBranches(actor);
    const author = owners.find(
      (b) => (mine === '*' || mine.includes(b.id)) && (!authorBranchId || b.id === authorBranchId),
    );
    if (!author) throw problems.forbidden();
    return insertVersion(author.id, certificationId, body, actor, requestId);
  }

  /**
   * Each other co-owning branch the actor manages accepts the version (an admin: every branch
   * that has not yet). 409 when there is nothing left for the actor to accept.
   */
  async function accept(certificationId: string, rulesId: string, actor: Actor, requestId: string) {
    const { branches: owners } = await cqpi(certificationId, actor, 'read');
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('jury_rules')
        .selectAll()
        .where('id', '=', rulesId)
        .where('certification_id', '=', certificationId)
        .executeTakeFirst();
      if (!row) throw problems.notFound('Version des règles de jury introuvable.');
      const others = owners.filter((b) => b.id !== row.branch_id);
      if (!authorize(actor, 'write', 'juryRules', { branchIds: others.map((b) => b.id) })) {
        throw problems.forbidden(
          'Seules les autres branches du CQPI acceptent ces règles ; la branche qui les a fixées n’a pas à les accepter.',
        );
      }
      const mine = managedBranches(actor);
      const done = new Set((await acceptancesOf(trx, [rulesId])).map((a) => a.branch_id));
      const toAccept = others.filter((b) => (mine === '*' || mine.includes(b.id)) && !done.has(b.id));
      if (toAccept.length === 0)
        throw problems.conflict('Votre branche a déjà accepté cette version des règles.');
      await trx
        .insertInto('jury_rule_acceptances')
        .values(toAccept.map((b) => ({ rules_id: rulesId, branch_id: b.id, accepted_by: authorOf(actor) })))
        .execute();
      for (const b of toAccept) {
        await recordAudit(trx, {
          actor: auditActorOf(actor),
          action: 'jury_rules.accept',
          entityType: 'jury_rules',
          entityId: rulesId,
          after: { certificationId, branchId: b.id },
          requestId,
        });
      }
      const accepted = others.every((b) => done.has(b.id) || toAccept.some((t) => t.id === b.id));
      return { id: rulesId, accepted };
    });
  }

  /**
   * The rules a session follows on `on` (see the design in docs/adr/0006): a session of one
   * CQPI follows the latest version set for it in force on the date and accepted by all its
   * other branches; any other session (one CQP, or several certifications) follows the
   * convening branch's version in force. None → a breach naming `rules`.
   */
  async function rulesFor(
    scope: { conveningBranchId: string; certificationIds: readonly string[] },
    on: IsoDate,
    q: Kysely<Database> = db,
  ): Promise<RulesInForce | RuleBreach> {
    if (scope.certificationIds.length === 1) {
      const certificationId = scope.certificationIds[0] as string;
      const cert = await certifications.get(certificationId, SYSTEM_ADMIN);
      if (cert.kind === 'CQPI') {
        const rows = (await certificationRules(q, certificationId)).filter(
          (r) => dateOf(r.effective_from) <= on,
        );
        const states = acceptanceState(
          rows,
          await acceptancesOf(
            q,
            rows.map((r) => r.id),
          ),
          cert.branches,
        );
        const inForce = states.find((s) => s.accepted)?.row;
        if (!inForce) {
          return {
            rule: 'rules',
            detail: `Aucune règle de jury du CQPI ${cert.code}, acceptée par toutes ses branches, n’est en vigueur le ${on}.`,
          };
        }
        return {
          id: inForce.id,
          content: inForce.content as JuryRules,
          effectiveFrom: dateOf(inForce.effective_from),
        };
      }
    }
    const row = await q
      .selectFrom('jury_rules')
      .select(['id', 'content', 'effective_from'])
      .where('branch_id', '=', scope.conveningBranchId)
      .where('certification_id', 'is', null)
      .where('effective_from', '<=', on)
      .orderBy('effective_from', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) {
      return {
        rule: 'rules',
        detail: `La branche qui convoque n’a aucune règle de jury en vigueur le ${on} : enregistrez-les d’abord (« Règles de jury »).`,
      };
    }
    return { id: row.id, content: row.content as JuryRules, effectiveFrom: dateOf(row.effective_from) };
  }

  /** One version by id (a session pins the one it followed). */
  async function version(id: string, q: Kysely<Database> = db): Promise<RulesInForce | undefined> {
    const row = await q
      .selectFrom('jury_rules')
      .select(['id', 'content', 'effective_from'])
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      row && { id: row.id, content: row.content as JuryRules, effectiveFrom: dateOf(row.effective_from) }
    );
  }

  return {
    listForBranch,
    createForBranch,
    listForCertification,
    createForCertification,
    accept,
    rulesFor,
    version,
  };
}

export type JuryRulesService = ReturnType<typeof juryRulesServiceFactory>;

/** Whether `rulesFor` answered a breach rather than rules. */
export function isRuleBreach(r: RulesInForce | RuleBreach): r is RuleBreach {
  return 'rule' in r;
}
