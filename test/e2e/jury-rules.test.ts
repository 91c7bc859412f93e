import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, TEST_PASSWORD } from '../factories.js';
import { browserAvailable, expectAxeClean, type ServedApp, serveAppInBrowser, signIn } from './browser.js';

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

/**
 * « Règles de jury » in a real Chromium at 390 px: a branch manager with no rules yet records
 * a first version (two-thirds majority, one union's seat), sees it in force, and a second one on
 * the same date is refused (409) with its reason. Axe clean, no sideways scroll; the database
 * holds the version.
 */
describe.skipIf(!browserAvailable)('jury rules in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  let branchId: string;
  let email: string;
  beforeAll(async () => {
    served = await serveAppInBrowser(false);
    ({ browser, base } = served);
    const f = factories(served.t.services);
    branchId = (await f.newBranch()).id;
    email = (await f.newUser('branch_manager', { branchId })).email;
  }, 300_000);
  afterAll(() => served?.close());

  it('records a version and refuses a second one on the same date, at 390 px', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await signIn(page, base, email, TEST_PASSWORD);
      await page.getByText(`Connecté·e en tant que ${email}`).waitFor(WAIT);
      await page.goto(`${base}/gestion/jurys/regles`);
      await page.getByRole('heading', { level: 1, name: 'Règles de jury' }).waitFor(WAIT);
      await page.getByText('Aucune règle enregistrée').waitFor(WAIT);
      await expectAxeClean(page);

      await page.getByLabel('En vigueur à partir du').fill('2025-01-01');
      await page.getByLabel('Majorité requise').selectOption('two_thirds');
      await page.getByRole('button', { name: 'Ajouter une organisation' }).click();
      await page.getByLabel('Organisation 1', { exact: true }).fill('Syndicat B');
      await page.getByLabel('Collège de l’organisation 1').selectOption('employees');
      await page.getByLabel(/^Note/).fill('Accord du 12 décembre 2024');
      await expectAxeClean(page);
      await page.getByRole('button', { name: 'Enregistrer la version' }).click();
      const row = page.getByRole('row').filter({ hasText: 'En vigueur' });
      await row.waitFor(WAIT);
      expect(await row.textContent()).toContain('majorité des deux tiers');
      expect(await row.textContent()).toContain('Accord du 12 décembre 2024');
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        PHONE.width,
      );

      // The same date again: refused, with the reason next to the date.
      await page.getByLabel('En vigueur à partir du').fill('2025-01-01');
      await page.getByRole('button', { name: 'Enregistrer la version' }).click();
      await page.getByText('Une version prend déjà effet à cette date.').waitFor(WAIT);
      await expectAxeClean(page);

      const stored = await served.t.db
        .selectFrom('jury_rules')
        .select(['content', 'effective_from', 'note'])
        .where('branch_id', '=', branchId)
        .execute();
      expect(stored).toEqual([
        {
          effective_from: '2025-01-01',
          note: 'Accord du 12 décembre 2024',
          content: expect.objectContaining({
            majority: 'two_thirds',
            seats: { organisations: [{ name: 'Syndicat B', college: 'employees' }] },
          }),
        },
      ]);
    } finally {
      await context.close();
    }
  });
});
