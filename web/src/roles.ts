import { ROLE_LABELS } from '../../src/contracts/roles';
import type { Grant, Role } from './api/types';

/** What each role does in Qualif, in a sentence. */
export const ROLE_DUTIES: Record<Role, string> = {
  admin: "Administrer la plateforme : comptes, rôles et périmètres, vérification du journal d'audit.",
  branch_manager:
    'Gérer les CQP de la branche : référentiels, habilitations des organismes, constitution des jurys.',
  training_org:
    'Inscrire les candidat·e·s, organiser formations et évaluations dans le cadre de vos habilitations.',
  evaluator: "Évaluer les candidat·e·s qui vous sont confié·e·s et renseigner les grilles d'évaluation.",
  jury_member: 'Examiner les dossiers des candidat·e·s et délibérer en jury sur la délivrance des CQP.',
  employer: 'Suivre les parcours de certification de vos salarié·e·s.',
  advisor: 'Accompagner les entreprises de la branche et suivre le financement des parcours.',
  candidate: 'Suivre votre parcours de certification : inscription, évaluations et résultats.',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

/** Over what a role is held: « Branche : Prévention et sécurité », « Toute la plateforme »… */
export function scopeLabel({ scope }: Grant): string {
  switch (scope.type) {
    case 'global':
      return 'Toute la plateforme';
    case 'branch':
      return scope.label ? `Branche : ${scope.label}` : 'Branche';
    case 'organisation':
      return scope.label ? `Organisme : ${scope.label}` : 'Organisme';
    case 'self':
      return scope.label ?? 'Vos propres dossiers';
  }
}

/** A grant in one line: « Organisme de formation — Organisme : Institut… ». */
export function grantLabel(grant: Grant): string {
  return `${roleLabel(grant.role)} — ${scopeLabel(grant)}`;
}
