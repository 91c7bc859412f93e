import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../src/contracts/dates.js';
import {
  browserAvailable,
  expectAxeClean,
  type ServedApp,
  screenshotDir,
  serveAppInBrowser,
  signedIn,
} from './browser.js';

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

/** « 8 décembre 2026 », « 1er mars 2027 »: as the web app writes a date (web/src/format/date.ts). */
function frenchDate(iso: string): string {
  const long = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
  return long.format(new Date(`${iso}T00:00:00Z`)).replace(/^1 /, '1er ');
}

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, width } = (await page.evaluate(
    '({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth })',
  )) as { scroll: number; width: number };
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(width);
}

/**
 * The candidate's space (/mon-parcours) as the demo candidate meets it in Chromium: their two
 * candidacies (CQP-APS in positioning, CQP-PC in assessment), each on its step with what is
 * expected of them — the self-positioning, the session date — and their documents; at 390 px
 * and 1280 px, axe clean. Other roles are refused the page.
 */
describe.skipIf(!browserAvailable)('the candidate’s space in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  let sessionDate: string;
  beforeAll(async () => {
    served = await serveAppInBrowser();
    ({ browser, base } = served);
    const session = await served.t.db
      .selectFrom('assessments as a')
      .innerJoin('candidacies as c', 'c.id', 'a.candidacy_id')
      .innerJoin('candidates as p', 'p.id', 'c.candidate_id')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select('a.date')
      .where('u.email', '=', 'candidate@demo.qualif.test')
      .where('a.date', '>', today())
      .executeTakeFirstOrThrow();
    sessionDate = frenchDate(session.date);
  }, 180_000);
  afterAll(() => served?.close());

  it('shows both candidacies on their step, what to do, the session date and the documents; self-positions', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await signedIn(page, base, 'candidate@demo.qualif.test');
      await page.getByRole('link', { name: 'Voir mon parcours' }).click();
      await page.getByRole('heading', { name: 'Mon parcours', level: 1 }).waitFor(WAIT);
      const aps = page.getByRole('article', { name: /^CQP-APS/ });
      const pc = page.getByRole('article', { name: /^CQP-PC/ });
      await aps.getByText('Attestation SST (démo).pdf').waitFor(WAIT);
      await pc.getByText(sessionDate, { exact: false }).waitFor(WAIT);
      expect(await page.getByRole('article').count()).toBe(2);

      // The current step of each, said to screen readers too.
      expect(await aps.locator('[aria-current="step"]').textContent()).toMatch(/Positionnement : en cours$/);
      expect(await pc.locator('[aria-current="step"]').textContent()).toMatch(/Évaluation : en cours$/);
      expect(
        await aps.getByRole('listitem').filter({ hasText: 'Inscription' }).first().textContent(),
      ).toContain('Inscription : terminée');
      await aps.getByText('8 compétences restent à positionner', { exact: false }).waitFor(WAIT);
      await pc.getByText('Votre évaluation est prévue', { exact: false }).waitFor(WAIT);
      await pc.getByText(`Le ${sessionDate} — 1 bloc : BC02`).waitFor(WAIT);
      // BC01 assessed today: the evaluator's signed proposal.
      await pc
        .getByText('BC01 — Préparer les commandes en sécurité : Proposé acquis', { exact: false })
        .waitFor(WAIT);
      // Their pathway (acknowledged in the demo) as a PDF.
      const pdf = pc.getByRole('link', { name: 'Mon parcours individuel (PDF)' });
      expect(await pdf.getAttribute('href')).toMatch(/\/pathway\.pdf$/);
      const evidence = aps.getByRole('link', { name: 'Attestation SST (démo).pdf' });
      expect(await evidence.getAttribute('href')).toMatch(/\/positioning\/evidence\//);
      // Everything held on them, as a zip they download themselves.
      const exported = page.getByRole('link', { name: 'Exporter les données' });
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), exported.click()]);
      const zip = await readFile((await download.path()) as string);
      expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
      await expectNoSidewaysScroll(page);
      await expectAxeClean(page);

      // The self-positioning, in a dialog: one more competency positioned.
      await aps.getByRole('button', { name: 'Me positionner' }).click();
      const dialog = page.getByRole('dialog', { name: 'Mon positionnement — CQP-APS' });
      const group = dialog.getByRole('radiogroup', { name: 'Mon positionnement (C1.2)' });
      await group.getByLabel('Partiellement acquise').check();
      await group
        .locator('xpath=ancestor::div[contains(@class, "mantine-Stack-root")][1]')
        .getByRole('button', { name: 'Enregistrer' })
        .click();
      await dialog.getByRole('status').getByText('Enregistré.').waitFor(WAIT);
      await expectAxeClean(page);
      await dialog.getByRole('button', { name: 'Fermer' }).click();
      await aps.getByText('7 compétences restent à positionner', { exact: false }).waitFor(WAIT);

      // The pathway they acknowledged, read in a dialog.
      await pc.getByRole('button', { name: 'Voir mon parcours individuel' }).click();
      const pathway = page.getByRole('dialog', { name: 'Mon parcours individuel — CQP-PC' });
      await pathway.getByRole('heading', { name: 'Prise de connaissance' }).waitFor(WAIT);
      await pathway.getByText('À jour').waitFor(WAIT);
      await expectNoSidewaysScroll(page);
      await expectAxeClean(page);
      await pathway.getByRole('button', { name: 'Fermer' }).click();

      // A wider screen: the steps in one row, still axe clean.
      await page.setViewportSize({ width: 1280, height: 900 });
      await expectAxeClean(page);
    } catch (error) {
      await page.screenshot({ path: `${screenshotDir}/candidate-space-failure.png`, fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 240_000);

  it('is refused to someone who is not a candidate', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await signedIn(page, base, 'training_org@demo.qualif.test');
      await page.goto(`${base}/mon-parcours`);
      await page
        .getByText('Cette page est réservée aux candidats et candidates', { exact: false })
        .waitFor(WAIT);
      expect(await page.getByRole('link', { name: 'Mon parcours' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});
