import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Presence } from '../../contracts/juries.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf, SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import { enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { Sealer } from '../../platform/seal/seal.js';
import type { BranchesService } from '../catalogue/branches.service.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import type { UsersService } from '../identity/users.service.js';
import { candidacyQuery } from './candidates.repo.js';
import { decisionChains } from './domain/jury-decisions.js';
import { juryTransition } from './domain/jury-lifecycle.js';
import { type JuryRules, quorumOf, signersRequired } from './domain/jury-rules.js';
import {
  decisionsOf,
  invalidateCurrentMinutes,
  lockJury,
  recordJuryChange,
  rulesContent,
} from './juries.repo.js';
import { JURY_NOT_FOUND, loadJury } from './juries.service.js';
import { type JuryMinutesInput, renderJuryMinutesPdf } from './jury-minutes.js';
import { currentMinutes, signaturesOf } from './jury-minutes.repo.js';

type Deps = {
  db: Db;
  certifications: Pick<CertificationsService, 'branchIdsOf' | 'summaries'>;
  branches: Pick<BranchesService, 'namesOf'>;
  frameworks: Pick<FrameworksService, 'get'>;
  users: Pick<UsersService, 'displayNames'>;
  sealer: Sealer;
  /** In the sealing transaction: the candidates' « votre résultat est disponible » (jury-notifications.ts). */
  onSealed?: (trx: Db, juryId: string) => Promise<unknown>;
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const NO_MINUTES = 'Aucun procès-verbal n’a été généré pour cette session.';

/**
 * Invalidates the session's current minutes (not sealed) in the caller's transaction: a decision
 * changed after them (juries.service.ts). Their signatures stay recorded but no longer count:
 * they name the invalidated minutes, and the next generation is a new version to sign again.
 */
export const invalidateMinutes: (trx: Db, juryId: string, reason: string) => Promise<void> =
  invalidateCurrentMinutes;

/** The data the minutes are drawn from, read before any transaction (PGlite has one connection). */
export async function minutesInput(
  deps: Omit<Deps, 'sealer'>,
  juryId: string,
  version: number,
): Promise<{ input: JuryMinutesInput; decisionIds: string[]; undecided: string[] }> {
  const { db } = deps;
  const loaded = await loadJury(db, deps.certifications, juryId);
  if (!loaded) throw problems.notFound(JURY_NOT_FOUND);
  const { jury } = loaded;
  const [rulesRow, rows, decisions, certs, branchNames] = await Promise.all([
    rulesContent(db, jury.rules_id),
    jury.candidacyIds.length === 0
      ? Promise.resolve([])
      : candidacyQuery(db).where('c.id', 'in', jury.candidacyIds).execute(),
    decisionsOf(db, juryId),
    deps.certifications.summaries(jury.certificationIds),
    deps.branches.namesOf([jury.convening_branch_id]),
  ]);
  const rules = rulesRow.content as JuryRules;
  const names = await deps.users.displayNames([
    ...new Set([...jury.members.map((m) => m.user_id), ...decisions.map((d) => d.posted_by)]),
  ]);
  const titles = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const key = `${r.certification_id}:${r.framework_version_number}`;
    if (titles.has(key)) continue;
    const version = await deps.frameworks.get(r.certification_id, r.framework_version_number, SYSTEM_ADMIN);
    const blocs = (version.content as { competencies: { blocs: { code: string; title: string }[] } })
      .competencies.blocs;
    titles.set(key, new Map(blocs.map((b) => [b.code, b.title])));
  }
  const chains = decisionChains(
    decisions.map((d) => ({ ...d, candidacyId: d.candidacy_id, replacesId: d.replaces_id })),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const name = (id: string) => names.get(id) ?? 'personne inconnue';
  const members = jury.members.map((m) => ({ userId: m.user_id, role: m.role, presence: m.presence }));
  const quorum = quorumOf(
    rules,
    jury.members.map((m) => ({ college: m.college, presence: m.presence as Presence | null })),
  );
  const undecided = jury.candidacyIds.filter((id) => !chains.has(id));
  const decisionIds = [...chains.values()].map((chain) => (chain[chain.length - 1] as { id: string }).id);
  const input: JuryMinutesInput = {
    version,
    generatedAt: new Date().toISOString(),
    session: {
      date: jury.date,
      startsAt: jury.starts_at,
      place: jury.place,
      remote: jury.remote,
      conveningBranch: branchNames.get(jury.convening_branch_id) ?? '',
      certifications: jury.certificationIds.map((id) => certs.get(id) ?? { code: '?', title: '?' }),
      rules: {
        effectiveFrom: rulesRow.effective_from,
        majority: rules.majority,
        signatures: rules.signatures,
      },
    },
    members: jury.members.map((m) => ({
      name: name(m.user_id),
      role: m.role,
      college: m.college,
      organisation: m.designated_by,
      presence: m.presence,
    })),
    quorum,
    candidacies: jury.candidacyIds.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const blocNames = titles.get(`${row.certification_id}:${row.framework_version_number}`);
      return [
        {
          candidate: `${row.first_names.join(' ')} ${row.usage_name ?? row.birth_name}`,
          certificationCode: certs.get(row.certification_id)?.code ?? '',
          blocs: row.bloc_codes.map((code) => ({ code, title: blocNames?.get(code) ?? code })),
          decisions: (chains.get(id) ?? []).map((d) => ({
            outcome: d.outcome,
            blocs: d.blocs as { code: string; validated: boolean | null; carried: boolean }[],
            reasons: d.reasons,
            recommendations: d.recommendations,
            votes: (d.votes ?? null) as { for: number; against: number; abstain: number } | null,
            excludedMembers: d.excluded_members.map(name),
            postedAt: new Date(d.posted_at).toISOString(),
            postedBy: names.get(d.posted_by) ?? null,
            correctionReason: d.correction_reason,
          })),
        },
      ];
    }),
    signers: signersRequired(rules, members).map((userId) => ({
      name: name(userId),
      role: jury.members.find((m) => m.user_id === userId)?.role ?? 'member',
    })),
  };
  return { input, decisionIds, undecided };
}

