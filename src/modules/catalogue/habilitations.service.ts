import {
  HABILITATION_LABELS,
  type HabilitationKind,
  ORGANISATION_HABILITATIONS,
  PERSON_HABILITATIONS,
  type PersonHabilitation,
} from '../../contracts/catalogue.js';
import type { IsoDate } from '../../contracts/dates.js';
import type { College } from '../../contracts/juries.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { authorize, enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { UsersService } from '../identity/users.service.js';
import { findCertification, ownershipOf } from './certifications.repo.js';

export {
  HABILITATION_LABELS,
  type HabilitationKind,
  ORGANISATION_HABILITATIONS,
  PERSON_HABILITATIONS,
  type PersonHabilitation,
};

export type HabilitationInput = {
  kind: HabilitationKind;
  organisationId?: string | undefined;
  userId?: string | undefined;
  validFrom: string;
  validTo: string;
  /** Jury members only: their college and the federation or union that designated them. */
  college?: College | undefined;
  designatedBy?: string | undefined;
};

/** A jury member habilitated on a date: the college and designation their habilitation names. */
export type HabilitatedJuryMember = { userId: string; college: College; designatedBy: string | null };

/** Which habilitation kinds answer a need: an organisation that trains holds `train` or `train_and_assess`. */
const SATISFIES: Record<HabilitationKind, HabilitationKind[]> = {
  train: ['train', 'train_and_assess'],
  assess: ['assess', 'train_and_assess'],
  train_and_assess: ['train_and_assess'],
  evaluator: ['evaluator'],
  jury_member: ['jury_member'],
};

/** What habilitations need of identity (people's roles and names), injected by src/app. */
export type HabilitationPeople = Pick<UsersService, 'hasRole' | 'displayNames'>;

const byName = new Intl.Collator('fr').compare;

