import { createRequire } from 'node:module';

/**
 * Makes jsonld.js (9.x) expand credentials ~4× faster, without changing what it produces.
 *
 * Why: expanding an Open Badges 3.0 credential meets a type-scoped context at nearly every node
 * (VC 2.0 and OB 3.0 define one per type, non-propagating). At each, jsonld.js clones the
 * active context (`_cloneActiveContext` in lib/context.js), and again when it reverts to the
 * previous context below the node; each clone deep-copies, with `util.clone`, the `mappings`
 * Map of every term definition — ~300 terms, many holding their own scoped `@context` JSON.
 * Profiled (ADR 0007, bench/README): that copying and the garbage it makes were ~65 % of a
 * signature or a verification.
 *
 * What: `util.clone` copies a Map shallowly — the new Map holds the same term-definition
 * objects. This is sound because jsonld.js never changes a term definition once made: defining
 * a term again (lib/context.js `createTermDefinition`) deletes the entry and sets a new object,
 * and restoring a protected one sets the previous object back. The `mappings` of active
 * contexts are the only Maps jsonld.js clones (everything else it clones is JSON: arrays and
 * plain objects, still deep-copied as before). The canonical N-Quads are identical either way
 * (jsonld-speed.test.ts; the W3C test vector in test/credentials.test.ts).
 *
 * Patched: the jsonld.js instance Digital Bazaar's eddsa-rdfc-2022 cryptosuite loads (hence
 * @digitalbazaar/vc and data-integrity too: one copy in node_modules), only when its major
 * version is 9 — `jsonldSpeedup.applied` says whether it was (a test fails when an upgrade
 * makes it false: then look whether the new jsonld.js still needs it).
 */
type JsonldUtil = { clone: (value: unknown) => unknown };

const requireFromSuite = createRequire(
  createRequire(import.meta.url).resolve('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
);
const util = requireFromSuite('jsonld/lib/util.js') as JsonldUtil;
const version = (requireFromSuite('jsonld/package.json') as { version: string }).version;

const deepClone = util.clone;

/**
 * `util.clone` with Maps (only ever active-context term mappings) copied shallowly, and plain
 * objects copied by spreading then cloning their object members (the same deep copy, made
 * faster: an active context's `protected` — term → true, ~300 keys — is copied at each clone).
 */
function clone(value: unknown): unknown {
  if (value instanceof Map) return new Map(value);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = { ...value };
    for (const key in copy)
      if (typeof copy[key] === 'object' && copy[key] !== null) copy[key] = clone(copy[key]);
    return copy;
  }
  return deepClone(value);
}

export const jsonldSpeedup = {
  version,
  applied: false,
  /** jsonld.js's own `util.clone` back, or this one (for the equivalence test). */
  use(which: 'fast' | 'original') {
    util.clone = which === 'fast' ? clone : deepClone;
  },
};

if (version.startsWith('9.')) {
  jsonldSpeedup.use('fast');
  jsonldSpeedup.applied = true;
}
