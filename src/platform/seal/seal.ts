import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';

/** The platform's key: a PKCS#12 file (certificate and private key) and its password. */
export type SealKey = { p12: Buffer; password: string };

export type Sealer = {
  /** The sealed copy of `pdf`: a detached CMS (PKCS#7, SHA-256) signature by the platform's key. */
  seal(pdf: Uint8Array, what: { reason: string; location?: string; signingTime?: Date }): Promise<Uint8Array>;
  /** Who seals: the certificate's common name (or its whole subject). */
  signer(): Promise<string>;
};

/** Room for the CMS signature in the placeholder (bytes; written in hex, twice as long). */
const SIGNATURE_LENGTH = 16_384;

/** The certificate whose key is in the PKCS#12, or a clear error (wrong password, no key). */
export function readSealKey(key: SealKey): { subject: string } {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(key.p12.toString('binary')), false, key.password);
  } catch (e) {
    throw new Error(
      `The seal key (SEAL_P12_BASE64) cannot be read with SEAL_P12_PASSWORD: ${(e as Error).message}`,
    );
  }
  const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const certBag = forge.pki.oids.certBag as string;
  const keys = p12.getBags({ bagType: keyBag })[keyBag];
  const certs = p12.getBags({ bagType: certBag })[certBag];
  const cert = certs?.[0]?.cert;
  if (!keys?.[0]?.key || !cert)
    throw new Error('The seal key (SEAL_P12_BASE64) must hold a private key and its certificate');
  const cn = cert.subject.getField('CN') as { value: string } | null;
  return {
    subject:
      cn?.value ??
      cert.subject.attributes
        .map((a: forge.pki.CertificateField) => `${a.shortName ?? a.name}=${String(a.value)}`)
        .join(', '),
  };
}

/**
 * Seals PDFs with the platform's key, PAdES-style (ISO 32000-1 § 12.8): a signature field whose
 * /ByteRange covers the whole file but the /Contents hole, where the detached CMS signature of
 * those bytes goes (@signpdf). The key is loaded on first use (`load`), then kept.
 */
export function createSealer(load: () => Promise<SealKey>): Sealer {
  let loaded: Promise<{ key: SealKey; subject: string }> | undefined;
  const key = () => {
    loaded ??= load().then((k) => ({ key: k, subject: readSealKey(k).subject }));
    loaded.catch(() => {
      loaded = undefined;
    });
    return loaded;
  };
  return {
    async signer() {
      return (await key()).subject;
    },
    async seal(pdf, what) {
      const { key: k, subject } = await key();
      const doc = await PDFDocument.load(pdf);
      pdflibAddPlaceholder({
        pdfDoc: doc,
        reason: what.reason,
        contactInfo: '',
        name: subject,
        location: what.location ?? '',
        signingTime: what.signingTime,
        signatureLength: SIGNATURE_LENGTH,
        subFilter: 'adbe.pkcs7.detached',
        appName: 'Qualif',
      });
      // No object streams: the placeholder's /ByteRange must stay plain text in the file.
      const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
      const signer = new P12Signer(k.p12, { passphrase: k.password });
      return new Uint8Array(await new SignPdf().sign(withPlaceholder, signer, what.signingTime));
    },
  };
}
