import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, TEST_PASSWORD } from './factories.js';
import { type SmtpPeer, startSmtpPeer } from './smtp-peer.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/** Password reset with the mail going through a real SMTP server on 127.0.0.1. */

let smtp: SmtpPeer;
let t: TestApp;
/** A candidate's account (password TEST_PASSWORD). */
let candidate: string;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({
    demo: false,
    env: { MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, PUBLIC_URL: 'http://qualif.test' },
  });
  candidate = (await factories(t.services).newUser('candidate')).email;
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const LINK = /http:\/\/qualif\.test\/reinitialiser-mot-de-passe\?token=([^\s]+)/;

/** Asks for a reset link, as the public form does. */
async function requestReset(email: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
  expect(res.statusCode).toBe(202);
}

const confirm = (token: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password } });

const me = (signed: Signed) => t.app.inject({ url: '/api/v1/me', headers: { cookie: signed.cookie } });

describe('password reset by SMTP', () => {
  it('the dev outbox route is not registered with MAIL_TRANSPORT=smtp', async () => {
    expect(t.services.mailer.transport).toBe('smtp');
    const res = await t.app.inject({ url: '/api/v1/dev/outbox' });
    expect(res.statusCode).toBe(404);
  });

  it('an unknown email answers 202 and sends nothing; a known one gets the link', async () => {
    const before = smtp.received.length;
    await requestReset('personne@example.org');
    // The request awaits the SMTP delivery, so the next message is the known account's alone.
    await requestReset(candidate);
    const mails = smtp.received.slice(before);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.to).toEqual([candidate]);
    expect(mail?.from).toBe('no-reply@qualif.localhost');
    expect(mail?.headers.toLowerCase()).toMatch(
      new RegExp(`^to:\\s*${candidate.replaceAll('.', '\\.')}`, 'm'),
    );
    expect(mail?.text).toMatch(LINK);
    expect(mail?.text).toContain('Il est valable 60 minutes et une seule fois.');
  });

  it('the link sets a new password once and ends the sessions opened before', async () => {
    const email = candidate;
    const newPassword = 'un nouveau mot de passe solide';
    const earlier = await signIn(t.app, email, TEST_PASSWORD);
    expect((await me(earlier)).statusCode).toBe(200);

    const before = smtp.received.length;
    await requestReset(email);
    const mail = smtp.received[before];
    expect(mail?.to).toEqual([email]);
    const token = decodeURIComponent(LINK.exec(mail?.text ?? '')?.[1] ?? '');
    expect(token).not.toBe('');

    const tooShort = await confirm(token, 'court');
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooShort.json().errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    // A refused password does not spend the link, nor touch the account.
    expect((await me(earlier)).statusCode).toBe(200);

    const done = await confirm(token, newPassword);
    expect(done.statusCode).toBe(204);

    const oldLogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(oldLogin.statusCode).toBe(401);
    const fresh = await signIn(t.app, email, newPassword);
    expect((await me(fresh)).json().user.email).toBe(email);

    const again = await confirm(token, 'encore un autre mot de passe');
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.json().errors.map((e: { field: string }) => e.field)).toEqual(['token']);
    // The reuse attempt changed nothing.
    expect((await me(fresh)).statusCode).toBe(200);
    await signIn(t.app, email, newPassword);

    expect((await me(earlier)).statusCode).toBe(401);
  });
});
