import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/contracts/roles.js';
import { projectRoot } from '../../src/platform/paths.js';
import { browserAvailable, type ServedApp, screenshotDir, serveAppInBrowser, signedIn } from './browser.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** The demo ids the addresses with a parameter are visited with. */
type DemoIds = {
  certification: string;
  candidacy: string;
  assessment: string;
  jury: string;
  /** A valid demo award's verification code (the public verification page). */
  verificationCode: string;
};

/**
 * Every route of web/src/app/App.tsx and the addresses the sweep visits for it: each
 * parameter filled from the demo data, each tab and each state of a page that lays it out
 * differently (a search's results, a fiche absent from the imported exports…).
 */
const ROUTES: Record<string, (ids: DemoIds) => string[]> = {
  '/': () => ['/'],
  '/connexion': () => ['/connexion'],
  '/mot-de-passe-oublie': () => ['/mot-de-passe-oublie'],
  '/reinitialiser-mot-de-passe': () => ['/reinitialiser-mot-de-passe?token=jeton-de-demonstration'],
  '/dev/boite-envoi': () => ['/dev/boite-envoi'],
  '/catalogue': () => ['/catalogue', '/catalogue?q=agent'],
  '/catalogue/:id': ({ certification }) => [`/catalogue/${certification}`],
  '/verifier-une-inscription': () => [
    '/verifier-une-inscription',
    '/verifier-une-inscription?q=d%C3%A9veloppeur',
  ],
  '/verifier-une-inscription/:numero': () => [
    '/verifier-une-inscription/RNCP34762',
    '/verifier-une-inscription/RNCP37312',
  ],
  '/regles-d-acces': () => ['/regles-d-acces'],
  '/simuler': () => ['/simuler'],
  // A certificate's verification: the form, a valid award's answer and an unknown code's.
  '/verifier': () => ['/verifier'],
  '/verifier/:code': ({ verificationCode }) => [`/verifier/${verificationCode}`, '/verifier/ZZZZ-ZZZZ-ZZZZ'],
  '*': () => ['/cette-page-n-existe-pas'],
  '/sessions': () => ['/sessions'],
  '/admin/utilisateurs': () => ['/admin/utilisateurs'],
  '/admin/audit': () => ['/admin/audit'],
  '/admin/branches': () => ['/admin/branches'],
  '/admin/organisations': () => ['/admin/organisations'],
  '/admin/registre': () => ['/admin/registre'],
  '/gestion/alertes-registre': () => ['/gestion/alertes-registre'],
  '/gestion/certifications': () => ['/gestion/certifications'],
  '/gestion/certifications/nouvelle': () => ['/gestion/certifications/nouvelle'],
  '/gestion/certifications/:id': ({ certification }) =>
    ['identite', 'reconnaissance', 'referentiels', 'habilitations', 'registre'].map(
      (tab) => `/gestion/certifications/${certification}?onglet=${tab}`,
    ),
  '/candidatures': () => ['/candidatures', '/candidatures?status=positioning'],
  '/candidatures/nouvelle': () => ['/candidatures/nouvelle'],
  '/candidatures/import': () => ['/candidatures/import'],
  '/candidatures/:id': ({ candidacy }) =>
    ['positionnement', 'parcours', 'evaluations', 'liens', 'historique', 'identite'].map(
      (tab) => `/candidatures/${candidacy}?onglet=${tab}`,
    ),
  '/mon-parcours': () => ['/mon-parcours'],
  '/mes-certifications': () => ['/mes-certifications'],
  '/attributions': () => ['/attributions', '/attributions?status=revoked'],
  '/evaluations': () => ['/evaluations'],
  '/evaluations/:assessmentId': ({ assessment }) => [`/evaluations/${assessment}`],
  '/jurys': () => ['/jurys', '/jurys?status=closed'],
  '/jurys/nouveau': () => ['/jurys/nouveau'],
  '/jurys/:id': ({ jury }) => [`/jurys/${jury}`],
  '/depots-cdc': () => ['/depots-cdc'],
  '/gestion/jurys/regles': () => ['/gestion/jurys/regles'],
};

/**
 * The routes also swept at 1280 px, once per navigation (the 390 px sweep covers every route
 * for every role; the other browser tests run axe on these pages at 1280 px).
 */
