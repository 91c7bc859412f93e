import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../../src/app/demo-candidacies.js';
import { signIn } from '../support.js';
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
/** The date `n` days from today in Paris (the legal date the server checks: not the UTC date). */
const inDays = daysFromToday;

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]');
  const [scroll, inner] = widths as [number, number];
  expect(scroll).toBeLessThanOrEqual(inner);
}

/**
 * Moving and cancelling assessment sessions from a candidacy's « Évaluations » tab, in a real
 * Chromium at 390 px, as the demo training organisation does it: a past date is refused on the
 * date field, a date to come moves the session; another session is cancelled with its reason
 * (none refused first) and then shown as cancelled with it. Axe clean; the database holds it.
 */
describe.skipIf(!browserAvailable)('moving and cancelling a session in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  let candidacyId: string;
  let moved: string;
  let cancelled: string;
  beforeAll(async () => {
    served = await serveAppInBrowser();
    ({ browser, base } = served);
    const db = served.t.db;
    // The demo training organisation's candidacy at the assessment step with a session to come
    // and no result yet; a second session is scheduled on it through the API, to be cancelled.
    const session = await db
      .selectFrom('assessments as a')
      .innerJoin('candidacies as c', 'c.id', 'a.candidacy_id')
      .innerJoin('role_assignments as ra', 'ra.organisation_id', 'c.training_organisation_id')
      .innerJoin('users as u', 'u.id', 'ra.user_id')
      .select(['a.id', 'a.candidacy_id', 'a.bloc_codes'])
      .where('u.email', '=', 'training_org@demo.qualif.test')
      .where('ra.role', '=', 'training_org')
      .where('c.status', '=', 'assessment')
      .where('a.cancelled_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('assessment_results as r').select('r.id').whereRef('r.assessment_id', '=', 'a.id'),
          ),
        ),
      )
      .orderBy('a.date')
      .executeTakeFirstOrThrow();
    candidacyId = session.candidacy_id;
    moved = session.id;
    const evaluators = await db
      .selectFrom('assessment_evaluators')
      .select('evaluator_user_id')
      .where('assessment_id', '=', moved)
      .execute();
    const trainer = await signIn(served.t.app, 'training_org@demo.qualif.test');
    const res = await served.t.app.inject({
      method: 'POST',
      url: `/api/v1/candidacies/${candidacyId}/assessments`,
      headers: { cookie: trainer.cookie, 'x-csrf-token': trainer.csrf },
      payload: {
        date: inDays(20),
        blocCodes: session.bloc_codes,
        evaluatorIds: evaluators.map((e) => e.evaluator_user_id),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    cancelled = res.json().id;
  }, 300_000);
  afterAll(() => served?.close());

  it('moves one session (a past date refused on the field) and cancels another with its reason, at 390 px', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const db = served.t.db;
    const dateOf = async (id: string) =>
      (await db.selectFrom('assessments').select('date').where('id', '=', id).executeTakeFirstOrThrow()).date;
    const before = await dateOf(moved);
    try {
      await signedIn(page, base, 'training_org@demo.qualif.test');
      await page.goto(`${base}/candidatures/${candidacyId}?onglet=evaluations`);
      const rowOf = (id: string) =>
        page.getByRole('row').filter({ has: page.locator(`a[href="/evaluations/${id}"]`) });
      await rowOf(cancelled).waitFor(WAIT);
      await expectAxeClean(page);
      await noSidewaysScroll(page);

      // « Déplacer »: a past date is refused on the date field, nothing changes.
      await rowOf(moved)
        .getByRole('button', { name: /^Déplacer/ })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor(WAIT);
      const date = dialog.getByLabel(/^Nouvelle date/);
      await date.fill(inDays(-3));
      await dialog.getByRole('button', { name: 'Déplacer', exact: true }).click();
      await dialog.getByText('est passé : choisissez une date à venir.', { exact: false }).waitFor(WAIT);
      await expect.poll(() => date.getAttribute('aria-invalid'), WAIT).toBe('true');
      await expectAxeClean(page);
      await noSidewaysScroll(page);
      expect(await dateOf(moved)).toBe(before);

      // A date to come: the session moves, its evaluator kept (habilitated then too).
      const target = inDays(30);
      await date.fill(target);
      await dialog
        .getByRole('textbox', { name: 'Évaluateurs habilités à cette date', exact: true })
        .waitFor(WAIT);
      await dialog.getByRole('button', { name: 'Déplacer', exact: true }).click();
      await dialog.waitFor({ state: 'detached', ...WAIT });
      await expect.poll(() => dateOf(moved), WAIT).toBe(target);
      const history = await db
        .selectFrom('assessment_history')
        .select(['kind', 'before', 'after'])
        .where('assessment_id', '=', moved)
        .execute();
      expect(history).toEqual([
        expect.objectContaining({
          kind: 'edit',
          before: expect.objectContaining({ date: before }),
          after: expect.objectContaining({ date: target }),
        }),
      ]);

      // « Annuler la session »: a reason is required, then the session is shown cancelled with it.
      await rowOf(cancelled)
        .getByRole('button', { name: /^Annuler la session/ })
        .click();
      await dialog.waitFor(WAIT);
      await expectAxeClean(page);
      const reason = dialog.getByLabel(/^Raison de l’annulation/);
      await dialog.getByRole('button', { name: 'Annuler la session', exact: true }).click();
      await expect.poll(() => reason.getAttribute('aria-invalid'), WAIT).toBe('true');
      await reason.fill('Candidate indisponible ce jour-là');
      await dialog.getByRole('button', { name: 'Annuler la session', exact: true }).click();
      await dialog.waitFor({ state: 'detached', ...WAIT });
      const row = rowOf(cancelled);
      await row.getByText('Annulée').waitFor(WAIT);
      await row.getByText('Raison : Candidate indisponible ce jour-là').waitFor(WAIT);
      expect(await row.getByRole('button').count()).toBe(0);
      await expectAxeClean(page);
      await noSidewaysScroll(page);
      const stored = await db
        .selectFrom('assessments')
        .select(['cancelled_at', 'cancel_reason'])
        .where('id', '=', cancelled)
        .executeTakeFirstOrThrow();
      expect(stored.cancel_reason).toBe('Candidate indisponible ce jour-là');
      expect(stored.cancelled_at).not.toBeNull();
      // The moved session is still on, and may still be moved or cancelled.
      expect(
        (
          await db
            .selectFrom('assessments')
            .select('cancelled_at')
            .where('id', '=', moved)
            .executeTakeFirstOrThrow()
        ).cancelled_at,
      ).toBeNull();
      await rowOf(moved)
        .getByRole('button', { name: /^Annuler la session/ })
        .waitFor(WAIT);
    } catch (error) {
      await page.screenshot({ path: path.join(screenshotDir, 'session-changes.png'), fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 300_000);
});
