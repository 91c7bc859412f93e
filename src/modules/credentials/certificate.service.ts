import { createHash } from 'node:crypto';
import { today } from '../../contracts/dates.js';
import { type Actor, SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import type { Sealer } from '../../platform/seal/seal.js';
import type { AwardsService } from '../candidates/awards.service.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import { type CertificateInput, certificatePdf, sealCertificate } from './certificate-pdf.js';
import type { CredentialsService } from './credentials.service.js';
import { signedTitles } from './domain/credential.js';

type Deps = {
  /** PUBLIC_URL: the verification page the QR code opens. */
  publicUrl: string;
  awards: Pick<AwardsService, 'get' | 'forCredential'>;
  certifications: Pick<CertificationsService, 'get' | 'recognition'>;
  frameworks: Pick<FrameworksService, 'get'>;
  credentials: Pick<CredentialsService, 'credentialForAward'>;
  sealer: Sealer;
  /** Sealed certificates kept in memory (most recently served first out last); 0: none. */
  cacheSize?: number;
};

/** The public verification page of a code (`<PUBLIC_URL>/verifier/<code>`). */
export const verificationPageUrl = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/+$/, '')}/verifier/${encodeURIComponent(code)}`;

/**
 * The certificate (parchemin) of a full award and the bloc attestation of a partial one (issue
 * 14, point 1; ADR 0007 « Parchemin et attestation »): drawn on request from the award, the
 * catalogue and the award's signed credential (attached inside), then sealed by the platform.
 * Readers are the award's (holder, branch staff of the certification, training organisation,
 * admin: `award.read`, 404 otherwise); a revoked or suspended award's certificate is still
 * served to them, marked across the page.
 *
 * Drawing and sealing cost tens of milliseconds (bench/credentials.bench.ts): the sealed bytes
 * are kept per award and everything the document shows (its credential, its status — a
 * revocation or a suspension makes another document —, names and titles), in a small
 * in-process LRU.
 */
export function certificateServiceFactory(deps: Deps) {
  const cacheSize = deps.cacheSize ?? 200;
  const cache = new Map<string, Uint8Array>();

  /** What the certificate shows, from the award (read as `actor`), the catalogue and the credential. */
  async function inputOf(awardId: string, actor: Actor): Promise<CertificateInput> {
    const award = await deps.awards.get(awardId, actor); // 404 unless the actor may read it
    const [facts, credentialJson] = await Promise.all([
      deps.awards.forCredential(awardId),
      deps.credentials.credentialForAward(awardId),
    ]);
    if (!facts) throw new Error(`award ${awardId} vanished while its certificate was drawn`);
    // The catalogue as it stands, read as the platform: the award may be read by someone who
    // may not read the certification's draft history, and the holder sees what was awarded.
    const [cert, recognition, framework] = await Promise.all([
      deps.certifications.get(facts.certificationId, SYSTEM_ADMIN),
      deps.certifications.recognition(facts.certificationId, facts.awardedOn, SYSTEM_ADMIN),
      deps.frameworks.get(facts.certificationId, facts.frameworkVersionNumber, SYSTEM_ADMIN),
    ]);
    // Titles as signed in the award's credential (attached to the PDF): a certification or a
    // bloc retitled since does not make the document and its credential disagree. The
    // catalogue's (the award's pinned framework version for blocs) only for what it lacks.
    const signed = signedTitles(credentialJson);
    const frameworkTitles = new Map(framework.content.competencies.blocs.map((b) => [b.code, b.title]));
    const since = (at: string | undefined) => today(at ? new Date(at) : new Date());
    return {
      awardKind: facts.kind,
      holder: { name: facts.holderName },
      certification: { code: signed.code ?? cert.code, title: signed.title ?? cert.title, kind: cert.kind },
      branches: cert.branches.map((b) => b.name),
      registration:
        recognition.status === 'rncp'
          ? { registry: 'RNCP', number: recognition.number, level: recognition.level }
          : recognition.status === 'rs'
            ? { registry: 'RS', number: recognition.number, level: null }
            : null,
      blocs: facts.blocs.map((b) => ({
        code: b.code,
        title: signed.blocs.get(b.code) ?? frameworkTitles.get(b.code) ?? '',
        validUntil: b.validUntil,
      })),
      award: { number: facts.number, awardedOn: facts.awardedOn, juryDate: facts.juryDate },
      verification: {
        code: facts.verificationCode,
        url: verificationPageUrl(deps.publicUrl, facts.verificationCode),
      },
      status:
        award.status === 'valid'
          ? { status: 'valid' }
          : award.status === 'revoked'
            ? { status: 'revoked', since: since(award.revocation?.at) }
            : { status: 'suspended', since: since(award.suspension?.at) },
      credentialJson,
      generatedAt: new Date(),
    };
  }

  /**
   * `GET /api/v1/awards/{id}/certificate.pdf`: the sealed PDF and its file name (the award's
   * number). 404 when the actor may not read the award.
   */
  async function certificate(
    awardId: string,
    actor: Actor,
  ): Promise<{ bytes: Uint8Array; fileName: string }> {
    const input = await inputOf(awardId, actor);
    const fileName = `${input.award.number}.pdf`;
    const { generatedAt: _, ...shown } = input;
    const key = createHash('sha256')
      .update(JSON.stringify([awardId, shown]))
      .digest('hex');
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key); // most recently served last
      cache.set(key, cached);
      return { bytes: cached, fileName };
    }
    const bytes = await sealCertificate(
      deps.sealer,
      await certificatePdf(input),
      input.award.number,
      new Date(),
    );
    if (cacheSize > 0) {
      cache.set(key, bytes);
      for (const oldest of cache.keys()) {
        if (cache.size <= cacheSize) break;
        cache.delete(oldest);
      }
    }
    return { bytes, fileName };
  }

  return { certificate, inputOf };
}

export type CertificateService = ReturnType<typeof certificateServiceFactory>;
