import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support.js';
import { browserAvailable, type ServedApp, screenshotDir, serveAppInBrowser } from './browser.js';

describe.skipIf(!browserAvailable)('eligibility in the browser', () => {
  let served: ServedApp;
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    served = await serveAppInBrowser();
    ({ t, browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    await served?.close();
  });

  it('lists the rules with their sources, simulates a hypothetical CQP, shows the matrix on a fiche', async () => {
    // axe needs a page from an explicit browser context.
    const context = await browser.newContext();
    const page = await context.newPage();
    const axe = async () =>
      (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations.map(
        (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`,
      );
    await page.goto(`${base}/regles-d-acces`);
    await page.getByRole('heading', { name: 'Période de reconversion', level: 2 }).waitFor();
    expect(await page.getByText('Source : C. trav. L6313-5', { exact: false }).count()).toBeGreaterThan(0);
    expect(await axe()).toEqual([]);

    // A catalogue certification, found by the catalogue's search as one types.
    await page.goto(`${base}/simuler`);
    await page.getByRole('textbox', { name: 'Certification du catalogue' }).fill('cordiste');
    await page.getByRole('listbox').getByRole('option', { name: 'CQP-CORD1 — Cordiste niveau 1' }).click();
    await page.getByLabel('Date de la simulation').fill('2025-06-01');
    await page.getByRole('button', { name: 'Simuler' }).click();
    await page.locator('[data-route="cpf"]').waitFor();
    // Registered in the RS (RS6587, 2024–2029): the CPF is open.
    expect(await page.locator('[data-route="cpf"]').textContent()).toContain('Ouverte');

    await page.getByText('Hypothétique', { exact: true }).click();
    await page.getByLabel('Date de la simulation').fill('2024-03-01');
    await page.getByRole('button', { name: 'Simuler' }).click();
    const vae = page.locator('[data-route="vae"]');
    await vae.waitFor();
    expect(await vae.textContent()).toContain('Fermée');
    expect(await page.locator('[data-route="plan_developpement"]').textContent()).toContain('Ouverte');
    await page.locator('[data-route="vae"] button').first().click();
    await page.getByText('Source : C. trav. L6313-5', { exact: false }).first().waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'eligibility-simulate.png'), fullPage: true });
    expect(await axe()).toEqual([]);

    const list = (await t.app.inject({ url: '/api/v1/certifications?pageSize=1' })).json();
    await page.goto(`${base}/catalogue/${list.items[0].id}`);
    await page.getByRole('heading', { name: 'Voies d’accès' }).waitFor();
    await page.locator('[data-route="cpf"]').waitFor();
    expect(await page.locator('[data-route]').count()).toBe(11);
    await context.close();
  });
});
