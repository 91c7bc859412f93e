import { z } from 'zod';
import { COLLEGES, JURY_MAJORITIES, JURY_SIGNATURES } from '../../contracts/juries.js';
import { fieldError, problems } from '../../platform/problem.js';
import { isoDate } from '../catalogue/schemas.js';
import type { JuryRules } from './domain/jury-rules.js';

/**
 * The wire contract of jury composition rules (domain/jury-rules.ts; routes in
 * jury-rules.routes.ts). A bad content answers 422 naming its path (`content.quorum.minMembers`).
 */
const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const juryRulesSchema = z
  .strictObject({
    colleges: z
      .strictObject({
        minPerCollege: int(1, 20).meta({ description: 'Au moins ce nombre de membres de chaque collège' }),
        parity: z.boolean().meta({ description: 'Autant de membres de chaque collège' }),
      })
      .meta({ id: 'JuryRulesColleges' }),
    seats: z
      .strictObject({
        organisations: z
          .array(
            z.strictObject({
              name: z.string().trim().min(1).max(200),
              college: z.enum(COLLEGES),
            }),
          )
          .min(1)
          .max(50)
          .superRefine((seats, ctx) => {
            const seen = new Set<string>();
            seats.forEach((s, i) => {
              const key = s.name.toLocaleLowerCase('fr');
              if (seen.has(key)) {
                ctx.addIssue({
                  code: 'custom',
                  path: [i, 'name'],
                  message: 'Cette organisation est déjà listée.',
                });
              }
              seen.add(key);
            });
          }),
      })
      .nullable()
      .meta({
        id: 'JuryRulesSeats',
        description: 'Un siège par fédération ou syndicat listé ; null : aucun',
      }),
    president: z
      .discriminatedUnion('rule', [
        z.strictObject({ rule: z.literal('any') }),
        z.strictObject({ rule: z.literal('alternate_by_year'), evenYears: z.enum(COLLEGES) }),
      ])
      .meta({
        id: 'JuryRulesPresident',
        description:
          'Collège de la présidence : libre, ou `evenYears` les années paires et l’autre les impaires',
      }),
    quorum: z
      .strictObject({
        minMembers: int(1, 100),
        minPerCollege: int(0, 20),
      })
      .meta({ id: 'JuryRulesQuorum' }),
    majority: z.enum(JURY_MAJORITIES),
    votesRequired: z.boolean(),
    remoteAllowed: z.boolean(),
    blocValidityYears: int(1, 50)
      .nullable()
      .meta({ description: 'Validité des blocs acquis ; null : à vie' }),
    signatures: z.enum(JURY_SIGNATURES),
    reminderAfterDays: int(1, 365),
  })
  .meta({ id: 'JuryRules', description: 'Règles de composition et de fonctionnement des jurys' });

// The wire schema and the domain type say the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _same: Same<z.infer<typeof juryRulesSchema>, JuryRules> = true;
void _same;

export const juryRulesBody = z
  .strictObject({
    effectiveFrom: isoDate.meta({ description: 'En vigueur à partir de cette date' }),
    content: z.unknown().meta({
      description:
        'Les règles (schéma JuryRules), vérifiées par le service : 422 nommant le champ (content.quorum.minMembers…)',
    }),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .meta({ id: 'JuryRulesRequest' });
export type JuryRulesBody = z.infer<typeof juryRulesBody>;

/** The content of a version, checked: 422 naming each bad field under `content`. */
export function checkedRules(content: unknown): JuryRules {
  const parsed = juryRulesSchema.safeParse(content);
  if (parsed.success) return parsed.data;
  throw problems.unprocessable(
    parsed.error.issues.map((i) =>
      fieldError(['content', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], i.message),
    ),
    'Les règles de jury sont incomplètes ou hors des bornes admises.',
  );
}

const versionSchema = z
  .object({
    id: z.uuid(),
    effectiveFrom: z.string(),
    content: juryRulesSchema,
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable().meta({ description: 'Le nom de son auteur' }),
  })
  .meta({ id: 'JuryRulesVersion' });

export const juryRulesListResponse = z
  .object({
    items: z.array(versionSchema),
    inForce: z.uuid().nullable().meta({ description: 'La version en vigueur aujourd’hui' }),
  })
  .meta({ id: 'JuryRulesList' });

const cqpiVersionSchema = versionSchema
  .extend({
    branchId: z.uuid(),
    branchName: z.string(),
    acceptances: z.array(
      z.object({ branchId: z.uuid(), branchName: z.string(), acceptedAt: z.string().nullable() }),
    ),
    accepted: z.boolean().meta({ description: 'Acceptée par toutes les autres branches' }),
  })
  .meta({ id: 'CqpiJuryRulesVersion' });

export const cqpiJuryRulesListResponse = z
  .object({
    items: z.array(cqpiVersionSchema),
    inForce: z.uuid().nullable().meta({ description: 'La version acceptée en vigueur aujourd’hui' }),
  })
  .meta({ id: 'CqpiJuryRulesList' });

export const createdResponse = z.object({ id: z.uuid() }).meta({ id: 'JuryRulesCreated' });
