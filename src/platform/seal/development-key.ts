import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import type { SealKey } from './seal.js';

/** Development and tests only: the password of the self-signed key kept under DATA_DIR. */
const DEVELOPMENT_PASSWORD = 'qualif-development-seal';

/** Where the development seal key is kept: under DATA_DIR, never in git (data/ is ignored). */
export const developmentSealPath = (dataDir: string) => path.join(dataDir, 'seal', 'development-seal.p12');

/**
 * The development seal: a self-signed certificate made on first use and kept under DATA_DIR, so
 * that minutes sealed in development or tests verify and a restart keeps the same key.
 * Production never uses it (config.ts refuses to start without SEAL_P12_BASE64).
 */
export async function developmentSealKey(dataDir: string): Promise<SealKey> {
  const file = developmentSealPath(dataDir);
  try {
    return { p12: await readFile(file), password: DEVELOPMENT_PASSWORD };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const p12 = selfSignedP12(DEVELOPMENT_PASSWORD);
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside then renamed: two processes starting together each keep a whole file.
  const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
  await writeFile(partial, p12, { mode: 0o600 });
  await rename(partial, file);
  return { p12, password: DEVELOPMENT_PASSWORD };
}

/**
 * A PKCS#12 holding a fresh RSA key and its self-signed certificate (10 years from yesterday,
 * unless `validity` says otherwise: tests of a renewed or expired seal).
 */
export function selfSignedP12(
  password: string,
  commonName = 'Qualif - cachet de developpement',
  validity: { notBefore: Date; notAfter: Date } = {
    notBefore: new Date(Date.now() - 24 * 3600 * 1000),
    notAfter: new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000),
  },
): Buffer {
  // Node makes the key (native, fast); node-forge writes the certificate and the PKCS#12.
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKey = forge.pki.privateKeyFromPem(
    pair.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  );
  const publicKey = forge.pki.publicKeyFromPem(
    pair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = validity.notBefore;
  cert.validity.notAfter = validity.notAfter;
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Qualif (development only, no legal value)' },
    { name: 'countryName', value: 'FR' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [cert], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
