import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdcReport } from '../../src/app/demo-cdc.js';
import { today } from '../../src/contracts/dates.js';
import { SYSTEM_ADMIN } from '../../src/platform/auth/actor.js';
import { factories, TEST_PASSWORD } from '../factories.js';
import { seedReadyCandidacies, seedSealedSession } from '../jury-seed.js';
import { browserAvailable, expectAxeClean, type ServedApp, serveAppInBrowser, signIn } from './browser.js';

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

async function noSidewaysScroll(page: Page) {
  const [scroll, width] = (await page.evaluate(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  )) as [number, number];
  expect(scroll).toBeLessThanOrEqual(width);
}

/**
 * « Dépôts CDC » in a real Chromium at 390 px: a branch manager sees the certifier and the
 * deposit due, makes a batch (one holder left out with the reason), opens it and finds the
 * passage pending with « Télécharger le flux ». Then the loop with the Caisse des Dépôts closed:
 * the flux downloaded, the CDC's report for it (its idFlux and idTechnique) uploaded with the
 * passage KO, « corriger l’identité » followed to the candidacy's « Identité » tab, the API's
 * field error shown under the field, the birth commune fixed, and the KO passage re-deposited
 * alone. Axe clean and no sideways scroll at each step.
 */
describe.skipIf(!browserAvailable)('CDC deposits in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  let email: string;
  beforeAll(async () => {
    served = await serveAppInBrowser(false);
    ({ browser, base } = served);
    const { t } = served;
    const f = factories(t.services);
    const branch = await f.newBranch();
    const org = await f.newOrganisation('training_org');
    const manager = await f.newUser('branch_manager', { branchId: branch.id });
    email = manager.email;
    const cert = await f.newEnrollableCertification([branch.id], [org.id]);
    await f.addEvents(cert.id, [
      {
        type: 'rncp_registered',
        date: '2020-03-01',
        number: 'RNCP34567',
        level: 4,
        from: '2020-03-01',
        to: '2035-02-28',
      },
    ]);
    const owner = await t.db
      .selectFrom('certifications')
      .select('legal_owner_siret')
      .where('id', '=', cert.id)
      .executeTakeFirstOrThrow();
    await t.services.cdc.configure(
      owner.legal_owner_siret,
      { clientId: 'ABC12345', contractId: 'MCFCER000999', xsdVersion: '1.1.2' },
      SYSTEM_ADMIN,
      'test',
    );
    const template = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id })).id;
    const { candidacyIds, candidateIds } = await seedReadyCandidacies(t.db, template, 2);
    for (const [i, id] of candidateIds.entries())
      await t.db
        .updateTable('candidates')
        .set({
          birth_name: i === 0 ? 'MARTIN' : 'DUPONT 2',
          first_names: sql`'{Camille}'::text[]`,
          birth_month: 4,
          birth_day: 12,
        })
        .where('id', '=', id)
        .execute();
    const juryId = await seedSealedSession(t.db, {
      branchId: branch.id,
      certificationIds: [cert.id],
      candidacyIds,
      postedBy: manager.id,
      date: today(),
    });
    await t.services.awards.close(juryId, SYSTEM_ADMIN, 'test');
  }, 300_000);
  afterAll(() => served?.close());

  it('makes a batch and shows its passages, at 390 px', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await signIn(page, base, email, TEST_PASSWORD);
      await page.getByText(`Connecté·e en tant que ${email}`).waitFor(WAIT);
      await page.goto(`${base}/depots-cdc`);
      await page.getByRole('heading', { level: 1, name: 'Dépôts CDC' }).waitFor(WAIT);
      await page.getByText('MARTIN Camille').waitFor(WAIT);
      await expectAxeClean(page);
      await noSidewaysScroll(page);

      await page.getByRole('button', { name: /Préparer un lot pour/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Lot préparé' });
      await dialog.waitFor(WAIT);
      await dialog.getByText('1 passage dans le flux').waitFor(WAIT);
      await dialog.getByText(/Nom de naissance : caractères non admis/).waitFor(WAIT);
      await expectAxeClean(page);
      await dialog.getByRole('button', { name: 'Compris' }).click();

      await page.getByRole('button', { name: /^Voir le lot du/ }).click();
      await page.getByText('En attente de l’accusé').waitFor(WAIT);
      await page.getByRole('link', { name: 'Télécharger le flux' }).waitFor(WAIT);
      await expectAxeClean(page);
      await noSidewaysScroll(page);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('imports the CDC’s report, fixes the KO identity through « corriger », re-deposits it alone, at 390 px', async () => {
    const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
    const page = await context.newPage();
    try {
      await signIn(page, base, email, TEST_PASSWORD);
      await page.getByText(`Connecté·e en tant que ${email}`).waitFor(WAIT);
      await page.goto(`${base}/depots-cdc`);
      await page
        .getByRole('button', { name: /^Voir le lot du/ })
        .first()
        .click();
      await page.getByText('En attente de l’accusé').waitFor(WAIT);

      // The flux as the CDC receives it: its idFlux and the passage's idTechnique.
      const [download] = await Promise.all([
        page.waitForEvent('download', WAIT),
        page.getByRole('link', { name: 'Télécharger le flux' }).click(),
      ]);
      const flux = await readFile(await download.path());
      const text = flux.toString('utf8');
      const idFlux = /<(?:\w+:)?idFlux>([^<]+)</.exec(text)?.[1];
      const idTechnique = /<(?:\w+:)?idTechnique>([^<]+)</.exec(text)?.[1];
      expect(idFlux, 'idFlux in the flux').toBeTruthy();
      expect(idTechnique, 'idTechnique in the flux').toMatch(/-1$/);

      // The CDC's report: the passage KO (birth data not found in the national register).
      const reason = 'Aucun titulaire ne correspond aux critères obligatoires';
      const report = cdcReport(
        idFlux as string,
        '81234',
        [{ idTechnique: idTechnique as string, message: reason }],
        [],
      );
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser', WAIT),
        page.getByRole('button', { name: 'Importer l’accusé de traitement' }).click(),
      ]);
      await chooser.setFiles({
        name: 'accuse.xml',
        mimeType: 'application/xml',
        buffer: Buffer.from(report),
      });
      await page.getByText('Refusé par la CDC').first().waitFor(WAIT);
      await page.getByText(reason).first().waitFor(WAIT);
      await expectAxeClean(page);
      await noSidewaysScroll(page);

      // « corriger l’identité » lands on the candidacy's « Identité » tab.
      await page.getByRole('link', { name: /— corriger l’identité$/ }).click();
      await page.waitForURL(/\/candidatures\/[^/?]+\?onglet=identite$/, WAIT);
      const form = page.getByRole('form', { name: 'Identité du candidat' });
      await form.waitFor(WAIT);
      await page.getByRole('tab', { name: 'Identité', selected: true }).waitFor(WAIT);
      await expectAxeClean(page);
      await noSidewaysScroll(page);
      const commune = form.getByLabel('Code INSEE de la commune de naissance');
      // A department that does not exist: the API's error under the field.
      await commune.fill('96001');
      await form.getByRole('button', { name: 'Enregistrer l’identité' }).click();
      await form.getByText('Le département « 96 » n’existe pas.').waitFor(WAIT);
      await form.getByText('Une erreur est indiquée sous le champ concerné.').waitFor(WAIT);
      expect(await commune.getAttribute('aria-invalid')).toBe('true');
      await expectAxeClean(page);
      await commune.fill('69381');
      await form.getByRole('button', { name: 'Enregistrer l’identité' }).click();
      await page.getByText('Identité enregistrée.').waitFor(WAIT);
      await expectAxeClean(page);
      await noSidewaysScroll(page);

      // Due again: a batch with that passage alone, its second attempt.
      await page.goto(`${base}/depots-cdc`);
      await page.getByRole('heading', { level: 1, name: 'Dépôts CDC' }).waitFor(WAIT);
      await page.getByText('MARTIN Camille').waitFor(WAIT);
      await page.getByRole('button', { name: /Préparer un lot pour/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Lot préparé' });
      await dialog.waitFor(WAIT);
      await dialog.getByText('1 passage dans le flux').waitFor(WAIT);
      await dialog.getByRole('button', { name: 'Compris' }).click();
      await page
        .getByRole('button', { name: /^Voir le lot du/ })
        .first()
        .click();
      await page.getByText((idTechnique as string).replace(/-1$/, '-2')).waitFor(WAIT);
      await page.getByText('En attente de l’accusé').waitFor(WAIT);
      await expectAxeClean(page);
      await noSidewaysScroll(page);
    } finally {
      await context.close();
    }
  }, 240_000);
});
