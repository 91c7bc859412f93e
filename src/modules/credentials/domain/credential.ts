/**
 * The Open Badges 3.0 credential of an award (issue 14, point 2), unsigned: pure code, from the
 * award and what the catalogue says of its certification. VC Data Model 2.0 with the OB 3.0
 * context; types `VerifiableCredential` and `OpenBadgeCredential`; the achievement is the
 * certification with its blocs (a `ResultDescription` each) and their competencies (in the
 * criteria's narrative), its RNCP / RS fiche as an `alignment` when registered on the award
 * date; the subject carries the holder's name (an `IdentityObject`, unhashed: the holder asked
 * for it) and a `Result` per bloc awarded; `credentialStatus` names the award's bit in the
 * revocation list (`…/status/1`) and in the suspension list (`…/status/2`) — ADR 0007 says why two.
 */
import type { IsoDate } from '../../../contracts/dates.js';

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** The two status lists and the purpose of each (Bitstring Status List v1.0). */
export const STATUS_LISTS = [
  { list: 1, purpose: 'revocation' },
  { list: 2, purpose: 'suspension' },
] as const;
export type StatusListNumber = (typeof STATUS_LISTS)[number]['list'];
export type StatusPurpose = (typeof STATUS_LISTS)[number]['purpose'];

export type CredentialInput = {
  /** Without a trailing slash, e.g. `https://qualif.example.fr`. */
  publicUrl: string;
  issuer: { did: string; name: string };
  award: {
    id: string;
    number: string;
    kind: 'full' | 'partial';
    awardedOn: IsoDate;
    /** The instant the award was created (the credential is valid from then). */
    createdAt: string;
    verificationCode: string;
    statusListIndex: number;
    /** The blocs awarded, each with the end of its validity (null: for life). */
    blocs: readonly { code: string; validUntil: IsoDate | null }[];
  };
  certification: {
    id: string;
    code: string;
    title: string;
    kind: 'CQP' | 'CQPI';
    /** The branches that create and issue it. */
    branches: readonly { id: string; name: string }[];
    /** Its blocs in the candidacy's framework version, with their competencies. */
    blocs: readonly {
      code: string;
      title: string;
      competencies: readonly { code: string; title: string }[];
    }[];
    /** Its registration on the award date, if any. */
    registration: { registry: 'RNCP' | 'RS'; number: string; level?: number } | null;
  };
  holder: { name: string };
};

/** The URL of a registration's fiche on France compétences' site. */
export function ficheUrl(registration: { registry: 'RNCP' | 'RS'; number: string }): string {
  const digits = registration.number.replace(/^\D+/, '');
  return `https://www.francecompetences.fr/recherche/${registration.registry.toLowerCase()}/${digits}/`;
}

/** `RNCP12345` / `RS6789` whatever the stored number's form. */
export function registrationCode(registration: { registry: 'RNCP' | 'RS'; number: string }): string {
  return `${registration.registry}${registration.number.replace(/^\D+/, '')}`;
}

/** The status list credential's URL (`<PUBLIC_URL>/api/v1/credentials/status/<n>`). */
export function statusListUrl(publicUrl: string, list: StatusListNumber): string {
  return `${publicUrl}/api/v1/credentials/status/${list}`;
}

function narrative(input: CredentialInput): string {
  const lines = [
    `${input.certification.kind} « ${input.certification.title} » (${input.certification.code}), créé par ${input.certification.branches.map((b) => b.name).join(', ')}.`,
    'Délivré par le jury paritaire national de la branche, bloc par bloc :',
  ];
  for (const bloc of input.certification.blocs) {
    lines.push(`- ${bloc.code} — ${bloc.title}`);
    for (const c of bloc.competencies) lines.push(`  - ${c.code} — ${c.title}`);
  }
  return lines.join('\n');
}

