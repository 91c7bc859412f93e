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

/** The grants of several users at once, with the label of each scope. */
export async function grantsOf(db: Q, userIds: readonly string[]): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('role_assignments as ra')
    .leftJoin('branches as b', 'b.id', 'ra.branch_id')
    .leftJoin('organisations as o', 'o.id', 'ra.organisation_id')
    .select([
      'ra.user_id',
      'ra.role',
      'ra.branch_id',
      'ra.organisation_id',
      'b.name as branch_name',
      'o.name as org_name',
    ])
    .where('ra.user_id', 'in', userIds)
    .orderBy('ra.created_at')
    .execute();
  for (const r of rows) {
    if (!isRole(r.role)) continue;
    const grant: Grant = r.branch_id
      ? { role: r.role, scope: { type: 'branch', id: r.branch_id, label: r.branch_name ?? '' } }
      : r.organisation_id
        ? { role: r.role, scope: { type: 'organisation', id: r.organisation_id, label: r.org_name ?? '' } }
        : { role: r.role, scope: { type: r.role === 'admin' ? 'global' : 'self' } };
    out.get(r.user_id)?.push(grant);
  }
  return out;
}

export async function listUsers(db: Q, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'is_active'])
      .orderBy('email')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
