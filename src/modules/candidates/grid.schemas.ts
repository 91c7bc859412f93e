import { z } from 'zod';
import {
  ASSESSMENT_STATUSES,
  BLOC_PROPOSALS,
  COMPETENCY_RESULTS,
  RESULT_STATUSES,
} from '../../contracts/assessments.js';
import { isoDate } from '../catalogue/schemas.js';

/** The wire contract of assessment sessions, their grids and results (routes in grid.routes.ts). */

const markInput = z.object({
  competencyCode: z.string().trim().min(1).max(30),
  criterionCode: z.string().trim().min(1).max(30),
  met: z.boolean().nullable().meta({ description: 'Atteint, non atteint, ou null : pas encore noté' }),
  comment: z.string().trim().max(2000).nullable().optional(),
});

export const resultDraftBody = z.object({ marks: z.array(markInput).max(500) }).meta({
  id: 'AssessmentResultDraft',
  description: 'La grille du bloc telle que saisie (remplace le brouillon)',
});
export type ResultDraftBody = z.infer<typeof resultDraftBody>;

export const correctionBody = z
  .object({
    reason: z.string().trim().min(1, 'Indiquez la raison de la correction.').max(2000),
    marks: z.array(markInput).max(500).optional(),
  })
  .meta({ id: 'AssessmentCorrectionRequest' });
export type CorrectionBody = z.infer<typeof correctionBody>;

export const assessmentEditBody = z
  .object({
    date: isoDate.optional(),
    evaluatorIds: z.array(z.uuid()).min(1).max(5).optional(),
  })
  .meta({ id: 'AssessmentEditRequest' });
export type AssessmentEditBody = z.infer<typeof assessmentEditBody>;

export const cancelBody = z
  .object({ reason: z.string().trim().min(1, 'Indiquez la raison de l’annulation.').max(2000) })
  .meta({ id: 'AssessmentCancelRequest' });
export type CancelBody = z.infer<typeof cancelBody>;

export const agendaQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const evaluatorsQuery = z.object({ on: isoDate });

const person = z.object({ id: z.uuid(), name: z.string().nullable() });

const resultSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: z.enum(RESULT_STATUSES),
    marks: z.array(
      z.object({
        competencyCode: z.string(),
        criterionCode: z.string(),
        met: z.boolean().nullable(),
        comment: z.string().nullable(),
      }),
    ),
    competencies: z.array(z.object({ code: z.string(), result: z.enum(COMPETENCY_RESULTS) })),
    met: z.number().int(),
    total: z.number().int(),
    missing: z.array(z.string()).meta({ description: 'Critères sans réponse (compétence/critère)' }),
    proposal: z.enum(BLOC_PROPOSALS),
    replacesId: z.uuid().nullable(),
    correctionReason: z.string().nullable(),
    updatedAt: z.string(),
    signedBy: person.nullable(),
    signedAt: z.string().nullable(),
    supersededAt: z.string().nullable(),
  })
  .meta({ id: 'AssessmentResult' });

const sessionSummary = {
  id: z.uuid(),
  candidacyId: z.uuid(),
  date: z.string(),
  blocCodes: z.array(z.string()),
  evaluators: z.array(person),
  status: z.enum(ASSESSMENT_STATUSES),
  certification: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  candidate: z.object({
    birthName: z.string(),
    usageName: z.string().nullable(),
    firstNames: z.array(z.string()),
  }),
};

export const agendaSchema = z
  .object({
    items: z.array(
      z.object({
        ...sessionSummary,
        signedBlocCodes: z.array(z.string()).meta({ description: 'Blocs au résultat signé' }),
      }),
    ),
  })
  .meta({ id: 'AssessmentAgenda' });

export const sessionSchema = z
  .object({
    ...sessionSummary,
    frameworkVersion: z.number().int(),
    secondAssessor: z.object({ name: z.string(), trade: z.string() }).nullable(),
    cancelled: z.object({ at: z.string(), by: person.nullable(), reason: z.string() }).nullable(),
    history: z.array(
      z.object({
        kind: z.enum(['edit', 'cancel']),
        at: z.string(),
        by: person.nullable(),
        before: z.object({ date: z.string(), evaluatorIds: z.array(z.uuid()) }),
        after: z.object({ date: z.string(), evaluatorIds: z.array(z.uuid()) }),
        reason: z.string().nullable(),
      }),
    ),
    blocs: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        rule: z.object({ kind: z.enum(['all', 'n_of_m']), n: z.number().int().optional() }),
        ruleLabel: z.string(),
        competencies: z.array(
          z.object({
            code: z.string(),
            title: z.string(),
            criteria: z.array(
              z.object({ code: z.string(), text: z.string(), indicators: z.array(z.string()) }),
            ),
          }),
        ),
        signed: resultSchema.nullable().meta({ description: 'Le résultat signé en vigueur' }),
        draft: resultSchema.nullable().meta({
          description: 'Le brouillon (ou la correction) en cours : pour les évaluateurs et l’équipe',
        }),
        superseded: z.array(resultSchema).meta({ description: 'Les versions signées remplacées' }),
      }),
    ),
    can: z.object({ grade: z.boolean(), edit: z.boolean(), cancel: z.boolean() }),
  })
  .meta({ id: 'AssessmentSession' });

export const resultResponseSchema = resultSchema;

export const evaluatorsSchema = z
  .object({ on: z.string(), items: z.array(z.object({ id: z.uuid(), name: z.string() })) })
  .meta({ id: 'HabilitatedEvaluators' });

export const blocParams = z.object({ id: z.uuid(), blocCode: z.string().min(1).max(30) });
