import type { Readable } from 'node:stream';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, type AuditActor, auditActorOf, SYSTEM_ACTOR } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Encryption } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/connect.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { PasswordResetService } from '../identity/password-reset.service.js';
import type { UsersService } from '../identity/users.service.js';
import type { CandidaciesService } from './candidacies.service.js';
import { ENDED_STATUSES } from './domain/lifecycle.js';
import { NIR_HASH_PURPOSE, nirContext } from './enrolment-check.js';
import type { InvitationsService } from './invitations.service.js';

/**
 * A candidate's personal data (issue 12, point 9; docs/personal-data.md, ADR 0005 point 9):
 * resending the invitation to create their account, merging a duplicate record into the one
 * kept, exporting everything held on the person (zip: candidate.json with the NIR in clear, and
 * the evidence files), and the purge that anonymises candidates whose last candidacy ended more
 * than the retention period ago. Audit rows name ids and counts only.
 */
type Deps = {
  db: Db;
  encryption: Encryption;
  files: Pick<FileStore, 'get' | 'delete'>;
  candidacies: Pick<CandidaciesService, 'loadCandidateFor' | 'getCandidate' | 'identityOf'>;
  invitations: Pick<InvitationsService, 'invite'>;
  accounts: Pick<PasswordResetService, 'awaitsActivation'>;
  users: Pick<UsersService, 'eraseCandidateAccount'>;
  /**
   * Erases what other modules keep of these awards' holders' identity (the CDC deposits'
   * fluxes); idempotent. Called by the purge with the awards of every anonymised candidate.
   */
  forgetAwardHolders: (awardIds: readonly string[]) => Promise<unknown>;
};

/** The identity an anonymised record keeps: placeholders, with its id, sex and birth year. */
export const ANONYMISED_NAME = 'ANONYME';

const MERGED = 'Ce dossier a été fusionné dans un autre : agissez sur le dossier conservé.';
const NOT_MERGED = 'Les dossiers ne peuvent pas être fusionnés ainsi.';
const ANONYMISED = 'L’identité de ce dossier a été effacée (fin de la durée de conservation).';

