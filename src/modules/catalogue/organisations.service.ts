import { ORGANISATION_KINDS, type OrganisationKind } from '../../contracts/catalogue.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/connect.js';
import { type FieldError, fieldError, problems } from '../../platform/problem.js';
import { normaliseSiret, siretProblem } from './domain/siret.js';
import { normaliseIdcc, referenceLists } from './reference.js';

export { ORGANISATION_KINDS, type OrganisationKind };

export type OrganisationInput = {
  kind: OrganisationKind;
  name: string;
  siret: string;
  ndaNumber?: string | undefined;
  qualiopiExpiresOn?: string | undefined;
  idcc?: string | undefined;
};

function organisationProblems(input: OrganisationInput): FieldError[] {
  const errors: FieldError[] = [];
  const siret = siretProblem(input.siret);
  if (siret) errors.push(fieldError(['siret'], siret));
  if (input.ndaNumber && !/^\d{11}$/.test(input.ndaNumber)) {
    errors.push(fieldError(['ndaNumber'], 'Le numéro de déclaration d’activité compte 11 chiffres.'));
  }
  if (input.idcc && !referenceLists().idcc.has(normaliseIdcc(input.idcc))) {
    errors.push(fieldError(['idcc'], `IDCC inconnu : « ${input.idcc} ».`));
  }
  if (input.kind !== 'training_org' && (input.ndaNumber || input.qualiopiExpiresOn)) {
    errors.push(fieldError(['kind'], 'NDA et Qualiopi ne concernent que les organismes de formation.'));
  }
  return errors;
}

export function organisationsServiceFactory({ db }: { db: Db }) {
  async function list(kind: OrganisationKind | undefined, page: number, pageSize: number) {
    const base = db
      .selectFrom('organisations')
      .$if(kind !== undefined, (q) => q.where('kind', '=', kind as OrganisationKind));
    const [items, total] = await Promise.all([
      base
        .select(['id', 'kind', 'name', 'siret', 'nda_number', 'qualiopi_expires_on', 'idcc'])
        .orderBy('name')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n), page, pageSize };
  }

  /** Organisation names by id (unknown ids left out): labels for other modules (grant scopes). */
  async function namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async function create(input: OrganisationInput, actor: Actor, requestId: string) {
    const errors = organisationProblems(input);
    if (errors.length > 0)
      throw problems.unprocessable(errors, 'L’organisation ne peut pas être enregistrée ainsi.');
    return db.transaction().execute(async (trx) => {
      const siret = normaliseSiret(input.siret);
      const clash = await trx
        .selectFrom('organisations')
        .select('id')
        .where('siret', '=', siret)
        .executeTakeFirst();
      if (clash)
        throw problems.conflict('Ce SIRET est déjà enregistré.', [
          fieldError(['siret'], 'SIRET déjà enregistré.'),
        ]);
      const row = await trx
        .insertInto('organisations')
        .values({
          kind: input.kind,
          name: input.name,
          siret,
          nda_number: input.ndaNumber ?? null,
          qualiopi_expires_on: input.qualiopiExpiresOn ?? null,
          idcc: input.idcc ? normaliseIdcc(input.idcc) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: row.id,
        after: { ...input, siret },
        requestId,
      });
      return row.id;
    });
  }

  return { list, namesOf, create };
}

export type OrganisationsService = ReturnType<typeof organisationsServiceFactory>;
