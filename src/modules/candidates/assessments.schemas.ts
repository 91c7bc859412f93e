import { z } from 'zod';
import { ASSESSMENT_STATUSES, CANDIDACY_LINK_KINDS } from '../../contracts/assessments.js';
import { isoDate } from '../catalogue/schemas.js';

/** The wire contract of a candidacy's links and assessment sessions (routes in assessments.routes.ts). */
const linkInput = z.object({
  kind: z.enum(CANDIDACY_LINK_KINDS),
  userId: z.uuid().meta({ description: 'Le compte de la personne liée au candidat' }),
});

export const linksBody = z.object({ links: z.array(linkInput).max(50) }).meta({
  id: 'CandidacyLinksRequest',
  description: 'Toutes les personnes liées au candidat dans ce parcours (remplace la liste)',
});
export type LinksBody = z.infer<typeof linksBody>;

export const linksSchema = z
  .object({
    candidacyId: z.uuid(),
    links: z.array(
      z.object({
        kind: z.enum(CANDIDACY_LINK_KINDS),
        userId: z.uuid(),
        name: z.string().nullable(),
        recordedBy: z.uuid().nullable(),
        recordedAt: z.string(),
      }),
    ),
    can: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'CandidacyLinks' });

const secondAssessor = z.object({
  name: z.string().trim().min(1).max(200),
  trade: z.string().trim().min(1).max(200).meta({ description: 'Son métier' }),
});

export const assessmentBody = z
  .object({
    date: isoDate,
    blocCodes: z.array(z.string().trim().min(1).max(30)).min(1).max(50),
    evaluatorIds: z.array(z.uuid()).min(1).max(5),
    secondAssessor: secondAssessor.optional(),
  })
  .meta({ id: 'AssessmentRequest' });
export type AssessmentBody = z.infer<typeof assessmentBody>;

export const assessmentSchema = z
  .object({
    id: z.uuid(),
    candidacyId: z.uuid(),
    date: z.string(),
    blocCodes: z.array(z.string()),
    evaluators: z.array(z.object({ id: z.uuid(), name: z.string().nullable() })),
    secondAssessor: secondAssessor.nullable().meta({
      description: 'Un second évaluateur, professionnel du métier (texte libre, pas un compte)',
    }),
    scheduledBy: z.uuid().nullable(),
    scheduledAt: z.string(),
    status: z.enum(ASSESSMENT_STATUSES),
    cancelReason: z.string().nullable(),
    results: z
      .array(
        z.object({
          blocCode: z.string(),
          proposal: z.enum(['acquired', 'not_acquired']),
          signedAt: z.string(),
        }),
      )
      .meta({ description: 'Les résultats signés en vigueur, par bloc' }),
    can: z.object({ edit: z.boolean(), cancel: z.boolean() }).meta({
      description: 'Déplacer, annuler : tant qu’elle n’est pas annulée et qu’aucun résultat n’est signé',
    }),
  })
  .meta({ id: 'Assessment' });

export const assessmentsSchema = z
  .object({
    candidacyId: z.uuid(),
    items: z.array(assessmentSchema),
    can: z.object({ schedule: z.boolean() }),
  })
  .meta({ id: 'Assessments' });
