import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RETURN_TO_MAX_LENGTH, safeReturnTo } from './return-to.js';

const ORIGIN = 'https://qualif.example';
const UNSAFE = /[\p{Cc}\\]/u;

/** What every answer must be, whatever the input: a path that stays on this origin. */
function expectLocal(result: string) {
  expect(result.startsWith('/')).toBe(true);
  expect(result.startsWith('//')).toBe(false);
  expect(result).not.toMatch(UNSAFE);
  expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
  // Also once decoded, as a router or a second redirect might read it.
  const decoded = decodeURIComponent(result);
  expect(decoded.startsWith('//')).toBe(false);
  expect(decoded).not.toMatch(UNSAFE);
  // A valid Location header value (Node refuses anything else with a 500).
  expect(result).toMatch(/^[\u0021-\u007e]+$/);
}

describe('safeReturnTo: known bypasses end on /', () => {
  it.each([
    '\t',
    '\v',
    '\\',
    '//',
    '%2F%2F',
    '/\t/evil.example',
    '/\v/evil.example',
    '%2F%09%2Fevil.example',
    '/%09/evil.example',
    '/%0B/evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/%5Cevil.example',
    '/%252F/evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '//evil.example/',
    '///evil.example',
    '/\r\n/evil.example',
    '/ok\r\nSet-Cookie: x',
    '/\u0085/evil.example',
    '/\u007f',
    '/a/..//evil.example',
    '/./%2F/evil.example',
    'https://evil.example/',
    'http:/evil.example',
    'javascript:alert(1)',
    'evil.example',
    '',
    '/%',
    '/%E0%A4%A',
    `/${'a'.repeat(RETURN_TO_MAX_LENGTH)}`,
  ])('%j → /', (input) => {
    expect(safeReturnTo(input)).toBe('/');
  });

  it.each([undefined, null, 42, ['/sessions'], { href: '/sessions' }])('a non-string (%j) → /', (input) => {
    expect(safeReturnTo(input)).toBe('/');
  });
});

describe('safeReturnTo: paths on this site are kept', () => {
  it.each([
    ['/', '/'],
    ['/sessions', '/sessions'],
    ['/a?b=c', '/a?b=c'],
    ['/catalogue?q=cqp%20soudure#r', '/catalogue?q=cqp%20soudure#r'],
    ['/gerer/certifications/1f0c', '/gerer/certifications/1f0c'],
    ['/a/../b', '/b'],
    ['/é', '/%C3%A9'],
    ['/recherche?q=a/b', '/recherche?q=a/b'],
  ])('%j → %j', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
    expectLocal(expected);
  });

  it('is idempotent: a kept path is kept as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (input) => {
        const once = safeReturnTo(input);
        expect(safeReturnTo(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('safeReturnTo: property — whatever the input, the answer stays on this origin', () => {
  /** Pieces that make bypasses likely: slashes, backslashes, encodings, controls, schemes, dots. */
  const piece = fc.constantFrom(
    '/',
    '//',
    '\\',
    '%2F',
    '%2f',
    '%5C',
    '%09',
    '%0B',
    '%25',
    '%',
    '\t',
    '\v',
    '\n',
    '\r',
    '\u0000',
    '\u0085',
    '\u2028',
    '.',
    '..',
    ':',
    '@',
    '?',
    '#',
    'https:',
    'javascript:',
    'evil.example',
    'a',
    'é',
  );
  const hostile = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

  it('built from hostile pieces', () => {
    fc.assert(
      fc.property(hostile, (input) => expectLocal(safeReturnTo(input))),
      { numRuns: 10_000 },
    );
  });

  it('starting with / then hostile pieces', () => {
    fc.assert(
      fc.property(hostile, (input) => expectLocal(safeReturnTo(`/${input}`))),
      { numRuns: 10_000 },
    );
  });

  it('any string (full Unicode, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => expectLocal(safeReturnTo(input))),
      { numRuns: 3_000 },
    );
  });
});
