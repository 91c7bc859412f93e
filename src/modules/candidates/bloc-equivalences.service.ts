import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import { authorize, enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import { fieldError, Problem, problems } from '../../platform/problem.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import type { BlocEquivalenceBody } from './bloc-equivalences.schemas.js';

type Deps = {
  db: Db;
  certifications: Pick<CertificationsService, 'get' | 'summaries'>;
  frameworks: Pick<FrameworksService, 'latestPublished'>;
};

const NOT_FOUND = 'Certification introuvable.';

/**
 * Equivalences between blocs of two certifications (issue 13, point 5; ADR 0006): « bloc X of
 * certification A counts as bloc Y of certification B ». The managers of B — the certification a
 * validated bloc is carried into — declare and withdraw them; whoever reads B reads them. When a
 * jury session closes, a bloc of A validated by a partial award is carried through them into the
 * candidate's candidacies for B (awards.service.ts, `carryPartialAwards`). Both codes must be
 * blocs of the certifications' latest published frameworks.
 */
export function blocEquivalencesServiceFactory({ db, certifications, frameworks }: Deps) {
  /** The certification as its reader sees it (404 otherwise), with the policy's facts. */
  async function certification(id: string, actor: Actor | null) {
    const cert = await certifications.get(id, actor);
    return {
      cert,
      facts: {
        branchIds: cert.branches.map((b) => b.id),
        invitedBranchIds: [] as string[],
        status: cert.status,
      },
    };
  }

  async function blocCodesOf(certificationId: string): Promise<Set<string>> {
    const version = await frameworks.latestPublished(certificationId);
    return new Set(version?.content.competencies.blocs.map((b) => b.code) ?? []);
  }

  async function list(certificationId: string, actor: Actor | null) {
    const { facts } = await certification(certificationId, actor);
    const rows = await db
      .selectFrom('bloc_equivalences')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('to_certification_id', '=', certificationId),
          eb('from_certification_id', '=', certificationId),
        ]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const names = await certifications.summaries([
      ...new Set(rows.flatMap((r) => [r.from_certification_id, r.to_certification_id])),
    ]);
    const ref = (id: string, blocCode: string) => ({
      id,
      code: names.get(id)?.code ?? '',
      title: names.get(id)?.title ?? '',
      blocCode,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        from: ref(r.from_certification_id, r.from_bloc_code),
        to: ref(r.to_certification_id, r.to_bloc_code),
        note: r.note,
        createdAt: new Date(r.created_at).toISOString(),
      })),
      can: { declare: authorize(actor, 'update', 'certification', facts) },
    };
  }

  async function declare(
    certificationId: string,
    body: BlocEquivalenceBody,
    actor: Actor,
    requestId: string,
  ): Promise<{ id: string }> {
    const { cert, facts } = await certification(certificationId, actor);
    enforce(actor, 'update', 'certification', facts, NOT_FOUND);
    if (body.fromCertificationId === certificationId) {
      throw problems.unprocessable(
        [fieldError(['fromCertificationId'], 'Une équivalence relie deux certifications différentes.')],
        'Une équivalence relie deux certifications différentes.',
      );
    }
    // Another certification the actor may not read is as unknown (422 naming the field).
    const from = await certifications.get(body.fromCertificationId, actor).catch((error: unknown) => {
      if (error instanceof Problem && error.status === 404) return undefined;
      throw error;
    });
    if (!from) {
      throw problems.unprocessable(
        [fieldError(['fromCertificationId'], NOT_FOUND)],
        'Certification d’origine introuvable.',
      );
    }
    const [fromBlocs, toBlocs] = await Promise.all([blocCodesOf(from.id), blocCodesOf(cert.id)]);
    const errors = [];
    if (!fromBlocs.has(body.fromBlocCode))
      errors.push(
        fieldError(
          ['fromBlocCode'],
          `${body.fromBlocCode} n’est pas un bloc du référentiel publié de ${from.code}.`,
        ),
      );
    if (!toBlocs.has(body.toBlocCode))
      errors.push(
        fieldError(
          ['toBlocCode'],
          `${body.toBlocCode} n’est pas un bloc du référentiel publié de ${cert.code}.`,
        ),
      );
    if (errors.length > 0) throw problems.unprocessable(errors, 'Bloc inconnu.');
    // The declaring branch: the first of the certification's branches the actor manages (admins: its first).
    const branchId =
      cert.branches.find((b) => authorize(actor, 'update', 'certification', { ...facts, branchIds: [b.id] }))
        ?.id ?? facts.branchIds[0];
    if (!branchId) throw problems.forbidden();
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('bloc_equivalences')
        .values({
          from_certification_id: from.id,
          from_bloc_code: body.fromBlocCode,
          to_certification_id: cert.id,
          to_bloc_code: body.toBlocCode,
          declared_by_branch_id: branchId,
          note: body.note?.trim() || null,
          created_by: actor.userId,
        })
        .onConflict((oc) =>
          oc
            .columns(['from_certification_id', 'from_bloc_code', 'to_certification_id', 'to_bloc_code'])
            .doNothing(),
        )
        .returning('id')
        .executeTakeFirst();
      if (!row) throw problems.conflict('Cette équivalence est déjà déclarée.');
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'bloc_equivalence.create',
        entityType: 'bloc_equivalence',
        entityId: row.id,
        after: { ...body, toCertificationId: cert.id, branchId },
        requestId,
      });
      return { id: row.id };
    });
  }

  /**
   * Withdraws an equivalence declared by mistake (the managers of the certification it carries
   * blocs into). Blocs already carried through it stay carried, with their source.
   */
  async function withdraw(certificationId: string, id: string, actor: Actor, requestId: string) {
    const { facts } = await certification(certificationId, actor);
    enforce(actor, 'update', 'certification', facts, NOT_FOUND);
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .deleteFrom('bloc_equivalences')
        .where('id', '=', id)
        .where('to_certification_id', '=', certificationId)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw problems.notFound('Équivalence introuvable.');
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'bloc_equivalence.delete',
        entityType: 'bloc_equivalence',
        entityId: id,
        before: {
          fromCertificationId: row.from_certification_id,
          fromBlocCode: row.from_bloc_code,
          toCertificationId: row.to_certification_id,
          toBlocCode: row.to_bloc_code,
        },
        requestId,
      });
    });
  }

  return { list, declare, withdraw };
}

export type BlocEquivalencesService = ReturnType<typeof blocEquivalencesServiceFactory>;
