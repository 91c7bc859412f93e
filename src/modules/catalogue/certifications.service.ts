import { type Kysely, sql, type Transaction } from 'kysely';
import { today } from '../../contracts/dates.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { authorize, enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { fieldError, problems } from '../../platform/problem.js';
import {
  eventsOf,
  findCertification,
  hasPublishedFramework,
  ownershipOf,
  refreshSearch,
  toDomainEvent,
  touchCatalogue,
  writePeriods,
} from './certifications.repo.js';
import { type CertificationInput, certificationProblems } from './domain/certification.js';
import {
  type InvitationAction,
  nextInvitationStatus,
  OWNERSHIP_REFUSALS,
  type OwnershipPlan,
  planOwnership,
} from './domain/co-ownership.js';
import {
  ACTIVATION_MISSING,
  type CertificationAction,
  missingForActivation,
  nextCertificationStatus,
  transitionRefusal,
} from './domain/lifecycle.js';
import {
  eventProblems,
  type IsoDate,
  type RecognitionEvent,
  recognitionOn,
  recognitionTimeline,
} from './domain/recognition.js';
import { normaliseSiret } from './domain/siret.js';
import { referenceLists } from './reference.js';

export type NewRecognitionEvent = RecognitionEvent & {
  reference?: string | undefined;
  successorId?: string | undefined;
};

function snapshot(input: CertificationInput) {
  return { ...input, branchIds: [...input.branchIds].sort() };
}

