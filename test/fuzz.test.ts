import { afterAll, beforeAll, expect, it } from 'vitest';
import { factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * Standing fuzz test (issue 9): every operation of /openapi.json, as an anonymous caller and
 * as an admin, receives at least MIN_PER_OPERATION bad requests derived from its schema —
 * wrong types, NUL and other control characters, huge strings, impossible dates, unknown
 * fields, deep nesting, bad path and query values, wrong content types. The server must
 * answer no 5xx, and every 4xx as application/problem+json.
 *
 * Everything is derived from /openapi.json, so routes added later are covered by
 * construction. An operation the generator cannot fuzz (a body media type it does not know,
 * too few requests) fails the test, named. Deterministic: one seeded generator.
 */
const MIN_PER_OPERATION = 50;
const MAX_PER_OPERATION = 52;
const MIN_TOTAL = 5_000;
const SEED = 0x9e3779b9;
const CONCURRENCY = 4;

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  minimum?: number;
  minItems?: number;
  default?: unknown;
  additionalProperties?: boolean | Schema;
};
type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; schema?: Schema };
type Operation = {
  method: string;
  path: string;
  parameters: Parameter[];
  body: { mediaTypes: string[]; schema: Schema | undefined } | undefined;
};
type Spec = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> } }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

/** A bad request: raw path segments and query strings are sent as written (%-sequences included). */
type Bad = {
  label: string;
  path: Record<string, string>;
  query: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  contentType?: string;
  /** Sent on every run (the most telling values for each field); the others are sampled. */
  core?: boolean;
};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);

// ---------------------------------------------------------------------------------------------
// Hostile values
const HUGE = 'x'.repeat(100_000);
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Values put where a schema expects something else (JSON bodies). */
const BAD_JSON_VALUES: unknown[] = [
  '\u0000',
  'a\u0000b',
  '\u001b[2J',
  '\u007f\u0085',
  HUGE,
  '',
  '   ',
  '2025-02-30',
  '2025-13-45',
  '0000-00-00',
  '2025-02-30T25:61:61Z',
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  'NaN',
  true,
  null,
  [],
  {},
  [[['x']]],
  '\ud800',
  '\u202egnp.exe',
  '👩‍👩‍👧‍👦'.repeat(500),
  "' OR 1=1 --",
  '../../etc/passwd',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

/** Raw (already URL-encoded where it matters) values for path and query parameters. */
const BAD_URL_VALUES = [
  '%00',
  'a%00b',
  '%1B%5B2J',
  '%7F',
  '%C2%85',
  '%ZZ',
  '%E0%A4%A',
  '%F0%9F%92%A9',
  '%ED%A0%80',
  'a'.repeat(300),
  'a'.repeat(20_000),
  '-1',
  '0',
  '1.5',
  '1e400',
  '99999999999999999999999',
  'NaN',
  'true',
  'null',
  '2025-02-30',
  '2025-13-01',
  '..%2F..%2Fetc%2Fpasswd',
  '%2F%2Fevil.example',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '%20',
  "'%20OR%201%3D1",
  '__proto__',
];

/** Sent for every path and query parameter: control character, over-long, impossible date, wrong type. */
const CORE_URL_VALUES = new Set(['a%00b', 'a'.repeat(300), '2025-02-30', 'NaN']);
/** Sent for every value of a JSON body, with a value of another type. */
const CORE_JSON_VALUES: unknown[] = ['a\u0000b', HUGE, '2025-02-30'];
const otherType = (v: unknown): unknown =>
  typeof v === 'string'
    ? 12345
    : typeof v === 'number' || typeof v === 'boolean'
      ? 'x'
      : v === null
        ? {}
        : 'x';
const CORE_BODIES = new Set([
  'text/plain with NUL',
  'xlsx bytes',
  'malformed JSON',
  'deep arrays',
  'deep objects',
]);
const CORE_HEADERS = new Set(['x-file-name with NUL', 'forged session cookie']);

const WRONG_BODIES: { label: string; contentType?: string; payload: string | Buffer }[] = [
  { label: 'text/plain with NUL', contentType: 'text/plain', payload: 'a\u0000b' },
  { label: 'text/plain', contentType: 'text/plain', payload: 'hello' },
  {
    label: 'xml',
    contentType: 'application/xml',
    payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><x>&a;</x>',
  },
  { label: 'form', contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=%00' },
  { label: 'multipart', contentType: 'multipart/form-data; boundary=x', payload: '--x\r\n\r\n--x--' },
  {
    label: 'xlsx bytes',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    payload: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe]),
  },
  {
    label: 'zip bytes',
    contentType: 'application/zip',
    payload: Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0]),
  },
  { label: 'octet-stream', contentType: 'application/octet-stream', payload: Buffer.alloc(64, 0) },
  { label: 'json, no content type', payload: '{"a":1}' },
  { label: 'malformed JSON', contentType: 'application/json', payload: '{"a":' },
  { label: 'empty JSON body', contentType: 'application/json', payload: '' },
  { label: 'JSON with a BOM', contentType: 'application/json', payload: '\ufeff{}' },
  { label: 'JSON string', contentType: 'application/json', payload: '"\\u0000"' },
  { label: 'JSON number', contentType: 'application/json', payload: '1e999' },
  { label: 'JSON null', contentType: 'application/json', payload: 'null' },
  { label: 'JSON array', contentType: 'application/json', payload: '[]' },
  { label: 'JSON __proto__', contentType: 'application/json', payload: '{"__proto__":{"admin":true}}' },
  {
    label: 'JSON constructor',
    contentType: 'application/json',
    payload: '{"constructor":{"prototype":{"x":1}}}',
  },
  { label: 'deep arrays', contentType: 'application/json', payload: deepArray(20_000) },
  { label: 'deep objects', contentType: 'application/json', payload: deepObject(5_000) },
  { label: 'NUL in a key', contentType: 'application/json', payload: '{"a\\u0000":1}' },
  { label: 'unknown charset', contentType: 'application/json; charset=latin-9', payload: '{}' },
  { label: 'bogus media type', contentType: 'application/x-fuzz', payload: '{}' },
  { label: 'invalid media type', contentType: '/;;;', payload: '{}' },
];

