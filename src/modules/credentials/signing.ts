import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { DocumentLoader } from './document-loader.js';
import './jsonld-speed.js';

/**
 * Signing and verifying verifiable credentials with a `DataIntegrityProof` of the
 * `eddsa-rdfc-2022` cryptosuite (W3C VC Data Integrity EdDSA), through Digital Bazaar's
 * libraries — the reference implementation (ADR 0007). Keys are Ed25519 `Multikey`s.
 */

/** An Ed25519 key pair as Multikey multibase strings (the secret one: keep encrypted at rest). */
export type KeyMaterial = { publicKeyMultibase: string; secretKeyMultibase: string };

/** A new Ed25519 key pair. */
export async function generateKeyMaterial(): Promise<KeyMaterial> {
  const pair = await Ed25519Multikey.generate();
  return {
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: pair.secretKeyMultibase as string,
  };
}

/**
 * Signs `unsigned` as the verification method `verificationMethod` (`<controller>#<fragment>`)
 * with `key`. `created`: the proof's date (default now; fixed for test vectors). The input is
 * not changed; the answer is the credential with its `proof`.
 */
export async function signCredential(
  unsigned: Record<string, unknown>,
  key: KeyMaterial & { verificationMethod: string },
  documentLoader: DocumentLoader,
  created?: string,
): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({
    signer: await signerOf(key),
    cryptosuite: eddsaRdfc2022,
    ...(created ? { date: created } : {}),
  });
  return vc.issue({ credential: structuredClone(unsigned), suite, documentLoader });
}

type Signer = { id: string; algorithm: 'Ed25519'; sign(input: { data: Uint8Array }): Promise<Uint8Array> };

/** Signers by verification method and secret key: a handful per process (rotations). */
const signers = new Map<string, Promise<Signer>>();

/**
 * The signer of `key`, made once per process: Ed25519Multikey's own signer re-imports the
 * secret key (DER, `createPrivateKey`) at each signature; this one keeps Node's `KeyObject`.
 * Same algorithm, same bytes (Ed25519 signatures are deterministic).
 */
function signerOf(key: KeyMaterial & { verificationMethod: string }): Promise<Signer> {
  const cacheKey = `${key.verificationMethod}\n${key.secretKeyMultibase}`;
  let signer = signers.get(cacheKey);
  if (!signer) {
    signer = makeSigner(key);
    signer.catch(() => signers.delete(cacheKey));
    if (signers.size >= 16) signers.clear();
    signers.set(cacheKey, signer);
  }
  return signer;
}

async function makeSigner(key: KeyMaterial & { verificationMethod: string }): Promise<Signer> {
  const pair = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: key.verificationMethod,
    controller: key.verificationMethod.split('#')[0] as string,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  const jwk = await Ed25519Multikey.toJwk({ keyPair: pair, secretKey: true });
  // Its `d` is the 64-byte secret key (seed and public key), as the library keeps it; a JWK's
  // is the 32-byte seed (RFC 8037) — the first 32 bytes, as the library's own DER encoding takes.
  const seed = Buffer.from(String(jwk.d), 'base64url').subarray(0, 32);
  const secret: KeyObject = createPrivateKey({
    key: { ...jwk, d: seed.toString('base64url') },
    format: 'jwk',
  });
  return {
    id: key.verificationMethod,
    algorithm: 'Ed25519',
    sign: async ({ data }) => new Uint8Array(sign(null, data, secret)),
  };
}

/**
 * Verifies a credential's proof (and its status through `checkStatus` when it has one):
 * the verification method is resolved through `documentLoader` (the DID document).
 */
export async function verifySignature(
  credential: unknown,
  documentLoader: DocumentLoader,
  checkStatus?: (options: { credential: unknown }) => Promise<{ verified: boolean; error?: unknown }>,
): Promise<vc.VerifyResult> {
  const suite = new DataIntegrityProof({ cryptosuite: verifyingSuite });
  return vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    checkStatus: checkStatus ?? (async () => ({ verified: true })),
  });
}

type Verifier = {
  id: string;
  algorithm: 'Ed25519';
  verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
};

/** Verifiers by verification method (its JSON: id, controller, type and public key). */
const verifiers = new Map<string, Verifier>();

/**
 * The cryptosuite as Digital Bazaar ships it, its verifier made once per verification method:
 * the suite's own `createVerifier` reads the method (Ed25519Multikey.from, which checks its
 * type and key) at each verification, and its verifier re-imports the public key (DER,
 * `createPublicKey`) at each signature checked. Same canonicalisation, hash and Ed25519.
 */
const verifyingSuite = {
  ...(eddsaRdfc2022 as Record<string, unknown>),
  async createVerifier({ verificationMethod }: { verificationMethod: Record<string, unknown> }) {
    const cacheKey = JSON.stringify(verificationMethod);
    const known = verifiers.get(cacheKey);
    if (known) return known;
    const pair = await Ed25519Multikey.from(verificationMethod);
    const publicKey = createPublicKey({
      key: await Ed25519Multikey.toJwk({ keyPair: pair }),
      format: 'jwk',
    });
    const verifier: Verifier = {
      id: String(pair.id ?? verificationMethod.id),
      algorithm: 'Ed25519',
      verify: async ({ data, signature }) => verify(null, data, publicKey, signature),
    };
    if (verifiers.size >= 64) verifiers.clear();
    verifiers.set(cacheKey, verifier);
    return verifier;
  },
};
