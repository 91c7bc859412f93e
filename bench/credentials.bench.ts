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
 * - **Signed credentials per second** (target ≥ 100/s) and **credential JSON verifications per
 *   second** (target ≥ 200/s): see `signedCredentials` below. (The CDC flux: bench/cdc.bench.ts.)
 *
 * Each row gives the wall-clock rate, ms each and the process's CPU ms each: on a busy machine
 * (load above its cores) the rate counts the waits for a core, the CPU time does not — 1000 /
 * CPU ms is what one process does on a core of its own. Prints the targets and whether they are
 * met (by the wall-clock rate), and the machine's load average; never fails on timing. Fails
 * (exit 1) when a sealed certificate does not verify or lost its attachment, or a signed
 * credential does not verify, or one with a changed byte does.
 *
 * Env: BENCH_CERTIFICATE_SECONDS (each measure's seconds; default 10).
 */
import { randomBytes } from 'node:crypto';
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
import { credentialsServiceFactory } from '../src/modules/credentials/credentials.service.js';
import { signCredential, verifySignature } from '../src/modules/credentials/signing.js';
import { createEncryption } from '../src/platform/crypto/encryption.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { developmentSealKey } from '../src/platform/seal/development-key.js';
import { createSealer } from '../src/platform/seal/seal.js';
import { verifySealedPdf } from '../src/platform/seal/verify.js';
import { credentialSample } from './support/credential-sample.js';
import { load, loadAtStart, loadAtStart1 } from './support/load.js';

const out = (line = '') => process.stdout.write(`${line}\n`);
const CERTIFICATE_TARGET = 20;
const SECONDS = Number(process.env.BENCH_CERTIFICATE_SECONDS ?? 10);

/**
 * Calls `step` one after the other for `seconds`: how many per second, ms each, and the
 * process's CPU ms each (user + system: what one call costs on a core of its own — on a busy
 * machine the wall-clock rate also counts the waits for a core).
 */
async function rate(seconds: number, step: () => Promise<unknown> | unknown) {
  let n = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    await step();
    n++;
  }
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { perSecond: (n * 1000) / ms, ms: ms / n, cpuMs: (used.user + used.system) / 1000 / n, n };
}

type Rate = Awaited<ReturnType<typeof rate>>;
const HEADER =
  'measure                                        per second   ms each   CPU ms each   target    met';
/** A row: the rate, ms each, CPU ms each, and the target with whether it is met (if any). */
function row(label: string, r: Rate, target?: number) {
  const met =
    target === undefined ? '' : `   ≥ ${target}/s`.padEnd(11) + (r.perSecond >= target ? 'yes' : 'NO');
  return `${label.padEnd(45)} ${r.perSecond.toFixed(1).padStart(10)} ${r.ms.toFixed(1).padStart(9)} ${r.cpuMs.toFixed(1).padStart(13)}${met}`;
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

  out(HEADER);
  out(row('complete certificate (draw, QR, attach, seal)', all, CERTIFICATE_TARGET));
  out(row('  draw only (pdf-lib, QR code, attachment)', draw));
  out(row('  seal only (load, placeholder, save, CMS)', seal));
  out(row('    of which: PDF re-read, placeholder, saved', rewrite));
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
 * competencies (support/credential-sample.ts), signed with a DataIntegrityProof eddsa-rdfc-2022
 * and verified with @digitalbazaar/vc, offline (bundled contexts, the DID document in memory),
 * one after the other. What limits both: JSON-LD expansion by jsonld.js of the credential and of
 * its proof (VC 2.0 and OB 3.0 contexts, a type-scoped context at nearly every node — made ~4×
 * cheaper by jsonld-speed.ts), then RDF canonicalisation (rdf-canonize in JavaScript, ~80
 * quads) and SHA-256; the Ed25519 signature itself is ~0.1 ms (Node's crypto, key kept).
 * Fails when a signed credential does not verify, or one with a changed byte does.
 */
async function signedCredentials(): Promise<boolean> {
  const { key, loader, unsigned } = await credentialSample();
  // Warm-up, and a check of what is measured.
  let signed: Record<string, unknown> = {};
  for (let w = 0; w < 20; w++) signed = await signCredential(unsigned(), key, loader);
  for (let w = 0; w < 20; w++) await verifySignature(signed, loader);
  const ok = (await verifySignature(signed, loader)).verified;
  const tampered = JSON.parse(JSON.stringify(signed).replace('Élodie', 'Elodie'));
  const caught = !(await verifySignature(tampered, loader)).verified;

  const sign = await rate(SECONDS, () => signCredential(unsigned(), key, loader));
  const verify = await rate(SECONDS, async () => {
    if (!(await verifySignature(signed, loader)).verified)
      throw new Error('a signed credential did not verify');
  });
  out(HEADER);
  out(row('signed credential (OB 3.0, eddsa-rdfc-2022)', sign, SIGN_TARGET));
  out(row('credential JSON verified (@digitalbazaar/vc)', verify, VERIFY_TARGET));
  const onACore = (r: Rate, target: number) =>
    `${(1000 / r.cpuMs).toFixed(0)}/s (${1000 / r.cpuMs >= target ? 'meets' : 'MISSES'} ≥ ${target}/s)`;
  out(
    `  on a core of its own (1000 / CPU ms): signed ${onACore(sign, SIGN_TARGET)}, verified ${onACore(verify, VERIFY_TARGET)}`,
  );
  out(
    `  a credential: ${(JSON.stringify(signed).length / 1024).toFixed(1)} kB; verifies: ${ok ? 'yes' : 'NO'}; a changed byte caught: ${caught ? 'yes' : 'NO'}`,
  );
  return ok && caught;
}

/**
 * The signature check of Qualif's own verification (`credentials.verifyCredential`): the same
 * credential verified with the credentials service's loader, which resolves Qualif's DID
 * document from its keys (`issuer_keys`, PGlite in memory) — what the public verification pays
 * per request on top of the library's work (compare with the row above).
 */
async function ownLoaderVerifications(): Promise<boolean> {
  const handle = await openDatabase({ engine: 'pglite', dataDir: undefined });
  try {
    await migrateToLatest(handle.db);
    const service = credentialsServiceFactory({
      db: handle.db,
      encryption: createEncryption({ current: randomBytes(32) }),
      publicUrl: 'https://qualif.example.fr',
      // Only keys, the DID document and signatures are used here.
      awards: {} as never,
      certifications: {} as never,
      frameworks: {} as never,
      jobs: { define: () => ({ enqueueMany: async () => [] }) } as never,
      mail: {} as never,
    });
    const { unsigned } = await credentialSample();
    const signed = await signCredential(unsigned(), await service.signingKey(), service.documentLoader());
    for (let w = 0; w < 20; w++) await verifySignature(signed, service.documentLoader());
    const ok = (await verifySignature(signed, service.documentLoader())).verified;
    const verify = await rate(SECONDS, async () => {
      if (!(await verifySignature(signed, service.documentLoader())).verified)
        throw new Error('a signed credential did not verify');
    });
    out(row('  … the DID document from the database (own)', verify, VERIFY_TARGET));
    return ok;
  } finally {
    await handle.close();
  }
}

async function main(): Promise<number> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qualif-bench-credentials-'));
  try {
    out(`credentials.bench — ${loadAtStart} at the start`);
    out();
    const certificatesValid = await certificates(dataDir);
    out();
    const credentialsValid = (await signedCredentials()) && (await ownLoaderVerifications());
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
