import { z } from 'zod';
import { CANDIDACY_STATUSES } from '../../contracts/candidacies.js';
import {
  BLOC_POSITIONING_STATES,
  CARRIED_BLOC_SOURCES,
  CARRIED_THROUGH_KINDS,
  POSITIONING_LEVELS,
} from '../../contracts/positioning.js';

/** The wire contract of a candidacy's positioning (routes in positioning.routes.ts). */
export const decisionBody = z
  .object({
    level: z.enum(POSITIONING_LEVELS),
    comment: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'PositioningDecisionRequest' });
export type DecisionBody = z.infer<typeof decisionBody>;

const correspondenceSchema = z
  .object({
    fiche: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .meta({ description: 'La fiche du répertoire qui porte l’entrée' }),
    sourceBlocs: z.array(z.string().trim().max(30)).max(50),
    destinationFiche: z.string().trim().min(1).max(20),
    destinationBlocs: z.array(z.string().trim().max(30)).max(50),
  })
  .meta({
    id: 'RegistryCorrespondence',
    description: 'Une entrée CORRESPONDANCES d’une fiche du répertoire',
  });

export const carriedBlocBody = z
  .discriminatedUnion('source', [
    z.object({
      source: z.literal('earlier_partial_award'),
      reference: z
        .string()
        .trim()
        .min(1, 'Indiquez la référence de la validation partielle.')
        .max(200)
        .meta({ description: 'La référence de la validation partielle antérieure (attestation, jury…)' }),
    }),
    z.object({ source: z.literal('equivalence'), correspondence: correspondenceSchema }),
  ])
  .meta({ id: 'CarriedBlocRequest' });
export type CarriedBlocBody = z.infer<typeof carriedBlocBody>;

const decisionSchema = z.object({
  level: z.enum(POSITIONING_LEVELS),
  comment: z.string().nullable(),
  decidedBy: z.uuid().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string(),
});

export const evidenceSchema = z
  .object({
    id: z.uuid(),
    competencyCode: z.string().nullable(),
    fileName: z.string(),
    size: z.number().int(),
    mediaType: z.string(),
    uploadedBy: z.uuid().nullable(),
    uploadedByName: z.string().nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'PositioningEvidence' });

export const evidenceCreated = z.object({
  id: z.uuid(),
  competencyCode: z.string().nullable(),
  fileName: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  sha256: z.string(),
});

const countsSchema = z.object({
  held: z.number().int(),
  partly: z.number().int(),
  toAcquire: z.number().int(),
  pending: z.number().int(),
});

export const positioningSchema = z
  .object({
    candidacyId: z.uuid(),
    status: z.enum(CANDIDACY_STATUSES),
    frameworkVersion: z.number().int(),
    blocs: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        targeted: z.boolean().meta({ description: 'Bloc visé par le parcours' }),
        carried: z
          .object({
            source: z.enum(CARRIED_BLOC_SOURCES),
            reference: z.string().nullable(),
            correspondence: correspondenceSchema.nullable(),
            through: z
              .object({
                kind: z.enum(CARRIED_THROUGH_KINDS),
                certification: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
                blocCodes: z
                  .array(z.string())
                  .meta({ description: 'Les blocs de l’attestation qui valent celui-ci' }),
                correspondence: correspondenceSchema
                  .nullable()
                  .meta({ description: 'L’entrée du répertoire (correspondance du répertoire)' }),
              })
              .nullable()
              .meta({
                description:
                  'Reporté automatiquement d’une validation partielle d’une autre certification : par quelle équivalence',
              }),
            recordedBy: z.uuid().nullable(),
            recordedByName: z.string().nullable(),
            recordedAt: z.string(),
          })
          .nullable()
          .meta({ description: 'Acquis antérieurement (compte comme acquis), avec sa source' }),
        summary: z.object({
          state: z.enum(BLOC_POSITIONING_STATES),
          acquired: z.boolean(),
          counts: countsSchema.meta({ description: 'Compétences selon la décision de l’organisme' }),
          selfPositioned: z.number().int(),
        }),
        competencies: z.array(
          z.object({
            code: z.string(),
            title: z.string(),
            self: decisionSchema.nullable().meta({ description: 'L’auto-positionnement du candidat' }),
            organisation: decisionSchema
              .nullable()
              .meta({ description: 'La décision de l’organisme : celle qui compte' }),
            evidence: z.array(evidenceSchema),
          }),
        ),
      }),
    ),
    evidence: z.array(evidenceSchema).meta({ description: 'Pièces qui ne visent pas une compétence' }),
    correspondences: z
      .array(correspondenceSchema)
      .meta({ description: 'Les correspondances des fiches du répertoire liées à la certification' }),
    can: z.object({ position: z.boolean(), selfPosition: z.boolean() }),
  })
  .meta({ id: 'Positioning' });

export const competencyParams = z.object({ id: z.uuid(), code: z.string().trim().min(1).max(30) });
export const evidenceParams = z.object({ id: z.uuid(), evidenceId: z.uuid() });
export const evidenceQuery = z.object({ competencyCode: z.string().trim().min(1).max(30).optional() });
