import { z } from 'zod';
import { AWARD_KINDS, AWARD_STATUSES } from '../../contracts/juries.js';
import { capabilitiesSchema, pageQuery } from '../../platform/http/schemas.js';
import { isoDate, pageOf } from '../catalogue/schemas.js';

/** The awards a session's close created (`POST /api/v1/juries/{id}/close`: fixed by issue 13). */
export const closeAnswer = z
  .object({
    awards: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        candidacyId: z.uuid(),
        kind: z.enum(AWARD_KINDS),
      }),
    ),
  })
  .meta({ id: 'JuryCloseAnswer' });

export const awardBlocSchema = z.object({
  code: z.string(),
  validUntil: isoDate.nullable().meta({ description: 'Fin de validité du bloc (null : sans limite)' }),
});

export const awardSchema = z
  .object({
    id: z.uuid(),
    number: z
      .string()
      .meta({ description: 'Numéro unique : <code de la certification>-<année>-<6 chiffres>' }),
    certification: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
    year: z.number().int(),
    kind: z.enum(AWARD_KINDS),
    awardedOn: isoDate,
    blocs: z.array(awardBlocSchema),
    candidacyId: z.uuid(),
    candidateId: z.uuid(),
    candidate: z
      .object({ birthName: z.string(), usageName: z.string().nullable(), firstNames: z.array(z.string()) })
      .optional()
      .meta({
        description:
          'Le nom du ou de la titulaire (nom de naissance, nom d’usage, prénoms) : seulement pour qui peut lire son parcours, comme la liste des candidatures',
      }),
    juryId: z.uuid(),
    decisionId: z.uuid(),
    revocation: z.object({ at: z.string(), byId: z.uuid().nullable(), reason: z.string() }).nullable().meta({
      description: 'Retrait (fraude, erreur), avec sa raison ; l’attestation reste dans l’historique',
    }),
    successorId: z
      .uuid()
      .nullable()
      .meta({ description: 'L’attestation qui la remplace après une correction' }),
    predecessorId: z.uuid().nullable().meta({ description: 'L’attestation retirée qu’elle remplace' }),
    verificationCode: z.string().meta({
      description:
        'Code de vérification (XXXX-XXXX-XXXX), imprimé sur le certificat, saisi sur la page publique',
    }),
    status: z
      .enum(AWARD_STATUSES)
      .meta({ description: 'valid ; revoked (retrait, définitif) ; suspended (suspension, réversible)' }),
    suspension: z
      .object({ at: z.string(), byId: z.uuid().nullable(), reason: z.string() })
      .nullable()
      .meta({ description: 'Suspension en cours, avec sa raison' }),
    createdAt: z.string(),
    can: capabilitiesSchema('award'),
  })
  .meta({ id: 'Award' });

export const awardListQuery = pageQuery.extend({
  certificationId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(9999).optional(),
  status: z
    .enum(AWARD_STATUSES)
    .optional()
    .meta({ description: 'valid, revoked (retirées) ou suspended (suspendues)' }),
});
export type AwardListQuery = z.infer<typeof awardListQuery>;

export const awardPage = pageOf(awardSchema).meta({ id: 'AwardPage' });

export const revokeBody = z.object({
  reason: z.string().trim().min(3).max(2000).meta({ description: 'La raison du retrait (fraude, erreur…)' }),
});
export type RevokeBody = z.infer<typeof revokeBody>;

/** `reason` is checked by the service (422 naming it when missing). */
export const suspendBody = z.object({
  reason: z.string().max(2000).optional().meta({ description: 'La raison de la suspension (obligatoire)' }),
});
export type SuspendBody = z.infer<typeof suspendBody>;
