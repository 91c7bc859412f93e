/**
 * The versions of the CDC's flux schema a certifier may be set to: 1.1.2 (the default, bundled)
 * and 1.1.5 (which carries the NIR; named for later). Kept apart from ../xsd.ts so that the wire
 * schemas do not load libxml2 (a WebAssembly module loaded by a top-level await).
 */
export const XSD_VERSIONS = ['1.1.2', '1.1.5'] as const;
export type XsdVersion = (typeof XSD_VERSIONS)[number];
