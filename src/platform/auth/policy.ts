import { problems } from '../problem.js';
import type { Actor } from './actor.js';
import type { Role } from './roles.js';

/**
 * The one policy layer.
 *
 * Two gates, one answer rule:
 * 1. Each route declares `config.access` (checked in http/access.ts before the handler):
 *    `public`, `authenticated`, or the roles that may ever use the operation. A role that may
 *    never use it gets 403; nobody signed in gets 401.
 * 2. Each service asks `authorize(actor, action, resource)` (or `enforce`) before it reads or
 *    writes an object. An object the actor may not read answers 404, exactly as an unknown id;
 *    an object the actor may read but not change answers 403. Ids named inside a request body
 *    that are unknown or out of scope answer 422 naming the field (the service does that with
 *    `authorize` and `problems.unprocessable`).
 *
 * Resources are described by the facts the rules need (branch ids, owner id…), never by a
 * module's rows, so this file depends on no module. Each resource type lists every action it
 * has: `capabilities()` turns that list into the `can: {…}` object returned to the web app.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** The facts the rules look at, per resource type. */
export type Resources = {
  /** A branch (CPNE). */
  branch: { id: string };
  /** The set of branches: creating one. */
  branches: Record<string, never>;
  /** An organisation (training organisation, employer, assessment centre, OPCO). */
  organisation: { id: string };
  organisations: Record<string, never>;
  /**
   * A certification, managed by the branches that own it (`branchIds`: for a CQPI, the
   * branches that accepted to co-own it). `invitedBranchIds`: branches asked to co-own it
   * that have not answered yet. `status`: its lifecycle — a `draft` is read by the staff of
   * its owning branches (and by the managers of a branch invited to co-own it, who must see
   * what they are asked to take on) only; `active` and `retired` ones are public.
   */
  certification: {
    branchIds: readonly string[];
    invitedBranchIds?: readonly string[];
    status: 'draft' | 'active' | 'retired';
  };
  /** An invitation sent to a branch to co-own a CQPI. */
  coOwnershipInvitation: { branchId: string; certificationBranchIds: readonly string[] };
  /** A person's account. */
  user: { id: string };
  users: Record<string, never>;
  /** A sign-in session, owned by one person. */
  session: { ownerId: string };
  /** Registry imports (RNCP / RS open data): the platform's, run by admins. */
  registryImports: Record<string, never>;
  /** An alert raised on a certification when the registry disagrees with the catalogue. */
  registryAlert: { certificationBranchIds: readonly string[] };
  /** The audit trail. */
  audit: Record<string, never>;
  /** The development outbox (emails not sent). */
  outbox: Record<string, never>;
  /**
   * A candidacy: the branches owning its certification, its training organisation, its
   * employer, the account of its candidate (null until they have one), and the evaluators
   * assigned to assess it (none before assessments exist).
   */
  candidacy: CandidacyFacts;
  /** Enrolling someone: the certification's branches and the training organisation named. */
  candidacies: { certificationBranchIds: readonly string[]; trainingOrganisationId: string };
  /** A candidate's identity: their own account, and the candidacies it is read through. */
  candidate: { userId: string | null; candidacies: readonly CandidacyFacts[] };
  /**
   * An assessment session: its candidacy's facts and the evaluators assigned to this session
   * (only they fill and sign its grid).
   */
  assessment: { candidacy: CandidacyFacts; evaluatorIds: readonly string[] };
  /**
   * The evaluators habilitated for a certification (names, for scheduling): its branches, and
   * the training organisations holding a candidacy of it.
   */
  certificationEvaluators: { branchIds: readonly string[]; candidacyOrganisationIds: readonly string[] };
  /**
   * An award (a closed jury session's): its certification's branches, its candidacy's training
   * organisation, its candidate's account (null until they have one).
   */
  award: {
    certificationBranchIds: readonly string[];
    trainingOrganisationId: string;
    candidateUserId: string | null;
  };
  /**
   * A jury session: the branch convening it, the branches owning its certifications, its
   * members and its president.
   */
  jury: JuryFacts;
  /**
   * The jury rules of a branch (`branchIds`: that branch), or those set for a CQPI
   * (`branchIds`: its co-owning branches, any of which may set them; the others accept them).
   */
  juryRules: { branchIds: readonly string[] };
  /**
   * A certifier as the CDC knows it (a legal owner of certifications), its settings and its
   * deposits: `branchIds`, the branches owning its certifications (those in play).
   */
  cdcCertifier: { branchIds: readonly string[] };
};

