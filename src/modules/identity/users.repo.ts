import type { Kysely } from 'kysely';
import { type Grant, isRole } from '../../platform/auth/roles.js';
import type { Database } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

export function findUserByEmail(db: Q, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Q, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The names of the branches and organisations that grants are scoped to, by id (unknown ids left
 * out). They are the catalogue's: src/app passes its services' `namesOf`.
 */
export type ScopeNames = {
  branches(ids: readonly string[]): Promise<Map<string, string>>;
  organisations(ids: readonly string[]): Promise<Map<string, string>>;
};

/** The grants of several users at once, with the label of each scope. */
export async function grantsOf(
  db: Q,
  scopeNames: ScopeNames,
  userIds: readonly string[],
): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('role_assignments')
    .select(['user_id', 'role', 'branch_id', 'organisation_id'])
    .where('user_id', 'in', userIds)
    .orderBy('created_at')
    .execute();
  const idsOf = (key: 'branch_id' | 'organisation_id') => [...new Set(rows.flatMap((r) => r[key] ?? []))];
  const branchNames = await scopeNames.branches(idsOf('branch_id'));
  const organisationNames = await scopeNames.organisations(idsOf('organisation_id'));
  for (const r of rows) {
    if (!isRole(r.role)) continue;
    const grant: Grant = r.branch_id
      ? {
          role: r.role,
          scope: { type: 'branch', id: r.branch_id, label: branchNames.get(r.branch_id) ?? '' },
        }
      : r.organisation_id
        ? {
            role: r.role,
            scope: {
              type: 'organisation',
              id: r.organisation_id,
              label: organisationNames.get(r.organisation_id) ?? '',
            },
          }
        : { role: r.role, scope: { type: r.role === 'admin' ? 'global' : 'self' } };
    out.get(r.user_id)?.push(grant);
  }
  return out;
}

/** `%words%` for ilike, with the wildcard characters of `words` escaped. */
export function likePattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A page of accounts by email, optionally those whose name or email contains `q`. */
export async function listUsers(db: Q, query: { q?: string | undefined; page: number; pageSize: number }) {
  const { q, page, pageSize } = query;
  const base = db
    .selectFrom('users')
    .$if(q !== undefined, (b) =>
      b.where((eb) =>
        eb.or([
          eb('display_name', 'ilike', likePattern(q as string)),
          eb('email', 'ilike', likePattern(q as string)),
        ]),
      ),
    );
  const [items, total] = await Promise.all([
    base
      .select(['id', 'email', 'display_name', 'is_active'])
      .orderBy('email')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
