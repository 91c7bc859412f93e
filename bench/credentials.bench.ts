/**
 * Certificates and verifiable credentials (issue 14, acceptance: « bench/credentials, per
 * process »). One Node process, its figures one after the other:
 *
 * - **Complete certificates per second** (target ≥ 20/s): the parchemin of a full award drawn
 *   from its view model (certificate-pdf.ts: house layout, vector QR code, the signed credential
 *   attached) then sealed with the platform's key (platform/seal, PAdES-style detached CMS),
 *   one after the other for BENCH_CERTIFICATE_SECONDS (default 10) after a warm-up. Then what
 *   limits it: drawing only, sealing only, and inside the seal the PDF re-read and re-written
 *   with its signature placeholder (pdf-lib) — the rest being the CMS signature.
 *
 * (Signed credentials, credential verifications and the CDC flux: their own sections.)
 *
 * Prints figures, the targets and whether they are met, and the machine's load average; never
 * fails on timing. Fails (exit 1) when a sealed certificate does not verify or lost its
 * attachment.
 *
 * Env: BENCH_CERTIFICATE_SECONDS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';
import {
  type CertificateInput,
  certificatePdf,
  sealCertificate,
} from '../src/modules/credentials/certificate-pdf.js';
import { offlineDocumentLoader } from '../src/modules/credentials/document-loader.js';
import { buildCredential } from '../src/modules/credentials/domain/credential.js';
import { didDocument } from '../src/modules/credentials/domain/did.js';
import { generateKeyMaterial, signCredential, verifySignature } from '../src/modules/credentials/signing.js';
import { developmentSealKey } from '../src/platform/seal/development-key.js';
import { createSealer } from '../src/platform/seal/seal.js';
import { verifySealedPdf } from '../src/platform/seal/verify.js';
import { load, loadAtStart, loadAtStart1 } from './support/load.js';

const out = (line = '') => process.stdout.write(`${line}\n`);
const CERTIFICATE_TARGET = 20;
const SECONDS = Number(process.env.BENCH_CERTIFICATE_SECONDS ?? 10);

/** Calls `step` one after the other for `seconds`: how many per second, and ms each. */
async function rate(seconds: number, step: () => Promise<unknown> | unknown) {
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    await step();
    n++;
  }
  const ms = performance.now() - start;
  return { perSecond: (n * 1000) / ms, ms: ms / n, n };
}

/** A full award of a CQPI of two branches, five blocs, RNCP level 4; a credential of ~6 kB. */
function sampleCertificate(i: number): CertificateInput {
  const number = `CQP-BENCH-2026-${String(i).padStart(6, '0')}`;
  const code = `Q7K2-M9XD-${String(i % 10_000).padStart(4, '0')}`;
  const blocs = Array.from({ length: 5 }, (_, b) => ({
    code: `BC0${b + 1}`,
    title: `Bloc ${b + 1} — conduire les opérations de maintenance préventive et corrective des équipements`,
  }));
  return {
    awardKind: 'full',
    holder: { name: 'Élodie Marchand-Benali' },
    certification: { code: 'CQP-BENCH', title: 'Technicien de maintenance industrielle', kind: 'CQPI' },
    branches: ['Métallurgie', 'Plasturgie et composites'],
    registration: { registry: 'RNCP', number: 'RNCP34567', level: 4 },
    blocs,
    award: { number, awardedOn: '2026-11-30', juryDate: '2026-11-27' },
    verification: { code, url: `https://qualif.example.fr/verifier/${code}` },
    status: { status: 'valid' },
    credentialJson: JSON.stringify({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `urn:uuid:${crypto.randomUUID()}`,
      credentialSubject: { achievement: { resultDescription: blocs }, padding: 'x'.repeat(5000) },
    }),
    generatedAt: new Date(),
  };
}

