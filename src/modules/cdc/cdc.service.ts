import { createHash, randomUUID } from 'node:crypto';
import { type IsoDate, today } from '../../contracts/dates.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf, SYSTEM_ACTOR } from '../../platform/auth/actor.js';
import {
  authorize,
  capabilities,
  enforce,
  managedBranches,
  staffBranches,
} from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import { fieldError, Problem, problems } from '../../platform/problem.js';
import type { CdcHolderAward, CdcHoldersService } from '../candidates/cdc-holders.service.js';
import type { CommuneDirectory } from '../candidates/domain/identity.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import { type RecognitionEvent, recognitionOn } from '../catalogue/domain/recognition.js';
import { type DepositState, deadlineOf, depositState, type LastPassage } from './domain/deadline.js';
import { buildFlux, type FluxPassage } from './domain/flux.js';
import { initiativeOf, modaliteAccesOf } from './domain/mapping.js';
import { preflight } from './domain/preflight.js';
import { parseReport, ReportError, reportResults } from './domain/report.js';
import type { CertifierSettingsBody, DepositBody } from './schemas.js';
import { isBundled, validateFlux, type XsdVersion } from './xsd.js';

type Deps = {
  db: Db;
  certifications: Pick<
    CertificationsService,
    'legalOwners' | 'idsOfBranches' | 'branchIdsOf' | 'recognitionEvents' | 'summaries'
  >;
  holders: CdcHoldersService;
  communes: () => CommuneDirectory;
};

/** A deposit as its answers show it (`cdc_deposits as d` joined to `cdc_certifiers as c`). */
const DEPOSIT_COLUMNS = [
  'd.id',
  'd.certifier_siret',
  'c.name as certifier_name',
  'd.branch_id',
  'd.id_flux',
  'd.file_name',
  'd.xsd_version',
  'd.flux_sha256',
  'd.passages',
  'd.created_at',
  'd.report_imported_at',
  'd.report_id_traitement',
  'd.report_error',
] as const;

const CERTIFIER_NOT_FOUND = 'Certificateur introuvable.';
const DEPOSIT_NOT_FOUND = 'Dépôt introuvable.';

type Owner = { id: string; siret: string; name: string };

/**
 * The holders' deposit to the Caisse des Dépôts (issue 14, point 4; ADR 0008): certifier
 * settings, deposit batches (one flux per certifier, validated against the XSD before it is
 * stored and offered), the CDC's processing reports, and each award's 3-month deadline.
 * Awards, holders and certifications are read through the candidates' and the catalogue's
 * services; every read and write asks the policy (`cdcCertifier`: the staff of the branches
 * owning the certifier's certifications).
 */
