/**
 * The identity pre-flight before a deposit: the checks the Caisse des Dépôts applies when it
 * matches a holder against the national identity register (RNIPP), run before a flux is built
 * so that a holder who would come back « passage KO » is listed with the reason and left out.
 * Reasons are French and name fields only, never their values (they end up in answers that may
 * be logged by a proxy, and in the screen's list). Pure code: the list of communes is handed in.
 */
import type { IsoDate } from '../../../contracts/dates.js';
import type { CdcHolderAward } from '../../candidates/cdc-holders.service.js';
import {
  CITIES_WITH_ARRONDISSEMENTS,
  type CommuneDirectory,
  cdcCountryCode,
  checkBirthPlace,
} from '../../candidates/domain/identity.js';

/** The holder's identity as the candidates' service gives it. */
export type HolderIdentity = CdcHolderAward['identity'];

/** What goes into the flux's `titulaire`, once the identity passed. */
export type FluxHolder = {
  birthName: string;
  usageName: string | null;
  /** At most three (prenom1–3), the first one present. */
  firstNames: string[];
  sex: 'F' | 'M';
  birthYear: number;
  birthMonth: number | null;
  birthDay: number | null;
  /** Born in France: the commune's INSEE code; abroad: null. */
  communeInsee: string | null;
  /** Born abroad: the 3 digits after 99 of INSEE's country code; in France: null. */
  countryCode: string | null;
};

/** Names as the XSD takes them (1–60 characters) and as the RNIPP writes them: Latin letters with their accents, spaces, hyphens, apostrophes. */
const NAME = /^[A-Za-zÀ-ÖØ-öø-ÿŒœŸ]+(?:(?: |-|'|’| - |' |’ )[A-Za-zÀ-ÖØ-öø-ÿŒœŸ]+)*$/;
const NAME_MAX = 60;

function nameProblem(value: string | null, label: string, required: boolean): string | undefined {
  const v = value?.trim() ?? '';
  if (v === '') return required ? `${label} manquant.` : undefined;
  if (v.length > NAME_MAX)
    return `${label} : ${NAME_MAX} caractères au plus dans le flux de la Caisse des Dépôts.`;
  if (!NAME.test(v))
    return `${label} : caractères non admis par la Caisse des Dépôts (lettres, espaces, tirets et apostrophes seulement).`;
  return undefined;
}

/** The name as written in the flux: trimmed, the typographic apostrophe as the ASCII one. */
const fluxName = (v: string) => v.trim().replace(/’/g, "'");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type Preflight = { ok: true; holder: FluxHolder } | { ok: false; reasons: string[] };

/**
 * Checks one holder's identity as of `today`. Complete birth data (year, month and day — the
 * CDC's matching is « enrichi du jour et du mois de naissance »; only a birth abroad may lack
 * the day and month, as some foreign civil records do), sex, a birth place: born in France, a
 * well-formed commune code of an existing department, the arrondissement for Paris, Lyon and
 * Marseille; born abroad, INSEE's country code (99xxx, never France's 99100). A commune code
 * absent from today's list (a commune merged since the birth keeps its code in the register)
 * is not refused: the list Qualif bundles is today's, not the one in force on the birth date.
 */
export function preflight(identity: HolderIdentity, directory: CommuneDirectory, today: IsoDate): Preflight {
  if (identity.anonymised)
    return {
      ok: false,
      reasons: ['Identité effacée à la fin de sa durée de conservation : plus de dépôt possible.'],
    };
  const reasons: string[] = [];
  const push = (r: string | undefined) => {
    if (r) reasons.push(r);
  };
  push(nameProblem(identity.birthName, 'Nom de naissance', true));
  push(nameProblem(identity.usageName, 'Nom d’usage', false));
  const firstNames = identity.firstNames.map((f) => f.trim()).filter((f) => f !== '');
  if (firstNames.length === 0) reasons.push('Prénom manquant.');
  firstNames.slice(0, 3).forEach((f, i) => {
    push(nameProblem(f, i === 0 ? 'Premier prénom' : `Prénom ${i + 1}`, true));
  });
  if (identity.sex !== 'F' && identity.sex !== 'M') reasons.push('Sexe manquant.');

  const thisYear = Number(today.slice(0, 4));
  const { birthYear: y, birthMonth: m, birthDay: d } = identity;
  if (!Number.isInteger(y) || y < 1900 || y > thisYear)
    reasons.push('Année de naissance manquante ou hors de la plage admise.');
  if (m !== null && (m < 1 || m > 12)) reasons.push('Mois de naissance invalide.');
  else if (m !== null && d !== null && (d < 1 || d > daysInMonth(y, m)))
    reasons.push('Jour de naissance invalide.');
  if (d !== null && m === null) reasons.push('Jour de naissance sans mois de naissance.');

  let communeInsee: string | null = null;
  let countryCode: string | null = null;
  const commune = identity.birthCommuneInsee?.trim() || null;
  const country = identity.birthCountryInsee?.trim() || null;
  if (commune && country) reasons.push('Lieu de naissance : commune et pays à la fois ; un seul des deux.');
  else if (commune) {
    const check = checkBirthPlace({ communeInsee: commune }, directory);
    if (check.errors.length > 0) reasons.push('Code commune de naissance (INSEE) invalide.');
    else if (CITIES_WITH_ARRONDISSEMENTS[commune.toUpperCase()])
      reasons.push(
        'Code commune de naissance : pour Paris, Lyon et Marseille, la Caisse des Dépôts attend l’arrondissement.',
      );
    else communeInsee = commune.toUpperCase();
    if (m === null || d === null)
      reasons.push('Date de naissance incomplète (jour ou mois inconnu) pour une naissance en France.');
  } else if (country) {
    const check = checkBirthPlace({ countryInsee: country }, directory);
    if (check.errors.length > 0) reasons.push('Code pays de naissance (INSEE) invalide.');
    else countryCode = cdcCountryCode(country);
  } else reasons.push('Lieu de naissance manquant (commune en France ou pays à l’étranger).');

  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    holder: {
      birthName: fluxName(identity.birthName),
      usageName: identity.usageName?.trim() ? fluxName(identity.usageName) : null,
      firstNames: firstNames.slice(0, 3).map(fluxName),
      sex: identity.sex,
      birthYear: y,
      birthMonth: m,
      birthDay: m === null ? null : d,
      communeInsee,
      countryCode,
    },
  };
}
