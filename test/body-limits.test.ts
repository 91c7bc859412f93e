import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../src/platform/http/server.js';
import { factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, freePort, type Signed, signIn, type TestApp } from './support.js';

/**
 * Issue 9, body limits per route and per parser: the registry upload streams to a file under
 * its own limit; the JSON and text parsers keep BODY_LIMIT_BYTES everywhere, that route
 * included. A 600 MiB text body used to reach a string concatenation there and kill the
 * process (ERR_STRING_TOO_LONG). Real listening server, bodies generated on the fly.
 */
const MiB = 1024 * 1024;
const HOSTILE_BYTES = 600 * MiB;

let t: TestApp;
let admin: Signed;
let base: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const account = await factories(t.services).newUser('admin');
  admin = await signIn(t.app, account.email, TEST_PASSWORD);
  const port = await freePort();
  await t.app.listen({ port, host: '127.0.0.1' });
  base = `http://127.0.0.1:${port}`;
}, 120_000);
afterAll(async () => t?.close());

type Outcome = { status: number | 'closed'; contentType?: string; sentBytes: number };

/**
 * Sends `total` bytes of text as the body, one reused 1 MiB chunk at a time with back-pressure,
 * and stops writing as soon as the server answers or closes. `length: false` sends it chunked.
 */
function hostileUpload(
  path: string,
  headers: Record<string, string>,
  opts: { total?: number; length?: boolean } = {},
): Promise<Outcome> {
  const total = opts.total ?? HOSTILE_BYTES;
  const chunk = Buffer.alloc(MiB, 'a');
  return new Promise((resolve) => {
    let sent = 0;
    let done = false;
    const finish = (o: Omit<Outcome, 'sentBytes'>) => {
      if (done) return;
      done = true;
      resolve({ ...o, sentBytes: sent });
      req.destroy();
    };
    const req = httpRequest(`${base}${path}`, {
      method: path.endsWith('/xlsx') ? 'PUT' : 'POST',
      headers: { ...headers, ...(opts.length === false ? {} : { 'content-length': String(total) }) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => finish({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] }));
      res.on('error', () =>
        finish({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] }),
      );
    });
    req.on('error', () => finish({ status: 'closed' }));
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!done && sent >= total) req.end();
    };
    pump();
  });
}

async function healthy() {
  const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(30_000) });
  expect(res.status).toBe(200);
}

const text = { 'content-type': 'text/plain' };
const asAdmin = () => ({ cookie: admin.cookie, 'x-csrf-token': admin.csrf });

describe('a 600 MiB text body leaves the server answering', () => {
  const cases: [string, string, () => Record<string, string>, { length?: boolean }][] = [
    ['a public JSON route', '/api/v1/auth/login', () => text, {}],
    ['the registry upload, anonymous', '/api/v1/registry/imports', () => text, {}],
    ['the registry upload, as admin', '/api/v1/registry/imports', () => ({ ...text, ...asAdmin() }), {}],
    [
      'the registry upload, as admin, chunked (no length announced)',
      '/api/v1/registry/imports',
      () => ({ ...text, ...asAdmin() }),
      { length: false },
    ],
    [
      'the registry upload, as admin, as JSON, chunked',
      '/api/v1/registry/imports',
      () => ({ 'content-type': 'application/json', ...asAdmin() }),
      { length: false },
    ],
    ['another route, chunked', '/api/v1/eligibility', () => text, { length: false }],
    [
      'the spreadsheet import, chunked, as a spreadsheet',
      '/api/v1/certifications/00000000-0000-4000-8000-000000000000/versions/1/xlsx',
      () => ({ 'content-type': XLSX_MEDIA_TYPE, ...asAdmin() }),
      { length: false },
    ],
    // The routes with parsers of their own (issues 12–14), each under its own limit.
    [
      'the public certificate verification, anonymous, chunked, as a PDF',
      '/api/v1/verifications',
      () => ({ 'content-type': 'application/pdf' }),
      { length: false },
    ],
    [
      'the bulk enrolment, as admin, chunked, as CSV',
      '/api/v1/candidacies/imports',
      () => ({ 'content-type': 'text/csv', ...asAdmin() }),
      { length: false },
    ],
    [
      'the CDC report, as admin, chunked, as XML',
      '/api/v1/cdc/deposits/00000000-0000-4000-8000-000000000000/report',
      () => ({ 'content-type': 'application/xml', ...asAdmin() }),
      { length: false },
    ],
  ];
  for (const [label, path, headers, opts] of cases) {
    it(label, async () => {
      const outcome = await hostileUpload(path, headers(), opts);
      // Refused (401, 413 or 415) long before the end of the body, never read whole. The
      // server closes the connection after its answer; a client still writing may see the
      // reset before the answer (TCP drops it), hence 'closed'.
      expect(outcome.sentBytes, JSON.stringify(outcome)).toBeLessThan(HOSTILE_BYTES);
      if (outcome.status !== 'closed') {
        expect([401, 413, 415]).toContain(outcome.status);
        expect(outcome.contentType).toMatch(/^application\/problem\+json/);
      }
      await healthy();
    }, 180_000);
  }

  it('the answers themselves, read in full (in process): 413 or 415 as problem+json', async () => {
    const twoMiB = 'a'.repeat(2 * MiB);
    const answers = await Promise.all([
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: text, payload: twoMiB }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/registry/imports',
        headers: { ...text, ...asAdmin() },
        payload: twoMiB,
      }),
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/certifications/00000000-0000-4000-8000-000000000000/versions/1/xlsx',
        headers: { 'content-type': XLSX_MEDIA_TYPE, ...asAdmin() },
        payload: Buffer.alloc(t.config.xlsxMaxBytes + 1),
      }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([413, 415, 413]);
    for (const a of answers) expect(a.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Fastify's error names no limit: the detail said « Le corps dépasse 0 octets. »
    for (const a of [answers[0], answers[2]])
      expect(a?.json().detail).toBe('Le corps de la requête est trop volumineux pour cette adresse.');
  });

  it('the registry upload still takes a file larger than BODY_LIMIT_BYTES (streamed, its own limit)', async () => {
    // 3 MiB of not-XML: accepted as a file (202), the import then fails on its content.
    const outcome = await hostileUpload(
      '/api/v1/registry/imports',
      { 'content-type': 'application/xml', ...asAdmin() },
      { total: 3 * MiB },
    );
    expect(outcome.status).toBe(202);
    await healthy();
  }, 180_000);
});
