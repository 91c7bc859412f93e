import { z } from 'zod';
import { CERTIFICATION_KINDS } from '../../contracts/catalogue.js';
import { AWARD_STATUSES } from '../../contracts/juries.js';
import { VERIFICATION_CHECKS } from '../../contracts/verification.js';
import { isoDate } from '../catalogue/schemas.js';

/** `GET /api/v1/verifications/{code}`: the code as printed, typed or read from the QR code. */
export const verificationCodeParam = z.object({
  code: z.string().max(64).meta({ description: 'Le code de vérification, ex. Q7K2-M9XD-4TPA' }),
});

/**
 * The answer of a verification (issue 14, fixed field names): `valid` only when every check
 * holds and the award is valid; the holder's name, the certification, its blocs and the award
 * date only when the credential is authentic (its signature verifies) and names an award of
 * Qualif — nothing else of the person.
 */
export const verificationAnswer = z
  .object({
    valid: z.boolean(),
    status: z.enum(AWARD_STATUSES).nullable().meta({
      description: 'Statut de l’attestation ; null : le document ne désigne aucune attestation de Qualif',
    }),
    checks: z.array(
      z.object({
        check: z.enum(VERIFICATION_CHECKS),
        ok: z.boolean(),
        detail: z.string().meta({ description: 'Ce qui a été constaté, en français' }),
      }),
    ),
    holder: z.object({ name: z.string() }).optional(),
    certification: z
      .object({ code: z.string(), title: z.string(), kind: z.enum(CERTIFICATION_KINDS) })
      .optional(),
    blocs: z.array(z.object({ code: z.string(), title: z.string() })).optional(),
    awardedOn: isoDate.optional(),
  })
  .meta({ id: 'Verification' });

export type VerificationAnswer = z.infer<typeof verificationAnswer>;
