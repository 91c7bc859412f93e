import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bareHttpServer, createTestApp, type TestApp } from './support.js';

/**
 * Contracts: every API route declares the schema of its success answer, so that what it
 * returns is checked (the zod serializer refuses anything else) and described in
 * /openapi.json, from which the web app's types are generated.
 */

/** Routes that are not the API: the documentation's own pages and the OpenAPI document itself. */
const EXEMPT = [/^\/docs(\/|$)/, /^\/openapi\.json$/];

/** `METHOD url` of each route that answers a success (2xx, or a 3xx redirect) without a schema for it. */
function withoutSuccessSchema(routes: readonly RouteOptions[]): string[] {
  return routes
    .filter((r) => !EXEMPT.some((pattern) => pattern.test(r.url ?? '')))
    .filter((r) => {
      const response = (r.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
      return !Object.keys(response).some((status) => /^[23](\d\d|xx)$/i.test(status));
    })
    .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => `${m} ${r.url}`));
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t?.close());

describe('response schemas', () => {
  it('every API route declares the schema of its success answer', () => {
    expect(t.app.registeredRoutes.filter((r) => r.url?.startsWith('/api/')).length).toBeGreaterThan(40);
    expect(withoutSuccessSchema(t.app.registeredRoutes)).toEqual([]);
  });

  it('the exemptions are only the documentation and /openapi.json', () => {
    const exempt = t.app.registeredRoutes
      .filter((r) => EXEMPT.some((pattern) => pattern.test(r.url ?? '')))
      .map((r) => r.url);
    expect(exempt.length).toBeGreaterThan(0);
    expect(exempt.every((url) => url === '/openapi.json' || url?.startsWith('/docs'))).toBe(true);
  });

  it('a route without one is named', async () => {
    const app = await bareHttpServer();
    const access = { access: 'public' as const };
    app.get('/api/v1/forgotten', { config: access }, async () => ({ id: 1 }));
    app.get(
      '/api/v1/errors-only',
      { config: access, schema: { response: { 404: z.null() } } },
      async () => null,
    );
    app.get(
      '/api/v1/described',
      { config: access, schema: { response: { 200: z.object({ id: z.number() }) } } },
      async () => ({ id: 1 }),
    );
    app.post(
      '/api/v1/created',
      { config: access, schema: { response: { 201: z.null() } } },
      async () => null,
    );
    await app.ready();
    try {
      expect(withoutSuccessSchema(app.registeredRoutes).filter((r) => !r.startsWith('HEAD'))).toEqual([
        'GET /api/v1/forgotten',
        'GET /api/v1/errors-only',
      ]);
    } finally {
      await app.close();
    }
  });
});

describe('/openapi.json', () => {
  type Json = { [key: string]: unknown };

  /** Every property name of the success answers' schemas, components followed. */
  function responseProperties(doc: Json): Set<string> {
    const schemas = (doc.components as Json).schemas as Record<string, Json>;
    const names = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null || seen.has(node)) return;
      seen.add(node);
      const ref = (node as Json).$ref;
      if (typeof ref === 'string') walk(schemas[ref.replace('#/components/schemas/', '')]);
      const properties = (node as Json).properties;
      if (properties && typeof properties === 'object')
        for (const name of Object.keys(properties)) names.add(name);
      for (const value of Object.values(node)) walk(value);
    };
    for (const operations of Object.values(doc.paths as Record<string, Record<string, Json>>)) {
      for (const operation of Object.values(operations)) {
        for (const [status, answer] of Object.entries((operation.responses ?? {}) as Json)) {
          if (/^[23]/.test(status)) walk(answer);
        }
      }
    }
    return names;
  }

  it('answers are camelCase: no database column names', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    const names = responseProperties(doc);
    expect(names.size).toBeGreaterThan(50);
    expect([...names].filter((name) => /_/.test(name))).toEqual([]);
  });

  it('documents downloads by media type and redirects without a body', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    const exported = doc.paths['/api/v1/certifications/{id}/versions/{number}/export'].get.responses['200'];
    expect(Object.keys(exported.content).sort()).toEqual([
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(exported.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Framework' });
    expect(
      exported.content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema,
    ).toMatchObject({ type: 'string', format: 'binary' });
    const redirect = doc.paths['/api/v1/auth/oidc/login'].get.responses['302'];
    expect(redirect.description).toMatch(/Location/);
    expect(redirect.content).toBeUndefined();
  });
});
