/**
 * A candidate's identity as the Caisse des Dépôts matches it against the national identity
 * register (docs/domain.md, step 0): birth name, first names, sex, birth date whose day and
 * month may be unknown, birth commune (INSEE code valid at birth; the arrondissement for Paris,
 * Lyon and Marseille) or birth country (INSEE code `99xxx`), and the NIR when known. Deposits
 * are rejected when these disagree, so they are checked at enrolment. Pure code: the list of
 * communes is handed in (`CommuneDirectory`, built from @etalab/decoupage-administratif).
 */
import type { Sex } from '../../../contracts/candidacies.js';
import type { IsoDate } from '../../catalogue/domain/recognition.js';

/** A problem with one field, `path` relative to the identity object. */
export type IdentityProblem = { path: (string | number)[]; detail: string };

// ---- birth date ---------------------------------------------------------------------------

/** A birth date whose day, or day and month, may be unknown (as civil records sometimes are). */
export type PartialBirthDate = { year: number; month?: number | undefined; day?: number | undefined };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What is wrong with the birth date, on `today` (a date in the future is no birth date). */
export function birthDateProblems(d: PartialBirthDate, today: IsoDate): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(d.year) || d.year < 1900 || d.year > thisYear)
    problems.push({ path: ['year'], detail: `Année de naissance entre 1900 et ${thisYear}.` });
  if (d.month !== undefined && (!Number.isInteger(d.month) || d.month < 1 || d.month > 12))
    problems.push({ path: ['month'], detail: 'Mois de naissance entre 1 et 12 (absent s’il est inconnu).' });
  if (d.day !== undefined) {
    if (d.month === undefined)
      problems.push({ path: ['day'], detail: 'Un jour de naissance sans mois ne peut pas être enregistré.' });
    else if (
      !Number.isInteger(d.day) ||
      d.day < 1 ||
      d.day > 31 ||
      (problems.length === 0 && d.day > daysInMonth(d.year, d.month))
    )
      problems.push({ path: ['day'], detail: 'Ce jour n’existe pas dans ce mois.' });
  }
  if (problems.length === 0 && earliestBirthDate(d) > today)
    problems.push({ path: [], detail: 'La date de naissance est dans le futur.' });
  return problems;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The first day the person may have been born (unknown parts at their earliest). */
