import { z } from 'zod';
import {
  COLLEGES,
  DECISION_AUTHORS,
  JURY_MEMBER_ROLES,
  JURY_OUTCOMES,
  JURY_STATUSES,
  PRESENCES,
} from '../../contracts/juries.js';
import { capabilitiesSchema, pageQuery } from '../../platform/http/schemas.js';
import { isoDate } from '../catalogue/schemas.js';
import { minutesSummarySchema } from './jury-minutes.schemas.js';
import { juryRulesSchema } from './jury-rules.schemas.js';

/** The wire contract of jury sessions, attendance and decisions (routes in juries.routes.ts). */
const text = (max: number) => z.string().trim().min(1).max(max);

export const juryBody = z
  .object({
    certificationIds: z.array(z.uuid()).min(1).max(20),
    date: isoDate,
    startsAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure invalide (HH:MM).')
      .optional()
      .meta({
        description: 'L’heure de début (Europe/Paris) ; sans elle, la convocation porte sur la journée',
      }),
    place: text(300).optional(),
    remote: z.boolean().optional(),
    members: z
      .array(z.object({ userId: z.uuid(), role: z.enum(JURY_MEMBER_ROLES) }))
      .min(1)
      .max(50),
    candidacyIds: z.array(z.uuid()).max(2000),
  })
  .meta({ id: 'JuryRequest' });
export type JuryBody = z.infer<typeof juryBody>;

export const juryCreatedSchema = z.object({ id: z.uuid() }).meta({ id: 'JuryCreated' });

export const juryListQuery = pageQuery.extend({
  status: z.enum(JURY_STATUSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type JuryListQuery = z.infer<typeof juryListQuery>;

const certificationSummary = z.object({ id: z.uuid(), code: z.string(), title: z.string() });

export const quorumSchema = z
  .object({
    reached: z.boolean(),
    counted: z.number().int(),
    required: z.number().int(),
    detail: z.string().nullable().meta({ description: 'Ce qui manque, en français (null : atteint)' }),
  })
  .meta({ id: 'JuryQuorum' });

const jurySummary = {
  id: z.uuid(),
  status: z.enum(JURY_STATUSES),
  date: z.string(),
  startsAt: z.string().nullable(),
  place: z.string().nullable(),
  remote: z.boolean(),
  conveningBranch: z.object({ id: z.uuid(), name: z.string() }),
  certifications: z.array(certificationSummary),
};

export const juryListSchema = z
  .object({
    items: z.array(
      z
        .object({
          ...jurySummary,
          memberCount: z.number().int(),
          candidacyCount: z.number().int(),
          myRole: z
            .enum(JURY_MEMBER_ROLES)
            .nullable()
            .meta({ description: 'Le rôle de la personne connectée' }),
        })
        .meta({ id: 'JurySummary' }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'JuryList' });

const votes = z.object({
  for: z.number().int().min(0).max(1000),
  against: z.number().int().min(0).max(1000),
  abstain: z.number().int().min(0).max(1000),
});

export const decisionSchema = z
  .object({
    id: z.uuid(),
    candidacyId: z.uuid(),
    blocs: z.array(z.object({ code: z.string(), validated: z.boolean().nullable(), carried: z.boolean() })),
    outcome: z.enum(JURY_OUTCOMES),
    reasons: z.string().nullable(),
    recommendations: z.string().nullable(),
    votes: votes.nullable(),
    deliberatingMembers: z.array(z.uuid()),
    excludedMembers: z.array(z.uuid()),
    replacesId: z.uuid().nullable(),
    correctionReason: z.string().nullable(),
    postedBy: z.object({ id: z.uuid(), name: z.string().nullable() }),
    postedAs: z.enum(DECISION_AUTHORS),
    postedAt: z.string(),
  })
  .meta({ id: 'JuryDecision' });

const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string().nullable(),
  role: z.enum(JURY_MEMBER_ROLES),
  college: z.enum(COLLEGES),
  organisation: z.string().nullable().meta({ description: 'La fédération ou le syndicat qui l’a désigné·e' }),
  presence: z.enum(PRESENCES).nullable(),
  convenedAt: z.string().nullable(),
});

const proposalSchema = z.object({
  assessmentId: z.uuid(),
  evaluator: z.object({ id: z.uuid(), name: z.string().nullable() }),
  proposal: z.enum(['acquired', 'not_acquired']),
  signedAt: z.string(),
});

const juryCandidacySchema = z.object({
  id: z.uuid(),
  candidate: z.object({
    birthName: z.string(),
    usageName: z.string().nullable(),
    firstNames: z.array(z.string()),
  }),
  certificationId: z.uuid(),
  frameworkVersion: z.number().int(),
  status: z.string(),
  blocs: z
    .array(
      z.object({
        code: z.string(),
        title: z.string(),
        carried: z.boolean(),
        proposals: z
          .array(proposalSchema)
          .meta({ description: 'Les propositions signées des évaluateurs (elles peuvent différer)' }),
      }),
    )
    .meta({ description: 'Les blocs visés dans la version de référentiel du parcours' }),
  excluded: z
    .array(z.object({ userId: z.uuid(), name: z.string().nullable() }))
    .meta({ description: 'Membres liés au candidat : ils ne délibèrent pas sur ce parcours' }),
  decision: decisionSchema.nullable().meta({ description: 'La décision en vigueur' }),
  history: z
    .array(decisionSchema)
    .meta({ description: 'Toutes les décisions, de la première à celle en vigueur' }),
});

export const jurySchema = z
  .object({
    ...jurySummary,
    rules: z.object({
      id: z.uuid(),
      effectiveFrom: z.string(),
      // The rules applied (votes required, majority, quorum…).
      content: juryRulesSchema,
    }),
    members: z.array(memberSchema),
    attendance: z.object({ quorum: quorumSchema }),
    candidacies: z.array(juryCandidacySchema),
    minutes: minutesSummarySchema
      .nullable()
      .meta({ description: 'Le procès-verbal en vigueur, ses signatures et ceux qui doivent encore signer' }),
    can: capabilitiesSchema('jury'),
  })
  .meta({ id: 'Jury' });

export const attendanceBody = z
  .object({
    members: z
      .array(z.object({ userId: z.uuid(), presence: z.enum(PRESENCES) }))
      .min(1)
      .max(50),
  })
  .meta({ id: 'JuryAttendanceRequest' });
export type AttendanceBody = z.infer<typeof attendanceBody>;

export const attendanceSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(JURY_STATUSES),
    members: z.array(memberSchema),
    quorum: quorumSchema,
  })
  .meta({ id: 'JuryAttendance' });

export const decisionBody = z
  .object({
    candidacyId: z.uuid(),
    blocs: z
      .array(
        z.object({
          code: z.string().max(30),
          validated: z.boolean().nullable().optional().meta({ description: 'Absent ou null : non décidé' }),
        }),
      )
      .max(50),
    outcome: z.enum(JURY_OUTCOMES),
    reasons: text(5000).optional(),
    recommendations: text(5000).optional(),
    votes: votes.optional(),
    replaces: z
      .uuid()
      .optional()
      .meta({ description: 'La décision que celle-ci corrige (présidence seulement)' }),
    correctionReason: text(2000).optional(),
  })
  .meta({ id: 'JuryDecisionRequest' });
export type DecisionBody = z.infer<typeof decisionBody>;
