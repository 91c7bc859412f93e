/**
 * The one way the web app talks to the API: same-origin JSON, the session cookie, the
 * CSRF header on every write, and RFC 9457 problems turned into `ApiError`.
 */

import type { Schemas } from './types';

/** An RFC 9457 problem, as every API error is answered (components.schemas.Problem). */
export type Problem = Schemas['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

let csrfTokenSource: () => string | undefined = () => undefined;

/** Where the signed-in session's CSRF token is read from (the cached `Me`). */
export function setCsrfTokenSource(source: () => string | undefined): void {
  csrfTokenSource = source;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

async function problemOf(response: Response): Promise<Problem> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isProblem(body)) return body;
  return {
    type: 'about:blank',
    title: 'Erreur du serveur',
    status: response.status,
    detail: `Le serveur a répondu par une erreur (HTTP ${response.status}). Réessayez dans un instant.`,
  };
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrfToken = SAFE_METHODS.has(method) ? undefined : csrfTokenSource();
  if (csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Serveur injoignable',
      status: 0,
      detail: 'Qualif ne répond pas. Vérifiez votre connexion puis réessayez.',
    });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Sends a file as the raw request body (no multipart), as the registry import expects,
 * with its name in `x-file-name`. Answers like `request`.
 */
async function upload<T>(
  path: string,
  file: File,
  opts: { method?: 'POST' | 'PUT'; contentType?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    // By default the server tells XML from zip by the bytes, not by the browser's guess of the type.
    'content-type': opts.contentType ?? 'application/octet-stream',
    // Header values are Latin-1: the name travels percent-encoded when it is not ASCII.
    'x-file-name': /^[\x20-\x7e]*$/.test(file.name) ? file.name : encodeURIComponent(file.name),
  };
  const csrfToken = csrfTokenSource();
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: opts.method ?? 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Serveur injoignable',
      status: 0,
      detail: 'Le fichier n’a pas pu être envoyé. Vérifiez votre connexion puis réessayez.',
    });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  upload,
  get: <T>(path: string) => request<T>('GET', path),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T = void>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T = void>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
