import { z } from 'zod';
import { COLLEGES } from '../../contracts/juries.js';
import { capabilitiesSchema } from '../../platform/http/schemas.js';
import { CERTIFICATION_KINDS } from './domain/certification.js';
import { frameworkSchema } from './domain/framework.js';
import { ACTIVATION_REQUIREMENTS, CERTIFICATION_STATUSES } from './domain/lifecycle.js';
import { isIsoDate, RECOGNITION_EVENT_TYPES, RECOGNITION_STATUSES } from './domain/recognition.js';
import { ORGANISATION_HABILITATIONS, PERSON_HABILITATIONS } from './habilitations.service.js';
import { ORGANISATION_KINDS } from './organisations.service.js';
import { canonicalCode } from './reference.js';

export const isoDate = z.string().refine(isIsoDate, 'Date invalide (AAAA-MM-JJ).');

export const certificationBody = z.object({
  kind: z.enum(CERTIFICATION_KINDS),
  code: z.string().trim().min(2).max(40),
  title: z.string().trim().min(3).max(300),
  branchIds: z.array(z.uuid()).max(20),
  legalOwner: z.object({ name: z.string().trim().min(2).max(300), siret: z.string().trim().max(20) }),
  romeCodes: z.array(z.string().trim().max(10).overwrite(canonicalCode.rome)).max(50).default([]),
  nsfCodes: z.array(z.string().trim().max(10).overwrite(canonicalCode.nsf)).max(50).default([]),
  formacodeCodes: z.array(z.string().trim().max(10).overwrite(canonicalCode.formacode)).max(50).default([]),
  description: z.string().max(10_000).default(''),
  jobsTargeted: z.string().max(5_000).default(''),
});

export const recognitionSchema = z
  .object({
    status: z.enum(RECOGNITION_STATUSES),
    registry: z.enum(['RNCP', 'RS']).optional(),
    number: z.string().optional(),
    level: z.number().int().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .meta({ id: 'Recognition' });

export const recognitionEventBody = z.object({
  type: z.enum(RECOGNITION_EVENT_TYPES),
  date: isoDate,
  number: z.string().trim().max(20).optional(),
  level: z.number().int().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  reference: z.string().trim().max(200).optional(),
  successorId: z.uuid().optional(),
});

/*
 * Response shapes. Every route answers one of these (camelCase, never a database row); those
 * named with `.meta({ id })` are components of /openapi.json, from which the web app's types
 * are generated (web/src/api/schema.d.ts).
 */

const instant = z.string().meta({ description: 'Instant ISO 8601 (UTC)' });
const calendarDate = z.string().meta({ description: 'Date AAAA-MM-JJ' });

export const branchRefSchema = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'BranchRef' });

export const branchSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    idcc: z.array(z.string()),
    opco: z.string().nullable(),
    can: capabilitiesSchema('branch').optional(),
  })
  .meta({ id: 'Branch' });

export const branchDetailSchema = branchSchema
  .extend({
    conventions: z.array(z.object({ idcc: z.string(), label: z.string() })),
    cpneMembers: z.array(
      z.object({
        college: z.enum(['employers', 'employees']),
        personName: z.string(),
        organisationName: z.string(),
      }),
    ),
  })
  .meta({ id: 'BranchDetail' });

export const organisationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ORGANISATION_KINDS),
    name: z.string(),
    siret: z.string().nullable(),
    ndaNumber: z.string().nullable(),
    qualiopiIssuedOn: calendarDate.nullable(),
    qualiopiExpiresOn: calendarDate.nullable(),
    idcc: z.string().nullable(),
  })
  .meta({ id: 'Organisation' });

