import { z } from 'zod';
import {
  CANDIDACY_EVENTS,
  CANDIDACY_INITIATIVES,
  CANDIDACY_STATUSES,
  MANUAL_CANDIDACY_EVENTS,
  SELF_FUNDED_ROUTE,
  SEXES,
} from '../../contracts/candidacies.js';
import { AWARD_KINDS, JURY_OUTCOMES } from '../../contracts/juries.js';
import { pageQuery } from '../../platform/http/schemas.js';
import { isoDate, pageOf, recognitionSchema } from '../catalogue/schemas.js';
import { FUNDER_IDS, ROUTE_IDS } from '../eligibility/domain/model.js';
import { routeResultSchema, candidateSchema as situationFacts } from '../eligibility/schemas.js';

/** The access routes of a candidacy: the eligibility API's, and a candidate paying alone. */
export const CANDIDACY_ROUTES = [...ROUTE_IDS, SELF_FUNDED_ROUTE] as const;
export type CandidacyRoute = (typeof CANDIDACY_ROUTES)[number];

const name = (max: number) => z.string().trim().min(1).max(max);

export const partialBirthDateSchema = z
  .object({
    year: z.number().int(),
    month: z.number().int().optional().meta({ description: 'Absent s’il est inconnu' }),
    day: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Absent s’il est inconnu (le mois doit être connu)' }),
  })
  .meta({ id: 'PartialBirthDate' });

export const birthPlaceSchema = z
  .union([
    z.strictObject({
      communeInsee: z
        .string()
        .trim()
        .max(5)
        .meta({ description: 'Code commune INSEE (arrondissement à Paris, Lyon, Marseille)' }),
    }),
    z.strictObject({
      countryInsee: z.string().trim().max(5).meta({ description: 'Code pays INSEE, 99xxx' }),
    }),
  ])
  .meta({ id: 'BirthPlace' });

export const addressSchema = z
  .object({
    street: name(300),
    complement: z.string().trim().max(300).optional(),
    postalCode: z.string().trim().max(10),
    city: name(200),
    country: z.string().trim().max(100).optional(),
  })
  .meta({ id: 'PostalAddress' });

/** A new candidate's identity, as the CDC will match it, and how to reach them. */
export const candidateInput = z
  .object({
    birthName: name(100),
    usageName: name(100).optional(),
    firstNames: z.array(name(100)).min(1, 'Au moins un prénom.').max(3, 'Trois prénoms au plus.'),
    sex: z.enum(SEXES),
    birthDate: partialBirthDateSchema,
    birthPlace: birthPlaceSchema,
    email: z.email('Adresse e-mail invalide.').max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .()-]{6,25}$/, 'Numéro de téléphone invalide.')
      .optional(),
    address: addressSchema.optional(),
    nir: z
      .string()
      .trim()
      .max(25)
      .optional()
      .meta({ description: 'Numéro de sécurité sociale (15 caractères, clé comprise)' }),
  })
  .meta({ id: 'NewCandidate' });
export type CandidateInput = z.infer<typeof candidateInput>;

/** The candidate's situation, as the eligibility API reads it; the age comes from the birth date. */
export const situationSchema = situationFacts.omit({ age: true }).meta({ id: 'CandidacySituation' });
export type Situation = z.infer<typeof situationSchema>;

export const enrolmentBody = z
  .object({
    candidate: candidateInput.optional(),
    candidateId: z.uuid().optional().meta({ description: 'Un candidat déjà enregistré' }),
    confirmHomonym: z
      .boolean()
      .optional()
      .meta({ description: 'Une personne différente des doublons possibles signalés (homonyme)' }),
    certificationId: z.uuid(),
    route: z.enum(CANDIDACY_ROUTES),
    situation: situationSchema.optional(),
    blocCodes: z
      .array(z.string().trim().min(1).max(20))
      .max(50)
      .optional()
      .meta({ description: 'Les blocs visés ; absent ou vide : la certification entière' }),
    trainingOrganisationId: z.uuid(),
    employerId: z.uuid().optional(),
    funders: z.array(z.enum(FUNDER_IDS)).max(10).optional(),
    enrolledOn: isoDate,
    initiative: z.enum(CANDIDACY_INITIATIVES),
  })
  .superRefine((body, ctx) => {
    if ((body.candidate === undefined) === (body.candidateId === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['candidate'],
        message:
          body.candidate === undefined
            ? 'Indiquez le candidat : candidate (nouvelle personne) ou candidateId (déjà enregistrée).'
            : 'Indiquez soit candidate, soit candidateId, pas les deux.',
      });
  })
  .meta({ id: 'EnrolmentRequest' });
