import { recordAudit } from '../../platform/audit/audit.js';
import type { AuditActor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/db/connect.js';
import { fieldError, problems } from '../../platform/problem.js';
import { type GrantInput, grantProblems } from './domain/grants.js';
import { passwordProblem } from './domain/password-policy.js';
import { hashPassword } from './passwords.js';
import { findUserByEmail, grantsOf, listUsers, type ScopeNames } from './users.repo.js';

export type CreateUserInput = {
  email: string;
  displayName: string;
  password?: string | undefined;
  grants: GrantInput[];
};

export function usersServiceFactory({ db, scopeNames }: { db: Db; scopeNames: ScopeNames }) {
  async function createUser(input: CreateUserInput, actor: AuditActor, requestId: string | null = null) {
    const email = input.email.trim().toLowerCase();
    const errors = grantProblems(input.grants, ['grants']);
    if (input.password !== undefined) {
      const pb = passwordProblem(input.password, email);
      if (pb) errors.push(fieldError(['password'], pb));
    }
    if (errors.length > 0) throw problems.validation(errors);
    // The scopes are the catalogue's: asked before the transaction, through its services.
    const ids = (key: 'branchId' | 'organisationId') => input.grants.flatMap((g) => g[key] ?? []);
    const branches = await scopeNames.branches(ids('branchId'));
    const organisations = await scopeNames.organisations(ids('organisationId'));
    const missing = input.grants.flatMap((g, i) => [
      ...(g.branchId && !branches.has(g.branchId)
        ? [fieldError(['grants', i, 'branchId'], 'Branche inconnue.')]
        : []),
      ...(g.organisationId && !organisations.has(g.organisationId)
        ? [fieldError(['grants', i, 'organisationId'], 'Organisation inconnue.')]
        : []),
    ]);
    if (missing.length > 0) throw problems.unprocessable(missing, 'Le périmètre d’un rôle n’existe pas.');
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    return db.transaction().execute(async (trx) => {
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
  }

  async function list(page: number, pageSize: number) {
    const { items, total } = await listUsers(db, page, pageSize);
    const grants = await grantsOf(
      db,
      scopeNames,
      items.map((u) => u.id),
    );
    return {
      items: items.map((u) => ({
        id: u.id,
        email: u.email,
        displayName: u.display_name,
        isActive: u.is_active,
        roles: grants.get(u.id) ?? [],
      })),
      total,
      page,
      pageSize,
    };
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
      const like = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb('u.email', 'ilike', like)]));
    }
    const rows = await query.orderBy('u.display_name').orderBy('u.id').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email }));
  }

  /** Current display names of the given accounts, by id (unknown ids are left out). */
  async function displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
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

  return { createUser, list, findPeople, displayNames, hasRole };
}

export type UsersService = ReturnType<typeof usersServiceFactory>;
