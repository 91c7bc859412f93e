import type { Role } from '../api/types';

export type NavItem = { to: string; label: string };

/** Every signed-in person sees these, whatever their roles. */
const everyone: NavItem[] = [
  { to: '/', label: 'Accueil' },
  { to: '/catalogue', label: 'Catalogue' },
  { to: '/verifier-une-inscription', label: 'Vérifier une inscription' },
  { to: '/simuler', label: 'Simuler les voies d’accès' },
  { to: '/regles-d-acces', label: 'Règles d’accès' },
  { to: '/sessions', label: 'Mes sessions' },
];

/** What each role adds to the navigation: a module adds its pages here. */
export const navigationByRole: Record<Role, NavItem[]> = {
  admin: [
    { to: '/admin/utilisateurs', label: 'Utilisateurs' },
    { to: '/admin/audit', label: "Journal d'audit" },
    { to: '/gestion/certifications', label: 'Mes certifications' },
    { to: '/admin/registre', label: 'Registre RNCP / RS' },
    { to: '/gestion/alertes-registre', label: 'Alertes du registre' },
  ],
  branch_manager: [
    { to: '/gestion/certifications', label: 'Mes certifications' },
    { to: '/gestion/alertes-registre', label: 'Alertes du registre' },
  ],
  training_org: [],
  evaluator: [],
  jury_member: [],
  employer: [],
  advisor: [],
  candidate: [],
};

/** The navigation of someone holding these roles, without duplicates, in a stable order. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  const items = [...everyone, ...roles.flatMap((role) => navigationByRole[role] ?? [])];
  return items.filter((item, index) => items.findIndex((other) => other.to === item.to) === index);
}