/** The unsigned OpenBadgeCredential of an award. */
export function buildCredential(input: CredentialInput): Record<string, unknown> {
  const { publicUrl, award, certification } = input;
  const achievementId = `${publicUrl}/api/v1/certifications/${certification.id}`;
  const blocId = (code: string) => `${achievementId}#bloc-${encodeURIComponent(code)}`;
  const registration = certification.registration;
  const achievement: Record<string, unknown> = {
    id: achievementId,
    type: ['Achievement'],
    achievementType: 'Certification',
    name: certification.title,
    description: `${certification.kind === 'CQPI' ? 'Certificat de qualification professionnelle interbranches' : 'Certificat de qualification professionnelle'} ${certification.code}`,
    humanCode: certification.code,
    criteria: { narrative: narrative(input) },
    creator: {
      id: `${publicUrl}/api/v1/branches/${certification.branches[0]?.id ?? ''}`,
      type: ['Profile'],
      name: certification.branches.map((b) => b.name).join(', '),
    },
    resultDescription: certification.blocs.map((b) => ({
      id: blocId(b.code),
      type: ['ResultDescription'],
      name: `${b.code} — ${b.title}`,
      resultType: 'Status',
    })),
  };
  if (registration)
    achievement.alignment = [
      {
        type: ['Alignment'],
        targetCode: registrationCode(registration),
        targetName: `${registrationCode(registration)} — ${certification.title}`,
        targetFramework:
          registration.registry === 'RNCP'
            ? 'Répertoire national des certifications professionnelles'
            : 'Répertoire spécifique',
        targetUrl: ficheUrl(registration),
        targetType: 'ceterms:Credential',
        ...(registration.level !== undefined ? { targetDescription: `Niveau ${registration.level}` } : {}),
      },
    ];
  return {
    '@context': [VC_V2, OB_V3],
    id: `urn:uuid:${award.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: award.kind === 'full' ? certification.title : `${certification.title} — blocs de compétences`,
    description: `Attestation n° ${award.number} du ${award.awardedOn} — code de vérification ${award.verificationCode}`,
    issuer: { id: input.issuer.did, type: ['Profile'], name: input.issuer.name },
    validFrom: award.createdAt.replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityHash: input.holder.name, identityType: 'name', hashed: false },
      ],
      achievement,
      activityEndDate: award.awardedOn,
      result: award.blocs.map((b) => ({
        type: ['Result'],
        resultDescription: blocId(b.code),
        status: 'Completed',
      })),
    },
    credentialStatus: STATUS_LISTS.map(({ list, purpose }) => ({
      id: `${statusListUrl(publicUrl, list)}#${award.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: purpose,
      statusListIndex: String(award.statusListIndex),
      statusListCredential: statusListUrl(publicUrl, list),
    })),
  };
}

/** What a signed credential says of the certification: its code, title and bloc titles, as signed. */
export type SignedTitles = { code?: string; title?: string; blocs: ReadonlyMap<string, string> };

/**
 * The certification's code and title and the blocs' titles a credential built by
 * `buildCredential` carries (`achievement.humanCode`, `achievement.name`, each
 * `resultDescription` named `<code> — <title>`), so that documents drawn later say what was
 * signed on the award date, not what the catalogue says since. What is missing or malformed is
 * left out (the caller falls back on the catalogue).
 */
export function signedTitles(credentialJson: string): SignedTitles {
  let doc: unknown;
  try {
    doc = JSON.parse(credentialJson);
  } catch {
    return { blocs: new Map() };
  }
  const achievement = (doc as { credentialSubject?: { achievement?: Record<string, unknown> } } | null)
    ?.credentialSubject?.achievement;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const blocs = new Map<string, string>();
  const descriptions = Array.isArray(achievement?.resultDescription) ? achievement.resultDescription : [];
  for (const d of descriptions as { id?: unknown; name?: unknown }[]) {
    const id = text(d?.id);
    const name = text(d?.name);
    const at = id?.lastIndexOf('#bloc-') ?? -1;
    if (!id || !name || at < 0) continue;
    let code: string;
    try {
      code = decodeURIComponent(id.slice(at + '#bloc-'.length));
    } catch {
      continue;
    }
    if (name.startsWith(`${code} — `)) blocs.set(code, name.slice(`${code} — `.length));
  }
  return { code: text(achievement?.humanCode), title: text(achievement?.name), blocs };
}
