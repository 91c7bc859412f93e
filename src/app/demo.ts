import { hashPassword } from '../modules/identity/passwords.js';
import { recordAudit } from '../platform/audit/audit.js';
import { SYSTEM_ACTOR } from '../platform/auth/actor.js';
import type { Role } from '../platform/auth/roles.js';
import { ROLES } from '../platform/auth/roles.js';
import type { Db } from '../platform/db/connect.js';
import type { Services } from './app.js';
import { seedDemoCandidacies } from './demo-candidacies.js';
import { seedDemoCatalogue } from './demo-catalogue.js';
import { seedDemoCdc } from './demo-cdc.js';
import { DEMO_HOLDER, seedDemoCredentials } from './demo-credentials.js';
import { DEMO_JURY_MEMBERS, seedDemoJuries, seedDemoJuryMembers } from './demo-juries.js';

export const DEMO_PASSWORD = 'qualif-demo';
export const DEMO_DOMAIN = 'demo.qualif.test';

const DEMO_NAMES: Record<Role, string> = {
  admin: 'Alice Admin',
  branch_manager: 'Bruno Branche',
  training_org: 'Claire Formation',
  evaluator: 'Éric Évaluateur',
  jury_member: 'Juliette Jury',
  employer: 'Émile Employeur',
  advisor: 'Odile OPCO',
  candidate: 'Camille Candidate',
};

export class DemoRefusedError extends Error {}

export type DemoAccount = { role: Role; email: string; created: boolean };

/**
 * Demo data for trying Qualif: one account per role (`<role>@demo.qualif.test`, password
 * `qualif-demo`), with a branch and two organisations to scope them, then the demo catalogue,
 * then (unless `candidacies: false`, which the tests' default takes: they take seconds)
 * candidacies at every step (demo-candidacies.ts). Idempotent.
 * The demo password is shorter than the password policy allows, on purpose: it is set
 * here directly and can never be chosen through the API.
 */
export async function seedDemo(
  services: Services,
  env: string,
  options: { candidacies?: boolean } = {},
): Promise<DemoAccount[]> {
  const { db, users } = services;
  if (env === 'production') {
    throw new DemoRefusedError('Demo data is refused when NODE_ENV=production.');
  }
  const branch = await upsertBranch(db, 'Prévention et sécurité');
  const trainingOrg = await upsertOrganisation(
    db,
    'training_org',
    'Institut Sécurité Formation (démo)',
    '73282932000074',
  );
  const employer = await upsertOrganisation(db, 'employer', 'Gardiennage du Centre (démo)', '44306184100047');
  const scopeOf = (role: Role) =>
    role === 'branch_manager' || role === 'advisor'
      ? { branchId: branch }
      : role === 'training_org'
        ? { organisationId: trainingOrg }
        : role === 'employer'
          ? { organisationId: employer }
          : {};

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  /** A demo account with the demo password, unless its email exists. */
  const account = async (role: Role, email: string, displayName: string) => {
    const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!existing) {
      const user = await users.createUser(
        { email, displayName, grants: [{ role, ...scopeOf(role) }] },
        SYSTEM_ACTOR,
      );
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash })
          .where('id', '=', user.id)
          .execute();
        await recordAudit(trx, {
          actor: SYSTEM_ACTOR,
          action: 'user.demo_password_set',
          entityType: 'user',
          entityId: user.id,
          after: { passwordChanged: true },
        });
      });
    }
    accounts.push({ role, email, created: !existing });
  };
  for (const role of ROLES) await account(role, `${role}@${DEMO_DOMAIN}`, DEMO_NAMES[role]);
  // More jury members, so that a jury has two of each college (demo-juries.ts).
  for (const m of DEMO_JURY_MEMBERS) await account('jury_member', `${m.login}@${DEMO_DOMAIN}`, m.name);
  const id = async (role: Role) =>
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', `${role}@${DEMO_DOMAIN}`)
        .executeTakeFirstOrThrow()
    ).id;
  await seedDemoCatalogue(db, services, { evaluator: await id('evaluator'), jury: await id('jury_member') });
  await seedDemoJuryMembers(db, services, DEMO_DOMAIN, branch);
  if (options.candidacies !== false) {
    const user = async (role: Role) => ({
      id: await id(role),
      email: `${role}@${DEMO_DOMAIN}`,
      name: DEMO_NAMES[role],
    });
    await seedDemoCandidacies(db, services, {
      users: {
        trainingOrg: await user('training_org'),
        employer: await user('employer'),
        evaluator: await user('evaluator'),
        candidate: await user('candidate'),
      },
      organisations: { securityTrainer: trainingOrg, employer },
    });
    // Jury sessions on CQP-APS: one closed with its awards, one to deliberate (demo-juries.ts).
    await seedDemoJuries(db, services, {
      domain: DEMO_DOMAIN,
      branchId: branch,
      branchManager: await user('branch_manager'),
      juryMember: await id('jury_member'),
    });
    // The closed session's awards deposited to the CDC, its report imported, one passage KO (demo-cdc.ts).
    await seedDemoCdc(db, services, { branchId: branch, branchManager: await user('branch_manager') });
    // A certificate holder with her own account, and an award suspended (demo-credentials.ts).
    await account('candidate', `${DEMO_HOLDER.login}@${DEMO_DOMAIN}`, DEMO_HOLDER.name);
    await seedDemoCredentials(db, services, {
      domain: DEMO_DOMAIN,
      branchId: branch,
      branchManager: await user('branch_manager'),
    });
  }
  return accounts;
}

async function upsertBranch(db: Db, name: string): Promise<string> {
  const found = await db.selectFrom('branches').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('branches')
      .values({ name })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'branch.create',
      entityType: 'branch',
      entityId: id,
      after: { name },
    });
    return id;
  });
}

async function upsertOrganisation(
  db: Db,
  kind: 'training_org' | 'employer',
  name: string,
  siret: string,
): Promise<string> {
  const found = await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('organisations')
      .values({ kind, name, siret })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: id,
      after: { kind, name, siret },
    });
    return id;
  });
}
