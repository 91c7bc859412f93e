import { z } from 'zod';
import { CONTRACT_TYPES, CPF_LISTS } from '../../contracts/eligibility-facts.js';
import { CERTIFICATION_KINDS } from '../catalogue/domain/certification.js';
import { isoDate, recognitionEventBody, recognitionSchema } from '../catalogue/schemas.js';
import { BENEFITS, CANDIDATE_STATUSES } from './domain/evaluate.js';
import { FUNDER_IDS, ROUTE_IDS } from './domain/model.js';

/** The catalogue's own event schema, without what only the catalogue stores. */
export const eligibilityEvent = recognitionEventBody.omit({ reference: true, successorId: true });

/** The rules cover the law from this date on (docs/domain.md). */
export const FIRST_DATE = '2015-01-01';

const months = (max: number) => z.number().int().min(0).max(max);

/** Seniority in months (CIF, CPF de transition: D6323-9). */
const seniority = z
  .object({
    monthsEmployee: months(720).meta({ description: 'Mois d’activité salariée, au total' }),
    monthsInFirm: months(720).meta({ description: 'Mois dans l’entreprise actuelle' }),
    monthsCddLast12: months(12)
      .optional()
      .meta({ description: 'Mois en CDD au cours des 12 derniers mois (salarié en CDD)' }),
    monthsEmployeeLast5Years: months(60)
      .optional()
      .meta({ description: 'Mois d’activité salariée au cours des 5 dernières années (salarié en CDD)' }),
  })
  .superRefine((s, ctx) => {
    const over = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (s.monthsInFirm > s.monthsEmployee)
      over('monthsInFirm', 'Les mois dans l’entreprise ne peuvent dépasser les mois d’activité salariée.');
    if (s.monthsEmployeeLast5Years !== undefined && s.monthsEmployeeLast5Years > s.monthsEmployee)
      over(
        'monthsEmployeeLast5Years',
        'Les mois des 5 dernières années ne peuvent dépasser les mois d’activité salariée.',
      );
  });

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
      craft: z
        .boolean()
        .optional()
        .meta({ description: 'Entreprise artisanale de moins de 11 salariés (CIF : 36 mois d’ancienneté)' }),
    })
    .optional(),
  onProAList: z.boolean().optional(),
  contractType: z.enum(CONTRACT_TYPES).optional().meta({
    description:
      'Contrat du salarié : cdi, cdd, cdd_iae (CDD d’insertion), cui (CUI à durée déterminée), cui_cdi (CUI à durée indéterminée), sports_cdd (sportif ou entraîneur professionnel en CDD), temporary (intérim), other',
  }),
  shortTimeWork: z.boolean().optional().meta({ description: 'En activité partielle (Pro-A)' }),
  formerCui: z
    .boolean()
    .optional()
    .meta({ description: 'A bénéficié d’un contrat unique d’insertion (contrat de professionnalisation)' }),
  seniority: seniority.optional(),
  disabilityRecognised: z
    .boolean()
    .optional()
    .meta({ description: 'Handicap reconnu, bénéficiaire de l’obligation d’emploi (dispense d’ancienneté)' }),
  cpfLists: z
    .array(z.enum(CPF_LISTS))
    .max(3)
    .refine((lists) => new Set(lists).size === lists.length, 'Chaque liste une seule fois.')
    .optional()
    .meta({
      description:
        'Listes CPF de 2015-2018 sur lesquelles figurait la formation : cpne (liste de la CPNE de la branche du candidat), copanef, coparef',
    }),
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
  note: z
    .string()
    .optional()
    .meta({ description: 'Ce que Qualif retient, pour un point discuté ou à vérifier' }),
  disputed: z
    .literal(true)
    .optional()
    .meta({ description: 'Point discuté : la note dit ce que Qualif applique' }),
});

/** A rule as the rules page lists it, with the request fields it reads. */
const listedRule = ruleRef.extend({
  inputs: z
    .array(z.string())
    .meta({ description: 'Les champs de la requête que la règle lit (ex. candidate.age)' }),
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
    title: z.string().meta({
      description: 'L’intitulé de la voie à la date (« Congé individuel de formation » avant 2019)',
    }),
    eligible: z.boolean(),
    status: z.enum(['open', 'closed', 'incomplete']).meta({
      description:
        'open : toutes les conditions en vigueur sont remplies ; closed : une ne l’est pas ; incomplete : aucune n’échoue, mais une information manque (missing)',
    }),
    disputed: z.literal(true).optional().meta({
      description:
        'Une règle en vigueur à la date (condition, financeur ou plafond) est discutée : voir sa note',
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
  common: z.array(listedRule),
  routes: z.array(
    ruleRef.extend({
      id: z.enum(ROUTE_IDS),
      titles: z
        .array(z.object({ title: z.string(), from: z.string(), to: z.string().nullable() }))
        .meta({ description: 'Les intitulés de la voie par période, quand elle a changé de nom' }),
      conditions: z.array(listedRule),
      funders: z.array(listedRule.extend({ funder: z.enum(FUNDER_IDS) })),
      limits: z.array(ruleRef),
    }),
  ),
  inputs: z.array(z.object({ rule: z.string(), title: z.string(), description: z.string().optional() })),
});