export function certificationsServiceFactory({ db }: { db: Db }) {
  async function assertBranchesExist(q: Kysely<Database>, branchIds: string[]) {
    if (branchIds.length === 0) return;
    const found = await q.selectFrom('branches').select('id').where('id', 'in', branchIds).execute();
    const known = new Set(found.map((b) => b.id));
    const missing = branchIds.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
    if (missing.length > 0) {
      throw problems.unprocessable(
        missing.map(({ i }) => fieldError(['branchIds', i], 'Branche inconnue.')),
        'Une branche citée n’existe pas.',
      );
    }
  }

  function validate(input: CertificationInput) {
    const errors = certificationProblems(input, referenceLists());
    if (errors.length > 0)
      throw problems.unprocessable(errors, 'La certification ne peut pas être enregistrée ainsi.');
  }

  /**
   * What naming these branches does (CQPI co-ownership): branches the actor manages co-own it
   * at once, others are invited. Listed branches the actor may not act for answer 422 on
   * `branchIds/i`.
   */
  function plan(
    actor: Actor,
    input: CertificationInput,
    current: { owners: string[]; pending: string[] } = { owners: [], pending: [] },
  ): OwnershipPlan {
    const result = planOwnership({
      ...current,
      requested: input.branchIds,
      manages: (id) => authorize(actor, 'ownCertifications', 'branch', { id }),
    });
    if (result.refusals.length > 0) {
      throw problems.unprocessable(
        result.refusals.map((r) => {
          const i = input.branchIds.indexOf(r.branchId);
          return fieldError(i >= 0 ? ['branchIds', i] : ['branchIds'], OWNERSHIP_REFUSALS[r.reason]);
        }),
        'Ces branches ne peuvent pas être citées ainsi.',
      );
    }
    return result;
  }

  /** Applies a plan: owner rows, new invitations, and the invitations it settles. */
  async function applyPlan(trx: Kysely<Database>, certificationId: string, p: OwnershipPlan, actor: Actor) {
    if (p.removeOwners.length > 0) {
      await trx
        .deleteFrom('certification_branches')
        .where('certification_id', '=', certificationId)
        .where('branch_id', 'in', p.removeOwners)
        .execute();
    }
    if (p.addOwners.length > 0) {
      await trx
        .insertInto('certification_branches')
        .values(p.addOwners.map((branch_id) => ({ certification_id: certificationId, branch_id })))
        .execute();
      // A branch the actor manages (or any, for an admin) that had been invited: settled now.
      await closeInvitations(trx, certificationId, p.addOwners, 'accept', actor);
    }
    await closeInvitations(trx, certificationId, p.withdraw, 'withdraw', actor);
    if (p.invite.length > 0) {
      await trx
        .insertInto('co_ownership_invitations')
        .values(
          p.invite.map((branch_id) => ({
            certification_id: certificationId,
            branch_id,
            invited_by: actor.userId,
          })),
        )
        .execute();
    }
  }

  async function closeInvitations(
    trx: Kysely<Database>,
    certificationId: string,
    branchIds: string[],
    action: InvitationAction,
    actor: Actor,
  ) {
    if (branchIds.length === 0) return;
    await trx
      .updateTable('co_ownership_invitations')
      .set({
        status: nextInvitationStatus('pending', action) as 'accepted' | 'declined' | 'withdrawn',
        answered_by: actor.userId,
        answered_at: new Date(),
      })
      .where('certification_id', '=', certificationId)
      .where('branch_id', 'in', branchIds)
      .where('status', '=', 'pending')
      .execute();
  }

  async function create(input: CertificationInput, actor: Actor, requestId: string) {
    validate(input);
    return db.transaction().execute(async (trx) => {
      await assertBranchesExist(trx, input.branchIds);
      const ownership = plan(actor, input);
      const clash = await trx
        .selectFrom('certifications')
        .select('id')
        .where((eb) => eb(eb.fn('lower', ['code']), '=', input.code.toLowerCase()))
        .executeTakeFirst();
      if (clash)
        throw problems.conflict('Ce code est déjà utilisé.', [fieldError(['code'], 'Code déjà utilisé.')]);
      const row = await trx
        .insertInto('certifications')
        .values({
          kind: input.kind,
          code: input.code,
          title: input.title,
          description: input.description,
          jobs_targeted: input.jobsTargeted,
          legal_owner_name: input.legalOwner.name,
          legal_owner_siret: normaliseSiret(input.legalOwner.siret),
          rome_codes: input.romeCodes,
          nsf_codes: input.nsfCodes,
          formacode_codes: input.formacodeCodes,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await applyPlan(trx, row.id, ownership, actor);
      await refreshSearch(trx, row.id);
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'certification.create',
        entityType: 'certification',
        entityId: row.id,
        after: { ...snapshot(input), ...ownershipAudit(ownership) },
        requestId,
      });
      return row.id;
    });
  }

  async function update(id: string, input: CertificationInput, actor: Actor, requestId: string) {
    validate(input);
    await db.transaction().execute(async (trx) => {
      const current = await writableCertification(trx, id, actor, 'update');
      await assertBranchesExist(trx, input.branchIds);
      const ownership = plan(actor, input, {
        owners: current.branches.map((b) => b.id),
        pending: current.invitedBranches.map((b) => b.id),
      });
      const clash = await trx
        .selectFrom('certifications')
        .select('id')
        .where((eb) => eb(eb.fn('lower', ['code']), '=', input.code.toLowerCase()))
        .where('id', '<>', id)
        .executeTakeFirst();
      if (clash)
        throw problems.conflict('Ce code est déjà utilisé.', [fieldError(['code'], 'Code déjà utilisé.')]);
      await trx
        .updateTable('certifications')
        .set({
          kind: input.kind,
          code: input.code,
          title: input.title,
          description: input.description,
          jobs_targeted: input.jobsTargeted,
          legal_owner_name: input.legalOwner.name,
          legal_owner_siret: normaliseSiret(input.legalOwner.siret),
          rome_codes: input.romeCodes,
          nsf_codes: input.nsfCodes,
          formacode_codes: input.formacodeCodes,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      await applyPlan(trx, id, ownership, actor);
      await refreshSearch(trx, id);
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'certification.update',
        entityType: 'certification',
        entityId: id,
        before: snapshot(toInput(current)),
        after: { ...snapshot(input), ...ownershipAudit(ownership) },
        requestId,
      });
    });
  }

  /**
   * The certification as `actor` may see it (null: anonymous): a draft answers 404, as an
   * unknown id, to anyone but the staff of its owning branches. Other modules' own jobs (the
   * registry's comparisons) read it as SYSTEM_ADMIN.
   */
  async function get(id: string, actor: Actor | null) {
    const cert = await readable(db, id, actor);
    const events = await eventsOf(db, id);
    return { ...cert, events };
  }

  async function readable(q: Kysely<Database>, id: string, actor: Actor | null) {
    const cert = await findCertification(q, id);
    if (!cert) throw problems.notFound('Certification introuvable.');
    enforce(actor, 'read', 'certification', ownershipOf(cert), 'Certification introuvable.');
    return cert;
  }

  /** Whether `actor` may see it: false for an unknown id and for someone else's draft. */
  async function isVisible(id: string, actor: Actor | null): Promise<boolean> {
    const cert = await findCertification(db, id);
    return cert !== undefined && authorize(actor, 'read', 'certification', ownershipOf(cert));
  }

  async function recognition(id: string, date: IsoDate, actor: Actor | null) {
    await readable(db, id, actor);
    return recognitionOn((await eventsOf(db, id)).map(toDomainEvent), date);
  }

  /**
   * What keeps the certification from being activated today (domain/lifecycle.ts): no
   * published framework version, no legal existence. Empty when it may be.
   */
  async function activationGaps(q: Kysely<Database>, id: string) {
    const recognitionToday = recognitionOn((await eventsOf(q, id)).map(toDomainEvent), today());
    return missingForActivation({
      publishedFramework: await hasPublishedFramework(q, id),
      recognition: recognitionToday.status,
    });
  }

  /**
   * Moves the certification along its lifecycle: 404 for someone who may not see it, 403 for
   * someone who may see it but not change it, 409 when its status does not allow the action,
   * 422 naming what is missing when a draft is not ready to be activated.
   */
  async function transition(id: string, action: CertificationAction, actor: Actor, requestId: string) {
    await db.transaction().execute(async (trx) => {
      const cert = await findCertification(trx, id);
      if (!cert) throw problems.notFound('Certification introuvable.');
      enforce(actor, action, 'certification', ownershipOf(cert), 'Certification introuvable.');
      const next = nextCertificationStatus(cert.status, action);
      if (!next) throw problems.conflict(transitionRefusal(cert.status, action));
      if (action === 'activate') {
        const missing = await activationGaps(trx, id);
        if (missing.length > 0) {
          throw problems.unprocessable(
            missing.map((m) =>
              fieldError(
                [m === 'published_framework' ? 'framework' : 'recognition'],
                ACTIVATION_MISSING[m],
                'certification',
              ),
            ),
            `La certification ne peut pas être mise au catalogue : ${missing.map((m) => ACTIVATION_MISSING[m]).join(' ')}`,
          );
        }
      }
      await trx
        .updateTable('certifications')
        .set({ status: next, updated_at: new Date() })
        .where('id', '=', id)
        .where('status', '=', cert.status)
        .execute();
      await touchCatalogue(trx);
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: `certification.${action}`,
        entityType: 'certification',
        entityId: id,
        before: { status: cert.status },
        after: { status: next },
        requestId,
      });
    });
  }

  /** The recognition history as the domain reads it, for another module to compare (registry). */
  async function recognitionEvents(id: string): Promise<RecognitionEvent[]> {
    return (await eventsOf(db, id)).map(toDomainEvent);
  }

  /** Code and title of each known certification among `ids`, for another module's lists. */
  async function summaries(ids: readonly string[]): Promise<Map<string, { code: string; title: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('certifications')
      .select(['id', 'code', 'title'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, { code: r.code, title: r.title }]));
  }

  /** The id of each known certification among catalogue `codes`, keyed by the code in lower case (codes are unique without case). */
  async function idsByCode(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await db
      .selectFrom('certifications')
      .select(['id', 'code'])
      .where(
        sql<string>`lower(code)`,
        'in',
        codes.map((c) => c.toLowerCase()),
      )
      .execute();
    return new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
  }

  /** The branches owning each known certification among `ids` (the policy facts of what hangs on them). */
  async function branchIdsOf(ids: readonly string[]): Promise<Map<string, string[]>> {
    const owners = new Map<string, string[]>();
    if (ids.length === 0) return owners;
    const rows = await db
      .selectFrom('certification_branches')
      .select(['certification_id', 'branch_id'])
      .where('certification_id', 'in', ids)
      .orderBy('branch_id')
      .execute();
    for (const r of rows)
      owners.set(r.certification_id, [...(owners.get(r.certification_id) ?? []), r.branch_id]);
    return owners;
  }

  /**
   * The legal owner (the « certificateur », SIRET and name) of each certification among `ids`,
   * or of every certification of the legal owner `siret`, or of all (neither given): for the
   * CDC deposits, whose flux go one per certifier.
   */
  async function legalOwners(filter: { ids?: readonly string[]; siret?: string } = {}) {
    if (filter.ids?.length === 0) return [];
    const rows = await db
      .selectFrom('certifications')
      .select(['id', 'legal_owner_siret', 'legal_owner_name'])
      .$if(filter.ids !== undefined, (q) => q.where('id', 'in', filter.ids as readonly string[]))
      .$if(filter.siret !== undefined, (q) => q.where('legal_owner_siret', '=', filter.siret as string))
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, siret: r.legal_owner_siret, name: r.legal_owner_name }));
  }

  /** The ids of the certifications owned by any of `branchIds`. */
  async function idsOfBranches(branchIds: readonly string[]): Promise<string[]> {
    if (branchIds.length === 0) return [];
    const rows = await db
      .selectFrom('certification_branches')
      .select('certification_id')
      .distinct()
      .where('branch_id', 'in', branchIds)
      .execute();
    return rows.map((r) => r.certification_id);
  }

  /** The certification, if the actor may do `action` on it (404 / 403 otherwise). */
  async function writableCertification(
    trx: Kysely<Database>,
    id: string,
    actor: Actor,
    action: 'update' | 'manageEvents' = 'manageEvents',
  ) {
    const cert = await findCertification(trx, id);
    if (!cert) throw problems.notFound('Certification introuvable.');
    enforce(actor, action, 'certification', ownershipOf(cert), 'Certification introuvable.');
    return cert;
  }

  /** Stores one event row (after saveEvents has accepted the whole history). */
  async function insertEvent(trx: Kysely<Database>, id: string, event: NewRecognitionEvent) {
    const row = await trx
      .insertInto('recognition_events')
      .values({
        certification_id: id,
        type: event.type,
        date: event.date,
        number: event.number ?? null,
        level: event.level ?? null,
        valid_from: event.from ?? null,
        valid_to: event.to ?? null,
        reference: event.reference ?? null,
        successor_id: event.successorId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Writes the events, rebuilds the derived periods; refuses an inconsistent history as a whole. */
  async function saveEvents(
    trx: Kysely<Database>,
    id: string,
    next: RecognitionEvent[],
    at: (index: number) => (string | number)[],
  ) {
    const bad = eventProblems(next);
    if (bad.length > 0) {
      throw problems.unprocessable(
        bad.map((p) => fieldError([...at(p.index), p.field], p.detail)),
        'Cet historique de reconnaissance serait incohérent.',
      );
    }
    await writePeriods(trx, id, recognitionTimeline(next));
  }

  /**
   * `within` runs in the same transaction, after the event is written: another module's
   * own writes that must commit with it (e.g. marking a registry alert applied).
   */
  async function addEvent(
    id: string,
    event: NewRecognitionEvent,
    actor: Actor,
    requestId: string,
    within?: (trx: Transaction<Database>) => Promise<void>,
  ) {
    return db.transaction().execute(async (trx) => {
      await writableCertification(trx, id, actor);
      if (event.type === 'replaced') {
        if (!event.successorId) {
          throw problems.unprocessable(
            [fieldError(['successorId'], 'Indiquez la certification qui la remplace.')],
            'Successeur manquant.',
          );
        }
        if (event.successorId === id || !(await findCertification(trx, event.successorId))) {
          throw problems.unprocessable(
            [fieldError(['successorId'], 'Certification successeur inconnue.')],
            'Successeur inconnu.',
          );
        }
      } else if (event.successorId) {
        throw problems.unprocessable(
          [fieldError(['successorId'], 'Seul un remplacement a un successeur.')],
          'Successeur inattendu.',
        );
      }
      const existing = (await eventsOf(trx, id)).map(toDomainEvent);
      const { reference: _reference, successorId: _successorId, ...domainEvent } = event;
      await saveEvents(trx, id, [...existing, domainEvent], (i) =>
        i === existing.length ? [] : ['events', i],
      );
      const eventId = await insertEvent(trx, id, event);
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'certification.recognition_event.add',
        entityType: 'certification',
        entityId: id,
        after: { event: { id: eventId, ...event } },
        requestId,
      });
      await within?.(trx);
      return eventId;
    });
  }

  /**
   * Replaces every registration of the same type numbered `event.number` by `event` (e.g. the
   * dates France compétences publishes), checked as a whole history and audited as one
   * change; `within` runs in the same transaction.
   */
  async function replaceRegistration(
    id: string,
    event: NewRecognitionEvent & { type: 'rncp_registered' | 'rs_registered'; number: string },
    actor: Actor,
    requestId: string,
    within?: (trx: Transaction<Database>) => Promise<void>,
  ) {
    return db.transaction().execute(async (trx) => {
      await writableCertification(trx, id, actor);
      const rows = await eventsOf(trx, id);
      const replaced = rows.filter((r) => r.type === event.type && r.number === event.number);
      const kept = rows.filter((r) => !replaced.includes(r)).map(toDomainEvent);
      const { reference, successorId: _successorId, ...domainEvent } = event;
      await saveEvents(trx, id, [...kept, domainEvent], (i) => (i === kept.length ? [] : ['events', i]));
      if (replaced.length > 0) {
        await trx
          .deleteFrom('recognition_events')
          .where(
            'id',
            'in',
            replaced.map((r) => r.id),
          )
          .execute();
      }
      // A registration has no successor, whatever the caller passed.
      const eventId = await insertEvent(trx, id, { ...event, successorId: undefined });
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'certification.recognition_event.replace',
        entityType: 'certification',
        entityId: id,
        before: { events: replaced.map((r) => ({ id: r.id, ...toDomainEvent(r) })) },
        after: { events: [{ id: eventId, ...domainEvent, ...(reference ? { reference } : {}) }] },
        requestId,
      });
      await within?.(trx);
      return eventId;
    });
  }

  async function deleteEvent(id: string, eventId: string, actor: Actor, requestId: string) {
    await db.transaction().execute(async (trx) => {
      await writableCertification(trx, id, actor);
      const rows = await eventsOf(trx, id);
      const target = rows.find((r) => r.id === eventId);
      if (!target) throw problems.notFound('Événement introuvable.');
      const rest = rows.filter((r) => r.id !== eventId);
      await saveEvents(trx, id, rest.map(toDomainEvent), (i) => ['events', i]);
      await trx.deleteFrom('recognition_events').where('id', '=', eventId).execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'certification.recognition_event.delete',
        entityType: 'certification',
        entityId: id,
        before: { event: { ...toDomainEvent(target), id: eventId } },
        requestId,
      });
    });
  }

  return {
    create,
    update,
    get,
    isVisible,
    activate: (id: string, actor: Actor, requestId: string) => transition(id, 'activate', actor, requestId),
    retire: (id: string, actor: Actor, requestId: string) => transition(id, 'retire', actor, requestId),
    recognition,
    recognitionEvents,
    summaries,
    idsByCode,
    idsOfBranches,
    branchIdsOf,
    legalOwners,
    addEvent,
    replaceRegistration,
    deleteEvent,
  };
}

/** What an audit row says of co-ownership changes (branch ids only). */
function ownershipAudit(p: OwnershipPlan) {
  const changed = p.invite.length + p.removeOwners.length + p.withdraw.length > 0;
  return changed || p.addOwners.length > 0
    ? {
        owners: { added: p.addOwners, removed: p.removeOwners },
        invitations: { sent: p.invite, withdrawn: p.withdraw },
      }
    : {};
}

function toInput(cert: NonNullable<Awaited<ReturnType<typeof findCertification>>>): CertificationInput {
  return {
    kind: cert.kind,
    code: cert.code,
    title: cert.title,
    branchIds: cert.branches.map((b) => b.id),
    legalOwner: { name: cert.legal_owner_name, siret: cert.legal_owner_siret },
    romeCodes: cert.rome_codes,
    nsfCodes: cert.nsf_codes,
    formacodeCodes: cert.formacode_codes,
    description: cert.description,
    jobsTargeted: cert.jobs_targeted,
  };
}

export type CertificationsService = ReturnType<typeof certificationsServiceFactory>;
