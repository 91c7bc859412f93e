import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectAxeClean, type ServedApp, serveAppInBrowser, signedIn } from './browser.js';

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

/**
 * The evaluator's grid in a real Chromium at 390 px, as the demo evaluator uses it: the agenda
 * links to a session to come, every criterion answered « Atteint » is saved as typed and still
 * there after a reload, the bloc is signed after a confirmation and then read-only. Axe clean,
 * no sideways scroll; the database holds the signed result.
 */
describe.skipIf(!browserAvailable)('the assessment grid in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  let sessionId: string;
  beforeAll(async () => {
    served = await serveAppInBrowser();
    ({ browser, base } = served);
    // A demo session of the demo evaluator without any result yet.
    const row = await served.t.db
      .selectFrom('assessments as a')
      .select(['a.id'])
      .where('a.cancelled_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('assessment_results as r').select('r.id').whereRef('r.assessment_id', '=', 'a.id'),
          ),
        ),
      )
      .orderBy('a.date')
      .executeTakeFirstOrThrow();
    sessionId = row.id;
  }, 300_000);
  afterAll(() => served?.close());

  it('fills, keeps and signs a bloc, at 390 px', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await signedIn(page, base, 'evaluator@demo.qualif.test');
      await page.goto(`${base}/evaluations`);
      await page.getByRole('heading', { level: 1, name: 'Évaluations' }).waitFor(WAIT);
      await page.locator(`a[href="/evaluations/${sessionId}"]`).click();
      await page.getByRole('heading', { level: 1, name: 'Grille d’évaluation' }).waitFor(WAIT);
      const bloc = page
        .getByRole('region')
        .filter({ has: page.getByRole('heading', { level: 2 }) })
        .first();
      await bloc.waitFor(WAIT);
      await expectAxeClean(page);

      const met = bloc.getByRole('radio', { name: 'Atteint', exact: true });
      const count = await met.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        await met.nth(i).check();
        await bloc.getByText(/^Brouillon enregistré/).waitFor(WAIT);
      }
      await bloc.getByText('Proposé acquis').waitFor(WAIT);

      // Kept across a reload.
      await page.reload();
      const again = page
        .getByRole('region')
        .filter({ has: page.getByRole('heading', { level: 2 }) })
        .first();
      await again.getByText('Proposé acquis').waitFor(WAIT);
      const checked = again.getByRole('radio', { name: 'Atteint', exact: true });
      for (let i = 0; i < count; i++) expect(await checked.nth(i).isChecked()).toBe(true);

      await again.getByRole('button', { name: 'Signer' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor(WAIT);
      await expectAxeClean(page);
      await dialog.getByRole('button', { name: 'Signer' }).click();
      const signedBloc = page
        .getByRole('region')
        .filter({ has: page.getByRole('heading', { level: 2 }) })
        .first();
      await signedBloc.getByText(/^Signé par /).waitFor(WAIT);
      expect(await signedBloc.getByRole('radio').count()).toBe(0);
      await expectAxeClean(page);
      const widths = await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]');
      const [scroll, inner] = widths as [number, number];
      expect(scroll).toBeLessThanOrEqual(inner);

      const signed = await served.t.db
        .selectFrom('assessment_results')
        .select(['proposal', 'signed_at'])
        .where('assessment_id', '=', sessionId)
        .where('signed_at', 'is not', null)
        .execute();
      expect(signed).toEqual([expect.objectContaining({ proposal: 'acquired' })]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
