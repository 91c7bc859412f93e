import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentSealKey } from '../../platform/seal/development-key.js';
import { createSealer } from '../../platform/seal/seal.js';
import { verifySealedPdf } from '../../platform/seal/verify.js';
import {
  type CertificateInput,
  certificatePdf,
  credentialFileName,
  sealCertificate,
} from './certificate-pdf.js';

/** jsqr is CommonJS (`module.exports = jsQR`) while its types declare `export default`. */
const jsQR = jsQRModule as unknown as (typeof jsQRModule)['default'];

/** poppler-utils (pdftotext, pdfdetach, pdftoppm, pdfsig), installed by .ci/run: required in CI. */
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
const withPoppler = it.runIf(poppler || process.env.CI);

const CREDENTIAL = JSON.stringify(
  {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    credentialSubject: { name: 'Élodie Marchand', note: 'accents, « guillemets » et ’apostrophes’' },
    proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3FXQ' },
  },
  null,
  2,
);

const FULL: CertificateInput = {
  awardKind: 'full',
  holder: { name: 'Élodie Marchand' },
  certification: { code: 'CQP-APS', title: 'Agent de prévention et de sécurité', kind: 'CQPI' },
  branches: ['Prévention et sécurité', 'Propreté et services associés'],
  registration: { registry: 'RNCP', number: 'RNCP34567', level: 3 },
  blocs: [
    { code: 'BC01', title: 'Prévenir les risques et sécuriser les biens' },
    { code: 'BC02', title: 'Gérer les situations conflictuelles' },
    { code: 'BC03', title: 'Porter secours aux personnes' },
  ],
  award: { number: 'CQP-APS-2026-000123', awardedOn: '2026-12-01', juryDate: '2026-11-27' },
  verification: { code: 'Q7K2-M9XD-4TPA', url: 'https://qualif.example.fr/verifier/Q7K2-M9XD-4TPA' },
  status: { status: 'valid' },
  credentialJson: CREDENTIAL,
  generatedAt: new Date('2026-12-01T09:00:00Z'),
};
const PARTIAL: CertificateInput = {
  ...FULL,
  awardKind: 'partial',
  certification: { ...FULL.certification, kind: 'CQP' },
  branches: ['Prévention et sécurité'],
  registration: { registry: 'RS', number: 'RS5012', level: null },
  blocs: [{ ...(FULL.blocs[1] as CertificateInput['blocs'][number]), validUntil: '2031-11-30' }],
  award: { ...FULL.award, number: 'CQP-APS-2026-000124' },
};

