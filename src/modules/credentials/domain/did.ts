/**
 * The issuer's `did:web` (W3C did:web method): from PUBLIC_URL's host, the port percent-encoded
 * (`did:web:qualif.example.fr`, `did:web:localhost%3A3000`), its document served at
 * `/.well-known/did.json`. A PUBLIC_URL with a path is refused: did:web would then put the
 * document under that path (`/<path>/did.json`), which Qualif does not serve.
 */
import { DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT } from '../document-loader.js';

export function didWebOf(publicUrl: string): string {
  const url = new URL(publicUrl);
  if (url.pathname !== '/' && url.pathname !== '')
    throw new Error('PUBLIC_URL must have no path for the issuer did:web');
  return `did:web:${url.hostname}${url.port ? `%3A${url.port}` : ''}`;
}

/** The host (and port) whose `/.well-known/did.json` a did:web names; undefined for another method. */
export function didWebHost(did: string): string | undefined {
  const match = /^did:web:([^:#/]+)$/.exec(did);
  return match ? decodeURIComponent(match[1] as string) : undefined;
}

/**
 * The DID document: every key (retired ones too: what they signed still verifies) as a
 * `Multikey` verification method, each usable for `assertionMethod` (issuing credentials).
 */
export function didDocument(
  did: string,
  keys: readonly { fragment: string; publicKeyMultibase: string }[],
): Record<string, unknown> {
  const methods = keys.map((k) => ({
    id: `${did}#${k.fragment}`,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: k.publicKeyMultibase,
  }));
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
