import { describe, expect, it } from 'vitest';
import { offlineDocumentLoader } from './document-loader.js';
import { didDocument } from './domain/did.js';
import { generateKeyMaterial, signCredential, verifySignature } from './signing.js';

/**
 * The signer and verifier kept once per process (signing.ts): signing again with the same key,
 * verifying again through the same method, and a method whose key changed under the same id.
 */
const did = 'did:web:q.example';
const unsigned = (n: number) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer: did,
  validFrom: '2026-11-30T10:00:00Z',
  credentialSubject: { id: `urn:uuid:00000000-0000-4000-8000-00000000000${n}` },
});

describe('signing and verifying with kept signers and verifiers', () => {
  it('signs and verifies again and again; a changed byte or another key under the same id fails', async () => {
    const a = await generateKeyMaterial();
    const b = await generateKeyMaterial();
    const vm = `${did}#key-1`;
    let published = a;
    const loader = offlineDocumentLoader({
      resolveDid: async (id) =>
        id === did
          ? didDocument(did, [{ fragment: 'key-1', publicKeyMultibase: published.publicKeyMultibase }])
          : undefined,
    });
    const first = await signCredential(unsigned(1), { ...a, verificationMethod: vm }, loader);
    const second = await signCredential(unsigned(2), { ...a, verificationMethod: vm }, loader);
    expect((await verifySignature(first, loader)).verified).toBe(true);
    expect((await verifySignature(second, loader)).verified).toBe(true);
    expect((await verifySignature(first, loader)).verified).toBe(true);

    const changed = JSON.parse(JSON.stringify(second).replace('000000000002', '000000000003'));
    expect((await verifySignature(changed, loader)).verified).toBe(false);

    // Key b now published under the same id: what a signed no longer verifies, what b signs does.
    published = b;
    expect((await verifySignature(first, loader)).verified).toBe(false);
    const byB = await signCredential(unsigned(4), { ...b, verificationMethod: vm }, loader);
    expect((await verifySignature(byB, loader)).verified).toBe(true);
    expect((byB.proof as { proofValue: string }).proofValue).not.toBe(
      (first.proof as { proofValue: string }).proofValue,
    );
  });
});
