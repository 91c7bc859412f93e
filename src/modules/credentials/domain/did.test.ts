import { describe, expect, it } from 'vitest';
import { didDocument, didWebOf } from './did.js';

describe('did:web', () => {
  it('is the host of PUBLIC_URL, its port percent-encoded', () => {
    expect(didWebOf('https://qualif.example.fr')).toBe('did:web:qualif.example.fr');
    expect(didWebOf('https://qualif.example.fr/')).toBe('did:web:qualif.example.fr');
    expect(didWebOf('http://localhost:3000')).toBe('did:web:localhost%3A3000');
  });

  it('refuses a PUBLIC_URL with a path (its document would not be at /.well-known)', () => {
    expect(() => didWebOf('https://example.fr/qualif')).toThrow(/no path/);
  });

  it('lists every key as a Multikey usable to issue', () => {
    const doc = didDocument('did:web:q.example', [
      { fragment: 'z6MkOld', publicKeyMultibase: 'z6MkOld' },
      { fragment: 'z6MkNew', publicKeyMultibase: 'z6MkNew' },
    ]);
    expect(doc).toMatchObject({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: 'did:web:q.example',
      assertionMethod: ['did:web:q.example#z6MkOld', 'did:web:q.example#z6MkNew'],
    });
    expect(doc.verificationMethod).toEqual([
      {
        id: 'did:web:q.example#z6MkOld',
        type: 'Multikey',
        controller: 'did:web:q.example',
        publicKeyMultibase: 'z6MkOld',
      },
      {
        id: 'did:web:q.example#z6MkNew',
        type: 'Multikey',
        controller: 'did:web:q.example',
        publicKeyMultibase: 'z6MkNew',
      },
    ]);
  });
});