export type CandidacyFacts = {
  certificationBranchIds: readonly string[];
  trainingOrganisationId: string;
  employerId: string | null;
  candidateUserId: string | null;
  evaluatorIds: readonly string[];
  /** The members of the jury sessions (not cancelled) the candidacy is attached to. */
  juryMemberIds?: readonly string[];
};

export type JuryFacts = {
  conveningBranchId: string;
  certificationBranchIds: readonly string[];
  memberIds: readonly string[];
  presidentId: string | null;
};
export type ResourceType = keyof Resources;

type Rule<R> = (actor: Actor | null, resource: R) => boolean;
type PolicyOf<R> = { read: Rule<R> } & Record<string, Rule<R>>;

function isAdmin(actor: Actor | null): boolean {
  return actor?.grants.some((g) => g.role === 'admin') ?? false;
}

function hasRole(actor: Actor | null, role: Role): boolean {
  return actor?.grants.some((g) => g.role === role) ?? false;
}

/** The branches on which the actor holds one of these roles. */
function branchesAs(actor: Actor | null, roles: readonly Role[]): string[] {
  return (actor?.grants ?? [])
    .filter((g) => roles.includes(g.role) && g.scope.type === 'branch' && g.scope.id)
    .map((g) => g.scope.id as string);
}

/** Admins, or a branch manager of one of these branches. */
function managesAny(actor: Actor | null, branchIds: readonly string[]): boolean {
  if (isAdmin(actor)) return true;
  const mine = branchesAs(actor, ['branch_manager']);
  return branchIds.some((b) => mine.includes(b));
}

/** Admins, or the branch's staff: its managers and its OPCO advisors (read only). */
function staffOfAny(actor: Actor | null, branchIds: readonly string[]): boolean {
  if (isAdmin(actor)) return true;
  const mine = branchesAs(actor, ['branch_manager', 'advisor']);
  return branchIds.some((b) => mine.includes(b));
}

/** The organisations on which the actor holds one of these roles. */
function organisationsAs(actor: Actor | null, roles: readonly Role[]): string[] {
  return (actor?.grants ?? [])
    .filter((g) => roles.includes(g.role) && g.scope.type === 'organisation' && g.scope.id)
    .map((g) => g.scope.id as string);
}

/**
 * Who reads a candidacy (and so its candidate's identity): admins; its certification's branch
 * staff (managers, OPCO advisors read-only); its training organisation; its employer; its
 * candidate; the evaluators assigned to it; the members of the jury sessions it is attached to.
 */
const candidacyRead: Rule<CandidacyFacts> = (actor, c) =>
  staffOfAny(actor, c.certificationBranchIds) ||
  organisationsAs(actor, ['training_org']).includes(c.trainingOrganisationId) ||
  (c.employerId !== null && organisationsAs(actor, ['employer']).includes(c.employerId)) ||
  (c.candidateUserId !== null && hasRole(actor, 'candidate') && actor?.userId === c.candidateUserId) ||
  (hasRole(actor, 'evaluator') && c.evaluatorIds.includes(actor?.userId ?? '')) ||
  (hasRole(actor, 'jury_member') && (c.juryMemberIds ?? []).includes(actor?.userId ?? ''));

