import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY_FILE } from '../../src/app/demo-catalogue.js';
import type { TestApp } from '../support.js';
import { browserAvailable, type ServedApp, screenshotDir, serveAppInBrowser, signedIn } from './browser.js';

const WAIT = { timeout: 15_000 };

/**
 * The registry in a real Chromium: anyone checks a registration, an admin imports the
 * export, a branch manager handles the alert the demo's expired fiche raised.
 */
describe.skipIf(!browserAvailable)('registry in Chromium', () => {
  let served: ServedApp;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let dir: string;
  beforeAll(async () => {
    served = await serveAppInBrowser();
    ({ t, browser, base } = served);
    dir = await mkdtemp(path.join(tmpdir(), 'qualif-e2e-registry-'));
  });

  afterAll(async () => {
    await served?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('anyone checks a registration by title or by number, without signing in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${base}/connexion`);
      await page.getByRole('link', { name: /Vérifier l’inscription d’une certification/ }).click();
      await page.getByRole('heading', { name: 'Vérifier l’inscription d’une certification' }).waitFor(WAIT);
      await page.getByLabel('Numéro de fiche ou intitulé').fill('cybersecurite');
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByText('1 fiche trouvée', { exact: false }).waitFor(WAIT);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`),
      ).toEqual([]);
      await page.getByRole('link', { name: 'RNCP37488' }).click();

      await page.getByRole('heading', { name: 'RNCP37488 — Cybersécurité', level: 1 }).waitFor(WAIT);
      await page.getByText('Inscrite au RNCP').waitFor(WAIT);
      await page.getByText(/au 31 août 2028, niveau \d/).waitFor(WAIT);
      await page.getByRole('heading', { name: 'Voies d’accès ouvertes par jury' }).waitFor(WAIT);
      await page.getByRole('heading', { name: 'Blocs de compétences' }).waitFor(WAIT);
      await page.getByRole('heading', { name: 'Certificateurs' }).waitFor(WAIT);
      const fiche = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(
        fiche.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`),
      ).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/e2e-registry-fiche.png`, fullPage: true });

      // By number, in any case and spacing: straight to the fiche, here an ended one.
      await page.getByRole('link', { name: '← Vérifier une autre certification' }).click();
      await page.getByLabel('Numéro de fiche ou intitulé').fill(' rncp 34762 ');
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.waitForURL(/\/verifier-une-inscription\/RNCP34762$/, WAIT);
      await page.getByText('Pas inscrite aujourd’hui').waitFor(WAIT);
      await page.getByText(/l’enregistrement a pris fin le 31 août 2024|la fiche est inactive/).waitFor(WAIT);
      // Its place among the versions of the certification, each number a link to its fiche.
      const versions = page.getByRole('region', { name: 'Versions de la certification' });
      await versions.getByText('Remplace : RNCP24998').waitFor(WAIT);
      await versions.getByText('Remplacée par : RNCP39568').waitFor(WAIT);
      expect(await versions.getByRole('link', { name: 'RNCP39568' }).getAttribute('href')).toBe(
        '/verifier-une-inscription/RNCP39568',
      );

      // A number the imported exports do not hold: said so, with the import's date, and a way on.
      await page.goto(`${base}/verifier-une-inscription/RNCP99999`);
      await page
        .getByRole('heading', { name: 'RNCP99999 : fiche absente des exports importés', level: 1 })
        .waitFor(WAIT);
      await page
        .getByText(/ne figure pas dans les exports du RNCP importés dans Qualif \(dernier import le /)
        .waitFor(WAIT);
      await page.getByLabel('Numéro de fiche ou intitulé').waitFor(WAIT);
    } finally {
      await context.close();
    }
  });

  it('an admin imports the export from the UI and reads the counts; a truncated file fails and changes nothing', async () => {
    const page = await browser.newPage();
    try {
      await signedIn(page, base, 'admin@demo.qualif.test');
      await page.getByRole('navigation').getByRole('link', { name: 'Registre RNCP / RS' }).click();
      await page.getByRole('heading', { name: 'Registre RNCP / RS : imports' }).waitFor(WAIT);

      // The demo imported this same file: everything is unchanged.
      await page.locator('input[type=file]').setInputFiles(DEMO_REGISTRY_FILE);
      await page.getByRole('button', { name: 'Importer' }).click();
      await page.getByText('0 nouvelles · 0 modifiées · 12 inchangées').first().waitFor(WAIT);
      await page.screenshot({ path: `${screenshotDir}/e2e-registry-imports.png`, fullPage: true });

      const text = await readFile(DEMO_REGISTRY_FILE, 'utf8');
      const truncated = path.join(dir, 'export_tronque.xml');
      await writeFile(truncated, text.slice(0, Math.floor(text.length / 2)));
      await page.locator('input[type=file]').setInputFiles(truncated);
      await page.getByRole('button', { name: 'Importer' }).click();
      const failed = page.getByRole('row').filter({ hasText: 'export_tronque.xml' });
      await failed.getByText('Échoué').waitFor(WAIT);
      await failed.getByText(/ligne \d+/).waitFor(WAIT);
      await failed.getByText('Les fiches déjà importées sont inchangées.').waitFor(WAIT);

      const after = await t.app.inject({ url: '/api/v1/registry/fiches?q=cybersecurite' });
      expect(after.json().total).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('a branch manager sees the alerts the expired fiche raised, and handles them', async () => {
    const page = await browser.newPage();
    try {
      await signedIn(page, base, 'branch_manager@demo.qualif.test');
      await page.getByRole('navigation').getByRole('link', { name: 'Alertes du registre' }).click();
      await page.getByRole('heading', { name: 'Alertes du registre' }).waitFor(WAIT);
      const ended = page.getByRole('article', {
        name: 'Inscription différente du catalogue — Agent de prévention et de sécurité',
      });
      await ended.waitFor(WAIT);
      await ended.getByText(/Le registre inscrit RNCP34762 \(du .* au 31 août 2024/).waitFor(WAIT);
      await page.screenshot({ path: `${screenshotDir}/e2e-registry-alerts.png`, fullPage: true });

      // The demo's link is to an unrelated fiche, registered before the catalogue's
      // transmission: applying it would make the history incoherent, and the dialog says so.
      await ended.getByRole('button', { name: /^Appliquer le registre/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Appliquer' }).click();
      await dialog
        .getByText('Une inscription suppose une transmission préalable à France compétences.')
        .waitFor(WAIT);
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await ended.waitFor(WAIT);

      // The title differs on purpose: the manager files that alert away.
      const title = page.getByRole('article', {
        name: 'Intitulé différent — Agent de prévention et de sécurité',
      });
      await title.getByRole('button', { name: /^Classer l’alerte/ }).click();
      await dialog.getByRole('button', { name: 'Classer' }).click();
      await title.waitFor({ state: 'detached', ...WAIT });
      await page.getByText('Classées', { exact: true }).click();
      await title.getByText(/^Classée le/).waitFor(WAIT);
    } finally {
      await page.close();
    }
  });
});
