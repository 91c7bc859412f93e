import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypes, openapiDocument, staleness } from '../scripts/api-types.js';

/** The web app's API types are generated from /openapi.json and committed: they must be current. */
let document: Awaited<ReturnType<typeof openapiDocument>>;
beforeAll(async () => {
  document = await openapiDocument();
});

it('web/src/api/schema.d.ts is generated from the current routes (else: npm run api:types)', async () => {
  const problem = staleness(readFileSync(API_TYPES_FILE, 'utf8'), await apiTypes(document));
  expect(problem).toBeNull();
});

it('a route the committed types do not know makes them stale', async () => {
  const extended = structuredClone(document);
  extended.paths = {
    ...extended.paths,
    '/api/v1/new-route': {
      get: {
        responses: {
          200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
  };
  const problem = staleness(await apiTypes(document), await apiTypes(extended));
  expect(problem).toMatch(/stale \(line \d+: .*\/api\/v1\/new-route.*\): run npm run api:types/);
});
