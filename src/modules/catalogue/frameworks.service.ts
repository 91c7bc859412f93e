import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { authorize, enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { fieldError, Problem, problems } from '../../platform/problem.js';
import { findCertification, ownershipOf } from './certifications.repo.js';
import {
  type Framework,
  frameworkDiff,
  frameworkProblems,
  frameworkSchema,
  nextVersionStatus,
  type VersionAction,
  type VersionStatus,
} from './domain/framework.js';

function parseContent(value: unknown): Framework {
  return frameworkSchema.parse(value);
}

/** Shape errors (zod) and consistency errors, all as 422 naming the field under `content`. */
function validated(content: unknown): Framework {
  const parsed = frameworkSchema.safeParse(content);
  if (!parsed.success) {
    throw problems.unprocessable(
      parsed.error.issues.map((i) =>
        fieldError(['content', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], i.message),
      ),
      'Le référentiel est incomplet ou mal formé.',
    );
  }
  const bad = frameworkProblems(parsed.data);
  if (bad.length > 0) {
    throw problems.unprocessable(
      bad.map((p) => fieldError(['content', ...p.path], p.detail)),
      'Le référentiel est incohérent.',
    );
  }
  return parsed.data;
}

export function frameworksServiceFactory({ db }: { db: Db }) {
  async function certificationFor(q: Kysely<Database>, certificationId: string) {
    const cert = await findCertification(q, certificationId);
    if (!cert) throw problems.notFound('Certification introuvable.');
    return cert;
  }

  /** The certification whose versions `actor` reads: someone else's draft certification is unknown. */
  async function readableCertification(certificationId: string, actor: Actor | null) {
    const cert = await certificationFor(db, certificationId);
    enforce(actor, 'read', 'certification', ownershipOf(cert), 'Certification introuvable.');
    return cert;
  }

  /** Drafts are seen only by those who may edit the framework. */
  function seesDrafts(actor: Actor | null, cert: Parameters<typeof ownershipOf>[0]) {
    return authorize(actor, 'readDrafts', 'certification', ownershipOf(cert));
  }

  function transition(status: VersionStatus, action: VersionAction, number: number) {
    const next = nextVersionStatus(status, action);
    if (!next) {
      throw new Problem(
        409,
        'version-immutable',
        'Version publiée',
        `La version ${number} est publiée : elle ne peut plus être modifiée. Créez une nouvelle version à partir d’elle.`,
      );
    }
    return next;
  }

  async function list(certificationId: string, actor: Actor | null) {
    const cert = await readableCertification(certificationId, actor);
    const rows = await db
      .selectFrom('framework_versions')
      .select(['id', 'number', 'status', 'based_on_id', 'created_at', 'updated_at', 'published_at'])
      .where('certification_id', '=', certificationId)
      .orderBy('number', 'desc')
      .execute();
    const showDrafts = seesDrafts(actor, cert);
    return rows.filter((r) => r.status === 'published' || showDrafts);
  }

  async function get(certificationId: string, number: number, actor: Actor | null) {
    const cert = await readableCertification(certificationId, actor);
    const row = await db
      .selectFrom('framework_versions')
      .selectAll()
      .where('certification_id', '=', certificationId)
      .where('number', '=', number)
      .executeTakeFirst();
    if (!row || (row.status === 'draft' && !seesDrafts(actor, cert))) {
      throw problems.notFound(`Pas de version ${number} visible pour cette certification.`);
    }
    return { ...row, content: parseContent(row.content) };
  }

  async function latestPublished(certificationId: string) {
    const row = await db
      .selectFrom('framework_versions')
      .selectAll()
      .where('certification_id', '=', certificationId)
      .where('status', '=', 'published')
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { ...row, content: parseContent(row.content) } : undefined;
  }

  /** A new draft: from given content, or as a copy of an existing version (usually the published one). */
  async function createDraft(
    certificationId: string,
    source: { content: unknown } | { basedOn: number },
    actor: Actor,
    requestId: string,
  ) {
    return db.transaction().execute(async (trx) => {
      const cert = await certificationFor(trx, certificationId);
      enforce(actor, 'manageFramework', 'certification', ownershipOf(cert), 'Certification introuvable.');
      const draft = await trx
        .selectFrom('framework_versions')
        .select('number')
        .where('certification_id', '=', certificationId)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (draft) {
        throw problems.conflict(
          `Un brouillon existe déjà (version ${draft.number}) : modifiez-le ou publiez-le.`,
        );
      }
      let content: Framework;
      let basedOnId: string | null = null;
      if ('basedOn' in source) {
        const base = await trx
          .selectFrom('framework_versions')
          .select(['id', 'content'])
          .where('certification_id', '=', certificationId)
          .where('number', '=', source.basedOn)
          .executeTakeFirst();
        if (!base)
          throw problems.unprocessable(
            [fieldError(['basedOn'], 'Version inconnue.')],
            'Version de départ inconnue.',
          );
        content = parseContent(base.content);
        basedOnId = base.id;
      } else {
        content = validated(source.content);
      }
      const last = await trx
        .selectFrom('framework_versions')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('certification_id', '=', certificationId)
        .executeTakeFirst();
      const number = Number(last?.n ?? 0) + 1;
      const row = await trx
        .insertInto('framework_versions')
        .values({
          certification_id: certificationId,
          number,
          status: 'draft',
          content: JSON.stringify(content),
          based_on_id: basedOnId,
        })
        .returning(['id', 'number'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'framework_version.create',
        entityType: 'framework_version',
        entityId: row.id,
        after: { certificationId, number, basedOn: 'basedOn' in source ? source.basedOn : null },
        requestId,
      });
      return row;
    });
  }

  async function lockedVersion(trx: Kysely<Database>, certificationId: string, number: number, actor: Actor) {
    const cert = await certificationFor(trx, certificationId);
    enforce(actor, 'manageFramework', 'certification', ownershipOf(cert), 'Certification introuvable.');
    const row = await trx
      .selectFrom('framework_versions')
      .selectAll()
      .where('certification_id', '=', certificationId)
      .where('number', '=', number)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw problems.notFound(`Version ${number} introuvable.`);
    return row;
  }

  async function updateDraft(
    certificationId: string,
    number: number,
    content: unknown,
    actor: Actor,
    requestId: string,
  ) {
    await db.transaction().execute(async (trx) => {
      const row = await lockedVersion(trx, certificationId, number, actor);
      transition(row.status, 'edit', number);
      const next = validated(content);
      const changes = frameworkDiff(parseContent(row.content), next);
      await trx
        .updateTable('framework_versions')
        .set({ content: JSON.stringify(next), updated_at: new Date() })
        .where('id', '=', row.id)
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'framework_version.edit',
        entityType: 'framework_version',
        entityId: row.id,
        after: { changes: changes.map((c) => `${c.kind} ${c.where}`) },
        requestId,
      });
    });
  }

  async function publish(certificationId: string, number: number, actor: Actor, requestId: string) {
    await db.transaction().execute(async (trx) => {
      const row = await lockedVersion(trx, certificationId, number, actor);
      const status = transition(row.status, 'publish', number);
      validated(row.content);
      await trx
        .updateTable('framework_versions')
        .set({ status, published_at: new Date(), updated_at: new Date() })
        .where('id', '=', row.id)
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'framework_version.publish',
        entityType: 'framework_version',
        entityId: row.id,
        before: { status: row.status },
        after: { status },
        requestId,
      });
    });
  }

  async function diff(certificationId: string, from: number, to: number, actor: Actor | null) {
    const [a, b] = await Promise.all([get(certificationId, from, actor), get(certificationId, to, actor)]);
    return frameworkDiff(a.content, b.content);
  }

  return { list, get, latestPublished, createDraft, updateDraft, publish, diff };
}

export type FrameworksService = ReturnType<typeof frameworksServiceFactory>;
