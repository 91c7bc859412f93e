import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type ServedApp, screenshotDir, serveAppInBrowser, signedIn } from './browser.js';

const TITLE = 'Opérateur de vidéoprotection urbaine';
const CODE = 'CQP-E2E-VPU';
const WAIT = { timeout: 15_000 };

/**
 * The catalogue in a real Chromium: a branch manager creates a CQP — a draft, absent from the
 * public catalogue —, writes and publishes its framework, records its transmission and
 * activates it; then anyone finds it in the public catalogue and reads its fiche.
 */
describe.skipIf(!browserAvailable)('catalogue in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    served = await serveAppInBrowser();
    ({ browser, base } = served);
  });

  afterAll(async () => {
    await served?.close();
  });

  /** Fails the test on any uncaught error in the page. */
  function watchErrors(page: Page): string[] {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return errors;
  }

  const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });

  async function chooseMethod(page: Page, competency: Locator, method: string) {
    await competency.getByRole('textbox', { name: 'Modalités d’évaluation' }).click();
    await page.getByRole('option', { name: method }).click();
    await page.keyboard.press('Escape');
  }

  /** Fills one competency: its title, one assessment method, its first criterion. */
  async function fillCompetency(page: Page, bloc: Locator, number: string, title: string, method: string) {
    const competency = group(bloc, `Compétence ${number}`);
    await competency.getByLabel('Intitulé de la compétence').fill(title);
    await chooseMethod(page, competency, method);
    await group(competency, `Critère ${number}.1`)
      .getByLabel('Énoncé du critère')
      .fill(`Le résultat attendu pour ${title.toLowerCase()} est atteint`);
  }

  /** What a visitor (a fresh context, nobody signed in) finds in the catalogue for these words. */
  async function publicSearch(words: string, expected: string) {
    const visitor = await browser.newPage();
    try {
      await visitor.goto(`${base}/catalogue`);
      await visitor.getByRole('heading', { name: 'Catalogue des certifications' }).waitFor(WAIT);
      await visitor.getByLabel('Rechercher une certification').fill(words);
      await visitor.getByRole('button', { name: 'Rechercher' }).click();
      await visitor.getByText(expected).waitFor(WAIT);
    } finally {
      await visitor.close();
    }
  }

  it('a branch manager creates a CQP — a draft, absent from the public catalogue —, publishes its framework, records its transmission, activates it, and anyone finds its fiche', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    try {
      await signedIn(page, base, 'branch_manager@demo.qualif.test');
      await page.getByRole('navigation').getByRole('link', { name: 'Mes certifications' }).click();
      await page.getByRole('heading', { name: 'Mes certifications', level: 1 }).waitFor(WAIT);
      await page.getByRole('link', { name: 'Agent de prévention et de sécurité' }).waitFor(WAIT);
      await page.getByRole('link', { name: 'Nouvelle certification' }).click();

      // Identity.
      await page.getByRole('heading', { name: 'Nouvelle certification' }).waitFor(WAIT);
      await page.getByRole('radio', { name: 'CQP', exact: true }).check();
      await page.getByRole('textbox', { name: 'Code', exact: true }).fill(CODE);
      await page.getByRole('textbox', { name: 'Intitulé', exact: true }).fill(TITLE);
      // The manager's only branch is proposed; a CQP has exactly one.
      await page.getByText('Prévention et sécurité', { exact: true }).first().waitFor(WAIT);
      await page.getByLabel('Nom du propriétaire légal').fill('Association paritaire de la vidéoprotection');
      await page.getByLabel('SIRET').fill('73282932000074');
      await page.getByRole('textbox', { name: 'Codes ROME' }).fill('K2503');
      await page.getByRole('textbox', { name: 'Codes ROME' }).press('Enter');
      await page
        .getByLabel('Description')
        .fill('Surveiller l’espace public depuis un centre de supervision urbain.');
      await page.getByLabel('Métiers visés').fill('Opérateur de vidéoprotection, opérateur de CSU.');
      await page.screenshot({ path: `${screenshotDir}/e2e-catalogue-new.png`, fullPage: true });
      await page.getByRole('button', { name: 'Créer la certification' }).click();

      // Framework: 2 blocs of 2 competencies, each with a method and a criterion.
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor(WAIT);
      await page.getByRole('button', { name: 'Créer le référentiel' }).click();
      await group(page, 'Activité 1')
        .getByLabel('Intitulé de l’activité')
        .fill('Surveillance de l’espace public par vidéoprotection');

      const bloc1 = group(page, 'Bloc 1');
      await bloc1.getByLabel('Intitulé du bloc').fill('Exploiter le système de vidéoprotection');
      await fillCompetency(
        page,
        bloc1,
        '1.1',
        'Conduire une veille sur les écrans',
        'Mise en situation professionnelle',
      );
      await page.getByRole('button', { name: 'Ajouter une compétence au bloc 1' }).click();
      await fillCompetency(page, bloc1, '1.2', 'Respecter le cadre légal des images', 'Questionnaire (QCM)');

      await page.getByRole('button', { name: 'Ajouter un bloc' }).click();
      const bloc2 = group(page, 'Bloc 2');
      await bloc2.getByLabel('Intitulé du bloc').fill('Alerter et rendre compte');
      await fillCompetency(page, bloc2, '2.1', 'Alerter les forces de l’ordre', 'Étude de cas');
      await page.getByRole('button', { name: 'Ajouter une compétence au bloc 2' }).click();
      await fillCompetency(page, bloc2, '2.2', 'Rédiger un rapport d’événement', 'Dossier');
      await group(bloc2, 'Compétence 2.2').getByLabel('Compétence transversale').check();
      await bloc2.getByRole('radio', { name: 'N critères sur M' }).check();
      await bloc2.getByLabel('Nombre de critères exigés (N)').fill('1');

      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await page.getByText('Brouillon — version 1').waitFor(WAIT);
      await page.screenshot({ path: `${screenshotDir}/e2e-catalogue-draft.png`, fullPage: true });

      // Publish, once confirmed.
      await page.getByRole('button', { name: 'Publier', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Une version publiée ne peut plus être modifiée').waitFor(WAIT);
      await dialog.getByRole('button', { name: 'Publier', exact: true }).click();
      await page.getByText('Version 1 publiée').waitFor(WAIT);
      await page.getByRole('button', { name: 'Nouvelle version à partir de la version 1' }).waitFor(WAIT);
      await page.screenshot({ path: `${screenshotDir}/e2e-catalogue-published.png`, fullPage: true });

      // Still a draft: the public does not find it; the page says what activation lacks.
      await publicSearch('vidéoprotection urbaine', 'Aucune certification ne correspond à votre recherche.');
      const draftNote = page.getByRole('alert').filter({ hasText: 'Brouillon : hors du catalogue public' });
      await draftNote.getByText(/enregistrez sa transmission à France compétences/).waitFor(WAIT);
      expect(await draftNote.getByText(/Aucune version des référentiels/).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Activer', exact: true }).count()).toBe(0);

      // Its transmission to France compétences: it now exists legally, « Activer » is offered.
      await page.getByRole('tab', { name: 'Reconnaissance' }).click();
      await page.getByLabel('Type d’événement').selectOption({ label: 'Transmission à France compétences' });
      await page.getByLabel('Date de l’événement').fill('2025-03-03');
      await page.getByRole('button', { name: 'Ajouter l’événement' }).click();
      await page.getByRole('button', { name: 'Activer', exact: true }).click();
      const activate = page.getByRole('dialog');
      await activate.getByText('Elle devient publique').waitFor(WAIT);
      await activate.getByRole('button', { name: 'Activer', exact: true }).click();
      await page.getByText('Au catalogue', { exact: true }).waitFor(WAIT);
      await page.getByRole('button', { name: 'Retirer du catalogue' }).waitFor(WAIT);
      await page.screenshot({ path: `${screenshotDir}/e2e-catalogue-activated.png`, fullPage: true });

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('button', { name: 'Se connecter' }).waitFor(WAIT);

      // Signed out: the public catalogue finds it by its title, and its fiche shows the framework.
      await page.goto(`${base}/connexion`);
      await page.getByRole('link', { name: 'Consulter le catalogue' }).click();
      await page.getByRole('heading', { name: 'Catalogue des certifications' }).waitFor(WAIT);
      await page.getByLabel('Rechercher une certification').fill('vidéoprotection urbaine');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.getByText('1 certification trouvée').waitFor(WAIT);
      await page.getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor(WAIT);
      await page
        .getByRole('heading', { name: 'BC01 — Exploiter le système de vidéoprotection' })
        .waitFor(WAIT);
      await page.getByText('1 critère sur 2').waitFor(WAIT);
      await expect(page.getByText('Tous les critères').count()).resolves.toBe(1);
      await expect(page.getByText('Transversale').count()).resolves.toBe(1);
      await page.getByText('K2503', { exact: true }).waitFor(WAIT);
      await page.screenshot({ path: `${screenshotDir}/e2e-catalogue-fiche.png`, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a branch manager makes a new version and compares it, records an event, habilitates an organisation and an evaluator', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    try {
      await signedIn(page, base, 'branch_manager@demo.qualif.test');
      await page.getByRole('navigation').getByRole('link', { name: 'Mes certifications' }).click();
      await page.getByRole('link', { name: 'Agent de prévention et de sécurité' }).click();
      await page.getByRole('heading', { name: 'Agent de prévention et de sécurité', level: 1 }).waitFor(WAIT);

      // A new draft from the published version, one change, then the diff of the two.
      await page.getByRole('tab', { name: 'Référentiels' }).click();
      await page.getByRole('button', { name: 'Nouvelle version à partir de la version 1' }).click();
      await page.getByText('Brouillon — version 2').waitFor(WAIT);
      const bloc = group(page, 'Bloc 1').getByLabel('Intitulé du bloc');
      await bloc.fill(`${await bloc.inputValue()} (révisé)`);
      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await page.getByText('Brouillon enregistré', { exact: false }).first().waitFor(WAIT);
      await page.getByLabel('De la version').selectOption('1');
      await page.getByLabel('À la version').selectOption('2');
      await page.getByRole('button', { name: 'Comparer' }).click();
      await page.getByText(/^1 différence de la version 1 à la version 2/).waitFor(WAIT);
      await page
        .getByText(/\(révisé\)/)
        .last()
        .waitFor(WAIT);
      await page.screenshot({ path: `${screenshotDir}/e2e-catalogue-compare.png`, fullPage: true });

      // An unsaved edit is not lost by switching tabs: the page asks first; staying keeps it.
      const prompt = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
      await bloc.fill('Bloc modifié sans enregistrer');
      await page.getByRole('tab', { name: 'Reconnaissance' }).click();
      await prompt.waitFor(WAIT);
      await prompt.getByRole('button', { name: 'Rester sur la page' }).click();
      await prompt.waitFor({ state: 'hidden', ...WAIT });
      await expect(bloc.inputValue()).resolves.toBe('Bloc modifié sans enregistrer');
      // Leaving by the main navigation asks too; leaving without saving drops the edit.
      await page.getByRole('navigation').getByRole('link', { name: 'Mes certifications' }).click();
      await prompt.waitFor(WAIT);
      await prompt.getByRole('button', { name: 'Rester sur la page' }).click();
      await expect(bloc.inputValue()).resolves.toBe('Bloc modifié sans enregistrer');
      await page.getByRole('tab', { name: 'Reconnaissance' }).click();
      await prompt.getByRole('button', { name: 'Quitter sans enregistrer' }).click();

      // The event form asks too; a registration number unknown to the imported registry is
      // accepted with a warning that says so.
      await page.getByLabel('Type d’événement').waitFor(WAIT);
      await page.getByLabel('Type d’événement').selectOption({ label: 'Inscription au RNCP' });
      await page.getByLabel('Numéro d’enregistrement').fill('RNCP99999');
      await page.getByText('Numéro absent du registre importé').waitFor(WAIT);
      await page
        .getByText(/RNCP99999 ne figure pas dans les exports du RNCP importés dans Qualif/)
        .waitFor(WAIT);
      await page.getByRole('tab', { name: 'Habilitations' }).click();
      await prompt.waitFor(WAIT);
      await prompt.getByRole('button', { name: 'Rester sur la page' }).click();
      await expect(page.getByLabel('Numéro d’enregistrement').inputValue()).resolves.toBe('RNCP99999');
      // A number the registry holds raises no warning.
      await page.getByLabel('Numéro d’enregistrement').fill('RNCP35809');
      await expect
        .poll(() => page.getByText('Numéro absent du registre importé').count(), { timeout: 20_000 })
        .toBe(0);

      // A dated recognition event.
      await page.getByLabel('Type d’événement').selectOption({ label: 'Retrait' });
      await page.getByLabel('Date de l’événement').fill('2031-01-15');
      await page.getByLabel('Référence').fill('Délibération CPNEFP n° 2030-12');
      await page.getByRole('button', { name: 'Ajouter l’événement' }).click();
      await page.getByRole('cell', { name: 'Délibération CPNEFP n° 2030-12' }).waitFor(WAIT);

      // An organisation habilitated to train.
      await page.getByRole('tab', { name: 'Habilitations' }).click();
      await page.getByLabel('Habilitation', { exact: true }).selectOption({ label: 'Former' });
      await page.getByRole('textbox', { name: 'Organisme de formation' }).click();
      const option = page.getByRole('listbox').getByRole('option').first();
      const organisation = ((await option.textContent()) ?? '').replace(/ \(SIRET.*$/, '');
      await option.click();
      await page.getByLabel('Valable du').fill('2027-01-01');
      await page.getByLabel('Valable jusqu’au').fill('2029-12-31');
      await page.getByRole('button', { name: 'Habiliter' }).click();
      await page
        .getByRole('row')
        .filter({ hasText: organisation })
        .filter({ hasText: '1er janvier 2027' })
        .waitFor(WAIT);

      // An evaluator, found by part of their name or email.
      await page.getByLabel('Habilitation', { exact: true }).selectOption({ label: 'Évaluateur·rice' });
      await page.getByRole('textbox', { name: 'Personne' }).fill('evaluator@');
      await page
        .getByRole('listbox')
        .getByRole('option', { name: /evaluator@demo\.qualif\.test/ })
        .click();
      await page.getByLabel('Valable du').fill('2027-01-01');
      await page.getByLabel('Valable jusqu’au').fill('2028-12-31');
      await page.getByRole('button', { name: 'Habiliter' }).click();
      await page
        .getByRole('row')
        .filter({ hasText: 'Évaluateur·rice' })
        .filter({ hasText: '1er janvier 2027' })
        .filter({ hasText: '31 décembre 2028' })
        .waitFor(WAIT);
      await page.screenshot({ path: `${screenshotDir}/e2e-catalogue-habilitations.png`, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a branch manager sees the API’s field errors under the fields', async () => {
    const page = await browser.newPage();
    try {
      await signedIn(page, base, 'branch_manager@demo.qualif.test');
      await page.goto(`${base}/gestion/certifications/nouvelle`);
      await page.getByRole('radio', { name: 'CQPI' }).check();
      await page.getByRole('textbox', { name: 'Code', exact: true }).fill('CQPI-E2E');
      await page
        .getByRole('textbox', { name: 'Intitulé', exact: true })
        .fill('Certification interbranches incomplète');
      await page.getByLabel('Nom du propriétaire légal').fill('Association de test');
      await page.getByLabel('SIRET').fill('12345678901234');
      await page.getByRole('button', { name: 'Créer la certification' }).click();
      await page.getByText('Un CQPI est créé par au moins deux branches.').waitFor(WAIT);
      await expect(
        page.getByRole('textbox', { name: 'Branches' }).getAttribute('aria-invalid'),
      ).resolves.toBe('true');
      await expect(page.getByLabel('SIRET').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.screenshot({ path: `${screenshotDir}/e2e-catalogue-errors.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('searching « securite » shows « Agent de prévention et de sécurité » first', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/catalogue?q=securite`);
      const first = page.getByRole('heading', { level: 3 }).first();
      await first.waitFor(WAIT);
      await expect(first.textContent()).resolves.toBe('Agent de prévention et de sécurité');
      await page.screenshot({ path: `${screenshotDir}/e2e-catalogue-search.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('filters narrow the results and show their counts', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/catalogue`);
      // The address changes, then the radio: click, not check.
      await page.getByRole('radio', { name: /^Inscrit au RS \(\d+\)$/ }).click();
      await page.waitForURL(/reconnaissance=rs/, WAIT);
      await page.getByRole('link', { name: 'Cordiste niveau 1' }).waitFor(WAIT);
      await page.getByText('1 certification trouvée').waitFor(WAIT);
      await page.getByRole('radio', { name: /^CQPI \(0\)$/ }).click();
      await page.getByText('Aucune certification ne correspond à votre recherche.').waitFor(WAIT);
      await page.getByRole('button', { name: 'Effacer la recherche et les filtres' }).click();
      await page.getByRole('link', { name: 'Agent logistique' }).waitFor(WAIT);
    } finally {
      await page.close();
    }
  });

  it('a branch manager accepts to co-own a CQPI, which then appears among their certifications', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await signedIn(page, base, 'branch_manager@demo.qualif.test');
      await page.goto(`${base}/gestion/certifications`);
      await page.getByRole('heading', { name: 'Invitations à co-porter un CQPI' }).waitFor(WAIT);
      const invitations = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(
        invitations.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`),
      ).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/e2e-co-ownership-invitation.png`, fullPage: true });
      await page.getByRole('button', { name: /^Accepter de co-porter CQPI-ASL/ }).click();
      // Answered: the invitation leaves the list, the CQPI joins the branch's certifications.
      await page
        .getByRole('heading', { name: 'Invitations à co-porter un CQPI' })
        .waitFor({ state: 'detached', ...WAIT });
      await page.getByRole('link', { name: 'Agent de sûreté en site logistique' }).click();
      await page.getByRole('heading', { name: 'Agent de sûreté en site logistique', level: 1 }).waitFor(WAIT);
      expect(await page.getByText('Consultation seule').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a retired certification stays in the public catalogue, marked, and its fiche says so (axe clean)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${base}/catalogue`);
      await page.getByLabel('Rechercher une certification').fill('CQP-AS-2016');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      const item = page.getByRole('listitem').filter({ hasText: 'Agent de sécurité (ancienne version)' });
      await item.getByText('Retirée du catalogue', { exact: true }).waitFor(WAIT);
      await item.getByRole('link', { name: 'Agent de sécurité (ancienne version)' }).click();
      await page
        .getByRole('heading', { name: 'Agent de sécurité (ancienne version)', level: 1 })
        .waitFor(WAIT);
      await page.getByText('Certification retirée du catalogue').waitFor(WAIT);
      await page.getByText(/n’accepte plus de nouvelle candidature/).waitFor(WAIT);
      await page.getByRole('heading', { name: 'Historique' }).waitFor(WAIT);
      const fiche = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(
        fiche.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`),
      ).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/e2e-catalogue-retired.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('the catalogue and a fiche have no WCAG A/AA violations found by axe', async () => {
    // axe needs a page from an explicit browser context.
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${base}/catalogue`);
      await page.getByRole('link', { name: 'Agent de prévention et de sécurité' }).waitFor(WAIT);
      const catalogue = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(
        catalogue.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`),
      ).toEqual([]);

      await page.getByRole('link', { name: 'Agent de prévention et de sécurité' }).click();
      await page.getByRole('heading', { name: 'Agent de prévention et de sécurité', level: 1 }).waitFor(WAIT);
      await page.getByRole('heading', { name: 'Organismes habilités' }).waitFor(WAIT);
      const fiche = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(
        fiche.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
