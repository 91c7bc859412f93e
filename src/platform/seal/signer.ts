import { createPrivateKey, constants as cryptoConstants, type KeyObject, privateEncrypt } from 'node:crypto';
import { Signer } from '@signpdf/signpdf';
import forge from 'node-forge';

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 § 9.2, note 1): what PKCS#1 v1.5 signs. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The CMS (PKCS#7) detached signature of a PDF's signed bytes, as @signpdf's P12Signer builds
 * it (the same signed attributes, in the order EU validators expect), but with the PKCS#12 read
 * once and the RSA operation done by Node's crypto (OpenSSL) instead of node-forge's
 * JavaScript: P12Signer decrypted the PKCS#12 and signed in JavaScript at every seal, most of
 * a certificate's cost (bench/credentials.bench.ts).
 */
export class SealSigner extends Signer {
  readonly subject: string;
  private readonly certificate: forge.pki.Certificate;
  private readonly chain: forge.pki.Certificate[];
  private readonly key: KeyObject;

  constructor(p12: Buffer, password: string) {
    super();
    const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, password);
    const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag as string;
    const certBag = forge.pki.oids.certBag as string;
    const privateKey = pfx.getBags({ bagType: keyBag })[keyBag]?.[0]?.key as
      | forge.pki.rsa.PrivateKey
      | undefined;
    const chain = (pfx.getBags({ bagType: certBag })[certBag] ?? []).flatMap((bag) =>
      bag.cert ? [bag.cert] : [],
    );
    if (!privateKey || chain.length === 0)
      throw new Error('The seal key (SEAL_P12_BASE64) must hold a private key and its certificate');
    const own = chain.find((cert) => {
      const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
      return publicKey.n?.compareTo(privateKey.n) === 0 && publicKey.e?.compareTo(privateKey.e) === 0;
    });
    if (!own) throw new Error('The seal key (SEAL_P12_BASE64) holds no certificate of its private key');
    this.certificate = own;
    this.chain = chain;
    this.key = createPrivateKey(forge.pki.privateKeyToPem(privateKey));
    const cn = own.subject.getField('CN') as { value: string } | null;
    this.subject =
      cn?.value ??
      own.subject.attributes
        .map((a: forge.pki.CertificateField) => `${a.shortName ?? a.name}=${String(a.value)}`)
        .join(', ');
  }

  /** The seal's own certificate (DER): a verifier recognises the platform's seals by it. */
  certificateDer(): Buffer {
    return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(this.certificate)).getBytes(), 'binary');
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const cert of this.chain) p7.addCertificate(cert);
    const key = this.key;
    p7.addSigner({
      // forge asks its key to sign the signed attributes' digest: RSASSA-PKCS1-v1_5 by OpenSSL.
      key: {
        sign: (md: forge.md.MessageDigest) =>
          privateEncrypt(
            { key, padding: cryptoConstants.RSA_PKCS1_PADDING },
            Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]),
          ).toString('binary'),
      } as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.certificate,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        {
          type: forge.pki.oids.signingTime as string,
          value: (signingTime ?? new Date()) as unknown as string,
        },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