/** Those who convene and run a jury session: admins and the convening branch's managers. */
const juryManage: Rule<JuryFacts> = (actor, j) => managesAny(actor, [j.conveningBranchId]);
const juryPresident: Rule<JuryFacts> = (actor, j) =>
  j.presidentId !== null && hasRole(actor, 'jury_member') && actor?.userId === j.presidentId;

/** Who moves a candidacy along (and enrols): admins, its branch managers, its training organisation. */
const candidacyManage = (
  actor: Actor | null,
  c: { certificationBranchIds: readonly string[]; trainingOrganisationId: string },
) =>
  managesAny(actor, c.certificationBranchIds) ||
  organisationsAs(actor, ['training_org']).includes(c.trainingOrganisationId);

const always = () => true;
const adminOnly = (actor: Actor | null) => isAdmin(actor);

const certificationManages: Rule<Resources['certification']> = (actor, c) => managesAny(actor, c.branchIds);

const POLICIES = {
  branch: {
    read: always,
    update: (actor, b) => managesAny(actor, [b.id]),
    /** Owning certifications in the branch's name (creating them, accepting co-ownership). */
    ownCertifications: (actor, b) => managesAny(actor, [b.id]),
  },
  branches: { read: always, create: adminOnly },
  organisation: {
    read: (actor) => actor !== null,
    update: (actor) => isAdmin(actor) || hasRole(actor, 'branch_manager'),
  },
  organisations: {
    read: (actor) => actor !== null,
    create: (actor) => isAdmin(actor) || hasRole(actor, 'branch_manager'),
    /** An employer not found while enrolling (SIRET checked): those who may enrol. */
    registerEmployer: (actor) =>
      isAdmin(actor) || hasRole(actor, 'branch_manager') || hasRole(actor, 'training_org'),
  },
  certification: {
    /**
     * Public once active (retired ones stay public). A draft: its owning branches' staff, and
     * the managers of a branch invited to co-own it (to decide on the invitation).
     */
    read: (actor, c) =>
      c.status !== 'draft' || staffOfAny(actor, c.branchIds) || managesAny(actor, c.invitedBranchIds ?? []),
    update: certificationManages,
    /** Putting a draft in the public catalogue (the transition itself is the domain's). */
    activate: certificationManages,
    /** Taking it off the catalogue: no new candidacies, kept public. */
    retire: certificationManages,
    manageEvents: certificationManages,
    manageFramework: certificationManages,
    readDrafts: certificationManages,
    manageHabilitations: certificationManages,
    /** Who is habilitated, with people's names: the staff of the certification's branches. */
    readHabilitations: (actor, c) => staffOfAny(actor, c.branchIds),
    linkRegistry: certificationManages,
    readRegistryAlerts: certificationManages,
  },
  coOwnershipInvitation: {
    /** The invited branch's managers and the inviting branches' managers see it. */
    read: (actor, i) => managesAny(actor, [i.branchId, ...i.certificationBranchIds]),
    answer: (actor, i) => managesAny(actor, [i.branchId]),
  },
  user: {
    read: (actor, u) => isAdmin(actor) || actor?.userId === u.id,
    update: adminOnly,
  },
  users: {
    read: adminOnly,
    create: adminOnly,
    /** Picking an evaluator or a jury member for a habilitation: names and emails only. */
    lookup: (actor) => isAdmin(actor) || hasRole(actor, 'branch_manager'),
  },
  session: {
    read: (actor, s) => isAdmin(actor) || actor?.userId === s.ownerId,
    revoke: (actor, s) => isAdmin(actor) || actor?.userId === s.ownerId,
  },
  registryImports: { read: adminOnly, create: adminOnly },
  registryAlert: {
    read: (actor, a) => managesAny(actor, a.certificationBranchIds),
    resolve: (actor, a) => managesAny(actor, a.certificationBranchIds),
  },
  audit: { read: adminOnly },
  outbox: { read: adminOnly },
  candidacy: {
    read: candidacyRead,
    /** Lifecycle events (domain/lifecycle.ts): OPCO advisors and employers only read. */
    transition: candidacyManage,
    /** The positioning decisions that count, carried blocs, evidence: those who manage it. */
    position: candidacyManage,
    /** The candidate's own positioning (and its evidence), on their own candidacy only. */
    selfPosition: (actor, c) =>
      c.candidateUserId !== null && hasRole(actor, 'candidate') && actor?.userId === c.candidateUserId,
    /** The people linked to the candidate (conflicts of interest): its staff readers read them. */
    readLinks: (actor, c) =>
      staffOfAny(actor, c.certificationBranchIds) ||
      organisationsAs(actor, ['training_org']).includes(c.trainingOrganisationId),
    /** Recording those links, scheduling assessments: those who manage it. */
    editLinks: candidacyManage,
    schedule: candidacyManage,
    /** The individual pathway (generate, edit): those who manage it; OPCO advisors and employers read it. */
    editPathway: candidacyManage,
    /** Acknowledging the pathway: its candidate (own candidacy) and its employer's accounts. */
    acknowledgePathway: (actor, c) =>
      (c.candidateUserId !== null && hasRole(actor, 'candidate') && actor?.userId === c.candidateUserId) ||
      (c.employerId !== null && organisationsAs(actor, ['employer']).includes(c.employerId)),
    /**
     * The jury's outcome as soon as it is posted: its branch staff, its training organisation,
     * the members of its sessions (not its employer nor its evaluators).
     */
    readJuryOutcome: (actor, c) =>
      staffOfAny(actor, c.certificationBranchIds) ||
      organisationsAs(actor, ['training_org']).includes(c.trainingOrganisationId) ||
      (hasRole(actor, 'jury_member') && (c.juryMemberIds ?? []).includes(actor?.userId ?? '')),
    /** Its candidate reads the outcome once the session's minutes are sealed (the service checks). */
    readSealedJuryOutcome: (actor, c) =>
      c.candidateUserId !== null && hasRole(actor, 'candidate') && actor?.userId === c.candidateUserId,
  },
  candidacies: { read: (actor) => actor !== null, create: candidacyManage },
  assessment: {
    read: (actor, a) => candidacyRead(actor, a.candidacy),
    /** Results not signed yet: the evaluators assigned and the candidacy's staff readers. */
    readDrafts: (actor, a) =>
      (hasRole(actor, 'evaluator') && a.evaluatorIds.includes(actor?.userId ?? '')) ||
      staffOfAny(actor, a.candidacy.certificationBranchIds) ||
      organisationsAs(actor, ['training_org']).includes(a.candidacy.trainingOrganisationId),
    /** Filling, signing and correcting the grid: the evaluators assigned to this session only. */
    grade: (actor, a) => hasRole(actor, 'evaluator') && a.evaluatorIds.includes(actor?.userId ?? ''),
    /** Moving (date, evaluators) or cancelling the session: those who schedule. */
    edit: (actor, a) => candidacyManage(actor, a.candidacy),
    cancel: (actor, a) => candidacyManage(actor, a.candidacy),
  },
  certificationEvaluators: {
    read: (actor, c) =>
      staffOfAny(actor, c.branchIds) ||
      organisationsAs(actor, ['training_org']).some((o) => c.candidacyOrganisationIds.includes(o)),
  },
  jury: {
    /** The managers of the convening branch and of the certifications' branches, admins, its members. */
    read: (actor, j) =>
      managesAny(actor, [j.conveningBranchId, ...j.certificationBranchIds]) ||
      (hasRole(actor, 'jury_member') && j.memberIds.includes(actor?.userId ?? '')),
    /** Convening, changing, cancelling: the convening branch's managers. */
    manage: juryManage,
    /** Recording the attendance: the convening branch's managers, the president. */
    attend: (actor, j) => juryManage(actor, j) || juryPresident(actor, j),
    /** Posting decisions: the president, or the convening branch's managers as secretary. */
    decide: (actor, j) => juryManage(actor, j) || juryPresident(actor, j),
    /** Correcting a decision (a new one replacing it, with a reason): the president only. */
    correct: juryPresident,
    /** Signing the minutes: a member. */
    sign: (actor, j) => hasRole(actor, 'jury_member') && j.memberIds.includes(actor?.userId ?? ''),
  },
  award: {
    /** Its certification's branch staff, admins, its candidate, its candidacy's training organisation. */
    read: (actor, a) =>
      staffOfAny(actor, a.certificationBranchIds) ||
      organisationsAs(actor, ['training_org']).includes(a.trainingOrganisationId) ||
      (a.candidateUserId !== null && hasRole(actor, 'candidate') && actor?.userId === a.candidateUserId),
    /** Revoking it (fraud, error), with a reason: its certification's branch managers, admins. */
    revoke: (actor, a) => managesAny(actor, a.certificationBranchIds),
    /** Suspending it, reinstating it: the same managers. */
    suspend: (actor, a) => managesAny(actor, a.certificationBranchIds),
  },
  candidate: {
    read: (actor, p) =>
      isAdmin(actor) ||
      (p.userId !== null && hasRole(actor, 'candidate') && actor?.userId === p.userId) ||
      p.candidacies.some((c) => candidacyRead(actor, c)),
    /**
     * Enrolling an existing candidate by id (named in a duplicate answer, or read in one's own
     * lists): those who may enrol at all. The id, unguessable, is given only to someone who
     * typed the person's identity or already reads them.
     */
    enrol: (actor) => isAdmin(actor) || hasRole(actor, 'branch_manager') || hasRole(actor, 'training_org'),
    /** (Re)sending the invitation to create their account: those who manage one of their candidacies. */
    invite: (actor, p) => isAdmin(actor) || p.candidacies.some((c) => candidacyManage(actor, c)),
    /**
     * Merging another record of the same person into this one: admins, and the managers of a
     * branch owning the certification of one of their candidacies (the service asks it of both).
     */
    merge: (actor, p) =>
      isAdmin(actor) || p.candidacies.some((c) => managesAny(actor, c.certificationBranchIds)),
    /**
     * Correcting their civil identity (names, sex, birth date and place, email, NIR): those who
     * enrol — admins, the managers of a branch owning one of their candidacies' certifications,
     * the training organisation of one of them. Not the candidate: the identity is what the CDC
     * matches against the national register, attested by those who enrolled them (ADR 0005).
     */
    updateIdentity: (actor, p) => isAdmin(actor) || p.candidacies.some((c) => candidacyManage(actor, c)),
    /**
     * Everything held on the person (NIR in clear, files): the person themselves, and the data
     * protection officer — the admin role (docs/personal-data.md).
     */
    export: (actor, p) =>
      isAdmin(actor) || (p.userId !== null && hasRole(actor, 'candidate') && actor?.userId === p.userId),
  },
  juryRules: {
    /** The branch's staff (managers, OPCO advisors), admins. */
    read: (actor, r) => staffOfAny(actor, r.branchIds),
    /** A new version, or accepting a CQPI's: the branch's managers, admins. */
    write: (actor, r) => managesAny(actor, r.branchIds),
  },
  cdcCertifier: {
    /** Its settings, deposits, reports and deadlines: the staff of a branch owning its certifications, admins. */
    read: (actor, c) => staffOfAny(actor, c.branchIds),
    /** Making a deposit batch, importing the CDC's report: those branches' managers, admins. */
    deposit: (actor, c) => managesAny(actor, c.branchIds),
    /** Its CDC client id, contract id and XSD version: those branches' managers, admins. */
    configure: (actor, c) => managesAny(actor, c.branchIds),
  },
} satisfies { [T in ResourceType]: PolicyOf<Resources[T]> };

