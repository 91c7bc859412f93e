/**
 * The registry's enumerations (France compétences RNCP / RS open data) and their French names,
 * shared by the server and the web app. Pure code: no Node or browser API.
 */

/** The access routes of a fiche's juries (SI_JURY_*), as France compétences names them. */
export const JURY_ROUTES = ['FI', 'CA', 'FC', 'CQ', 'CL', 'VAE'] as const;
export type JuryRoute = (typeof JURY_ROUTES)[number];

export const JURY_ROUTE_LABELS: Readonly<Record<JuryRoute, string>> = {
  FI: 'Formation initiale (élève ou étudiant)',
  CA: 'Contrat d’apprentissage',
  FC: 'Formation continue',
  CQ: 'Contrat de professionnalisation',
  CL: 'Candidature individuelle',
  VAE: 'Validation des acquis de l’expérience (VAE)',
};

/** A partner organisation's habilitation on a fiche (HABILITATION_*). */
export const PARTNER_HABILITATIONS = ['FORMER', 'ORGANISER', 'ORGA_FORM'] as const;
export type PartnerHabilitation = (typeof PARTNER_HABILITATIONS)[number];

export const PARTNER_HABILITATION_LABELS: Readonly<Record<PartnerHabilitation, string>> = {
  FORMER: 'Former',
  ORGANISER: 'Organiser l’évaluation',
  ORGA_FORM: 'Former et organiser l’évaluation',
};

/** Where the registry and the catalogue disagree about a certification. */
export const ALERT_KINDS = [
  'registration_ended',
  'registration_differs',
  'title_differs',
  'successor',
  'fiche_missing',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_LABELS: Readonly<Record<AlertKind, string>> = {
  registration_ended: 'Inscription terminée au registre',
  registration_differs: 'Inscription différente du catalogue',
  title_differs: 'Intitulé différent',
  successor: 'Fiche remplacée par une nouvelle',
  fiche_missing: 'Fiche absente du registre',
};