async function certificates(dataDir: string): Promise<boolean> {
  const key = await developmentSealKey(dataDir);
  const sealer = createSealer(async () => key);
  let i = 0;
  const complete = async () =>
    sealCertificate(sealer, await certificatePdf(sampleCertificate(++i)), `N-${i}`, new Date());

  // Warm-up (JIT, fonts, the key loaded once by the sealer), and a check of what is measured.
  let last: Uint8Array = new Uint8Array();
  for (let w = 0; w < 5; w++) last = await complete();
  const check = verifySealedPdf(last);
  const af = (await PDFDocument.load(last)).catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
  const hasCredential = af?.size() === 1;
  const valid = check.valid && hasCredential;

  const all = await rate(SECONDS, complete);
  const unsealed = await certificatePdf(sampleCertificate(0));
  const draw = await rate(SECONDS / 2, () => certificatePdf(sampleCertificate(++i)));
  const seal = await rate(SECONDS / 2, () => sealer.seal(unsealed, { reason: 'bench' }));
  // Inside the seal: the PDF read again and written with its signature placeholder (pdf-lib);
  // the rest is the CMS (@signpdf, node-forge's ASN.1 and SHA-256, the RSA by Node's crypto).
  const rewrite = await rate(SECONDS / 4, async () => {
    const doc = await PDFDocument.load(unsealed);
    pdflibAddPlaceholder({
      pdfDoc: doc,
      reason: 'bench',
      contactInfo: '',
      name: 'bench',
      location: '',
      signatureLength: 16_384,
      subFilter: 'adbe.pkcs7.detached',
    });
    return doc.save({ useObjectStreams: false });
  });

  out('measure                                        per second   ms each   target    met');
  out(
    `complete certificate (draw, QR, attach, seal) ${all.perSecond.toFixed(1).padStart(10)} ${all.ms.toFixed(1).padStart(9)}   ≥ ${CERTIFICATE_TARGET}/s    ${all.perSecond >= CERTIFICATE_TARGET ? 'yes' : 'NO'}`,
  );
  out(
    `  draw only (pdf-lib, QR code, attachment)    ${draw.perSecond.toFixed(1).padStart(10)} ${draw.ms.toFixed(1).padStart(9)}`,
  );
  out(
    `  seal only (load, placeholder, save, CMS)    ${seal.perSecond.toFixed(1).padStart(10)} ${seal.ms.toFixed(1).padStart(9)}`,
  );
  out(
    `    of which: PDF re-read, placeholder, saved ${rewrite.perSecond.toFixed(1).padStart(10)} ${rewrite.ms.toFixed(1).padStart(9)}`,
  );
  out(
    `  a certificate: ${(last.length / 1024).toFixed(0)} kB sealed; seal ${check.valid ? 'verifies' : 'DOES NOT verify'}; credential ${hasCredential ? 'attached' : 'MISSING'}`,
  );
  return valid;
}

const SIGN_TARGET = 100;
const VERIFY_TARGET = 200;

/**
 * Signed credentials per second (target ≥ 100/s) and credential JSON verifications per second
 * (target ≥ 200/s): the Open Badges 3.0 credential of a full award with five blocs of four
 * competencies (domain/credential.ts), signed with a DataIntegrityProof eddsa-rdfc-2022 and
 * verified with @digitalbazaar/vc, offline (bundled contexts, the DID document in memory), one
 * after the other. Both are dominated by RDF canonicalisation (rdf-canonize in JavaScript: the
 * credential expanded to ~80 quads, canonicalised, hashed), the Ed25519 signature itself being
 * a fraction of a millisecond (Node's crypto). Fails when a signed credential does not verify,
 * or one with a changed byte does.
 */