export type ActionOf<T extends ResourceType> = keyof (typeof POLICIES)[T] & string;

/** Whether the actor (null: anonymous) may do this action on this resource. */
export function authorize<T extends ResourceType>(
  actor: Actor | null,
  action: ActionOf<T>,
  type: T,
  resource: Resources[T],
): boolean {
  const rule = (POLICIES[type] as PolicyOf<Resources[T]>)[action];
  if (!rule) throw new Error(`No policy for ${type}.${action}`);
  return rule(actor, resource);
}

/**
 * Throws the answer the rule gives when the actor may not: 404 when they may not even read
 * the object (as for an unknown id), else 403. Actions named `read…` read a part of the
 * resource (e.g. its habilitations): refused, that part answers 404 as well.
 */
export function enforce<T extends ResourceType>(
  actor: Actor | null,
  action: ActionOf<T>,
  type: T,
  resource: Resources[T],
  notFoundDetail = 'La ressource demandée n’existe pas.',
): void {
  if (authorize(actor, action, type, resource)) return;
  if (action.startsWith('read') || !authorize(actor, 'read' as ActionOf<T>, type, resource))
    throw problems.notFound(notFoundDetail);
  throw problems.forbidden();
}

/** Every action of the resource type, for the web app: `can: {update: true, …}`. */
export function capabilities<T extends ResourceType>(
  actor: Actor | null,
  type: T,
  resource: Resources[T],
): Record<Exclude<ActionOf<T>, 'read'>, boolean> {
  const policy = POLICIES[type] as PolicyOf<Resources[T]>;
  return Object.fromEntries(
    Object.entries(policy)
      .filter(([action]) => action !== 'read')
      .map(([action, rule]) => [action, rule(actor, resource)]),
  ) as Record<Exclude<ActionOf<T>, 'read'>, boolean>;
}