export type EnrolmentBody = z.infer<typeof enrolmentBody>;

const missingSchema = z.object({ field: z.string(), label: z.string() });

/** The eligibility check made at enrolment, kept with the candidacy. */
export const storedEligibilitySchema = z
  .object({
    checkedOn: z.string().meta({ description: 'La date d’entrée, date à laquelle la voie a été vérifiée' }),
    route: z.enum(CANDIDACY_ROUTES),
    status: z.enum(['open', 'incomplete']).meta({
      description:
        'open : la voie est ouverte ; incomplete : une information manque (missing : « à compléter »)',
    }),
    missing: z.array(missingSchema),
    recognition: recognitionSchema,
    result: routeResultSchema.nullable().meta({
      description: 'La réponse du service d’éligibilité pour la voie (null : financement personnel)',
    }),
  })
  .meta({ id: 'CandidacyEligibility' });
export type StoredEligibility = z.infer<typeof storedEligibilitySchema>;

const warningSchema = z.object({ field: z.string(), detail: z.string() });

export const enrolmentResponse = z.object({
  id: z.uuid(),
  status: z.enum(CANDIDACY_STATUSES),
  candidateId: z.uuid(),
  eligibility: storedEligibilitySchema,
  warnings: z
    .array(warningSchema)
    .meta({ description: 'Ce qui est accepté mais à vérifier (commune absente de la liste…)' }),
  account: z.enum(['invited', 'existing', 'none', 'invitation_failed']).meta({
    description:
      'Le compte du candidat : invité à le créer, compte existant relié, aucun (pas d’adresse ou candidat déjà enregistré), invitation impossible',
  }),
});

const orgRef = z.object({ id: z.uuid(), name: z.string() });

export const candidacySummarySchema = z
  .object({
    id: z.uuid(),
    candidateId: z.uuid(),
    candidate: z.object({
      birthName: z.string(),
      usageName: z.string().nullable(),
      firstNames: z.array(z.string()),
    }),
    certificationId: z.uuid(),
    certification: z.object({ code: z.string(), title: z.string() }),
    frameworkVersion: z.number().int(),
    wholeCertification: z.boolean(),
    blocCodes: z
      .array(z.string())
      .meta({ description: 'Les blocs visés (tous ceux de la version pour la certification entière)' }),
    route: z.enum(CANDIDACY_ROUTES),
    status: z.enum(CANDIDACY_STATUSES),
    heldFrom: z.enum(CANDIDACY_STATUSES).nullable(),
    eligibilityStatus: z.enum(['open', 'incomplete']),
    trainingOrganisationId: z.uuid(),
    trainingOrganisation: orgRef,
    employerId: z.uuid().nullable(),
    employer: orgRef.nullable(),
    funders: z.array(z.enum(FUNDER_IDS)),
    enrolledOn: z.string(),
    initiative: z.enum(CANDIDACY_INITIATIVES),
    transferredFromId: z.uuid().nullable(),
    transferredToId: z.uuid().nullable(),
  })
  .meta({ id: 'CandidacySummary' });

