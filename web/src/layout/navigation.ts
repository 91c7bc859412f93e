import type { Role } from '../api/types';

export type NavItem = { to: string; label: string };

/** Whether a link leads to the current page or to the section it is in. */
export function isActive(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The pages open to everyone: the public header's links, and the signed-in navigation's. */
export const publicNavigation: NavItem[] = [
  { to: '/catalogue', label: 'Catalogue' },
  { to: '/verifier-une-inscription', label: 'Vérifier une inscription' },
  { to: '/verifier', label: 'Vérifier un certificat' },
  { to: '/simuler', label: 'Simuler' },
  { to: '/regles-d-acces', label: 'Règles d’accès' },
];

/** Every signed-in person sees these, whatever their roles. */
const everyone: NavItem[] = [
  { to: '/', label: 'Accueil' },
  ...publicNavigation,
  { to: '/sessions', label: 'Mes sessions' },
];

/** What each role adds to the navigation: a module adds its pages here. */
export const navigationByRole: Record<Role, NavItem[]> = {
  admin: [
    { to: '/admin/utilisateurs', label: 'Utilisateurs' },
    { to: '/admin/branches', label: 'Branches et CPNE' },
    { to: '/admin/organisations', label: 'Organisations' },
    { to: '/admin/audit', label: "Journal d'audit" },
    { to: '/gestion/certifications', label: 'Mes certifications' },
    { to: '/admin/registre', label: 'Registre RNCP / RS' },
    { to: '/gestion/alertes-registre', label: 'Alertes du registre' },
    { to: '/candidatures', label: 'Candidatures' },
    { to: '/jurys', label: 'Jurys' },
    { to: '/gestion/jurys/regles', label: 'Règles de jury' },
    { to: '/attributions', label: 'Attributions' },
    { to: '/depots-cdc', label: 'Dépôts CDC' },
  ],
  branch_manager: [
    { to: '/gestion/certifications', label: 'Mes certifications' },
    { to: '/gestion/alertes-registre', label: 'Alertes du registre' },
    { to: '/candidatures', label: 'Candidatures' },
    { to: '/jurys', label: 'Jurys' },
    { to: '/gestion/jurys/regles', label: 'Règles de jury' },
    { to: '/attributions', label: 'Attributions' },
    { to: '/depots-cdc', label: 'Dépôts CDC' },
  ],
  training_org: [{ to: '/candidatures', label: 'Candidatures' }],
  evaluator: [{ to: '/evaluations', label: 'Mes évaluations' }],
  jury_member: [{ to: '/jurys', label: 'Mes jurys' }],
  employer: [{ to: '/candidatures', label: 'Mes salariés en parcours' }],
  advisor: [
    { to: '/candidatures', label: 'Parcours des branches' },
    { to: '/attributions', label: 'Attributions' },
    { to: '/depots-cdc', label: 'Dépôts CDC' },
  ],
  candidate: [
    { to: '/mon-parcours', label: 'Mon parcours' },
    { to: '/mes-certifications', label: 'Mes certifications' },
  ],
};

/** The navigation of someone holding these roles, without duplicates, in a stable order. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  const items = [...everyone, ...roles.flatMap((role) => navigationByRole[role] ?? [])];
  return items.filter((item, index) => items.findIndex((other) => other.to === item.to) === index);
}

/** A part of the app, by address prefix, reserved to some roles. */
export type RestrictedArea = { prefix: string; roles: readonly Role[]; reservedTo: string };

/** The back office: certifications and registry alerts of one's branches. */
export const MANAGEMENT_AREA: RestrictedArea = {
  prefix: '/gestion/',
  roles: ['admin', 'branch_manager'],
  reservedTo: 'aux gestionnaires de branche et à l’administration de Qualif',
};

/** Enrolling candidates, one by one or by file: those the API lets enrol (it narrows them to their scope). */
export const ENROLMENT_ROLES: readonly Role[] = ['admin', 'branch_manager', 'training_org'];
const ENROLMENT_RESERVED = 'aux organismes de formation, aux gestionnaires de branche et à l’administration';

/**
 * The areas of the app reserved to some roles, by address: anyone else signed in gets the
 * refusal page instead of the page (the API refuses their requests anyway). A page added
 * under one of these prefixes is guarded without further ado.
 */
export const RESTRICTED_AREAS: readonly RestrictedArea[] = [
  { prefix: '/admin/', roles: ['admin'], reservedTo: 'à l’administration de Qualif' },
  MANAGEMENT_AREA,
  { prefix: '/candidatures/nouvelle/', roles: ENROLMENT_ROLES, reservedTo: ENROLMENT_RESERVED },
  { prefix: '/candidatures/import/', roles: ENROLMENT_ROLES, reservedTo: ENROLMENT_RESERVED },
  { prefix: '/mon-parcours/', roles: ['candidate'], reservedTo: 'aux candidats et candidates' },
  { prefix: '/mes-certifications/', roles: ['candidate'], reservedTo: 'aux candidats et candidates' },
  {
    prefix: '/attributions/',
    roles: ['admin', 'branch_manager', 'advisor'],
    reservedTo: 'aux gestionnaires et conseillers des branches et à l’administration de Qualif',
  },
  // The first area an address falls in decides: convening before reading.
  {
    prefix: '/jurys/nouveau/',
    roles: ['admin', 'branch_manager'],
    reservedTo: 'aux gestionnaires de branche et à l’administration de Qualif',
  },
  {
    prefix: '/depots-cdc/',
    roles: ['admin', 'branch_manager', 'advisor'],
    reservedTo: 'aux gestionnaires et conseillers des branches et à l’administration de Qualif',
  },
  {
    prefix: '/jurys/',
    roles: ['admin', 'branch_manager', 'jury_member'],
    reservedTo: 'aux gestionnaires de branche, aux membres de jury et à l’administration de Qualif',
  },
];

/** The area this address belongs to when these roles may not open it, else undefined. */
export function refusedArea(pathname: string, roles: readonly Role[]): RestrictedArea | undefined {
  const area = RESTRICTED_AREAS.find(
    (a) => pathname === a.prefix.slice(0, -1) || pathname.startsWith(a.prefix),
  );
  return area && !area.roles.some((role) => roles.includes(role)) ? area : undefined;
}