/** A page of a list: `items`, with the total count and the page asked for. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const certificationStatus = z.enum(CERTIFICATION_STATUSES).meta({
  id: 'CertificationStatus',
  description:
    'Cycle de vie : brouillon (visible de ses branches seulement), au catalogue (public), retirée du catalogue (publique, plus de nouvelle candidature)',
});

const facetCount = <V extends z.ZodType>(value: V) => z.object({ value, count: z.number().int() });

export const searchResultSchema = pageOf(
  z
    .object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      kind: z.enum(CERTIFICATION_KINDS),
      status: certificationStatus,
      branches: z.array(branchRefSchema),
      recognition: recognitionSchema.pick({ status: true, level: true, number: true }),
    })
    .meta({ id: 'SearchItem' }),
)
  .extend({
    facets: z.object({
      kind: z.array(facetCount(z.string())),
      level: z.array(facetCount(z.number().int())),
      recognition: z.array(facetCount(z.string())),
      branch: z.array(facetCount(z.string()).extend({ label: z.string() })),
    }),
  })
  .meta({ id: 'SearchResult' });

export const frameworkContentSchema = frameworkSchema.meta({
  id: 'Framework',
  description: 'Les trois référentiels (activités, compétences, évaluation) en un document',
});

export const recognitionEventSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(RECOGNITION_EVENT_TYPES),
    date: calendarDate,
    number: z.string().optional(),
    level: z.number().int().optional(),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    reference: z.string().nullable(),
    successorId: z.uuid().nullable(),
  })
  .meta({ id: 'RecognitionEvent' });

export const certificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(CERTIFICATION_KINDS),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    jobsTargeted: z.string(),
    branches: z.array(branchRefSchema),
    legalOwner: z.object({ name: z.string(), siret: z.string() }),
    romeCodes: z.array(z.string()),
    nsfCodes: z.array(z.string()),
    formacodeCodes: z.array(z.string()),
    status: certificationStatus,
    /**
     * A draft, to those who may activate it: what activation still needs today (empty: it may
     * be activated).
     */
    activation: z
      .object({
        missing: z.array(z.object({ requirement: z.enum(ACTIVATION_REQUIREMENTS), detail: z.string() })),
      })
      .optional()
      .meta({
        description:
          'Pour un brouillon, à qui peut l’activer : ce qui manque encore aujourd’hui (vide : activable)',
      }),
    recognition: recognitionSchema,
    timeline: z.array(
      z
        .object({ from: calendarDate, to: calendarDate.nullable(), recognition: recognitionSchema })
        .meta({ id: 'RecognitionPeriod' }),
    ),
    events: z.array(recognitionEventSchema),
    framework: z
      .object({ number: z.number().int(), publishedAt: instant, content: frameworkContentSchema })
      .nullable(),
    trainingOrganisations: z.array(
      z
        .object({ id: z.uuid(), name: z.string(), habilitation: z.string(), validTo: calendarDate })
        .meta({ id: 'TrainingOrganisation' }),
    ),
    /** Branches invited to co-own it that have not answered: shown to those who may change it. */
    invitedBranches: z.array(branchRefSchema).optional(),
    can: capabilitiesSchema('certification').optional(),
  })
  .meta({ id: 'Certification', description: 'Fiche publique d’une certification' });

export const versionSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    status: z.enum(['draft', 'published']),
    basedOnId: z.uuid().nullable(),
    createdAt: instant,
    updatedAt: instant,
    publishedAt: instant.nullable(),
  })
  .meta({ id: 'FrameworkVersionSummary' });

export const versionSchema = versionSummarySchema
  .extend({ certificationId: z.uuid(), content: frameworkContentSchema })
  .meta({ id: 'FrameworkVersion' });

export const frameworkChangeSchema = z
  .object({
    kind: z.enum(['added', 'removed', 'changed']),
    where: z.string().meta({ description: 'Emplacement lisible, par codes : bloc BC01 › compétence C1.2' }),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .meta({ id: 'FrameworkChange' });

const habilitationKind = z.enum([...ORGANISATION_HABILITATIONS, ...PERSON_HABILITATIONS]);

export const habilitationSchema = z
  .object({
    id: z.uuid(),
    kind: habilitationKind,
    validFrom: calendarDate,
    validTo: calendarDate,
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    userId: z.uuid().nullable(),
    personName: z.string().nullable(),
    college: z.enum(COLLEGES).nullable().meta({ description: 'Membre de jury : son collège' }),
    designatedBy: z
      .string()
      .nullable()
      .meta({ description: 'Membre de jury : la fédération ou le syndicat qui l’a désigné·e' }),
  })
  .meta({ id: 'Habilitation' });

export const habilitatedSchema = z
  .object({
    organisations: z.array(
      z.object({
        habilitationId: z.uuid(),
        kind: z.enum(ORGANISATION_HABILITATIONS),
        validFrom: calendarDate,
        validTo: calendarDate,
        id: z.uuid(),
        name: z.string(),
        siret: z.string().nullable(),
        qualiopiExpiresOn: calendarDate.nullable(),
      }),
    ),
    persons: z
      .array(
        z.object({
          habilitationId: z.uuid(),
          kind: z.enum(PERSON_HABILITATIONS),
          validFrom: calendarDate,
          validTo: calendarDate,
          userId: z.uuid(),
          name: z.string(),
          college: z.enum(COLLEGES).nullable(),
          designatedBy: z.string().nullable(),
        }),
      )
      .optional()
      .meta({
        description:
          'Personnes habilitées (noms) : pour le personnel des branches de la certification seulement ; absent quand il n’y en a pas ou qu’on ne peut pas les voir',
      }),
  })
  .meta({ id: 'Habilitated' });
