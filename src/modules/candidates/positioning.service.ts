import type { Readable } from 'node:stream';
import type { CandidacyStatus } from '../../contracts/candidacies.js';
import type { CarriedBlocSource, PositioningSide } from '../../contracts/positioning.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf, SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import { authorize, enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import { FileNotFoundError, FileRejectedError, type FileStore } from '../../platform/files/file-store.js';
import type { FileKind } from '../../platform/files/file-types.js';
import { fieldError, Problem, problems } from '../../platform/problem.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import type { UsersService } from '../identity/users.service.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { CarriedThrough } from './award-carry.js';
import type { CandidaciesService } from './candidacies.service.js';
import {
  blocSummary,
  type CompetencyDecisions,
  type Correspondence,
  correspondenceCovers,
  positioningStateProblem,
  sameCorrespondence,
} from './domain/positioning.js';
import type { CarriedBlocBody, DecisionBody } from './positioning.schemas.js';

type Deps = {
  db: Db;
  candidacies: Pick<CandidaciesService, 'loadFor'>;
  frameworks: Pick<FrameworksService, 'get'>;
  /** The code and title of the certification a carried bloc came from. */
  certifications: Pick<CertificationsService, 'summaries'>;
  registry: Pick<RegistryService, 'links' | 'getFiche'>;
  files: FileStore;
  /** The names of who decided, uploaded, recorded (shown beside the date). */
  users: Pick<UsersService, 'displayNames'>;
};

/** Evidence: PDF, images, office documents (told by their bytes, platform/files). */
export const EVIDENCE_KINDS: readonly FileKind[] = [
  'pdf',
  'png',
  'jpeg',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
];

const NOT_FOUND = 'Parcours introuvable.';
const EVIDENCE_NOT_FOUND = 'Pièce introuvable.';

/**
 * Positioning of a candidacy (issue 12, point 4): per competency of its pinned framework
 * version, the candidate's self-positioning and the training organisation's decision (the one
 * that counts), evidence files, and blocs carried in. Reads: the candidacy's readers; writes:
 * those who manage it (`candidacy.position`), the candidate their own side (`selfPosition`),
 * in the `positioning` state only (409 otherwise).
 */
