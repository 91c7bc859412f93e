import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, type AuditActor, auditActorOf } from '../../platform/auth/actor.js';
import { enforce } from '../../platform/auth/policy.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/db/connect.js';
import { fieldError, problems } from '../../platform/problem.js';
import { type GrantInput, grantProblems } from './domain/grants.js';
import { passwordProblem } from './domain/password-policy.js';
import type { PasswordResetService } from './password-reset.service.js';
import { hashPassword } from './passwords.js';
import type { SessionsService } from './sessions.service.js';
import {
  findUserByEmail,
  findUserById,
  grantsOf,
  likePattern,
  listUsers,
  type ScopeNames,
} from './users.repo.js';

export type CreateUserInput = {
  email: string;
  displayName: string;
  password?: string | undefined;
  grants: GrantInput[];
  /** Mail the person a link to choose their password (accounts created without one). */
  invite?: boolean | undefined;
};

/** What the service needs of others: sessions to end, invitations to send (the reset mechanism). */
type Deps = {
  db: Db;
  scopeNames: ScopeNames;
  sessions?: Pick<SessionsService, 'revokeAllOf' | 'forgetUser'>;
  invitations?: Pick<PasswordResetService, 'invite'>;
};

export function usersServiceFactory({ db, scopeNames, sessions, invitations }: Deps) {
  /** 422 naming each grant whose branch or organisation does not exist (asked before any transaction). */
  async function checkScopesExist(grants: readonly GrantInput[]) {
    // The scopes are the catalogue's: asked through its services.
    const ids = (key: 'branchId' | 'organisationId') => grants.flatMap((g) => g[key] ?? []);
    const branches = await scopeNames.branches(ids('branchId'));
    const organisations = await scopeNames.organisations(ids('organisationId'));
    const missing = grants.flatMap((g, i) => [
      ...(g.branchId && !branches.has(g.branchId)
        ? [fieldError(['grants', i, 'branchId'], 'Branche inconnue.')]
        : []),
      ...(g.organisationId && !organisations.has(g.organisationId)
        ? [fieldError(['grants', i, 'organisationId'], 'Organisation inconnue.')]
        : []),
    ]);
    if (missing.length > 0) throw problems.unprocessable(missing, 'Le périmètre d’un rôle n’existe pas.');
  }

  async function createUser(input: CreateUserInput, actor: AuditActor, requestId: string | null = null) {
    const email = input.email.trim().toLowerCase();
    const errors = grantProblems(input.grants, ['grants']);
    if (input.password !== undefined) {
      const pb = passwordProblem(input.password, email);
      if (pb) errors.push(fieldError(['password'], pb));
      if (input.invite)
        errors.push(fieldError(['invite'], 'Une personne invitée choisit elle-même son mot de passe.'));
    }
    if (errors.length > 0) throw problems.validation(errors);
    await checkScopesExist(input.grants);
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    const created = await db.transaction().execute(async (trx) => {
      if (await findUserByEmail(trx, email)) {
        throw problems.conflict('Un compte existe déjà pour cette adresse.', [
          fieldError(['email'], 'Adresse déjà utilisée.'),
        ]);
      }
      const user = await trx
        .insertInto('users')
        .values({ email, display_name: input.displayName.trim(), password_hash: passwordHash })
        .returning(['id', 'email', 'display_name'])
        .executeTakeFirstOrThrow();
      for (const g of input.grants) {
        await trx
          .insertInto('role_assignments')
          .values({
            user_id: user.id,
            role: g.role,
            branch_id: g.branchId ?? null,
            organisation_id: g.organisationId ?? null,
          })
          .execute();
      }
      await recordAudit(trx, {
        actor,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, displayName: user.display_name, grants: input.grants },
        requestId,
      });
      return user;
    });
    if (input.invite) await sendInvitation(created, actor, requestId);
    return created;
  }

  async function sendInvitation(
    user: { id: string; email: string; display_name: string },
    actor: AuditActor,
    requestId: string | null,
  ) {
    if (!invitations) throw new Error('usersServiceFactory: no invitations service given');
    await invitations.invite(
      { id: user.id, email: user.email, displayName: user.display_name },
      actor,
      requestId,
    );
  }

  async function list(actor: Actor, query: { q?: string | undefined; page: number; pageSize: number }) {
    enforce(actor, 'read', 'users', {});
    const { page, pageSize } = query;
    const { items, total } = await listUsers(db, { q: query.q?.trim() || undefined, page, pageSize });
    return { items: await withGrants(items), total, page, pageSize };
  }

  async function withGrants(
    items: { id: string; email: string; display_name: string; is_active: boolean }[],
  ) {
    const grants = await grantsOf(
      db,
      scopeNames,
      items.map((u) => u.id),
    );
    return items.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      isActive: u.is_active,
      roles: grants.get(u.id) ?? [],
    }));
  }

  /** The account as the list shows it; 404 when unknown or not the actor's to read. */
  async function get(actor: Actor, id: string) {
    const row = await findUserById(db, id);
    if (!row) throw problems.notFound('Compte introuvable.');
    enforce(actor, 'read', 'user', { id }, 'Compte introuvable.');
    const [user] = await withGrants([row]);
    return user as NonNullable<typeof user>;
  }

  /** The row behind an update, after the policy check (404 unknown, 403 not the actor's to change). */
  async function loadForUpdate(actor: Actor, id: string) {
    const row = await findUserById(db, id);
    if (!row) throw problems.notFound('Compte introuvable.');
    enforce(actor, 'update', 'user', { id }, 'Compte introuvable.');
    return row;
  }

  const grantKey = (g: GrantInput) => `${g.role}|${g.branchId ?? ''}|${g.organisationId ?? ''}`;

  /**
   * Replaces the account's roles and scopes. An admin cannot drop their own admin role (nobody
   * could give it back). The account's sessions see the new rights at their next request.
   */
  async function setGrants(actor: Actor, id: string, grants: GrantInput[], requestId: string) {
    await loadForUpdate(actor, id);
    const unique = grants.filter((g, i) => grants.findIndex((o) => grantKey(o) === grantKey(g)) === i);
    const errors = grantProblems(unique, ['grants']);
    if (actor.userId === id && !unique.some((g) => g.role === 'admin'))
      errors.push(
        fieldError(['grants'], 'Vous ne pouvez pas retirer votre propre rôle d’administrateur·rice.'),
      );
    if (errors.length > 0)
      throw problems.unprocessable(errors, 'Ces rôles ne peuvent pas être attribués ainsi.');
    await checkScopesExist(unique);
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('role_assignments')
        .select(['role', 'branch_id', 'organisation_id'])
        .where('user_id', '=', id)
        .orderBy('created_at')
        .execute();
      await trx.deleteFrom('role_assignments').where('user_id', '=', id).execute();
      for (const g of unique) {
        await trx
          .insertInto('role_assignments')
          .values({
            user_id: id,
            role: g.role,
            branch_id: g.branchId ?? null,
            organisation_id: g.organisationId ?? null,
          })
          .execute();
      }
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'user.grants_update',
        entityType: 'user',
        entityId: id,
        before: {
          grants: before.map((r) => ({
            role: r.role,
            ...(r.branch_id ? { branchId: r.branch_id } : {}),
            ...(r.organisation_id ? { organisationId: r.organisation_id } : {}),
          })),
        },
        after: { grants: unique },
        requestId,
      });
    });
    sessions?.forgetUser(id);
    return get(actor, id);
  }

  /**
   * Deactivates (every open session ends at once) or reactivates an account. An admin cannot
   * deactivate their own account.
   */
  async function setActive(actor: Actor, id: string, isActive: boolean, requestId: string) {
    const row = await loadForUpdate(actor, id);
    if (!isActive && actor.userId === id)
      throw problems.unprocessable(
        [fieldError(['isActive'], 'Vous ne pouvez pas désactiver votre propre compte.')],
        'Ce compte ne peut pas être désactivé.',
      );
    if (row.is_active !== isActive) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ is_active: isActive, updated_at: new Date() })
          .where('id', '=', id)
          .execute();
        if (!isActive) await sessions?.revokeAllOf(trx, id);
        await recordAudit(trx, {
          actor: auditActorOf(actor),
          action: isActive ? 'user.reactivate' : 'user.deactivate',
          entityType: 'user',
          entityId: id,
          before: { isActive: row.is_active },
          after: { isActive },
          requestId,
        });
      });
      // After the commit: no request can resolve the account's sessions from this process' cache.
      sessions?.forgetUser(id);
    }
    return get(actor, id);
  }

  /** Sends (again) the invitation to choose a password; the account must be active. */
  async function invite(actor: Actor, id: string, requestId: string) {
    const row = await loadForUpdate(actor, id);
    if (!row.is_active)
      throw problems.unprocessable(
        [fieldError(['id'], 'Ce compte est désactivé : réactivez-le avant de l’inviter.', 'path')],
        'Un compte désactivé ne reçoit pas d’invitation.',
      );
    await sendInvitation(row, auditActorOf(actor), requestId);
  }

  /**
   * Active accounts holding a person role (evaluator, jury member), for the CPNE to pick
   * whom to habilitate: name and email only, at most `limit`, by name.
   */
  async function findPeople(role: 'evaluator' | 'jury_member', q: string | undefined, limit = 50) {
    let query = db
      .selectFrom('users as u')
      .innerJoin('role_assignments as ra', 'ra.user_id', 'u.id')
      .select(['u.id', 'u.display_name', 'u.email'])
      .distinct()
      .where('ra.role', '=', role)
      .where('u.is_active', '=', true);
    const words = q?.trim();
    if (words) {
      const like = likePattern(words);
      query = query.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb('u.email', 'ilike', like)]));
    }
    const rows = await query.orderBy('u.display_name').orderBy('u.id').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email }));
  }

  /**
   * Active accounts that may be linked to a candidate in one candidacy (conflicts of interest):
   * any evaluator, and the accounts of these organisations (the training organisation's
   * trainers, the employer's tutors); by name or address, names only, `limit` at most.
   */
  async function findLinkable(organisationIds: readonly string[], q: string | undefined, limit = 20) {
    let query = db
      .selectFrom('users as u')
      .innerJoin('role_assignments as ra', 'ra.user_id', 'u.id')
      .select(['u.id', 'u.display_name'])
      .distinct()
      .where('u.is_active', '=', true)
      .where((eb) =>
        eb.or([
          eb('ra.role', '=', 'evaluator'),
          ...(organisationIds.length > 0
            ? [
                eb.and([
                  eb('ra.role', 'in', ['training_org', 'employer']),
                  eb('ra.organisation_id', 'in', [...organisationIds]),
                ]),
              ]
            : []),
        ]),
      );
    const words = q?.trim();
    if (words) {
      const like = likePattern(words);
      query = query.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb('u.email', 'ilike', like)]));
    }
    const rows = await query.orderBy('u.display_name').orderBy('u.id').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /**
   * The account a candidate signs in with (role candidate, over their own data): an account of
   * that address if one exists (given the candidate role if it lacks it), else a new one,
   * invited by email to choose its password. The candidates module links it to the candidate.
   */
  async function ensureCandidateAccount(
    person: { email: string; displayName: string },
    actor: AuditActor,
    requestId: string | null,
    /** `false`: the caller sends the invitation itself (e.g. through the job runner). */
    options: { invite?: boolean } = {},
  ): Promise<{ userId: string; invited: boolean }> {
    const email = person.email.trim().toLowerCase();
    const existing = await findUserByEmail(db, email);
    if (!existing) {
      const created = await createUser(
        {
          email,
          displayName: person.displayName,
          grants: [{ role: 'candidate' }],
          invite: options.invite ?? true,
        },
        actor,
        requestId,
      );
      return { userId: created.id, invited: true };
    }
    if (!(await hasRole(existing.id, 'candidate'))) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('role_assignments')
          .values({ user_id: existing.id, role: 'candidate' })
          .execute();
        await recordAudit(trx, {
          actor,
          action: 'user.grants_update',
          entityType: 'user',
          entityId: existing.id,
          after: { addedGrants: [{ role: 'candidate' }] },
          requestId,
        });
      });
      sessions?.forgetUser(existing.id);
    }
    return { userId: existing.id, invited: false };
  }

  /**
   * A candidate's account when their identity is erased (candidates' purge): an account that
   * holds the candidate role only is emptied — address and name replaced, no password, no
   * pending link, deactivated, every session ended; an account with other roles (a staff member
   * who was also a candidate) only loses the candidate role. Audited without personal values.
   */
  async function eraseCandidateAccount(userId: string, actor: AuditActor): Promise<void> {
    const roles = await db
      .selectFrom('role_assignments')
      .select('role')
      .where('user_id', '=', userId)
      .execute();
    const onlyCandidate = roles.every((r) => r.role === 'candidate');
    await db.transaction().execute(async (trx) => {
      if (onlyCandidate) {
        await trx
          .updateTable('users')
          .set({
            email: `efface-${userId}@invalid`,
            display_name: 'Compte effacé',
            password_hash: null,
            is_active: false,
            updated_at: new Date(),
          })
          .where('id', '=', userId)
          .execute();
        await trx.deleteFrom('password_reset_tokens').where('user_id', '=', userId).execute();
        await sessions?.revokeAllOf(trx, userId);
      } else {
        await trx
          .deleteFrom('role_assignments')
          .where('user_id', '=', userId)
          .where('role', '=', 'candidate')
          .execute();
      }
      await recordAudit(trx, {
        actor,
        action: onlyCandidate ? 'user.deactivate' : 'user.grants_update',
        entityType: 'user',
        entityId: userId,
        after: onlyCandidate ? { isActive: false, erased: true } : { removedGrants: [{ role: 'candidate' }] },
      });
    });
    sessions?.forgetUser(userId);
  }

  /** Current display names of the given accounts, by id (unknown ids are left out). */
  async function displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** The active accounts managing each of these branches (branch_manager), e.g. to remind them. */
  async function branchManagersOf(branchIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (branchIds.length === 0) return out;
    const rows = await db
      .selectFrom('role_assignments as ra')
      .innerJoin('users as u', 'u.id', 'ra.user_id')
      .select(['ra.branch_id', 'ra.user_id'])
      .where('ra.role', '=', 'branch_manager')
      .where('ra.branch_id', 'in', [...branchIds])
      .where('u.is_active', '=', true)
      .orderBy('ra.user_id')
      .execute();
    for (const r of rows)
      if (r.branch_id) out.set(r.branch_id, [...new Set([...(out.get(r.branch_id) ?? []), r.user_id])]);
    return out;
  }

  /**
   * Name and address of each active account among `ids` holding `role`, by name (unknown,
   * deactivated or role-less accounts are left out): e.g. the jury members a branch may convene.
   */
  async function contactsOf(ids: readonly string[], role: Role) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('users as u')
      .select(['u.id', 'u.display_name', 'u.email'])
      .where('u.id', 'in', ids)
      .where('u.is_active', '=', true)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('role_assignments as ra')
            .select('ra.user_id')
            .whereRef('ra.user_id', '=', 'u.id')
            .where('ra.role', '=', role),
        ),
      )
      .orderBy('u.display_name')
      .orderBy('u.id')
      .execute();
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email }));
  }

  /** Whether the account holds this role (any scope), e.g. before habilitating it as evaluator. */
  async function hasRole(userId: string, role: Role): Promise<boolean> {
    const row = await db
      .selectFrom('role_assignments')
      .select('role')
      .where('user_id', '=', userId)
      .where('role', '=', role)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The address to email an active account at (the `user` address book of platform/mail-jobs.ts,
   * read when the email is sent); undefined for an unknown or deactivated account.
   */
  async function mailAddressOf(id: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('users')
      .select('email')
      .where('id', '=', id)
      .where('is_active', '=', true)
      .executeTakeFirst();
    return row?.email;
  }

  return {
    createUser,
    list,
    get,
    setGrants,
    setActive,
    invite,
    findPeople,
    findLinkable,
    contactsOf,
    displayNames,
    hasRole,
    branchManagersOf,
    ensureCandidateAccount,
    eraseCandidateAccount,
    mailAddressOf,
  };
}

export type UsersService = ReturnType<typeof usersServiceFactory>;