let dir: string;
let n = 0;
async function file(bytes: Uint8Array) {
  const at = path.join(dir, `doc-${++n}.pdf`);
  await writeFile(at, bytes);
  return at;
}
/** The text as poppler extracts it, blanks collapsed (a line may wrap anywhere). */
async function textOf(bytes: Uint8Array) {
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', await file(bytes), '-'], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout.replace(/\s+/g, ' ');
}
/** The attachments as pdfdetach lists and saves them: name → bytes. */
async function attachmentsOf(bytes: Uint8Array) {
  const pdf = await file(bytes);
  const list = spawnSync('pdfdetach', ['-list', '-enc', 'UTF-8', pdf], { encoding: 'utf8' });
  expect(list.status, list.stderr).toBe(0);
  const names = [...list.stdout.matchAll(/^\d+: (.+)$/gm)].map((m) => m[1] as string);
  const files = new Map<string, string>();
  for (const [i, name] of names.entries()) {
    const out = path.join(dir, `attachment-${n}-${i}`);
    expect(spawnSync('pdfdetach', ['-save', String(i + 1), '-o', out, pdf]).status).toBe(0);
    files.set(name, await readFile(out, 'utf8'));
  }
  return files;
}
/** The QR code read back from the page rendered at 150 dpi (poppler → grey pixels → jsQR). */
async function qrOf(bytes: Uint8Array) {
  const out = spawnSync('pdftoppm', ['-r', '150', '-gray', '-singlefile', await file(bytes)], {
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(out.status, String(out.stderr)).toBe(0);
  const pgm = out.stdout as Buffer;
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not answer a PGM image');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.fill(grey[i] as number, i * 4, i * 4 + 3);
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

let full: Uint8Array;
let partial: Uint8Array;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qualif-certificate-'));
  [full, partial] = await Promise.all([certificatePdf(FULL), certificatePdf(PARTIAL)]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the certificate (parchemin) of a full award', () => {
  withPoppler('holds every mention a holder and an employer expect', async () => {
    const text = await textOf(full);
    for (const mention of [
      'Certificat de qualification professionnelle interbranches',
      'Élodie Marchand',
      'Agent de prévention et de sécurité',
      'CQPI',
      'Code CQP-APS',
      'Prévention et sécurité · Propreté et services associés',
      'Répertoire national des certifications professionnelles (RNCP) sous le numéro RNCP34567, niveau 3',
      'BC01 — Prévenir les risques et sécuriser les biens',
      'BC02 — Gérer les situations conflictuelles',
      'BC03 — Porter secours aux personnes',
      'Numéro : CQP-APS-2026-000123',
      'Délivré le 1er décembre 2026',
      'jury du 27 novembre 2026',
      'Q7K2-M9XD-4TPA',
      'https://qualif.example.fr/verifier/Q7K2-M9XD-4TPA',
      'CQP-APS-2026-000123.credential.json',
    ])
      expect(text).toContain(mention);
    expect(text).not.toContain('Attestation de blocs');
    expect(text).not.toMatch(/RÉVOQUÉ|SUSPENDU/);
  });

  withPoppler('its QR code, read from the rendered page, opens the public verification page', async () => {
    expect(await qrOf(full)).toBe('https://qualif.example.fr/verifier/Q7K2-M9XD-4TPA');
  });

  withPoppler(
    'carries the signed credential, byte for byte, as an associated file of type JSON',
    async () => {
      const files = await attachmentsOf(full);
      expect([...files.keys()]).toEqual([credentialFileName('CQP-APS-2026-000123')]);
      expect(files.get('CQP-APS-2026-000123.credential.json')).toBe(CREDENTIAL);
      // In the catalogue's /AF (associated files), relationship Data, type application/json.
      const doc = await PDFDocument.load(full);
      const af = doc.catalog.lookup(PDFName.of('AF'), PDFArray);
      expect(af.size()).toBe(1);
      const spec = doc.context.lookup(af.get(0), PDFDict);
      expect(spec.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Data'));
      const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream);
      expect(stream.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('application/json'));
    },
  );

  it('the same input gives the same bytes (a certificate may be cached per award and credential)', async () => {
    expect(Buffer.from(await certificatePdf(FULL)).equals(Buffer.from(full))).toBe(true);
    const other = await certificatePdf({ ...FULL, credentialJson: `${CREDENTIAL} ` });
    expect(Buffer.from(other).equals(Buffer.from(full))).toBe(false);
  });
});

describe('the bloc attestation of a partial award', () => {
  withPoppler('says « Attestation de blocs de compétences » and lists only the blocs validated', async () => {
    const text = await textOf(partial);
    expect(text).toContain('Attestation de blocs de compétences');
    expect(text).toContain('Blocs de compétences validés');
    expect(text).toContain('BC02 — Gérer les situations conflictuelles (acquis jusqu’au 30 novembre 2031)');
    expect(text).not.toContain('BC01');
    expect(text).not.toContain('BC03');
    expect(text).not.toContain('Certificat de qualification professionnelle');
    // An RS registration has no level; the single creating branch is named as such.
    expect(text).toContain('Répertoire spécifique (RS) sous le numéro RS5012.');
    expect(text).not.toContain('niveau');
    expect(text).toContain('Branche professionnelle Prévention et sécurité');
  });

  withPoppler('a certification not registered on the award date names no register', async () => {
    const text = await textOf(await certificatePdf({ ...PARTIAL, registration: null }));
    expect(text).not.toMatch(/RNCP|Répertoire/);
  });
});

describe('a revoked or suspended award', () => {
  withPoppler('is marked across the page and says since when', async () => {
    const revoked = await textOf(
      await certificatePdf({ ...FULL, status: { status: 'revoked', since: '2027-01-04' } }),
    );
    expect(revoked).toContain('RÉVOQUÉ le 4 janvier 2027 : ce document n’atteste plus de la certification.');
    const suspended = await textOf(
      await certificatePdf({ ...PARTIAL, status: { status: 'suspended', since: '2027-02-01' } }),
    );
    expect(suspended).toContain('SUSPENDU depuis le 1er février 2027');
  });
});

describe('sealed by the platform', () => {
  let sealed: Uint8Array;
  beforeAll(async () => {
    const sealer = createSealer(() => developmentSealKey(dir));
    sealed = await sealCertificate(sealer, full, FULL.award.number, new Date('2026-12-01T09:00:00Z'));
  });

  it('the seal covers the whole file and verifies', () => {
    expect(verifySealedPdf(sealed)).toMatchObject({
      valid: true,
      signer: 'Qualif - cachet de developpement',
    });
    const tampered = Buffer.from(sealed);
    tampered[1000] = (tampered[1000] as number) ^ 0x01;
    expect(verifySealedPdf(tampered).valid).toBe(false);
  });

  withPoppler('pdfsig finds it valid; text, QR code and attached credential survive the seal', async () => {
    const out = spawnSync('pdfsig', [await file(sealed)], { encoding: 'utf8' });
    expect(out.stdout).toMatch(/Signature Validation: Signature is Valid/);
    expect(out.stdout).toMatch(/Total document signed/);
    expect((await attachmentsOf(sealed)).get('CQP-APS-2026-000123.credential.json')).toBe(CREDENTIAL);
    expect(await textOf(sealed)).toContain('Élodie Marchand');
    expect(await qrOf(sealed)).toBe(FULL.verification.url);
  });
});
