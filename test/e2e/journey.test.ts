import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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

const WAIT = { timeout: 60_000 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const CANDIDATE_PASSWORD = 'Mon-parcours-Qualif-2026!';

/** Letters only: birth names are compared without digits, so each person differs by letters. */
function word(n: number): string {
  let s = '';
  for (let x = n + 1; x > 0; x = Math.floor(x / 26)) s = String.fromCharCode(97 + (x % 26)) + s;
  return s;
}

/** The ISO date `days` after today. */
function inDays(days: number): string {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

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

/**
 * Picks options of a Mantine multi-select by its label: its box (pills and input) takes the
 * click, its options stay open; retried when a re-render closed the dropdown.
 */
async function chooseMany(page: Page, label: string, options: string[]) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  const box = page.locator('.mantine-MultiSelect-input').filter({ has: input });
  for (const option of options) {
    for (let attempt = 1; ; attempt++) {
      await expect.poll(() => input.isEnabled(), WAIT).toBe(true);
      if (!(await page.getByRole('option', { name: option }).first().isVisible())) await box.click();
      try {
        await page.getByRole('option', { name: option }).first().click({ timeout: 15_000 });
        break;
      } catch (error) {
        if (attempt >= 4) throw error;
        await page.keyboard.press('Escape');
      }
    }
  }
  await page.keyboard.press('Escape');
}

/**
 * The whole path of issue 12 in a real Chromium, through the UI only, as the users take it:
 * the training organisation enrols a candidate through the form and 20 more from the template
 * it downloads; positions the first against the framework with an evidence file, moves it to
 * its pathway, generates and edits the pathway and downloads its PDF; moves it to assessment
 * and schedules a session — refused on its field for an evaluator whose habilitation has ended
 * by the date, accepted with a habilitated one; the evaluator fills and signs the grid; the
 * organisation declares the candidacy ready for the jury; the candidate, invited by email,
 * chooses a password and sees « Prêt·e pour le jury » in their space. Every page axe clean;
 * the database is only read, to check what the screens said.
 */
describe.skipIf(!browserAvailable)('the whole path of a candidacy in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  let trainerEmail: string;
  let orgSiret: string;
  let cert: { id: string; code: string };
  let expiring: { id: string; email: string; displayName: string };
  let evaluator: { id: string; email: string; displayName: string };
  let candidacyId: string;
  let assessmentId: string;
  const tag = Date.now()
    .toString(36)
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)] as string);
  const candidateEmail = `parcours-${tag}@test.qualif.test`;
  const birthName = `Parcours ${tag}`;

  beforeAll(async () => {
    served = await serveAppInBrowser(false);
    ({ browser, base } = served);
    const f = factories(served.t.services);
    const branch = await f.newBranch();
    const org = await f.newOrganisation('training_org', `Organisme Parcours ${tag}`);
    await f.newOrganisation('employer', `Employeur Parcours ${tag}`);
    cert = await f.newEnrollableCertification([branch.id], [org.id]);
    orgSiret = (
      await served.t.db
        .selectFrom('organisations')
        .select('siret')
        .where('id', '=', org.id)
        .executeTakeFirstOrThrow()
    ).siret as string;
    trainerEmail = (await f.newUser('training_org', { organisationId: org.id })).email;
    // Two evaluators: one habilitated for ten more days only, one for years.
    expiring = await f.newUser('evaluator', {}, { displayName: `Estelle Expirée ${tag}` });
    evaluator = await f.newUser('evaluator', {}, { displayName: `Hugo Habilité ${tag}` });
    await f.newHabilitation(
      cert.id,
      { userId: expiring.id, kind: 'evaluator' },
      { validFrom: '2020-01-01', validTo: inDays(10) },
    );
    await f.newHabilitation(cert.id, { userId: evaluator.id, kind: 'evaluator' });
  }, 300_000);
  afterAll(() => served?.close());

  /** Runs one user's part in a fresh browser context; a failure leaves a screenshot. */
  async function as(
    name: string,
    act: (page: Page, context: BrowserContext) => Promise<void>,
  ): Promise<void> {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    try {
      await act(page, context);
    } catch (error) {
      await page.screenshot({ path: `${screenshotDir}/journey-${name}.png`, fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  }

  async function signedInWith(page: Page, email: string, password = TEST_PASSWORD) {
    await signIn(page, base, email, password);
    await page.getByText(`Connecté·e en tant que ${email}`).waitFor(WAIT);
  }

  const candidacyUrl = (tab: string) => `${base}/candidatures/${candidacyId}?onglet=${tab}`;

  /** Moves the candidacy on from its « Historique » tab, through the confirmation dialog. */
  async function transition(page: Page, label: string) {
    await page.goto(candidacyUrl('historique'));
    await page.getByRole('button', { name: label }).click(WAIT);
    const dialog = page.getByRole('dialog', { name: `${label} ?` });
    await opened(dialog);
    await expectAxeClean(page);
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await page.getByRole('cell', { name: label, exact: true }).waitFor(WAIT);
    await expectAxeClean(page);
  }

  const statusInDb = async () =>
    (
      await served.t.db
        .selectFrom('candidacies')
        .select('status')
        .where('id', '=', candidacyId)
        .executeTakeFirstOrThrow()
    ).status;

  it('the training organisation enrols one candidate through the form and 20 from the template', async () => {
    await as('enrolment', async (page) => {
      await signedInWith(page, trainerEmail);
      await page.getByRole('link', { name: 'Candidatures' }).first().click();
      await page.getByRole('heading', { name: 'Candidatures', level: 1 }).waitFor(WAIT);
      await expectAxeClean(page);

      await page.getByRole('link', { name: 'Inscrire un candidat' }).click();
      await page.getByRole('heading', { name: 'Inscrire un candidat', level: 1 }).waitFor(WAIT);
      await page.getByLabel('Nom de naissance').fill(birthName);
      await page.getByLabel('Premier prénom').fill('Louise');
      await page.getByRole('radio', { name: 'Féminin' }).check();
      await choose(page, 'Mois', 'mars');
      await choose(page, 'Jour', '14');
      await page.getByLabel('Année').fill('1988');
      await page.getByLabel('Code INSEE de la commune de naissance').fill('69383');
      await page.getByLabel('Adresse e-mail').fill(candidateEmail);
      await page.getByRole('textbox', { name: 'Certification', exact: true }).fill(cert.code);
      await page.getByRole('option', { name: new RegExp(cert.code) }).click(WAIT);
      await choose(page, 'Voie d’accès', /plan de développement/i);
      await choose(page, 'Statut', 'Salarié·e');
      await choose(page, 'Type de contrat', 'CDI');
      // An employer: the pathway's work situations take place there.
      await page.getByRole('textbox', { name: 'Employeur', exact: true }).fill(tag);
      await page.getByRole('option', { name: new RegExp(`Employeur Parcours ${tag}`) }).click(WAIT);
      const trainingOrg = page.getByRole('textbox', { name: 'Organisme de formation', exact: true });
      await expect.poll(() => trainingOrg.inputValue(), WAIT).toBe(`Organisme Parcours ${tag}`);
      await expectAxeClean(page);
      await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
      await page.waitForURL(/\/candidatures\/[0-9a-f-]{36}/, WAIT);
      candidacyId = (/\/candidatures\/([0-9a-f-]{36})/.exec(page.url()) as RegExpExecArray)[1] as string;
      await page.getByRole('heading', { level: 1, name: `Louise ${birthName}` }).waitFor(WAIT);
      await expectAxeClean(page);
      expect(await statusInDb()).toBe('enrolled');

      // The import: the template as downloaded, with 20 rows instead of its example.
      await page.goto(`${base}/candidatures`);
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
      for (let n = 0; n < 20; n++) {
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
        };
        sheet.addRow(header.map((h) => values[h] ?? ''));
      }
      const file = path.join(tmpdir(), `parcours-import-${tag}.xlsx`);
      await writeFile(file, Buffer.from(await template.xlsx.writeBuffer()));
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByText('20 parcours seraient créés').waitFor(WAIT);
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      await page.getByText('20 parcours créés').waitFor(WAIT);
      await expectAxeClean(page);
      await page.getByRole('link', { name: 'Voir les candidatures' }).click();
      await page.getByRole('heading', { name: 'Candidatures', level: 1 }).waitFor(WAIT);
      await page.getByRole('button', { name: 'Inscrit·e (21)' }).waitFor(WAIT);
      await expectAxeClean(page);
      const count = await served.t.db
        .selectFrom('candidacies')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('certification_id', '=', cert.id)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(21);
    });
  }, 600_000);

  it('positions the first against the framework with an evidence file, then generates, edits and downloads its pathway', async () => {
    await as('positioning-pathway', async (page) => {
      await signedInWith(page, trainerEmail);
      await transition(page, 'Commencer le positionnement');
      expect(await statusInDb()).toBe('positioning');

      await page.goto(candidacyUrl('positionnement'));
      for (const [code, level] of [
        ['C1', 'Partiellement acquise'],
        ['C2', 'Acquise'],
        ['C3', 'Acquise'],
        ['C4', 'Acquise'],
      ] as const) {
        const article = page.getByRole('article', { name: new RegExp(`^${code} — `) });
        await article
          .getByRole('radiogroup', { name: `Décision de l’organisme (${code})` })
          .getByRole('radio', { name: level, exact: true })
          .check(WAIT);
        await article.getByRole('button', { name: 'Enregistrer' }).click();
        await article.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor(WAIT);
      }
      const c1 = page.getByRole('article', { name: /^C1 — / });
      const chooser = page.waitForEvent('filechooser', WAIT);
      await page.getByRole('button', { name: 'Ajouter une pièce justificative pour C1' }).click();
      await (await chooser).setFiles({
        name: 'Attestation employeur.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await c1.getByRole('link', { name: 'Attestation employeur.pdf' }).waitFor(WAIT);
      await expectAxeClean(page);
      const decisions = await served.t.db
        .selectFrom('positioning_decisions')
        .select(['competency_code', 'level'])
        .where('candidacy_id', '=', candidacyId)
        .where('side', '=', 'organisation')
        .orderBy('competency_code')
        .execute();
      expect(decisions.map((d) => [d.competency_code, d.level])).toEqual([
        ['C1', 'partly'],
        ['C2', 'held'],
        ['C3', 'held'],
        ['C4', 'held'],
      ]);
      const evidence = await served.t.db
        .selectFrom('positioning_evidence')
        .select(['file_name', 'competency_code'])
        .where('candidacy_id', '=', candidacyId)
        .execute();
      expect(evidence).toEqual([{ file_name: 'Attestation employeur.pdf', competency_code: 'C1' }]);

      await transition(page, 'Commencer le parcours individualisé');
      expect(await statusInDb()).toBe('pathway');

      // The pathway: generated from the gap on C1 (BC01), completed, extended, downloaded.
      await page.goto(candidacyUrl('parcours'));
      await page.getByRole('heading', { name: 'BC01 — Premier bloc' }).waitFor(WAIT);
      await expectAxeClean(page);
      await page.getByRole('button', { name: 'Générer à partir du positionnement' }).click();
      await page.getByText('À compléter avant la prise de connaissance').waitFor(WAIT);
      await expectAxeClean(page);
      await page.getByRole('button', { name: 'Modifier les modules' }).click();
      const first = page.getByRole('group', { name: 'Module 1' });
      await first.getByLabel('Heures').fill('21');
      await first.getByLabel('Début').fill(inDays(7));
      await first.getByLabel('Fin').fill(inDays(9));
      await page.getByRole('button', { name: 'Ajouter un module' }).click();
      const second = page.getByRole('group', { name: 'Module 2' });
      await second.getByRole('textbox', { name: 'Type de module', exact: true }).click();
      await page.getByRole('option', { name: 'Situation de travail' }).click(WAIT);
      await second.getByLabel('Intitulé').fill('Accueil au poste');
      await second.getByLabel('Début').fill(inDays(10));
      await second.getByLabel('Fin').fill(inDays(20));
      await second.getByLabel('Tuteur ou tutrice chez l’employeur').fill('Mme Hélène Dubœuf');
      await second.getByLabel('Situation de travail').fill('Tenue de l’accueil, trois matinées par semaine');
      await expectAxeClean(page);
      await page.getByRole('button', { name: 'Enregistrer le parcours' }).click();
      await page.getByText('Accueil au poste').waitFor(WAIT);
      await page.getByText(/tuteur ou tutrice : Mme Hélène Dubœuf/).waitFor(WAIT);
      await expect
        .poll(() => page.getByText('À compléter avant la prise de connaissance').count(), WAIT)
        .toBe(0);
      await expectAxeClean(page);
      const [download] = await Promise.all([
        page.waitForEvent('download', WAIT),
        page.getByRole('link', { name: 'Télécharger le PDF' }).click(),
      ]);
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
      expect(doc.getTitle()).toContain('Parcours individualisé');
    });
  }, 600_000);

  it('moves to assessment and schedules a session: refused for an evaluator not habilitated on the date, then accepted', async () => {
    await as('scheduling', async (page) => {
      await signedInWith(page, trainerEmail);
      await transition(page, 'Passer à l’évaluation');
      expect(await statusInDb()).toBe('assessment');

      await page.goto(candidacyUrl('evaluations'));
      await page.getByText('Aucune évaluation programmée.').waitFor(WAIT);
      await expectAxeClean(page);
      const date = page.getByLabel(/^Date/);
      const evaluators = 'Évaluateurs habilités à cette date';
      // Chosen while habilitated (in 5 days), then the date moved past the habilitation's end.
      await date.fill(inDays(5));
      await chooseMany(page, evaluators, [expiring.displayName]);
      await date.fill(inDays(30));
      await chooseMany(page, 'Blocs évalués', ['BC01', 'BC02']);
      await page.getByRole('button', { name: 'Programmer' }).click();
      await page
        .getByText(
          `« ${expiring.displayName} » n’a pas d’habilitation d’évaluateur pour cette certification valable le`,
          { exact: false },
        )
        .waitFor(WAIT);
      const field = page.getByRole('textbox', { name: evaluators, exact: true });
      await expect.poll(() => field.getAttribute('aria-invalid'), WAIT).toBe('true');
      await expectAxeClean(page);
      expect(
        await served.t.db
          .selectFrom('assessments')
          .select('id')
          .where('candidacy_id', '=', candidacyId)
          .execute(),
      ).toEqual([]);

      // Afresh: the habilitated evaluator on the same date.
      await page.reload();
      await page.getByText('Aucune évaluation programmée.').waitFor(WAIT);
      await page.getByLabel(/^Date/).fill(inDays(30));
      await chooseMany(page, 'Blocs évalués', ['BC01', 'BC02']);
      await chooseMany(page, evaluators, [evaluator.displayName]);
      await page.getByRole('button', { name: 'Programmer' }).click();
      await page.getByText('Évaluation programmée.', { exact: true }).waitFor(WAIT);
      await page.getByRole('cell', { name: evaluator.displayName, exact: true }).waitFor(WAIT);
      await expectAxeClean(page);
      const stored = await served.t.db
        .selectFrom('assessments')
        .select(['id', 'date', 'bloc_codes'])
        .where('candidacy_id', '=', candidacyId)
        .execute();
      expect(stored).toEqual([{ id: expect.any(String), date: inDays(30), bloc_codes: ['BC01', 'BC02'] }]);
      assessmentId = (stored[0] as { id: string }).id;
    });
  }, 600_000);

  it('the evaluator fills and signs the grid', async () => {
    await as('grid', async (page) => {
      await signedInWith(page, evaluator.email);
      await page.goto(`${base}/evaluations`);
      await page.getByRole('heading', { level: 1, name: 'Évaluations' }).waitFor(WAIT);
      await expectAxeClean(page);
      await page.locator(`a[href="/evaluations/${assessmentId}"]`).click();
      await page.getByRole('heading', { level: 1, name: 'Grille d’évaluation' }).waitFor(WAIT);
      await expectAxeClean(page);
      for (const code of ['BC01', 'BC02']) {
        const bloc = page.getByRole('region', { name: new RegExp(`^${code} — `) });
        const met = bloc.getByRole('radio', { name: 'Atteint', exact: true });
        await met.first().waitFor(WAIT);
        const count = await met.count();
        for (let i = 0; i < count; i++) await met.nth(i).check();
        await bloc.getByText('Proposé acquis').waitFor(WAIT);
        await bloc.getByText(/^Brouillon enregistré/).waitFor(WAIT);
        await bloc.getByRole('button', { name: 'Signer' }).click();
        const dialog = page.getByRole('dialog', { name: `Signer le résultat du bloc ${code} ?` });
        await opened(dialog);
        await expectAxeClean(page);
        await dialog.getByRole('button', { name: 'Signer' }).click();
        await bloc.getByText(/^Signé par /).waitFor(WAIT);
        await expect.poll(() => bloc.getByRole('radio').count(), WAIT).toBe(0);
      }
      await expectAxeClean(page);
      const signed = await served.t.db
        .selectFrom('assessment_results')
        .select(['bloc_code', 'proposal'])
        .where('assessment_id', '=', assessmentId)
        .where('signed_at', 'is not', null)
        .orderBy('bloc_code')
        .execute();
      expect(signed).toEqual([
        { bloc_code: 'BC01', proposal: 'acquired' },
        { bloc_code: 'BC02', proposal: 'acquired' },
      ]);
    });
  }, 600_000);

  it('the training organisation declares the candidacy ready for the jury', async () => {
    await as('ready', async (page) => {
      await signedInWith(page, trainerEmail);
      await page.goto(candidacyUrl('evaluations'));
      await page.getByText(/BC01 : Proposé acquis/).waitFor(WAIT);
      await expectAxeClean(page);
      await transition(page, 'Déclarer prêt·e pour le jury');
      await page.getByText('Prêt·e pour le jury', { exact: true }).first().waitFor(WAIT);
      expect(await statusInDb()).toBe('ready_for_jury');
    });
  }, 600_000);

  it('the candidate, invited by email, chooses a password and sees « Prêt·e pour le jury » in their space', async () => {
    // The invitation sent at enrolment, read from the outbox (the test's mail transport).
    let invitation: string | undefined;
    await expect
      .poll(
        async () => {
          const [mail] = await served.t.db
            .selectFrom('mail_outbox')
            .select('body_text')
            .where('recipient', '=', candidateEmail)
            .where('subject', 'like', 'Qualif — créez votre compte%')
            .execute();
          invitation = mail?.body_text;
          return invitation;
        },
        { timeout: 120_000, interval: 500 },
      )
      .toBeTruthy();
    const link = /https?:\/\/\S+token=\S+/.exec(invitation as string)?.[0];
    expect(link, 'the invitation link').toBeDefined();
    await as('candidate', async (page) => {
      await page.goto(link as string);
      await page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }).waitFor(WAIT);
      await expectAxeClean(page);
      await page.getByLabel(/^Nouveau mot de passe/).fill(CANDIDATE_PASSWORD);
      await page.getByLabel(/^Confirmer le mot de passe/).fill(CANDIDATE_PASSWORD);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Votre mot de passe est enregistré.', { exact: false }).waitFor(WAIT);
      await signedInWith(page, candidateEmail, CANDIDATE_PASSWORD);
      await page.getByRole('link', { name: 'Voir mon parcours' }).click();
      await page.getByRole('heading', { name: 'Mon parcours', level: 1 }).waitFor(WAIT);
      const card = page.getByRole('article', { name: new RegExp(`^${cert.code}`) });
      await card.getByText('Prêt·e pour le jury', { exact: true }).first().waitFor(WAIT);
      await card.getByText('Vos évaluations sont terminées', { exact: false }).waitFor(WAIT);
      expect(await page.getByRole('article').count()).toBe(1);
      await expectAxeClean(page);
    });
  }, 600_000);
});
