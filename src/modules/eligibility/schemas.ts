import { z } from 'zod';
import { CERTIFICATION_KINDS } from '../catalogue/domain/certification.js';
import { isoDate, recognitionEventBody, recognitionSchema } from '../catalogue/schemas.js';
import { BENEFITS, CANDIDATE_STATUSES } from './domain/evaluate.js';
import { FUNDER_IDS, ROUTE_IDS } from './domain/model.js';

/** The catalogue's own event schema, without what only the catalogue stores. */
export const eligibilityEvent = recognitionEventBody.omit({ reference: true, successorId: true });

/** The rules cover the law from this date on (docs/domain.md). */
export const FIRST_DATE = '2015-01-01';

export const candidateSchema = z.object({
  status: z.enum(CANDIDATE_STATUSES),
  age: z.number().int().min(14).max(99).optional(),
  benefits: z.array(z.enum(BENEFITS)).max(3).optional(),
  experienceMonths: z.number().int().min(0).max(720).optional(),
  highestLevel: z
    .number()
    .int()
    .refine((n) => n === 0 || (n >= 3 && n <= 8), 'Niveau 0 (aucun) ou de 3 à 8.')
    .optional(),
  employer: z
    .object({
      idcc: z
        .string()
        .trim()
        .regex(/^\d{1,4}$/, 'IDCC : 1 à 4 chiffres (par exemple 1351).')
        .optional(),
      headcount: z.number().int().min(0).max(1_000_000).optional(),
    })
    .optional(),
  onProAList: z.boolean().optional(),
});

export const eligibilityRequest = z
  .object({
    date: isoDate.refine((d) => d >= FIRST_DATE, {
      message: 'Qualif répond pour les dates à partir du 1er janvier 2015.',
    }),
    route: z.enum(ROUTE_IDS).optional(),
    certificationId: z.uuid().optional(),
    certification: z
      .object({ kind: z.enum(CERTIFICATION_KINDS), events: z.array(eligibilityEvent).max(200) })
      .optional(),
    candidate: candidateSchema,
  })
  .superRefine((body, ctx) => {
    if ((body.certificationId === undefined) === (body.certification === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['certificationId'],
        message:
          body.certificationId === undefined
            ? 'Indiquez la certification : certificationId (catalogue) ou certification (hypothétique).'
            : 'Indiquez soit certificationId (catalogue), soit certification (hypothétique), pas les deux.',
      });
    }
  })
  .meta({ id: 'EligibilityRequest' });

export type EligibilityRequest = z.infer<typeof eligibilityRequest>;

const ruleRef = z.object({
  rule: z.string(),
  title: z.string(),
  text: z.string(),
  source: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  note: z.string().optional(),
  disputed: z.literal(true).optional(),
});

export const ruleRefSchema = ruleRef.meta({ id: 'EligibilityRule' });

const reason = ruleRef.extend({ satisfied: z.boolean().nullable() });
const funder = ruleRef.extend({
  funder: z.enum(FUNDER_IDS),
  certain: z.boolean(),
  body: z.string().optional(),
});

export const routeResultSchema = z
  .object({
    route: z.enum(ROUTE_IDS),
    title: z.string(),
    eligible: z.boolean(),
    status: z.enum(['open', 'closed', 'incomplete']).meta({
      description:
        'open : toutes les conditions en vigueur sont remplies ; closed : une ne l’est pas ; incomplete : aucune n’échoue, mais une information manque (missing)',
    }),
    reasons: z.array(reason),
    funders: z.array(funder),
    limits: z.array(ruleRef),
    missing: z.array(z.object({ field: z.string(), label: z.string() })),
  })
  .meta({ id: 'EligibilityResult' });

export const eligibilityResponse = z.object({
  date: z.string(),
  certification: z.object({
    id: z.string().optional(),
    kind: z.enum(CERTIFICATION_KINDS),
    recognition: recognitionSchema,
    branches: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  }),
  results: z.array(routeResultSchema),
});

export const rulesResponse = z.object({
  common: z.array(ruleRef),
  routes: z.array(
    ruleRef.extend({
      id: z.enum(ROUTE_IDS),
      conditions: z.array(ruleRef),
      funders: z.array(ruleRef.extend({ funder: z.enum(FUNDER_IDS) })),
      limits: z.array(ruleRef),
    }),
  ),
  inputs: z.array(z.object({ rule: z.string(), title: z.string(), description: z.string().optional() })),
});
