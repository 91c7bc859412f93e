import { existsSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { projectRoot } from '../../src/platform/paths.js';
import { createTestApp, freePort, type TestApp } from '../support.js';

/**
 * Browser tests drive Debian's Chromium through playwright-core (no browser download).
 * Without Chromium they are skipped with a message saying how to install it, unless
 * E2E=required (as in .ci/run), where a missing browser is a failure.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(chromiumPath);
export const webBuilt = existsSync(path.join(projectRoot, 'dist', 'web', 'index.html'));

if (!browserAvailable) {
  const message = `Chromium not found at ${chromiumPath}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`;
  if (process.env.E2E === 'required') throw new Error(`E2E=required but ${message}`);
  console.warn(`SKIPPED browser tests: ${message}`);
}
if (browserAvailable && !webBuilt) {
  throw new Error(
    'The web app is not built: run `npm run build:web` (npm test does it) before the browser tests.',
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const screenshotDir = path.join(projectRoot, 'test-results');

/** Qualif with demo data, listening on a free loopback port, and a Chromium to visit it. */
export type ServedApp = { t: TestApp; browser: Browser; base: string; close: () => Promise<void> };

export async function serveAppInBrowser(
  /** The demo seed (with its candidacies by default); `false`: the test builds its data with the factories. */
  demo: false | 'with-candidacies' = 'with-candidacies',
): Promise<ServedApp> {
  // Pick the port first: PUBLIC_URL must match the address the browser uses.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ env: { PUBLIC_URL: base }, demo });
  await t.app.listen({ host: '127.0.0.1', port });
  const browser = await launchBrowser();
  return {
    t,
    browser,
    base,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** Fills and sends the login form; `signedIn` waits for the home page to name the person. */
export async function signIn(page: Page, base: string, email: string, password = 'qualif-demo') {
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function signedIn(page: Page, base: string, email: string) {
  await signIn(page, base, email);
  await page.getByText(`Connecté·e en tant que ${email}`).waitFor({ timeout: 15_000 });
}

/**
 * No transition or animation is running, but endless ones (a loader). Run in the page;
 * `globalThis` typed by hand, the test project has no DOM types.
 */
function settled(): boolean {
  type Running = { playState: string; effect: { getComputedTiming(): { iterations?: number } } | null };
  const { document } = globalThis as unknown as { document: { getAnimations(): Running[] } };
  return document
    .getAnimations()
    .every(
      (a) =>
        a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY,
    );
}

/** axe (WCAG 2 A and AA) finds nothing on the page as it is now; the failure lists each violation. */
export async function expectAxeClean(page: Page) {
  // A dialog fading in is half transparent: its contrast would be measured mid-way. Let every
  // running transition and animation finish first (infinite ones, a loader, are left alone).
  await page.waitForFunction(settled, undefined, { timeout: 15_000 });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual(
    [],
  );
}

/**
 * Picks an option of a Mantine select by its label. The form may re-render while the dropdown
 * is open (a filter just typed), closing it: open it again and retry, a few times.
 */
export async function choose(page: Page, label: string, option: string | RegExp) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  for (let attempt = 1; ; attempt++) {
    await input.click();
    try {
      await page.getByRole('option', { name: option }).first().click({ timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
