import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Signed, signIn } from '../support.js';
import { browserAvailable, expectAxeClean, type ServedApp, serveAppInBrowser } from './browser.js';

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

/**
 * « Vérifier un certificat » (issue 14, point 3) in Chromium, on the demo, at 390 px and not
 * signed in: a demo award's code typed in the form gives « Certificat valide » with the holder's
 * name; the certificate PDF (downloaded through the API by the branch's manager) uploaded gives
 * the same verdict with the document intact; once the manager revoked the award through the
 * API, the page the QR code opens says « révoqué ». axe on each answer.
 */
describe.skipIf(!browserAvailable)('public verification of a certificate in Chromium', () => {
  let served: ServedApp;
  let base: string;
  let dir: string;
  let manager: Signed;
  let award: { id: string; code: string; number: string };
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    served = await serveAppInBrowser();
    base = served.base;
    dir = await mkdtemp(path.join(tmpdir(), 'qualif-verification-'));
    // A valid award of the demo's closed session (the one revoked there is left alone).
    const row = await served.t.db
      .selectFrom('awards')
      .select(['id', 'verification_code', 'number'])
      .where('revoked_at', 'is', null)
      .where('suspended_at', 'is', null)
      .where('kind', '=', 'full')
      .orderBy('number')
      .executeTakeFirstOrThrow();
    award = { id: row.id, code: row.verification_code, number: row.number };
    manager = await signIn(served.t.app, 'branch_manager@demo.qualif.test');
    context = await served.browser.newContext({ viewport: PHONE });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await served?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const verdict = (name: string) => page.getByRole('status').filter({ hasText: name }).first().waitFor(WAIT);

  it('a visitor types a demo award’s code, as printed but in lower case: « Certificat valide », the holder named', async () => {
    await page.goto(`${base}/verifier`);
    await page.getByRole('heading', { name: 'Vérifier un certificat', level: 1 }).waitFor(WAIT);
    await page.getByLabel('Code de vérification').fill(award.code.toLowerCase());
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await verdict('Certificat valide');
    expect(page.url()).toBe(`${base}/verifier/${award.code.toLowerCase()}`);
    const main = page.getByRole('main');
    await main.getByText('Ce que Qualif atteste').waitFor(WAIT);
    const answer = await served.t.app.inject({ url: `/api/v1/verifications/${award.code}` });
    const holder = (answer.json() as { holder: { name: string } }).holder.name;
    expect(holder.length).toBeGreaterThan(3);
    await main.getByText(holder).first().waitFor(WAIT);
    expect(await main.textContent()).toContain('Signature électronique');
    await expectAxeClean(page);
  });

  it('the certificate PDF, downloaded by the branch’s manager, uploaded: valid, the document intact', async () => {
    const pdf = await served.t.app.inject({
      url: `/api/v1/awards/${award.id}/certificate.pdf`,
      headers: { cookie: manager.cookie },
    });
    expect(pdf.statusCode, pdf.body).toBe(200);
    const file = path.join(dir, `${award.number}.pdf`);
    await writeFile(file, pdf.rawPayload);
    await page.goto(`${base}/verifier`);
    await page.getByRole('heading', { name: 'Vérifier un certificat', level: 1 }).waitFor(WAIT);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Vérifier le document' }).click();
    await verdict('Certificat valide');
    await page.getByText(/Le document est intact/).waitFor(WAIT);
    await page
      .getByRole('heading', { name: `Résultat pour le fichier « ${award.number}.pdf »` })
      .waitFor(WAIT);
    await expectAxeClean(page);
  });

  it('an unknown code: « Code inconnu », said in French', async () => {
    await page.goto(`${base}/verifier/ZZZZ-ZZZZ-ZZZZ`);
    await page.getByText('Code inconnu').waitFor(WAIT);
    await page.getByText(/Aucun certificat ne porte ce code/).waitFor(WAIT);
    await expectAxeClean(page);
  });

  it('revoked through the API, the page the QR code opens says « révoqué »', async () => {
    const revoke = await served.t.app.inject({
      method: 'POST',
      url: `/api/v1/awards/${award.id}/revoke`,
      headers: { cookie: manager.cookie, 'x-csrf-token': manager.csrf },
      payload: { reason: 'Document obtenu par fraude' },
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    await page.goto(`${base}/verifier/${award.code}`);
    await verdict('Certificat révoqué');
    await page.getByText(/Certificat révoqué le \d/).waitFor(WAIT);
    expect(await page.getByRole('main').textContent()).not.toContain('fraude');
    await expectAxeClean(page);
    expect(errors).toEqual([]);
  });
});
