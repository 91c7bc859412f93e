import { ROLE_LABELS } from '../../src/contracts/roles';
import type { Grant, Role } from './api/types';

/** What each role does in Qualif, in a sentence: only what exists. */
export const ROLE_DUTIES: Record<Role, string> = {
  admin: "Administrer la plateforme : comptes, rôles et périmètres, vérification du journal d'audit.",
  branch_manager:
    'Gérer les CQP de la branche : référentiels, reconnaissance, habilitations des organismes, évaluateurs et membres de jury, alertes du registre ; convoquer et suivre les jurys.',
  training_org:
    'Inscrire vos candidats (un par un ou par fichier) et suivre leurs parcours de certification, étape par étape.',
  evaluator:
    'Évaluer les candidats qui vous sont confiés : votre agenda de sessions, les grilles à remplir puis signer.',
  jury_member:
    'Siéger aux jurys paritaires : vos convocations, les dossiers des candidats sur lesquels vous délibérez, la signature du procès-verbal.',
  employer: 'Suivre les parcours de certification de vos salariés.',
  advisor: 'Consulter les parcours de certification des branches que vous accompagnez et leurs financeurs.',
  candidate:
    'Suivre vos parcours de certification : les étapes, ce qui vous est demandé (auto-positionnement, parcours individuel, dates d’évaluation), vos documents et vos résultats.',
};

/** Where each role's own space is, for the home page: a module adds its role's line here. */
export const ROLE_SPACES: Partial<Record<Role, { to: string; label: string }>> = {
  candidate: { to: '/mon-parcours', label: 'Voir mon parcours' },
  evaluator: { to: '/evaluations', label: 'Voir mes évaluations' },
  jury_member: { to: '/jurys', label: 'Voir mes jurys' },
  training_org: { to: '/candidatures', label: 'Voir les candidatures' },
  employer: { to: '/candidatures', label: 'Voir mes salariés en parcours' },
  advisor: { to: '/candidatures', label: 'Voir les parcours des branches' },
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
