import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type ServedApp, screenshotDir, serveAppInBrowser, signedIn } from './browser.js';

const WAIT = { timeout: 20_000 };

/**
 * The app as a visitor meets it, not signed in: from `/`, by clicking only, the catalogue,
 * a fiche, the registry lookup, the simulator and the rules; a registration number the
 * imported exports do not hold. Then the one refusal page: a signed-in person typing an
 * address reserved to other roles, and an address that leads nowhere. axe on each page.
 */
describe.skipIf(!browserAvailable)('public pages in Chromium', () => {
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

  /** A page in its own context (axe needs one), failing on any uncaught error. */
  async function open(viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { context, page, errors };
  }

  async function axe(page: Page): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`);
  }

  const h1 = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 }).waitFor(WAIT);
  const main = (page: Page) => page.getByRole('main');
  const publicNav = (page: Page) => page.getByRole('navigation', { name: 'Navigation publique' });

  async function home(page: Page) {
    await page.goto(`${base}/`);
    await h1(page, 'Les certifications des branches professionnelles');
  }

  async function done(context: BrowserContext, errors: string[]) {
    expect(errors).toEqual([]);
    await context.close();
  }

  it('an anonymous visitor reaches the catalogue and a fiche from the home page, and follows its RNCP number', async () => {
    const { context, page, errors } = await open();
    await home(page);
    expect(page.url()).toBe(`${base}/`);
    expect(await axe(page)).toEqual([]);
    // Signing in is one click away, from the header.
    expect(await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    await page.screenshot({ path: `${screenshotDir}/e2e-public-home.png`, fullPage: true });

    await main(page).getByLabel('Rechercher une certification').fill('agent de prévention');
    await main(page).getByRole('button', { name: 'Rechercher' }).click();
    await h1(page, 'Catalogue des certifications');
    expect(new URL(page.url()).searchParams.get('q')).toBe('agent de prévention');
    await page.getByRole('link', { name: 'Agent de prévention et de sécurité' }).click();
    await h1(page, 'Agent de prévention et de sécurité');
    await page.getByRole('heading', { name: 'Organismes habilités' }).waitFor(WAIT);

    // « la page Simuler » on the fiche is a link.
    expect(await main(page).getByRole('link', { name: '« Simuler »' }).count()).toBe(1);

    // The demo catalogue registers it as RNCP37312, which the shipped sample does not hold:
    // the number leads to a page that says so, with the import's date, and a way on.
    await main(page).getByRole('link', { name: 'RNCP37312' }).click();
    await h1(page, 'RNCP37312 : fiche absente des exports importés');
    await main(page)
      .getByText(/ne figure pas dans les exports du RNCP importés dans Qualif \(dernier import le \d/)
      .waitFor(WAIT);
    await main(page).getByText('RS : jamais importé', { exact: false }).waitFor(WAIT);
    expect(await main(page).getByText('inconnue').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/e2e-public-unknown-fiche.png`, fullPage: true });

    // Its search box finds the sample's fiches.
    await main(page).getByLabel('Numéro de fiche ou intitulé').fill('développeur web');
    await main(page).getByRole('button', { name: 'Vérifier' }).click();
    await main(page).getByRole('link', { name: 'RNCP35959' }).waitFor(WAIT);
    await main(page).getByRole('link', { name: 'RNCP35959' }).click();
    await h1(page, 'RNCP35959 — Développeur web');
    await main(page).getByRole('link', { name: '← Vérifier une autre certification' }).click();
    await h1(page, 'Vérifier l’inscription d’une certification');
    await done(context, errors);
  });

  it('from the home page, the registry lookup, the simulator and the rules, each by a click', async () => {
    const { context, page, errors } = await open();
    await home(page);
    await main(page).getByRole('link', { name: 'Vérifier une inscription', exact: true }).click();
    await h1(page, 'Vérifier l’inscription d’une certification');
    await main(page).getByText('RNCP : importé le', { exact: false }).waitFor(WAIT);
    expect(await axe(page)).toEqual([]);
    // The form's own example is in the shipped sample.
    await main(page).getByLabel('Numéro de fiche ou intitulé').fill('RNCP35809');
    await main(page).getByRole('button', { name: 'Vérifier' }).click();
    await h1(page, 'RNCP35809 — Finition, aménagement des bâtiments : conception et réalisation');

    // The header offers the same public links on every public page.
    await publicNav(page).getByRole('link', { name: 'Simuler', exact: true }).click();
    await h1(page, 'Simuler les voies d’accès');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('banner').getByRole('link', { name: 'Qualif' }).click();
    await h1(page, 'Les certifications des branches professionnelles');
    await main(page).getByRole('link', { name: 'Simuler', exact: true }).click();
    await h1(page, 'Simuler les voies d’accès');

    await home(page);
    await main(page).getByRole('link', { name: 'Règles d’accès', exact: true }).click();
    await h1(page, 'Voies d’accès : les règles');
    expect(await axe(page)).toEqual([]);
    await publicNav(page).getByRole('link', { name: 'Catalogue', exact: true }).click();
    await h1(page, 'Catalogue des certifications');
    expect(page.url()).not.toContain('/connexion');
    await done(context, errors);
  });

  it('on a phone, the public links are behind the menu button and nothing overflows sideways', async () => {
    const { context, page, errors } = await open({ width: 390, height: 844 });
    await home(page);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await publicNav(page).getByRole('link', { name: 'Règles d’accès' }).click();
    await h1(page, 'Voies d’accès : les règles');
    await publicNav(page).waitFor({ state: 'detached', ...WAIT });
    await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).click();
    await h1(page, 'Connexion');
    expect(new URL(page.url()).searchParams.get('retour')).toBe('/regles-d-acces');
    await done(context, errors);
  });

  it('a signed-in person keeps their own home', async () => {
    const { context, page, errors } = await open();
    await signedIn(page, base, 'candidate@demo.qualif.test');
    expect(new URL(page.url()).pathname).toBe('/');
    // The card says what the role does, and leads to its space.
    await page.getByText('Suivre vos parcours de certification', { exact: false }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Voir mon parcours' }).click();
    await h1(page, 'Mon parcours');
    await done(context, errors);
  });

  it('a jury member’s card says what they do and leads to their convocations', async () => {
    const { context, page, errors } = await open();
    await signedIn(page, base, 'jury_member@demo.qualif.test');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText('Siéger aux jurys paritaires', { exact: false }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Voir mes jurys' }).click();
    await h1(page, 'Mes jurys');
    await done(context, errors);
  });

  it('a non-admin typing an administration address sees the refusal page only; an unknown address, the 404 page', async () => {
    const { context, page, errors } = await open();
    await signedIn(page, base, 'branch_manager@demo.qualif.test');
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/v1/users') || url.pathname.startsWith('/api/v1/audit'))
        apiCalls.push(url.pathname);
    });
    for (const address of ['/admin/utilisateurs', '/admin/audit']) {
      await page.goto(`${base}${address}`);
      await h1(page, 'Accès refusé');
      await main(page)
        .getByText('Cette page est réservée à l’administration de Qualif.', { exact: false })
        .waitFor(WAIT);
      // Nothing of the refused page: no other heading, no form, no table, no API call for it.
      expect(await main(page).getByRole('heading').count()).toBe(1);
      expect(await main(page).locator('form, table, input').count()).toBe(0);
    }
    expect(apiCalls).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/e2e-refused.png`, fullPage: true });

    await page.goto(`${base}/cette-page-n-existe-pas`);
    await h1(page, 'Page introuvable');
    // Signed in, the 404 page keeps the navigation.
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor(WAIT);
    expect(await axe(page)).toEqual([]);
    await done(context, errors);
  });

  it('a candidate typing a management address sees the refusal page; a visitor, an unknown address the 404 page', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${base}/rien/par/ici`);
    await h1(page, 'Page introuvable');
    await publicNav(page).waitFor(WAIT);
    expect(await axe(page)).toEqual([]);
    await main(page).getByRole('link', { name: 'Retour à l’accueil' }).click();
    await h1(page, 'Les certifications des branches professionnelles');

    await signedIn(page, base, 'candidate@demo.qualif.test');
    await page.goto(`${base}/gestion/certifications`);
    await h1(page, 'Accès refusé');
    await main(page)
      .getByText('réservée aux gestionnaires de branche et à l’administration de Qualif', { exact: false })
      .waitFor(WAIT);
    expect(await main(page).getByRole('heading').count()).toBe(1);
    await done(context, errors);
  });
});
