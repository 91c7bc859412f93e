/**
 * The candidate facts the eligibility rules read that both the API (its zod enums) and the web
 * simulator (its labels) name: one list each, so the two cannot drift apart.
 */

/** The employee's contract, as the access routes distinguish them (Pro-A, période pro, CIF, POE). */
export const CONTRACT_TYPES = [
  'cdi',
  'cdd',
  'cdd_iae',
  'cui',
  'cui_cdi',
  'sports_cdd',
  'temporary',
  'other',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  cdd_iae: 'CDD d’insertion (structure d’insertion par l’activité économique)',
  cui: 'Contrat unique d’insertion à durée déterminée',
  cui_cdi: 'Contrat unique d’insertion à durée indéterminée',
  sports_cdd: 'CDD de sportif ou d’entraîneur professionnel',
  temporary: 'Intérim',
  other: 'Autre contrat',
};

/** The 2015–2018 CPF lists; `cpne`: the CPNE list of the candidate's own branch. */
export const CPF_LISTS = ['cpne', 'copanef', 'coparef'] as const;
export type CpfList = (typeof CPF_LISTS)[number];

export const CPF_LIST_LABELS: Record<CpfList, string> = {
  cpne: 'Liste de la CPNE de la branche du candidat',
  copanef: 'Liste nationale interprofessionnelle (COPANEF)',
  coparef: 'Liste régionale interprofessionnelle (COPAREF)',
};
