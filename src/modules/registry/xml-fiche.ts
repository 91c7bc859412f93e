import { normaliseSiret } from '../catalogue/domain/siret.js';
import {
  type Bloc,
  type Certifier,
  type CodeLabel,
  type Correspondence,
  compact,
  type FicheTexts,
  inactiveJuries,
  JURY_ROUTES,
  type Partner,
  type PromotionStatistics,
  parseCount,
  parseFrenchDate,
  parseHabilitation,
  parseLevel,
  parseOuiNon,
  parseRate,
  type RegistryFiche,
  registryOf,
} from './domain/fiche.js';
import { RegistryFileError, where } from './errors.js';

/** One element of a FICHE, as the streaming parser builds it (attributes are not used by the flux). */
export type XmlElement = {
  name: string;
  /** Text and CDATA, concatenated, untrimmed. */
  text: string;
  children: XmlElement[];
  /** Line of the opening tag. */
  line: number;
};

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
const childrenOf = (el: XmlElement | undefined, name: string) =>
  el ? el.children.filter((c) => c.name === name) : [];
/** Trimmed text, undefined when absent or empty. */
const textOf = (el: XmlElement | undefined) => {
  const t = el?.text.trim();
  return t ? t : undefined;
};

/**
 * Maps a FICHE element to a RegistryFiche. Unknown elements are ignored (the flux gains
 * elements over versions); values with a defined format (dates, Oui/Non, numbers, levels,
 * habilitations, fiche numbers) are checked and a deviation is a RegistryFileError naming the
 * fiche, the element and its line.
 */
