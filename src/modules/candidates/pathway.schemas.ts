import { z } from 'zod';
import { CANDIDACY_STATUSES } from '../../contracts/candidacies.js';
import {
  PATHWAY_BLOC_PLANS,
  PATHWAY_MODULE_KINDS,
  PATHWAY_ORIGINS,
  PATHWAY_PARTIES,
} from '../../contracts/pathway.js';
import { POSITIONING_LEVELS } from '../../contracts/positioning.js';
import { isoDate } from '../catalogue/schemas.js';

/** The wire contract of a candidacy's individual pathway (routes in pathway.routes.ts). */
const tutorSchema = z
  .object({
    userId: z.uuid().nullable().optional().meta({ description: 'Le compte du tuteur, s’il en a un' }),
    name: z.string().trim().max(200).nullable().optional().meta({ description: 'Sinon, son nom' }),
  })
  .meta({ id: 'PathwayTutor', description: 'Le tuteur ou la tutrice chez l’employeur' });

/**
 * One module as sent: every field a kind may use is optional here, so that the checks (in
 * French, naming `modules/N/field`, 422) say what is missing for its kind; the fields a kind
 * does not use are ignored.
 */
const moduleInput = z.object({
  blocCode: z.string().trim().min(1).max(30),
  kind: z.enum(PATHWAY_MODULE_KINDS),
  title: z.string().max(200),
  competencyCodes: z.array(z.string().trim().min(1).max(30)).max(100).optional(),
  hours: z.number().nullable().optional().meta({ description: 'Formation : le nombre d’heures (> 0)' }),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  organisationId: z
    .uuid()
    .nullable()
    .optional()
    .meta({ description: 'Formation : l’organisme de formation' }),
  description: z.string().max(2000).nullable().optional(),
  tutor: tutorSchema.nullable().optional().meta({ description: 'Situation de travail : le tuteur' }),
  dueOn: isoDate.nullable().optional().meta({ description: 'VAE : la date de remise du dossier' }),
});
export type ModuleInput = z.infer<typeof moduleInput>;

export const pathwayBody = z
  .object({
    modules: z.array(moduleInput).max(100).meta({ description: 'Tous les modules, dans leur ordre' }),
  })
  .meta({ id: 'PathwayRequest', description: 'Le parcours entier : remplace la liste des modules' });
export type PathwayBody = z.infer<typeof pathwayBody>;

export const generateBody = z
  .object({
    replace: z
      .boolean()
      .optional()
      .meta({ description: 'Remplacer un parcours modifié à la main (sinon 409)' }),
  })
  .meta({ id: 'PathwayGenerateRequest' });
export type GenerateBody = z.infer<typeof generateBody>;

export const acknowledgementBody = z
  .object({
    revision: z
      .number()
      .int()
      .positive()
      .meta({ description: 'La révision du parcours lue (409 si le parcours a changé depuis)' }),
  })
  .meta({ id: 'PathwayAcknowledgementRequest' });
export type AcknowledgementBody = z.infer<typeof acknowledgementBody>;

const moduleSchema = z.object({
  id: z.uuid(),
  blocCode: z.string(),
  kind: z.enum(PATHWAY_MODULE_KINDS),
  title: z.string(),
  competencyCodes: z.array(z.string()),
  hours: z.number().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  description: z.string().nullable(),
  tutor: z.object({ userId: z.uuid().nullable(), name: z.string().nullable() }).nullable(),
  dueOn: z.string().nullable(),
});

const problemItem = z.object({ pointer: z.string(), field: z.string(), detail: z.string() });

export const pathwaySchema = z
  .object({
    candidacyId: z.uuid(),
    status: z.enum(CANDIDACY_STATUSES),
    frameworkVersion: z.number().int(),
    blocs: z
      .array(
        z.object({
          code: z.string(),
          title: z.string(),
          plan: z.enum(PATHWAY_BLOC_PLANS),
          gaps: z.array(
            z.object({ code: z.string(), title: z.string(), level: z.enum(POSITIONING_LEVELS).nullable() }),
          ),
          competencies: z.array(z.object({ code: z.string(), title: z.string() })),
        }),
      )
      .meta({ description: 'Les blocs visés et ce que le positionnement laisse à acquérir' }),
    pathway: z
      .object({
        revision: z.number().int(),
        origin: z.enum(PATHWAY_ORIGINS),
        updatedBy: z.uuid().nullable(),
        updatedByName: z.string().nullable(),
        updatedAt: z.string(),
        modules: z.array(moduleSchema),
        missing: z.array(problemItem).meta({
          description: 'Ce qui reste à préciser (un parcours proposé laisse heures et dates à remplir)',
        }),
        acknowledgements: z.array(
          z.object({
            party: z.enum(PATHWAY_PARTIES),
            revision: z.number().int(),
            current: z.boolean().meta({ description: 'Faux quand le parcours a changé depuis' }),
            acknowledgedBy: z.uuid(),
            acknowledgedByName: z.string().nullable(),
            acknowledgedAt: z.string(),
          }),
        ),
      })
      .nullable()
      .meta({ description: 'Le parcours, ou null tant qu’il n’est pas établi' }),
    can: z.object({
      edit: z.boolean(),
      acknowledge: z.boolean(),
      acknowledgeAs: z.enum(PATHWAY_PARTIES).nullable(),
    }),
  })
  .meta({ id: 'Pathway' });
