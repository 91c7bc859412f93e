import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// oidc-provider ships no type declarations; the little used here is typed by `ProviderConstructor`.
// @ts-expect-error TS7016: no declaration file for 'oidc-provider'
import ProviderModule from 'oidc-provider';

/** An account known to the test provider, with the claims it releases. */
export type TestAccount = { email: string; email_verified: boolean };

type Claims = { sub: string } & Partial<TestAccount>;
type ProviderConstructor = new (
  issuer: string,
  configuration: Record<string, unknown>,
) => { callback(): (req: IncomingMessage, res: ServerResponse) => void };
const Provider = ProviderModule as ProviderConstructor;

export type TestProvider = { issuer: string; close(): Promise<void> };

/**
 * A real OpenID provider (panva/oidc-provider) on 127.0.0.1 and a free port, with one confidential
 * client that must use PKCE. Its development interactions log in any known account id (any
 * password) and grant consent through plain HTML forms, so that `fetch` can play the browser.
 */
export async function startTestProvider(opts: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: Record<string, TestAccount>;
  /**
   * true (the spec and the library default): with the code flow, scope claims such as `email` are
   * only served by the userinfo endpoint. false: they are copied into the ID token too.
   */
  conformIdTokenClaims?: boolean;
}): Promise<TestProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: opts.conformIdTokenClaims ?? true,
    cookies: { keys: ['qualif-test-provider-cookie-key'] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const account = opts.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async (): Promise<Claims> => ({ sub: id, ...account }) };
    },
  });
  handler = provider.callback();

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Cookies as a browser keeps them: per host (any port, as browsers do) and path, in memory. */
export class CookieJar {
  private readonly cookies = new Map<string, { host: string; path: string; name: string; value: string }>();

  store(url: URL, response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = url.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=', 2);
        if (key.toLowerCase() === 'path' && val.startsWith('/')) path = val;
        if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
        if (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now()) expired = true;
      }
      const key = `${url.hostname} ${path} ${name}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { host: url.hostname, path, name, value });
    }
  }

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter(
        (c) =>
          c.host === url.hostname &&
          (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

/** One request as a browser would send it (cookies from the jar, no automatic redirect). */
export async function browserFetch(
  jar: CookieJar,
  url: URL,
  init: { method?: 'GET' | 'POST'; form?: URLSearchParams } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'user-agent': 'qualif-oidc-test' };
  const cookie = jar.header(url);
  if (cookie) headers.cookie = cookie;
  if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.form?.toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
  jar.store(url, response);
  return response;
}

/** The first HTML form of a page: its action and every named input with its value. */
export function parseForm(html: string, base: URL): { action: URL; fields: URLSearchParams } {
  const form = /<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no form in page:\n${html.slice(0, 2000)}`);
  const fields = new URLSearchParams();
  for (const [input] of (form[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/i.exec(input)?.[1];
    if (name) fields.set(name, unescapeHtml(/\bvalue="([^"]*)"/i.exec(input)?.[1] ?? ''));
  }
  return { action: new URL(unescapeHtml(form[1] ?? ''), base), fields };
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Plays the person at the provider: follows redirects from `start`, signs in as `accountId` on the
 * login form, accepts the consent form, and stops at the first redirect leaving the provider
 * (normally to the client's callback), which is returned without being requested.
 */
export async function loginAtProvider(
  jar: CookieJar,
  issuer: string,
  start: URL,
  accountId: string,
): Promise<URL> {
  const providerOrigin = new URL(issuer).origin;
  let next: { url: URL; method: 'GET' | 'POST'; form?: URLSearchParams } = { url: start, method: 'GET' };
  for (let step = 0; step < 20; step++) {
    if (next.url.origin !== providerOrigin) return next.url;
    const response = await browserFetch(jar, next.url, next);
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      if (!location) throw new Error(`redirect without location from ${next.url}`);
      next = { url: new URL(location, next.url), method: 'GET' };
      continue;
    }
    const body = await response.text();
    if (response.status !== 200)
      throw new Error(`provider answered ${response.status} at ${next.url}: ${body}`);
    const { action, fields } = parseForm(body, next.url);
    if (fields.get('prompt') === 'login') {
      fields.set('login', accountId);
      fields.set('password', 'any password: the development login checks none');
    } else if (fields.get('prompt') !== 'consent') {
      throw new Error(`unexpected provider form (prompt=${fields.get('prompt')}) at ${next.url}`);
    }
    next = { url: action, method: 'POST', form: fields };
  }
  throw new Error('too many steps at the provider');
}