const BAD_HEADERS: { label: string; headers: Record<string, string> }[] = [
  { label: 'x-file-name with NUL', headers: { 'x-file-name': 'a%00b.xml' } },
  { label: 'x-file-name malformed', headers: { 'x-file-name': '%E0%A4%A' } },
  { label: 'x-request-id hostile', headers: { 'x-request-id': '../\u007f'.repeat(50) } },
  { label: 'huge header', headers: { 'x-fuzz': HUGE.slice(0, 12_000) } },
  { label: 'accept xml', headers: { accept: 'application/xml' } },
  { label: 'foreign origin', headers: { origin: 'https://evil.example' } },
  { label: 'forged session cookie', headers: { cookie: 'qualif_session=%00%ZZ' } },
  { label: 'huge session cookie', headers: { cookie: `qualif_session=${'a'.repeat(4_000)}` } },
];

// ---------------------------------------------------------------------------------------------
// Schemas → plausible values, then one thing wrong at a time
function resolver(spec: Spec) {
  const deref = (s: Schema | undefined): Schema => {
    let cur = s ?? {};
    for (let i = 0; cur.$ref && i < 20; i++) {
      const name = cur.$ref.replace('#/components/schemas/', '');
      cur = spec.components?.schemas?.[name] ?? {};
    }
    return cur;
  };

  /** A value the schema would plausibly accept (best effort: bad requests are the point). */
  const sample = (s0: Schema | undefined, depth = 0): unknown => {
    const s = deref(s0);
    if (depth > 8) return null;
    if (s.const !== undefined) return s.const;
    if (s.enum?.length) return s.enum[0];
    const alt = s.anyOf ?? s.oneOf;
    if (alt?.length) return sample(alt.find((a) => deref(a).type !== 'null') ?? alt[0], depth + 1);
    if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((a) => sample(a, depth + 1) as object));
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, depth + 1);
        return out;
      }
      case 'array':
        return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, depth + 1));
      case 'integer':
      case 'number':
        return Math.max(1, s.minimum ?? 1);
      case 'boolean':
        return true;
      case 'null':
        return null;
      default:
        if (s.format === 'uuid') return '8a4d1f0e-3c2b-4a5d-9e6f-7a8b9c0d1e2f';
        if (s.format === 'email') return 'fuzz@example.test';
        if (s.format === 'date') return '2025-01-15';
        if (s.format === 'date-time') return '2025-01-15T10:00:00Z';
        return 'fuzz'.padEnd(Math.max(4, s.minLength ?? 0), 'z');
    }
  };

  /** Every path to a value inside `value`, the root included. */
  const leaves = (value: unknown, at: (string | number)[] = []): (string | number)[][] => {
    const out: (string | number)[][] = [at];
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value))
        out.push(...leaves(v, [...at, Array.isArray(value) ? Number(k) : k]));
    }
    return out;
  };

  return { deref, sample, leaves };
}

