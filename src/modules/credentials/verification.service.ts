import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import type { AwardStatus } from '../../contracts/juries.js';
import type { VerificationCheck } from '../../contracts/verification.js';
import { SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import { frenchDate } from '../../platform/pdf-layout.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { Sealer } from '../../platform/seal/seal.js';
import {
  type SealCertificateRecord,
  type SealCertificates,
  sealFingerprint,
} from '../../platform/seal/seal-certificates.js';
import { verifySealedPdf } from '../../platform/seal/verify.js';
import type { AwardsService } from '../candidates/awards.service.js';
import { normaliseVerificationCode } from '../candidates/domain/awards.js';
import type { CertificateService } from './certificate.service.js';
import type { CertificateInput } from './certificate-pdf.js';
import type { CheckResult, CredentialsService, CredentialVerification } from './credentials.service.js';
import type { VerificationAnswer } from './verification.schemas.js';

/** Largest credential JSON accepted (bytes): a credential weighs a few kB. */
export const VERIFICATION_JSON_MAX_BYTES = 256 * 1024;
/** Largest certificate PDF accepted (bytes): a certificate weighs tens of kB. */
export const VERIFICATION_PDF_MAX_BYTES = 5 * 1024 * 1024;

type Deps = {
  awards: Pick<AwardsService, 'idByCode'>;
  credentials: Pick<CredentialsService, 'credentialForAward' | 'verifyCredential'>;
  certificates: Pick<CertificateService, 'inputOf'>;
  /** The platform's seal now (its certificate): said when a PDF's seal is an older one. */
  sealer: Pick<Sealer, 'certificate'>;
  /**
   * Every certificate the platform's seal has used: a certificate's PDF must carry the seal of
   * one of them, on every byte — an older one too (the seal is renewed every 1 to 3 years).
   */
  sealCertificates: Pick<SealCertificates, 'known'>;
};

const UNKNOWN_CODE =
  'Aucun certificat ne porte ce code. Vérifiez-le : il figure sous le QR code du certificat.';

/**
 * The public verification of a certificate (issue 14, point 3; ADR 0007 « Vérification
 * publique »): by its code, or by the document itself — the signed credential (JSON) or the
 * certificate (PDF, sealed, the credential attached inside). Four checks, said in French:
 * `signature` (the credential's proof, with a key of Qualif's DID document), `issuer` (Qualif's
 * did:web), `status` (valid, revoked or suspended, read from Qualif's status lists) and
 * `integrity` (the credential is the one Qualif signed for that award; for a PDF also: the
 * platform's seal covers every byte of the file and names the award the attached credential
 * names). The person's data in the answer: the holder's name only, with the certification, its
 * blocs and the date — taken from Qualif's records, and only when the credential is authentic.
 */
export function verificationServiceFactory(deps: Deps) {
  /** `GET /api/v1/verifications/{code}`: 404 for an unknown or malformed code, nothing else said. */
  async function byCode(typed: string): Promise<VerificationAnswer> {
    const code = normaliseVerificationCode(typed);
    const awardId = code ? await deps.awards.idByCode(code) : undefined;
    if (!awardId) throw problems.notFound(UNKNOWN_CODE);
    const json = await deps.credentials.credentialForAward(awardId);
    const result = await deps.credentials.verifyCredential(JSON.parse(json));
    return answer(result, await factsOf(result), {
      integrity: result.integrity.ok
        ? { ok: true, detail: 'Ce code est celui d’un certificat délivré par Qualif.' }
        : result.integrity,
    });
  }

  /** `POST /api/v1/verifications` with a credential (JSON text). */
  async function ofCredential(body: Buffer): Promise<VerificationAnswer> {
    const result = await deps.credentials.verifyCredential(parseCredential(body.toString('utf8'), 'JSON'));
    return answer(result, await factsOf(result), {});
  }

  /** `POST /api/v1/verifications` with a certificate PDF: its attached credential, and its seal. */
  async function ofPdf(body: Buffer): Promise<VerificationAnswer> {
    const attached = await attachedCredential(body);
    const result = await deps.credentials.verifyCredential(parseCredential(attached.text, 'PDF'));
    const facts = await factsOf(result);
    const seal = verifySealedPdf(body);
    const platformSeal = seal.valid ? await deps.sealCertificates.known(seal.certificate) : undefined;
    let integrity: CheckResult = result.integrity;
    if (!seal.valid)
      integrity = {
        ok: false,
        detail: /no \/ByteRange/.test(seal.problem)
          ? 'Le document n’est pas scellé : ce n’est pas un certificat tel que Qualif le délivre.'
          : 'Le document a été modifié après son émission : son cachet électronique ne correspond plus à son contenu.',
      };
    else if (!platformSeal)
      integrity = {
        ok: false,
        detail: `Le document est scellé par « ${seal.signer} », et non par la plateforme Qualif.`,
      };
    else if (facts && attached.name !== `${facts.award.number}.credential.json`)
      integrity = {
        ok: false,
        detail: `L’attestation jointe (${attached.name}) n’est pas celle de ce certificat.`,
      };
    else if (result.integrity.ok)
      integrity = {
        ok: true,
        detail: `Le document est intact : scellé par la plateforme Qualif (${await sealDescription(platformSeal)}), il n’a pas été modifié depuis.`,
      };
    return answer(result, facts, { integrity });
  }

  /**
   * The platform's seal certificate in words: its name and validity, and whether it has been
   * renewed since. A PDF sealed while it was in use stays the platform's after it expired (ADR 0007).
   */
  async function sealDescription(used: SealCertificateRecord) {
    const current = sealFingerprint(await deps.sealer.certificate());
    const period = `du ${frenchDate(used.notBefore.toISOString())} au ${frenchDate(used.notAfter.toISOString())}`;
    return current === used.fingerprint
      ? `cachet « ${used.name} », certificat valide ${period}`
      : `cachet « ${used.name} », certificat valide ${period}, remplacé depuis par le cachet renouvelé de la plateforme`;
  }

  /** What Qualif's records say of the credential's award, when the credential is authentic. */
  async function factsOf(result: CredentialVerification) {
    const authentic = result.signature.ok && result.issuer.ok;
    return authentic && result.awardId ? deps.certificates.inputOf(result.awardId, SYSTEM_ADMIN) : null;
  }

  /**
   * The answer from the credential's checks (`overrides`: checks said otherwise by the caller),
   * with the award's data from Qualif's records when the credential is authentic.
   */
  function answer(
    result: CredentialVerification,
    facts: CertificateInput | null,
    overrides: Partial<Record<VerificationCheck, CheckResult>>,
  ): VerificationAnswer {
    const status: AwardStatus | null = result.status.value;
    const checks: Record<VerificationCheck, CheckResult> = {
      signature: result.signature.ok
        ? { ok: true, detail: 'Signature valide, émise par Qualif : l’attestation n’a pas été modifiée.' }
        : result.signature,
      issuer: result.issuer,
      status: facts ? statusCheck(facts.status) : result.status,
      integrity: result.integrity,
      ...overrides,
    };
    const list = (['signature', 'issuer', 'status', 'integrity'] as const).map((check) => ({
      check,
      ok: checks[check].ok,
      detail: checks[check].detail,
    }));
    return {
      valid: status === 'valid' && list.every((c) => c.ok),
      status,
      checks: list,
      ...(facts
        ? {
            holder: { name: facts.holder.name },
            certification: {
              code: facts.certification.code,
              title: facts.certification.title,
              kind: facts.certification.kind,
            },
            blocs: facts.blocs.map((b) => ({ code: b.code, title: b.title })),
            awardedOn: facts.award.awardedOn,
          }
        : {}),
    };
  }

  return { byCode, ofCredential, ofPdf };
}

/** The status check, with the date of a revocation or suspension. */
function statusCheck(
  status: { status: 'valid' } | { status: 'revoked' | 'suspended'; since: string },
): CheckResult {
  if (status.status === 'valid')
    return { ok: true, detail: 'Certificat en vigueur : ni révoqué ni suspendu par la branche.' };
  return status.status === 'revoked'
    ? {
        ok: false,
        detail: `Certificat révoqué le ${frenchDate(status.since)} par la branche : il n’atteste plus de la certification.`,
      }
    : {
        ok: false,
        detail: `Certificat suspendu depuis le ${frenchDate(status.since)} par la branche : il n’atteste pas de la certification tant que dure la suspension.`,
      };
}

const unreadable = (detail: string) =>
  problems.unprocessable([fieldError(['body'], detail, 'body')], 'Ce document ne peut pas être vérifié.');

function parseCredential(text: string, from: 'JSON' | 'PDF'): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw unreadable(
      from === 'JSON'
        ? 'Le fichier n’est pas une attestation numérique au format JSON.'
        : 'L’attestation jointe au PDF n’est pas lisible (JSON invalide).',
    );
  return parsed as Record<string, unknown>;
}