const MAIN_ROUTES = new Set([
  '/',
  '/catalogue',
  '/catalogue/:id',
  '/verifier-une-inscription',
  '/verifier-une-inscription/:numero',
  '/simuler',
  '/admin/utilisateurs',
  '/admin/audit',
  '/admin/registre',
  '/gestion/alertes-registre',
  '/gestion/certifications',
  '/gestion/certifications/:id',
  '/candidatures',
  '/candidatures/nouvelle',
  '/candidatures/:id',
  '/mon-parcours',
]);

/** The route paths App.tsx declares (`path="…"`, and `/` for the index route). */
function appRoutePaths(): string[] {
  const source = readFileSync(path.join(projectRoot, 'web', 'src', 'app', 'App.tsx'), 'utf8');
  const paths = [...source.matchAll(/\bpath="([^"]+)"/g)].map((match) => match[1] ?? '');
  if (/<Route\s+index\b/.test(source)) paths.push('/');
  return paths.sort();
}

/**
 * The route paths App.tsx declares inside `<Route element={<RequireAuth />}>`: a visitor opening
 * one is sent to the login page. Read tag by tag, nesting followed (`element={…}` may hold `>`).
 */
function signInRequiredPaths(): Set<string> {
  const source = readFileSync(path.join(projectRoot, 'web', 'src', 'app', 'App.tsx'), 'utf8');
  const guarded = new Set<string>();
  const open: boolean[] = []; // for each open <Route>: whether it lies inside RequireAuth
  const tags = /<Route\b|<\/Route>/g;
  for (let match = tags.exec(source); match; match = tags.exec(source)) {
    if (match[0] === '</Route>') {
      open.pop();
      continue;
    }
    let end = match.index;
    for (let depth = 0; end < source.length; end++) {
      const c = source[end];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    const tag = source.slice(match.index, end + 1);
    const inside = open.at(-1) === true || /element=\{<RequireAuth\s*\/>\}/.test(tag);
    const routePath = tag.match(/\bpath="([^"]+)"/)?.[1];
    if (routePath && inside) guarded.add(routePath);
    if (!tag.endsWith('/>')) open.push(inside);
    tags.lastIndex = end + 1;
  }
  return guarded;
}

/**
 * The web app's own rule for the areas reserved to some roles (web/src/layout/navigation.ts,
 * applied by AppLayout before any page of the area renders). Loaded at run time: the web
 * sources are not part of the server's TypeScript project.
 */
type RefusedArea = (pathname: string, roles: readonly string[]) => { reservedTo: string } | undefined;
async function webRefusedArea(): Promise<RefusedArea> {
  const file = path.join(projectRoot, 'web', 'src', 'layout', 'navigation.ts');
  return ((await import(file)) as { refusedArea: RefusedArea }).refusedArea;
}

/**
 * The page is there: a level-1 heading, nothing loading any more (spinner, skeleton, busy
 * list). Run in the page; `globalThis` typed by hand, the test project has no DOM types.
 */
function ready(): boolean {
  const { document } = globalThis as unknown as { document: { querySelector(s: string): unknown } };
  if (!document.querySelector('h1')) return false;
  return !document.querySelector(
    '.mantine-Loader-root, .mantine-Skeleton-root[data-visible], [aria-busy="true"], [role="progressbar"]',
  );
}

/** What sticks out sideways, measured in the page (a string: the test project has no DOM types). */
type Layout = { scrollWidth: number; innerWidth: number; offenders: string[]; clipped: string[] };

