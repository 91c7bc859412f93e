import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/paths.js';
import { offlineDocumentLoader } from './document-loader.js';
import { buildCredential } from './domain/credential.js';
import { jsonldSpeedup } from './jsonld-speed.js';
import { generateKeyMaterial, signCredential } from './signing.js';

/**
 * jsonld-speed.ts changes how jsonld.js copies active contexts (shallow term mappings): the
 * canonical N-Quads must be exactly those of jsonld.js's own deep copy, on documents that
 * meet type-scoped contexts, their revert below a node, property-scoped contexts, protected
 * terms — and the same errors.
 */
const canonize = (cryptosuite as { canonize: (doc: unknown, options: object) => Promise<string> }).canonize;
const fixtures = path.join(projectRoot, 'test/fixtures/vc-di-eddsa');
const read = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));
const loader = offlineDocumentLoader({
  extra: new Map([['https://www.w3.org/ns/credentials/examples/v2', read('credentials-examples-v2.json')]]),
});

async function both(doc: unknown): Promise<{ fast: string; original: string }> {
  jsonldSpeedup.use('original');
  const original = await canonize(doc, { documentLoader: loader });
  jsonldSpeedup.use('fast');
  const fast = await canonize(doc, { documentLoader: loader });
  return { fast, original };
}

afterEach(() => jsonldSpeedup.use('fast'));

const credential = () =>
  buildCredential({
    publicUrl: 'https://q.example',
    issuer: { did: 'did:web:q.example', name: 'Qualif' },
    award: {
      id: '11111111-2222-4333-8444-555555555555',
      number: 'CQP-X-2026-000001',
      kind: 'full',
      awardedOn: '2026-11-27',
      createdAt: '2026-11-30T10:00:00.123Z',
      verificationCode: 'Q7K2-M9XD-4TPA',
      statusListIndex: 42,
      blocs: [
        { code: 'B1', validUntil: null },
        { code: 'B2', validUntil: '2031-11-27' },
      ],
    },
    certification: {
      id: '99999999-2222-4333-8444-555555555555',
      code: 'CQP-X',
      title: 'Opérateur',
      kind: 'CQPI',
      branches: [{ id: '88888888-2222-4333-8444-555555555555', name: 'Branche A' }],
      blocs: [
        { code: 'B1', title: 'Préparer', competencies: [{ code: 'C1', title: 'Lire un plan' }] },
        { code: 'B2', title: 'Réaliser', competencies: [{ code: 'C2', title: 'Régler la machine' }] },
      ],
      registration: { registry: 'RNCP', number: 'RNCP12345', level: 3 },
    },
    holder: { name: 'Camille Martin' },
  });

describe('jsonld.js with shallow-copied term mappings', () => {
  it('is applied to the jsonld.js the cryptosuite loads (9.x)', () => {
    expect(jsonldSpeedup.version).toMatch(/^9\./);
    expect(jsonldSpeedup.applied).toBe(true);
  });

  it('an Open Badges 3.0 credential, signed, and its proof: the same canonical N-Quads', async () => {
    const material = await generateKeyMaterial();
    const signed = await signCredential(
      credential(),
      { ...material, verificationMethod: `did:web:q.example#${material.publicKeyMultibase}` },
      loader,
    );
    const { proof, ...document } = signed;
    const forDocument = await both(document);
    expect(forDocument.fast).toBe(forDocument.original);
    expect(forDocument.fast.split('\n').length).toBeGreaterThan(60);
    const forProof = await both({ '@context': document['@context'], ...(proof as object) });
    expect(forProof.fast).toBe(forProof.original);
  });

  it('the W3C test vector’s credential: the published canonical form', async () => {
    const { fast, original } = await both(read('unsigned.json'));
    expect(fast).toBe(original);
    expect(fast).toBe(readFileSync(path.join(fixtures, 'canonDocDataInt.txt'), 'utf8'));
  });

  it('type-scoped contexts (not propagated: reverted below the node), property-scoped ones, a term defined again', async () => {
    const v = 'https://v.example/';
    const doc = {
      '@context': {
        '@version': 1.1,
        '@vocab': `${v}vocab#`,
        Note: { '@id': `${v}Note`, '@context': { name: `${v}noteName`, label: `${v}noteLabel` } },
        Card: { '@id': `${v}Card`, '@context': { name: `${v}cardName` } },
        part: { '@id': `${v}part`, '@context': { label: `${v}partLabel` } },
      },
      '@id': `${v}top`,
      name: 'top',
      part: {
        '@type': 'Note',
        name: 'a note',
        label: 'note label',
        part: { '@type': 'Card', name: 'a card', label: 'part label', part: { name: 'below' } },
        child: { name: 'reverted', label: 'reverted' },
      },
      after: { name: 'after', label: 'after' },
    };
    const { fast, original } = await both(doc);
    expect(fast).toBe(original);
    expect(fast).toContain(`<${v}noteName> "a note"`);
    expect(fast).toContain(`<${v}cardName> "a card"`);
    expect(fast).toContain(`<${v}vocab#name> "reverted"`);
    expect(fast).toContain(`<${v}vocab#name> "below"`);
    expect(fast).toContain(`<${v}vocab#label> "after"`);
  });

  it('a protected term defined again is refused alike', async () => {
    const doc = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        { '@version': 1.1, VerifiableCredential: 'https://v.example/NotACredential' },
      ],
      type: ['VerifiableCredential'],
      issuer: 'did:web:q.example',
      credentialSubject: { id: 'did:example:1' },
    };
    jsonldSpeedup.use('original');
    const original = await canonize(doc, { documentLoader: loader }).catch((e: Error) => e);
    jsonldSpeedup.use('fast');
    const fast = await canonize(doc, { documentLoader: loader }).catch((e: Error) => e);
    expect(original).toBeInstanceOf(Error);
    expect(fast).toBeInstanceOf(Error);
    expect(String(fast)).toBe(String(original));
    const code = (e: unknown) => (e as { details?: { code?: string } }).details?.code;
    expect(code(original)).toBe('protected term redefinition');
    expect(code(fast)).toBe(code(original));
  });
});
