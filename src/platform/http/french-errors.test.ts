import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { frenchError } from './french-errors.js';

/** The message a schema gives `input` under the French map (a schema's own message wins). */
function messageOf(schema: z.ZodType, input: unknown): string {
  const result = schema.safeParse(input, { error: frenchError });
  if (result.success) throw new Error('expected a failure');
  return result.error.issues[0]?.message ?? '';
}

describe('French error map', () => {
  it('says lengths as a person would', () => {
    expect(messageOf(z.string().min(2), 'a')).toBe('Au moins 2 caractères.');
    expect(messageOf(z.string().max(1), 'ab')).toBe('Au plus 1 caractère.');
    expect(messageOf(z.string().length(5), 'ab')).toBe('Exactement 5 caractères.');
    expect(messageOf(z.string().min(1), '')).toBe('Champ obligatoire.');
    expect(messageOf(z.array(z.string()).min(1), [])).toBe('Au moins un élément.');
    expect(messageOf(z.array(z.string()).max(3), ['a', 'b', 'c', 'd'])).toBe('Au plus 3 éléments.');
  });

  it('says numbers', () => {
    expect(messageOf(z.number().int().min(1), 0)).toBe('Au moins 1.');
    expect(messageOf(z.number().max(200), 201)).toBe('Au plus 200.');
    expect(messageOf(z.number().positive(), 0)).toBe('Valeur supérieure à 0 attendue.');
    expect(messageOf(z.number().int(), 1.5)).toBe('Nombre entier attendu.');
    expect(messageOf(z.number().multipleOf(5), 7)).toBe('Multiple de 5 attendu.');
  });

  it('says formats', () => {
    expect(messageOf(z.iso.date(), '2026-13-01')).toBe('Date invalide (AAAA-MM-JJ).');
    expect(messageOf(z.uuid(), 'abc')).toBe('Identifiant invalide.');
    expect(messageOf(z.email(), 'personne')).toBe('Adresse e-mail invalide.');
    expect(messageOf(z.string().regex(/^\d+$/), 'x')).toBe('Format invalide.');
    expect(messageOf(z.string().startsWith('RNCP'), 'RS1')).toBe('Doit commencer par « RNCP ».');
  });

  it('names the values an enumeration accepts', () => {
    expect(messageOf(z.enum(['rncp', 'rs']), 'x')).toBe('Valeur attendue : l’une de « rncp », « rs ».');
    expect(messageOf(z.literal('oui'), 'non')).toBe('Valeur attendue : « oui ».');
  });

  it('says types and missing fields', () => {
    expect(messageOf(z.object({ title: z.string() }), {})).toBe('Champ obligatoire.');
    expect(messageOf(z.string(), 3)).toBe('Valeur attendue : un texte.');
    expect(messageOf(z.number(), 'trois')).toBe('Valeur attendue : un nombre.');
    expect(messageOf(z.boolean(), 'oui')).toBe('Valeur attendue : vrai ou faux.');
    expect(messageOf(z.array(z.string()), 'a')).toBe('Valeur attendue : une liste.');
  });

  it('names unknown fields', () => {
    expect(messageOf(z.strictObject({}), { extra: 1 })).toBe('Champ inconnu : extra.');
    expect(messageOf(z.strictObject({}), { a: 1, b: 2 })).toBe('Champs inconnus : a, b.');
  });

  it('leaves a schema’s own message alone', () => {
    expect(messageOf(z.string().min(2, 'Deux lettres au moins.'), 'a')).toBe('Deux lettres au moins.');
  });

  it('never shows the validator’s words', () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.string().min(2), 'a'],
      [z.uuid(), 'x'],
      [z.enum(['a', 'b']), 'c'],
      [z.object({ a: z.string() }), { a: 1 }],
      [z.union([z.string(), z.number()]), true],
    ];
    for (const [schema, input] of schemas) {
      const message = messageOf(schema, input);
      expect(message).not.toMatch(/Trop petit|Trop grand|Entrée invalide|chaîne de caractères|>=|<=|UUID/);
      expect(message).toMatch(/\.$/);
    }
  });
});

describe('the HTTP server', () => {
  it('answers field errors through the French map', async () => {
    const { createHttpServer } = await import('./server.js');
    const app = await createHttpServer({
      logLevel: 'silent',
      bodyLimitBytes: 1_000_000,
      trustProxy: false,
      publicUrl: 'http://localhost',
      webDir: undefined,
      resolveSession: async () => null,
      version: 'test',
    });
    app.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(
      '/probe',
      {
        config: { access: 'public' },
        schema: {
          body: z.object({ title: z.string().min(2), date: z.iso.date(), kind: z.enum(['rncp', 'rs']) }),
        },
      },
      async () => ({}),
    );
    const res = await app.inject({
      method: 'POST',
      url: '/probe',
      payload: { title: 'a', date: '2026-02-30', kind: 'x' },
    });
    expect(res.statusCode).toBe(400);
    const details = Object.fromEntries(
      (res.json().errors as { field: string; detail: string }[]).map((e) => [e.field, e.detail]),
    );
    expect(details).toEqual({
      title: 'Au moins 2 caractères.',
      date: 'Date invalide (AAAA-MM-JJ).',
      kind: 'Valeur attendue : l’une de « rncp », « rs ».',
    });
    await app.close();
  });
});