const MEASURE = `(() => {
  const vw = window.innerWidth;
  // Nothing moves while this runs: each element's box and style is read once (big pages have
  // thousands of elements, each walked up to the body).
  const boxes = new Map();
  const box = (el) => {
    let b = boxes.get(el);
    if (!b) boxes.set(el, (b = el.getBoundingClientRect()));
    return b;
  };
  const styles = new Map();
  const style = (el) => {
    let s = styles.get(el);
    if (!s) {
      const c = getComputedStyle(el);
      styles.set(el, (s = { position: c.position, overflowX: c.overflowX }));
    }
    return s;
  };
  const name = (el) => {
    const classes = [...el.classList].filter((c) => !/^m_/.test(c)).slice(0, 2);
    const label = el.getAttribute('aria-label');
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes.map((c) => '.' + c).join('') +
      (label ? '[aria-label="' + label + '"]' : '');
  };
  const selector = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 5; e = e.parentElement) parts.unshift(name(e));
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return parts.join(' > ') + (text ? ' « ' + text + ' »' : '');
  };
  // Hidden by a scrolling or clipping ancestor that itself fits, or fixed: no sideways scroll.
  const contained = (el) => {
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = style(a);
      if (s.position === 'fixed') return true;
      if (a !== el && s.overflowX !== 'visible' && box(a).right <= vw + 0.5) return true;
    }
    return false;
  };
  const all = [...document.body.querySelectorAll('*')];
  const out = all.filter((el) => {
    const r = box(el);
    return r.width > 0 && r.right > vw + 0.5 && !contained(el);
  });
  const outSet = new Set(out);
  // The outermost elements that stick out of a parent that fits: the ones to fix.
  const offenders = out
    .filter((el) => !outSet.has(el.parentElement))
    .sort((a, b) => box(b).width - box(a).width)
    .slice(0, 3)
    .map((el) => selector(el) + ' (' + Math.round(box(el).width) + ' px wide, right edge at ' +
      Math.round(box(el).right) + ' px)');
  // Text cut short: laid out beyond the edge of an ancestor (or itself) that hides its overflow
  // (badges, tabs, truncated labels). Text inside a container that scrolls can be scrolled to.
  const cut = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    if (text.width === 0) return false;
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const { overflowX } = style(a);
      if (overflowX === 'auto' || overflowX === 'scroll') return false;
      if (overflowX === 'hidden' || overflowX === 'clip') {
        const b = box(a);
        if (b.width <= 2) return false; // visually hidden, for screen readers
        if (text.right > b.right + 1 || text.left < b.left - 1) return true;
      }
    }
    return false;
  };
  const clipped = all
    .filter((el) => el.children.length === 0 && (el.textContent || '').trim() && cut(el))
    .map((el) => selector(el));
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, offenders, clipped };
})()`;

/**
 * What a page is made of, for axe to look once at each distinct page: its heading and the set
 * of kinds of element (tag, classes, role) it holds — the same page with more rows, or seen
 * by another role with the same navigation, is the same page.
 */
const FINGERPRINT = `(() => {
  const kinds = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    kinds.add(el.tagName + '.' + [...el.classList].sort().join('.') + '|' + (el.getAttribute('role') || ''));
  }
  let hash = 5381;
  const text = [...kinds].sort().join(' ');
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return (document.querySelector('h1')?.textContent ?? '') + ' ' + hash;
})()`;

/**
 * Every address of the app, for a visitor and for each demo role, at 390 px (a phone) and at
 * 1280 px: the page never scrolls sideways, no text is cut short, and axe (WCAG 2 A and AA)
 * finds nothing — axe once per distinct page structure and width, refusal pages included.
 *
 * Each test file sweeps some of the people (test/e2e/sweep-*.test.ts), so that two workers
 * share the work.
 */
