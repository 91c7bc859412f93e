import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** Waits for a dialog's opening transition to end (axe measures contrast on what it sees). */
async function opened(dialog: Locator) {
  await dialog.waitFor(WAIT);
  const opacity = () =>
    dialog.evaluate(
      (el) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { opacity: string } }).getComputedStyle(el)
          .opacity,
    );
  await expect.poll(opacity, WAIT).toBe('1');
}

/** The page does not scroll sideways (390 px). */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]');
  const [scroll, inner] = widths as [number, number];
  expect(scroll).toBeLessThanOrEqual(inner);
}

/** Chooses a file through the upload button named `button` (a hidden file input behind it). */
async function upload(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser', WAIT);
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

/**
 * One candidacy's page in a real Chromium at 390 px, as the demo training organisation uses it:
 * positions a competency with an evidence file (a refused type is said in French), records a
 * link to the candidate, then moves the candidacy on through a transition (a withdrawal without
 * a reason is refused first). Each tab axe clean, no sideways scroll; the database holds it all.
 */
describe.skipIf(!browserAvailable)('a candidacy’s page in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  let candidacyId: string;
  beforeAll(async () => {
    served = await serveAppInBrowser();
    ({ browser, base } = served);
    // The demo training organisation's CQP-APS candidacy in positioning (C1.3 not decided yet).
    const row = await served.t.db
      .selectFrom('candidacies as c')
      .innerJoin('certifications as cert', 'cert.id', 'c.certification_id')
      .select('c.id')
      .where('cert.code', '=', 'CQP-APS')
      .where('c.status', '=', 'positioning')
      .executeTakeFirstOrThrow();
    candidacyId = row.id;
    // The demo's candidacies are seeded through the services: slow on a busy machine.
  }, 300_000);
  afterAll(() => served?.close());

  it('positions with evidence, records a link and moves the candidacy on, at 390 px', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const db = served.t.db;
    try {
      await signedIn(page, base, 'training_org@demo.qualif.test');
      await page.goto(`${base}/candidatures/${candidacyId}`);
      await page.getByRole('heading', { level: 1, name: 'Camille Candidate' }).waitFor(WAIT);
      await page.getByText('Positionnement', { exact: true }).first().waitFor(WAIT);
      const c13 = page.getByRole('article', { name: /^C1\.3 — / });
      await c13.waitFor(WAIT);
      await expectAxeClean(page);
      await expectNoSidewaysScroll(page);

      // The organisation's decision on C1.3, with a comment.
      await c13
        .getByRole('radiogroup', { name: 'Décision de l’organisme (C1.3)' })
        .getByRole('radio', { name: 'Acquise', exact: true })
        .check();
      await c13.getByLabel('Commentaire (facultatif)').fill('Vu en situation de travail.');
      await c13.getByRole('button', { name: 'Enregistrer' }).click();
      await c13.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor(WAIT);
      await c13.getByText('« Vu en situation de travail. »').waitFor(WAIT);
      await c13.getByText(/par Claire Formation/).waitFor(WAIT);
      const decision = await db
        .selectFrom('positioning_decisions')
        .select(['level', 'comment'])
        .where('candidacy_id', '=', candidacyId)
        .where('competency_code', '=', 'C1.3')
        .where('side', '=', 'organisation')
        .executeTakeFirstOrThrow();
      expect(decision).toEqual({ level: 'held', comment: 'Vu en situation de travail.' });

      // Evidence: a text file is refused by its bytes, in French; a PDF is kept and listed.
      await upload(page, 'Ajouter une pièce justificative pour C1.3', {
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('pas une pièce acceptée'),
      });
      await c13.getByText(/Type de fichier non accepté/).waitFor(WAIT);
      await upload(page, 'Ajouter une pièce justificative pour C1.3', {
        name: 'Attestation de stage.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      const link = c13.getByRole('link', { name: 'Attestation de stage.pdf' });
      await link.waitFor(WAIT);
      const evidence = await db
        .selectFrom('positioning_evidence')
        .select(['file_name', 'competency_code', 'media_type'])
        .where('candidacy_id', '=', candidacyId)
        .where('competency_code', '=', 'C1.3')
        .execute();
      expect(evidence).toEqual([
        { file_name: 'Attestation de stage.pdf', competency_code: 'C1.3', media_type: 'application/pdf' },
      ]);
      const download = await page.request.get(`${base}${await link.getAttribute('href')}`);
      expect(download.status()).toBe(200);
      expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
      await expectAxeClean(page);
      await expectNoSidewaysScroll(page);

      // A link: the demo evaluator is the candidate's tutor.
      await page.getByRole('tab', { name: 'Liens' }).click();
      await page.getByText('Aucune personne liée au candidat n’est enregistrée.').waitFor(WAIT);
      await expectAxeClean(page);
      const person = page.getByRole('textbox', { name: 'Personne', exact: true });
      await person.fill('Éric');
      await page.getByRole('option', { name: 'Éric Évaluateur' }).click(WAIT);
      await page.getByRole('textbox', { name: 'Lien avec le candidat', exact: true }).click();
      await page.getByRole('option', { name: 'Tuteur ou tutrice' }).click(WAIT);
      await page.getByRole('button', { name: 'Ajouter le lien' }).click();
      await page.getByRole('cell', { name: 'Éric Évaluateur', exact: true }).waitFor(WAIT);
      const links = await db
        .selectFrom('candidacy_links as l')
        .innerJoin('users as u', 'u.id', 'l.user_id')
        .select(['l.kind', 'u.email'])
        .where('l.candidacy_id', '=', candidacyId)
        .execute();
      expect(links).toEqual([{ kind: 'tutor', email: 'evaluator@demo.qualif.test' }]);
      await expectAxeClean(page);
      await expectNoSidewaysScroll(page);

      // Transitions: a withdrawal needs its reason; then the candidacy moves on to its pathway.
      await page.getByRole('tab', { name: 'Historique' }).click();
      await page.getByRole('button', { name: 'Enregistrer un abandon' }).click(WAIT);
      const withdraw = page.getByRole('dialog', { name: 'Enregistrer un abandon ?' });
      await opened(withdraw);
      await expectAxeClean(page);
      await withdraw.getByRole('button', { name: 'Confirmer' }).click();
      // Under its field.
      await withdraw.getByText('Indiquez la raison.', { exact: true }).waitFor(WAIT);
      await withdraw.getByRole('button', { name: 'Annuler' }).click();
      await withdraw.waitFor({ state: 'hidden', ...WAIT });
      await page.getByRole('button', { name: 'Commencer le parcours individualisé' }).click();
      const move = page.getByRole('dialog', { name: 'Commencer le parcours individualisé ?' });
      await move.getByRole('button', { name: 'Confirmer' }).click();
      await move.waitFor({ state: 'hidden', ...WAIT });
      await page
        .getByRole('cell', { name: 'Commencer le parcours individualisé', exact: true })
        .waitFor(WAIT);
      await page.getByText('Parcours individualisé', { exact: true }).first().waitFor(WAIT);
      const stored = await db
        .selectFrom('candidacies')
        .select('status')
        .where('id', '=', candidacyId)
        .executeTakeFirstOrThrow();
      expect(stored.status).toBe('pathway');
      await expectAxeClean(page);
      await expectNoSidewaysScroll(page);

      // Past its step the positioning is shown as decided, without its forms.
      await page.getByRole('tab', { name: 'Positionnement' }).click();
      await page
        .getByText(/Le positionnement se modifie à l’étape « Positionnement » seulement/)
        .waitFor(WAIT);
      await c13.getByText('Acquise').first().waitFor(WAIT);
      expect(await c13.getByRole('button', { name: 'Enregistrer' }).count()).toBe(0);
    } catch (error) {
      await page.screenshot({ path: `${screenshotDir}/candidacy-page.png`, fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 240_000);
});
