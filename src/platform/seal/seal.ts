import { X509Certificate } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { SealSigner } from './signer.js';

/** The platform's key: a PKCS#12 file (certificate and private key) and its password. */
export type SealKey = { p12: Buffer; password: string };

export type Sealer = {
  /** The sealed copy of `pdf`: a detached CMS (PKCS#7, SHA-256) signature by the platform's key. */
  seal(pdf: Uint8Array, what: { reason: string; location?: string; signingTime?: Date }): Promise<Uint8Array>;
  /** Who seals: the certificate's common name (or its whole subject). */
  signer(): Promise<string>;
  /** The seal's certificate: a sealed PDF is the platform's when its signer's is this one. */
  certificate(): Promise<X509Certificate>;
};

/** Room for the CMS signature in the placeholder (bytes; written in hex, twice as long). */
const SIGNATURE_LENGTH = 16_384;

/** The certificate whose key is in the PKCS#12, or a clear error (wrong password, no key). */
export function readSealKey(key: SealKey): { subject: string } {
  return { subject: openSealKey(key).subject };
}

function openSealKey(key: SealKey): SealSigner {
  try {
    return new SealSigner(key.p12, key.password);
  } catch (e) {
    const message = (e as Error).message;
    if (message.startsWith('The seal key')) throw e;
    throw new Error(`The seal key (SEAL_P12_BASE64) cannot be read with SEAL_P12_PASSWORD: ${message}`);
  }
}

/**
 * Seals PDFs with the platform's key, PAdES-style (ISO 32000-1 § 12.8): a signature field whose
 * /ByteRange covers the whole file but the /Contents hole, where the detached CMS signature of
 * those bytes goes (@signpdf; the CMS by ./signer.ts). The key is loaded and opened on first use
 * (`load`), then kept.
 *
 * `onCertificate`: called with the key's certificate once opened, before anything is sealed with
 * it, its failure a failure to seal — the app records there every certificate its seal has used
 * (./seal-certificates.ts), so that no sealed PDF leaves before its certificate is known. Open
 * the key (`certificate()`) before any transaction that seals: on PGlite, one connection, a
 * record made while a transaction holds it would wait for that transaction (the app does it at
 * start).
 */
export function createSealer(
  load: () => Promise<SealKey>,
  options: { onCertificate?: (certificate: X509Certificate) => Promise<void> } = {},
): Sealer {
  let loaded: Promise<SealSigner> | undefined;
  const key = () => {
    loaded ??= load()
      .then(openSealKey)
      .then(async (signer) => {
        await options.onCertificate?.(new X509Certificate(signer.certificateDer()));
        return signer;
      });
    loaded.catch(() => {
      loaded = undefined;
    });
    return loaded;
  };
  return {
    async signer() {
      return (await key()).subject;
    },
    async certificate() {
      return new X509Certificate((await key()).certificateDer());
    },
    async seal(pdf, what) {
      const signer = await key();
      const doc = await PDFDocument.load(pdf);
      pdflibAddPlaceholder({
        pdfDoc: doc,
        reason: what.reason,
        contactInfo: '',
        name: signer.subject,
        location: what.location ?? '',
        signingTime: what.signingTime,
        signatureLength: SIGNATURE_LENGTH,
        subFilter: 'adbe.pkcs7.detached',
        appName: 'Qualif',
      });
      // No object streams: the placeholder's /ByteRange must stay plain text in the file.
      const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
      return new Uint8Array(await new SignPdf().sign(withPlaceholder, signer, what.signingTime));
    },
  };
}
