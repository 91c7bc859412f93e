import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t?.close());

it('/openapi.json is a valid OpenAPI 3.1 document describing the API', async () => {
  const res = await t.app.inject({ url: '/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toBe('3.1.0');
  const result = await new Validator().validate(doc);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/healthz', '/readyz', '/api/v1/users']),
  );
  expect(doc.components.schemas.Problem).toBeDefined();
});

it('/docs serves the browsable documentation', async () => {
  const res = await t.app.inject({ url: '/docs' });
  expect([200, 302]).toContain(res.statusCode);
  const page = await t.app.inject({ url: '/docs/' });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('swagger');
});
