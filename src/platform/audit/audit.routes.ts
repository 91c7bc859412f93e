import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { type Http, pageQuery } from '../http/schemas.js';
import { verifyAuditTrail } from './audit.js';

/** Current display names of accounts by id (the identity module's; platform/ imports no module). */
export type ActorNames = (userIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** Rows name their actor by id; the name shown is the account's current one, looked up here. */
const SYSTEM_LABEL = 'Système';
const UNKNOWN_ACCOUNT_LABEL = 'Compte supprimé';

export function registerAuditRoutes(app: Http, db: Db, actorNames: ActorNames) {
  app.get(
    '/api/v1/audit',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Journal d’audit, du plus récent au plus ancien (admin)',
        querystring: pageQuery.extend({ pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                at: z.string(),
                actorUserId: z.string().nullable(),
                actorLabel: z.string(),
                action: z.string(),
                entityType: z.string(),
                entityId: z.string(),
                requestId: z.string().nullable(),
              }),
            ),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const [rows, total] = await Promise.all([
        db
          .selectFrom('audit_events')
          .select(['id', 'at', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'request_id'])
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      const actorIds = [...new Set(rows.flatMap((r) => (r.actor_user_id ? [r.actor_user_id] : [])))];
      const names = await actorNames(actorIds);
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          at: new Date(r.at).toISOString(),
          actorUserId: r.actor_user_id,
          actorLabel: r.actor_user_id ? (names.get(r.actor_user_id) ?? UNKNOWN_ACCOUNT_LABEL) : SYSTEM_LABEL,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          requestId: r.request_id,
        })),
        total: Number(total.n),
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Vérifier la chaîne de hachage du journal d’audit (admin)',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            firstBadId: z.string().optional(),
            reason: z.string().optional(),
          }),
        },
      },
    },
    async () => {
      const v = await verifyAuditTrail(db);
      return v.ok
        ? { ok: true, checked: v.checked }
        : { ok: false, checked: v.checked, firstBadId: String(v.firstBadId), reason: v.reason };
    },
  );
}
