import { z } from 'zod';

/**
 * The one French error map of the API: what a validation failure says, as a person would say it
 * (« Au moins 2 caractères. », « Date invalide (AAAA-MM-JJ). »), instead of the validator's words
 * (« Trop petit : chaîne de caractères doit avoir >=2 caractères »). A message written on a
 * schema (`.refine(…, 'Numéro de fiche attendu : RNCP12345 ou RS1234.')`) wins over this map.
 */

type Issue = z.core.$ZodRawIssue;

const FORMATS: Record<string, string> = {
  email: 'Adresse e-mail invalide.',
  url: 'Adresse web invalide.',
  uuid: 'Identifiant invalide.',
  uuidv4: 'Identifiant invalide.',
  uuidv6: 'Identifiant invalide.',
  uuidv7: 'Identifiant invalide.',
  guid: 'Identifiant invalide.',
  date: 'Date invalide (AAAA-MM-JJ).',
  datetime: 'Date et heure invalides (AAAA-MM-JJTHH:MM:SSZ).',
  time: 'Heure invalide (HH:MM).',
  duration: 'Durée invalide.',
  ipv4: 'Adresse IPv4 invalide.',
  ipv6: 'Adresse IPv6 invalide.',
  base64: 'Texte base64 invalide.',
  base64url: 'Texte base64url invalide.',
  json_string: 'Texte JSON invalide.',
  e164: 'Numéro de téléphone invalide (format international, par exemple +33123456789).',
  jwt: 'Jeton invalide.',
};

const TYPES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  bigint: 'un nombre entier',
  boolean: 'vrai ou faux',
  date: 'une date',
  array: 'une liste',
  object: 'un objet',
  tuple: 'une liste',
  record: 'un objet',
  map: 'un objet',
  set: 'une liste',
  file: 'un fichier',
  null: 'null',
};

/** `2` → « 2 caractères », `1` → « 1 caractère ». */
function count(n: number | bigint, one: string, many: string): string {
  return `${n.toString()} ${Number(n) > 1 ? many : one}`;
}

function unitOf(origin: string, n: number | bigint): string | null {
  switch (origin) {
    case 'string':
      return count(n, 'caractère', 'caractères');
    case 'array':
    case 'set':
      return count(n, 'élément', 'éléments');
    case 'file':
      return count(n, 'octet', 'octets');
    default:
      return null;
  }
}

/** A value as the person typed it: strings in French quotes. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `« ${value} »`;
  if (typeof value === 'bigint') return value.toString();
  return String(value);
}

function oneOf(values: readonly unknown[]): string {
  const listed = values.slice(0, 12).map(shown).join(', ');
  return values.length > 12 ? `${listed}…` : listed;
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const { minimum, inclusive, origin } = issue;
  if (origin === 'string' && Number(minimum) === 1 && inclusive !== false) return 'Champ obligatoire.';
  if ((origin === 'array' || origin === 'set') && Number(minimum) === 1 && inclusive !== false) {
    return 'Au moins un élément.';
  }
  if (issue.exact) {
    const unit = unitOf(origin, minimum);
    if (unit) return `Exactement ${unit}.`;
  }
  const unit = unitOf(origin, minimum);
  if (unit) return inclusive === false ? `Plus de ${unit}.` : `Au moins ${unit}.`;
  if (origin === 'date') return `Date au plus tôt le ${shown(minimum)}.`;
  return inclusive === false
    ? `Valeur supérieure à ${shown(minimum)} attendue.`
    : `Au moins ${shown(minimum)}.`;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const { maximum, inclusive, origin } = issue;
  if (issue.exact) {
    const unit = unitOf(origin, maximum);
    if (unit) return `Exactement ${unit}.`;
  }
  const unit = unitOf(origin, maximum);
  if (unit) return inclusive === false ? `Moins de ${unit}.` : `Au plus ${unit}.`;
  if (origin === 'date') return `Date au plus tard le ${shown(maximum)}.`;
  return inclusive === false
    ? `Valeur inférieure à ${shown(maximum)} attendue.`
    : `Au plus ${shown(maximum)}.`;
}

function invalidType(issue: Extract<Issue, { code: 'invalid_type' }>): string {
  if (issue.input === undefined) return 'Champ obligatoire.';
  if (issue.expected === 'int' && typeof issue.input === 'number') return 'Nombre entier attendu.';
  if (issue.expected === 'number' && typeof issue.input === 'number') return 'Nombre attendu.';
  const expected = TYPES[issue.expected];
  return expected ? `Valeur attendue : ${expected}.` : 'Valeur invalide.';
}

function invalidFormat(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  switch (issue.format) {
    case 'starts_with':
      return `Doit commencer par « ${(issue as { prefix?: string }).prefix ?? ''} ».`;
    case 'ends_with':
      return `Doit se terminer par « ${(issue as { suffix?: string }).suffix ?? ''} ».`;
    case 'includes':
      return `Doit contenir « ${(issue as { includes?: string }).includes ?? ''} ».`;
    case 'regex':
      return 'Format invalide.';
    default:
      return FORMATS[issue.format] ?? 'Format invalide.';
  }
}

/** The French message of one zod issue. */
export function frenchError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `Valeur attendue : ${shown(issue.values[0])}.`
        : `Valeur attendue : l’une de ${oneOf(issue.values)}.`;
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'not_multiple_of':
      return `Multiple de ${shown(issue.divisor)} attendu.`;
    case 'unrecognized_keys':
      return issue.keys.length > 1
        ? `Champs inconnus : ${issue.keys.join(', ')}.`
        : `Champ inconnu : ${issue.keys[0]}.`;
    case 'invalid_key':
      return 'Clé invalide.';
    case 'invalid_element':
      return 'Élément invalide.';
    default:
      return 'Valeur invalide.';
  }
}

/** Installs the map for every schema of the process (the HTTP server calls it once). */
export function installFrenchErrors(): void {
  z.config({ localeError: frenchError });
}