function setAt(value: unknown, at: (string | number)[], replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cur = copy;
  for (const key of at.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  cur[at[at.length - 1] as string | number] = replacement;
  return copy;
}

function operationsOf(spec: Spec): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content;
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: content
          ? {
              mediaTypes: Object.keys(content),
              schema: Object.values(content)[0]?.schema,
            }
          : undefined,
      });
    }
  }
  // Sessions are touched last: logging out, revoking sessions or failing logins as the admin
  // would take the admin's session from the other operations.
  const late = (o: Operation) =>
    o.path.includes('/auth/logout') ? 2 : o.path.startsWith('/api/v1/auth/') ? 1 : 0;
  return ops.sort((a, b) => late(a) - late(b));
}

const KNOWN_BODY_TYPES = new Set(['application/json']);

/** The bad requests for one operation, around valid path parameters `ids`. */
function badRequests(op: Operation, ids: Record<string, string>, r: ReturnType<typeof resolver>): Bad[] {
  const base = (label: string): Bad => ({ label, path: { ...ids }, query: '', headers: {} });
  const out: Bad[] = [];
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');

  for (const p of pathParams) {
    for (const v of BAD_URL_VALUES)
      out.push({
        ...base(`path ${p.name}=${v.slice(0, 20)}`),
        path: { ...ids, [p.name]: v },
        core: CORE_URL_VALUES.has(v),
      });
  }
  const validQuery = queryParams.map((p) => `${p.name}=${encodeURIComponent(String(r.sample(p.schema)))}`);
  for (const p of queryParams) {
    for (const v of BAD_URL_VALUES) {
      const others = validQuery.filter((q) => !q.startsWith(`${p.name}=`));
      out.push({
        ...base(`query ${p.name}=${v.slice(0, 20)}`),
        query: [...others, `${p.name}=${v}`].join('&'),
        core: CORE_URL_VALUES.has(v),
      });
    }
    out.push({ ...base(`query ${p.name} repeated`), query: `${p.name}=1&${p.name}=2&${p.name}[]=3` });
    out.push({ ...base(`query ${p.name} as object`), query: `${p.name}[a]=1&${p.name}[__proto__][x]=1` });
  }
  for (const v of BAD_URL_VALUES)
    out.push({ ...base(`query unknown=${v.slice(0, 20)}`), query: `unknown=${v}`, core: v === 'a%00b' });
  for (const q of [
    'unknown=%00',
    '__proto__[admin]=true',
    'constructor[prototype][x]=1',
    '%ZZ=1',
    `${'k'.repeat(5000)}=1`,
    '&&&==&',
  ]) {
    out.push({ ...base(`query ${q.slice(0, 20)}`), query: [...validQuery, q].join('&') });
  }

  if (op.body) {
    const sample = r.sample(op.body.schema);
    for (const at of r.leaves(sample)) {
      const core = [
        ...CORE_JSON_VALUES,
        otherType(at.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], sample)),
      ];
      for (const v of [...core, ...BAD_JSON_VALUES]) {
        out.push({
          ...base(`body ${at.join('.') || '(root)'}=${JSON.stringify(v)?.slice(0, 20)}`),
          contentType: 'application/json',
          payload: JSON.stringify(setAt(sample, at, v)),
          core: core.includes(v),
        });
      }
    }
    if (sample && typeof sample === 'object' && !Array.isArray(sample)) {
      out.push({
        ...base('body unknown field'),
        contentType: 'application/json',
        payload: JSON.stringify({ ...sample, unknownField: 1, 'k\u0000': 'v' }),
        core: true,
      });
      out.push({
        ...base('body without its fields'),
        contentType: 'application/json',
        payload: JSON.stringify(Object.fromEntries(Object.keys(sample).map((k) => [k, undefined]))),
      });
    }
  }
  for (const b of WRONG_BODIES) {
    out.push({
      ...base(`body ${b.label}`),
      contentType: b.contentType,
      payload: b.payload,
      core: CORE_BODIES.has(b.label),
    });
  }
  for (const h of BAD_HEADERS)
    out.push({ ...base(`headers ${h.label}`), headers: h.headers, core: CORE_HEADERS.has(h.label) });
  return out;
}