export function cdcServiceFactory(deps: Deps) {
  const { db } = deps;

  // ---- certifiers --------------------------------------------------------------------------

  /** The certifications in the actor's reach (their branches' — all for admins), with their legal owners. */
  async function ownersInReach(branches: '*' | string[]): Promise<Owner[]> {
    if (branches === '*') return deps.certifications.legalOwners();
    const ids = await deps.certifications.idsOfBranches(branches);
    return ids.length > 0 ? deps.certifications.legalOwners({ ids }) : [];
  }

  /** A certifier's certifications and the branches owning them (its policy facts). */
  async function certifierFacts(siret: string) {
    const certs = await deps.certifications.legalOwners({ siret });
    const owners = await deps.certifications.branchIdsOf(certs.map((c) => c.id));
    const branchIds = [...new Set([...owners.values()].flat())].sort();
    return { certs, branchIds, owners };
  }

  async function settingsOf(sirets: readonly string[]) {
    if (sirets.length === 0) return new Map<string, SettingsRow>();
    const rows = await db.selectFrom('cdc_certifiers').selectAll().where('siret', 'in', sirets).execute();
    return new Map(rows.map((r) => [r.siret, r]));
  }
  type SettingsRow = Awaited<ReturnType<typeof loadSettings>>;
  function loadSettings(siret: string) {
    return db.selectFrom('cdc_certifiers').selectAll().where('siret', '=', siret).executeTakeFirstOrThrow();
  }

  async function shapeCertifiers(sirets: readonly string[], actor: Actor) {
    const out = [];
    const settings = await settingsOf(sirets);
    for (const siret of sirets) {
      const { certs, branchIds } = await certifierFacts(siret);
      if (certs.length === 0 || !authorize(actor, 'read', 'cdcCertifier', { branchIds })) continue;
      const summaries = await deps.certifications.summaries(certs.map((c) => c.id));
      const s = settings.get(siret);
      out.push({
        certifierId: siret,
        name: s?.name ?? certs[0]?.name ?? '',
        certifications: certs.map((c) => ({
          id: c.id,
          code: summaries.get(c.id)?.code ?? '',
          title: summaries.get(c.id)?.title ?? '',
        })),
        settings: s
          ? {
              clientId: s.client_id,
              contractId: s.contract_id,
              xsdVersion: s.xsd_version,
              updatedAt: new Date(s.updated_at).toISOString(),
            }
          : null,
        can: capabilities(actor, 'cdcCertifier', { branchIds }),
      });
    }
    return out;
  }

  /** `GET /api/v1/cdc/certifiers`: the legal owners of the certifications of the actor's branches. */
  async function listCertifiers(actor: Actor) {
    const owners = await ownersInReach(staffBranches(actor));
    const sirets = [...new Set(owners.map((o) => o.siret))].sort();
    return { items: await shapeCertifiers(sirets, actor) };
  }

  async function getCertifier(siret: string, actor: Actor) {
    const [found] = await shapeCertifiers([siret], actor);
    if (!found) throw problems.notFound(CERTIFIER_NOT_FOUND);
    return found;
  }

  /** `PUT /api/v1/cdc/certifiers/{siret}`: what the CDC gave this certifier. */
  async function configure(siret: string, body: CertifierSettingsBody, actor: Actor, requestId: string) {
    const { certs, branchIds } = await certifierFacts(siret);
    if (certs.length === 0) throw problems.notFound(CERTIFIER_NOT_FOUND);
    enforce(actor, 'configure', 'cdcCertifier', { branchIds }, CERTIFIER_NOT_FOUND);
    const values = {
      name: body.name ?? certs[0]?.name ?? siret,
      client_id: body.clientId,
      contract_id: body.contractId,
      xsd_version: body.xsdVersion,
      updated_by: actor.userId,
      updated_at: new Date(),
    };
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('cdc_certifiers')
        .selectAll()
        .where('siret', '=', siret)
        .executeTakeFirst();
      await trx
        .insertInto('cdc_certifiers')
        .values({ siret, ...values })
        .onConflict((oc) => oc.column('siret').doUpdateSet(values))
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'cdc_certifier.configure',
        entityType: 'cdc_certifier',
        entityId: siret,
        before: before
          ? { clientId: before.client_id, contractId: before.contract_id, xsdVersion: before.xsd_version }
          : null,
        after: { clientId: body.clientId, contractId: body.contractId, xsdVersion: body.xsdVersion },
        requestId,
      });
    });
    return getCertifier(siret, actor);
  }

  // ---- which awards are due ----------------------------------------------------------------

  /** The latest passage of each award (its attempt number and the CDC's answer). */
  async function lastPassages(awardIds: readonly string[]) {
    const out = new Map<
      string,
      {
        attempt: number;
        idTechnique: string;
        depositId: string;
        result: 'pending' | 'ok' | 'ko' | 'already';
        message: string | null;
        reportedAt: Date | null;
      }
    >();
    for (let i = 0; i < awardIds.length; i += 5000) {
      const rows = await db
        .selectFrom('cdc_passages')
        .select(['award_id', 'attempt', 'id_technique', 'deposit_id', 'result', 'message', 'reported_at'])
        .where('award_id', 'in', awardIds.slice(i, i + 5000))
        .execute();
      for (const r of rows) {
        const prev = out.get(r.award_id);
        if (!prev || prev.attempt < r.attempt)
          out.set(r.award_id, {
            attempt: r.attempt,
            idTechnique: r.id_technique,
            depositId: r.deposit_id,
            result: r.result,
            message: r.message,
            reportedAt: r.reported_at ? new Date(r.reported_at) : null,
          });
      }
    }
    return out;
  }

  /** Each certification's recognition events, read once. */
  function recognitionReader() {
    const cache = new Map<string, Promise<RecognitionEvent[]>>();
    return (certificationId: string, on: IsoDate) => {
      let events = cache.get(certificationId);
      if (!events) {
        events = deps.certifications.recognitionEvents(certificationId);
        cache.set(certificationId, events);
      }
      return events.then((e) => recognitionOn(e, on));
    };
  }

  type Sorted = {
    award: CdcHolderAward;
    /** Why it cannot be deposited at all (not an identity matter): revoked, partial, not registered. */
    ineligible: string | null;
    registry: { registry: 'RNCP' | 'RS'; number: string } | null;
    state: DepositState;
    last: Awaited<ReturnType<typeof lastPassages>> extends Map<string, infer V> ? V | undefined : never;
  };

  /** Sorts awards: can they be deposited at all, and where each stands. */
  async function sortAwards(awards: readonly CdcHolderAward[], on: IsoDate): Promise<Sorted[]> {
    const recognition = recognitionReader();
    const last = await lastPassages(awards.map((a) => a.awardId));
    const out: Sorted[] = [];
    for (const award of awards) {
      const r = await recognition(award.certificationId, award.awardedOn);
      const registry =
        r.status === 'rncp' || r.status === 'rs' ? { registry: r.registry, number: r.number } : null;
      const ineligible = award.revoked
        ? 'Attestation retirée : elle n’est pas déposée.'
        : award.kind === 'partial'
          ? 'Validation partielle (blocs) : le flux de la Caisse des Dépôts ne décrit que l’obtention de la certification entière.'
          : !registry
            ? 'Certification ni au RNCP ni au RS à la date de l’attestation : rien à déposer.'
            : null;
      const l = last.get(award.awardId);
      const lp: LastPassage = l ? { result: l.result, reportedAt: l.reportedAt } : null;
      out.push({
        award,
        ineligible,
        registry,
        state: depositState(award.awardedOn, lp, award.identityUpdatedAt, on),
        last: l,
      });
    }
    return out;
  }

  // ---- deposits ----------------------------------------------------------------------------

  const stateReason: Partial<Record<DepositState, string>> = {
    deposited: 'Déjà déposée et acceptée par la Caisse des Dépôts (ou « déjà en base »).',
    pending: 'Déjà dans un lot dont le rapport de la Caisse des Dépôts n’est pas importé.',
    rejected:
      'Refusée par la Caisse des Dépôts et l’identité n’a pas été corrigée depuis : corrigez-la avant de la redéposer.',
  };

  /**
   * `POST /api/v1/cdc/deposits`: a batch of one certifier's due awards (or those named), their
   * holders' identity checked first (failures listed and left out), the flux built, validated
   * against the XSD and stored; 201 `{id, passages, excluded}`.
   */
  async function createDeposit(body: DepositBody, actor: Actor, requestId: string) {
    if (!body.branchId && !body.certifierId)
      throw problems.unprocessable(
        [fieldError(['branchId'], 'Indiquez la branche (branchId) ou le certificateur (certifierId).')],
        'Indiquez la branche ou le certificateur du lot.',
      );
    const on = today();
    // The certifications in play: the branch's, or the certifier's within the actor's branches.
    let owners: Owner[];
    if (body.branchId) {
      if (!authorize(actor, 'deposit', 'cdcCertifier', { branchIds: [body.branchId] }))
        throw problems.unprocessable(
          [fieldError(['branchId'], 'Branche inconnue ou hors de votre périmètre.')],
          'Branche inconnue ou hors de votre périmètre.',
        );
      owners = await ownersInReach([body.branchId]);
    } else owners = await ownersInReach(managedBranches(actor));
    if (body.certifierId) {
      owners = owners.filter((o) => o.siret === body.certifierId);
      if (owners.length === 0)
        throw problems.unprocessable(
          [fieldError(['certifierId'], 'Certificateur inconnu ou sans certification dans votre périmètre.')],
          'Certificateur inconnu ou hors de votre périmètre.',
        );
    }
    const ownerOf = new Map(owners.map((o) => [o.id, o]));

    let awards: CdcHolderAward[];
    const named = body.awardIds !== undefined;
    if (body.awardIds) {
      const ids = [...new Set(body.awardIds)];
      const found = new Map((await deps.holders.awardsByIds(ids)).map((a) => [a.awardId, a]));
      const errors = body.awardIds.flatMap((id, i) => {
        const a = found.get(id);
        return a && ownerOf.has(a.certificationId)
          ? []
          : [fieldError(['awardIds', i], 'Attestation inconnue ou hors du périmètre de ce lot.')];
      });
      if (errors.length > 0)
        throw problems.unprocessable(errors, 'Des attestations ne peuvent entrer dans ce lot.');
      awards = ids.map((id) => found.get(id) as CdcHolderAward);
    } else awards = await deps.holders.awardsOfCertifications([...ownerOf.keys()]);

    const sorted = await sortAwards(awards, on);
    const excluded: { awardId: string; reasons: string[] }[] = [];
    const ready: { s: Sorted; passage: Omit<FluxPassage, 'idTechnique'> }[] = [];
    const directory = deps.communes();
    for (const s of sorted) {
      if (s.ineligible) {
        if (named) excluded.push({ awardId: s.award.awardId, reasons: [s.ineligible] });
        continue;
      }
      if (s.state === 'deposited' || s.state === 'pending' || s.state === 'rejected') {
        if (named || s.state === 'rejected')
          excluded.push({ awardId: s.award.awardId, reasons: [stateReason[s.state] as string] });
        continue;
      }
      const checked = preflight(s.award.identity, directory, on);
      if (!checked.ok) {
        excluded.push({ awardId: s.award.awardId, reasons: checked.reasons });
        continue;
      }
      const access = modaliteAccesOf(s.award.route);
      const registry = s.registry as NonNullable<Sorted['registry']>;
      ready.push({
        s,
        passage: {
          registry: registry.registry,
          code: registry.number,
          awardedOn: s.award.awardedOn,
          enrolledOn: s.award.enrolledOn,
          modaliteAcces: access.modalite,
          vae: access.vae,
          initiative: initiativeOf(s.award.initiative),
          holder: checked.holder,
        },
      });
    }

    const sirets = [
      ...new Set(ready.map((r) => ownerOf.get(r.s.award.certificationId)?.siret as string)),
    ].sort();
    if (sirets.length > 1) {
      const names = sirets.map((s) => `${owners.find((o) => o.siret === s)?.name ?? ''} (${s})`).join(', ');
      throw problems.unprocessable(
        [
          fieldError(
            ['certifierId'],
            `Ces attestations relèvent de plusieurs certificateurs : choisissez-en un (${sirets.join(', ')}).`,
          ),
        ],
        `Un flux par certificateur : indiquez certifierId parmi ${names}.`,
      );
    }
    const siret = sirets[0];
    if (!siret)
      throw problems.unprocessable(
        excluded.length > 0
          ? excluded.map((e) => fieldError(['awardIds', e.awardId], e.reasons.join(' ')))
          : [fieldError([body.branchId ? 'branchId' : 'certifierId'], 'Aucune attestation à déposer.')],
        'Aucune attestation à déposer dans ce lot.',
      );
    const { branchIds } = await certifierFacts(siret);
    enforce(actor, 'deposit', 'cdcCertifier', { branchIds }, CERTIFIER_NOT_FOUND);
    const settings = (await settingsOf([siret])).get(siret);
    if (!settings)
      throw problems.unprocessable(
        [
          fieldError(
            ['certifierId'],
            'Renseignez d’abord l’identifiant client et le numéro de contrat CDC de ce certificateur.',
          ),
        ],
        'Paramètres CDC du certificateur manquants.',
      );
    const version = settings.xsd_version as XsdVersion;
    if (!isBundled(version))
      throw problems.unprocessable(
        [
          fieldError(
            ['certifierId'],
            `Le schéma ${version} n’est pas encore pris en charge : repassez ce certificateur en 1.1.2.`,
          ),
        ],
        `Schéma ${version} non pris en charge.`,
      );

    const idFlux = randomUUID();
    const at = new Date();
    const passages = ready.map((r) => {
      const attempt = (r.s.last?.attempt ?? 0) + 1;
      return {
        awardId: r.s.award.awardId,
        attempt,
        idTechnique: `${r.s.award.number}-${attempt}`,
        passage: r.passage,
      };
    });
    const flux = buildFlux({
      idFlux,
      at,
      clientId: settings.client_id,
      contractId: settings.contract_id,
      passages: passages.map((p) => ({ ...p.passage, idTechnique: p.idTechnique })),
    });
    const errors = validateFlux(flux, version);
    if (errors.length > 0)
      throw new Problem(
        500,
        'cdc-flux-invalid',
        'Flux non conforme au schéma de la Caisse des Dépôts',
        `Le flux généré n’est pas conforme au schéma ${version} ; il n’est pas proposé. Premières erreurs : ${errors
          .slice(0, 3)
          .map((e) => `ligne ${e.line}, ${e.element} : ${e.message}`)
          .join(' | ')}`,
      );
    const fileName = `qualif-cdc-${siret}-${on}-${idFlux.slice(0, 8)}.xml`;

    const id = await db
      .transaction()
      .execute(async (trx) => {
        const deposit = await trx
          .insertInto('cdc_deposits')
          .values({
            certifier_siret: siret,
            branch_id: body.branchId ?? null,
            id_flux: idFlux,
            file_name: fileName,
            xsd_version: version,
            flux,
            flux_sha256: createHash('sha256').update(flux).digest('hex'),
            passages: passages.length,
            created_by: actor.userId,
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (let i = 0; i < passages.length; i += 2000)
          await trx
            .insertInto('cdc_passages')
            .values(
              passages.slice(i, i + 2000).map((p) => ({
                id_technique: p.idTechnique,
                deposit_id: deposit.id,
                award_id: p.awardId,
                attempt: p.attempt,
              })),
            )
            .execute();
        await recordAudit(trx, {
          actor: auditActorOf(actor),
          action: 'cdc_deposit.create',
          entityType: 'cdc_deposit',
          entityId: deposit.id,
          after: {
            certifierId: siret,
            idFlux,
            passages: passages.length,
            awardIds: passages.map((p) => p.awardId),
            excludedAwardIds: excluded.map((e) => e.awardId),
          },
          requestId,
        });
        return deposit.id;
      })
      .catch((error: unknown) => {
        // Two batches made at once of the same award: the second finds its passage taken.
        if ((error as { code?: string }).code === '23505')
          throw problems.conflict(
            'Un autre lot vient de prendre ces attestations : rechargez et recommencez.',
          );
        throw error;
      });
    return { id, passages: passages.length, excluded };
  }

  async function loadDeposit(id: string, actor: Actor) {
    const deposit = await db
      .selectFrom('cdc_deposits as d')
      .innerJoin('cdc_certifiers as c', 'c.siret', 'd.certifier_siret')
      .select(DEPOSIT_COLUMNS)
      .where('d.id', '=', id)
      .executeTakeFirst();
    if (!deposit) throw problems.notFound(DEPOSIT_NOT_FOUND);
    const { branchIds } = await certifierFacts(deposit.certifier_siret);
    enforce(actor, 'read', 'cdcCertifier', { branchIds }, DEPOSIT_NOT_FOUND);
    return { deposit, branchIds };
  }

  type DepositRow = Awaited<ReturnType<typeof loadDeposit>>['deposit'];

  async function countsOf(ids: readonly string[]) {
    const counts = new Map<string, { pending: number; ok: number; ko: number; already: number }>();
    if (ids.length === 0) return counts;
    const rows = await db
      .selectFrom('cdc_passages')
      .select(['deposit_id', 'result', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deposit_id', 'in', ids)
      .groupBy(['deposit_id', 'result'])
      .execute();
    for (const r of rows) {
      const c = counts.get(r.deposit_id) ?? { pending: 0, ok: 0, ko: 0, already: 0 };
      c[r.result] = Number(r.n);
      counts.set(r.deposit_id, c);
    }
    return counts;
  }

  function summaryOf(
    d: DepositRow,
    counts: { pending: number; ok: number; ko: number; already: number } | undefined,
    branchIds: readonly string[],
    actor: Actor,
  ) {
    return {
      id: d.id,
      certifierId: d.certifier_siret,
      certifierName: d.certifier_name,
      branchId: d.branch_id,
      idFlux: d.id_flux,
      fileName: d.file_name,
      xsdVersion: d.xsd_version,
      createdAt: new Date(d.created_at).toISOString(),
      report: d.report_imported_at
        ? {
            importedAt: new Date(d.report_imported_at).toISOString(),
            idTraitement: d.report_id_traitement,
            fileError: d.report_error,
          }
        : null,
      counts: { passages: d.passages, ...(counts ?? { pending: d.passages, ok: 0, ko: 0, already: 0 }) },
      can: capabilities(actor, 'cdcCertifier', { branchIds }),
    };
  }

  /** `GET /api/v1/cdc/deposits/{id}`: the deposit and each passage's result. */
  async function getDeposit(id: string, actor: Actor) {
    const { deposit, branchIds } = await loadDeposit(id, actor);
    const rows = await db
      .selectFrom('cdc_passages')
      .select(['id_technique', 'award_id', 'attempt', 'result', 'message', 'reported_at'])
      .where('deposit_id', '=', id)
      .orderBy('id_technique')
      .execute();
    const awards = new Map(
      (await deps.holders.awardsByIds(rows.map((r) => r.award_id))).map((a) => [a.awardId, a]),
    );
    const counts = await countsOf([id]);
    return {
      ...summaryOf(deposit, counts.get(id), branchIds, actor),
      passages: rows.map((r) => ({
        idTechnique: r.id_technique,
        awardId: r.award_id,
        awardNumber: awards.get(r.award_id)?.number ?? '',
        candidacyId: awards.get(r.award_id)?.candidacyId ?? '',
        attempt: r.attempt,
        result: r.result,
        message: r.message,
        reportedAt: r.reported_at ? new Date(r.reported_at).toISOString() : null,
      })),
    };
  }

  /** `GET /api/v1/cdc/deposits`: the deposits the actor may read, newest first. */
  async function listDeposits(
    query: { certifierId?: string | undefined; branchId?: string | undefined },
    actor: Actor,
  ) {
    const owners = await ownersInReach(query.branchId ? [query.branchId] : staffBranches(actor));
    let sirets = [...new Set(owners.map((o) => o.siret))];
    if (query.certifierId) sirets = sirets.filter((s) => s === query.certifierId);
    if (sirets.length === 0) return { items: [] };
    const rows = await db
      .selectFrom('cdc_deposits as d')
      .innerJoin('cdc_certifiers as c', 'c.siret', 'd.certifier_siret')
      .select(DEPOSIT_COLUMNS)
      .where('d.certifier_siret', 'in', sirets)
      .orderBy('d.created_at', 'desc')
      .limit(200)
      .execute();
    const facts = new Map<string, string[]>();
    for (const s of sirets) facts.set(s, (await certifierFacts(s)).branchIds);
    const readable = rows.filter((r) =>
      authorize(actor, 'read', 'cdcCertifier', { branchIds: facts.get(r.certifier_siret) ?? [] }),
    );
    const counts = await countsOf(readable.map((r) => r.id));
    return {
      items: readable.map((r) => summaryOf(r, counts.get(r.id), facts.get(r.certifier_siret) ?? [], actor)),
    };
  }

  /** `GET /api/v1/cdc/deposits/{id}/flux.xml`: the flux exactly as validated (410 once erased). */
  async function flux(id: string, actor: Actor) {
    const { deposit } = await loadDeposit(id, actor);
    const row = await db
      .selectFrom('cdc_deposits')
      .select(['flux', 'flux_erased_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (row.flux === null)
      throw new Problem(
        410,
        'cdc-flux-erased',
        'Flux effacé',
        `Ce flux a été effacé le ${new Date(row.flux_erased_at ?? 0).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} : un titulaire qu’il contenait a été anonymisé au terme de la durée de conservation. Son empreinte et les résultats des passages restent.`,
      );
    if (createHash('sha256').update(row.flux).digest('hex') !== deposit.flux_sha256)
      throw new Problem(
        500,
        'cdc-flux-altered',
        'Flux altéré',
        'Le flux stocké ne correspond plus à son empreinte : il n’est pas proposé.',
      );
    return { xml: row.flux, fileName: deposit.file_name };
  }

  /**
   * `POST /api/v1/cdc/deposits/{id}/report`: the CDC's processing report, matched to the deposit
   * by `idFlux` (or, for a whole-file rejection which names only the file, by `nomFichier`) and
   * to passages by `idTechnique`. Importing again replaces the results.
   */
  async function importReport(id: string, xml: string, actor: Actor, requestId: string) {
    const { deposit, branchIds } = await loadDeposit(id, actor);
    enforce(actor, 'deposit', 'cdcCertifier', { branchIds }, DEPOSIT_NOT_FOUND);
    let report: ReturnType<typeof parseReport>;
    try {
      report = parseReport(xml);
    } catch (error) {
      if (error instanceof ReportError)
        throw problems.unprocessable([fieldError([], error.message)], error.message);
      throw error;
    }
    if (report.idFlux !== null && report.idFlux !== deposit.id_flux)
      throw problems.unprocessable(
        [
          fieldError(
            ['idFlux'],
            'Ce rapport porte sur un autre flux (idFlux différent de celui de ce dépôt).',
          ),
        ],
        'Ce rapport n’est pas celui de ce dépôt.',
      );
    if (report.idFlux === null && report.nomFichier !== deposit.file_name)
      throw problems.unprocessable(
        [
          fieldError(
            ['nomFichier'],
            'Ce rapport porte sur un autre fichier (nomFichier différent de celui de ce dépôt).',
          ),
        ],
        'Ce rapport n’est pas celui de ce dépôt.',
      );
    const passages = await db
      .selectFrom('cdc_passages')
      .select('id_technique')
      .where('deposit_id', '=', id)
      .execute();
    const { results, unknown } = reportResults(
      report,
      passages.map((p) => p.id_technique),
    );
    if (unknown.length > 0)
      throw problems.unprocessable(
        unknown.slice(0, 20).map((u) => fieldError(['idTechnique', u], 'Passage inconnu de ce dépôt.')),
        `${unknown.length} passage(s) du rapport n’appartiennent pas à ce dépôt.`,
      );
    const fileError =
      report.errors.length > 0 && report.ok.length === 0 && report.ko.length === 0
        ? (results[0]?.message ?? null)
        : null;
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      for (const result of ['ok', 'ko', 'already'] as const) {
        const mine = results.filter((r) => r.result === result);
        // One statement per distinct message (whole-file rejection: one for all).
        const byMessage = new Map<string | null, string[]>();
        for (const r of mine) byMessage.set(r.message, [...(byMessage.get(r.message) ?? []), r.idTechnique]);
        for (const [message, ids] of byMessage)
          for (let i = 0; i < ids.length; i += 5000)
            await trx
              .updateTable('cdc_passages')
              .set({ result, message, reported_at: now })
              .where('deposit_id', '=', id)
              .where('id_technique', 'in', ids.slice(i, i + 5000))
              .execute();
      }
      await trx
        .updateTable('cdc_deposits')
        .set({ report_imported_at: now, report_id_traitement: report.idTraitement, report_error: fileError })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'cdc_deposit.report',
        entityType: 'cdc_deposit',
        entityId: id,
        after: {
          idTraitement: report.idTraitement,
          fileRejected: fileError !== null,
          ok: results.filter((r) => r.result === 'ok').length,
          ko: results.filter((r) => r.result === 'ko').length,
          already: results.filter((r) => r.result === 'already').length,
        },
        requestId,
      });
    });
    return getDeposit(id, actor);
  }

  // ---- deadlines ---------------------------------------------------------------------------

  /** The due, late and rejected deposits of a branch's certifications, on `on`. */
  async function branchDeadlines(branchId: string, on: IsoDate) {
    const owners = await ownersInReach([branchId]);
    const ownerOf = new Map(owners.map((o) => [o.id, o]));
    const awards = await deps.holders.awardsOfCertifications([...ownerOf.keys()]);
    const sorted = (await sortAwards(awards, on)).filter(
      (s) => !s.ineligible && (s.state === 'due' || s.state === 'late' || s.state === 'rejected'),
    );
    const summaries = await deps.certifications.summaries([...ownerOf.keys()]);
    const items = sorted.map((s) => ({
      awardId: s.award.awardId,
      awardNumber: s.award.number,
      awardedOn: s.award.awardedOn,
      deadline: deadlineOf(s.award.awardedOn),
      state: s.state as 'due' | 'late' | 'rejected',
      certification: {
        id: s.award.certificationId,
        code: summaries.get(s.award.certificationId)?.code ?? '',
        title: summaries.get(s.award.certificationId)?.title ?? '',
      },
      certifierId: ownerOf.get(s.award.certificationId)?.siret ?? '',
      candidacyId: s.award.candidacyId,
      holderName: `${s.award.identity.birthName} ${s.award.identity.firstNames[0] ?? ''}`.trim(),
      lastPassage: s.last
        ? { idTechnique: s.last.idTechnique, depositId: s.last.depositId, message: s.last.message }
        : null,
    }));
    items.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
    return {
      branchId,
      today: on,
      due: items.filter((i) => i.state === 'due'),
      late: items.filter((i) => i.state === 'late'),
      rejected: items.filter((i) => i.state === 'rejected'),
    };
  }

  /** `GET /api/v1/cdc/branches/{id}/deadlines`: the branch's staff, admins (404 otherwise). */
  async function deadlines(branchId: string, actor: Actor) {
    enforce(actor, 'read', 'cdcCertifier', { branchIds: [branchId] }, 'Branche introuvable.');
    return branchDeadlines(branchId, today());
  }

  /**
   * Erases the stored flux of every deposit holding one of these awards (their holders were
   * anonymised: `qualif candidates purge`); idempotent. The SHA-256, `idFlux` and the
   * passages' results stay. Answers the deposits erased.
   */
  async function eraseFluxesOf(awardIds: readonly string[]): Promise<number> {
    let erased = 0;
    for (let i = 0; i < awardIds.length; i += 2000) {
      const batch = awardIds.slice(i, i + 2000);
      erased += await db.transaction().execute(async (trx) => {
        const rows = await trx
          .updateTable('cdc_deposits')
          .set({ flux: null, flux_erased_at: new Date() })
          .where('flux', 'is not', null)
          .where('id', 'in', (eb) =>
            eb.selectFrom('cdc_passages').select('deposit_id').where('award_id', 'in', batch),
          )
          .returning(['id'])
          .execute();
        for (const row of rows)
          await recordAudit(trx, {
            actor: SYSTEM_ACTOR,
            action: 'cdc_deposit.erase_flux',
            entityType: 'cdc_deposit',
            entityId: row.id,
            after: { reason: 'holder_anonymised' },
          });
        return rows.length;
      });
    }
    return erased;
  }

  return {
    listCertifiers,
    getCertifier,
    configure,
    createDeposit,
    getDeposit,
    listDeposits,
    flux,
    importReport,
    deadlines,
    branchDeadlines,
    eraseFluxesOf,
  };
}

export type CdcService = ReturnType<typeof cdcServiceFactory>;
