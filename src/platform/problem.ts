/**
 * RFC 9457 problem details. Domain and service code throws `Problem`; the HTTP layer
 * renders it as application/problem+json. `errors[]` names each bad field.
 */
export type FieldError = {
  /** JSON pointer into the request part, e.g. `#/branchIds/0`. */
  pointer: string;
  /** The same path, dotted: `branchIds.0`. */
  field: string;
  /** Which part of the request: body, querystring, params or headers. */
  in?: string;
  detail: string;
};

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
};

const TYPE_BASE = 'https://qualif.dev/problems/';

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    slug: string,
    title: string,
    detail?: string,
    opts: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? title);
    this.name = 'Problem';
    this.status = status;
    this.type = `${TYPE_BASE}${slug}`;
    this.title = title;
    this.detail = detail;
    this.errors = opts.errors;
    this.headers = opts.headers ?? {};
  }

  toBody(instance?: string): ProblemBody {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export function fieldError(path: ReadonlyArray<string | number>, detail: string, where = 'body'): FieldError {
  return {
    pointer: `#${path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`,
    field: path.join('.'),
    in: where,
    detail,
  };
}

export const problems = {
  validation: (errors: FieldError[], detail = 'La requête contient des valeurs invalides.') =>
    new Problem(400, 'validation', 'Requête invalide', detail, { errors }),
  unprocessable: (errors: FieldError[], detail: string) =>
    new Problem(422, 'unprocessable', 'Données non conformes', detail, { errors }),
  unauthenticated: (detail = 'Vous devez être connecté·e pour accéder à cette ressource.') =>
    new Problem(401, 'unauthenticated', 'Authentification requise', detail),
  invalidCredentials: () =>
    new Problem(
      401,
      'invalid-credentials',
      'Identifiants incorrects',
      'Adresse e-mail ou mot de passe incorrect.',
    ),
  forbidden: (detail = 'Votre rôle ou votre périmètre ne permet pas cette action.') =>
    new Problem(403, 'forbidden', 'Accès refusé', detail),
  csrf: () =>
    new Problem(
      403,
      'csrf',
      'Jeton anti-CSRF manquant ou invalide',
      'Les requêtes de modification doivent porter l’en-tête x-csrf-token de la session.',
    ),
  notFound: (detail = 'La ressource demandée n’existe pas.') =>
    new Problem(404, 'not-found', 'Introuvable', detail),
  conflict: (detail: string, errors?: FieldError[]) =>
    new Problem(409, 'conflict', 'Conflit', detail, errors ? { errors } : {}),
  tooManyRequests: (retryAfterSeconds: number, detail: string) =>
    new Problem(429, 'too-many-requests', 'Trop de tentatives', detail, {
      headers: { 'retry-after': String(retryAfterSeconds) },
    }),
  /** `limit` when the refusing code knows it (Fastify's parsers do not say theirs). */
  payloadTooLarge: (limit?: number) =>
    new Problem(
      413,
      'payload-too-large',
      'Requête trop volumineuse',
      limit === undefined
        ? 'Le corps de la requête est trop volumineux pour cette adresse.'
        : `Le corps dépasse ${limit} octets.`,
    ),
  internal: () =>
    new Problem(
      500,
      'internal',
      'Erreur interne',
      'Une erreur inattendue est survenue. Elle a été journalisée.',
    ),
};
