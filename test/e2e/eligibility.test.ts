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
  });

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
    // The API's field errors stand under the fields that caused them, not only in a banner.
    await page.getByRole('button', { name: 'Simuler' }).click();
    const certificationBox = page.getByRole('textbox', { name: 'Certification du catalogue' });
    await expect.poll(() => certificationBox.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    await page.getByText('Une erreur est indiquée sous le champ concerné.').waitFor();
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

    // The new facts are asked only when a rule in force on the date (for the chosen route) needs them.
    // (A select's label also names its list of options: count fields, not matches.)
    const asked = async (label: string) =>
      (await page.getByLabel(label, { exact: true }).count()) > 0 ? 1 : 0;
    await page.getByLabel('Date de l’événement 1').fill('2014-06-01');
    await page.getByLabel('Date de l’événement 2').fill('2014-07-01');
    await page.getByLabel('Date de la simulation').fill('2017-03-01');
    await page
      .getByText('Listes CPF (2015-2018) sur lesquelles figurait la formation', { exact: true })
      .waitFor();
    expect(await asked('Entreprise artisanale de moins de 11 salariés')).toBe(1);
    expect(await asked('En activité partielle')).toBe(0); // Pro-A: 2019–2025
    expect(await asked('Handicap reconnu (obligation d’emploi)')).toBe(0); // CPF de transition: 2019 on
    await page.getByRole('textbox', { name: 'Contrat de travail', exact: true }).click();
    await page.getByRole('option', { name: 'CDI', exact: true }).click();
    await page.getByLabel('Mois d’activité salariée (au total)').fill('30');
    await page.getByLabel('Mois dans l’entreprise actuelle').fill('14');
    await page.getByRole('button', { name: 'Simuler' }).click();
    const cif = page.locator('[data-route="cpf_transition"]');
    await page.getByText('Voies d’accès au 1er mars 2017').waitFor();
    expect(await cif.textContent()).toContain('Congé individuel de formation');
    expect(await cif.textContent()).toContain('Ouverte');
    expect(await axe()).toEqual([]);

    await page.getByLabel('Date de la simulation').fill('2024-03-01');
    await page
      .getByRole('textbox', { name: 'Handicap reconnu (obligation d’emploi)', exact: true })
      .waitFor();
    expect(
      await page
        .getByText('Listes CPF (2015-2018) sur lesquelles figurait la formation', { exact: true })
        .count(),
    ).toBe(0);
    expect(await asked('Entreprise artisanale de moins de 11 salariés')).toBe(0);
    // One route: only its facts (the contrat de professionnalisation reads no contract type).
    await page.getByRole('textbox', { name: 'Voie d’accès', exact: true }).click();
    await page.getByRole('option', { name: 'Contrat de professionnalisation', exact: true }).click();
    expect(await asked('A eu un contrat unique d’insertion (CUI)')).toBe(1);
    expect(await asked('Contrat de travail')).toBe(0);
    expect(await asked('Mois d’activité salariée (au total)')).toBe(0);

    const list = (await t.app.inject({ url: '/api/v1/certifications?pageSize=1' })).json();
    await page.goto(`${base}/catalogue/${list.items[0].id}`);
    await page.getByRole('heading', { name: 'Voies d’accès' }).waitFor();
    await page.locator('[data-route="cpf"]').waitFor();
    expect(await page.locator('[data-route]').count()).toBe(11);
    await context.close();
  });
});
