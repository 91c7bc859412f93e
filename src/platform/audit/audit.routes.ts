import { sql } from 'kysely';
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../contracts/audit.js';
import type { Actor } from '../auth/actor.js';
import { enforce } from '../auth/policy.js';
import type { Db } from '../db/connect.js';
import { type Http, pageQuery, problemResponses } from '../http/schemas.js';
import { fieldError, problems } from '../problem.js';
import { verifyAuditTrail } from './audit.js';

/** Current display names of accounts by id (the identity module's; platform/ imports no module). */
export type ActorNames = (userIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** Rows name their actor by id; the name shown is the account's current one, looked up here. */
const SYSTEM_LABEL = 'Système';
const UNKNOWN_ACCOUNT_LABEL = 'Compte supprimé';

/** A calendar day, AAAA-MM-JJ, that exists. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ.')
  // Date.parse is NaN for an impossible date such as 2025-02-30 (toISOString would throw: a 500).
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(d);
  }, 'Cette date n’existe pas.');

/** The journal's filters: who, what, when (Paris days, both included), about which object. */
const auditFilters = z.object({
  actorUserId: z.uuid().optional().meta({ description: 'Auteur·rice : identifiant du compte' }),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: day.optional().meta({ description: 'Depuis ce jour (heure de Paris), inclus' }),
  to: day.optional().meta({ description: 'Jusqu’à ce jour (heure de Paris), inclus' }),
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  entityId: z.string().max(100).optional(),
});
type AuditFilters = z.infer<typeof auditFilters>;

/** Midnight in Paris at the start of the day, as a timestamp. */
const parisMidnight = (d: string) => sql<Date>`(${d}::date)::timestamp at time zone 'Europe/Paris'`;

function filtered(db: Db, f: AuditFilters) {
  return db
    .selectFrom('audit_events')
    .$if(f.actorUserId !== undefined, (q) => q.where('actor_user_id', '=', f.actorUserId as string))
    .$if(f.action !== undefined, (q) => q.where('action', '=', f.action as string))
    .$if(f.entityType !== undefined, (q) => q.where('entity_type', '=', f.entityType as string))
    .$if(f.entityId !== undefined, (q) => q.where('entity_id', '=', f.entityId as string))
    .$if(f.from !== undefined, (q) => q.where('at', '>=', parisMidnight(f.from as string)))
    .$if(f.to !== undefined, (q) =>
      q.where('at', '<', sql<Date>`((${f.to}::date + 1)::timestamp at time zone 'Europe/Paris')`),
    );
}

const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  requestId: z.string().nullable(),
});

export function registerAuditRoutes(app: Http, db: Db, actorNames: ActorNames) {
  app.get(
    '/api/v1/audit',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Journal d’audit, du plus récent au plus ancien (admin)',
        querystring: pageQuery
          .extend({ pageSize: z.coerce.number().int().min(1).max(200).default(50) })
          .extend(auditFilters.shape),
        response: {
          200: z.object({
            items: z.array(auditEventSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...problemResponses(400),
        },
      },
    },
    async (request) => {
      enforce(request.actor as Actor, 'read', 'audit', {});
      const { page, pageSize, ...filters } = request.query;
      if (filters.from && filters.to && filters.from > filters.to)
        throw problems.validation([fieldError(['to'], 'La fin de la période précède son début.', 'query')]);
      const [rows, total] = await Promise.all([
        filtered(db, filters)
          .select(['id', 'at', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'request_id'])
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        filtered(db, filters)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      const names = await actorNames([...new Set(rows.flatMap((r) => r.actor_user_id ?? []))]);
      return { items: rows.map((r) => eventOf(r, names)), total: Number(total.n), page, pageSize };
    },
  );

  app.get(
    '/api/v1/audit/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary:
          'Une entrée du journal et ce qu’elle a changé (données personnelles : « modifié » seulement)',
        params: z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
        response: {
          200: auditEventSchema.extend({
            diff: z.record(
              z.string(),
              z.object({
                before: z.unknown().optional(),
                after: z.unknown().optional(),
                changed: z.literal(true).optional(),
              }),
            ),
          }),
          ...problemResponses(404),
        },
      },
    },
    async (request) => {
      enforce(request.actor as Actor, 'read', 'audit', {});
      const row = await db
        .selectFrom('audit_events')
        .select(['id', 'at', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'request_id', 'diff'])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw problems.notFound('Entrée du journal introuvable.');
      const names = await actorNames(row.actor_user_id ? [row.actor_user_id] : []);
      return { ...eventOf(row, names), diff: (row.diff ?? {}) as Record<string, Record<string, unknown>> };
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

function eventOf(
  r: {
    id: number | string;
    at: Date | string;
    actor_user_id: string | null;
    action: string;
    entity_type: string;
    entity_id: string;
    request_id: string | null;
  },
  names: ReadonlyMap<string, string>,
) {
  return {
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_user_id ? (names.get(r.actor_user_id) ?? UNKNOWN_ACCOUNT_LABEL) : SYSTEM_LABEL,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    requestId: r.request_id,
  };
}
