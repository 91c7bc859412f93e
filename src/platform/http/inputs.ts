import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FieldError, fieldError, problems } from '../problem.js';

/**
 * The one place where decoded text is checked for control characters, before any route sees
 * it: a NUL or an escape sequence has no business in a name, a search or an id, and a NUL
 * reaching PostgreSQL in a text parameter is an error there. Refused as 400 naming each field.
 *
 * - JSON and text bodies (strings at any depth, and object keys), query and path parameters:
 *   C0 controls except tab, line feed and carriage return, DEL and C1 controls. Tabs and line
 *   breaks are legitimate in free text; single-line fields refuse them in their own schema.
 * - Headers: C0 controls except tab, and DEL (node decodes header bytes as Latin-1, so the
 *   bytes of a UTF-8 character may look like C1 controls there). Headers that carry
 *   percent-encoded text (`x-file-name`) are checked once decoded, as body text.
 * - Binary bodies (spreadsheets, zip, XML exports: a Buffer or a stream) are not text and may
 *   hold any byte: they are left to their own parsers.
 */
const CONTROL_IN_TEXT = /(?![\t\n\r])\p{Cc}/u;
const CONTROL_IN_HEADER = /(?![\t\u0080-\u009f])\p{Cc}/u;
/** Headers whose value is percent-encoded text (the web app encodes non-ASCII file names). */
const PERCENT_ENCODED_HEADERS = ['x-file-name'];
/** Enough to name what is wrong without building an answer as large as the request. */
const MAX_ERRORS = 20;
const DETAIL = 'La requête contient des caractères de contrôle (NUL, échappement…), refusés.';

function describe(text: string, pattern: RegExp): string {
  const found = text.match(pattern)?.[0] ?? '';
  const code = (found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `Caractère de contrôle interdit (U+${code}).`;
}

/**
 * Every string and object key of a decoded value that holds a control character, named by
 * its path. Iterative, so that deeply nested input cannot exhaust the stack; each value keeps
 * a link to its parent and a path is spelled out only for an error, so that the work stays
 * linear in the size of the input (copying the path at each level made 100 kB of nested
 * brackets cost a billion copies).
 */
export function controlCharacterErrors(value: unknown, where: string, limit = MAX_ERRORS): FieldError[] {
  type Item = { value: unknown; key: string | number; parent: Item | undefined };
  const pathOf = (item: Item | undefined, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let i = item; i?.parent; i = i.parent) path.push(i.key);
    return path.reverse();
  };
  const errors: FieldError[] = [];
  const stack: Item[] = [{ value, key: '', parent: undefined }];
  while (stack.length > 0 && errors.length < limit) {
    const item = stack.pop() as Item;
    const v = item.value;
    if (typeof v === 'string') {
      if (CONTROL_IN_TEXT.test(v)) errors.push(fieldError(pathOf(item), describe(v, CONTROL_IN_TEXT), where));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: item });
    } else if (v !== null && typeof v === 'object' && !isBinary(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        if (CONTROL_IN_TEXT.test(key)) {
          errors.push(
            fieldError(pathOf(item, key), `Nom de champ refusé : ${describe(key, CONTROL_IN_TEXT)}`, where),
          );
        } else {
          stack.push({ value: child, key, parent: item });
        }
      }
    }
  }
  return errors.slice(0, limit);
}

/** Raw bytes, whatever they hold: a Buffer, a typed array or a stream. */
function isBinary(v: object): boolean {
  return (
    ArrayBuffer.isView(v) || v instanceof ArrayBuffer || typeof (v as { pipe?: unknown }).pipe === 'function'
  );
}

function headerErrors(request: FastifyRequest): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, raw] of Object.entries(request.headers)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (typeof value !== 'string') continue;
      if (CONTROL_IN_HEADER.test(value)) {
        errors.push(fieldError([name], describe(value, CONTROL_IN_HEADER), 'headers'));
      } else if (PERCENT_ENCODED_HEADERS.includes(name)) {
        let decoded = value;
        try {
          decoded = decodeURIComponent(value);
        } catch {
          // not percent-encoded: the raw value was checked above
        }
        if (CONTROL_IN_TEXT.test(decoded))
          errors.push(fieldError([name], describe(decoded, CONTROL_IN_TEXT), 'headers'));
      }
    }
  }
  return errors;
}

/**
 * Installs the checks: headers, path and query parameters as the request arrives (before the
 * access gate, which reads headers), the body once parsed (before validation).
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    // A route may take a query parameter it neutralises itself (a return path ends on `/`).
    const own = request.routeOptions.config?.neutralisesQuery ?? [];
    const query =
      own.length === 0
        ? request.query
        : Object.fromEntries(Object.entries(request.query as object).filter(([k]) => !own.includes(k)));
    const errors = [
      ...headerErrors(request),
      ...controlCharacterErrors(request.params, 'params'),
      ...controlCharacterErrors(query, 'querystring'),
    ];
    if (errors.length > 0) throw problems.validation(errors.slice(0, MAX_ERRORS), DETAIL);
  });
  app.addHook('preValidation', async (request) => {
    const errors = controlCharacterErrors(request.body, 'body');
    if (errors.length > 0) throw problems.validation(errors, DETAIL);
  });
}
