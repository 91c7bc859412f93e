import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSiret } from '../factories.js';
import {
  browserAvailable,
  choose,
  expectAxeClean,
  type ServedApp,
  screenshotDir,
  serveAppInBrowser,
  signedIn,
} from './browser.js';

const WAIT = { timeout: 20_000 };

/**
 * Administration in a real Chromium: an admin creates a branch with two CPNE members, an
 * organisation (SIRET checked), an account scoped to that branch, then finds those actions in
 * the audit journal by filter, each change in detail. Every admin page is axe clean.
 */
describe.skipIf(!browserAvailable)('administration in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    served = await serveAppInBrowser();
    ({ browser, base } = served);
  });
  afterAll(() => served?.close());

  it('creates a branch, an organisation and a scoped account, then finds them in the audit journal', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const tag = Date.now().toString(36);
    const branchName = `Branche des essais ${tag}`;
    const orgName = `Organisme des essais ${tag}`;
    const personName = `Camille Essai ${tag}`;
    try {
      await signedIn(page, base, 'admin@demo.qualif.test');

      // A branch with its convention and two CPNE members.
      await page.getByRole('link', { name: 'Branches et CPNE' }).first().click();
      await page.getByRole('heading', { name: 'Branches et CPNE', level: 1 }).waitFor(WAIT);
      await expectAxeClean(page);
      await page.getByRole('button', { name: 'Nouvelle branche' }).click();
      const branchDialog = page.getByRole('dialog', { name: 'Nouvelle branche' });
      await branchDialog.getByLabel('Nom de la branche').fill(branchName);
      await branchDialog.getByRole('textbox', { name: 'Conventions collectives (IDCC)' }).fill('1486');
      await branchDialog.getByRole('textbox', { name: 'Conventions collectives (IDCC)' }).press('Enter');
      await branchDialog.getByLabel('OPCO').fill('Atlas');
      for (const [n, college, who, org] of [
        [1, 'Collège employeurs', 'Paule Patronale', 'Syndicat des employeurs'],
        [2, 'Collège salariés', 'Sami Salarié', 'Fédération des salariés'],
      ] as const) {
        await branchDialog.getByRole('button', { name: 'Ajouter un membre' }).click();
        if (college !== 'Collège employeurs') await choose(page, `Collège du membre ${n}`, college);
        await branchDialog.getByLabel(`Nom du membre ${n}`).fill(who);
        await branchDialog.getByLabel(`Organisation du membre ${n}`).fill(org);
      }
      await expectAxeClean(page);
      await branchDialog.getByRole('button', { name: 'Créer la branche' }).click();
      await page.getByRole('cell', { name: branchName, exact: true }).waitFor(WAIT);
      // Opened again: its members and the convention's label from the reference list.
      await page.getByRole('button', { name: `Modifier la branche ${branchName}` }).click();
      const editDialog = page.getByRole('dialog', { name: `Branche ${branchName}` });
      await editDialog.getByText(/^1486 — /).waitFor(WAIT);
      const names = [
        await editDialog.getByLabel('Nom du membre 1').inputValue(),
        await editDialog.getByLabel('Nom du membre 2').inputValue(),
      ];
      expect(names.sort()).toEqual(['Paule Patronale', 'Sami Salarié']);
      await editDialog.getByRole('button', { name: 'Annuler' }).click();

      // An organisation: a wrong SIRET is refused on its field, a right one saved.
      await page.getByRole('link', { name: 'Organisations' }).first().click();
      await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor(WAIT);
      await expectAxeClean(page);
      await page.getByRole('button', { name: 'Nouvelle organisation' }).click();
      const orgDialog = page.getByRole('dialog', { name: 'Nouvelle organisation' });
      await orgDialog.getByLabel('Raison sociale').fill(orgName);
      await orgDialog.getByLabel('SIRET').fill('12345678901234');
      await orgDialog.getByLabel('Numéro de déclaration d’activité (NDA)').fill('11755555575');
      // The Qualiopi certificate's dates: issued after its expiry is refused on the field.
      await orgDialog.getByLabel('Certificat Qualiopi délivré le').fill('2027-07-01');
      await orgDialog.getByLabel('Certificat Qualiopi valable jusqu’au').fill('2027-06-30');
      await orgDialog.getByRole('button', { name: 'Enregistrer l’organisation' }).click();
      await orgDialog
        .getByText('La date de délivrance ne peut pas suivre la date d’expiration.')
        .waitFor(WAIT);
      expect(await orgDialog.getByLabel('Certificat Qualiopi délivré le').getAttribute('aria-invalid')).toBe(
        'true',
      );
      await orgDialog.getByLabel('Certificat Qualiopi délivré le').fill('2024-07-01');
      await orgDialog
        .getByText(/SIRET|Luhn|clé/i)
        .nth(1)
        .waitFor(WAIT);
      expect(await orgDialog.getByLabel('SIRET').getAttribute('aria-invalid')).toBe('true');
      await expectAxeClean(page);
      const siret = newSiret();
      await orgDialog.getByLabel('SIRET').fill(siret);
      await orgDialog.getByRole('button', { name: 'Enregistrer l’organisation' }).click();
      await page.getByRole('cell', { name: orgName, exact: true }).waitFor(WAIT);
      await page.getByRole('cell', { name: siret, exact: true }).waitFor(WAIT);
      await page.getByRole('cell', { name: 'du 1er juillet 2024 au 30 juin 2027' }).first().waitFor(WAIT);

      // An account managing the new branch, invited by email.
      await page.getByRole('link', { name: 'Utilisateurs' }).first().click();
      await page.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor(WAIT);
      await expectAxeClean(page);
      await page.getByRole('button', { name: 'Nouveau compte' }).click();
      const userDialog = page.getByRole('dialog', { name: 'Nouveau compte' });
      await userDialog.getByLabel('Nom affiché').fill(personName);
      await userDialog.getByLabel('Adresse e-mail').fill(`camille-${tag}@exemple.qualif.test`);
      await choose(page, 'Rôle 1', 'Gestionnaire de branche (CPNE)');
      await choose(page, 'Branche du rôle 1', branchName);
      await expectAxeClean(page);
      await userDialog.getByRole('button', { name: 'Créer le compte' }).click();
      await userDialog.waitFor({ state: 'hidden', ...WAIT });
      await page.getByLabel('Nom ou adresse e-mail').fill(tag);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.getByText('1 compte').waitFor(WAIT);
      await page.getByRole('cell', { name: personName, exact: true }).waitFor(WAIT);
      await page.getByText(`Branche : ${branchName}`, { exact: false }).waitFor(WAIT);

      // The journal, by filter: what, then who and when.
      await page.getByRole('link', { name: "Journal d'audit" }).first().click();
      await page.getByRole('heading', { name: "Journal d'audit", level: 1 }).waitFor(WAIT);
      await expectAxeClean(page);
      const rows = page.locator('tbody tr');
      for (const action of [
        'Branche créée',
        'Organisation enregistrée',
        'Compte créé',
        'Invitation envoyée',
      ]) {
        await choose(page, 'Quoi', action);
        await page.getByRole('button', { name: 'Filtrer' }).click();
        await page.waitForURL(/action=/, WAIT);
        await rows.first().getByRole('cell', { name: action }).waitFor(WAIT);
        await rows.first().getByRole('cell', { name: 'Alice Admin' }).waitFor(WAIT);
      }
      await page.getByRole('button', { name: 'Effacer les filtres' }).click();
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
      // « Qui » searches every account as one types (not a first page of them).
      await page.getByRole('textbox', { name: 'Qui', exact: true }).fill('admin@demo');
      await choose(page, 'Qui', /admin@demo\.qualif\.test/);
      await page.getByLabel('Du').fill(today);
      await page.getByLabel('Au').fill(today);
      await choose(page, 'Type d’objet', 'Branche');
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.waitForURL(/entityType=branch/, WAIT);
      await rows.getByRole('cell', { name: 'Branche créée' }).first().waitFor(WAIT);
      // The filtered page replaces the previous one (kept on screen while it loads).
      await page.locator('[aria-busy="true"]').waitFor({ state: 'detached', ...WAIT });
      await expect
        .poll(() => rows.getByRole('cell', { name: 'Compte créé' }).count(), { timeout: 20_000 })
        .toBe(0);
      await rows.getByRole('cell', { name: 'Branche créée' }).first().waitFor(WAIT);
      // The change in detail: the members' names only as « modifié ».
      await rows
        .first()
        .getByRole('button', { name: /Détail de l’entrée/ })
        .click();
      const detail = page.getByRole('dialog', { name: /Entrée n° \d+ du journal/ });
      await detail.getByRole('rowheader', { name: 'Membres de la CPNE' }).waitFor(WAIT);
      await detail.getByText(/"college": "employees"/).waitFor(WAIT);
      expect(await detail.textContent()).not.toContain('Sami');
      expect(await detail.textContent()).toContain('modifié');
      await expectAxeClean(page);
      await page.screenshot({ path: `${screenshotDir}/e2e-admin-audit-detail.png`, fullPage: true });
    } finally {
      await context.close();
    }
  }, 240_000);
});