/** The actions of a resource type but `read`: the keys of its `can` object. */
export function actionsOf<T extends ResourceType>(type: T): Exclude<ActionOf<T>, 'read'>[] {
  return Object.keys(POLICIES[type]).filter((a) => a !== 'read') as Exclude<ActionOf<T>, 'read'>[];
}

/** The branches the actor manages (admins: all, given as `'*'`), for listing what they may act on. */
export function managedBranches(actor: Actor | null): '*' | string[] {
  return isAdmin(actor) ? '*' : branchesAs(actor, ['branch_manager']);
}

/** The branches whose staff the actor is (managers and OPCO advisors); admins: all. */
export function staffBranches(actor: Actor | null): '*' | string[] {
  return isAdmin(actor) ? '*' : branchesAs(actor, ['branch_manager', 'advisor']);
}

/**
 * What the actor may read among candidacies, for a list query to filter on (the same rules as
 * `candidacy.read`): everything (admins), or the union of the certifications of their branches,
 * their training organisations' and employers' candidacies, their own as a candidate, and those
 * they assess.
 */
export function candidacyReadScope(actor: Actor | null):
  | { all: true }
  | {
      all: false;
      branchIds: string[];
      trainingOrganisationIds: string[];
      employerIds: string[];
      candidateUserId: string | null;
      evaluatorUserId: string | null;
      /** A jury member: the candidacies attached to the sessions (not cancelled) they sit on. */
      juryMemberUserId: string | null;
    } {
  if (isAdmin(actor)) return { all: true };
  return {
    all: false,
    branchIds: branchesAs(actor, ['branch_manager', 'advisor']),
    trainingOrganisationIds: organisationsAs(actor, ['training_org']),
    employerIds: organisationsAs(actor, ['employer']),
    candidateUserId: hasRole(actor, 'candidate') ? (actor?.userId ?? null) : null,
    evaluatorUserId: hasRole(actor, 'evaluator') ? (actor?.userId ?? null) : null,
    juryMemberUserId: hasRole(actor, 'jury_member') ? (actor?.userId ?? null) : null,
  };
}

/** The route gate's role check (http/access.ts). */
export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}
