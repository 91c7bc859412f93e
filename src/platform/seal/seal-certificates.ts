import { createHash, type X509Certificate } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';

/** A certificate the platform's seal has used (table `seal_certificates`, migration 0026). */
export type SealCertificateRecord = {
  /** SHA-256 of the certificate's DER, lowercase hex. */
  fingerprint: string;
  /** The certificate's common name, or its whole subject when it has none. */
  name: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  firstUsedAt: Date;
  lastLoadedAt: Date;
};

/** The fingerprint under which a seal certificate is recorded: SHA-256 of its DER, lowercase hex. */
export function sealFingerprint(certificate: X509Certificate): string {
  return createHash('sha256').update(certificate.raw).digest('hex');
}

/** The common name of an X.509 subject (Node's `subject`: one `KEY=value` per line), or the whole. */
export function commonNameOf(subject: string): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(subject)?.[1] ?? subject;
}

/**
 * Every certificate the platform's seal has used (ADR 0007, « Vérification publique »). The seal
 * is renewed every 1 to 3 years: a PDF sealed before a renewal is still the platform's, so the
 * public verification accepts the seal of any certificate recorded here, not only the current
 * one. The sealer records its certificate when it opens its key, before its first seal
 * (`createSealer`'s `onCertificate`), and the app opens it at start.
 */
export function sealCertificatesStore(db: Db) {
  /** Records `certificate` as used by the platform's seal (again: its `last_loaded_at` moves). */
  async function record(certificate: X509Certificate): Promise<void> {
    await db
      .insertInto('seal_certificates')
      .values({
        fingerprint: sealFingerprint(certificate),
        subject: certificate.subject,
        issuer: certificate.issuer,
        serial_number: certificate.serialNumber.toLowerCase(),
        not_before: new Date(certificate.validFrom),
        not_after: new Date(certificate.validTo),
        certificate: new Uint8Array(certificate.raw),
      })
      .onConflict((oc) => oc.column('fingerprint').doUpdateSet({ last_loaded_at: sql`now()` }))
      .execute();
  }

  const columns = [
    'fingerprint',
    'subject',
    'issuer',
    'serial_number',
    'not_before',
    'not_after',
    'first_used_at',
    'last_loaded_at',
  ] as const;
  type Row = {
    fingerprint: string;
    subject: string;
    issuer: string;
    serial_number: string;
    not_before: Date;
    not_after: Date;
    first_used_at: Date;
    last_loaded_at: Date;
  };
  const toRecord = (row: Row): SealCertificateRecord => ({
    fingerprint: row.fingerprint,
    name: commonNameOf(row.subject),
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serial_number,
    notBefore: new Date(row.not_before),
    notAfter: new Date(row.not_after),
    firstUsedAt: new Date(row.first_used_at),
    lastLoadedAt: new Date(row.last_loaded_at),
  });

  /** The record of the platform's seal certificate `certificate`, or undefined: not the platform's. */
  async function known(certificate: X509Certificate): Promise<SealCertificateRecord | undefined> {
    const row = await db
      .selectFrom('seal_certificates')
      .select(columns)
      .where('fingerprint', '=', sealFingerprint(certificate))
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** Every certificate the seal has used, the first used first. */
  async function list(): Promise<SealCertificateRecord[]> {
    const rows = await db
      .selectFrom('seal_certificates')
      .select(columns)
      .orderBy('first_used_at')
      .orderBy('fingerprint')
      .execute();
    return rows.map(toRecord);
  }

  return { record, known, list };
}

export type SealCertificates = ReturnType<typeof sealCertificatesStore>;
