import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { capabilities, enforce, managedBranches } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { problems } from '../../platform/problem.js';
import { touchCatalogue } from './certifications.repo.js';
import { type InvitationAction, type InvitationStatus, nextInvitationStatus } from './domain/co-ownership.js';

/**
 * Invitations to co-own a CQPI (see domain/co-ownership.ts): the managers of the invited
 * branch list and answer them; the inviting branches see them too.
 */
export function coOwnershipServiceFactory({ db }: { db: Db }) {
  function base() {
    return db
      .selectFrom('co_ownership_invitations as i')
      .innerJoin('certifications as c', 'c.id', 'i.certification_id')
      .innerJoin('branches as b', 'b.id', 'i.branch_id');
  }

  /** The co-owning branches of each of these certifications, in one query. */
  async function ownersOf(q: Kysely<Database>, certificationIds: string[]): Promise<Map<string, string[]>> {
    const owners = new Map<string, string[]>();
    if (certificationIds.length === 0) return owners;
    const rows = await q
      .selectFrom('certification_branches')
      .select(['certification_id', 'branch_id'])
      .where('certification_id', 'in', certificationIds)
      .execute();
    for (const r of rows)
      owners.set(r.certification_id, [...(owners.get(r.certification_id) ?? []), r.branch_id]);
    return owners;
  }

  /** Invitations to, or sent by, the branches the actor manages (all, for an admin). */
  async function list(actor: Actor, status: InvitationStatus | undefined, page: number, pageSize: number) {
    const mine = managedBranches(actor);
    if (mine !== '*' && mine.length === 0) return { items: [], total: 0 };
    let query = base();
    if (mine !== '*') {
      query = query.where((eb) =>
        eb.or([
          eb('i.branch_id', 'in', mine),
          eb.exists(
            eb
              .selectFrom('certification_branches as cb')
              .select('cb.branch_id')
              .whereRef('cb.certification_id', '=', 'i.certification_id')
              .where('cb.branch_id', 'in', mine),
          ),
        ]),
      );
    }
    if (status) query = query.where('i.status', '=', status);
    const [rows, total] = await Promise.all([
      query
        .select([
          'i.id',
          'i.status',
          'i.invited_at',
          'i.answered_at',
          'i.certification_id',
          'c.code',
          'c.title',
          'c.kind',
          'b.id as branch_id',
          'b.name as branch_name',
        ])
        .orderBy('i.invited_at', 'desc')
        .orderBy('i.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const owners = await ownersOf(db, [...new Set(rows.map((r) => r.certification_id))]);
    const items = rows.map((r) => ({
      id: r.id,
      status: r.status,
      invitedAt: new Date(r.invited_at).toISOString(),
      answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
      certification: { id: r.certification_id, code: r.code, title: r.title, kind: r.kind },
      branch: { id: r.branch_id, name: r.branch_name },
      can: capabilities(actor, 'coOwnershipInvitation', {
        branchId: r.branch_id,
        certificationBranchIds: owners.get(r.certification_id) ?? [],
      }),
    }));
    return { items, total: Number(total.n) };
  }

  /** Accepting makes the branch a co-owner (it then manages the certification); declining does not. */
  async function answer(
    id: string,
    action: Extract<InvitationAction, 'accept' | 'decline'>,
    actor: Actor,
    requestId: string,
  ) {
    await db.transaction().execute(async (trx) => {
      const invitation = await trx
        .selectFrom('co_ownership_invitations')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!invitation) throw problems.notFound('Invitation introuvable.');
      const owners = await ownersOf(trx, [invitation.certification_id]);
      enforce(
        actor,
        'answer',
        'coOwnershipInvitation',
        {
          branchId: invitation.branch_id,
          certificationBranchIds: owners.get(invitation.certification_id) ?? [],
        },
        'Invitation introuvable.',
      );
      const next = nextInvitationStatus(invitation.status, action);
      if (!next) throw problems.conflict('Cette invitation a déjà reçu une réponse ou a été retirée.');
      await trx
        .updateTable('co_ownership_invitations')
        .set({
          status: next as Exclude<InvitationStatus, 'pending'>,
          answered_by: actor.userId,
          answered_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      if (next === 'accepted') {
        await trx
          .insertInto('certification_branches')
          .values({ certification_id: invitation.certification_id, branch_id: invitation.branch_id })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await touchCatalogue(trx);
      }
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: `certification.co_ownership.${action}`,
        entityType: 'certification',
        entityId: invitation.certification_id,
        before: { invitation: { id, branchId: invitation.branch_id, status: invitation.status } },
        after: { invitation: { id, branchId: invitation.branch_id, status: next } },
        requestId,
      });
    });
  }

  return { list, answer };
}

export type CoOwnershipService = ReturnType<typeof coOwnershipServiceFactory>;
