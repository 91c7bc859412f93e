import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { DocumentLoader } from './document-loader.js';

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
  const controller = key.verificationMethod.split('#')[0] as string;
  const pair = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: key.verificationMethod,
    controller,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  const suite = new DataIntegrityProof({
    signer: pair.signer(),
    cryptosuite: eddsaRdfc2022,
    ...(created ? { date: created } : {}),
  });
  return vc.issue({ credential: structuredClone(unsigned), suite, documentLoader });
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
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  return vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    checkStatus: checkStatus ?? (async () => ({ verified: true })),
  });
}
