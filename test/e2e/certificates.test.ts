import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOLDER } from '../../src/app/demo-credentials.js';
import { browserAvailable, expectAxeClean, type ServedApp, serveAppInBrowser, signedIn } from './browser.js';

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };
const HOLDER = `${DEMO_HOLDER.login}@demo.qualif.test`;

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, width } = (await page.evaluate(
    '({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth })',
  )) as { scroll: number; width: number };
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(width);
}

/** The text of a PDF (poppler's pdftotext), or null where poppler is not installed. */
async function pdfText(file: string): Promise<string | null> {
  try {
    return (await promisify(execFile)('pdftotext', ['-layout', file, '-'])).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Certificates in the people's spaces (issue 14, point 5) in Chromium at 390 px, on the demo:
 * the holder (Rose Exemplaire, titulaire@demo.qualif.test) downloads her certificate PDF and her
 * credential from « Mes certifications » — a sealed PDF with her award's number, an Open Badges
 * credential — and finds the share link, the verification code and « Ajouter à mon profil
 * LinkedIn »; the branch's manager suspends, reinstates then revokes that award on
 * « Attributions » (a reason refused empty, said under the field); the holder's page then says
 * « Révoqué ». axe clean on both pages and in the dialogs. (The public verification page is
 * test/e2e/verification.test.ts's, the CDC deposits test/e2e/cdc.test.ts's.)
 */
describe.skipIf(!browserAvailable)(
  'certificates: « Mes certifications » and « Attributions » in Chromium',
  () => {
    let served: ServedApp;
    let browser: Browser;
    let base: string;
    let award: { id: string; number: string; code: string; holder: string };
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];

    async function pageAs(email: string): Promise<Page> {
      const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await signedIn(page, base, email);
      return page;
    }

    beforeAll(async () => {
      served = await serveAppInBrowser();
      ({ browser, base } = served);
      const row = await served.t.db
        .selectFrom('awards as a')
        .innerJoin('candidates as p', 'p.id', 'a.candidate_id')
        .innerJoin('users as u', 'u.id', 'p.user_id')
        .select(['a.id', 'a.number', 'a.verification_code', 'p.first_names', 'p.usage_name', 'p.birth_name'])
        .where('u.email', '=', HOLDER)
        .executeTakeFirstOrThrow();
      award = {
        id: row.id,
        number: row.number,
        code: row.verification_code,
        holder: `${row.first_names.join(' ')} ${row.usage_name ?? row.birth_name}`,
      };
    }, 600_000);

    afterAll(async () => {
      for (const c of contexts) await c.close();
      await served?.close();
    });

    let holder: Page;
    const card = () => holder.getByRole('article', { name: /^CQP-APS/ });

    it('the holder downloads her certificate (a sealed PDF with its number) and her credential (Open Badges)', async () => {
      holder = await pageAs(HOLDER);
      await holder.goto(`${base}/mes-certifications`);
      await holder.getByRole('heading', { name: 'Mes certifications', level: 1 }).waitFor(WAIT);
      await card().getByText('Valide', { exact: true }).waitFor(WAIT);
      await card().getByText(`Certificat n° ${award.number}`, { exact: false }).waitFor(WAIT);
      await card().getByText(award.code, { exact: true }).waitFor(WAIT);
      const verifyUrl = `${base}/verifier/${award.code}`;
      expect(await card().getByLabel('Lien de vérification à partager').inputValue()).toBe(verifyUrl);
      await card().getByRole('button', { name: 'Copier le lien' }).waitFor(WAIT);

      // LinkedIn's « Add to profile » form, filled in: name, issuer, month and year, URL and id.
      const linkedIn = new URL(
        (await card().getByRole('link', { name: 'Ajouter à mon profil LinkedIn' }).getAttribute('href')) ??
          '',
      );
      expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add');
      expect(Object.fromEntries(linkedIn.searchParams)).toMatchObject({
        startTask: 'CERTIFICATION_NAME',
        name: expect.stringContaining('CQP-APS'),
        organizationName: 'Prévention et sécurité',
        certUrl: verifyUrl,
        certId: award.number,
      });
      expect(Number(linkedIn.searchParams.get('issueYear'))).toBeGreaterThan(2000);

      const [pdf] = await Promise.all([
        holder.waitForEvent('download', WAIT),
        card().getByRole('link', { name: 'Télécharger le certificat (PDF)' }).click(),
      ]);
      expect(pdf.suggestedFilename()).toBe(`${award.number}.pdf`);
      const pdfPath = (await pdf.path()) as string;
      const bytes = await readFile(pdfPath);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = await pdfText(pdfPath);
      if (text !== null) {
        expect(text).toContain(award.number);
        expect(text).toContain(award.code);
      }

      const [json] = await Promise.all([
        holder.waitForEvent('download', WAIT),
        card().getByRole('link', { name: 'Télécharger l’attestation numérique (JSON)' }).click(),
      ]);
      const credential = JSON.parse(await readFile((await json.path()) as string, 'utf8')) as {
        type: string[];
        proof: { cryptosuite: string };
      };
      expect(credential.type).toContain('OpenBadgeCredential');
      expect(credential.proof.cryptosuite).toBe('eddsa-rdfc-2022');

      await expectNoSidewaysScroll(holder);
      await expectAxeClean(holder);
    });

    it('the branch’s manager suspends (a reason required), reinstates, then revokes it on « Attributions »', async () => {
      const staff = await pageAs('branch_manager@demo.qualif.test');
      await staff.goto(`${base}/attributions`);
      await staff.getByRole('heading', { name: 'Attributions', level: 1 }).waitFor(WAIT);
      const row = staff.getByRole('row').filter({ hasText: award.number });
      await row.getByText('Valide', { exact: true }).waitFor(WAIT);
      // Whose award it is: the holder's name, as the candidacy list shows it.
      await row.getByRole('cell', { name: award.holder, exact: true }).waitFor(WAIT);
      await expectNoSidewaysScroll(staff);
      await expectAxeClean(staff);

      // Suspend: without a reason, the API's refusal under the field; with one, « Suspendue ».
      await row.getByRole('button', { name: `Suspendre l’attestation ${award.number}` }).click();
      let dialog = staff.getByRole('dialog', { name: `Suspendre l’attestation ${award.number}` });
      await dialog.getByRole('button', { name: 'Suspendre' }).click();
      await dialog.getByText('Indiquez la raison de la suspension', { exact: false }).waitFor(WAIT);
      await expectAxeClean(staff);
      await dialog.getByLabel(/^Raison de la suspension/).fill('Vérification d’une pièce en cours');
      await dialog.getByRole('button', { name: 'Suspendre' }).click();
      await dialog.waitFor({ state: 'hidden', ...WAIT });
      await row.getByText('Suspendue', { exact: true }).waitFor(WAIT);
      await row.getByText('Vérification d’une pièce en cours').waitFor(WAIT);

      // Reinstate, confirmed.
      await row.getByRole('button', { name: `Rétablir l’attestation ${award.number}` }).click();
      dialog = staff.getByRole('dialog', { name: `Rétablir l’attestation ${award.number} ?` });
      await dialog.getByRole('button', { name: 'Rétablir' }).click();
      await dialog.waitFor({ state: 'hidden', ...WAIT });
      await row.getByText('Valide', { exact: true }).waitFor(WAIT);

      // Revoke, with its reason: final, no action left on the row.
      await row.getByRole('button', { name: `Révoquer l’attestation ${award.number}` }).click();
      dialog = staff.getByRole('dialog', { name: `Révoquer l’attestation ${award.number}` });
      await dialog.getByLabel(/^Raison du retrait/).fill('Attestation d’expérience falsifiée');
      await expectAxeClean(staff);
      await dialog.getByRole('button', { name: 'Révoquer' }).click();
      await dialog.waitFor({ state: 'hidden', ...WAIT });
      await row.getByText('Révoquée', { exact: true }).waitFor(WAIT);
      expect(await row.getByRole('button').count()).toBe(0);
      // The list filtered on revoked awards holds it.
      await staff.goto(`${base}/attributions?status=revoked`);
      await staff.getByRole('row').filter({ hasText: award.number }).waitFor(WAIT);
      await expectAxeClean(staff);

      const history = await served.t.db
        .selectFrom('award_status_events')
        .select('event')
        .where('award_id', '=', award.id)
        .orderBy('at')
        .execute();
      expect(history.map((e) => e.event)).toEqual(['suspend', 'reinstate', 'revoke']);
    });

    it('the holder’s page then says « Révoqué », with the reason, and offers no LinkedIn link', async () => {
      await holder.reload();
      await card().getByText('Révoqué', { exact: true }).waitFor(WAIT);
      await card().getByText('Attestation d’expérience falsifiée', { exact: false }).waitFor(WAIT);
      expect(await card().getByRole('link', { name: 'Ajouter à mon profil LinkedIn' }).count()).toBe(0);
      await expectNoSidewaysScroll(holder);
      await expectAxeClean(holder);
      expect(errors).toEqual([]);
    });
  },
);
