import { z } from 'zod';
import { capabilitiesSchema } from '../../platform/http/schemas.js';
import { isoDate } from '../catalogue/schemas.js';
import { XSD_VERSIONS } from './domain/xsd-versions.js';

/** A certifier is named by its SIRET (the legal owner of certifications, `legalOwner.siret`). */
export const siret = z
  .string()
  .regex(/^\d{14}$/, 'SIRET : 14 chiffres.')
  .meta({ description: 'SIRET du certificateur (propriétaire légal des certifications)' });

export const certifierParam = z.object({ siret });

export const certifierSettingsBody = z
  .object({
    clientId: z
      .string()
      .trim()
      .length(8, 'Identifiant client CDC : 8 caractères.')
      .meta({ description: 'Identifiant client attribué par la Caisse des Dépôts (8 caractères)' }),
    contractId: z
      .string()
      .trim()
      .min(1)
      .max(20, 'Numéro de contrat CDC : 20 caractères au plus.')
      .meta({ description: 'Numéro du contrat certificateur (ex. MCFCER000999)' }),
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Nom affiché (par défaut, celui du catalogue)' }),
    xsdVersion: z.enum(XSD_VERSIONS).default('1.1.2').meta({
      description: 'Version du schéma des flux : 1.1.2 (par défaut) ; 1.1.5, qui porte le NIR, plus tard',
    }),
  })
  .strict();
export type CertifierSettingsBody = z.infer<typeof certifierSettingsBody>;

export const certifierSchema = z
  .object({
    certifierId: siret,
    name: z.string(),
    certifications: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
    settings: z
      .object({
        clientId: z.string(),
        contractId: z.string(),
        xsdVersion: z.enum(XSD_VERSIONS),
        updatedAt: z.string(),
      })
      .nullable()
      .meta({ description: 'Ce que la Caisse des Dépôts a attribué (null : pas encore renseigné)' }),
    can: capabilitiesSchema('cdcCertifier'),
  })
  .meta({ id: 'CdcCertifier' });

export const certifierList = z.object({ items: z.array(certifierSchema) }).meta({ id: 'CdcCertifierList' });

export const depositBody = z
  .object({
    branchId: z.uuid().optional(),
    certifierId: siret.optional(),
    awardIds: z.array(z.uuid()).min(1).max(20_000).optional(),
  })
  .strict();
export type DepositBody = z.infer<typeof depositBody>;

export const excludedSchema = z.object({
  awardId: z.uuid(),
  reasons: z
    .array(z.string())
    .meta({ description: 'Pourquoi l’attestation reste hors du lot (en français)' }),
});

export const depositCreated = z
  .object({
    id: z.uuid(),
    passages: z.number().int().meta({ description: 'Nombre de passages du flux' }),
    excluded: z.array(excludedSchema),
  })
  .meta({ id: 'CdcDepositCreated' });

export const PASSAGE_RESULTS = ['pending', 'ok', 'ko', 'already'] as const;

export const passageSchema = z.object({
  idTechnique: z.string(),
  awardId: z.uuid(),
  awardNumber: z.string(),
  candidacyId: z.uuid(),
  attempt: z.number().int(),
  result: z.enum(PASSAGE_RESULTS).meta({
    description:
      'pending : rapport non importé ; ok ; ko (motif de la CDC) ; already : « déjà en base », compté déposé',
  }),
  message: z.string().nullable(),
  reportedAt: z.string().nullable(),
});

export const depositSchema = z
  .object({
    id: z.uuid(),
    certifierId: siret,
    certifierName: z.string(),
    branchId: z.uuid().nullable(),
    idFlux: z.string(),
    fileName: z.string(),
    xsdVersion: z.string(),
    createdAt: z.string(),
    report: z
      .object({
        importedAt: z.string(),
        idTraitement: z.string().nullable(),
        fileError: z.string().nullable(),
      })
      .nullable(),
    counts: z.object({
      passages: z.number().int(),
      pending: z.number().int(),
      ok: z.number().int(),
      ko: z.number().int(),
      already: z.number().int(),
    }),
    passages: z.array(passageSchema),
    can: capabilitiesSchema('cdcCertifier'),
  })
  .meta({ id: 'CdcDeposit' });

export const depositListQuery = z.object({
  certifierId: siret.optional(),
  branchId: z.uuid().optional(),
});

export const depositSummary = depositSchema.omit({ passages: true }).meta({ id: 'CdcDepositSummary' });
export const depositList = z.object({ items: z.array(depositSummary) }).meta({ id: 'CdcDepositList' });

export const DEADLINE_STATES = ['due', 'late', 'rejected'] as const;

export const deadlineItem = z.object({
  awardId: z.uuid(),
  awardNumber: z.string(),
  awardedOn: isoDate,
  deadline: isoDate.meta({ description: 'Date limite de dépôt : trois mois après l’attestation' }),
  state: z.enum(DEADLINE_STATES),
  certification: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  certifierId: siret,
  candidacyId: z.uuid(),
  holderName: z.string().meta({ description: 'Nom de naissance et premier prénom du ou de la titulaire' }),
  lastPassage: z
    .object({ idTechnique: z.string(), depositId: z.uuid(), message: z.string().nullable() })
    .nullable(),
});

export const deadlinesSchema = z
  .object({
    branchId: z.uuid(),
    today: isoDate,
    due: z.array(deadlineItem),
    late: z.array(deadlineItem),
    rejected: z.array(deadlineItem),
  })
  .meta({ id: 'CdcDeadlines' });
