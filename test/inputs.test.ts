import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../src/platform/http/server.js';
import { factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, freePort, type Signed, signIn, type TestApp } from './support.js';

/** Issue 9, inputs: control characters refused at one place, every error as problem+json. */
let t: TestApp;
let admin: Signed;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const account = await factories(t.services).newUser('admin');
  admin = await signIn(t.app, account.email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => t?.close());

const asAdmin = () => ({ cookie: admin.cookie, 'x-csrf-token': admin.csrf });

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return JSON.parse(res.body) as {
    status: number;
    detail?: string;
    errors?: { pointer: string; field: string; in: string }[];
  };
}

describe('control characters in decoded text', () => {
  it('anonymous GET /api/v1/certifications?q=%00 → 400 naming q (was 500: the NUL reached PostgreSQL)', async () => {
    const res = await t.app.inject({ url: '/api/v1/certifications?q=%00' });
    const body = expectProblem(res, 400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        pointer: '#/q',
        field: 'q',
        in: 'querystring',
        detail: expect.stringContaining('U+0000'),
      }),
    ]);
  });

  it('refuses C0 (but tab and line breaks), DEL and C1 in query values', async () => {
    for (const bad of ['%01', '%1B%5B2J', '%7F', '%C2%85', '%C2%9F']) {
      const res = await t.app.inject({ url: `/api/v1/certifications?q=a${bad}` });
      expectProblem(res, 400);
    }
    for (const fine of ['a%09b', 'a%0Ab', 'a%0D%0Ab', '%C3%A9l%C3%A9ment', '%E2%80%99']) {
      const res = await t.app.inject({ url: `/api/v1/certifications?q=${fine}` });
      expect(res.statusCode, `${fine}: ${res.body}`).toBe(200);
    }
  });

  it('the other searches the fuzz test found answering 500 to a NUL: registry fiches, people', async () => {
    const fiches = await t.app.inject({ url: '/api/v1/registry/fiches?q=a%00b' });
    expect(expectProblem(fiches, 400).errors?.[0]).toMatchObject({ field: 'q', in: 'querystring' });
    const people = await t.app.inject({ url: '/api/v1/people?q=a%00b', headers: { cookie: admin.cookie } });
    expect(expectProblem(people, 400).errors?.[0]).toMatchObject({ field: 'q', in: 'querystring' });
  });

  it('refuses them in path parameters', async () => {
    const body = expectProblem(await t.app.inject({ url: '/api/v1/certifications/ab%00cd' }), 400);
    expect(body.errors?.[0]).toMatchObject({ pointer: '#/id', field: 'id', in: 'params' });
  });

  it('refuses them in JSON strings at any depth and in object keys, naming each', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility',
      payload: {
        certification: { code: 'x\u0000' },
        list: [{ deep: [['ok', 'bad\u001b']] }],
        'k\u0007': 1,
      },
    });
    const body = expectProblem(res, 400);
    const fields = body.errors?.map((e) => e.pointer);
    expect(fields).toEqual(
      expect.arrayContaining(['#/certification/code', '#/list/0/deep/0/1', '#/k\u0007']),
    );
    expect(body.errors?.every((e) => e.in === 'body')).toBe(true);
  });

  it('looks through a deeply nested body in linear time (was quadratic: 40 kB of brackets held the server 7 s)', async () => {
    // 50,000 nested arrays (100 kB, under the body limit) with a NUL at the bottom. Each level
    // used to copy its whole path: 1.25 billion copies. Now milliseconds; 10 s is generous on a
    // busy machine, far below what the copying took (minutes here).
    const depth = 50_000;
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility',
      headers: { 'content-type': 'application/json' },
      payload: `${'['.repeat(depth)}"a\\u0000b"${']'.repeat(depth)}`,
    });
    const elapsed = performance.now() - started;
    const body = expectProblem(res, 400);
    expect(body.errors?.[0]?.pointer).toBe(`#/${Array(depth).fill(0).join('/')}`);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('refuses them in a text body and in headers carrying text', async () => {
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'a\u0000b',
    });
    expect(expectProblem(text, 400).errors?.[0]).toMatchObject({ pointer: '#', in: 'body' });
    const header = await t.app.inject({ url: '/healthz', headers: { 'x-file-name': 'rapport%00.xml' } });
    expect(expectProblem(header, 400).errors?.[0]).toMatchObject({ field: 'x-file-name', in: 'headers' });
  });

  it('does not look into binary uploads, which legitimately hold NUL bytes', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x1b, 0x7f, 0x85, 0]);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/certifications/${randomUUID()}/versions/1/xlsx`,
      headers: { ...asAdmin(), 'content-type': XLSX_MEDIA_TYPE },
      payload: bytes,
    });
    // Read as a workbook (and found unreadable), not refused as text.
    expect(res.statusCode, res.body).not.toBe(400);
    expect(res.body).not.toContain('contrôle');
  });
});

describe('errors raised before routing are problem+json', () => {
  it('a malformed percent-encoding → 400', async () => {
    expectProblem(await t.app.inject({ url: '/api/v1/certifications/%ZZ' }), 400);
    expectProblem(await t.app.inject({ url: '/nowhere/%E0%A4%A' }), 400);
  });

  it('an over-long path parameter → 414', async () => {
    expectProblem(await t.app.inject({ url: `/api/v1/certifications/${'a'.repeat(5000)}` }), 414);
  });

  it('an unknown API route → 404', async () => {
    expectProblem(await t.app.inject({ method: 'DELETE', url: '/api/v1/nothing-here' }), 404);
  });

  it('on a real socket: a 100 kB URL → 414, 100 kB of headers → 431, garbage → 400', async () => {
    const own = await createTestApp({ demo: false });
    const port = await freePort();
    await own.app.listen({ port, host: '127.0.0.1' });
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let answer = '';
        socket.on('data', (d) => {
          answer += d.toString('latin1');
        });
        socket.on('error', (e) => (answer ? resolve(answer) : reject(e)));
        socket.on('close', () => resolve(answer));
        socket.write(request);
      });
    try {
      const longUrl = await raw(
        `GET /api/v1/certifications?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      );
      expect(longUrl).toMatch(/^HTTP\/1\.1 414 /);
      expect(longUrl).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(longUrl.slice(longUrl.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 414 });

      const bigHeaders = await raw(
        `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(100_000)}\r\n\r\n`,
      );
      expect(bigHeaders).toMatch(/^HTTP\/1\.1 431 /);
      expect(JSON.parse(bigHeaders.slice(bigHeaders.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 431 });

      const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
      expect(garbage).toMatch(/content-type: application\/problem\+json/i);

      const still = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(still.status).toBe(200);
    } finally {
      await own.close();
    }
  }, 120_000);
});
