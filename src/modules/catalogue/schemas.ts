import { z } from 'zod';
import { CERTIFICATION_KINDS } from './domain/certification.js';
import { isIsoDate, RECOGNITION_EVENT_TYPES } from './domain/recognition.js';

export const isoDate = z.string().refine(isIsoDate, 'Date attendue au format AAAA-MM-JJ.');

export const certificationBody = z.object({
  kind: z.enum(CERTIFICATION_KINDS),
  code: z.string().trim().min(2).max(40),
  title: z.string().trim().min(3).max(300),
  branchIds: z.array(z.uuid()).max(20),
  legalOwner: z.object({ name: z.string().trim().min(2).max(300), siret: z.string().trim().max(20) }),
  romeCodes: z.array(z.string().trim().max(10)).max(50).default([]),
  nsfCodes: z.array(z.string().trim().max(10)).max(50).default([]),
  formacodeCodes: z.array(z.string().trim().max(10)).max(50).default([]),
  description: z.string().max(10_000).default(''),
  jobsTargeted: z.string().max(5_000).default(''),
});

export const recognitionSchema = z
  .object({
    status: z.enum(['none', 'branch_only', 'rncp', 'rs']),
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
