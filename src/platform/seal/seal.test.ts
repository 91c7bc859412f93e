import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentSealKey, developmentSealPath, selfSignedP12 } from './development-key.js';
import { createSealer, readSealKey } from './seal.js';
import { verifySealedPdf } from './verify.js';

/** pdfsig (Debian's poppler-utils, installed by .ci/run): an independent verifier, required in CI. */
const pdfsig = spawnSync('pdfsig', ['-v']).error === undefined;

let dataDir: string;
let pdf: Uint8Array;
let sealed: Uint8Array;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'qualif-seal-'));
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Procès-verbal : 3 candidatures', { x: 50, y: 700, font });
  pdf = await doc.save();
  const sealer = createSealer(() => developmentSealKey(dataDir));
  sealed = await sealer.seal(pdf, { reason: 'Procès-verbal de jury scellé', location: 'Qualif' });
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('the seal: a PDF signed with the platform’s key', () => {
  it('signs the whole file but the signature: the ByteRange starts at 0, ends at the end, skips only /Contents', async () => {
    const check = verifySealedPdf(sealed);
    expect(check).toMatchObject({ valid: true, signer: 'Qualif - cachet de developpement' });
    const text = Buffer.from(sealed).toString('latin1');
    const [, a, b, c, d] = (/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(text) ?? []).map(Number);
    expect(a).toBe(0);
    expect((c as number) + (d as number)).toBe(sealed.length);
    expect(text.slice(b, c)).toMatch(/^<[0-9a-f]+>$/i);
    // The original document is still there, readable.
    expect((await PDFDocument.load(sealed)).getPageCount()).toBe(1);
  });

  it('a byte changed anywhere in the signed ranges breaks it', () => {
    for (const at of [10, Math.floor(sealed.length / 3), sealed.length - 5]) {
      const tampered = Buffer.from(sealed);
      tampered[at] = (tampered[at] as number) ^ 0x20;
      const check = verifySealedPdf(tampered);
      expect(check.valid, `byte ${at}`).toBe(false);
    }
    // The unsealed original has no signature at all.
    expect(verifySealedPdf(pdf)).toMatchObject({
      valid: false,
      problem: expect.stringMatching(/not signed/),
    });
  });

  it('a damaged signature value is refused: the CMS signature is checked, not only the digest', () => {
    const text = Buffer.from(sealed).toString('latin1');
    const hex = /\/Contents\s*<([0-9a-f]+)>/i.exec(text)?.[1] as string;
    // Flip a bit inside the RSA signature value (near the end of the DER, before the zero padding).
    const der = hex.replace(/(00)+$/, '');
    const at = der.length - 20;
    const flipped =
      der.slice(0, at) + (Number.parseInt(der[at] as string, 16) ^ 1).toString(16) + der.slice(at + 1);
    const tampered = Buffer.from(text.replace(der, flipped), 'latin1');
    expect(verifySealedPdf(tampered)).toMatchObject({
      valid: false,
      problem: expect.stringMatching(/does not verify/),
    });
  });

  it.runIf(pdfsig || process.env.CI)(
    'pdfsig (poppler) finds the signature valid and the whole document signed',
    async () => {
      const file = path.join(dataDir, 'sealed.pdf');
      await writeFile(file, sealed);
      const out = spawnSync('pdfsig', [file], { encoding: 'utf8' });
      expect(out.stdout).toMatch(/Signature Validation: Signature is Valid/);
      expect(out.stdout).toMatch(/Total document signed/);
      const bad = Buffer.from(sealed);
      bad[200] = (bad[200] as number) ^ 0x01;
      await writeFile(file, bad);
      expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).not.toMatch(/Signature is Valid/);
    },
  );
});

describe('the seal’s key', () => {
  it('development: made once under DATA_DIR, then the same key is read back', async () => {
    const first = await readFile(developmentSealPath(dataDir));
    const again = await developmentSealKey(dataDir);
    expect(again.p12.equals(first)).toBe(true);
    const check = verifySealedPdf(await createSealer(async () => again).seal(pdf, { reason: 'x' }));
    const before = verifySealedPdf(sealed);
    expect(check.valid && before.valid && check.certificate.fingerprint256).toBe(
      before.valid && before.certificate.fingerprint256,
    );
  });

  it('a configured key is used as it is; a wrong password is a clear error, not a silent fallback', async () => {
    const p12 = selfSignedP12('s3cret', 'Qualif - cachet de la plateforme');
    const sealer = createSealer(async () => ({ p12, password: 's3cret' }));
    expect(await sealer.signer()).toBe('Qualif - cachet de la plateforme');
    expect(verifySealedPdf(await sealer.seal(pdf, { reason: 'x' }))).toMatchObject({
      valid: true,
      signer: 'Qualif - cachet de la plateforme',
    });
    expect(() => readSealKey({ p12, password: 'wrong' })).toThrow(/cannot be read with SEAL_P12_PASSWORD/);
    await expect(createSealer(async () => ({ p12, password: 'wrong' })).signer()).rejects.toThrow(
      /SEAL_P12_PASSWORD/,
    );
  });

  it('its certificate is handed to onCertificate once, before the first seal; a failure there fails the seal, then is retried', async () => {
    const p12 = selfSignedP12('s3cret', 'Qualif - cachet enregistré');
    const seen: string[] = [];
    let fail = true;
    const sealer = createSealer(async () => ({ p12, password: 's3cret' }), {
      onCertificate: async (certificate) => {
        seen.push(certificate.subject);
        if (fail) throw new Error('database unavailable');
      },
    });
    // Nothing sealed leaves while its certificate is not recorded.
    await expect(sealer.seal(pdf, { reason: 'x' })).rejects.toThrow(/database unavailable/);
    fail = false;
    const first = await sealer.seal(pdf, { reason: 'x' });
    await sealer.seal(pdf, { reason: 'y' });
    await sealer.certificate();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatch(/CN=Qualif - cachet enregistré/);
    const check = verifySealedPdf(first);
    expect(check.valid && check.certificate.fingerprint256).toBe((await sealer.certificate()).fingerprint256);
  });

  it('a PKCS#12 made by OpenSSL with its defaults (AES-256, PBKDF2), as an operator would, is accepted', async () => {
    const openssl = spawnSync('openssl', ['version']).error === undefined;
    if (!openssl) return;
    const dir = path.join(dataDir, 'openssl');
    execFileSync('mkdir', ['-p', dir]);
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '30',
        '-subj',
        '/CN=Cachet OpenSSL',
        '-keyout',
        path.join(dir, 'k.pem'),
        '-out',
        path.join(dir, 'c.pem'),
      ],
      { stdio: 'ignore' },
    );
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-inkey',
        path.join(dir, 'k.pem'),
        '-in',
        path.join(dir, 'c.pem'),
        '-out',
        path.join(dir, 'seal.p12'),
        '-passout',
        'pass:op',
      ],
      { stdio: 'ignore' },
    );
    const p12 = await readFile(path.join(dir, 'seal.p12'));
    const sealer = createSealer(async () => ({ p12, password: 'op' }));
    expect(verifySealedPdf(await sealer.seal(pdf, { reason: 'x' }))).toMatchObject({
      valid: true,
      signer: 'Cachet OpenSSL',
    });
  });
});