export function defineSweep(who: readonly ('anonymous' | Role)[]) {
  describe.skipIf(!browserAvailable)('every page for every role, at 390 px and 1280 px', () => {
    let served: ServedApp;
    let ids: DemoIds;
    const axeChecked = new Set<string>();
    let axeRuns = 0;
    let visits = 0;
    /** Addresses not loaded: the same login or refusal page as one already checked (see sweep). */
    let skippedAsSeen = 0;
    const signInRequired = signInRequiredPaths();
    let refusedArea: RefusedArea;

    beforeAll(async () => {
      refusedArea = await webRefusedArea();
      served = await serveAppInBrowser();
      const aps = await served.t.db
        .selectFrom('certifications')
        .select('id')
        .where('code', '=', 'CQP-APS')
        .executeTakeFirstOrThrow();
      // The demo's CQP-APS candidacy in positioning (the demo training organisation's, with evidence).
      const positioning = await served.t.db
        .selectFrom('candidacies')
        .select('id')
        .where('certification_id', '=', aps.id)
        .where('status', '=', 'positioning')
        .executeTakeFirstOrThrow();
      // A demo session with a signed bloc and one to come (the demo evaluator's).
      const assessment = await served.t.db
        .selectFrom('assessments')
        .select('id')
        .orderBy('scheduled_at')
        .executeTakeFirstOrThrow();
      // The demo's open jury session (the first by date); until the demo has one, an unknown id:
      // the page then shows its « Session indisponible » state.
      const jury = await served.t.db.selectFrom('juries').select('id').orderBy('date').executeTakeFirst();
      // A valid award of the demo's closed session; until the demo has one, an unknown code.
      const award = await served.t.db
        .selectFrom('awards')
        .select('verification_code')
        .where('revoked_at', 'is', null)
        .where('suspended_at', 'is', null)
        .orderBy('number')
        .executeTakeFirst();
      ids = {
        certification: aps.id,
        candidacy: positioning.id,
        assessment: assessment.id,
        jury: jury?.id ?? '00000000-0000-4000-8000-000000000000',
        verificationCode: award?.verification_code ?? 'ZZZZ-ZZZZ-ZZZZ',
      };
    });

    afterAll(async () => {
      console.info(
        `sweep: ${visits} addresses loaded (${skippedAsSeen} skipped: a login or refusal page already checked), axe ran on ${axeRuns} distinct pages`,
      );
      await served?.close();
    });

    async function axe(page: Page): Promise<string[]> {
      axeRuns++;
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa'])
        .options({ resultTypes: ['violations'] })
        .analyze();
      return result.violations.map(
        (v) =>
          `${v.id}: ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
    }

    /** One address, loaded and measured; what is wrong is added to `problems`. Returns where it landed. */
    async function check(page: Page, at: string, address: string, withAxe: boolean, problems: string[]) {
      visits++;
      await page.goto(`${served.base}${address}`);
      try {
        await page.waitForFunction(ready, undefined, { timeout: 30_000, polling: 100 });
      } catch {
        problems.push(`${at}: never ready (no h1, or still loading after 30 s)`);
        return undefined;
      }
      const layout = await page.evaluate<Layout>(MEASURE);
      if (layout.scrollWidth > layout.innerWidth) {
        problems.push(
          `${at}: the page scrolls sideways (${layout.scrollWidth} > ${layout.innerWidth} px): ${layout.offenders.join('; ')}`,
        );
        await page.screenshot({
          path: `${screenshotDir}/sweep-${at.replace(/[^a-z0-9]+/gi, '-')}.png`,
          fullPage: true,
        });
      }
      for (const text of layout.clipped) problems.push(`${at}: text cut short: ${text}`);
      // SWEEP_SCREENSHOTS=1 keeps a picture of every page, to look at them.
      if (process.env.SWEEP_SCREENSHOTS) {
        await page.screenshot({
          path: `${screenshotDir}/sweep-${at.replace(/[^a-z0-9]+/gi, '-')}.png`,
          fullPage: true,
        });
      }
      const key = `${layout.innerWidth}|${await page.evaluate<string>(FINGERPRINT)}`;
      if (withAxe && !axeChecked.has(key)) {
        axeChecked.add(key);
        for (const violation of await axe(page)) problems.push(`${at}: axe ${violation}`);
      }
      const heading = await page.evaluate<string>(`document.querySelector('h1')?.textContent ?? ''`);
      return { pathname: new URL(page.url()).pathname, heading };
    }

    /**
     * Every route at this width. A route's further addresses (tabs, a search's results…) are
     * states of its page: skipped when its first address sent this person to the login page or
     * to the refusal page. Where the person lands is predicted from the app's own rules — a
     * visitor opening a route inside RequireAuth goes to the login page, a signed-in person
     * opening an area their roles may not open gets the refusal page for that area — and checked
     * on the first such address; the others would show that same page (the route's own page never
     * renders), so it is laid out and checked once per person, width and refusal.
     */
    async function sweep(page: Page, who: string, roles: readonly string[] | undefined, width: number) {
      const problems: string[] = [];
      const phone = width === PHONE.width;
      const seen = new Set<string>();
      for (const [route, fill] of Object.entries(ROUTES)) {
        if (!phone && !MAIN_ROUTES.has(route)) continue;
        for (const [index, address] of fill(ids).entries()) {
          const at = `${who} ${address} @${width}px`;
          const area = roles && refusedArea(new URL(address, served.base).pathname, roles);
          const expected =
            !roles && signInRequired.has(route) ? 'login' : area ? `refused ${area.reservedTo}` : 'page';
          if (expected !== 'page' && seen.has(expected)) {
            skippedAsSeen++;
            break;
          }
          seen.add(expected);
          // At 1280 px axe reads the home page, for the layout with its navigation beside.
          const withAxe = phone || route === '/';
          const landed = await check(page, at, address, withAxe, problems);
          if (!landed) break;
          const toLogin = landed.pathname === '/connexion' && route !== '/connexion';
          const refused = landed.heading === 'Accès refusé';
          const outcome = toLogin ? 'login' : refused ? 'refused' : 'page';
          if (outcome !== expected.split(' ')[0])
            problems.push(`${at}: expected ${expected}, but landed on ${outcome} (${landed.pathname})`);
          if (index === 0 && outcome !== 'page') break;
        }
      }
      return problems;
    }

    /** The links of the navigation a person sees (public or signed in). */
    const navigation = (page: Page) =>
      page.evaluate<string>(
        `[...document.querySelectorAll('nav a[href]')].map((a) => a.getAttribute('href')).sort().join(' ')`,
      );
    const desktopSwept = new Set<string>();

    const people = who.map((person) =>
      person === 'anonymous' ? { who: person } : { who: person, email: `${person}@demo.qualif.test` },
    );

    for (const { who, email } of people) {
      it(`${who}: no page scrolls sideways or cuts text short at 390 px (and 1280 px); axe finds nothing`, async () => {
        const context = await served.browser.newContext({ viewport: PHONE });
        try {
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('pageerror', (error) => errors.push(`${who} ${page.url()}: ${error.message}`));
          if (email) await signedIn(page, served.base, email);
          const roles = email ? [who] : undefined;
          const problems = await sweep(page, who, roles, PHONE.width);
          // At 1280 px, once per navigation: the six roles without screens of their own share one.
          await page.goto(`${served.base}/`);
          await page.waitForFunction(ready, undefined, { timeout: 30_000, polling: 100 });
          const links = await navigation(page);
          if (!desktopSwept.has(links)) {
            desktopSwept.add(links);
            await page.setViewportSize(DESKTOP);
            problems.push(...(await sweep(page, who, roles, DESKTOP.width)));
          }
          const found = [...problems, ...errors];
          expect(found, `${found.length} problems:\n${found.join('\n')}`).toEqual([]);
        } finally {
          await context.close();
        }
      }, 600_000);
    }
  });
}

/**
 * Who each sweep file sweeps (two files: two workers share the work, each starting its own
 * app). Together: a visitor and every role, each once.
 */
export const SWEEP_GROUPS = {
  visitorStaff: ['anonymous', 'admin', 'employer', 'advisor'],
  branchJourney: ['branch_manager', 'training_org', 'evaluator', 'jury_member', 'candidate'],
} as const satisfies Record<string, readonly ('anonymous' | Role)[]>;

/** The sweep's own checks: its route list is App.tsx's, it knows App.tsx's guards, it sweeps everyone. */
export function defineRouteListChecks() {
  describe('the sweep’s route list', () => {
    it('sweeps a visitor and every role, each once', () => {
      const swept = Object.values(SWEEP_GROUPS).flat();
      expect([...swept].sort()).toEqual(['anonymous', ...ROLES].sort());
    });

    it('is the route table of App.tsx, no more, no less', () => {
      const declared = appRoutePaths();
      expect(declared.length).toBeGreaterThan(10);
      expect(Object.keys(ROUTES).sort()).toEqual(declared);
      expect(declared).toEqual(expect.arrayContaining([...MAIN_ROUTES]));
    });

    it('knows which routes need signing in, and which areas are refused to whom', async () => {
      const guarded = signInRequiredPaths();
      expect([...guarded]).toEqual(
        expect.arrayContaining(['/sessions', '/admin/utilisateurs', '/candidatures/:id']),
      );
      for (const open of ['/', '/connexion', '/catalogue', '/catalogue/:id', '*'])
        expect(guarded.has(open)).toBe(false);
      const refusedArea = await webRefusedArea();
      expect(refusedArea('/admin/audit', ['branch_manager'])?.reservedTo).toBeTruthy();
      expect(refusedArea('/admin/audit', ['admin'])).toBeUndefined();
      expect(refusedArea('/catalogue', ['candidate'])).toBeUndefined();
    });
  });
}
