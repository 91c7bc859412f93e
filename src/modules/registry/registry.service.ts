import { sql, type Transaction } from 'kysely';
import { today } from '../../contracts/dates.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf, SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import { capabilities, enforce, managedBranches } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import {
  ALERT_RESOLUTION,
  type AlertAction,
  type AlertKind,
  type AlertStatus,
  APPLIES_REGISTRATION,
  applyRefusal,
  type Difference,
  detailsKey,
  type FicheFacts,
  nextAlertStatus,
  registryDifferences,
} from './domain/alerts.js';
import type { Correspondence, Registry, RegistryFiche } from './domain/fiche.js';
import { type FicheSearch, findFiche, findFiches, searchFiches } from './registry.repo.js';

const REGISTRIES: readonly Registry[] = ['RNCP', 'RS'];

/** One registry's import state, as the public lookup shows it. */
export type RegistryStatus = {
  registry: Registry;
  importedAt: Date | null;
  fiches: number;
  activeFiches: number;
};

type FicheRow = NonNullable<Awaited<ReturnType<typeof findFiche>>>;

function factsOf(row: FicheRow, successorTitles: Map<string, string>): FicheFacts {
  const fiche = row.fiche as RegistryFiche;
  return {
    numero: row.numero,
    registry: row.registry,
    title: row.title,
    active: row.active,
    present: row.present,
    state: row.state ?? undefined,
    start: row.start_date ?? undefined,
    end: row.end_date ?? undefined,
    level: row.level ?? undefined,
    successors: fiche.successors.map((numero) => ({ numero, title: successorTitles.get(numero) })),
  };
}

/**
 * The registry as the rest of Qualif sees it: fiche lookup and search, links between
 * catalogue certifications and fiches, and the alerts raised when the registry and the
 * catalogue disagree (raised by `syncAll` after each import and by `syncCertification`
 * when a link is made). Recognition events are written only through the catalogue's
 * certifications service, so its checks, derived periods and audit apply.
 */
/** Where an open alert goes on `action` (ALERT_TRANSITIONS). */
function closedBy(action: AlertAction): AlertStatus {
  return nextAlertStatus('open', action) as AlertStatus;
}