/**
 * The minutes of a jury session (issue 13, point 4): generated from the current decisions (a new
 * version each time, its bytes never changed), signed by the members in Qualif (an audited act on
 * the PDF's SHA-256), sealed with the platform's key once every signer the rules require has
 * signed — in the transaction of the last signature, which moves the session to `sealed`.
 */
export function juryMinutesServiceFactory(deps: Deps) {
  const { db } = deps;

  async function loadFor(id: string, actor: Actor, action: 'read' | 'decide' | 'sign') {
    const loaded = await loadJury(db, deps.certifications, id);
    if (!loaded) throw problems.notFound(JURY_NOT_FOUND);
    enforce(actor, action, 'jury', loaded.facts, JURY_NOT_FOUND);
    return loaded;
  }

  /** Generates the minutes from the current decisions: every candidacy must have one (else 422). */
  async function generate(id: string, actor: Actor, requestId: string) {
    const { jury } = await loadFor(id, actor, 'decide');
    const next = juryTransition(jury.status, 'generate_minutes');
    if (!next.ok) throw problems.conflict(next.detail);
    const last = await db
      .selectFrom('jury_minutes')
      .select(sql<number>`coalesce(max(version), 0)`.as('version'))
      .where('jury_id', '=', id)
      .executeTakeFirstOrThrow();
    const version = Number(last.version) + 1;
    const { input, decisionIds, undecided } = await minutesInput(deps, id, version);
    if (undecided.length > 0)
      throw problems.unprocessable(
        undecided.map((candidacyId) =>
          fieldError(['candidacies', candidacyId], `Le parcours ${candidacyId} n’a pas encore de décision.`),
        ),
        `${undecided.length} parcours de la session n’${undecided.length > 1 ? 'ont' : 'a'} pas encore de décision : le procès-verbal ne peut pas être généré.`,
      );
    const pdf = await renderJuryMinutesPdf(input);
    const hash = sha256(pdf);
    const saved = await db.transaction().execute(async (trx) => {
      const locked = await lockJury(trx, id);
      // Nothing may have changed since the data was read: same state, same current decisions.
      const now = await decisionsOf(trx, id);
      const current = [
        ...decisionChains(
          now.map((d) => ({ ...d, candidacyId: d.candidacy_id, replacesId: d.replaces_id })),
        ).values(),
      ].map((chain) => (chain[chain.length - 1] as { id: string }).id);
      const moved = juryTransition(locked.status, 'generate_minutes');
      if (!moved.ok) throw problems.conflict(moved.detail);
      if (current.length !== decisionIds.length || current.some((d) => !decisionIds.includes(d)))
        throw problems.conflict('Une décision a été enregistrée pendant la génération : recommencez.');
      const row = await trx
        .insertInto('jury_minutes')
        .values({
          jury_id: id,
          version,
          pdf,
          sha256: hash,
          decision_ids: decisionIds,
          generated_by: actor.userId,
          generated_at: new Date(input.generatedAt),
        })
        .returning(['id', 'generated_at'])
        .executeTakeFirstOrThrow();
      await recordJuryChange(trx, {
        juryId: id,
        actor,
        action: 'jury.minutes_generate',
        to: moved.status,
        after: { minutesId: row.id, version, sha256: hash, decisionIds },
        requestId,
      });
      return row;
    });
    return {
      id: saved.id,
      version,
      sha256: hash,
      generatedAt: new Date(saved.generated_at).toISOString(),
    };
  }

  /** The current minutes' PDF: the sealed one once sealed (readers of the session). */
  async function pdf(id: string, actor: Actor) {
    const { jury } = await loadFor(id, actor, 'read');
    const row = await db
      .selectFrom('jury_minutes')
      .select(['version', 'pdf', 'sealed_pdf'])
      .where('jury_id', '=', id)
      .where('invalidated_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw problems.notFound(NO_MINUTES);
    return {
      bytes: row.sealed_pdf ?? row.pdf,
      fileName: `proces-verbal-jury-${jury.date}-v${row.version}${row.sealed_pdf ? '-scelle' : ''}.pdf`,
    };
  }

  /**
   * The signed-in member signs the current minutes' hash (`sha256`, when given, must be it: 409
   * otherwise). The last signature the rules require seals the PDF in the same transaction.
   */
  async function sign(id: string, body: { sha256?: string | undefined }, actor: Actor, requestId: string) {
    const { jury } = await loadFor(id, actor, 'sign');
    const member = jury.members.find((m) => m.user_id === actor.userId);
    if (!member) throw problems.forbidden('Seuls les membres de la session signent son procès-verbal.');
    if (member.role !== 'president' && member.presence !== 'present' && member.presence !== 'remote')
      throw problems.forbidden(
        'Seuls la présidence et les membres présents ou à distance signent le procès-verbal.',
      );
    if (jury.status !== 'minutes')
      throw problems.conflict(
        jury.status === 'sealed' || jury.status === 'closed'
          ? 'Le procès-verbal est déjà scellé.'
          : 'Aucun procès-verbal n’attend de signature : il doit d’abord être généré.',
      );
    const rules = (await rulesContent(db, jury.rules_id)).content as JuryRules;
    const required = signersRequired(
      rules,
      jury.members.map((m) => ({ userId: m.user_id, role: m.role, presence: m.presence })),
    );
    const signedAt = new Date();
    return db.transaction().execute(async (trx) => {
      const locked = await lockJury(trx, id);
      const minutes = await currentMinutes(trx, id);
      if (locked.status !== 'minutes' || !minutes)
        throw problems.conflict('Le procès-verbal vient de changer : rechargez la session.');
      if (body.sha256 !== undefined && body.sha256.toLowerCase() !== minutes.sha256)
        throw problems.conflict(
          'Le procès-verbal a changé depuis votre lecture (empreinte différente) : relisez la nouvelle version avant de signer.',
          [fieldError(['sha256'], 'Ce n’est pas l’empreinte du procès-verbal en vigueur.')],
        );
      const before = await signaturesOf(trx, minutes.id);
      if (before.some((s) => s.user_id === actor.userId))
        throw problems.conflict('Vous avez déjà signé ce procès-verbal.');
      await trx
        .insertInto('jury_minutes_signatures')
        .values({
          minutes_id: minutes.id,
          user_id: actor.userId,
          role: member.role,
          sha256: minutes.sha256,
          signed_at: signedAt,
        })
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'jury.minutes_sign',
        entityType: 'jury',
        entityId: id,
        after: { minutesId: minutes.id, version: minutes.version, sha256: minutes.sha256, role: member.role },
        requestId,
      });
      const signed = new Set([...before.map((s) => s.user_id), actor.userId]);
      const missing = required.filter((u) => !signed.has(u));
      let sealed = false;
      if (missing.length === 0) {
        const moved = juryTransition(locked.status, 'seal');
        if (!moved.ok) throw problems.conflict(moved.detail);
        const { pdf: bytes } = await trx
          .selectFrom('jury_minutes')
          .select('pdf')
          .where('id', '=', minutes.id)
          .executeTakeFirstOrThrow();
        const sealedPdf = await deps.sealer.seal(bytes, {
          reason: `Procès-verbal du jury, version ${minutes.version}, signé par ${signed.size} membre${signed.size > 1 ? 's' : ''} (SHA-256 ${minutes.sha256})`,
          location: 'Qualif',
          signingTime: signedAt,
        });
        const sealedHash = sha256(sealedPdf);
        await trx
          .updateTable('jury_minutes')
          .set({ sealed_pdf: sealedPdf, sealed_sha256: sealedHash, sealed_at: signedAt })
          .where('id', '=', minutes.id)
          .execute();
        await recordJuryChange(trx, {
          juryId: id,
          actor,
          action: 'jury.minutes_seal',
          to: moved.status,
          after: {
            minutesId: minutes.id,
            version: minutes.version,
            sha256: minutes.sha256,
            sealedSha256: sealedHash,
          },
          requestId,
        });
        await deps.onSealed?.(trx, id);
        sealed = true;
      }
      return {
        minutesVersion: minutes.version,
        sha256: minutes.sha256,
        signedAt: signedAt.toISOString(),
        sealed,
        missingSigners: missing,
      };
    });
  }

  return { generate, pdf, sign };
}

export type JuryMinutesService = ReturnType<typeof juryMinutesServiceFactory>;