/** Every core request, then others drawn (seeded) up to `max` in all; duplicates dropped. */
function sampleOf(all: Bad[], max: number): Bad[] {
  const key = (b: Bad) =>
    `${b.label}|${b.query.length}|${Object.values(b.path).join('/').length}|${b.payload?.length}`;
  const unique = [...new Map(all.map((b) => [key(b), b])).values()];
  const chosen = unique.filter((b) => b.core);
  const rest = unique.filter((b) => !b.core);
  while (chosen.length < max && rest.length > 0)
    chosen.push(rest.splice(Math.floor(random() * rest.length), 1)[0] as Bad);
  return chosen;
}

function urlOf(op: Operation, bad: Bad): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => bad.path[name] ?? 'x');
  return bad.query ? `${path}?${bad.query}` : path;
}

// ---------------------------------------------------------------------------------------------
let t: TestApp;
let admin: Signed;
let adminEmail: string;

/** Something in each collection, so that bad requests also reach existing objects. */
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const f = factories(t.services);
  adminEmail = (await f.newUser('admin')).email;
  admin = await signIn(t.app, adminEmail, TEST_PASSWORD);
  const branch = await f.newBranch();
  const organisation = await f.newOrganisation('training_org');
  await f.newOrganisation('employer');
  const evaluator = await f.newUser('evaluator');
  const certification = await f.newCertification([branch.id]);
  await f.newFrameworkVersion(certification.id, { publish: true });
  await f.newFrameworkVersion(certification.id);
  await f.newHabilitation(certification.id, { organisationId: organisation.id });
  await f.newHabilitation(certification.id, { userId: evaluator.id, kind: 'evaluator' });
}, 120_000);
afterAll(async () => {
  // Uploads the fuzz sent as files started registry imports in the background: let them end.
  const deadline = Date.now() + 60_000;
  while (t && Date.now() < deadline) {
    const runs = await t.services.registry.imports.listRuns();
    if (!runs.some((run) => run.status === 'running')) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await t?.close();
}, 120_000);

/** A valid value for each path parameter, found by listing the parent collection as the admin. */
async function validIds(op: Operation, r: ReturnType<typeof resolver>): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const segments = op.path.split('/');
  for (const [i, segment] of segments.entries()) {
    const name = segment.match(/^\{(.+)\}$/)?.[1];
    if (!name) continue;
    const collection = segments
      .slice(0, i)
      .join('/')
      .replace(/\{([^}]+)\}/g, (_, n: string) => ids[n] ?? 'x');
    const res = await t.app.inject({ url: collection, headers: { cookie: admin.cookie } });
    let value: unknown;
    if (res.statusCode === 200) {
      const body = res.json() as { items?: Record<string, unknown>[] } | Record<string, unknown>[];
      const first = (Array.isArray(body) ? body : body.items)?.[0];
      value = first?.[name] ?? first?.id ?? first?.number ?? first?.numero;
    }
    const schema = op.parameters.find((p) => p.in === 'path' && p.name === name)?.schema;
    ids[name] = encodeURIComponent(String(value ?? r.sample(schema)));
  }
  return ids;
}