function earliestBirthDate(d: PartialBirthDate): IsoDate {
  return `${pad(d.year, 4)}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

/** The last day the person may have been born (unknown parts at their latest). */
function latestBirthDate(d: PartialBirthDate): IsoDate {
  const month = d.month ?? 12;
  return `${pad(d.year, 4)}-${pad(month)}-${pad(d.day ?? daysInMonth(d.year, month))}`;
}

/** The birth date as the CDC and civil records write it, `00` for an unknown day or month: `1985-00-00`. */
export function birthDateKey(d: PartialBirthDate): string {
  return `${pad(d.year, 4)}-${pad(d.month ?? 0)}-${pad(d.day ?? 0)}`;
}

function fullYearsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/**
 * The age in full years on `date`, or undefined when the unknown parts of the birth date leave
 * it open (born in 2000, month unknown: 24 or 25 on 2025-06-15). Someone born on 29 February
 * turns a year older on 1 March in other years.
 */
export function ageOn(d: PartialBirthDate, date: IsoDate): number | undefined {
  const youngest = fullYearsBetween(latestBirthDate(d), date);
  const oldest = fullYearsBetween(earliestBirthDate(d), date);
  return youngest === oldest ? youngest : undefined;
}

// ---- birth place --------------------------------------------------------------------------

export type BirthPlace = { communeInsee: string } | { countryInsee: string };

/** The departments and communes known today (INSEE's official geographic code). */
export type CommuneDirectory = {
  departments: ReadonlySet<string>;
  /** Current communes, delegated and associated communes, and municipal arrondissements. */
  communes: ReadonlySet<string>;
};

/** Paris, Lyon and Marseille as whole communes: the register records births by arrondissement. */
export const CITIES_WITH_ARRONDISSEMENTS: Readonly<Record<string, string>> = {
  '75056': 'Paris (75101 à 75120)',
  '69123': 'Lyon (69381 à 69389)',
  '13055': 'Marseille (13201 à 13216)',
};

/** France itself in INSEE's country list: a person born in France is named by their commune. */
export const FRANCE_COUNTRY_CODE = '99100';

/** The department of a well-formed commune code: 3 characters overseas (971…989), else 2 (2A, 2B). */
export function departmentOf(commune: string): string {
  return /^9[78]/.test(commune) ? commune.slice(0, 3) : commune.slice(0, 2);
}

export type BirthPlaceCheck = {
  place: BirthPlace;
  errors: IdentityProblem[];
  warnings: IdentityProblem[];
};

/**
 * Checks the birth place: a commune code must be well formed and in an existing department
 * (else an error); one absent from today's list is accepted with a warning, as it may be a
 * former commune (merged or renamed since the birth). A country code is `99` and three digits
 * (continent 1–5), never France's `99100`.
 */
export function checkBirthPlace(place: BirthPlace, directory: CommuneDirectory): BirthPlaceCheck {
  const errors: IdentityProblem[] = [];
  const warnings: IdentityProblem[] = [];
  if ('communeInsee' in place) {
    const code = place.communeInsee.trim().toUpperCase();
    const at = ['communeInsee'];
    if (!/^(\d{2}|2A|2B)\d{3}$/.test(code))
      errors.push({
        path: at,
        detail: 'Code commune INSEE : 5 caractères, le département puis la commune (2A et 2B pour la Corse).',
      });
    else if (code.startsWith('20'))
      errors.push({
        path: at,
        detail: 'Les communes de Corse se codent 2A (Corse-du-Sud) ou 2B (Haute-Corse).',
      });
    else if (code.startsWith('99'))
      errors.push({ path: at, detail: 'Un code 99… désigne un pays : indiquez-le comme pays de naissance.' });
    else if (!directory.departments.has(departmentOf(code)))
      errors.push({ path: at, detail: `Le département « ${departmentOf(code)} » n’existe pas.` });
    else if (CITIES_WITH_ARRONDISSEMENTS[code])
      warnings.push({
        path: at,
        detail: `Pour ${CITIES_WITH_ARRONDISSEMENTS[code]}, la Caisse des Dépôts attend l’arrondissement de naissance.`,
      });
    else if (!directory.communes.has(code))
      warnings.push({
        path: at,
        detail:
          'Ce code ne figure pas dans la liste actuelle des communes : vérifiez-le (une commune fusionnée ou renommée depuis la naissance garde son ancien code).',
      });
    return { place: { communeInsee: code }, errors, warnings };
  }
  const code = place.countryInsee.trim();
  const at = ['countryInsee'];
  if (code === FRANCE_COUNTRY_CODE)
    errors.push({ path: at, detail: 'Pour une naissance en France, indiquez la commune de naissance.' });
  else if (!/^99[1-5]\d{2}$/.test(code))
    errors.push({
      path: at,
      detail: 'Code pays INSEE : 99 suivi de 3 chiffres (par exemple 99134 pour l’Espagne).',
    });
  return { place: { countryInsee: code }, errors, warnings };
}

/** The country as the CDC's flux expect it: the 3 characters after `99`. */
export function cdcCountryCode(countryInsee: string): string {
  return countryInsee.slice(2);
}

// ---- NIR ----------------------------------------------------------------------------------

/** The NIR without spaces, dots or dashes, in capitals (2A / 2B). */
export function normaliseNir(raw: string): string {
  return raw.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * The NIR's key: 97 minus the first 13 characters modulo 97, Corsica's 2A and 2B counted as 19
 * and 18.
 */
export function nirKey(first13: string): number {
  const digits = first13.replace('2A', '19').replace('2B', '18');
  return 97 - Number(BigInt(digits) % 97n);
}

const NIR_SHAPE = /^[1-478]\d{2}(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2A|2B)\d{6}\d{2}$/;

/**
 * What is wrong with a NIR (normalised), or undefined: its shape (sex, year, month, department,
 * commune, order, key) and its key.
 */
export function nirProblem(nir: string): string | undefined {
  if (!/^[0-9AB]{15}$/.test(nir) || !NIR_SHAPE.test(nir))
    return 'Le NIR compte 15 caractères : sexe, année, mois, département (2A ou 2B en Corse), commune, rang et clé.';
  const key = Number(nir.slice(13));
  if (nirKey(nir.slice(0, 13)) !== key) return 'La clé du NIR ne correspond pas : vérifiez le numéro.';
  return undefined;
}

/**
 * Where the NIR disagrees with the declared identity: sex (1 and 7: man; 2 and 8: woman), year
 * of birth, month when both are known. The CDC rejects such a deposit.
 */
export function nirIdentityProblems(
  nir: string,
  identity: { sex: Sex; birthDate: PartialBirthDate },
): string[] {
  const problems: string[] = [];
  const sexDigit = nir[0];
  const nirSex =
    sexDigit === '1' || sexDigit === '7' ? 'M' : sexDigit === '2' || sexDigit === '8' ? 'F' : undefined;
  if (nirSex && nirSex !== identity.sex) problems.push('Le NIR ne correspond pas au sexe indiqué.');
  if (Number(nir.slice(1, 3)) !== identity.birthDate.year % 100)
    problems.push('Le NIR ne correspond pas à l’année de naissance.');
  const month = Number(nir.slice(3, 5));
  if (
    month >= 1 &&
    month <= 12 &&
    identity.birthDate.month !== undefined &&
    month !== identity.birthDate.month
  )
    problems.push('Le NIR ne correspond pas au mois de naissance.');
  return problems;
}

/** The NIR as shown to people: its first character and its key, the rest hidden. */
export function maskNir(nir: string): string {
  return `${nir[0]} ** ** ** *** *** ${nir.slice(13)}`;
}

// ---- possible duplicates ------------------------------------------------------------------

/** A name compared without accents, case, hyphens, apostrophes or repeated spaces: « Le Goff » = « LE-GOFF ». */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/Œ/g, 'OE')
    .replace(/Æ/g, 'AE')
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/**
 * The key two records of one person share: birth name, first first name and birth date. Two
 * people with the same key are homonyms until someone says otherwise.
 */
export function identityKey(identity: {
  birthName: string;
  firstNames: readonly string[];
  birthDate: PartialBirthDate;
}): string {
  return [
    normaliseName(identity.birthName),
    normaliseName(identity.firstNames[0] ?? ''),
    birthDateKey(identity.birthDate),
  ].join('|');
}

/** An email as compared for duplicates: trimmed, lower case. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Why an existing candidate may be the same person as the one being created: same identity
 * key, same email, or same NIR (compared by its keyed hash, never in clear). Empty: not a
 * possible duplicate.
 */
export function duplicateReasons(
  incoming: { identityKey: string; emailKey: string | null; nirHash?: string | null },
  existing: { identityKey: string; emailKey: string | null; nirHash?: string | null },
): ('identity' | 'email' | 'nir')[] {
  const reasons: ('identity' | 'email' | 'nir')[] = [];
  if (incoming.identityKey === existing.identityKey) reasons.push('identity');
  if (incoming.emailKey && incoming.emailKey === existing.emailKey) reasons.push('email');
  if (incoming.nirHash && incoming.nirHash === existing.nirHash) reasons.push('nir');
  return reasons;
}
