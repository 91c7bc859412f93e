import { z } from 'zod';
import { candidateInput } from './schemas.js';

const field = candidateInput.shape;

/**
 * A correction of a candidate's civil identity (PATCH /api/v1/candidates/{id}): the fields of
 * the enrolment's `NewCandidate` — the same rules, one place — each optional; the identity that
 * results is checked whole as at enrolment (birth date, commune or country, NIR coherent).
 */
export const identityPatchBody = z
  .strictObject({
    birthName: field.birthName.optional(),
    usageName: field.birthName.nullable().optional().meta({ description: 'null : l’effacer' }),
    firstNames: field.firstNames.optional(),
    sex: field.sex.optional(),
    birthDate: field.birthDate.optional(),
    birthPlace: field.birthPlace.optional(),
    email: field.email.unwrap().nullable().optional().meta({ description: 'null : l’effacer' }),
    nir: field.nir,
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: 'Indiquez au moins un champ à corriger.',
  })
  .meta({ id: 'CandidateIdentityPatch' });
export type IdentityPatch = z.infer<typeof identityPatchBody>;

/** The fields the Caisse des Dépôts matches a holder on: a change of one makes a rejected passage due again. */
export const CDC_IDENTITY_FIELDS = [
  'birthName',
  'usageName',
  'firstNames',
  'sex',
  'birthDate',
  'birthPlace',
] as const satisfies readonly (keyof IdentityPatch)[];
