import type { AwardKind, AwardStatus } from '../../../src/contracts/juries';
import type { Schemas } from '../api/types';
import { COLORS } from '../ui/colors';

/** The awards (GET /api/v1/awards: scoped by the API — the holder their own, staff their branches'). */
export const AWARDS_PATH = '/api/v1/awards';
/** Every awards query starts with this key (the jury page's too): a status change refreshes them all. */
export const awardsKey = [AWARDS_PATH] as const;
export const awardPath = (id: string) => `${AWARDS_PATH}/${encodeURIComponent(id)}`;
/** The certificate (parchemin, or bloc attestation for a partial award), sealed PDF. */
export const certificatePdfPath = (id: string) => `${awardPath(id)}/certificate.pdf`;
/** The signed Open Badges 3.0 credential, as JSON. */
export const credentialPath = (id: string) => `${awardPath(id)}/credential`;

export type Award = Schemas['Award'];
export type AwardPage = Schemas['AwardPage'];

/** What the holder holds, by kind: the parchemin, or the bloc attestation. */
export const AWARD_DOCUMENT_LABELS: Readonly<Record<AwardKind, string>> = {
  full: 'Certificat',
  partial: 'Attestation de blocs',
};

/** The status said of the document (« Certificat » is masculine, « Attestation » feminine). */
export function statusLabel(status: AwardStatus, kind: AwardKind): string {
  const feminine = kind === 'partial' ? 'e' : '';
  if (status === 'revoked') return `Révoqué${feminine}`;
  if (status === 'suspended') return `Suspendu${feminine}`;
  return 'Valide';
}

/** Badge colours, readable in the light variant (Mantine's red falls below 4.5:1 on its tint). */
export const STATUS_COLORS: Readonly<Record<AwardStatus, string>> = {
  valid: COLORS.success,
  suspended: COLORS.warning,
  revoked: '#a61b1b',
};

/** Why the award is not valid (the revocation's or the suspension's reason), when it is not. */
export function statusReason(award: Pick<Award, 'revocation' | 'suspension'>): string | null {
  return award.revocation?.reason ?? award.suspension?.reason ?? null;
}

/** The public verification page of an award, as printed on the certificate (`<PUBLIC_URL>/verifier/<code>`). */
export function verificationUrl(origin: string, code: string): string {
  return `${origin}/verifier/${encodeURIComponent(code)}`;
}

/**
 * LinkedIn's « Add to profile » link for a certification: the member lands on the form of a new
 * licence or certification, filled in — name, issuing organisation, issue month and year, the
 * credential's URL (our public verification page) and id (the award number).
 */
export function linkedInAddUrl(input: {
  name: string;
  organizationName: string;
  awardedOn: string;
  certUrl: string;
  certId: string;
}): string {
  const [year, month] = input.awardedOn.split('-');
  const query = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: input.name,
    organizationName: input.organizationName,
    issueYear: String(Number(year)),
    issueMonth: String(Number(month)),
    certUrl: input.certUrl,
    certId: input.certId,
  });
  return `https://www.linkedin.com/profile/add?${query}`;
}