export function registryServiceFactory({
  db,
  certifications,
}: {
  db: Db;
  certifications: CertificationsService;
}) {
  async function getFiche(numero: string) {
    const row = await findFiche(db, numero.toUpperCase());
    if (!row) throw problems.notFound(`Fiche ${numero} inconnue (absente des exports importés).`);
    return row;
  }

  async function search(filters: FicheSearch, page: number, pageSize: number) {
    return searchFiches(db, filters, page, pageSize);
  }

  /**
   * What the public lookup rests on, for each registry: when its last successful import
   * ended (an export of both registries counts for each) and how many of its fiches are
   * present in the exports, and active. No names, no accounts.
   */
  async function status(): Promise<RegistryStatus[]> {
    const [runs, counts] = await Promise.all([
      db
        .selectFrom('registry_import_runs')
        .select(['kind', (eb) => eb.fn.max('ended_at').as('ended_at')])
        .where('status', '=', 'succeeded')
        .where('kind', 'is not', null)
        .groupBy('kind')
        .execute(),
      db
        .selectFrom('registry_fiches')
        .select([
          'registry',
          (eb) => eb.fn.countAll<string>().as('fiches'),
          (eb) => eb.fn.count<string>('numero').filterWhere('active', '=', true).as('active'),
        ])
        .where('present', '=', true)
        .groupBy('registry')
        .execute(),
    ]);
    return REGISTRIES.map((registry) => {
      const ends = runs
        .filter((r) => r.kind === registry || r.kind === 'MIXED')
        .map((r) => (r.ended_at === null ? null : new Date(r.ended_at)))
        .filter((d): d is Date => d !== null);
      const count = counts.find((c) => c.registry === registry);
      return {
        registry,
        importedAt: ends.length ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null,
        fiches: Number(count?.fiches ?? 0),
        activeFiches: Number(count?.active ?? 0),
      };
    });
  }

  /** The certification whose registry links the actor changes: 404 unseen, 403 not theirs. */
  async function linkableCertification(certificationId: string, actor: Actor) {
    const cert = await certifications.get(certificationId, actor);
    enforce(actor, 'linkRegistry', 'certification', {
      branchIds: cert.branches.map((b) => b.id),
      status: cert.status,
    });
    return cert;
  }

  // -------------------------------------------------------------------------------------
  // Links

  /** The fiches linked to a certification: none for someone else's draft, as for an unknown id. */
  async function links(certificationId: string, actor: Actor | null) {
    if (!(await certifications.isVisible(certificationId, actor))) return [];
    const rows = await db
      .selectFrom('certification_registry_links as l')
      .leftJoin('registry_fiches as f', 'f.numero', 'l.numero')
      .select([
        'l.numero',
        'l.created_at',
        'f.title',
        'f.registry',
        'f.active',
        'f.present',
        'f.start_date',
        'f.end_date',
        'f.level',
      ])
      .where('l.certification_id', '=', certificationId)
      .orderBy('l.numero')
      .execute();
    return rows;
  }

  /**
   * The fiches present in the exports and linked to a Qualif certification, with their
   * CORRESPONDANCES entries (none: an empty list) and the certification linked (one row per
   * link; a fiche linked to two certifications comes twice). The links are few: what the carrying
   * of partial awards through the registry's equivalences rests on (issue 13, point 5).
   */
  async function linkedCorrespondences(): Promise<
    { certificationId: string; fiche: string; correspondences: Correspondence[] }[]
  > {
    const rows = await db
      .selectFrom('certification_registry_links as l')
      .innerJoin('registry_fiches as f', 'f.numero', 'l.numero')
      .select([
        'l.certification_id',
        'l.numero',
        sql<unknown>`f.fiche->'correspondences'`.as('correspondences'),
      ])
      .where('f.present', '=', true)
      .orderBy('l.numero')
      .orderBy('l.certification_id')
      .execute();
    return rows.map((r) => ({
      certificationId: r.certification_id,
      fiche: r.numero,
      correspondences: (Array.isArray(r.correspondences) ? r.correspondences : []) as Correspondence[],
    }));
  }

  async function link(certificationId: string, numero: string, actor: Actor, requestId: string) {
    await linkableCertification(certificationId, actor);
    const fiche = await findFiche(db, numero);
    if (!fiche) {
      throw problems.unprocessable(
        [fieldError(['numero'], 'Fiche inconnue : importez d’abord l’export qui la contient.', 'path')],
        `Fiche ${numero} inconnue.`,
      );
    }
    const added = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('certification_registry_links')
        .values({ certification_id: certificationId, numero })
        .onConflict((oc) => oc.doNothing())
        .returning('numero')
        .execute();
      if (inserted.length === 0) return false;
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'certification.registry_link.add',
        entityType: 'certification',
        entityId: certificationId,
        after: { numero },
        requestId,
      });
      return true;
    });
    if (added) await syncCertification(certificationId, null);
    return added;
  }

  async function unlink(certificationId: string, numero: string, actor: Actor, requestId: string) {
    await linkableCertification(certificationId, actor);
    await db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('certification_registry_links')
        .where('certification_id', '=', certificationId)
        .where('numero', '=', numero)
        .returning('numero')
        .execute();
      if (removed.length === 0) throw problems.notFound('Ce lien n’existe pas.');
      await trx
        .updateTable('registry_alerts')
        .set({
          status: closedBy('unlink'),
          resolution: ALERT_RESOLUTION.unlink,
          resolved_at: new Date(),
          resolved_by: auditActorOf(actor).userId,
        })
        .where('certification_id', '=', certificationId)
        .where('numero', '=', numero)
        .where('status', '=', 'open')
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'certification.registry_link.remove',
        entityType: 'certification',
        entityId: certificationId,
        before: { numero },
        requestId,
      });
    });
  }

  // -------------------------------------------------------------------------------------
  // Sync: differences → alerts

  /**
   * Compares one certification with each fiche it is linked to and brings its open alerts
   * in line: an identical open alert is kept (never duplicated), an open alert of the same
   * kind with other details is closed as `superseded` and a new one opened, and an open
   * alert whose difference has gone (fixed by hand in the catalogue, or by a newer export)
   * is closed as `resolved`. Returns how many alerts were opened.
   */
  async function syncCertification(certificationId: string, runId: string | null): Promise<number> {
    // Everything is read before the transaction (PGlite has a single connection).
    const cert = await certifications.get(certificationId, SYSTEM_ADMIN);
    const linked = await db
      .selectFrom('certification_registry_links')
      .select('numero')
      .where('certification_id', '=', certificationId)
      .execute();
    const rows = await findFiches(
      db,
      linked.map((l) => l.numero),
    );
    const successorNumeros = rows.flatMap((r) => (r.fiche as RegistryFiche).successors);
    const successorTitles = new Map((await findFiches(db, successorNumeros)).map((r) => [r.numero, r.title]));
    const byNumero = new Map(rows.map((r) => [r.numero, r]));
    const events = await certifications.recognitionEvents(certificationId);
    const date = today();
    const wanted: (Difference & { numero: string })[] = linked.flatMap(({ numero }) => {
      const row = byNumero.get(numero);
      return registryDifferences(
        numero,
        row ? factsOf(row, successorTitles) : undefined,
        { title: cert.title, events },
        date,
      ).map((d) => ({ ...d, numero }));
    });
    // Open alerts, and alerts a person dismissed: a dismissed difference stays dismissed
    // until its details change (the next export must not bring it back every day).
    const known = await db
      .selectFrom('registry_alerts')
      .select(['id', 'numero', 'kind', 'details', 'status'])
      .where('certification_id', '=', certificationId)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'open'),
          eb.and([eb('status', '=', 'dismissed'), eb('resolution', '=', 'dismissed')]),
        ]),
      )
      .execute();
    const open = known.filter((a) => a.status === 'open');

    return db.transaction().execute(async (trx) => {
      let created = 0;
      const kept = new Set<string>();
      for (const d of wanted) {
        const key = detailsKey(d.details);
        const same = known.find(
          (a) => a.numero === d.numero && a.kind === d.kind && detailsKey(a.details) === key,
        );
        if (same) {
          if (same.status === 'open') kept.add(same.id);
          continue;
        }
        await trx
          .insertInto('registry_alerts')
          .values({
            certification_id: certificationId,
            numero: d.numero,
            kind: d.kind,
            details: JSON.stringify(d.details),
            status: 'open',
            created_run_id: runId,
            resolved_by: null,
            resolution: null,
            reason: null,
          })
          .execute();
        created++;
      }
      for (const a of open) {
        if (kept.has(a.id)) continue;
        const superseded = wanted.some((d) => d.numero === a.numero && d.kind === a.kind);
        const action = superseded ? 'supersede' : 'resolve';
        await trx
          .updateTable('registry_alerts')
          .set({
            status: closedBy(action),
            resolution: ALERT_RESOLUTION[action],
            resolved_at: new Date(),
          })
          .where('id', '=', a.id)
          .execute();
      }
      return created;
    });
  }

  /** After an import: every linked certification; returns how many alerts were opened. */
  async function syncAll(runId: string | null): Promise<number> {
    const certs = await db
      .selectFrom('certification_registry_links')
      .select('certification_id')
      .distinct()
      .execute();
    let created = 0;
    for (const c of certs) created += await syncCertification(c.certification_id, runId);
    return created;
  }

  // -------------------------------------------------------------------------------------
  // Alerts

  /** Admins see every alert; branch managers those of their branches' certifications. */
  async function listAlerts(
    actor: Actor,
    filters: { status?: 'open' | 'applied' | 'dismissed' | undefined; certificationId?: string | undefined },
    page: number,
    pageSize: number,
  ) {
    const branchIds = managedBranches(actor);
    let query = db.selectFrom('registry_alerts as a');
    if (branchIds !== '*') {
      // Which certifications the actor's branches own is the catalogue's to say.
      const certificationIds = await certifications.idsOfBranches(branchIds);
      if (certificationIds.length === 0) return { items: [], total: 0 };
      query = query.where('a.certification_id', 'in', certificationIds);
    }
    if (filters.status) query = query.where('a.status', '=', filters.status);
    if (filters.certificationId) query = query.where('a.certification_id', '=', filters.certificationId);
    const rows = await query
      .select([
        'a.id',
        'a.certification_id',
        'a.numero',
        'a.kind',
        'a.details',
        'a.status',
        'a.created_run_id',
        'a.created_at',
        'a.resolved_by',
        'a.resolved_at',
        'a.resolution',
        'a.reason',
      ])
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const named = await certifications.summaries([...new Set(rows.map((r) => r.certification_id))]);
    const items = [];
    for (const r of rows) {
      // Every listed alert is on a certification of the actor's branches (or any, for admins).
      const may = capabilities(actor, 'registryAlert', {
        certificationBranchIds: branchIds === '*' ? [] : branchIds,
      }).resolve;
      const open = r.status === 'open';
      const refusal = open && may ? (await applyPlan(r)).refusal : null;
      items.push({
        ...r,
        certification_code: named.get(r.certification_id)?.code ?? '',
        certification_title: named.get(r.certification_id)?.title ?? '',
        can: { apply: open && may && refusal === null, dismiss: open && may },
        apply_refusal: refusal?.summary ?? null,
      });
    }
    return { items, total: Number(total.n) };
  }

  async function openAlert(id: string, actor: Actor) {
    const alert = await db.selectFrom('registry_alerts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!alert) throw problems.notFound('Alerte introuvable.');
    // An alert on another branch's certification answers as an unknown one.
    const cert = await certifications.get(alert.certification_id, SYSTEM_ADMIN);
    enforce(
      actor,
      'resolve',
      'registryAlert',
      { certificationBranchIds: cert.branches.map((b) => b.id) },
      'Alerte introuvable.',
    );
    if (!nextAlertStatus(alert.status as AlertStatus, 'dismiss')) {
      throw problems.conflict('Cette alerte est déjà traitée.');
    }
    return alert;
  }

  async function resolve(
    trx: Transaction<Database>,
    ids: string[],
    action: 'apply' | 'dismiss',
    actor: Actor,
    requestId: string,
    reason?: string,
  ) {
    const status = closedBy(action);
    await trx
      .updateTable('registry_alerts')
      .set({
        status,
        resolution: ALERT_RESOLUTION[action],
        reason: reason ?? null,
        resolved_at: new Date(),
        resolved_by: auditActorOf(actor).userId,
      })
      .where('id', 'in', ids)
      .where('status', '=', 'open')
      .execute();
    for (const id of ids) {
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: `registry.alert.${action}`,
        entityType: 'registry_alert',
        entityId: id,
        after: { status, ...(reason ? { reason } : {}) },
        requestId,
      });
    }
  }

  /**
   * Applies the registry's side: for a registration alert, the fiche's number, level and
   * dates replace the catalogue's registration under that number; for a successor, a
   * replacement by the certification linked to the successor fiche. Other kinds are fixed
   * by hand in the catalogue, then dismissed.
   */
  /**
   * What applying an open alert would do, loaded once for both the apply action and the
   * `can.apply` listed with each alert: the fiche (registration kinds), the certification
   * linked to a successor fiche (successor), and why it would fail (domain/alerts.ts).
   */
  async function applyPlan(alert: {
    kind: string;
    numero: string;
    certification_id: string;
    details: unknown;
  }) {
    const kind = alert.kind as AlertKind;
    const fiche = APPLIES_REGISTRATION.includes(kind) ? await findFiche(db, alert.numero) : undefined;
    const successors =
      kind === 'successor'
        ? ((alert.details as { successors?: { numero: string }[] }).successors ?? []).map((s) => s.numero)
        : [];
    const successor =
      successors.length === 0
        ? undefined
        : await db
            .selectFrom('certification_registry_links')
            .select(['certification_id', 'numero'])
            .where('numero', 'in', successors)
            .where('certification_id', '<>', alert.certification_id)
            .orderBy('numero')
            .executeTakeFirst();
    const refusal = applyRefusal(
      {
        kind,
        fiche: fiche && {
          present: fiche.present,
          registry: fiche.registry as Registry,
          start: fiche.start_date,
          end: fiche.end_date,
          level: fiche.level,
        },
        successorLinked: successor !== undefined,
      },
      today(),
    );
    return { kind, fiche, successor, refusal };
  }

  /**
   * Applies the registry's side: for a registration alert, the fiche's number, level and
   * dates replace the catalogue's registration under that number; for a successor, a
   * replacement by the certification linked to the successor fiche. Other kinds are fixed
   * by hand in the catalogue, then dismissed.
   */
  async function apply(id: string, actor: Actor, requestId: string) {
    const alert = await openAlert(id, actor);
    const { kind, fiche, successor, refusal } = await applyPlan(alert);
    if (refusal) {
      throw problems.unprocessable([fieldError(refusal.field, refusal.detail, 'path')], refusal.summary);
    }
    if (fiche) {
      // Applying the registration settles every open registration alert of this link.
      const settled = await db
        .selectFrom('registry_alerts')
        .select('id')
        .where('certification_id', '=', alert.certification_id)
        .where('numero', '=', alert.numero)
        .where('status', '=', 'open')
        .where('kind', 'in', APPLIES_REGISTRATION)
        .execute();
      const registry = fiche.registry as Registry;
      await certifications.replaceRegistration(
        alert.certification_id,
        {
          type: registry === 'RNCP' ? 'rncp_registered' : 'rs_registered',
          number: fiche.numero,
          date: fiche.decision_date ?? (fiche.start_date as string),
          ...(registry === 'RNCP' ? { level: fiche.level as number } : {}),
          from: fiche.start_date as string,
          to: fiche.end_date as string,
          reference: `France compétences, fiche ${fiche.numero}`,
        },
        actor,
        requestId,
        (trx) =>
          resolve(
            trx,
            settled.map((s) => s.id),
            'apply',
            actor,
            requestId,
          ),
      );
      return;
    }
    if (kind === 'successor' && successor) {
      const next = await findFiche(db, successor.numero);
      await certifications.addEvent(
        alert.certification_id,
        {
          type: 'replaced',
          date: next?.start_date ?? today(),
          successorId: successor.certification_id,
          reference: `France compétences, fiche ${successor.numero}`,
        },
        actor,
        requestId,
        (trx) => resolve(trx, [alert.id], 'apply', actor, requestId),
      );
    }
  }

  async function dismiss(id: string, actor: Actor, requestId: string, reason?: string) {
    const alert = await openAlert(id, actor);
    await db.transaction().execute((trx) => resolve(trx, [alert.id], 'dismiss', actor, requestId, reason));
  }

  return {
    getFiche,
    search,
    status,
    links,
    linkedCorrespondences,
    link,
    unlink,
    syncCertification,
    syncAll,
    listAlerts,
    apply,
    dismiss,
  };
}

export type RegistryService = ReturnType<typeof registryServiceFactory>;
