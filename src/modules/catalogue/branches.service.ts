import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import { type FieldError, fieldError, problems } from '../../platform/problem.js';
import { touchCatalogue } from './certifications.repo.js';
import { normaliseIdcc, referenceLists } from './reference.js';

export type CpneMemberInput = {
  college: 'employers' | 'employees';
  personName: string;
  organisationName: string;
};
export type BranchInput = {
  name: string;
  idcc: string[];
  opco?: string | undefined;
  cpneMembers: CpneMemberInput[];
};

/** IDCC numbers must name real conventions collectives (the shipped list). */
function branchProblems(input: BranchInput): FieldError[] {
  const lists = referenceLists();
  return input.idcc.flatMap((raw, i) => {
    const idcc = normaliseIdcc(raw);
    return lists.idcc.has(idcc) ? [] : [fieldError(['idcc', i], `IDCC inconnu : « ${raw} ».`)];
  });
}

export function branchesServiceFactory({ db }: { db: Db }) {
  async function list() {
    return db.selectFrom('branches').select(['id', 'name', 'idcc', 'opco']).orderBy('name').execute();
  }

  /** Branch names by id (unknown ids left out): labels for other modules (grant scopes). */
  async function namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('branches').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async function get(id: string) {
    const branch = await db
      .selectFrom('branches')
      .select(['id', 'name', 'idcc', 'opco'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!branch) throw problems.notFound('Branche introuvable.');
    const members = await db
      .selectFrom('cpne_members')
      .select(['college', 'person_name', 'organisation_name'])
      .where('branch_id', '=', id)
      .orderBy('college')
      .orderBy('organisation_name')
      .execute();
    const lists = referenceLists();
    return {
      ...branch,
      conventions: branch.idcc.map((code) => ({ idcc: code, label: lists.idcc.get(code) ?? '' })),
      cpneMembers: members.map((m) => ({
        college: m.college,
        personName: m.person_name,
        organisationName: m.organisation_name,
      })),
    };
  }

  async function save(id: string | undefined, input: BranchInput, actor: Actor, requestId: string) {
    const errors = branchProblems(input);
    if (errors.length > 0)
      throw problems.unprocessable(errors, 'La branche ne peut pas être enregistrée ainsi.');
    // Read before the transaction: PGlite has one connection, held by the transaction.
    const before = id ? await get(id) : null;
    if (id) enforce(actor, 'update', 'branch', { id });
    else enforce(actor, 'create', 'branches', {});
    const idcc = input.idcc.map(normaliseIdcc);
    return db.transaction().execute(async (trx) => {
      const clash = await trx
        .selectFrom('branches')
        .select('id')
        .where('name', '=', input.name)
        .$if(id !== undefined, (q) => q.where('id', '<>', id as string))
        .executeTakeFirst();
      if (clash)
        throw problems.conflict('Une branche porte déjà ce nom.', [
          fieldError(['name'], 'Nom déjà utilisé.'),
        ]);
      let branchId = id;
      if (id) {
        await trx
          .updateTable('branches')
          .set({ name: input.name, idcc, opco: input.opco ?? null, updated_at: new Date() })
          .where('id', '=', id)
          .execute();
        await trx.deleteFrom('cpne_members').where('branch_id', '=', id).execute();
      } else {
        branchId = (
          await trx
            .insertInto('branches')
            .values({ name: input.name, idcc, opco: input.opco ?? null })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      }
      if (input.cpneMembers.length > 0) {
        await trx
          .insertInto('cpne_members')
          .values(
            input.cpneMembers.map((m) => ({
              branch_id: branchId as string,
              college: m.college,
              person_name: m.personName,
              organisation_name: m.organisationName,
            })),
          )
          .execute();
      }
      await touchCatalogue(trx);
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: id ? 'branch.update' : 'branch.create',
        entityType: 'branch',
        entityId: branchId as string,
        before: before
          ? { name: before.name, idcc: before.idcc, opco: before.opco, cpneMembers: before.cpneMembers }
          : null,
        after: { name: input.name, idcc, opco: input.opco ?? null, cpneMembers: input.cpneMembers },
        requestId,
      });
      return branchId as string;
    });
  }

  return { list, namesOf, get, save };
}

export type BranchesService = ReturnType<typeof branchesServiceFactory>;
