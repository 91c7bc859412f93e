import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { factories } from './factories.js';
import {
  browserFetch,
  CookieJar,
  loginAtProvider,
  startTestProvider,
  type TestAccount,
} from './oidc-provider.js';
import { createTestApp, freePort, type TestApp } from './support.js';

/**
 * Single sign-on end to end: Qualif listens on a real port and talks to a real OpenID provider
 * (oidc-provider) on another; `fetch` plays the browser between them, redirect by redirect.
 */

const CLIENT_ID = 'qualif-test';
const CLIENT_SECRET = 'qualif-test-client-secret-0123456789';
const EMPLOYER_EMAIL = 'employeur@sso.qualif.test';
const UNVERIFIED_EMAIL = 'candidate@sso.qualif.test';
const ACCOUNTS: Record<string, TestAccount> = {
  employer: { email: EMPLOYER_EMAIL, email_verified: true },
  stranger: { email: 'inconnu@example.org', email_verified: true },
  // A Qualif account exists for this address, but the provider does not vouch for it.
  unverified: { email: UNVERIFIED_EMAIL, email_verified: false },
};

type Flow = { jar: CookieJar; callback: URL };
type Landing = { status: number; location: URL; sessionCookie: string | undefined };

/** Qualif wired to one provider, both listening on 127.0.0.1. */
async function startQualifWithProvider(conformIdTokenClaims: boolean) {
  const appUrl = `http://127.0.0.1:${await freePort()}`;
  const provider = await startTestProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: `${appUrl}/api/v1/auth/oidc/callback`,
    accounts: ACCOUNTS,
    conformIdTokenClaims,
  });
  const t = await createTestApp({
    demo: false,
    env: {
      PUBLIC_URL: appUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_ALLOW_HTTP: 'true',
    },
  });
  // The Qualif accounts: the employer's, and one for the address the provider does not verify.
  const f = factories(t.services);
  const employer = await f.newOrganisation('employer');
  await f.newUser('employer', { organisationId: employer.id }, { email: EMPLOYER_EMAIL });
  await f.newUser('candidate', {}, { email: UNVERIFIED_EMAIL });
  await t.app.listen({ port: Number(new URL(appUrl).port), host: '127.0.0.1' });

  /** A fresh browser starts the login at Qualif, signs in at the provider, and stops before the callback. */
  async function reachCallback(accountId: string, returnTo = '/sessions'): Promise<Flow> {
    const jar = new CookieJar();
    const start = new URL(`/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`, appUrl);
    const res = await browserFetch(jar, start);
    expect(res.status).toBe(302);
    const authorize = new URL(res.headers.get('location') ?? '');
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const callback = await loginAtProvider(jar, provider.issuer, authorize, accountId);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${appUrl}/api/v1/auth/oidc/callback`);
    expect(callback.searchParams.get('code')).toBeTruthy();
    return { jar, callback };
  }

  /** The browser follows the provider's redirect back to Qualif. */
  async function land({ jar, callback }: Flow): Promise<Landing> {
    const res = await browserFetch(jar, callback);
    const session = res.headers
      .getSetCookie()
      .map((line) => /^qualif_session=([^;]*)/.exec(line)?.[1])
      .find((value) => value);
    return {
      status: res.status,
      location: new URL(res.headers.get('location') ?? '', appUrl),
      sessionCookie: session,
    };
  }

  return {
    appUrl,
    t,
    reachCallback,
    land,
    close: async () => {
      await t.close();
      await provider.close();
    },
  };
}

/** The error shown on the login page after a failed single sign-on; fails if there is none. */
function loginPageError(landing: Landing): string {
  expect(landing.status).toBe(302);
  expect(landing.location.pathname).toBe('/connexion');
  expect(landing.sessionCookie).toBeUndefined();
  const message = landing.location.searchParams.get('erreur');
  expect(message).toBeTruthy();
  return message ?? '';
}

describe.each([
  { conformIdTokenClaims: true, where: 'email served by userinfo only (spec default for the code flow)' },
  { conformIdTokenClaims: false, where: 'email also in the ID token' },
])('OIDC single sign-on against a real provider — $where', ({ conformIdTokenClaims }) => {
  let q: Awaited<ReturnType<typeof startQualifWithProvider>>;
  beforeAll(async () => {
    q = await startQualifWithProvider(conformIdTokenClaims);
  });
  afterAll(() => q?.close());

  it('signs the employer in: session cookie, /me, session method oidc, redirect to returnTo', async () => {
    const flow = await q.reachCallback('employer', '/sessions');
    const landing = await q.land(flow);
    expect(landing.status).toBe(302);
    expect(`${landing.location.origin}${landing.location.pathname}${landing.location.search}`).toBe(
      `${q.appUrl}/sessions`,
    );
    expect(landing.sessionCookie).toBeTruthy();

    const me = await browserFetch(flow.jar, new URL('/api/v1/me', q.appUrl));
    expect(me.status).toBe(200);
    const body = (await me.json()) as {
      user: { email: string };
      roles: { role: string }[];
      session: { id: string };
    };
    expect(body.user.email).toBe(EMPLOYER_EMAIL);
    expect(body.roles.map((g) => g.role)).toEqual(['employer']);

    const sessions = await browserFetch(flow.jar, new URL('/api/v1/auth/sessions', q.appUrl));
    expect(sessions.status).toBe(200);
    const { items } = (await sessions.json()) as { items: { current: boolean }[] };
    expect(items.find((s) => s.current)).toMatchObject({
      method: 'oidc',
      id: body.session.id,
      userAgent: 'qualif-oidc-test',
    });
  });

  it('refuses an email without a Qualif account, without creating one', async () => {
    const message = loginPageError(await q.land(await q.reachCallback('stranger')));
    expect(message).toMatch(/Aucun compte Qualif/);
    const created = await q.t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'inconnu@example.org')
      .execute();
    expect(created).toEqual([]);
  });

  it('refuses an email the provider does not say is verified', async () => {
    const message = loginPageError(await q.land(await q.reachCallback('unverified')));
    expect(message).toMatch(/adresse e-mail vérifiée/);
  });

  it('a callback URL replayed after use (state already spent) opens no session', async () => {
    const flow = await q.reachCallback('employer');
    const first = await q.land(flow);
    expect(first.location.pathname).toBe('/sessions');
    expect(first.sessionCookie).toBeTruthy();

    const replay = await q.land({ jar: new CookieJar(), callback: flow.callback });
    expect(loginPageError(replay)).toMatch(/expiré ou a déjà été utilisée/);
  });

  it('a tampered state is refused, and does not spend the genuine login', async () => {
    const flow = await q.reachCallback('employer');
    const tampered = new URL(flow.callback);
    tampered.searchParams.set('state', `${flow.callback.searchParams.get('state')}x`);
    expect(loginPageError(await q.land({ jar: flow.jar, callback: tampered }))).toMatch(
      /expiré ou a déjà été utilisée/,
    );
    const missing = new URL(flow.callback);
    missing.searchParams.delete('state');
    expect(loginPageError(await q.land({ jar: flow.jar, callback: missing }))).toMatch(/state manquant/);

    // The untouched callback still works: the refusals above came from the state alone.
    const genuine = await q.land(flow);
    expect(genuine.location.pathname).toBe('/sessions');
    expect(genuine.sessionCookie).toBeTruthy();
  });

  it('a code from another login is refused: the PKCE verifier and nonce are bound to the state', async () => {
    const mine = await q.reachCallback('employer');
    const other = await q.reachCallback('employer');
    const swapped = new URL(mine.callback);
    swapped.searchParams.set('code', other.callback.searchParams.get('code') ?? '');
    expect(loginPageError(await q.land({ jar: mine.jar, callback: swapped }))).toMatch(
      /n’a pas pu être vérifiée/,
    );
  });

  it('an outside returnTo lands on / (no open redirect)', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/']) {
      const landing = await q.land(await q.reachCallback('employer', returnTo));
      expect(landing.status, returnTo).toBe(302);
      expect(landing.location.href, returnTo).toBe(`${q.appUrl}/`);
      expect(landing.sessionCookie, returnTo).toBeTruthy();
    }
  });

  it('the known return-path bypasses land on / with one working session, never a 500', async () => {
    // reachCallback percent-encodes returnTo: '/\t/evil.example' travels as %2F%09%2Fevil.example.
    for (const returnTo of [
      '\t',
      '\\',
      '//',
      '%2F%2F',
      '/\t/evil.example',
      '/\\evil',
      '/a/..//evil.example',
      // Control characters the input guard refuses elsewhere: this route neutralises them itself.
      '\v',
      '/\v/evil.example',
      '/\u0000/evil.example',
      '/\u0085/evil.example',
    ]) {
      const before = await sessionCount();
      const flow = await q.reachCallback('employer', returnTo);
      const landing = await q.land(flow);
      expect(landing.status, JSON.stringify(returnTo)).toBe(302);
      expect(landing.location.href, JSON.stringify(returnTo)).toBe(`${q.appUrl}/`);
      expect(landing.sessionCookie, JSON.stringify(returnTo)).toBeTruthy();
      expect(await sessionCount(), JSON.stringify(returnTo)).toBe(before + 1);
      const me = await browserFetch(flow.jar, new URL('/api/v1/me', q.appUrl));
      expect(me.status, JSON.stringify(returnTo)).toBe(200);
    }
  });

  it('a return path stored before the stricter rule is checked again at the callback', async () => {
    const flow = await q.reachCallback('employer', '/sessions');
    await q.t.db
      .updateTable('oidc_login_states')
      .set({ return_to: '/\v/evil.example' })
      .where('state', '=', flow.callback.searchParams.get('state') ?? '')
      .execute();
    const landing = await q.land(flow);
    expect(landing.status).toBe(302);
    expect(landing.location.href).toBe(`${q.appUrl}/`);
    expect(landing.sessionCookie).toBeTruthy();
  });

  it('a failing callback leaves no session row, whatever the failure', async () => {
    const failures: (() => Promise<Flow>)[] = [
      () => q.reachCallback('stranger'),
      () => q.reachCallback('unverified'),
      async () => {
        const flow = await q.reachCallback('employer');
        const denied = new URL(flow.callback);
        denied.searchParams.delete('code');
        denied.searchParams.set('error', 'access_denied');
        return { ...flow, callback: denied };
      },
      async () => {
        const flow = await q.reachCallback('employer');
        const forged = new URL(flow.callback);
        forged.searchParams.set('code', 'forged');
        return { ...flow, callback: forged };
      },
    ];
    for (const [i, failing] of failures.entries()) {
      const flow = await failing();
      const before = await sessionCount();
      loginPageError(await q.land(flow));
      expect(await sessionCount(), `failure ${i}`).toBe(before);
    }
  });

  it('an unexpected failure during the callback lands on the login page, not a 500', async () => {
    const flow = await q.reachCallback('employer');
    const before = await sessionCount();
    const open = vi.spyOn(q.t.services.sessions, 'open').mockRejectedValueOnce(new Error('database down'));
    try {
      expect(loginPageError(await q.land(flow))).toMatch(/connexion unique a échoué/);
      expect(open).toHaveBeenCalledTimes(1);
    } finally {
      open.mockRestore();
    }
    expect(await sessionCount()).toBe(before);
  });

  async function sessionCount(): Promise<number> {
    const row = await q.t.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('a denial at the provider comes back as a readable error', async () => {
    const flow = await q.reachCallback('employer');
    const denied = new URL(flow.callback);
    denied.searchParams.delete('code');
    denied.searchParams.set('error', 'access_denied');
    expect(loginPageError(await q.land({ jar: flow.jar, callback: denied }))).toMatch(/access_denied/);
  });

  it('/api/v1/auth/providers announces OIDC', async () => {
    const res = await fetch(new URL('/api/v1/auth/providers', q.appUrl), {
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ password: true, oidc: { enabled: true } });
  });
});

describe('OIDC not configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t?.close());

  it('/api/v1/auth/providers says oidc.enabled false, and the login route goes back to /connexion', async () => {
    const providers = await t.app.inject({ url: '/api/v1/auth/providers' });
    expect(providers.statusCode).toBe(200);
    expect(providers.json()).toMatchObject({ password: true, oidc: { enabled: false } });

    const login = await t.app.inject({ url: '/api/v1/auth/oidc/login?returnTo=/sessions' });
    expect(login.statusCode).toBe(302);
    expect(login.headers.location).toMatch(/^\/connexion\?erreur=/);
  });
});