async function sessionAlive(): Promise<boolean> {
  const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: admin.cookie } });
  return me.statusCode === 200;
}

it('no operation answers 5xx to bad requests, and every 4xx is problem+json', async () => {
  const spec = (await t.app.inject({ url: '/openapi.json' })).json() as Spec;
  const r = resolver(spec);
  const ops = operationsOf(spec);
  expect(ops.length).toBeGreaterThan(40);

  const unfuzzable: string[] = [];
  const failures: string[] = [];
  let sent = 0;
  const statuses = new Map<string, number>();

  for (const op of ops) {
    const name = `${op.method} ${op.path}`;
    const unknownTypes = op.body?.mediaTypes.filter((m) => !KNOWN_BODY_TYPES.has(m)) ?? [];
    if (unknownTypes.length > 0) {
      unfuzzable.push(`${name}: body media types ${unknownTypes.join(', ')} not generated`);
      continue;
    }
    const ids = await validIds(op, r);
    const requests = sampleOf(badRequests(op, ids, r), MAX_PER_OPERATION);
    if (requests.length < MIN_PER_OPERATION) {
      unfuzzable.push(`${name}: only ${requests.length} bad requests generated`);
      continue;
    }
    const opStarted = performance.now();
    for (const actor of ['anonymous', 'admin'] as const) {
      if (actor === 'admin' && !(await sessionAlive()))
        admin = await signIn(t.app, adminEmail, TEST_PASSWORD);
      const queue = [...requests];
      const worker = async () => {
        for (let bad = queue.shift(); bad; bad = queue.shift()) {
          const headers: Record<string, string> = {
            ...(actor === 'admin' ? { cookie: admin.cookie, 'x-csrf-token': admin.csrf } : {}),
            ...bad.headers,
            ...(bad.contentType ? { 'content-type': bad.contentType } : {}),
          };
          const url = urlOf(op, bad);
          let res: Awaited<ReturnType<typeof t.app.inject>>;
          try {
            res = await t.app.inject({
              method: op.method as 'GET',
              url,
              headers,
              ...(bad.payload !== undefined ? { payload: bad.payload } : {}),
            });
          } catch (error) {
            failures.push(`${name} [${actor}] ${bad.label}: inject threw ${String(error)}`);
            continue;
          }
          sent++;
          statuses.set(`${actor} ${res.statusCode}`, (statuses.get(`${actor} ${res.statusCode}`) ?? 0) + 1);
          const type = String(res.headers['content-type'] ?? '');
          if (res.statusCode >= 500) {
            failures.push(`${name} [${actor}] ${bad.label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          } else if (res.statusCode >= 400 && !type.startsWith('application/problem+json')) {
            failures.push(
              `${name} [${actor}] ${bad.label}: ${res.statusCode} as ${type || 'no content type'}`,
            );
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    }
    if (process.env.FUZZ_VERBOSE) {
      process.stderr.write(
        `${name}: ${requests.length} × 2 in ${(performance.now() - opStarted).toFixed(0)} ms\n`,
      );
    }
  }

  if (process.env.FUZZ_VERBOSE) {
    process.stderr.write(`${sent} requests; ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`);
  }
  expect({ unfuzzable, failures: failures.slice(0, 60), failureCount: failures.length }).toEqual({
    unfuzzable: [],
    failures: [],
    failureCount: 0,
  });
  expect(sent).toBeGreaterThanOrEqual(MIN_TOTAL);
}, 600_000);
