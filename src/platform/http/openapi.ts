import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Response shapes that the zod schemas alone do not describe, and the transform that puts
 * them in /openapi.json. Every route declares a response schema for its success status
 * (test/contracts.test.ts); these cover the answers that are not a JSON document.
 */

/** A redirect: no body, the target in the Location header. */
export function redirectResponse(description: string) {
  return z.null().meta({ description: `Redirection (en-tête Location) : ${description}` });
}

/**
 * An answer in one of several media types (a download), e.g.
 * `{ 200: mediaResponse('Le référentiel', { 'application/json': schema, [XLSX]: binary }) }`.
 * Fastify serialises by the reply's content type; the transform below documents each one.
 */
export function mediaResponse<M extends Record<string, z.ZodType>>(description: string, media: M) {
  return {
    description,
    content: Object.fromEntries(Object.entries(media).map(([type, schema]) => [type, { schema }])) as {
      [K in keyof M]: { schema: M[K] };
    },
  };
}

/** Bytes of a file (a workbook, a PDF…), sent as they are; OpenAPI's `string`, format `binary`. */
export const binary = z
  .custom<Buffer | string>((value) => Buffer.isBuffer(value) || typeof value === 'string')
  .meta({ type: 'string', format: 'binary' });

type MediaResponse = ReturnType<typeof mediaResponse>;

function isMediaResponse(value: unknown): value is MediaResponse {
  return typeof value === 'object' && value !== null && !(value instanceof z.ZodType) && 'content' in value;
}

/** The zod transform, plus responses given by media type (`mediaResponse`). */
export const openapiTransform: SwaggerTransform = (input) => {
  const response = (input.schema?.response ?? {}) as Record<string, unknown>;
  const byMedia = Object.entries(response).filter(([, s]) => isMediaResponse(s)) as [string, MediaResponse][];
  if (byMedia.length === 0) return jsonSchemaTransform(input);
  const others = Object.fromEntries(Object.entries(response).filter(([, s]) => !isMediaResponse(s)));
  const out = jsonSchemaTransform({ ...input, schema: { ...input.schema, response: others } });
  if (out.schema.hide) return out;
  const documented: Record<string, unknown> = { ...(out.schema.response as object) };
  for (const [status, { description, content }] of byMedia) {
    const media: Record<string, { schema: unknown }> = {};
    for (const [type, { schema }] of Object.entries(content)) {
      const one = jsonSchemaTransform({ ...input, schema: { response: { [status]: schema } } });
      media[type] = { schema: (one.schema.response as Record<string, unknown>)[status] };
    }
    documented[status] = { description, content: media };
  }
  return { ...out, schema: { ...out.schema, response: documented } };
};

const REF = /"#\/components\/schemas\/([^"]+)"/g;

/**
 * The zod transform names each schema twice: `X` as answered and `XInput` as a request may send
 * it, whether or not an operation uses it that way. Only the schemas some operation refers to
 * (directly or through other schemas) are kept, so that clients (web/src/api/schema.d.ts) see
 * each shape once.
 */
export function withoutUnusedSchemas<D extends object>(document: D): D {
  type Named = { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const { paths, components } = document as Named;
  const schemas = components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (json: string) => {
    for (const [, name] of json.matchAll(REF)) {
      if (name === undefined || used.has(name)) continue;
      used.add(name);
      visit(JSON.stringify(schemas[name] ?? null));
    }
  };
  visit(JSON.stringify(paths ?? {}));
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...components, schemas: kept } };
}
