import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ParseOption, XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { projectRoot } from '../../platform/paths.js';
import type { XsdVersion } from './domain/xsd-versions.js';

/**
 * Validation of a flux against the CDC's XSD, in-process, with libxml2 compiled to WebAssembly
 * (libxml2-wasm — the library xmllint is built on, so it answers as `xmllint --schema` does).
 * Chosen over xmllint-wasm after trying both on a 10,000-passage flux (22 MB): libxml2-wasm
 * validated it in ≈ 1.6 s against ≈ 2.3 s, compiles the schema once and keeps it, runs in the
 * calling thread without copying the document into a worker, and names each error with its
 * line and XPath (ADR 0008).
 *
 * Parsing never loads a DTD, an external entity or anything from the network (NONET, NO_XXE):
 * the flux is Qualif's own, but the rule is the same for every XML Qualif reads.
 */

export { XSD_VERSIONS, type XsdVersion } from './domain/xsd-versions.js';

/** The XSD files bundled, per version (1.1.5, which carries the NIR, is not bundled yet). */
const XSD_FILES: Partial<Record<XsdVersion, string>> = {
  '1.1.2': 'cpf-certificateurs-xsd-1.1.2.xsd',
};

const SAFE = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_HUGE;

const validators = new Map<XsdVersion, XsdValidator>();

export function xsdPath(version: XsdVersion): string | undefined {
  const file = XSD_FILES[version];
  return file ? path.join(projectRoot, 'src', 'modules', 'cdc', 'xsd', file) : undefined;
}

export function isBundled(version: XsdVersion): boolean {
  return XSD_FILES[version] !== undefined;
}

function validatorFor(version: XsdVersion): XsdValidator {
  const cached = validators.get(version);
  if (cached) return cached;
  const file = xsdPath(version);
  if (!file) throw new Error(`XSD ${version} not bundled`);
  const schema = XmlDocument.fromString(readFileSync(file, 'utf8'), { option: SAFE });
  const validator = XsdValidator.fromDoc(schema);
  validators.set(version, validator);
  return validator;
}

/** One validation error, without the values of the document (they may be personal data). */
export type XsdError = { line: number; element: string; message: string };

/**
 * libxml2's message rebuilt from its structure, never from its values (a value may hold personal
 * data — and may hold quotes): the element, the facet broken, or libxml2's wording when it names
 * elements only (« This element is not expected. Expected is ( … ) »).
 */
function redacted(message: string): string {
  const m = /^Element '(?:\{[^}]*\})?([^']+)'(?:, attribute '([^']+)')?: ([\s\S]*)$/.exec(message.trim());
  if (!m) return 'erreur de schéma';
  const at = m[2] ? `${m[1]}/@${m[2]}` : (m[1] as string);
  const rest = m[3] as string;
  const facet = /^\[facet '(\w+)'\]/.exec(rest);
  if (facet) return `${at} : contrainte « ${facet[1]} » non respectée`;
  if (/value|'/i.test(rest.replace(/'(?:\{[^}]*\})?[A-Za-z:]+'/g, '')))
    return `${at} : valeur non conforme à son type`;
  return `${at} : ${rest.replace(/\{urn:cdc:cpf:pc5:schema:1\.0\.0\}/g, '').trim()}`;
}

/** The errors of the flux against the XSD of `version` (empty: valid), at most `max`. */
export function validateFlux(xml: string, version: XsdVersion, max = 10): XsdError[] {
  const validator = validatorFor(version);
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml, { option: SAFE });
  } catch {
    return [{ line: 0, element: '', message: 'XML mal formé' }];
  }
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return error.details.slice(0, max).map((d) => ({
      line: d.line,
      element:
        (d as { xpath?: string }).xpath
          ?.split('/')
          .pop()
          ?.replace(/\[\d+\]$/, '') ?? '',
      message: redacted(d.message),
    }));
  } finally {
    doc.dispose();
  }
}
