import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ADMIN } from '../../src/platform/auth/actor.js';
import { factories, TEST_PASSWORD } from '../factories.js';
import { browserAvailable, type ServedApp, screenshotDir, serveAppInBrowser, signIn } from './browser.js';

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

async function expectAxeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual(
    [],
  );
}

/**
 * The individual pathway in a real Chromium, on a phone's width: the training organisation
 * generates it from the positioning, completes and extends it (a refusal shown on its field),
 * downloads its PDF; the candidate then acknowledges it. No sideways scroll, axe clean.
 */
describe.skipIf(!browserAvailable)('individual pathway in Chromium at 390 px', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  let trainerEmail: string;
  let candidateEmail: string;
  let candidacyId: string;

  beforeAll(async () => {
    served = await serveAppInBrowser();
    ({ browser, base } = served);
    const f = factories(served.t.services);
    const branch = await f.newBranch();
    const org = await f.newOrganisation('training_org');
    const employer = await f.newOrganisation('employer');
    const cert = await f.newEnrollableCertification([branch.id], [org.id]);
    trainerEmail = (await f.newUser('training_org', { organisationId: org.id })).email;
    candidateEmail = (await f.newUser('candidate')).email;
    candidacyId = (
      await f.newCandidacy({
        certificationId: cert.id,
        trainingOrganisationId: org.id,
        employerId: employer.id,
        candidate: f.newCandidate({ email: candidateEmail }),
      })
    ).id;
    const { candidacies, positioning } = served.t.services;
    await candidacies.transition(candidacyId, { event: 'start_positioning' }, SYSTEM_ADMIN, 'test');
    for (const [code, level] of [
      ['C1', 'partly'],
      ['C2', 'held'],
      ['C3', 'held'],
      ['C4', 'held'],
    ] as const)
      await positioning.decide(candidacyId, code, 'organisation', { level }, SYSTEM_ADMIN, 'test');
  }, 180_000);
  afterAll(() => served?.close());

  async function expectNoSidewaysScroll(page: Page) {
    // A string: the test project has no DOM types.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }
  const url = () => `${base}/candidatures/${candidacyId}?onglet=parcours`;

  it('the training organisation generates, completes and extends the pathway, and downloads its PDF', async () => {
    const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
    const page = await context.newPage();
    try {
      await signIn(page, base, trainerEmail, TEST_PASSWORD);
      await page.getByText(`Connecté·e en tant que ${trainerEmail}`).waitFor(WAIT);
      await page.goto(url());
      await page.getByRole('heading', { name: 'BC01 — Premier bloc' }).waitFor(WAIT);
      await page.getByText('Aucun parcours individualisé n’est encore établi.').waitFor(WAIT);
      await expectAxeClean(page);

      await page.getByRole('button', { name: 'Générer à partir du positionnement' }).click();
      await page.getByText('À compléter avant la prise de connaissance').waitFor(WAIT);
      await page.getByText('Module 1 : Indiquez le nombre d’heures.').waitFor(WAIT);
      await expectNoSidewaysScroll(page);
      await expectAxeClean(page);

      // Complete the generated training module; hours at 0 are refused on the field.
      await page.getByRole('button', { name: 'Modifier les modules' }).click();
      const first = page.getByRole('group', { name: 'Module 1' });
      await first.getByLabel('Heures').fill('0');
      await first.getByLabel('Début').fill('2027-01-04');
      await first.getByLabel('Fin').fill('2027-01-06');
      await page.getByRole('button', { name: 'Enregistrer le parcours' }).click();
      await first.getByText('Le nombre d’heures doit être supérieur à 0.').waitFor(WAIT);
      await expect.poll(() => first.getByLabel('Heures').getAttribute('aria-invalid'), WAIT).toBe('true');
      await expectNoSidewaysScroll(page);
      await expectAxeClean(page);
      await first.getByLabel('Heures').fill('21');

      // A work situation with a tutor, on the same bloc.
      await page.getByRole('button', { name: 'Ajouter un module' }).click();
      const second = page.getByRole('group', { name: 'Module 2' });
      await second.getByRole('textbox', { name: 'Type de module', exact: true }).click();
      await page.getByRole('option', { name: 'Situation de travail' }).click(WAIT);
      await second.getByLabel('Intitulé').fill('Accueil au poste');
      await second.getByLabel('Début').fill('2027-01-11');
      await second.getByLabel('Fin').fill('2027-03-26');
      await second.getByLabel('Tuteur ou tutrice chez l’employeur').fill('Mme Hélène Dubœuf');
      await second.getByLabel('Situation de travail').fill('Tenue de l’accueil, trois matinées par semaine');
      await expectNoSidewaysScroll(page);
      await expectAxeClean(page);
      await page.getByRole('button', { name: 'Enregistrer le parcours' }).click();

      await page.getByText('Accueil au poste').waitFor(WAIT);
      await page.getByText(/21 h · du 4 janvier 2027 au 6 janvier 2027/).waitFor(WAIT);
      await page.getByText(/tuteur ou tutrice : Mme Hélène Dubœuf/).waitFor(WAIT);
      await expect
        .poll(() => page.getByText('À compléter avant la prise de connaissance').count(), WAIT)
        .toBe(0);
      await expectNoSidewaysScroll(page);
      await expectAxeClean(page);

      const [download] = await Promise.all([
        page.waitForEvent('download', WAIT),
        page.getByRole('link', { name: 'Télécharger le PDF' }).click(),
      ]);
      const file = path.join(screenshotDir, `parcours-${Date.now()}.pdf`);
      await download.saveAs(file);
      const doc = await PDFDocument.load(await readFile(file));
      expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
      expect(doc.getTitle()).toContain('Parcours individualisé');
    } finally {
      await context.close();
    }
  }, 300_000);

  it('the candidate reads their pathway and acknowledges it', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await signIn(page, base, candidateEmail, TEST_PASSWORD);
      await page.getByText(`Connecté·e en tant que ${candidateEmail}`).waitFor(WAIT);
      await page.goto(url());
      await page.getByText('Accueil au poste').waitFor(WAIT);
      await expect
        .poll(() => page.getByRole('button', { name: 'Modifier les modules' }).count(), WAIT)
        .toBe(0);
      await page.getByRole('button', { name: 'Je prends connaissance de mon parcours' }).click();
      await page.getByText('À jour').waitFor(WAIT);
      await expect
        .poll(
          () => page.getByRole('button', { name: 'Je prends connaissance de mon parcours' }).count(),
          WAIT,
        )
        .toBe(0);
      await expectNoSidewaysScroll(page);
      await expectAxeClean(page);
    } finally {
      await context.close();
    }
  }, 300_000);
});
