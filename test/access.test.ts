import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/platform/auth/roles.js';
import { factories, TEST_PASSWORD } from './factories.js';
import { bareHttpServer, createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * Enumerates every registered route: each declares an access policy, every non-public one
 * answers 401 without a session, and every role-restricted one answers 403 to an account of
 * each role outside its list.
 */
let t: TestApp;
const sessions = new Map<Role, Signed>();
const emails = new Map<Role, string>();

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const { accounts } = await factories(t.services).newAccountPerRole();
  for (const role of ROLES) {
    emails.set(role, accounts[role].email);
    sessions.set(role, await signIn(t.app, accounts[role].email, TEST_PASSWORD));
  }
});
afterAll(() => t?.close());

function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'x');
}

function routes(): { method: string; url: string; route: RouteOptions }[] {
  return t.app.registeredRoutes.flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
      method: String(method),
      url: route.url ?? '',
      route,
    })),
  );
}

it('registers routes, and every one declares its access', () => {
  const all = routes();
  expect(all.length).toBeGreaterThan(10);
  const missing = all.filter((r) => !r.route.config?.access).map((r) => `${r.method} ${r.url}`);
  expect(missing).toEqual([]);
});

it('the only public routes are the ones meant to be', () => {
  const publicApi = routes()
    .filter((r) => r.route.config?.access === 'public' && r.url.startsWith('/api/') && r.method !== 'HEAD')
    .map((r) => `${r.method} ${r.url}`)
    .sort();
  expect(publicApi).toEqual(
    [
      'GET /api/v1/auth/oidc/callback',
      'GET /api/v1/auth/oidc/login',
      'GET /api/v1/auth/providers',
      'GET /api/v1/branches',
      'GET /api/v1/branches/:id',
      'GET /api/v1/certifications',
      'GET /api/v1/certifications/:id',
      'GET /api/v1/certifications/:id/recognition',
      'GET /api/v1/certifications/:id/habilitated',
      'GET /api/v1/certifications/:id/versions',
      'GET /api/v1/certifications/:id/versions-diff',
      'GET /api/v1/certifications/:id/versions/:number',
      'GET /api/v1/certifications/:id/versions/:number/export',
      'GET /api/v1/certifications/:id/registry-links',
      // Equivalences between blocs are public as the certification they concern (issue 13).
      'GET /api/v1/certifications/:id/bloc-equivalences',
      'GET /api/v1/eligibility/rules',
      'POST /api/v1/eligibility',
      'GET /api/v1/registry/fiches',
      'GET /api/v1/registry/fiches/:numero',
      'GET /api/v1/registry/status',
      // The issuer's status lists, read by any verifier of a credential (issue 14).
      'GET /api/v1/credentials/status/:list',
      // The public verification of certificates, rate-limited (issue 14).
      'GET /api/v1/verifications/:code',
      'POST /api/v1/verifications',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/password-reset',
      'POST /api/v1/auth/password-reset/confirm',
    ].sort(),
  );
});

describe('every non-public route', () => {
  it('answers 401 problem+json without a session', async () => {
    const guarded = routes().filter((r) => r.route.config?.access !== 'public');
    expect(guarded.length).toBeGreaterThan(0);
    for (const r of guarded) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: concreteUrl(r.url),
        payload: r.method === 'GET' || r.method === 'HEAD' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      if (r.method !== 'HEAD') expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers 403 to each role outside its policy', async () => {
    let checked = 0;
    for (const r of routes()) {
      const access = r.route.config?.access;
      if (!Array.isArray(access)) continue;
      for (const role of ROLES.filter((x) => !access.includes(x))) {
        const s = sessions.get(role) as Signed;
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: concreteUrl(r.url),
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
          payload: r.method === 'GET' || r.method === 'HEAD' ? undefined : {},
        });
        expect(res.statusCode, `${role} → ${r.method} ${r.url}`).toBe(403);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

it('a person cannot revoke another person’s session (scope: own data), an admin can', async () => {
  const candidate = sessions.get('candidate') as Signed;
  const employer = await signIn(t.app, emails.get('employer') as string, TEST_PASSWORD);
  const employerSessionId = (employer.body.session as { id: string }).id;
  const denied = await t.app.inject({
    method: 'DELETE',
    url: `/api/v1/auth/sessions/${employerSessionId}`,
    headers: { cookie: candidate.cookie, 'x-csrf-token': candidate.csrf },
  });
  expect(denied.statusCode).toBe(404); // as an unknown id: another's session is not disclosed
  const stillThere = await t.app.inject({ url: '/api/v1/me', headers: { cookie: employer.cookie } });
  expect(stillThere.statusCode).toBe(200);

  const admin = sessions.get('admin') as Signed;
  const allowed = await t.app.inject({
    method: 'DELETE',
    url: `/api/v1/auth/sessions/${employerSessionId}`,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
  });
  expect(allowed.statusCode).toBe(204);
  const gone = await t.app.inject({ url: '/api/v1/me', headers: { cookie: employer.cookie } });
  expect(gone.statusCode).toBe(401);
});

it('a route registered without access stops the server from starting', async () => {
  const app = await bareHttpServer();
  app.get('/api/v1/forgotten', async () => ({}));
  await expect(app.ready()).rejects.toThrow(/without an access policy: GET \/api\/v1\/forgotten/);
});
