/**
 * The web app's API types, generated from the server's OpenAPI document (`npm run api:types`):
 * builds the app in this process on an empty in-memory database, takes `app.swagger()` and
 * writes web/src/api/schema.d.ts with openapi-typescript. The file is committed;
 * test/api-types.test.ts fails when it no longer matches the routes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { createApp } from '../src/app/app.js';
import { loadConfig } from '../src/app/config.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { projectRoot } from '../src/platform/paths.js';

export const API_TYPES_FILE = path.join(projectRoot, 'web', 'src', 'api', 'schema.d.ts');

const HEADER = `/**
 * The API's types, generated from /openapi.json by \`npm run api:types\` (scripts/api-types.ts).
 * Do not edit: change the routes' zod schemas, then run \`npm run api:types\`.
 */

`;

/** The OpenAPI document of the app as configured for tests (every route registered). */
export async function openapiDocument(): Promise<OpenAPI3> {
  const handle = await openDatabase({ engine: 'pglite', dataDir: undefined });
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
    const { app } = await createApp(config, handle);
    try {
      return app.swagger() as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
  }
}

export async function apiTypes(document?: OpenAPI3): Promise<string> {
  const ast = await openapiTS(inNameOrder(document ?? (await openapiDocument())));
  return HEADER + astToString(ast);
}

/**
 * The document with its component schemas in name order: the document lists them in the order
 * the modules registered them (zod's global registry), which depends on what the process
 * imported first — in a test worker that runs many files, on the files before.
 */
function inNameOrder(document: OpenAPI3): OpenAPI3 {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...document, components: { ...document.components, schemas: sorted } };
}

/** Why the committed types are stale (the first line that differs), or null when they are current. */
export function staleness(committed: string, generated: string): string | null {
  if (committed === generated) return null;
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `web/src/api/schema.d.ts is stale (line ${at + 1}: ${JSON.stringify(b[at] ?? '')} expected): run npm run api:types`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(API_TYPES_FILE, await apiTypes());
  console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
}
