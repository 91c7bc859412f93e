import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedHash } from '../src/modules/identity/domain/secrets.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, signIn, type TestApp } from './support.js';

/** One account per role (factories), each with the password TEST_PASSWORD. */
let t: TestApp;
let fixture: Awaited<ReturnType<Factories['newAccountPerRole']>>;
const email = (role: keyof typeof fixture.accounts) => fixture.accounts[role].email;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  fixture = await factories(t.services).newAccountPerRole();
});
afterAll(() => t?.close());

const login = (email: string, password: string, ip = '203.0.113.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });

describe('password login', () => {
  it('returns a session cookie; /me returns the user and role', async () => {
    const res = await login(email('branch_manager'), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'qualif_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { cookie: `qualif_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.email).toBe(email('branch_manager'));
    expect(body.roles).toEqual([
      {
        role: 'branch_manager',
        scope: { type: 'branch', id: fixture.branch.id, label: fixture.branch.name },
      },
    ]);
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('accepts the email in any case', async () => {
    const mixed = email('evaluator').replace(/^e/, 'E').replace('@test.qualif', '@Test.Qualif');
    expect(mixed).not.toBe(email('evaluator'));
    expect((await login(mixed, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a wrong password returns 401 problem+json', async () => {
    const res = await login(email('evaluator'), 'wrong-password', '203.0.113.2');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 401,
      title: 'Identifiants incorrects',
      type: expect.stringMatching(/invalid-credentials$/),
    });
  });

  it('an unknown account gets the same 401', async () => {
    const res = await login('nobody@test.qualif.test', 'whatever-password', '203.0.113.3');
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('an attacker failing from one address is held there; the owner elsewhere signs in at once', async () => {
    const account = email('jury_member');
    for (let i = 1; i <= 10; i++) {
      // A forged X-Forwarded-For changes nothing: TRUST_PROXY is off, the socket address counts.
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: account, password: `bad-${i}` },
        remoteAddress: '198.51.100.7',
        headers: { 'x-forwarded-for': `192.0.2.${i}` },
      });
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    for (const password of ['bad-11', TEST_PASSWORD]) {
      const held = await login(account, password, '198.51.100.7');
      expect(held.statusCode).toBe(429);
      expect(held.json().type).toMatch(/too-many-requests$/);
      expect(held.json().detail).toMatch(/^Trop de tentatives de connexion\. Réessayez dans \d+ minutes\.$/);
      const retryAfter = Number(held.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
    }
    // The owner, from their own address, at once.
    expect((await login(account, TEST_PASSWORD, '203.0.113.99')).statusCode).toBe(200);
    expect((await login(account, TEST_PASSWORD, '2001:db8:99::1')).statusCode).toBe(200);
  });

  it('an IPv6 client is counted per /64: changing the host part does not escape the limit', async () => {
    const account = email('evaluator');
    for (let i = 1; i <= 10; i++) {
      expect((await login(account, `bad-${i}`, `2001:db8:7:7::${i.toString(16)}`)).statusCode).toBe(401);
    }
    expect((await login(account, TEST_PASSWORD, '2001:db8:7:7:ffff::1')).statusCode).toBe(429);
    expect((await login(account, TEST_PASSWORD, '2001:db8:7:8::1')).statusCode).toBe(200);
  });

  it('one address trying many accounts is held after 50 failures; other addresses are not', async () => {
    for (let i = 1; i <= 50; i++) {
      expect((await login(`someone${i}@example.org`, 'bad-password', '192.0.2.50')).statusCode).toBe(401);
    }
    expect((await login(email('training_org'), TEST_PASSWORD, '192.0.2.50')).statusCode).toBe(429);
    expect((await login(email('training_org'), TEST_PASSWORD, '192.0.2.51')).statusCode).toBe(200);
  });

  it('failures from many addresses slow the account past 100 an hour, and it frees as they age', async () => {
    const account = email('advisor');
    const secret = t.config.sessionSecret;
    const accountKey = keyedHash(secret, `account:${account}`);
    // 99 failures from 99 addresses over the last 50 minutes (as a spread-out attack would leave them)…
    await t.db
      .insertInto('login_failures')
      .values(
        Array.from({ length: 99 }, (_, i) => ({
          account_key: accountKey,
          ip_key: keyedHash(secret, `ip:198.18.${i}.1`),
          at: new Date(Date.now() - (50 - i * 0.5) * 60_000),
        })),
      )
      .execute();
    // …and the hundredth through the API.
    expect((await login(account, 'bad-password', '198.18.200.1')).statusCode).toBe(401);
    const slowed = await login(account, TEST_PASSWORD, '203.0.113.120');
    expect(slowed.statusCode).toBe(429);
    const retryAfter = Number(slowed.headers['retry-after']);
    // The oldest failure (50 minutes old) leaves the hour in about 10 minutes.
    expect(retryAfter).toBeGreaterThan(8 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60 + 5);
    // Once the oldest has aged out of the hour, the account takes attempts again.
    await t.db
      .updateTable('login_failures')
      .set({ at: new Date(Date.now() - 61 * 60_000) })
      .where('account_key', '=', accountKey)
      .where('ip_key', '=', keyedHash(secret, 'ip:198.18.0.1'))
      .execute();
    expect((await login(account, TEST_PASSWORD, '203.0.113.120')).statusCode).toBe(200);
    await t.db.deleteFrom('login_failures').where('account_key', '=', accountKey).execute();
  });

  it('a successful sign-in clears that address’s failures on the account', async () => {
    const account = email('employer');
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i <= 9; i++)
        expect((await login(account, `typo-${i}`, '203.0.113.77')).statusCode).toBe(401);
      expect((await login(account, TEST_PASSWORD, '203.0.113.77')).statusCode).toBe(200);
    }
  });

  it('a malformed body returns 400 naming each bad field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'not-an-email' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['email', 'password']);
    expect(res.json().errors[0]).toMatchObject({ pointer: expect.stringMatching(/^#\//), in: 'body' });
  });

  it('a body that is not JSON returns 400 problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('sessions', () => {
  it('lists my sessions, marks the current one, and logout ends it', async () => {
    const s = await signIn(t.app, email('candidate'), TEST_PASSWORD);
    const list = await t.app.inject({ url: '/api/v1/auth/sessions', headers: { cookie: s.cookie } });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { current: boolean; method: string }[];
    expect(items.filter((i) => i.current)).toHaveLength(1);
    expect(items.every((i) => i.method === 'password')).toBe(true);

    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('another person’s session answers 404, exactly as an unknown id; its owner keeps it', async () => {
    const candidate = await signIn(t.app, email('candidate'), TEST_PASSWORD);
    const employer = await signIn(t.app, email('employer'), TEST_PASSWORD);
    const revoke = (id: string) =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/sessions/${id}`,
        headers: { cookie: candidate.cookie, 'x-csrf-token': candidate.csrf },
      });
    const others = await revoke((employer.body.session as { id: string }).id);
    const unknown = await revoke('00000000-0000-4000-8000-000000000000');
    expect(others.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const shape = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    expect(shape(others.json())).toEqual(shape(unknown.json()));
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: employer.cookie } })).statusCode).toBe(
      200,
    );
  });

  it('a forged session cookie is just unauthenticated', async () => {
    const res = await t.app.inject({ url: '/api/v1/me', headers: { cookie: 'qualif_session=forged' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('the development outbox (password-reset links)', () => {
  it('is for admins only: 401 anonymous, 403 to other roles, the messages to an admin', async () => {
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: email('candidate') },
    });
    expect(reset.statusCode).toBe(202);
    const anonymous = await t.app.inject({ url: '/api/v1/dev/outbox' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.body).not.toMatch(/reinitialiser-mot-de-passe/);
    const candidate = await signIn(t.app, email('candidate'), TEST_PASSWORD);
    const refused = await t.app.inject({ url: '/api/v1/dev/outbox', headers: { cookie: candidate.cookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toMatch(/reinitialiser-mot-de-passe/);
    const admin = await signIn(t.app, email('admin'), TEST_PASSWORD);
    const shown = await t.app.inject({ url: '/api/v1/dev/outbox', headers: { cookie: admin.cookie } });
    expect(shown.statusCode).toBe(200);
    expect(shown.json().items[0]).toMatchObject({
      to: email('candidate'),
      text: expect.stringMatching(/reinitialiser-mot-de-passe\?token=/),
    });
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  it('refuses a write without the x-csrf-token header, or with a wrong one', async () => {
    const s = await signIn(t.app, email('employer'), TEST_PASSWORD);
    for (const token of [undefined, 'wrong']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: s.cookie, ...(token ? { 'x-csrf-token': token } : {}) },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().type).toMatch(/csrf$/);
    }
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
  });

  it('refuses a write from a foreign Origin', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: email('admin'), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('HTTP hygiene', () => {
  it('healthz and readyz answer', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.app.inject({ url: '/healthz' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers on answers, errors and unknown paths', async () => {
    for (const url of ['/healthz', '/api/v1/me', '/api/v1/nowhere']) {
      const res = await t.app.inject({ url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['x-request-id'], url).toBeDefined();
    }
    expect((await t.app.inject({ url: '/api/v1/me' })).headers['cache-control']).toBe('no-store');
  });

  it('answers malformed JSON and unknown content types with French problems', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json().detail).toBe('Le corps de la requête n’est pas un JSON valide.');
    const odd = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: { 'content-type': 'application/x-nimporte' },
      payload: 'x',
    });
    expect(odd.statusCode).toBe(415);
    expect(odd.json()).toMatchObject({
      title: 'Type de contenu non pris en charge',
      detail: 'Cette route n’accepte pas le type de contenu application/x-nimporte.',
    });
  });

  it('refuses a body over the size limit with 413 problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: `${'a'.repeat(2_000_000)}@x.org` },
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('an unknown API route is a 404 problem', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, title: 'Introuvable' });
  });
});

describe('admin user management', () => {
  it('creates a scoped account; a missing scope is 400 naming the field; a duplicate is 409', async () => {
    const admin = await signIn(t.app, email('admin'), TEST_PASSWORD);
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const noScope = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: {
        email: 'new.manager@example.org',
        displayName: 'Nouvelle',
        grants: [{ role: 'branch_manager' }],
      },
    });
    expect(noScope.statusCode).toBe(400);
    expect(noScope.json().errors.map((e: { field: string }) => e.field)).toEqual(['grants.0.branchId']);

    const unknownBranch = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: {
        email: 'new.manager@example.org',
        displayName: 'Nouvelle',
        grants: [{ role: 'branch_manager', branchId: '00000000-0000-4000-8000-000000000000' }],
      },
    });
    expect(unknownBranch.statusCode).toBe(422);
    expect(unknownBranch.json().errors[0].field).toBe('grants.0.branchId');

    const me = (await t.app.inject({ url: '/api/v1/me', headers })).json();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: {
        email: 'New.Manager@example.org',
        displayName: 'Nouvelle Gestionnaire',
        password: 'a-long-enough-password',
        grants: [{ role: 'branch_manager', branchId: fixture.branch.id }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe('new.manager@example.org');
    expect(me.user.email).toBe(email('admin'));
    expect(
      (await login('new.manager@example.org', 'a-long-enough-password', '203.0.113.77')).statusCode,
    ).toBe(200);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: { email: 'new.manager@example.org', displayName: 'X', grants: [{ role: 'candidate' }] },
    });
    expect(again.statusCode).toBe(409);

    const list = await t.app.inject({ url: '/api/v1/users?page=1&pageSize=5', headers });
    // The accounts of the fixture and the one just created.
    expect(list.json()).toMatchObject({
      total: Object.keys(fixture.accounts).length + 1,
      page: 1,
      pageSize: 5,
    });
    expect(list.json().items).toHaveLength(5);
  });
});