async function signedCredentials(): Promise<boolean> {
  const did = 'did:web:qualif.example.fr';
  const material = await generateKeyMaterial();
  const key = { ...material, verificationMethod: `${did}#${material.publicKeyMultibase}` };
  const doc = didDocument(did, [
    { fragment: material.publicKeyMultibase, publicKeyMultibase: material.publicKeyMultibase },
  ]);
  const loader = offlineDocumentLoader({ resolveDid: async (id) => (id === did ? doc : undefined) });
  const blocs = Array.from({ length: 5 }, (_, b) => ({
    code: `BC0${b + 1}`,
    title: `Bloc ${b + 1} — conduire les opérations de maintenance préventive et corrective`,
    competencies: Array.from({ length: 4 }, (_, c) => ({
      code: `C${b + 1}.${c + 1}`,
      title: `Compétence ${b + 1}.${c + 1} : diagnostiquer un dysfonctionnement et choisir l’intervention`,
    })),
  }));
  let i = 0;
  const unsigned = () =>
    buildCredential({
      publicUrl: 'https://qualif.example.fr',
      issuer: { did, name: 'Qualif' },
      award: {
        id: crypto.randomUUID(),
        number: `CQP-BENCH-2026-${String(++i).padStart(6, '0')}`,
        kind: 'full',
        awardedOn: '2026-11-30',
        createdAt: '2026-11-30T10:00:00.000Z',
        verificationCode: 'Q7K2-M9XD-4TPA',
        statusListIndex: i,
        blocs: blocs.map((b) => ({ code: b.code, validUntil: null })),
      },
      certification: {
        id: crypto.randomUUID(),
        code: 'CQP-BENCH',
        title: 'Technicien de maintenance industrielle',
        kind: 'CQPI',
        branches: [{ id: crypto.randomUUID(), name: 'Métallurgie' }],
        blocs,
        registration: { registry: 'RNCP', number: 'RNCP34567', level: 4 },
      },
      holder: { name: 'Élodie Marchand-Benali' },
    });
  // Warm-up, and a check of what is measured.
  let signed: Record<string, unknown> = {};
  for (let w = 0; w < 5; w++) signed = await signCredential(unsigned(), key, loader);
  const ok = (await verifySignature(signed, loader)).verified;
  const tampered = JSON.parse(JSON.stringify(signed).replace('Élodie', 'Elodie'));
  const caught = !(await verifySignature(tampered, loader)).verified;

  const sign = await rate(SECONDS, () => signCredential(unsigned(), key, loader));
  const verify = await rate(SECONDS, async () => {
    if (!(await verifySignature(signed, loader)).verified)
      throw new Error('a signed credential did not verify');
  });
  out('measure                                        per second   ms each   target    met');
  out(
    `signed credential (OB 3.0, eddsa-rdfc-2022)   ${sign.perSecond.toFixed(1).padStart(10)} ${sign.ms.toFixed(1).padStart(9)}   ≥ ${SIGN_TARGET}/s   ${sign.perSecond >= SIGN_TARGET ? 'yes' : 'NO'}`,
  );
  out(
    `credential JSON verified (@digitalbazaar/vc)  ${verify.perSecond.toFixed(1).padStart(10)} ${verify.ms.toFixed(1).padStart(9)}   ≥ ${VERIFY_TARGET}/s   ${verify.perSecond >= VERIFY_TARGET ? 'yes' : 'NO'}`,
  );
  out(
    `  a credential: ${(JSON.stringify(signed).length / 1024).toFixed(1)} kB; verifies: ${ok ? 'yes' : 'NO'}; a changed byte caught: ${caught ? 'yes' : 'NO'}`,
  );
  return ok && caught;
}

async function main(): Promise<number> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qualif-bench-credentials-'));
  try {
    out(`credentials.bench — ${loadAtStart} at the start`);
    out();
    const certificatesValid = await certificates(dataDir);
    out();
    const credentialsValid = await signedCredentials();
    out();
    out(`Machine: ${load()} at the end; at the start: ${loadAtStart}`);
    if (Math.max(loadAtStart1, loadavg()[0] ?? 0) > cpus().length)
      out(
        '  The machine was busy (load average above its number of cores): the rates include waits for a core.',
      );
    if (!certificatesValid) {
      out('INVALID: a sealed certificate does not verify or lost its attached credential.');
      return 1;
    }
    if (!credentialsValid) {
      out('INVALID: a signed credential does not verify, or one with a changed byte does.');
      return 1;
    }
    return 0;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
