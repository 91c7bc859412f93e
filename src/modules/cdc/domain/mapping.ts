/**
 * How Qualif's vocabulary maps onto the CDC's flux (XSD 1.1.2, enumerations `modaliteAcces`,
 * `voieAccesVAE`, `initiativeInscription`), and which awards can be deposited at all
 * (docs/cdc-deposit.md, docs/adr/0008-cdc-deposit.md). Pure code.
 */

export const MODALITES_ACCES = [
  'FORMATION_INITIALE_HORS_APPRENTISSAGE',
  'FORMATION_INITIALE_APPRENTISSAGE',
  'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION',
  'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION',
  'VAE',
  'EQUIVALENCE_DIPLOME_ETRANGER',
  'CANDIDAT_LIBRE',
] as const;
export type ModaliteAcces = (typeof MODALITES_ACCES)[number];

export type InitiativeInscription = 'CERTIFIE' | 'OF' | 'POLE_EMPLOI' | 'EMPLOYEUR' | 'AUTRE';

const CONTINUE = 'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION';

/**
 * The access route of a candidacy (eligibility's route ids, or `self_funded`) → `modaliteAcces`.
 * The contract of professionalisation is continuing training under that contract; an
 * apprenticeship is initial training by apprenticeship (the CDC's own classification); VAE is
 * VAE (`voieAccessVAE` VAE_CLASSIQUE: Qualif does not record a « congé VAE »); every other
 * funded route (plan, Pro-A, reconversion, période pro, CPF, CPF de transition, POEI, POEC) and
 * self-funding are continuing training outside that contract. An unknown route → null, which
 * the XSD allows (`xsi:nil`).
 */
export function modaliteAccesOf(route: string): { modalite: ModaliteAcces | null; vae: boolean } {
  switch (route) {
    case 'contrat_pro':
      return { modalite: 'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION', vae: false };
    case 'apprentissage':
      return { modalite: 'FORMATION_INITIALE_APPRENTISSAGE', vae: false };
    case 'vae':
      return { modalite: 'VAE', vae: true };
    case 'plan_developpement':
    case 'reconversion':
    case 'pro_a':
    case 'periode_pro':
    case 'cpf':
    case 'cpf_transition':
    case 'poei':
    case 'poec':
    case 'self_funded':
      return { modalite: CONTINUE, vae: false };
    default:
      return { modalite: null, vae: false };
  }
}

/** Who asked for the enrolment (candidacies' `initiative`) → `initiativeInscription`. */
export function initiativeOf(initiative: string): InitiativeInscription {
  switch (initiative) {
    case 'candidate':
      return 'CERTIFIE';
    case 'employer':
      return 'EMPLOYEUR';
    case 'training_organisation':
      return 'OF';
    case 'france_travail':
      return 'POLE_EMPLOI';
    default:
      return 'AUTRE';
  }
}