export function positioningServiceFactory(deps: Deps) {
  const { db } = deps;

  async function frameworkOf(row: { certification_id: string; framework_version_number: number }) {
    const version = await deps.frameworks.get(
      row.certification_id,
      row.framework_version_number,
      SYSTEM_ADMIN,
    );
    return version.content;
  }

  function requirePositioningState(status: CandidacyStatus) {
    const problem = positioningStateProblem(status);
    if (problem) throw problems.conflict(problem);
  }

  /** The registry's correspondences on the fiches linked to the certification. */
  async function correspondencesOf(certificationId: string) {
    const links = await deps.registry.links(certificationId, SYSTEM_ADMIN);
    const out: (Correspondence & { fiche: string })[] = [];
    for (const link of links) {
      if (!link.present) continue;
      const row = await deps.registry.getFiche(link.numero).catch(() => undefined);
      const entries = ((row?.fiche as { correspondences?: Correspondence[] } | undefined)?.correspondences ??
        []) as Correspondence[];
      for (const e of entries) out.push({ fiche: link.numero, ...e });
    }
    return out;
  }

  async function get(candidacyId: string, actor: Actor) {
    const { row, facts } = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    const framework = await frameworkOf(row);
    const [decisions, evidence, carried, correspondences] = await Promise.all([
      db.selectFrom('positioning_decisions').selectAll().where('candidacy_id', '=', candidacyId).execute(),
      db
        .selectFrom('positioning_evidence')
        .select(['id', 'competency_code', 'file_name', 'size', 'media_type', 'uploaded_by', 'uploaded_at'])
        .where('candidacy_id', '=', candidacyId)
        .orderBy('uploaded_at')
        .execute(),
      db.selectFrom('carried_blocs').selectAll().where('candidacy_id', '=', candidacyId).execute(),
      correspondencesOf(row.certification_id),
    ]);
    const throughOf = new Map(
      carried.flatMap((c) => (c.carried_through ? [[c.bloc_code, c.carried_through as CarriedThrough]] : [])),
    );
    const fromCertifications = await deps.certifications.summaries([
      ...new Set([...throughOf.values()].map((c) => c.certificationId)),
    ]);
    const names = await deps.users.displayNames([
      ...new Set(
        [
          ...decisions.map((d) => d.decided_by),
          ...evidence.map((e) => e.uploaded_by),
          ...carried.map((c) => c.recorded_by),
        ].filter((id): id is string => id !== null),
      ),
    ]);
    const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
    const byCompetency = new Map<string, CompetencyDecisions>();
    const decisionOf = new Map<string, (typeof decisions)[number]>();
    for (const d of decisions) {
      byCompetency.set(d.competency_code, { ...byCompetency.get(d.competency_code), [d.side]: d.level });
      decisionOf.set(`${d.competency_code}:${d.side}`, d);
    }
    const shown = (d: (typeof decisions)[number] | undefined) =>
      d
        ? {
            level: d.level,
            comment: d.comment,
            decidedBy: d.decided_by,
            decidedByName: nameOf(d.decided_by),
            decidedAt: new Date(d.decided_at).toISOString(),
          }
        : null;
    const evidenceOf = (code: string | null) =>
      evidence
        .filter((e) => e.competency_code === code)
        .map((e) => ({
          id: e.id,
          competencyCode: e.competency_code,
          fileName: e.file_name,
          size: Number(e.size),
          mediaType: e.media_type,
          uploadedBy: e.uploaded_by,
          uploadedByName: nameOf(e.uploaded_by),
          uploadedAt: new Date(e.uploaded_at).toISOString(),
        }));
    const blocs = framework.competencies.blocs.map((bloc) => {
      const carry = carried.find((c) => c.bloc_code === bloc.code);
      const codes = bloc.competencies.map((c) => c.code);
      return {
        code: bloc.code,
        title: bloc.title,
        targeted: row.bloc_codes.includes(bloc.code),
        carried: carry
          ? {
              source: carry.source,
              reference: carry.reference,
              correspondence: (carry.correspondence ?? null) as (Correspondence & { fiche: string }) | null,
              through: throughView(throughOf.get(bloc.code), fromCertifications),
              recordedBy: carry.recorded_by,
              recordedByName: nameOf(carry.recorded_by),
              recordedAt: new Date(carry.recorded_at).toISOString(),
            }
          : null,
        summary: blocSummary(codes, byCompetency, carry !== undefined),
        competencies: bloc.competencies.map((c) => ({
          code: c.code,
          title: c.title,
          self: shown(decisionOf.get(`${c.code}:self`)),
          organisation: shown(decisionOf.get(`${c.code}:organisation`)),
          evidence: evidenceOf(c.code),
        })),
      };
    });
    const inState = row.status === 'positioning';
    return {
      candidacyId,
      status: row.status,
      frameworkVersion: row.framework_version_number,
      blocs,
      evidence: evidenceOf(null),
      correspondences,
      can: {
        position: inState && authorize(actor, 'position', 'candidacy', facts),
        selfPosition: inState && authorize(actor, 'selfPosition', 'candidacy', facts),
      },
    };
  }

  /** How a bloc came from another certification's award, with that certification's code and title. */
  function throughView(
    through: CarriedThrough | undefined,
    certifications: ReadonlyMap<string, { code: string; title: string }>,
  ) {
    if (!through) return null;
    const cert = certifications.get(through.certificationId);
    return {
      kind: through.kind,
      certification: { id: through.certificationId, code: cert?.code ?? '', title: cert?.title ?? '' },
      blocCodes: through.blocCodes,
      correspondence: through.kind === 'registry_correspondence' ? through.correspondence : null,
    };
  }

  /** The candidacy for a write on `side`, after the policy (404 unseen, 403 read-only) and state (409) checks. */
  async function writable(candidacyId: string, actor: Actor, side: PositioningSide | 'either') {
    const loaded = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    const may = (s: PositioningSide) =>
      authorize(actor, s === 'self' ? 'selfPosition' : 'position', 'candidacy', loaded.facts);
    if (side === 'either') {
      if (!may('organisation') && !may('self')) throw problems.forbidden();
    } else
      enforce(actor, side === 'self' ? 'selfPosition' : 'position', 'candidacy', loaded.facts, NOT_FOUND);
    requirePositioningState(loaded.row.status);
    return { ...loaded, side: side === 'either' ? (may('organisation') ? 'organisation' : 'self') : side };
  }

  function competencyCodes(framework: Awaited<ReturnType<typeof frameworkOf>>) {
    return framework.competencies.blocs.flatMap((b) => b.competencies.map((c) => c.code));
  }

  /** Records one side's decision on a competency (replacing that side's previous one), audited. */
  async function decide(
    candidacyId: string,
    competencyCode: string,
    side: PositioningSide,
    body: DecisionBody,
    actor: Actor,
    requestId: string,
  ) {
    const { row } = await writable(candidacyId, actor, side);
    const framework = await frameworkOf(row);
    if (!competencyCodes(framework).includes(competencyCode))
      throw problems.notFound(
        `Pas de compétence « ${competencyCode} » dans la version ${row.framework_version_number} du référentiel.`,
      );
    const comment = body.comment?.trim() || null;
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('positioning_decisions')
        .select('level')
        .where('candidacy_id', '=', candidacyId)
        .where('competency_code', '=', competencyCode)
        .where('side', '=', side)
        .executeTakeFirst();
      await trx
        .insertInto('positioning_decisions')
        .values({
          candidacy_id: candidacyId,
          competency_code: competencyCode,
          side,
          level: body.level,
          comment,
          decided_by: actor.userId,
          decided_at: new Date(),
        })
        .onConflict((oc) =>
          oc.columns(['candidacy_id', 'competency_code', 'side']).doUpdateSet({
            level: body.level,
            comment,
            decided_by: actor.userId,
            decided_at: new Date(),
          }),
        )
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: side === 'self' ? 'positioning.self' : 'positioning.decide',
        entityType: 'candidacy',
        entityId: candidacyId,
        before: before ? { competencyCode, level: before.level } : undefined,
        // The comment may be personal: whether one was given, not what it says.
        after: { competencyCode, side, level: body.level, commentGiven: comment !== null },
        requestId,
      });
    });
    return get(candidacyId, actor);
  }

  /** Carries an acquired bloc in, with its source (replacing a previous record), audited. */
  async function carryBloc(
    candidacyId: string,
    blocCode: string,
    body: CarriedBlocBody,
    actor: Actor,
    requestId: string,
  ) {
    const { row } = await writable(candidacyId, actor, 'organisation');
    const framework = await frameworkOf(row);
    if (!framework.competencies.blocs.some((b) => b.code === blocCode))
      throw problems.notFound(
        `Pas de bloc « ${blocCode} » dans la version ${row.framework_version_number} du référentiel.`,
      );
    let correspondence: (Correspondence & { fiche: string }) | null = null;
    if (body.source === 'equivalence') {
      const named = body.correspondence;
      const entry = (await correspondencesOf(row.certification_id)).find(
        (c) => c.fiche === named.fiche && sameCorrespondence(c, named),
      );
      if (!entry)
        throw problems.unprocessable(
          [
            fieldError(
              ['correspondence'],
              'Aucune correspondance de ce type dans les fiches du répertoire liées à la certification.',
            ),
          ],
          'L’équivalence doit reprendre une correspondance (CORRESPONDANCES) de la fiche du répertoire.',
        );
      if (!correspondenceCovers(entry.fiche, entry, blocCode))
        throw problems.unprocessable(
          [fieldError(['correspondence'], `Cette correspondance ne porte pas sur le bloc « ${blocCode} ».`)],
          'L’équivalence ne porte pas sur ce bloc.',
        );
      correspondence = entry;
    }
    const reference = body.source === 'earlier_partial_award' ? body.reference.trim() : null;
    await db.transaction().execute(async (trx) => {
      const values = {
        source: body.source as CarriedBlocSource,
        reference,
        correspondence: correspondence ? JSON.stringify(correspondence) : null,
        recorded_by: actor.userId,
        recorded_at: new Date(),
      };
      await trx
        .insertInto('carried_blocs')
        .values({ candidacy_id: candidacyId, bloc_code: blocCode, ...values })
        .onConflict((oc) => oc.columns(['candidacy_id', 'bloc_code']).doUpdateSet(values))
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'positioning.carry_bloc',
        entityType: 'candidacy',
        entityId: candidacyId,
        after: {
          blocCode,
          source: body.source,
          referenceGiven: reference !== null,
          ...(correspondence ? { correspondence } : {}),
        },
        requestId,
      });
    });
    return get(candidacyId, actor);
  }

  /** Removes a bloc carried in by mistake (it is then positioned like the others), audited. */
  async function uncarryBloc(candidacyId: string, blocCode: string, actor: Actor, requestId: string) {
    await writable(candidacyId, actor, 'organisation');
    await db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('carried_blocs')
        .where('candidacy_id', '=', candidacyId)
        .where('bloc_code', '=', blocCode)
        .returning(['source'])
        .executeTakeFirst();
      if (!removed) throw problems.notFound(`Le bloc « ${blocCode} » n’est pas reporté sur ce parcours.`);
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'positioning.uncarry_bloc',
        entityType: 'candidacy',
        entityId: candidacyId,
        before: { blocCode, source: removed.source },
        requestId,
      });
    });
    return get(candidacyId, actor);
  }

  /**
   * Stores an evidence file (type from its bytes, size checked while it streams) for the
   * positioning, optionally of one competency: by those who manage the candidacy or by its
   * candidate. 413 too large, 415 a type not accepted; nothing kept then.
   */
  async function addEvidence(
    candidacyId: string,
    input: { source: Readable; fileName: string; competencyCode?: string | undefined },
    actor: Actor,
    requestId: string,
  ) {
    const { row } = await writable(candidacyId, actor, 'either');
    if (input.competencyCode !== undefined) {
      const framework = await frameworkOf(row);
      if (!competencyCodes(framework).includes(input.competencyCode))
        throw problems.unprocessable(
          [fieldError(['competencyCode'], `Compétence inconnue : « ${input.competencyCode} ».`, 'query')],
          'La compétence indiquée n’est pas dans le référentiel du parcours.',
        );
    }
    let stored: Awaited<ReturnType<FileStore['put']>>;
    try {
      stored = await deps.files.put(input.source, { accept: EVIDENCE_KINDS });
    } catch (error) {
      if (error instanceof FileRejectedError)
        throw error.reason === 'too_large'
          ? new Problem(413, 'payload-too-large', 'Fichier trop volumineux', error.detail)
          : new Problem(415, 'unsupported-media-type', 'Type de fichier refusé', error.detail);
      throw error;
    }
    try {
      const id = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('positioning_evidence')
          .values({
            candidacy_id: candidacyId,
            competency_code: input.competencyCode ?? null,
            file_id: stored.id,
            file_name: input.fileName,
            size: stored.size,
            sha256: stored.sha256,
            media_type: stored.mediaType,
            uploaded_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, {
          actor: auditActorOf(actor),
          action: 'positioning.evidence_add',
          entityType: 'candidacy',
          entityId: candidacyId,
          // The file name may be personal: its kind, size and hash only.
          after: {
            evidenceId: inserted.id,
            competencyCode: input.competencyCode ?? null,
            kind: stored.kind,
            size: stored.size,
            sha256: stored.sha256,
          },
          requestId,
        });
        return inserted.id;
      });
      return {
        id,
        competencyCode: input.competencyCode ?? null,
        fileName: input.fileName,
        size: stored.size,
        mediaType: stored.mediaType,
        sha256: stored.sha256,
      };
    } catch (error) {
      await deps.files.delete(stored.id);
      throw error;
    }
  }

  /** An evidence file's content, for the candidacy's readers. */
  async function evidenceFile(candidacyId: string, evidenceId: string, actor: Actor) {
    await deps.candidacies.loadFor(candidacyId, actor, 'read');
    const row = await db
      .selectFrom('positioning_evidence')
      .select(['file_id', 'file_name', 'media_type', 'size'])
      .where('id', '=', evidenceId)
      .where('candidacy_id', '=', candidacyId)
      .executeTakeFirst();
    if (!row) throw problems.notFound(EVIDENCE_NOT_FOUND);
    try {
      const { stream, size } = await deps.files.get(row.file_id);
      return { stream, size, fileName: row.file_name, mediaType: row.media_type };
    } catch (error) {
      if (error instanceof FileNotFoundError) throw problems.notFound(EVIDENCE_NOT_FOUND);
      throw error;
    }
  }

  /**
   * Removes an evidence file (a wrong file, or data no longer needed): those who manage the
   * candidacy, in any state. The row goes in the transaction, with its audit entry (ids and
   * hash, never the name); the file after the commit.
   */
  async function deleteEvidence(candidacyId: string, evidenceId: string, actor: Actor, requestId: string) {
    const { facts } = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    enforce(actor, 'position', 'candidacy', facts, NOT_FOUND);
    const fileId = await db.transaction().execute(async (trx) => {
      const row = await trx
        .deleteFrom('positioning_evidence')
        .where('id', '=', evidenceId)
        .where('candidacy_id', '=', candidacyId)
        .returning(['file_id', 'sha256', 'competency_code'])
        .executeTakeFirst();
      if (!row) throw problems.notFound(EVIDENCE_NOT_FOUND);
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'positioning.evidence_delete',
        entityType: 'candidacy',
        entityId: candidacyId,
        before: { evidenceId, competencyCode: row.competency_code, sha256: row.sha256 },
        requestId,
      });
      return row.file_id;
    });
    await deps.files.delete(fileId);
    return get(candidacyId, actor);
  }

  return { get, decide, carryBloc, uncarryBloc, addEvidence, evidenceFile, deleteEvidence };
}

export type PositioningService = ReturnType<typeof positioningServiceFactory>;
