import { sql, type Transaction } from 'kysely';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../contracts/catalogue.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { authorize, enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { normaliseQuery } from '../../platform/db/search-text.js';
import { type FieldError, fieldError, problems } from '../../platform/problem.js';
import { normaliseSiret, siretProblem } from './domain/siret.js';
import { normaliseIdcc, referenceLists } from './reference.js';

export { ORGANISATION_KINDS, type OrganisationKind };

export type OrganisationInput = {
  kind: OrganisationKind;
  name: string;
  siret: string;
  ndaNumber?: string | undefined;
  qualiopiIssuedOn?: string | undefined;
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
  if (input.qualiopiIssuedOn && input.qualiopiExpiresOn && input.qualiopiIssuedOn > input.qualiopiExpiresOn) {
    errors.push(
      fieldError(['qualiopiIssuedOn'], 'La date de délivrance ne peut pas suivre la date d’expiration.'),
    );
  }
  if (
    input.kind !== 'training_org' &&
    (input.ndaNumber || input.qualiopiIssuedOn || input.qualiopiExpiresOn)
  ) {
    errors.push(fieldError(['kind'], 'NDA et Qualiopi ne concernent que les organismes de formation.'));
  }
  return errors;
}

/** How long an organisation's name may be, trimmed: the form's schema and the import's check. */
export const ORGANISATION_NAME_LENGTH = { min: 2, max: 300 } as const;

/** An organisation's name, as the form takes it (trimmed): null when acceptable. */
function employerNameProblem(name: string): string | null {
  const { min, max } = ORGANISATION_NAME_LENGTH;
  const length = name.trim().length;
  return length >= min && length <= max ? null : `La raison sociale compte de ${min} à ${max} caractères.`;
}

/** What an organisation is, as listed and as audited before a change. */
const COLUMNS = [
  'kind',
  'name',
  'siret',
  'nda_number',
  'qualiopi_issued_on',
  'qualiopi_expires_on',
  'idcc',
] as const;

export function organisationsServiceFactory({ db }: { db: Db }) {
  /**
   * A page of organisations by name, of one kind or all; `q` keeps those whose name contains it
   * (accents and case ignored) or whose SIRET starts with its digits.
   */
  async function list(kind: OrganisationKind | undefined, page: number, pageSize: number, q?: string) {
    const words = q ? normaliseQuery(q) : '';
    const digits = q?.replace(/[\s.]/g, '') ?? '';
    const base = db
      .selectFrom('organisations')
      .$if(kind !== undefined, (qb) => qb.where('kind', '=', kind as OrganisationKind))
      .$if(words !== '', (qb) =>
        qb.where((eb) =>
          eb.or([
            eb(sql`unaccent(lower(name))`, 'like', `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
            ...(/^\d{3,14}$/.test(digits) ? [eb('siret', 'like', `${digits}%`)] : []),
          ]),
        ),
      );
    const [items, total] = await Promise.all([
      base
        .select(['id', ...COLUMNS])
        .orderBy('name')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n), page, pageSize };
  }

  /** Kind and name of each known organisation among `ids`, for another module's checks (enrolment). */
  async function describe(
    ids: readonly string[],
  ): Promise<Map<string, { name: string; kind: OrganisationKind }>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('organisations')
      .select(['id', 'name', 'kind'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
  }

  /** Id and kind of each known organisation among `sirets` (14 digits), for a bulk enrolment. */
  async function bySiret(
    sirets: readonly string[],
  ): Promise<Map<string, { id: string; kind: OrganisationKind }>> {
    if (sirets.length === 0) return new Map();
    const rows = await db
      .selectFrom('organisations')
      .select(['id', 'kind', 'siret'])
      .where('siret', 'in', sirets)
      .execute();
    return new Map(rows.map((r) => [r.siret as string, { id: r.id, kind: r.kind }]));
  }

  /** Organisation names by id (unknown ids left out): labels for other modules (grant scopes). */
  async function namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async function create(input: OrganisationInput, actor: Actor, requestId: string) {
    return save(undefined, input, actor, requestId);
  }

  /**
   * An employer someone enrolling did not find (training organisations included): SIRET
   * checked and unique, as any organisation.
   */
  async function registerEmployer(
    input: { name: string; siret: string; idcc?: string | undefined },
    actor: Actor,
    requestId: string,
  ) {
    enforce(actor, 'registerEmployer', 'organisations', {});
    return save(undefined, { ...input, kind: 'employer' }, actor, requestId, true);
  }

  /** Whether the actor may register an employer they did not find (the import's rows too). */
  function mayRegisterEmployer(actor: Actor): boolean {
    return authorize(actor, 'registerEmployer', 'organisations', {});
  }

  /**
   * Employers a bulk enrolment names by a SIRET Qualif does not know, registered in the
   * caller's transaction (`trx`: the import's, so that a refused file registers nothing), each
   * audited as `registerEmployer` audits one. `id` is chosen by the caller, whose rows already
   * point to it. SIRET keys and names are checked (422). Answers the SIRETs registered since the
   * caller looked (e.g. by the form meanwhile): when there are any, nothing is registered and the
   * caller, whose transaction must not commit then, names them.
   */
  async function registerEmployersIn(
    trx: Transaction<Database>,
    employers: readonly { id: string; name: string; siret: string }[],
    actor: Actor,
    requestId: string,
  ): Promise<{ taken: string[] }> {
    if (employers.length === 0) return { taken: [] };
    enforce(actor, 'registerEmployer', 'organisations', {});
    const values = employers.map((e) => ({
      id: e.id,
      kind: 'employer' as const,
      name: e.name.trim(),
      siret: normaliseSiret(e.siret),
    }));
    const errors = values.flatMap((v, i) => {
      const siret = siretProblem(v.siret);
      const name = employerNameProblem(v.name);
      return [
        ...(siret ? [fieldError(['employers', i, 'siret'], siret)] : []),
        ...(name ? [fieldError(['employers', i, 'name'], name)] : []),
      ];
    });
    if (errors.length > 0)
      throw problems.unprocessable(errors, 'L’employeur ne peut pas être enregistré ainsi.');
    const taken = await trx
      .selectFrom('organisations')
      .select('siret')
      .where(
        'siret',
        'in',
        values.map((v) => v.siret),
      )
      .execute();
    if (taken.length > 0) return { taken: taken.map((t) => t.siret as string) };
    for (let i = 0; i < values.length; i += 500)
      await trx
        .insertInto('organisations')
        .values(values.slice(i, i + 500))
        .execute();
    for (const v of values)
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: v.id,
        before: null,
        after: { name: v.name, siret: v.siret, kind: v.kind },
        requestId,
      });
    return { taken: [] };
  }

  async function update(id: string, input: OrganisationInput, actor: Actor, requestId: string) {
    await save(id, input, actor, requestId);
  }

  /** Creates (no id) or updates an organisation: SIRET checked and unique, NDA and Qualiopi for training organisations. */
  async function save(
    id: string | undefined,
    input: OrganisationInput,
    actor: Actor,
    requestId: string,
    /** The caller has already checked a narrower permission (registerEmployer). */
    authorised = false,
  ) {
    const before = id
      ? await db.selectFrom('organisations').select(COLUMNS).where('id', '=', id).executeTakeFirst()
      : undefined;
    if (id) {
      if (!before) throw problems.notFound('Organisation introuvable.');
      enforce(actor, 'update', 'organisation', { id }, 'Organisation introuvable.');
    } else if (!authorised) enforce(actor, 'create', 'organisations', {});
    const errors = organisationProblems(input);
    if (errors.length > 0)
      throw problems.unprocessable(errors, 'L’organisation ne peut pas être enregistrée ainsi.');
    return db.transaction().execute(async (trx) => {
      const siret = normaliseSiret(input.siret);
      const clash = await trx
        .selectFrom('organisations')
        .select('id')
        .where('siret', '=', siret)
        .$if(id !== undefined, (q) => q.where('id', '<>', id as string))
        .executeTakeFirst();
      if (clash)
        throw problems.conflict('Ce SIRET est déjà enregistré.', [
          fieldError(['siret'], 'SIRET déjà enregistré.'),
        ]);
      const values = {
        kind: input.kind,
        name: input.name,
        siret,
        nda_number: input.ndaNumber ?? null,
        qualiopi_issued_on: input.qualiopiIssuedOn ?? null,
        qualiopi_expires_on: input.qualiopiExpiresOn ?? null,
        idcc: input.idcc ? normaliseIdcc(input.idcc) : null,
      };
      let savedId = id;
      if (id) {
        await trx
          .updateTable('organisations')
          .set({ ...values, updated_at: new Date() })
          .where('id', '=', id)
          .execute();
      } else {
        savedId = (
          await trx.insertInto('organisations').values(values).returning('id').executeTakeFirstOrThrow()
        ).id;
      }
      if (!savedId) throw new Error('unreachable: an organisation saved has an id');
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: id ? 'organisation.update' : 'organisation.create',
        entityType: 'organisation',
        entityId: savedId,
        before: before
          ? {
              kind: before.kind,
              name: before.name,
              siret: before.siret,
              ndaNumber: before.nda_number ?? undefined,
              qualiopiIssuedOn: before.qualiopi_issued_on ?? undefined,
              qualiopiExpiresOn: before.qualiopi_expires_on ?? undefined,
              idcc: before.idcc ?? undefined,
            }
          : null,
        after: {
          ...input,
          siret,
          idcc: values.idcc ?? undefined,
        },
        requestId,
      });
      return savedId;
    });
  }

  return {
    list,
    namesOf,
    describe,
    bySiret,
    create,
    registerEmployer,
    mayRegisterEmployer,
    employerNameProblem,
    registerEmployersIn,
    update,
  };
}

export type OrganisationsService = ReturnType<typeof organisationsServiceFactory>;
