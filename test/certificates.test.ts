import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/contracts/dates.js';
import type { JuryOutcome } from '../src/contracts/juries.js';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { frenchDate } from '../src/platform/pdf-layout.js';
import { verifySealedPdf } from '../src/platform/seal/verify.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { closedAward } from './jury-seed.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * `GET /api/v1/awards/{id}/certificate.pdf` (issue 14, point 1) through HTTP on a real database:
 * the parchemin of a full award and the bloc attestation of a partial one, sealed, carrying the
 * very credential `GET …/credential` serves; readers of the award only (404 otherwise); a revoked
 * award's certificate still served to them, marked « RÉVOQUÉ ».
 */
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
const withPoppler = it.runIf(poppler || process.env.CI);

let t: TestApp;
let f: Factories;
let dir: string;
let manager: Signed;
let otherManager: Signed;
let trainingOrg: Signed;
let otherTrainingOrg: Signed;
let holder: Signed;
let otherCandidate: Signed;
let cert: { id: string; code: string };
let org: { id: string };
let branch: { id: string; name: string };
let fullId: string;
let partialId: string;

const as = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const download = (id: string, who: Signed) =>
  t.app.inject({ url: `/api/v1/awards/${id}/certificate.pdf`, headers: as(who) });

/** An award of a sealed session of `branch`, closed by the system, for a new candidacy. */
async function awardFor(outcome: JuryOutcome, candidate: ReturnType<Factories['newCandidate']>) {
  return closedAward(t, f, {
    certificationId: cert.id,
    trainingOrganisationId: org.id,
    branchId: branch.id,
    outcome,
    candidate,
    date: '2026-06-12',
  });
}

/** The files attached to a PDF (catalogue's /AF), name → text, read with pdf-lib. */
async function attachments(pdf: Uint8Array) {
  const doc = await PDFDocument.load(pdf);
  const af = doc.catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
  const files = new Map<string, string>();
  for (const ref of af?.asArray() ?? []) {
    const spec = doc.context.lookup(ref, PDFDict);
    const name = spec.lookup(PDFName.of('F'), PDFString).decodeText();
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F')) as PDFRawStream;
    files.set(name, Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8'));
  }
  return files;
}

async function textOf(pdf: Uint8Array) {
  const file = path.join(dir, `${crypto.randomUUID()}.pdf`);
  await writeFile(file, pdf);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qualif-certificates-'));
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  branch = await f.newBranch();
  const otherBranch = await f.newBranch();
  org = await f.newOrganisation('training_org');
  const otherOrg = await f.newOrganisation('training_org');
  cert = await f.newEnrollableCertification([branch.id], [org.id]);
  await f.addEvents(cert.id, [
    {
      type: 'rncp_registered',
      date: '2021-01-01',
      number: 'RNCP34567',
      level: 4,
      from: '2021-01-01',
      to: '2030-12-31',
    },
  ]);
  const sign = async (role: Parameters<Factories['newUser']>[0], scope = {}) => {
    const user = await f.newUser(role, scope);
    return { user, signed: await signIn(t.app, user.email, TEST_PASSWORD) };
  };
  manager = (await sign('branch_manager', { branchId: branch.id })).signed;
  otherManager = (await sign('branch_manager', { branchId: otherBranch.id })).signed;
  trainingOrg = (await sign('training_org', { organisationId: org.id })).signed;
  otherTrainingOrg = (await sign('training_org', { organisationId: otherOrg.id })).signed;
  const h = await sign('candidate');
  holder = h.signed;
  otherCandidate = (await sign('candidate')).signed;
  fullId = await awardFor(
    'full',
    f.newCandidate({ email: h.user.email, birthName: 'Marchand', firstNames: ['Élodie', 'Anne'] }),
  );
  partialId = await awardFor('partial', f.newCandidate({ birthName: 'Dupont', firstNames: ['Léa'] }));
}, 180_000);

afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/v1/awards/{id}/certificate.pdf', () => {
  let pdf: Uint8Array;
  let award: { number: string; verificationCode: string };

  it('the holder downloads the parchemin: a sealed PDF named by the award number', async () => {
    award = (await t.app.inject({ url: `/api/v1/awards/${fullId}`, headers: as(holder) })).json();
    const res = await download(fullId, holder);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${award.number}.pdf"`);
    pdf = res.rawPayload;
    expect(verifySealedPdf(pdf)).toMatchObject({ valid: true });
  });

  it('carries, attached, exactly the credential GET …/credential serves', async () => {
    const credential = await t.app.inject({
      url: `/api/v1/awards/${fullId}/credential`,
      headers: as(holder),
    });
    expect(credential.statusCode, credential.body).toBe(200);
    const files = await attachments(pdf);
    expect([...files.keys()]).toEqual([`${award.number}.credential.json`]);
    expect(files.get(`${award.number}.credential.json`)).toBe(credential.body);
  });

  withPoppler('says who, what, which blocs, when, and how to verify it', async () => {
    const text = await textOf(pdf);
    for (const mention of [
      'Certificat de qualification professionnelle',
      'Élodie Anne Marchand',
      branch.name,
      `Code ${cert.code}`,
      'sous le numéro RNCP34567, niveau 4',
      'BC01 — Premier bloc',
      'BC02 — Second bloc',
      `Numéro : ${award.number}`,
      'jury du 12 juin 2026',
      award.verificationCode,
      `http://localhost:3000/verifier/${award.verificationCode}`,
    ])
      expect(text).toContain(mention);
    expect(text).not.toContain('RÉVOQUÉ');
  });

  withPoppler('a partial award gives the bloc attestation, with only the bloc validated', async () => {
    const res = await download(partialId, manager);
    expect(res.statusCode, res.body).toBe(200);
    const text = await textOf(res.rawPayload);
    expect(text).toContain('Attestation de blocs de compétences');
    expect(text).toContain('Léa Dupont');
    expect(text).toContain('BC01 — Premier bloc');
    expect(text).not.toContain('BC02');
  });

  it('readers of the award only: the branch and the training organisation read it; others, an unknown id → 404', async () => {
    expect((await download(fullId, manager)).statusCode).toBe(200);
    expect((await download(fullId, trainingOrg)).statusCode).toBe(200);
    for (const who of [otherManager, otherTrainingOrg, otherCandidate]) {
      const res = await download(fullId, who);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body).not.toMatch(/Marchand/);
    }
    expect((await download(crypto.randomUUID(), manager)).statusCode).toBe(404);
    expect((await download(partialId, holder)).statusCode).toBe(404);
  });

  it('the same document is served again while nothing it shows changed (cached sealed bytes)', async () => {
    const again = await download(fullId, holder);
    expect(Buffer.from(again.rawPayload).equals(Buffer.from(pdf))).toBe(true);
  });

  withPoppler(
    'a certification retitled after the award: the PDF keeps the title signed in its credential',
    async () => {
      const before = await t.services.catalogue.certifications.get(cert.id, SYSTEM_ADMIN);
      const shown = async () => textOf((await download(partialId, manager)).rawPayload);
      expect(await shown()).toContain(before.title);
      const retitled = 'Intitulé modifié après la délivrance';
      await t.services.catalogue.certifications.update(
        cert.id,
        {
          kind: before.kind,
          code: before.code,
          title: retitled,
          branchIds: before.branches.map((b) => b.id),
          legalOwner: { name: before.legal_owner_name, siret: before.legal_owner_siret },
          romeCodes: before.rome_codes,
          nsfCodes: before.nsf_codes,
          formacodeCodes: before.formacode_codes,
          description: before.description,
          jobsTargeted: before.jobs_targeted,
        },
        SYSTEM_ADMIN,
        'test',
      );
      expect((await t.services.catalogue.certifications.get(cert.id, SYSTEM_ADMIN)).title).toBe(retitled);
      const text = await shown();
      expect(text).toContain(before.title);
      expect(text).not.toContain(retitled);
    },
  );

  withPoppler('once revoked, still served to its readers, marked « RÉVOQUÉ » with the date', async () => {
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/awards/${fullId}/revoke`,
      headers: as(manager),
      payload: { reason: 'Fraude constatée' },
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    const res = await download(fullId, holder);
    expect(res.statusCode).toBe(200);
    expect(Buffer.from(res.rawPayload).equals(Buffer.from(pdf))).toBe(false);
    expect(verifySealedPdf(res.rawPayload)).toMatchObject({ valid: true });
    const text = await textOf(res.rawPayload);
    expect(text).toContain(`RÉVOQUÉ le ${frenchDate(today())}`);
    expect(text).not.toContain('Fraude'); // the reason stays in the history, not on the document
  });
});