/**
 * The credential attached to a certificate PDF (`<award number>.credential.json`, an associated
 * file of the catalogue's /AF, or in its EmbeddedFiles): its name and text. 422 naming `body`
 * when the file is not a PDF or carries no such attachment (exactly one). The attachment is
 * inflated under the JSON limit: a small PDF cannot make it huge.
 */
export async function attachedCredential(pdf: Buffer): Promise<{ name: string; text: string }> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    throw unreadable('Le fichier n’est pas un PDF lisible.');
  }
  const specs = new Map<string, PDFDict>();
  const add = (value: unknown) => {
    const spec = value instanceof PDFDict ? value : undefined;
    const nameOf = (key: string) => {
      const name = spec?.lookup(PDFName.of(key));
      return name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : undefined;
    };
    const text = nameOf('UF') ?? nameOf('F');
    if (spec && text?.endsWith('.credential.json')) specs.set(text, spec);
  };
  try {
    const af = doc.catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
    for (const ref of af?.asArray() ?? []) add(doc.context.lookup(ref));
    const names = doc.catalog
      .lookupMaybe(PDFName.of('Names'), PDFDict)
      ?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict)
      ?.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (const [i, item] of (names?.asArray() ?? []).entries())
      if (i % 2 === 1) add(doc.context.lookup(item));
  } catch {
    throw unreadable('Les pièces jointes du PDF ne sont pas lisibles.');
  }
  if (specs.size !== 1)
    throw unreadable(
      specs.size === 0
        ? 'Ce PDF ne contient pas d’attestation numérique jointe : envoyez le certificat tel que Qualif l’a délivré, ou saisissez son code.'
        : 'Ce PDF contient plusieurs attestations numériques jointes : ce n’est pas un certificat tel que Qualif le délivre.',
    );
  const [name, spec] = [...specs][0] as [string, PDFDict];
  try {
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) throw new Error('not a stream');
    const filter = stream.dict.lookup(PDFName.of('Filter'));
    const bytes =
      filter === undefined
        ? Buffer.from(stream.contents)
        : filter === PDFName.of('FlateDecode')
          ? inflateSync(stream.contents, { maxOutputLength: VERIFICATION_JSON_MAX_BYTES })
          : undefined;
    if (!bytes || bytes.length > VERIFICATION_JSON_MAX_BYTES) throw new Error('unreadable');
    return { name, text: bytes.toString('utf8') };
  } catch {
    throw unreadable('L’attestation jointe au PDF n’est pas lisible.');
  }
}

export type VerificationService = ReturnType<typeof verificationServiceFactory>;
