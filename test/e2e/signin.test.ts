import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/platform/auth/roles.js';
import {
  browserAvailable,
  type ServedApp,
  screenshotDir,
  serveAppInBrowser,
  signedIn,
  signIn,
} from './browser.js';

/** Signs in as each demo role in a real Chromium, as a person would, and keeps a screenshot. */
describe.skipIf(!browserAvailable)('web shell in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    served = await serveAppInBrowser();
    ({ browser, base } = served);
  });

  afterAll(async () => {
    await served?.close();
  });

  for (const role of ROLES) {
    it(`signs in as ${role}, sees who is signed in, and signs out`, async () => {
      const page = await browser.newPage();
      try {
        const email = `${role}@demo.qualif.test`;
        await signIn(page, base, email);
        await page.getByText(`Connecté·e en tant que ${email}`).waitFor({ timeout: 15_000 });
        const nav = page.getByRole('navigation');
        await expect(nav.getByRole('link', { name: 'Accueil' }).isVisible()).resolves.toBe(true);
        await expect(nav.getByRole('link', { name: 'Utilisateurs' }).count()).resolves.toBe(
          role === 'admin' ? 1 : 0,
        );
        await page.screenshot({ path: `${screenshotDir}/e2e-home-${role}.png`, fullPage: true });
        await page.getByRole('button', { name: 'Se déconnecter' }).click();
        await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 15_000 });
      } finally {
        await page.close();
      }
    });
  }

  it('a wrong password shows the error and stays on the login page', async () => {
    const page = await browser.newPage();
    try {
      await signIn(page, base, 'admin@demo.qualif.test', 'not-the-password');
      await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).pathname).toBe('/connexion');
    } finally {
      await page.close();
    }
  });

  it('an unauthenticated visit to a private page goes to the login page, then back', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/sessions`);
      await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 15_000 });
      await page.getByLabel('Adresse e-mail').fill('employer@demo.qualif.test');
      await page.getByLabel('Mot de passe', { exact: true }).fill('qualif-demo');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL(`${base}/sessions`, { timeout: 15_000 });
    } finally {
      await page.close();
    }
  });

  it('revokes another session after confirming, then its own, which signs out', async () => {
    // The evaluator's other sessions were all closed by « signs in as evaluator… ».
    const email = 'evaluator@demo.qualif.test';
    const elsewhere = await browser.newContext();
    const here = await browser.newContext();
    try {
      const otherPage = await elsewhere.newPage();
      await signedIn(otherPage, base, email);
      const page = await here.newPage();
      await signedIn(page, base, email);
      await page.goto(`${base}/sessions`);
      const rows = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^Révoquer/ }) });
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
      const dialog = page.getByRole('dialog', { name: 'Révoquer cette session ?' });
      /** « Révoquer » on the row, then the dialog's confirmation once it says `warning`. */
      const revoke = async (row: Locator, warning: string) => {
        await row.getByRole('button', { name: /^Révoquer/ }).click();
        await dialog.getByText(warning, { exact: false }).waitFor();
        await dialog.getByRole('button', { name: 'Confirmer la révocation' }).click();
      };

      await revoke(
        rows.filter({ hasNotText: 'Cette session' }),
        "l'appareil qui l'utilise devra se reconnecter",
      );
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
      await otherPage.goto(`${base}/sessions`);
      await otherPage.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 15_000 });

      await revoke(rows.filter({ hasText: 'Cette session' }), 'vous serez déconnecté·e');
      await page.waitForURL(`${base}/connexion`, { timeout: 15_000 });
    } finally {
      await elsewhere.close();
      await here.close();
    }
  });

  it('the login and home pages have no WCAG A/AA violations found by axe', async () => {
    // axe needs a page from an explicit browser context.
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${base}/connexion`);
      await page.getByRole('button', { name: 'Se connecter' }).waitFor();
      const login = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(
        login.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`),
      ).toEqual([]);
      await signIn(page, base, 'branch_manager@demo.qualif.test');
      await page
        .getByText('Connecté·e en tant que branch_manager@demo.qualif.test')
        .waitFor({ timeout: 15_000 });
      const home = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(
        home.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
