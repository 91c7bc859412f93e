/**
 * The individual pathway (« parcours individualisé ») as the server and the web app name it:
 * the kinds of module, what the pathway plans for each targeted bloc, where the pathway comes
 * from, who acknowledges it, and their French labels. Rules:
 * src/modules/candidates/domain/pathway.ts. Pure code.
 */

/** `training`: hours of training; `work_situation`: work with a tutor at the employer; `vae`: a VAE dossier. */
export const PATHWAY_MODULE_KINDS = ['training', 'work_situation', 'vae'] as const;
export type PathwayModuleKind = (typeof PATHWAY_MODULE_KINDS)[number];

export const PATHWAY_MODULE_KIND_LABELS: Readonly<Record<PathwayModuleKind, string>> = {
  training: 'Formation',
  work_situation: 'Situation de travail',
  vae: 'Dossier de VAE',
};

/**
 * What the pathway plans for a targeted bloc: `carried` (acquired earlier: nothing to do),
 * `assess_directly` (every competency held at positioning: assessed without module),
 * `to_acquire` (competencies to acquire through modules).
 */
export const PATHWAY_BLOC_PLANS = ['carried', 'assess_directly', 'to_acquire'] as const;
export type PathwayBlocPlan = (typeof PATHWAY_BLOC_PLANS)[number];

export const PATHWAY_BLOC_PLAN_LABELS: Readonly<Record<PathwayBlocPlan, string>> = {
  carried: 'Acquis antérieurement',
  assess_directly: 'À évaluer directement',
  to_acquire: 'À acquérir',
};

/** `generated` from the positioning's gaps; `edited` by hand (a new generation must be asked to replace it). */
export const PATHWAY_ORIGINS = ['generated', 'edited'] as const;
export type PathwayOrigin = (typeof PATHWAY_ORIGINS)[number];

export const PATHWAY_ORIGIN_LABELS: Readonly<Record<PathwayOrigin, string>> = {
  generated: 'Proposé à partir du positionnement',
  edited: 'Modifié par l’organisme',
};

/** Who acknowledges the pathway. */
export const PATHWAY_PARTIES = ['candidate', 'employer'] as const;
export type PathwayParty = (typeof PATHWAY_PARTIES)[number];

export const PATHWAY_PARTY_LABELS: Readonly<Record<PathwayParty, string>> = {
  candidate: 'Le candidat ou la candidate',
  employer: 'L’employeur',
};
