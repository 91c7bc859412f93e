import { z } from 'zod';
import { ALERT_KINDS, JURY_ROUTES, PARTNER_HABILITATIONS } from '../../contracts/registry.js';

export { ALERT_KINDS };

/** API shapes of the registry module (validation, types and OpenAPI from one source). */

export const numeroParam = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^(RNCP|RS)\d{1,6}$/, 'Numéro de fiche attendu : RNCP12345 ou RS1234.'));

const codeLabel = z.object({ code: z.string(), label: z.string() });

export const registryFicheSchema = z
  .object({
    numero: z.string().meta({ example: 'RNCP37674' }),
    registry: z.enum(['RNCP', 'RS']),
    idFiche: z.number().int(),
    title: z.string(),
    abbreviation: codeLabel.optional(),
    state: z.string().optional().meta({ description: 'ETAT_FICHE (absent des exports CSV)' }),
    active: z.boolean(),
    registrationType: z.string().optional(),
    decisionDate: z.string().optional(),
    publicationDate: z.string().optional(),
    effectDate: z.string().optional(),
    lastJoDate: z.string().optional(),
    endDate: z.string().optional(),
    deliveryDeadline: z.string().optional(),
    level: z.number().int().optional().meta({ description: 'Niveau 1–8 ; absent au RS' }),
    certifiers: z.array(
      z.object({ siret: z.string().optional(), name: z.string(), state: z.string().optional() }),
    ),
    partners: z.array(
      z.object({
        name: z.string(),
        siret: z.string(),
        habilitation: z.enum(PARTNER_HABILITATIONS),
        state: z.string().optional(),
        activeSince: z.string().optional(),
      }),
    ),
    juries: z.record(
      z.enum(JURY_ROUTES),
      z.object({ active: z.boolean(), composition: z.string().optional() }),
    ),
    blocs: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        competencies: z.string().optional(),
        assessment: z.string().optional(),
      }),
    ),
    rome: z.array(codeLabel),
    nsf: z.array(codeLabel),
    formacode: z.array(codeLabel),
    idcc: z.array(codeLabel),
    ccn: z.array(z.object({ numero: z.string(), label: z.string() })),
    successors: z.array(z.string()),
    predecessors: z.array(z.string()),
    correspondences: z.array(
      z.object({
        sourceBlocs: z.array(z.string()),
        destinationFiche: z.string(),
        destinationBlocs: z.array(z.string()),
      }),
    ),
    statistics: z.array(
      z.object({
        year: z.number().int(),
        certified: z.number().int(),
        certifiedVae: z.number().int().optional(),
        insertion6Months: z.number().optional(),
        insertionJob2Years: z.number().optional(),
      }),
    ),
    texts: z.object({
      activities: z.string().optional(),
      capacities: z.string().optional(),
      sectors: z.string().optional(),
      jobTypes: z.string().optional(),
      objectives: z.string().optional(),
    }),
  })
  .meta({ id: 'RegistryFiche', description: 'Fiche RNCP ou RS telle que publiée par France compétences' });

export const registryFicheAnswer = z.object({
  fiche: registryFicheSchema,
  present: z.boolean().meta({
    description: 'false : la fiche ne figure plus dans le dernier export complet de son répertoire',
  }),
  hash: z.string(),
  updatedAt: z.string(),
});

export const ficheSummarySchema = z
  .object({
    numero: z.string(),
    registry: z.enum(['RNCP', 'RS']),
    title: z.string(),
    abbreviation: z.string().nullable(),
    state: z.string().nullable(),
    active: z.boolean(),
    level: z.number().int().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
  })
  .meta({ id: 'RegistryFicheSummary' });

export const registryStatusSchema = z
  .object({
    registries: z.array(
      z.object({
        registry: z.enum(['RNCP', 'RS']),
        importedAt: z.string().nullable().meta({
          description: 'fin du dernier import réussi contenant ce répertoire ; null : jamais importé',
        }),
        fiches: z.number().int().meta({ description: 'fiches présentes dans les exports importés' }),
        activeFiches: z.number().int().meta({ description: 'dont actives' }),
      }),
    ),
  })
  .meta({ id: 'RegistryStatus', description: 'Ce que Qualif a importé de chaque répertoire, et quand' });

export const importRunSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    fileType: z.enum(['xml', 'xml-zip', 'csv-zip']).nullable(),
    kind: z.enum(['RNCP', 'RS', 'MIXED']).nullable(),
    version: z.string().nullable(),
    status: z.enum(['running', 'succeeded', 'failed']),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    bytesTotal: z.number().int(),
    bytesRead: z.number().int(),
    fichesRead: z.number().int(),
    counts: z.object({
      new: z.number().int().meta({ description: 'fiches absentes jusqu’ici' }),
      changed: z.number().int().meta({ description: 'fiches dont le contenu a changé (ou revenues)' }),
      unchanged: z.number().int(),
      removed: z.number().int().meta({
        description: 'fiches du même répertoire absentes de ce fichier : conservées, marquées absentes',
      }),
      rejected: z.number().int().meta({ description: 'doublons d’une même fiche dans le fichier, ignorés' }),
      alerts: z.number().int().meta({ description: 'alertes ouvertes par la comparaison avec le catalogue' }),
    }),
    error: z
      .object({
        message: z.string(),
        line: z.number().int().optional(),
        column: z.number().int().optional(),
        fiche: z.string().optional(),
        element: z.string().optional(),
        file: z.string().optional(),
      })
      .nullable(),
    actor: z.string(),
  })
  .meta({ id: 'RegistryImportRun' });

export const alertSchema = z
  .object({
    id: z.uuid(),
    certification: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
    numero: z.string(),
    kind: z.enum(ALERT_KINDS).meta({
      description:
        'registration_ended : fiche inactive ou échue alors que le catalogue la dit en vigueur ; registration_differs : dates ou niveau différents, ou inscription absente du catalogue ; title_differs ; successor : une fiche la remplace ; fiche_missing : fiche absente du dernier export',
    }),
    details: z.record(z.string(), z.unknown()),
    status: z.enum(['open', 'applied', 'dismissed']),
    resolution: z.string().nullable().meta({
      description:
        'applied, dismissed (classée par une personne), superseded (remplacée par une alerte plus récente), resolved (l’écart a disparu), unlinked (lien retiré)',
    }),
    reason: z.string().nullable().meta({ description: 'motif donné en classant' }),
    createdRunId: z.uuid().nullable(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.uuid().nullable(),
    can: z.object({ apply: z.boolean(), dismiss: z.boolean() }).meta({
      description:
        'Ce que la personne connectée peut faire de cette alerte : appliquer le registre (seulement quand cela peut réussir), classer',
    }),
    applyRefusal: z.string().nullable().meta({
      description:
        'Pour une alerte ouverte que la personne peut traiter : pourquoi « Appliquer le registre » échouerait',
    }),
  })
  .meta({ id: 'RegistryAlert' });

export const linkSchema = z.object({
  numero: z.string(),
  createdAt: z.string(),
  fiche: ficheSummarySchema
    .omit({ abbreviation: true, state: true })
    .extend({ present: z.boolean() })
    .nullable(),
});