export const historyEntrySchema = z.object({
  event: z.enum([...CANDIDACY_EVENTS, 'enrol']),
  fromStatus: z.enum(CANDIDACY_STATUSES).nullable(),
  toStatus: z.enum(CANDIDACY_STATUSES),
  reason: z.string().nullable(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

/** The jury's outcome on a candidacy (jury-outcome.ts): the current decision of its last session. */
export const candidacyJuryOutcomeSchema = z
  .object({
    juryId: z.uuid(),
    date: isoDate,
    outcome: z.enum(JURY_OUTCOMES),
    blocs: z.array(z.object({ code: z.string(), validated: z.boolean().nullable(), carried: z.boolean() })),
    reasons: z.string().nullable(),
    recommendations: z.string().nullable(),
    award: z
      .object({ id: z.uuid(), number: z.string(), kind: z.enum(AWARD_KINDS), revoked: z.boolean() })
      .nullable(),
  })
  .meta({
    id: 'CandidacyJuryOutcome',
    description:
      'La décision en vigueur de la dernière session de jury : pour le ou la candidat·e une fois le procès-verbal scellé, pour la branche et l’organisme de formation dès qu’elle est enregistrée',
  });

export const candidacySchema = candidacySummarySchema
  .extend({
    situation: situationSchema.nullable(),
    eligibility: storedEligibilitySchema,
    history: z.array(historyEntrySchema),
    jury: candidacyJuryOutcomeSchema.nullable(),
    events: z.array(z.enum(MANUAL_CANDIDACY_EVENTS)).meta({
      description: 'Les changements d’étape possibles maintenant pour la personne connectée',
    }),
    can: z.object({ transition: z.boolean() }),
  })
  .meta({ id: 'Candidacy' });

export const candidacyListQuery = pageQuery.extend({
  status: z.enum(CANDIDACY_STATUSES).optional(),
  certificationId: z.uuid().optional(),
  trainingOrganisationId: z.uuid().optional(),
  employerId: z.uuid().optional(),
});
export type CandidacyListQuery = z.infer<typeof candidacyListQuery>;

export const candidacyPage = pageOf(candidacySummarySchema)
  .extend({
    // Keyed by the status values themselves (data, not property names: `ready_for_jury` is the
    // value `status` carries), every status present.
    counts: z.record(z.enum(CANDIDACY_STATUSES), z.number().int()).meta({
      id: 'CandidacyCounts',
      description: 'Le nombre de parcours à chaque étape, sur les mêmes filtres sauf l’étape (status)',
    }),
  })
  .meta({ id: 'CandidacyPage' });

export const transitionBody = z
  .object({
    event: z.enum(MANUAL_CANDIDACY_EVENTS),
    reason: z.string().trim().max(2000).optional().meta({ description: 'Obligatoire pour un abandon' }),
    trainingOrganisationId: z
      .uuid()
      .optional()
      .meta({ description: 'Transfert : l’organisme qui reprend le parcours' }),
  })
  .meta({ id: 'CandidacyTransition' });
export type TransitionBody = z.infer<typeof transitionBody>;

export const candidateSchema = z
  .object({
    id: z.uuid(),
    birthName: z.string(),
    usageName: z.string().nullable(),
    firstNames: z.array(z.string()),
    sex: z.enum(SEXES),
    birthDate: partialBirthDateSchema,
    birthPlace: birthPlaceSchema,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: addressSchema.nullable(),
    nir: z.string().nullable().meta({ description: 'Masqué : premier caractère et clé' }),
    warnings: z.array(warningSchema),
    hasAccount: z.boolean(),
    anonymisedAt: z
      .string()
      .nullable()
      .meta({ description: 'Identité effacée à la fin de la durée de conservation (docs/personal-data.md)' }),
    candidacies: z
      .array(candidacySummarySchema)
      .meta({ description: 'Ses parcours que la personne connectée peut lire' }),
    can: z
      .object({
        enrol: z.boolean(),
        invite: z.boolean(),
        merge: z.boolean(),
        updateIdentity: z.boolean(),
        export: z.boolean(),
      })
      .meta({
        description:
          'Ce que la personne connectée peut faire : inscrire, renvoyer l’invitation, fusionner un doublon, corriger l’identité (PATCH), exporter les données',
      }),
  })
  .meta({ id: 'Candidate' });

export const candidacyImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .meta({ description: 'true : vérifier le fichier sans rien inscrire' }),
});

export const candidacyImportResponse = z
  .object({
    dryRun: z.boolean(),
    created: z
      .number()
      .int()
      .meta({ description: 'Les parcours créés (à blanc : ceux que le fichier créerait)' }),
    candidacies: z.array(z.uuid()).meta({ description: 'Leurs identifiants (vide à blanc)' }),
    warnings: z
      .array(z.object({ row: z.number().int(), column: z.string(), detail: z.string() }))
      .meta({ description: 'Ce qui est accepté mais à vérifier (commune absente de la liste…)' }),
  })
  .meta({ id: 'CandidacyImportResult' });