export function personalDataServiceFactory(deps: Deps) {
  const { db, encryption } = deps;

  // ---- invitation ---------------------------------------------------------------------------

  /**
   * Sends the invitation to create their account again (a new one-time link, valid a week):
   * those who manage one of the person's candidacies. 409 when there is no address, when the
   * account is already activated, or when the address belongs to another candidate's account.
   */
  async function resendInvitation(id: string, actor: Actor, requestId: string) {
    const { person, check } = await deps.candidacies.loadCandidateFor(id, actor, 'invite');
    check();
    if (person.merged_into_id) throw problems.conflict(MERGED);
    if (person.anonymised_at) throw problems.conflict(ANONYMISED);
    if (!person.email)
      throw problems.conflict(
        'Aucune adresse e-mail n’est connue pour cette personne : pas d’invitation possible.',
      );
    if (person.user_id && !(await deps.accounts.awaitsActivation(person.user_id)))
      throw problems.conflict(
        'Le compte de cette personne est déjà activé : elle se connecte avec son mot de passe (ou « Mot de passe oublié »).',
      );
    const outcome = await deps.invitations.invite(id, auditActorOf(actor), requestId);
    if (outcome === 'none')
      throw problems.conflict('Cette adresse e-mail est celle du compte d’un autre dossier de candidat·e.');
    return { candidateId: id, account: outcome };
  }

  // ---- merge --------------------------------------------------------------------------------

  /**
   * Merges the duplicate record into `id` (the one kept): its candidacies — with their
   * positioning, evidence, links, assessments and pathway, which hang on the candidacy — and its
   * awards move to the kept record; its account moves too when the kept one has none; contact fields and
   * NIR the kept record lacks are taken from the duplicate; the duplicate keeps its identity
   * and names the kept record (`merged_into_id`), so reading it redirects there. Refused (409)
   * when both have a candidacy in progress for the same certification. Audited with ids only.
   */
  async function merge(id: string, duplicateId: string, actor: Actor, requestId: string) {
    const kept = await deps.candidacies.loadCandidateFor(id, actor, 'merge');
    kept.check();
    if (kept.person.merged_into_id) throw problems.conflict(MERGED);
    if (kept.person.anonymised_at) throw problems.conflict(ANONYMISED);
    const at = ['duplicateId'];
    if (duplicateId === id)
      throw problems.unprocessable(
        [fieldError(at, 'Un dossier ne peut pas être fusionné avec lui-même.')],
        NOT_MERGED,
      );
    const dup = await deps.candidacies.loadCandidateFor(duplicateId, actor, 'merge').catch(() => undefined);
    if (!dup || !authorize(actor, 'merge', 'candidate', dup.facts))
      throw problems.unprocessable([fieldError(at, 'Candidat·e inconnu·e.')], NOT_MERGED);
    if (dup.person.merged_into_id)
      throw problems.unprocessable(
        [fieldError(at, 'Ce dossier est déjà fusionné dans un autre.')],
        NOT_MERGED,
      );
    if (dup.person.anonymised_at)
      throw problems.unprocessable([fieldError(at, 'L’identité de ce dossier a été effacée.')], NOT_MERGED);

    const inProgress = (rows: typeof kept.rows) =>
      new Set(
        rows
          .filter((r) => !(ENDED_STATUSES as readonly string[]).includes(r.status))
          .map((r) => r.certification_id),
      );
    const keptActive = inProgress(kept.rows);
    const both = [...inProgress(dup.rows)].filter((c) => keptActive.has(c));
    if (both.length > 0)
      throw problems.conflict(
        'Les deux dossiers ont un parcours en cours pour la même certification : terminez ou transférez l’un d’eux avant de fusionner.',
        both.map((c) =>
          fieldError(
            at,
            `Parcours en cours dans les deux dossiers : ${kept.labels.certifications.get(c)?.code || c}.`,
          ),
        ),
      );

    const k = kept.person;
    const d = dup.person;
    const moveAccount = k.user_id === null && d.user_id !== null;
    const filled: Record<string, unknown> = {};
    if (!k.email && d.email) Object.assign(filled, { email: d.email, email_key: d.email_key });
    if (!k.phone && d.phone) filled.phone = d.phone;
    if (k.address === null && d.address !== null) filled.address = JSON.stringify(d.address);
    if (!k.nir_encrypted && d.nir_encrypted) {
      const nir = encryption.decryptText(d.nir_encrypted, nirContext(d.id));
      Object.assign(filled, {
        nir_encrypted: encryption.encrypt(nir, nirContext(k.id)),
        nir_hash: encryption.keyedHash(nir, NIR_HASH_PURPOSE),
      });
    }
    await db.transaction().execute(async (trx) => {
      // Both rows locked; the duplicate must still be unmerged (two merges at once).
      const locked = await trx
        .selectFrom('candidates')
        .select(['id', 'merged_into_id'])
        .where('id', 'in', [k.id, d.id])
        .forUpdate()
        .execute();
      if (locked.some((r) => r.merged_into_id !== null))
        throw problems.conflict('Un des deux dossiers vient d’être fusionné : rechargez-le.');
      const moved = await trx
        .updateTable('candidacies')
        .set({ candidate_id: k.id, updated_at: new Date() })
        .where('candidate_id', '=', d.id)
        .returning('id')
        .execute();
      await trx
        .updateTable('candidates')
        .set({ merged_into_id: k.id, ...(moveAccount ? { user_id: null } : {}), updated_at: new Date() })
        .where('id', '=', d.id)
        .execute();
      await trx
        .updateTable('candidates')
        .set({ ...filled, ...(moveAccount ? { user_id: d.user_id } : {}), updated_at: new Date() })
        .where('id', '=', k.id)
        .execute();
      // The awards follow (migration 0025 lets them move to the record merged into, only).
      const awards = await trx
        .updateTable('awards')
        .set({ candidate_id: k.id })
        .where('candidate_id', '=', d.id)
        .returning('id')
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'candidate.merge',
        entityType: 'candidate',
        entityId: k.id,
        after: {
          duplicateId: d.id,
          candidacyIds: moved.map((m) => m.id),
          awardIds: awards.map((a) => a.id),
          accountMoved: moveAccount,
          // Which fields were taken from the duplicate, never their values.
          completedFields: Object.keys(filled).filter((f) => !f.endsWith('_key') && f !== 'nir_hash'),
        },
        requestId,
      });
    });
    const after = await deps.candidacies.getCandidate(k.id, actor);
    if ('mergedInto' in after) throw problems.conflict(MERGED);
    return after;
  }

  // ---- export -------------------------------------------------------------------------------

  /**
   * Everything held on the person, for themselves or the data protection officer (admin): a
   * zip with `candidate.json` — identity with the NIR in clear, records merged into this one,
   * account, candidacies with their status history, eligibility, positioning, carried blocs,
   * evidence (described), links, assessments and pathway — and the evidence files under
   * `pieces/`. Audited (ids and counts). The zip is produced as it streams.
   */
  async function exportData(id: string, actor: Actor, requestId: string) {
    const loaded = await deps.candidacies.loadCandidateFor(id, actor, 'export');
    loaded.check();
    const { person } = loaded;
    const merged = await db.selectFrom('candidates').selectAll().where('merged_into_id', '=', id).execute();
    const candidacies = await db
      .selectFrom('candidacies')
      .selectAll()
      .where('candidate_id', '=', id)
      .orderBy('created_at')
      .execute();
    const ids = candidacies.map((c) => c.id);
    const none = ids.length === 0;
    const [history, decisions, evidence, carried, links, assessments, evaluators] = await Promise.all([
      none
        ? []
        : db
            .selectFrom('candidacy_status_history')
            .selectAll()
            .where('candidacy_id', 'in', ids)
            .orderBy('id')
            .execute(),
      none
        ? []
        : db.selectFrom('positioning_decisions').selectAll().where('candidacy_id', 'in', ids).execute(),
      none
        ? []
        : db
            .selectFrom('positioning_evidence')
            .selectAll()
            .where('candidacy_id', 'in', ids)
            .orderBy('uploaded_at')
            .execute(),
      none ? [] : db.selectFrom('carried_blocs').selectAll().where('candidacy_id', 'in', ids).execute(),
      none ? [] : db.selectFrom('candidacy_links').selectAll().where('candidacy_id', 'in', ids).execute(),
      none
        ? []
        : db.selectFrom('assessments').selectAll().where('candidacy_id', 'in', ids).orderBy('date').execute(),
      none
        ? []
        : db
            .selectFrom('assessment_evaluators as ae')
            .innerJoin('assessments as a', 'a.id', 'ae.assessment_id')
            .select(['ae.assessment_id', 'ae.evaluator_user_id'])
            .where('a.candidacy_id', 'in', ids)
            .execute(),
    ]);
    const pathway = await optionalTables(ids);
    const byCandidacy = <T extends { candidacy_id: string }>(rows: readonly T[], cid: string) =>
      rows.filter((r) => r.candidacy_id === cid).map(({ candidacy_id: _, ...rest }) => rest);
    const pieceName = (e: (typeof evidence)[number]) =>
      `pieces/${e.id}-${e.file_name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 100)}`;

    const document = {
      exportedAt: new Date().toISOString(),
      about:
        'Données détenues par Qualif sur cette personne (RGPD, article 15 et article 20). Les pièces justificatives sont dans le dossier pieces/.',
      candidate: identityInClear(person),
      mergedRecords: merged.map(identityInClear),
      account: person.user_id ? { userId: person.user_id } : null,
      candidacies: candidacies.map((c) => ({
        ...c,
        statusHistory: byCandidacy(history, c.id),
        positioning: {
          decisions: byCandidacy(decisions, c.id),
          carriedBlocs: byCandidacy(carried, c.id),
          evidence: byCandidacy(evidence, c.id).map((e) => ({
            ...e,
            file: pieceName({ ...e, candidacy_id: c.id }),
          })),
        },
        links: byCandidacy(links, c.id),
        assessments: byCandidacy(assessments, c.id).map((a) => ({
          ...a,
          evaluatorIds: evaluators.filter((e) => e.assessment_id === a.id).map((e) => e.evaluator_user_id),
        })),
        ...Object.fromEntries(
          Object.entries(pathway).map(([table, rows]) => [table, byCandidacy(rows, c.id)]),
        ),
      })),
    };

    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'candidate.export',
        entityType: 'candidate',
        entityId: id,
        after: { candidacyIds: ids, mergedRecordIds: merged.map((m) => m.id), files: evidence.length },
        requestId,
      });
    });

    const zip = new JSZip();
    zip.file('candidate.json', `${JSON.stringify(document, null, 2)}\n`);
    for (const e of evidence) {
      try {
        zip.file(pieceName(e), (await deps.files.get(e.file_id)).stream as Readable, { binary: true });
      } catch {
        // A file missing from the store is said so in the document's evidence entry.
        zip.file(`${pieceName(e)}.absent.txt`, 'Ce fichier n’est plus dans le stockage de Qualif.\n');
      }
    }
    return {
      fileName: `qualif-donnees-${id}.zip`,
      stream: zip.generateNodeStream({
        type: 'nodebuffer',
        streamFiles: true,
        compression: 'DEFLATE',
      }) as Readable,
    };
  }

  /** Tables added by later migrations (the pathway), when present: read by name, per candidacy. */
  async function optionalTables(ids: readonly string[]): Promise<Record<string, { candidacy_id: string }[]>> {
    if (ids.length === 0) return {};
    const out: Record<string, { candidacy_id: string }[]> = {};
    for (const table of ['pathways', 'pathway_modules', 'pathway_acknowledgements']) {
      const exists = await sql<{ ok: boolean }>`select to_regclass(${table}) is not null as ok`.execute(db);
      if (!exists.rows[0]?.ok) continue;
      const rows = await sql<{ candidacy_id: string }>`
        select * from ${sql.table(table)} where candidacy_id in (${sql.join(ids)})`.execute(db);
      out[table] = rows.rows;
    }
    return out;
  }

  type Row = Awaited<ReturnType<CandidaciesService['loadCandidateFor']>>['person'];

  /** The record as held, the NIR decrypted (the person's own export only). */
  function identityInClear(p: Row) {
    const { nir_encrypted, nir_hash: _hash, identity_key: _ik, email_key: _ek, ...rest } = p;
    return {
      ...rest,
      nir: nir_encrypted ? encryption.decryptText(nir_encrypted, nirContext(p.id)) : null,
    };
  }

  // ---- retention ----------------------------------------------------------------------------

  /**
   * The candidates to anonymise at `now`: not yet anonymised, not merged, every candidacy
   * ended (withdrawn or transferred) and the last of those ends older than `retentionYears`.
   */
  async function expired(now: Date, retentionYears: number) {
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - retentionYears);
    const rows = await db
      .selectFrom('candidates as p')
      .innerJoin('candidacies as c', 'c.candidate_id', 'p.id')
      .leftJoin('candidacy_status_history as h', (j) =>
        j.onRef('h.candidacy_id', '=', 'c.id').on('h.to_status', 'in', [...ENDED_STATUSES]),
      )
      .select(['p.id', (eb) => eb.fn.max('h.at').as('ended_at')])
      .where('p.anonymised_at', 'is', null)
      .where('p.merged_into_id', 'is', null)
      // Holders are out of scope (docs/personal-data.md): the certifier keeps its register of
      // holders, deposited at the Caisse des Dépôts, and their certificates stay verifiable.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('awards as a')
              .select('a.id')
              .whereRef('a.candidate_id', '=', 'p.id')
              .where('a.revoked_at', 'is', null),
          ),
        ),
      )
      .groupBy('p.id')
      .having((eb) =>
        eb.and([
          eb(eb.fn.count('c.id').filterWhere('c.status', 'not in', [...ENDED_STATUSES]), '=', 0),
          eb(eb.fn.max('h.at'), '<', cutoff),
        ]),
      )
      .orderBy('p.id')
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Anonymises the candidates whose retention period is over (`dryRun`: lists them only), and
   * the records merged into them: identity replaced by placeholders (id, sex and birth year
   * kept for statistics), contact, NIR and its hash removed, duplicate keys cleared, the
   * account emptied (identity), evidence files deleted, free-text reasons and comments
   * removed. Candidacies, their states, dates and results stay, with their ids. One audit row
   * per candidate (ids and counts): the chain still verifies, since it never held the values.
   */
  async function purge(options: { retentionYears: number; dryRun: boolean; now?: Date }) {
    const ids = await expired(options.now ?? new Date(), options.retentionYears);
    if (options.dryRun || ids.length === 0)
      return { dryRun: options.dryRun, candidates: ids.length, candidateIds: ids, evidenceFiles: 0 };
    let evidenceFiles = 0;
    for (const id of ids) evidenceFiles += await anonymise(id, SYSTEM_ACTOR);
    // Every anonymised candidate's awards, not only this run's: a purge stopped before this
    // step is caught up by the next one.
    const awards = await db
      .selectFrom('awards as a')
      .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
      .select('a.id')
      .where('c.anonymised_at', 'is not', null)
      .execute();
    await deps.forgetAwardHolders(awards.map((a) => a.id));
    return { dryRun: false, candidates: ids.length, candidateIds: ids, evidenceFiles };
  }

  /** One candidate (and the records merged into it) anonymised; answers the files deleted. */
  async function anonymise(id: string, actor: AuditActor): Promise<number> {
    const { fileIds, userIds } = await db.transaction().execute(async (trx) => {
      const records = await trx
        .selectFrom('candidates')
        .select(['id', 'user_id'])
        .where((eb) => eb.or([eb('id', '=', id), eb('merged_into_id', '=', id)]))
        .forUpdate()
        .execute();
      const candidacyIds = (
        await trx.selectFrom('candidacies').select('id').where('candidate_id', '=', id).execute()
      ).map((c) => c.id);
      const evidence =
        candidacyIds.length === 0
          ? []
          : await trx
              .deleteFrom('positioning_evidence')
              .where('candidacy_id', 'in', candidacyIds)
              .returning('file_id')
              .execute();
      if (candidacyIds.length > 0) {
        await trx
          .updateTable('candidacy_status_history')
          .set({ reason: null })
          .where('candidacy_id', 'in', candidacyIds)
          .execute();
        await trx
          .updateTable('positioning_decisions')
          .set({ comment: null })
          .where('candidacy_id', 'in', candidacyIds)
          .execute();
      }
      for (const r of records)
        await trx
          .updateTable('candidates')
          .set({
            birth_name: ANONYMISED_NAME,
            usage_name: null,
            first_names: [ANONYMISED_NAME],
            birth_month: null,
            birth_day: null,
            birth_commune_insee: null,
            birth_country_insee: null,
            email: null,
            phone: null,
            address: null,
            nir_encrypted: null,
            nir_hash: null,
            identity_key: `anonymised:${r.id}`,
            email_key: null,
            identity_warnings: '[]',
            user_id: null,
            anonymised_at: new Date(),
            updated_at: new Date(),
          })
          .where('id', '=', r.id)
          .execute();
      await recordAudit(trx, {
        actor,
        action: 'candidate.anonymise',
        entityType: 'candidate',
        entityId: id,
        after: {
          mergedRecordIds: records.filter((r) => r.id !== id).map((r) => r.id),
          candidacyIds,
          evidenceFilesDeleted: evidence.length,
          accountErased: records.some((r) => r.user_id !== null),
        },
      });
      return {
        fileIds: evidence.map((e) => e.file_id),
        userIds: records.flatMap((r) => (r.user_id ? [r.user_id] : [])),
      };
    });
    // After the commit: the files (a failure leaves an orphan file, never a row without its file).
    for (const fileId of fileIds) await deps.files.delete(fileId);
    for (const userId of userIds) await deps.users.eraseCandidateAccount(userId, actor);
    return fileIds.length;
  }

  /**
   * Fills `nir_hash` for the records holding a NIR without one (enrolled before migration 0014,
   * or after a change of DATA_ENCRYPTION_KEY with `all`): the one place NIRs are decrypted in bulk.
   */
  async function rehashNirs(options: { all?: boolean } = {}) {
    const rows = await db
      .selectFrom('candidates')
      .select(['id', 'nir_encrypted'])
      .where('nir_encrypted', 'is not', null)
      .$if(!options.all, (q) => q.where('nir_hash', 'is', null))
      .execute();
    for (const r of rows) {
      const nir = encryption.decryptText(r.nir_encrypted as string, nirContext(r.id));
      await db
        .updateTable('candidates')
        .set({ nir_hash: encryption.keyedHash(nir, NIR_HASH_PURPOSE) })
        .where('id', '=', r.id)
        .execute();
    }
    return { updated: rows.length };
  }

  return { resendInvitation, merge, exportData, purge, expired, rehashNirs };
}

export type PersonalDataService = ReturnType<typeof personalDataServiceFactory>;
