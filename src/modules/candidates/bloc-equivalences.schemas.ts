import { z } from 'zod';

/** Equivalences between blocs of two certifications declared by a branch (issue 13, point 5). */
export const blocEquivalenceBody = z.object({
  fromCertificationId: z.uuid().meta({ description: 'La certification dont le bloc est validé' }),
  fromBlocCode: z.string().trim().min(1).max(50),
  toBlocCode: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .meta({ description: 'Le bloc de cette certification-ci qu’il vaut' }),
  note: z.string().trim().max(2000).optional().meta({ description: 'Accord ou décision qui la fonde' }),
});
export type BlocEquivalenceBody = z.infer<typeof blocEquivalenceBody>;

const certificationRef = z.object({ id: z.uuid(), code: z.string(), title: z.string() });

export const blocEquivalenceSchema = z
  .object({
    id: z.uuid(),
    from: certificationRef.extend({ blocCode: z.string() }),
    to: certificationRef.extend({ blocCode: z.string() }),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'BlocEquivalence' });

export const blocEquivalenceList = z.object({
  items: z.array(blocEquivalenceSchema).meta({
    description:
      'Les équivalences où cette certification reçoit un bloc validé ailleurs, ou en donne un à une autre',
  }),
  can: z.object({ declare: z.boolean() }),
});
