import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { commonNameOf } from './seal-certificates.js';

export type SealCheck =
  | { valid: true; signer: string; certificate: X509Certificate; signedLength: number }
  | { valid: false; problem: string };

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';

/**
 * Checks a sealed PDF as a verifier does (ISO 32000-1 § 12.8.1): the last signature's /ByteRange
 * covers the whole file but its /Contents hole; the SHA-256 of those bytes is the CMS signed
 * attributes' message digest; the signed attributes verify against the embedded certificate's
 * public key (Node's crypto, not the library that signed). Trust in the certificate (a chain to
 * a qualified authority) is not judged here.
 */
export function verifySealedPdf(pdf: Uint8Array): SealCheck {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges[ranges.length - 1];
  if (!last) return { valid: false, problem: 'no /ByteRange: the PDF is not signed' };
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || c + d !== bytes.length || b >= c)
    return { valid: false, problem: `the /ByteRange [${a} ${b} ${c} ${d}] does not cover the whole file` };
  const hole = text.slice(b, c);
  const hex = /^<([0-9A-Fa-f]+)>$/.exec(hole)?.[1];
  if (!hex) return { valid: false, problem: 'the /ByteRange hole is not exactly the /Contents string' };
  const signed = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);

  let cms: forge.asn1.Asn1;
  try {
    // The hole is zero-padded after the DER: parse the first value only (forge 1.x takes these
    // options; its types still say `strict?: boolean`).
    const options = { parseAllBytes: false } as unknown as boolean;
    cms = forge.asn1.fromDer(Buffer.from(hex, 'hex').toString('binary'), options);
  } catch (e) {
    return { valid: false, problem: `the signature is not DER: ${(e as Error).message}` };
  }
  // ContentInfo { contentType, [0] SignedData { version, digestAlgorithms, encapContentInfo,
  //   [0] certificates, [1] crls?, signerInfos } }
  const signedData = child(child(cms, 1), 0);
  const parts = (signedData?.value ?? []) as forge.asn1.Asn1[];
  const certificates = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const signerInfos = parts[parts.length - 1];
  const signerInfo = child(signerInfos, 0);
  const infoParts = (signerInfo?.value ?? []) as forge.asn1.Asn1[];
  const signedAttrs = infoParts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const signature = infoParts[infoParts.length - 1];
  const firstCert = child(certificates, 0);
  if (!signedAttrs || !signature || !firstCert)
    return {
      valid: false,
      problem: 'the CMS signature lacks its signed attributes, signature or certificate',
    };

  const digest = ((signedAttrs.value ?? []) as forge.asn1.Asn1[])
    .filter((attr) => forge.asn1.derToOid(child(attr, 0)?.value as string) === OID_MESSAGE_DIGEST)
    .map((attr) => Buffer.from(child(child(attr, 1), 0)?.value as string, 'binary'))[0];
  if (!digest?.equals(createHash('sha256').update(signed).digest()))
    return { valid: false, problem: 'the document changed: its SHA-256 is not the signed message digest' };

  const certificate = new X509Certificate(Buffer.from(forge.asn1.toDer(firstCert).getBytes(), 'binary'));
  // The signature covers the DER of the signed attributes as a SET (tag 0x31), not as [0] IMPLICIT.
  const attrsDer = Buffer.from(forge.asn1.toDer(signedAttrs).getBytes(), 'binary');
  attrsDer[0] = 0x31;
  const signatureBytes = Buffer.from(signature.value as string, 'binary');
  if (!verifySignature('sha256', attrsDer, certificate.publicKey, signatureBytes))
    return { valid: false, problem: 'the CMS signature does not verify against the certificate' };
  return { valid: true, signer: commonNameOf(certificate.subject), certificate, signedLength: signed.length };
}

function child(node: forge.asn1.Asn1 | undefined, index: number): forge.asn1.Asn1 | undefined {
  return Array.isArray(node?.value) ? (node.value[index] as forge.asn1.Asn1 | undefined) : undefined;
}