export function ficheFromXml(fiche: XmlElement): RegistryFiche {
  const numeroEl = child(fiche, 'NUMERO_FICHE');
  const numeroText = textOf(numeroEl);
  const fail = (el: XmlElement | undefined, name: string, problem: string): never => {
    const line = el?.line ?? fiche.line;
    throw new RegistryFileError(
      `Fiche ${numeroText ?? `commençant ${where(fiche.line)}`}, élément ${name} (${where(line)}) : ${problem}`,
      { line, ...(numeroText ? { fiche: numeroText } : {}), element: name },
    );
  };
  /** Text of a required child. */
  const required = (parent: XmlElement, name: string): string =>
    textOf(child(parent, name)) ?? fail(parent, name, 'valeur manquante.');
  const optional = (parent: XmlElement | undefined, name: string) =>
    parent ? textOf(child(parent, name)) : undefined;
  const date = (parent: XmlElement | undefined, name: string): string | undefined => {
    const el = parent ? child(parent, name) : undefined;
    const value = textOf(el);
    if (value === undefined) return undefined;
    return (
      parseFrenchDate(value) ?? fail(el, name, `date invalide « ${value} » (format attendu JJ/MM/AAAA).`)
    );
  };
  const ouiNon = (parent: XmlElement, name: string): boolean => {
    const el = child(parent, name);
    const value = required(parent, name);
    return parseOuiNon(value) ?? fail(el, name, `valeur « ${value} » au lieu de Oui ou Non.`);
  };
  const number = (
    parent: XmlElement,
    name: string,
    parse: (v: string) => number | null,
  ): number | undefined => {
    const el = child(parent, name);
    const value = textOf(el);
    if (value === undefined) return undefined;
    return parse(value) ?? fail(el, name, `nombre invalide « ${value} ».`);
  };
  const codes = (wrapper: string, item: string): CodeLabel[] =>
    childrenOf(child(fiche, wrapper), item).map((el) => ({
      code: required(el, 'CODE'),
      label: optional(el, 'LIBELLE') ?? '',
    }));

  const numero = numeroText ?? fail(numeroEl, 'NUMERO_FICHE', 'valeur manquante.');
  const registry =
    registryOf(numero) ?? fail(numeroEl, 'NUMERO_FICHE', `numéro « ${numero} » (attendu RNCP… ou RS…).`);
  const idFiche = number(fiche, 'ID_FICHE', parseCount) ?? fail(undefined, 'ID_FICHE', 'valeur manquante.');

  const abrege = child(fiche, 'ABREGE');
  const abbreviationCode = optional(abrege, 'CODE');

  const nomenclature = child(fiche, 'NOMENCLATURE_EUROPE');
  const niveauEl = nomenclature ? child(nomenclature, 'NIVEAU') : undefined;
  const niveau = textOf(niveauEl);
  let level: number | undefined;
  if (niveau !== undefined) {
    const parsed = parseLevel(niveau);
    if (parsed === null) fail(niveauEl, 'NIVEAU', `niveau « ${niveau} » (attendu NIV3 à NIV8).`);
    else level = parsed;
  }

  const certifiers: Certifier[] = childrenOf(child(fiche, 'CERTIFICATEURS'), 'CERTIFICATEUR').map((el) => {
    const siret = optional(el, 'SIRET_CERTIFICATEUR');
    return compact({
      siret: siret ? normaliseSiret(siret) : undefined,
      name: required(el, 'NOM_CERTIFICATEUR'),
      state: optional(el, 'ETAT_CERTIFICATEUR'),
    });
  });

  const partners: Partner[] = childrenOf(child(fiche, 'PARTENAIRES'), 'PARTENAIRE').map((el) => {
    const habilitationText = required(el, 'HABILITATION_PARTENAIRE');
    const habilitation =
      parseHabilitation(habilitationText) ??
      fail(
        child(el, 'HABILITATION_PARTENAIRE'),
        'HABILITATION_PARTENAIRE',
        `valeur « ${habilitationText} ».`,
      );
    return compact({
      name: required(el, 'NOM_PARTENAIRE'),
      siret: normaliseSiret(required(el, 'SIRET_PARTENAIRE')),
      habilitation,
      state: optional(el, 'ETAT_HABILITATION'),
      activeSince: date(el, 'DATE_ACTIF'),
    });
  });

  const juries = inactiveJuries();
  for (const route of JURY_ROUTES) {
    const el = child(fiche, `SI_JURY_${route}`);
    if (!el) continue;
    juries[route] = compact({ active: ouiNon(el, 'ACTIF'), composition: optional(el, 'COMPOSITION') });
  }

  const blocs: Bloc[] = childrenOf(child(fiche, 'BLOCS_COMPETENCES'), 'BLOC_COMPETENCES').map((el) =>
    compact({
      code: required(el, 'CODE'),
      label: required(el, 'LIBELLE'),
      competencies: optional(el, 'LISTE_COMPETENCES'),
      assessment: optional(el, 'MODALITES_EVALUATION'),
    }),
  );

  const ccn = fiche.children
    .filter((c) => /^CCN_\d+$/.test(c.name))
    .map((el) => ({ numero: required(el, 'NUMERO'), label: optional(el, 'LIBELLE') ?? '' }));

  const successors = childrenOf(child(fiche, 'NOUVELLES_CERTIFICATIONS'), 'NOUVELLE_CERTIFICATION')
    .map((el) => optional(el, 'ID_FICHE_NOUVELLE_CERTIFICATION'))
    .filter((n): n is string => n !== undefined);
  const predecessors = childrenOf(child(fiche, 'ANCIENNES_CERTIFICATIONS'), 'ANCIENNE_CERTIFICATION')
    .map((el) => optional(el, 'ID_FICHE_ANCIENNE_CERTIFICATION'))
    .filter((n): n is string => n !== undefined);

  const blocCodes = (parent: XmlElement | undefined) =>
    childrenOf(parent, 'BLOC_COMPETENCES').map((b) => required(b, 'CODE'));
  const correspondences: Correspondence[] = childrenOf(child(fiche, 'CORRESPONDANCES'), 'CORRESPONDANCE').map(
    (el) => {
      const destination = child(el, 'DESTINATION') ?? fail(el, 'DESTINATION', 'élément manquant.');
      return {
        sourceBlocs: blocCodes(child(el, 'SOURCE')),
        destinationFiche: required(destination, 'NUMERO_FICHE'),
        destinationBlocs: blocCodes(destination),
      };
    },
  );

  const statistics: PromotionStatistics[] = childrenOf(
    child(fiche, 'STATISTIQUES_PROMOTIONS'),
    'STATISTIQUES_PROMOTION',
  ).map((el) =>
    compact({
      year: number(el, 'ANNEE', parseCount) ?? fail(el, 'ANNEE', 'valeur manquante.'),
      certified:
        number(el, 'NOMBRE_CERTIFIES', parseCount) ?? fail(el, 'NOMBRE_CERTIFIES', 'valeur manquante.'),
      certifiedVae: number(el, 'NOMBRE_CERTIFIES_VAE', parseCount),
      insertion6Months: number(el, 'TAUX_INSERTION_GLOBAL_6MOIS', parseRate),
      insertionJob2Years: number(el, 'TAUX_INSERTION_METIER_2ANS', parseRate),
    }),
  );

  const texts: FicheTexts = compact({
    activities: optional(fiche, 'ACTIVITES_VISEES'),
    capacities: optional(fiche, 'CAPACITES_ATTESTEES'),
    sectors: optional(fiche, 'SECTEURS_ACTIVITE'),
    jobTypes: optional(fiche, 'TYPE_EMPLOI_ACCESSIBLES'),
    objectives: optional(fiche, 'OBJECTIFS_CONTEXTE'),
  });

  return compact({
    numero,
    registry,
    idFiche,
    title: required(fiche, 'INTITULE'),
    abbreviation: abbreviationCode
      ? { code: abbreviationCode, label: optional(abrege, 'LIBELLE') ?? '' }
      : undefined,
    state: optional(fiche, 'ETAT_FICHE'),
    active: ouiNon(fiche, 'ACTIF'),
    registrationType: optional(fiche, 'TYPE_ENREGISTREMENT'),
    decisionDate: date(fiche, 'DATE_DECISION'),
    publicationDate: date(fiche, 'DATE_DE_PUBLICATION'),
    effectDate: date(fiche, 'DATE_EFFET'),
    lastJoDate: date(fiche, 'DATE_DERNIER_JO'),
    endDate: date(fiche, 'DATE_FIN_ENREGISTREMENT'),
    deliveryDeadline: date(fiche, 'DATE_LIMITE_DELIVRANCE'),
    level,
    certifiers,
    partners,
    juries,
    blocs,
    rome: codes('CODES_ROME', 'ROME'),
    nsf: codes('CODES_NSF', 'NSF'),
    formacode: codes('FORMACODES', 'FORMACODE'),
    idcc: codes('CODES_IDCC', 'IDCC'),
    ccn,
    successors,
    predecessors,
    correspondences,
    statistics,
    texts,
  });
}
