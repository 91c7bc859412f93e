import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, TEST_PASSWORD } from '../factories.js';
import {
  browserAvailable,
  expectAxeClean,
  type ServedApp,
  screenshotDir,
  serveAppInBrowser,
  signIn,
} from './browser.js';

const WAIT = { timeout: 60_000 };

/** Letters only: birth names are compared without digits. */
const tag = Date.now()
  .toString(36)
  .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)] as string);

/**
 * Issue 13's acceptance in a real Chromium, through the UI: branch staff convene a session —
 * refused with one college only (the rule shown under the members), accepted with both — the
 * members' attendance opens the deliberation, the president decides two candidacies (one full,
 * one partial with a bloc refused) and corrects one decision (the original stays visible), both
 * members sign the minutes (sealed), the session closes with its awards, the candidates see
 * their outcome in their space, the partial candidate's next candidacy starts with the
 * validated bloc carried, and branch staff revoke an award with a reason. Every page axe clean
 * (the session and the new-session form at 390 px too); the database is only read, to check
 * what the screens said.
 */
describe.skipIf(!browserAvailable)('a jury session in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  let managerEmail: string;
  let president: { email: string; displayName: string };
  let member: { email: string; displayName: string };
  let cert: { id: string; code: string };
  let trainingOrgId: string;
  let juryId: string;
  const full = { id: '', name: `Camille Pleine ${tag}`, email: `pleine-${tag}@test.qualif.test` };
  const partial = {
    id: '',
    name: `Camille Partielle ${tag}`,
    email: `partielle-${tag}@test.qualif.test`,
    candidateId: '',
  };
  const year = new Date().getUTCFullYear() + 1;
  const date = `${year}-03-20`;

  beforeAll(async () => {
    served = await serveAppInBrowser(false);
    ({ browser, base } = served);
    const f = factories(served.t.services);
    const branch = await f.newBranch(`Branche Jurys ${tag}`);
    const org = await f.newOrganisation('training_org', `Organisme Jurys ${tag}`);
    trainingOrgId = org.id;
    cert = await f.newEnrollableCertification([branch.id], [org.id]);
    await f.newJuryRules(branch.id);
    managerEmail = (await f.newUser('branch_manager', { branchId: branch.id })).email;
    // The default rules: one member of each college at least, as many of each, a president of
    // the employers' college in even years and of the employees' in odd ones.
    const presidentCollege = year % 2 === 0 ? 'employers' : 'employees';
    const memberCollege = presidentCollege === 'employers' ? 'employees' : 'employers';
    president = await f.newJuryMember(cert.id, presidentCollege, undefined, {
      displayName: `Paule Présidente ${tag}`,
    });
    member = await f.newJuryMember(cert.id, memberCollege, undefined, { displayName: `Marc Membre ${tag}` });
    // Each candidate has an account with a known password: enrolment links it to their record.
    const ready = async (birthName: string, email: string, notMet?: Record<number, readonly string[]>) => {
      await f.newUser('candidate', {}, { email });
      return f.newReadyCandidacy(cert.id, org.id, {
        ...(notMet ? { notMet } : {}),
        input: { candidate: f.newCandidate({ birthName, firstNames: ['Camille'], email }) },
      });
    };
    full.id = (await ready(`Pleine ${tag}`, full.email)).id;
    partial.id = (await ready(`Partielle ${tag}`, partial.email, { 0: ['BC02'] })).id;
    partial.candidateId = (
      await served.t.db
        .selectFrom('candidacies')
        .select('candidate_id')
        .where('id', '=', partial.id)
        .executeTakeFirstOrThrow()
    ).candidate_id;
  }, 300_000);
  afterAll(() => served?.close());

  /** Runs one person's part in a fresh browser context; a failure leaves a screenshot. */
  async function as(who: string, email: string, act: (page: Page) => Promise<void>) {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await signIn(page, base, email, TEST_PASSWORD);
      await page.getByText(`Connecté·e en tant que ${email}`).waitFor(WAIT);
      await act(page);
      expect(errors).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: `${screenshotDir}/juries-${who}.png`, fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  }

  const juryStatus = async () =>
    (
      await served.t.db
        .selectFrom('juries')
        .select('status')
        .where('id', '=', juryId)
        .executeTakeFirstOrThrow()
    ).status;
  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { name, level: 1 }).waitFor(WAIT);
  const openSession = async (page: Page) => {
    expect(juryId, 'the session convened by the first step').toBeTruthy();
    await page.goto(`${base}/jurys/${juryId}`);
    await heading(page, /^Jury du /);
  };
  /** At 390 px the page scrolls down only (tables scroll inside their own box), and stays axe clean. */
  async function onPhone(page: Page) {
    await page.setViewportSize({ width: 390, height: 844 });
    const sideways = () =>
      page.evaluate(() => {
        const { document, innerWidth } = globalThis as unknown as {
          document: { documentElement: { scrollWidth: number } };
          innerWidth: number;
        };
        return document.documentElement.scrollWidth - innerWidth;
      });
    await expect.poll(sideways, WAIT).toBeLessThanOrEqual(0);
    await expectAxeClean(page);
  }
  const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

  it('branch staff convene a session: refused with one college only, accepted with both', async () => {
    await as('convene', managerEmail, async (page) => {
      await page.getByRole('link', { name: 'Jurys', exact: true }).first().click();
      await heading(page, 'Jurys');
      await page.getByText('Aucune session de jury pour l’instant', { exact: false }).waitFor(WAIT);
      await expectAxeClean(page);

      await page.getByRole('link', { name: 'Nouveau jury' }).click();
      await heading(page, 'Nouveau jury');
      const certifications = page.getByRole('textbox', { name: 'Certifications', exact: true });
      await certifications.click();
      await page.getByRole('option', { name: new RegExp(cert.code) }).click(WAIT);
      await page.keyboard.press('Escape');
      await page.getByLabel(/^Date/).fill(date);
      await page.getByLabel('Heure de début').fill('14:00');
      await page.getByLabel('Lieu', { exact: true }).fill('Paris, salle du conseil');
      await page.getByRole('checkbox', { name: president.displayName }).check(WAIT);
      await page.getByRole('radio', { name: new RegExp(president.displayName) }).check();
      await page.getByRole('checkbox', { name: 'Tous les parcours' }).check(WAIT);
      await expectAxeClean(page);

      // One college only: the rule broken is named under the members.
      await page.getByRole('button', { name: 'Convoquer le jury' }).click();
      const refused = page.getByRole('alert').filter({ hasText: 'Composition refusée' });
      await refused.waitFor(WAIT);
      await expect.poll(() => refused.textContent(), WAIT).toMatch(/colleges/);
      await expectAxeClean(page);
      await onPhone(page);

      await page.getByRole('checkbox', { name: member.displayName }).check();
      await page.getByRole('button', { name: 'Convoquer le jury' }).click();
      await heading(page, /^Jury du /);
      juryId = new URL(page.url()).pathname.split('/').at(-1) as string;
      await page.getByText('Convoqué', { exact: true }).first().waitFor(WAIT);
      await onPhone(page);
      await page.goto(`${base}/jurys`);
      await page.getByRole('link', { name: /^20/ }).first().waitFor(WAIT);
      await onPhone(page);
    });
    const attached = await served.t.db
      .selectFrom('jury_candidacies')
      .select('candidacy_id')
      .where('jury_id', '=', juryId)
      .execute();
    expect(attached.map((r) => r.candidacy_id).sort()).toEqual([full.id, partial.id].sort());
  }, 240_000);

  it('the members’ attendance reaches the quorum and opens the deliberation', async () => {
    await as('attendance', managerEmail, async (page) => {
      await openSession(page);
      for (const person of [president, member]) {
        await page
          .getByRole('radiogroup', { name: new RegExp(person.displayName) })
          .getByRole('radio', { name: 'Présent·e' })
          .check();
      }
      await page.getByRole('button', { name: 'Enregistrer la présence' }).click();
      await page.getByText('Quorum atteint').waitFor(WAIT);
      await page.getByText('En délibération', { exact: true }).first().waitFor(WAIT);
      await expectAxeClean(page);
    });
    expect(await juryStatus()).toBe('deliberating');
  }, 240_000);

  it('the president deliberates: one full, one partial with a bloc refused, then corrects one', async () => {
    await as('deliberation', president.email, async (page) => {
      // The convocation is in the member's list, with their role.
      await page.getByRole('link', { name: 'Mes jurys' }).first().click();
      await heading(page, 'Mes jurys');
      await page.getByRole('cell', { name: 'Président·e' }).waitFor(WAIT);
      await expectAxeClean(page);
      await openSession(page);

      const decide = async (who: string, blocs: Record<string, 'Validé' | 'Non validé'>, reasons: string) => {
        const form = region(page, who).getByRole('form', { name: `Décision du jury sur ${who}` });
        for (const [code, choice] of Object.entries(blocs))
          await form
            .getByRole('radiogroup', { name: new RegExp(`^${code} —`) })
            .getByRole('radio', { name: choice, exact: true })
            .check();
        await form.getByLabel('Motifs').fill(reasons);
        await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
        await region(page, who).getByRole('heading', { name: 'Décision en vigueur' }).waitFor(WAIT);
      };
      // The outcome follows from the blocs: the full one needs no other choice.
      await decide(full.name, { BC01: 'Validé', BC02: 'Validé' }, 'Toutes les compétences sont démontrées.');
      await decide(partial.name, { BC01: 'Validé', BC02: 'Non validé' }, 'Le bloc BC02 reste à démontrer.');
      await expectAxeClean(page);

      // The president corrects the partial decision: the original stays visible with the reason.
      await region(page, partial.name)
        .getByRole('button', { name: `Corriger la décision sur ${partial.name}` })
        .click();
      const correction = region(page, partial.name).getByRole('form', {
        name: `Corriger la décision sur ${partial.name}`,
      });
      await correction
        .getByLabel('Raison de la correction')
        .fill('Recommandations précisées après relecture.');
      await correction
        .getByLabel('Recommandations au candidat ou à la candidate')
        .fill('Une mise en situation supplémentaire sur BC02.');
      await correction.getByRole('button', { name: 'Enregistrer la correction' }).click();
      await region(page, partial.name).getByRole('heading', { name: 'Décisions corrigées' }).waitFor(WAIT);
      await region(page, partial.name)
        .getByText('Recommandations précisées après relecture.', { exact: false })
        .waitFor(WAIT);
      await region(page, partial.name).getByText('Le bloc BC02 reste à démontrer.').first().waitFor(WAIT);
      await expectAxeClean(page);
      // At 390 px the session scrolls down only: its tables scroll inside their own box.
      await onPhone(page);
      await page.screenshot({ path: `${screenshotDir}/juries-session-390.png`, fullPage: true });
    });
    const decisions = await served.t.db
      .selectFrom('jury_decisions')
      .select(['candidacy_id', 'outcome', 'replaces_id'])
      .where('jury_id', '=', juryId)
      .execute();
    expect(decisions.filter((d) => d.candidacy_id === full.id).map((d) => d.outcome)).toEqual(['full']);
    const chain = decisions.filter((d) => d.candidacy_id === partial.id);
    expect(chain.map((d) => d.outcome)).toEqual(['partial', 'partial']);
    expect(chain.filter((d) => d.replaces_id !== null)).toHaveLength(1);
  }, 240_000);

  it('the minutes are generated and every member signs them', async () => {
    await as('minutes', managerEmail, async (page) => {
      await openSession(page);
      await page.getByRole('button', { name: 'Générer le procès-verbal' }).click();
      await page.getByText('Procès-verbal à signer', { exact: true }).first().waitFor(WAIT);
      await page.getByRole('link', { name: 'Télécharger le procès-verbal (PDF)' }).waitFor(WAIT);
      await page.getByText('Doivent encore signer').waitFor(WAIT);
      await expectAxeClean(page);
    });
    for (const person of [president, member]) {
      await as(`sign-${person === president ? 'president' : 'member'}`, person.email, async (page) => {
        await openSession(page);
        await page.getByRole('button', { name: 'Signer le procès-verbal' }).click();
        await page.getByText('Votre signature est enregistrée.').waitFor(WAIT);
        await expectAxeClean(page);
      });
    }
    await expect.poll(juryStatus, WAIT).toBe('sealed');
  }, 240_000);

  it('the session closes with its awards', async () => {
    await as('close', managerEmail, async (page) => {
      await openSession(page);
      await page.getByRole('button', { name: 'Clore la session' }).click();
      const dialog = page.getByRole('dialog', { name: 'Clore la session ?' });
      await dialog.waitFor(WAIT);
      await dialog.getByRole('button', { name: 'Clore la session' }).click();
      await page.getByText('Clos', { exact: true }).first().waitFor(WAIT);
      const awards = page.getByRole('region', { name: 'Attestations' });
      await awards.getByRole('row', { name: new RegExp(full.name) }).waitFor(WAIT);
      await awards.getByRole('row', { name: new RegExp(partial.name) }).waitFor(WAIT);
      await expectAxeClean(page);
    });
    expect(await juryStatus()).toBe('closed');
    const statuses = await served.t.db
      .selectFrom('candidacies')
      .select(['id', 'status'])
      .where('id', 'in', [full.id, partial.id])
      .execute();
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [full.id]: 'awarded',
      [partial.id]: 'partially_awarded',
    });
  }, 240_000);

  it('the candidates see their outcome in their space', async () => {
    for (const [who, outcome] of [
      [full, 'Certification obtenue'],
      [partial, 'Validation partielle (par blocs)'],
    ] as const) {
      // Their account is linked to their record by the invitation job run at enrolment.
      await expect
        .poll(
          async () =>
            (
              await served.t.db
                .selectFrom('candidacies as c')
                .innerJoin('candidates as p', 'p.id', 'c.candidate_id')
                .select('p.user_id')
                .where('c.id', '=', who.id)
                .executeTakeFirstOrThrow()
            ).user_id,
          WAIT,
        )
        .toBeTruthy();
      await as(`candidate-${outcome.slice(0, 5)}`, who.email, async (page) => {
        await page.goto(`${base}/mon-parcours`);
        await heading(page, 'Mon parcours');
        const card = page.getByRole('article', { name: new RegExp(`^${cert.code}`) });
        await card.getByRole('heading', { name: 'Décision du jury' }).waitFor(WAIT);
        await card.getByText(outcome, { exact: true }).first().waitFor(WAIT);
        await expectAxeClean(page);
      });
    }
  }, 240_000);

  it('the partial candidate’s next candidacy starts with the validated bloc carried', async () => {
    const f = factories(served.t.services);
    const next = await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: trainingOrgId,
      candidateId: partial.candidateId,
    });
    const award = await served.t.db
      .selectFrom('awards')
      .select(['number', 'blocs'])
      .where('candidacy_id', '=', partial.id)
      .executeTakeFirstOrThrow();
    expect((award.blocs as { code: string }[]).map((b) => b.code)).toEqual(['BC01']);
    await as('carried', managerEmail, async (page) => {
      await page.goto(`${base}/candidatures/${next.id}?onglet=positionnement`);
      // One bloc carried (BC01: BC02 was refused), from the partial award.
      const carried = page.getByText('Acquis antérieurement — Validation partielle antérieure');
      await carried.first().waitFor(WAIT);
      expect(await carried.count()).toBe(1);
      expect(await carried.textContent()).toContain(award.number);
      await expectAxeClean(page);
    });
  }, 240_000);

  it('branch staff revoke an award with a reason; it stays listed, revoked', async () => {
    await as('revoke', managerEmail, async (page) => {
      await openSession(page);
      const row = page
        .getByRole('region', { name: 'Attestations' })
        .getByRole('row', { name: new RegExp(full.name) });
      await row.getByRole('button', { name: /^Révoquer l’attestation/ }).click(WAIT);
      const dialog = page.getByRole('dialog', { name: /^Révoquer l’attestation/ });
      await dialog.waitFor(WAIT);
      await dialog.getByLabel(/^Raison du retrait/).fill('Erreur de saisie du dossier.');
      await dialog.getByRole('button', { name: 'Révoquer', exact: true }).click();
      await row.getByText('Révoquée').waitFor(WAIT);
      await row.getByText('Erreur de saisie du dossier.').waitFor(WAIT);
      await expectAxeClean(page);
    });
    const award = await served.t.db
      .selectFrom('awards')
      .select(['revoked_at', 'revoke_reason'])
      .where('candidacy_id', '=', full.id)
      .executeTakeFirstOrThrow();
    expect(award.revoke_reason).toBe('Erreur de saisie du dossier.');
    expect(award.revoked_at).not.toBeNull();
  }, 240_000);
});
