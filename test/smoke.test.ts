import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

it('logs in and reads /me', async () => {
  const s = await signIn(t.app, 'admin@demo.qualif.test');
  const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: s.cookie } });
  expect(me.statusCode).toBe(200);
  expect(me.json().roles[0].role).toBe('admin');
});
