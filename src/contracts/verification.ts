import type { AwardStatus } from './juries.js';

/**
 * The public verification of a certificate (issue 14, point 3): the checks it answers, their
 * names in French, and the verdict a person reads — shared by the API (schemas) and the page
 * « Vérifier un certificat ».
 */
export const VERIFICATION_CHECKS = ['signature', 'issuer', 'status', 'integrity'] as const;
export type VerificationCheck = (typeof VERIFICATION_CHECKS)[number];

export const VERIFICATION_CHECK_LABELS: Readonly<Record<VerificationCheck, string>> = {
  signature: 'Signature électronique',
  issuer: 'Émetteur',
  status: 'Statut',
  integrity: 'Intégrité du document',
};

/** What a person is told first: one word for the whole answer. */
export const VERIFICATION_VERDICTS = ['valid', 'revoked', 'suspended', 'falsified'] as const;
export type VerificationVerdict = (typeof VERIFICATION_VERDICTS)[number];

export const VERIFICATION_VERDICT_LABELS: Readonly<Record<VerificationVerdict, string>> = {
  valid: 'Certificat valide',
  revoked: 'Certificat révoqué',
  suspended: 'Certificat suspendu',
  falsified: 'Document falsifié ou non reconnu',
};

/**
 * The verdict of an answer: `falsified` when the signature, the issuer or the document's
 * integrity fails (whatever the award's status: the document cannot be trusted), else the
 * award's status; `valid` only when every check holds.
 */
export function verificationVerdict(answer: {
  valid: boolean;
  status: AwardStatus | null;
  checks: readonly { check: VerificationCheck; ok: boolean }[];
}): VerificationVerdict {
  const forged = answer.checks.some((c) => c.check !== 'status' && !c.ok);
  if (forged || answer.status === null) return 'falsified';
  if (answer.status !== 'valid') return answer.status;
  return answer.valid ? 'valid' : 'falsified';
}
