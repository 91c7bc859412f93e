import { z } from 'zod';
import { JURY_MEMBER_ROLES } from '../../contracts/juries.js';

/** The wire contract of a session's minutes and their signatures (routes in jury-minutes.routes.ts). */
const sha256 = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'Empreinte SHA-256 invalide (64 caractères hexadécimaux).');

export const minutesCreatedSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int().min(1),
    sha256: z.string().meta({ description: 'L’empreinte SHA-256 du PDF, que les membres signent' }),
    generatedAt: z.string(),
  })
  .meta({ id: 'JuryMinutesCreated' });

export const signatureBody = z
  .object({
    sha256: sha256.optional().meta({
      description:
        'L’empreinte du procès-verbal lu : une autre que celle du procès-verbal en vigueur est refusée (409)',
    }),
  })
  .default({});

export const signatureSchema = z
  .object({
    minutesVersion: z.number().int().min(1),
    sha256: z.string(),
    signedAt: z.string(),
    sealed: z
      .boolean()
      .meta({ description: 'Vrai quand cette signature était la dernière requise : le PDF est scellé' }),
    missingSigners: z
      .array(z.uuid())
      .meta({ description: 'Les signataires requis qui n’ont pas encore signé' }),
  })
  .meta({ id: 'JuryMinutesSignature' });

/** What the session's answer (`GET /api/v1/juries/{id}`) says of its current minutes. */
export const minutesSummarySchema = z
  .object({
    version: z.number().int().min(1),
    sha256: z.string(),
    generatedAt: z.string(),
    sealed: z.boolean(),
    sealedAt: z.string().nullable(),
    sealedSha256: z.string().nullable().meta({ description: 'L’empreinte du PDF scellé' }),
    signatures: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string().nullable(),
        role: z.enum(JURY_MEMBER_ROLES),
        signedAt: z.string(),
      }),
    ),
    missingSigners: z
      .array(z.object({ userId: z.uuid(), name: z.string().nullable() }))
      .meta({ description: 'Ceux que les règles de la branche appellent à signer et qui ne l’ont pas fait' }),
  })
  .meta({ id: 'JuryMinutesSummary' });
