import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actionsOf, type ResourceType } from '../auth/policy.js';
import { ROLES, SCOPE_TYPES } from '../auth/roles.js';

/** The Fastify instance routes are written against: zod schemas give types and OpenAPI. */
export type Http = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          pointer: z.string(),
          field: z.string(),
          in: z.string().optional(),
          detail: z.string(),
          row: z
            .number()
            .int()
            .optional()
            .meta({ description: 'Fichier importé : le numéro de ligne du tableur (en-tête = 1)' }),
          column: z.string().optional().meta({ description: 'Fichier importé : l’en-tête de la colonne' }),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** Documented error answers; the body is always a Problem. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<number, typeof problemSchema>;
}

export const grantSchema = z
  .object({
    role: z.enum(ROLES),
    scope: z.object({
      type: z.enum(SCOPE_TYPES),
      id: z.string().optional(),
      label: z.string().optional(),
    }),
  })
  .meta({ id: 'Grant' });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const uuidParam = z.object({ id: z.uuid() });

/**
 * What the signed-in person may do with a resource (`can: {update: true, …}`), from the
 * policy layer: the web app shows actions from it instead of re-deriving scopes.
 */
export function capabilitiesSchema(type: ResourceType) {
  return z
    .object(Object.fromEntries(actionsOf(type).map((action) => [action, z.boolean()])))
    .meta({ description: 'Ce que la personne connectée peut faire de cette ressource' });
}
