import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../platform/paths.js';

/**
 * The offline JSON-LD document loader of the credentials module: the bundled contexts
 * (contexts/README.md says where each comes from) and the DID documents it is handed — never
 * the network. Any other URL is refused (a credential naming an unknown context does not
 * verify, rather than making Qualif fetch it).
 */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';

const FILES: Record<string, string> = {
  [VC_V2_CONTEXT]: 'credentials-v2.json',
  [OB_V3_CONTEXT]: 'ob-v3p0-context-3.0.3.json',
  [DID_V1_CONTEXT]: 'did-v1.json',
  [MULTIKEY_V1_CONTEXT]: 'multikey-v1.json',
};

let bundled: Map<string, unknown> | undefined;

/** The bundled contexts by URL (read once). */
export function bundledContexts(): ReadonlyMap<string, unknown> {
  if (!bundled) {
    const dir = path.join(projectRoot, 'src/modules/credentials/contexts');
    bundled = new Map(
      Object.entries(FILES).map(([url, file]) => [
        url,
        JSON.parse(readFileSync(path.join(dir, file), 'utf8')),
      ]),
    );
  }
  return bundled;
}

export type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

export class UnknownDocumentError extends Error {
  override name = 'UnknownDocumentError';
}

/**
 * A loader serving the bundled contexts, `extra` documents (e.g. more contexts in a test), and
 * DID documents through `resolveDid` (a DID URL `did:…#key` answers the verification method
 * found in its document, as jsonld-signatures expects).
 */
export function offlineDocumentLoader(
  options: {
    extra?: ReadonlyMap<string, unknown>;
    resolveDid?: (did: string) => Promise<Record<string, unknown> | undefined>;
  } = {},
): DocumentLoader {
  const contexts = bundledContexts();
  return async (url: string) => {
    const known = contexts.get(url) ?? options.extra?.get(url);
    if (known !== undefined) return { contextUrl: null, documentUrl: url, document: known };
    if (url.startsWith('did:') && options.resolveDid) {
      const [did, fragment] = url.split('#') as [string, string | undefined];
      const doc = await options.resolveDid(did);
      if (doc) {
        if (fragment === undefined) return { contextUrl: null, documentUrl: url, document: doc };
        const methods = (doc.verificationMethod ?? []) as { id: string }[];
        const method = methods.find((m) => m.id === url || m.id === `#${fragment}`);
        if (method)
          return {
            contextUrl: null,
            documentUrl: url,
            document: { '@context': doc['@context'], ...method },
          };
      }
    }
    throw new UnknownDocumentError(`Document not available offline: ${url.slice(0, 200)}`);
  };
}
