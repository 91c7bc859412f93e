import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../src/contracts/dates.js';
import { factories, TEST_PASSWORD } from '../factories.js';
import {
  browserAvailable,
  choose,
  expectAxeClean,
  type ServedApp,
  screenshotDir,
  serveAppInBrowser,
  signIn,
} from './browser.js';

const WAIT = { timeout: 30_000 };

/** Letters only: birth names are compared without digits, so each person differs by letters. */
function word(n: number): string {
  let s = '';
  for (let x = n + 1; x > 0; x = Math.floor(x / 26)) s = String.fromCharCode(97 + (x % 26)) + s;
  return s;
}

/**
 * The training organisation's candidacies in a real Chromium: its list with the counts by step,
 * the enrolment form (a refusal shown on its field, then the candidacy's page), and the bulk
 * enrolment from the template it downloads (a bad row listed with its row and column, then 20
 * created); the counts follow. Each page is axe clean.
 */
describe.skipIf(!browserAvailable)('candidacies of a training organisation in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  let email: string;
  let cert: { id: string; code: string };
  let orgSiret: string;
  let employerName: string;
  const tag = Date.now()
    .toString(36)
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)] as string);

  beforeAll(async () => {
    served = await serveAppInBrowser(false);
    ({ browser, base } = served);
    const f = factories(served.t.services);
    const branch = await f.newBranch();
    const org = await f.newOrganisation('training_org', `Organisme Essai ${tag}`);
    employerName = `Employeur Essai ${tag}`;
    await f.newOrganisation('employer', employerName);
    cert = await f.newEnrollableCertification([branch.id], [org.id]);
    orgSiret = (
      await served.t.db
        .selectFrom('organisations')
        .select('siret')
        .where('id', '=', org.id)
        .executeTakeFirstOrThrow()
    ).siret as string;
    email = (await f.newUser('training_org', { organisationId: org.id })).email;
  }, 180_000);
  afterAll(() => served?.close());

  /** The form's identity (born 14 March 1988), certification, route and situation. */
  async function fillForm(page: Page, birthName: string, commune: string, mail: string) {
    await page.getByLabel('Nom de naissance').fill(birthName);
    await page.getByLabel('Premier prénom').fill('Louise');
    await page.getByRole('radio', { name: 'Féminin' }).check();
    await choose(page, 'Mois', 'mars');
    await choose(page, 'Jour', '14');
    await page.getByLabel('Année').fill('1988');
    await page.getByLabel('Code INSEE de la commune de naissance').fill(commune);
    await page.getByLabel('Adresse e-mail').fill(mail);
    await page.getByRole('textbox', { name: 'Certification', exact: true }).fill(cert.code);
    await page.getByRole('option', { name: new RegExp(cert.code) }).click(WAIT);
    await choose(page, 'Voie d’accès', /plan de développement/i);
    await choose(page, 'Statut', 'Salarié·e');
    await choose(page, 'Type de contrat', 'CDI');
  }

  /** The list filtered on the test's certification: its step choices say the counts. */
  async function expectCounts(page: Page, all: number, enrolled: number) {
    await page.getByRole('button', { name: `Toutes (${all})` }).waitFor(WAIT);
    await page.getByRole('button', { name: `Inscrit·e (${enrolled})` }).waitFor(WAIT);
  }

  it('enrols one candidate through the form and 20 from the template, the counts following', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    try {
      await signIn(page, base, email, TEST_PASSWORD);
      await page.getByText(`Connecté·e en tant que ${email}`).waitFor(WAIT);

      // The list, from the menu: nothing yet.
      await page.getByRole('link', { name: 'Candidatures' }).first().click();
      await page.getByRole('heading', { name: 'Candidatures', level: 1 }).waitFor(WAIT);
      await page.getByText('Aucun parcours pour l’instant').waitFor(WAIT);
      await expectCounts(page, 0, 0);
      await expectAxeClean(page);

      // The form: a birth commune whose department does not exist is refused on its field.
      await page.getByRole('link', { name: 'Inscrire un candidat' }).click();
      await page.getByRole('heading', { name: 'Inscrire un candidat', level: 1 }).waitFor(WAIT);
      const birthName = `Formulaire ${tag}`;
      await fillForm(page, birthName, '96001', `formulaire-${tag}@test.qualif.test`);
      await page.getByRole('textbox', { name: 'Employeur', exact: true }).fill(tag);
      await page.getByRole('option', { name: new RegExp(employerName) }).click(WAIT);
      const trainingOrg = page.getByRole('textbox', { name: 'Organisme de formation', exact: true });
      await expect.poll(() => trainingOrg.inputValue(), WAIT).toBe(`Organisme Essai ${tag}`);
      await expectAxeClean(page);
      await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
      const commune = page.getByLabel('Code INSEE de la commune de naissance');
      await expect.poll(() => commune.getAttribute('aria-invalid'), WAIT).toBe('true');
      await expectAxeClean(page);

      // Fixed: the candidacy's page.
      await commune.fill('69383');
      await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
      await page.waitForURL(/\/candidatures\/[0-9a-f-]{36}/, WAIT);
      await page.getByText(cert.code).first().waitFor(WAIT);

      await page.goto(`${base}/candidatures?certificationId=${cert.id}`);
      await page.getByRole('link', { name: `Louise ${birthName}` }).waitFor(WAIT);
      await expectCounts(page, 1, 1);

      // The same person typed again (another email): a possible duplicate, named; enrolling
      // that person is refused as she already has a candidacy in progress for it.
      await page.getByRole('link', { name: 'Inscrire un candidat' }).click();
      await page.getByRole('heading', { name: 'Inscrire un candidat', level: 1 }).waitFor(WAIT);
      await fillForm(page, birthName, '69383', `autre-${tag}@test.qualif.test`);
      await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
      const duplicate = page.getByRole('alert').filter({ hasText: 'peut-être déjà enregistrée' });
      await duplicate.getByText(`Louise ${birthName}`).waitFor(WAIT);
      await expectAxeClean(page);
      await duplicate.getByRole('button', { name: 'Inscrire cette personne' }).click();
      await page.getByText('Un parcours en cours pour cette certification.', { exact: true }).waitFor(WAIT);
      await page.goto(`${base}/candidatures`);
      await expectCounts(page, 1, 1);

      // The import: the template as downloaded, with 20 rows instead of its example.
      await page.getByRole('link', { name: 'Importer' }).click();
      await page.getByRole('heading', { name: 'Importer des inscriptions', level: 1 }).waitFor(WAIT);
      await expectAxeClean(page);
      const [download] = await Promise.all([
        page.waitForEvent('download', WAIT),
        page.getByRole('link', { name: 'modèle (xlsx)' }).click(),
      ]);
      const template = new ExcelJS.Workbook();
      await template.xlsx.load((await readFile(await download.path())) as never);
      const sheet = template.worksheets[0] as ExcelJS.Worksheet;
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      expect(header).toContain('nom_naissance');
      sheet.spliceRows(2, sheet.rowCount - 1);
      const row = (n: number, change: Record<string, string> = {}) => {
        const values: Record<string, string> = {
          nom_naissance: `Import ${tag} ${word(n)}`,
          prenom1: 'Camille',
          sexe: n % 2 === 0 ? 'F' : 'M',
          date_naissance: '12/04/1990',
          commune_naissance_insee: '69383',
          email: `import-${tag}-${word(n)}@test.qualif.test`,
          certification: cert.code,
          voie_acces: 'plan_developpement',
          organisme_siret: orgSiret,
          date_entree: today(),
          statut: 'salarie',
          type_contrat: 'cdi',
          ...change,
        };
        return header.map((h) => values[h] ?? '');
      };
      const file = async (rows: string[][], name: string) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Inscriptions');
        ws.addRow(header);
        for (const r of rows) ws.addRow(r);
        const out = path.join(tmpdir(), `${name}-${tag}.xlsx`);
        await writeFile(out, Buffer.from(await wb.xlsx.writeBuffer()));
        return out;
      };
      const twenty = Array.from({ length: 20 }, (_, n) => row(n));
      const upload = page.locator('input[type="file"]');

      // A bad date on the third row: listed with its row (header = 1) and column, nothing created.
      await upload.setInputFiles(
        await file(
          [twenty[0] as string[], twenty[1] as string[], row(99, { date_naissance: '31/02/1990' })],
          'bad',
        ),
      );
      await page.getByRole('button', { name: 'Vérifier' }).click();
      const problems = page.getByRole('table', { name: /problème/ });
      await problems.waitFor(WAIT);
      const cells = problems.getByRole('row').nth(1).getByRole('cell');
      await expect
        .poll(() => cells.allTextContents(), WAIT)
        .toEqual(['4', 'date_naissance', expect.any(String)]);
      await expectAxeClean(page);

      // The 20 rows: checked, then imported.
      await upload.setInputFiles(await file(twenty, 'good'));
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByText('20 parcours seraient créés').waitFor(WAIT);
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      await page.getByText('20 parcours créés').waitFor(WAIT);
      await expectAxeClean(page);
      await page.getByRole('link', { name: 'Voir les candidatures' }).click();
      await page.getByRole('heading', { name: 'Candidatures', level: 1 }).waitFor(WAIT);
      await expectCounts(page, 21, 21);
      await page.getByText('21 parcours').first().waitFor(WAIT);
      await page.getByRole('button', { name: 'Positionnement (0)' }).click();
      await page.getByText('Aucun parcours ne correspond.').waitFor(WAIT);
      await expectAxeClean(page);
    } catch (error) {
      await page.screenshot({ path: `${screenshotDir}/e2e-candidacies.png`, fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  }, 300_000);
});