export function habilitationsServiceFactory({ db, people }: { db: Db; people: HabilitationPeople }) {
  /** Each row with the current name of its habilitated person (identity's), if any. */
  async function withPersonNames<R extends { user_id: string | null }>(rows: R[]) {
    const names = await people.displayNames([
      ...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : []))),
    ]);
    return rows.map((r) => ({ ...r, person_name: r.user_id ? (names.get(r.user_id) ?? null) : null }));
  }

  async function assertCanManage(certificationId: string, actor: Actor) {
    const cert = await findCertification(db, certificationId);
    if (!cert) throw problems.notFound('Certification introuvable.');
    enforce(actor, 'manageHabilitations', 'certification', ownershipOf(cert), 'Certification introuvable.');
  }

  async function create(certificationId: string, input: HabilitationInput, actor: Actor, requestId: string) {
    await assertCanManage(certificationId, actor);
    const errors = [];
    const forPerson = (PERSON_HABILITATIONS as readonly string[]).includes(input.kind);
    if (input.validTo < input.validFrom) errors.push(fieldError(['validTo'], 'La fin précède le début.'));
    if (forPerson) {
      if (!input.userId) errors.push(fieldError(['userId'], 'Indiquez la personne habilitée.'));
      if (input.organisationId)
        errors.push(fieldError(['organisationId'], 'Une habilitation de personne ne vise pas d’organisme.'));
    } else {
      if (!input.organisationId)
        errors.push(fieldError(['organisationId'], 'Indiquez l’organisme habilité.'));
      if (input.userId)
        errors.push(fieldError(['userId'], 'Une habilitation d’organisme ne vise pas de personne.'));
    }
    if (input.kind === 'jury_member') {
      if (!input.college)
        errors.push(
          fieldError(['college'], 'Indiquez le collège du membre de jury (employeurs ou salariés).'),
        );
      if (!input.designatedBy)
        errors.push(fieldError(['designatedBy'], 'Indiquez la fédération ou le syndicat qui l’a désigné·e.'));
    } else {
      if (input.college)
        errors.push(fieldError(['college'], 'Seule une habilitation de membre de jury nomme un collège.'));
      if (input.designatedBy)
        errors.push(
          fieldError(['designatedBy'], 'Seule une habilitation de membre de jury nomme qui l’a désigné·e.'),
        );
    }
    if (errors.length > 0) throw problems.unprocessable(errors, 'Habilitation incomplète.');
    // Asked before the transaction: identity reads through its own connection.
    if (input.userId && !(await people.hasRole(input.userId, input.kind as PersonHabilitation))) {
      throw problems.unprocessable(
        [fieldError(['userId'], `Cette personne n’a pas de compte avec le rôle ${input.kind}.`)],
        'Personne inconnue pour ce rôle.',
      );
    }
    return db.transaction().execute(async (trx) => {
      if (input.organisationId) {
        const org = await trx
          .selectFrom('organisations')
          .select(['kind'])
          .where('id', '=', input.organisationId)
          .executeTakeFirst();
        if (!org || (org.kind !== 'training_org' && org.kind !== 'assessment_centre')) {
          throw problems.unprocessable(
            [fieldError(['organisationId'], 'Organisme de formation ou centre d’évaluation inconnu.')],
            'Organisme inconnu.',
          );
        }
      }
      const row = await trx
        .insertInto('habilitations')
        .values({
          certification_id: certificationId,
          kind: input.kind,
          organisation_id: input.organisationId ?? null,
          user_id: input.userId ?? null,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          college: input.college ?? null,
          designated_by: input.designatedBy ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'habilitation.create',
        entityType: 'habilitation',
        entityId: row.id,
        after: { certificationId, ...input },
        requestId,
      });
      return row.id;
    });
  }

  async function remove(certificationId: string, habilitationId: string, actor: Actor, requestId: string) {
    await assertCanManage(certificationId, actor);
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .deleteFrom('habilitations')
        .where('id', '=', habilitationId)
        .where('certification_id', '=', certificationId)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw problems.notFound('Habilitation introuvable.');
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'habilitation.delete',
        entityType: 'habilitation',
        entityId: habilitationId,
        before: { certificationId, kind: row.kind, validFrom: row.valid_from, validTo: row.valid_to },
        requestId,
      });
    });
  }

  /**
   * Who is habilitated for a certification on a date — the one query that pathways
   * (training organisations), assessments (evaluators) and juries (members) rely on.
   */
  async function habilitatedOn(certificationId: string, date: string, need?: HabilitationKind) {
    let query = db
      .selectFrom('habilitations as h')
      .leftJoin('organisations as o', 'o.id', 'h.organisation_id')
      .select([
        'h.id',
        'h.kind',
        'h.valid_from',
        'h.valid_to',
        'h.organisation_id',
        'o.name as organisation_name',
        'o.siret as organisation_siret',
        'o.qualiopi_expires_on',
        'h.user_id',
        'h.college',
        'h.designated_by',
      ])
      .where('h.certification_id', '=', certificationId)
      .where('h.valid_from', '<=', date)
      .where('h.valid_to', '>=', date);
    if (need) query = query.where('h.kind', 'in', SATISFIES[need]);
    const rows = await withPersonNames(await query.orderBy('h.kind').orderBy('o.name').execute());
    // Organisations come by name from the query; people by name within their kind.
    return rows
      .map((row, i) => ({ row, i }))
      .sort((a, b) =>
        a.row.kind === b.row.kind && a.row.user_id && b.row.user_id
          ? byName(a.row.person_name ?? '', b.row.person_name ?? '') || a.i - b.i
          : a.i - b.i,
      )
      .map(({ row }) => row);
  }

  /**
   * `habilitatedOn` as a person sees it: organisations for everyone, habilitated people
   * (names) only for the staff of the certification's branches.
   */
  async function habilitatedFor(
    certificationId: string,
    date: string,
    need: HabilitationKind | undefined,
    actor: Actor | null,
  ) {
    const cert = await findCertification(db, certificationId);
    if (!cert) throw problems.notFound('Certification introuvable.');
    enforce(actor, 'read', 'certification', ownershipOf(cert), 'Certification introuvable.');
    const rows = await habilitatedOn(certificationId, date, need);
    if (authorize(actor, 'readHabilitations', 'certification', ownershipOf(cert))) return rows;
    return rows.filter((r) => r.user_id === null);
  }

  /** Every habilitation of the certification, past and future: its branches' staff only (404 otherwise). */
  async function list(certificationId: string, actor: Actor) {
    const cert = await findCertification(db, certificationId);
    if (!cert) throw problems.notFound('Certification introuvable.');
    enforce(actor, 'readHabilitations', 'certification', ownershipOf(cert), 'Certification introuvable.');
    const rows = await db
      .selectFrom('habilitations as h')
      .leftJoin('organisations as o', 'o.id', 'h.organisation_id')
      .select([
        'h.id',
        'h.kind',
        'h.valid_from',
        'h.valid_to',
        'h.organisation_id',
        'o.name as organisation_name',
        'h.user_id',
        'h.college',
        'h.designated_by',
      ])
      .where('h.certification_id', '=', certificationId)
      .orderBy('h.valid_from', 'desc')
      .execute();
    return withPersonNames(rows);
  }

  /**
   * The people holding a jury_member habilitation valid on `on` for EVERY given certification,
   * with the college and designation their habilitation names (that of the first certification
   * listed; the latest habilitation when several are valid). A session picks its members among them.
   */
  async function juryMembersOn(
    certificationIds: readonly string[],
    on: IsoDate,
  ): Promise<HabilitatedJuryMember[]> {
    const ids = [...new Set(certificationIds)];
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('habilitations')
      .select(['user_id', 'certification_id', 'college', 'designated_by', 'valid_from'])
      .where('kind', '=', 'jury_member')
      .where('certification_id', 'in', ids)
      .where('user_id', 'is not', null)
      .where('valid_from', '<=', on)
      .where('valid_to', '>=', on)
      .orderBy('valid_from', 'desc')
      .execute();
    const byUser = new Map<string, typeof rows>();
    for (const r of rows) byUser.set(r.user_id as string, [...(byUser.get(r.user_id as string) ?? []), r]);
    const members: HabilitatedJuryMember[] = [];
    for (const [userId, held] of byUser) {
      if (!ids.every((id) => held.some((h) => h.certification_id === id))) continue;
      const first = held.find((h) => h.certification_id === ids[0]) as (typeof rows)[number];
      // A row from before 0016 may lack its college: not a member a session can seat.
      if (!first.college) continue;
      members.push({ userId, college: first.college, designatedBy: first.designated_by });
    }
    return members;
  }

  /**
   * `juryMembersOn` for one certification as its branches' staff (and admins) read it: 404 for
   * an unknown certification or one the actor does not staff.
   */
  async function juryMembersFor(certificationId: string, on: IsoDate, actor: Actor) {
    const cert = await findCertification(db, certificationId);
    if (!cert) throw problems.notFound('Certification introuvable.');
    enforce(actor, 'readHabilitations', 'certification', ownershipOf(cert), 'Certification introuvable.');
    return juryMembersOn([certificationId], on);
  }

  return { create, remove, habilitatedOn, habilitatedFor, list, juryMembersOn, juryMembersFor };
}

export type HabilitationsService = ReturnType<typeof habilitationsServiceFactory>;
