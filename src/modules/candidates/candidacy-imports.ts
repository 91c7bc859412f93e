import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CONTRACT_TYPES } from '../../contracts/eligibility-facts.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { type FieldError, fieldError, problems } from '../../platform/problem.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import { normaliseSiret, siretProblem } from '../catalogue/domain/siret.js';
import type { OrganisationsService } from '../catalogue/organisations.service.js';
import { carryPartialAwards, type LinkedCorrespondences, registryEdges } from './award-carry.js';
import type { CandidaciesService } from './candidacies.service.js';
import { emailKey, identityKey } from './domain/identity.js';
import type { EnrolmentPlan } from './enrolment-check.js';
import { ImportFileError, readImportFile, type SheetRow } from './import-file.js';
import { type EnrolmentBody, enrolmentBody } from './schemas.js';

/**
 * Bulk enrolment (issue 12, point 3): a file of one enrolment per row, every row checked by the
 * single form's checks (enrolment-check.ts) with the lookups prefetched for the whole file,
 * then all created in one transaction — or nothing, with every problem named by its row (the
 * spreadsheet's number, header = 1) and column (its header).
 */

/** The columns, in the template's order; `required`: the header must be there. */
export const IMPORT_COLUMNS = [
  { name: 'nom_naissance', required: true, example: 'Martin' },
  { name: 'nom_usage', required: false, example: '' },
  { name: 'prenom1', required: true, example: 'Camille' },
  { name: 'prenom2', required: false, example: 'Marie' },
  { name: 'prenom3', required: false, example: '' },
  { name: 'sexe', required: true, example: 'F' },
  { name: 'date_naissance', required: true, example: '12/04/1990' },
  { name: 'commune_naissance_insee', required: true, example: '69383' },
  { name: 'pays_naissance_insee', required: false, example: '' },
  { name: 'email', required: false, example: 'camille.martin@example.org' },
  { name: 'telephone', required: false, example: '06 12 34 56 78' },
  { name: 'certification', required: true, example: 'CQP-EXEMPLE' },
  { name: 'voie_acces', required: true, example: 'plan_developpement' },
  { name: 'blocs', required: false, example: '' },
  { name: 'organisme_siret', required: true, example: '12345678900011' },
  { name: 'employeur_siret', required: false, example: '' },
  { name: 'employeur_raison_sociale', required: false, example: '' },
  { name: 'date_entree', required: true, example: '2026-09-01' },
  { name: 'statut', required: false, example: 'salarie' },
  { name: 'type_contrat', required: false, example: 'cdi' },
  { name: 'beneficiaire', required: false, example: '' },
  { name: 'candidat_id', required: false, example: '' },
] as const;
type Column = (typeof IMPORT_COLUMNS)[number]['name'];
const COLUMN_NAMES: readonly string[] = IMPORT_COLUMNS.map((c) => c.name);

const STATUSES = {
  salarie: 'employee',
  demandeur_emploi: 'jobseeker',
  independant: 'self_employed',
  etudiant: 'student',
} as const;
const BENEFITS = ['RSA', 'ASS', 'AAH'] as const;

/** The enrolment body field (dotted path) → the column it came from. */
function columnOf(field: string): Column {
  const [head, second, third] = field.split('.');
  switch (head) {
    case 'candidate':
      switch (second) {
        case 'usageName':
          return 'nom_usage';
        case 'firstNames':
          return third === '1' ? 'prenom2' : third === '2' ? 'prenom3' : 'prenom1';
        case 'sex':
          return 'sexe';
        case 'birthDate':
          return 'date_naissance';
        case 'birthPlace':
          return third === 'countryInsee' ? 'pays_naissance_insee' : 'commune_naissance_insee';
        case 'email':
          return 'email';
        case 'phone':
          return 'telephone';
        default:
          return 'nom_naissance';
      }
    case 'candidateId':
      return 'candidat_id';
    case 'certificationId':
      return 'certification';
    case 'route':
    case 'funders':
      return 'voie_acces';
    case 'situation':
      return second === 'contractType' ? 'type_contrat' : second === 'benefits' ? 'beneficiaire' : 'statut';
    case 'blocCodes':
      return 'blocs';
    case 'trainingOrganisationId':
      return 'organisme_siret';
    case 'employerId':
      return 'employeur_siret';
    case 'enrolledOn':
      return 'date_entree';
    default:
      return 'nom_naissance';
  }
}

/** One problem of the file: `#/rows/{row}/{column}`, with the row and the column. */
export type ImportError = FieldError & { row: number; column: string };

function importError(row: number, column: string, detail: string): ImportError {
  return { ...fieldError(['rows', row, column], detail), row, column };
}

const DATE_HELP = 'JJ/MM/AAAA ou AAAA-MM-JJ';

/** `JJ/MM/AAAA` or `AAAA-MM-JJ` → its parts (`00`: unknown, allowed for a birth date only). */
function parseDate(text: string): { year: number; month: number; day: number } | undefined {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (fr) return { day: Number(fr[1]), month: Number(fr[2]), year: Number(fr[3]) };
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  return undefined;
}

function isRealDate(d: { year: number; month: number; day: number }) {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return (
    date.getUTCFullYear() === d.year && date.getUTCMonth() === d.month - 1 && date.getUTCDate() === d.day
  );
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const split = (text: string) =>
  text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

type Deps = {
  db: Kysely<Database>;
  candidacies: Pick<CandidaciesService, 'checks' | 'enqueueInvitations' | 'enqueueEnrolledMails'>;
  certifications: Pick<CertificationsService, 'idsByCode'>;
  /** Organisations by SIRET; employers the file names but Qualif does not know, registered with it. */
  organisations: Pick<
    OrganisationsService,
    'bySiret' | 'mayRegisterEmployer' | 'employerNameProblem' | 'registerEmployersIn'
  >;
  /** The registry's correspondences (registry module): earlier partial awards carried through them. */
  linkedCorrespondences: LinkedCorrespondences;
};

type Parsed = { row: number; body: unknown; errors: ImportError[] };

/** An employer the file names by a SIRET Qualif does not know: registered with the enrolments. */
type NewEmployer = { id: string; name: string; siret: string; row: number };

/** A company name as compared between rows: spaces collapsed, case ignored. */
const sameName = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'accent' }) === 0;

export function candidacyImportsFactory(deps: Deps) {
  const { checks } = deps.candidacies;

  /** The header checked: every column known, none twice, the required ones present. */
  function headerErrors(header: readonly string[]): ImportError[] {
    const errors: ImportError[] = [];
    const seen = new Set<string>();
    header.forEach((raw, i) => {
      const name = raw.replace(/^\uFEFF/, '').trim();
      if (name === '' && i === header.length - 1) return;
      if (!COLUMN_NAMES.includes(name))
        errors.push(
          importError(
            1,
            name || `colonne ${i + 1}`,
            `Colonne inconnue « ${name} » : les colonnes sont ${COLUMN_NAMES.join(', ')}.`,
          ),
        );
      else if (seen.has(name)) errors.push(importError(1, name, 'Colonne présente deux fois.'));
      seen.add(name);
    });
    for (const c of IMPORT_COLUMNS)
      if (c.required && !seen.has(c.name))
        errors.push(importError(1, c.name, `Colonne obligatoire « ${c.name} » manquante.`));
    return errors;
  }

  /**
   * The rows as enrolment bodies: each cell read (dates, sex, statut, lists), certification
   * codes and SIRETs resolved in one query each; the problems of reading named by column.
   * An `employeur_siret` unknown to Qualif, with its `employeur_raison_sociale`, is a new
   * employer (one per SIRET, given an id now) when the actor may register employers.
   */
  async function parseRows(
    header: readonly string[],
    rows: readonly SheetRow[],
    actor: Actor,
  ): Promise<{ parsed: Parsed[]; newEmployers: Map<string, NewEmployer> }> {
    const index = new Map(header.map((h, i) => [h.replace(/^\uFEFF/, '').trim(), i]));
    const cellOf = (r: SheetRow, c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    const codes = new Set<string>();
    const sirets = new Set<string>();
    for (const r of rows) {
      const code = cellOf(r, 'certification');
      if (code) codes.add(code);
      for (const c of ['organisme_siret', 'employeur_siret'] as const) {
        const siret = normaliseSiret(cellOf(r, c));
        if (siret && !siretProblem(siret)) sirets.add(siret);
      }
    }
    const [certIds, orgs] = await Promise.all([
      deps.certifications.idsByCode([...codes]),
      deps.organisations.bySiret([...sirets]),
    ]);
    const mayRegister = deps.organisations.mayRegisterEmployer(actor);
    const newEmployers = new Map<string, NewEmployer>();

    const parsed = rows.map((r) => {
      const errors: ImportError[] = [];
      const cell = (c: Column) => cellOf(r, c);
      const fail = (c: Column, detail: string) => errors.push(importError(r.row, c, detail));

      const organisation = (c: 'organisme_siret' | 'employeur_siret') => {
        const raw = cell(c);
        if (!raw) {
          if (c === 'organisme_siret') fail(c, 'Indiquez le SIRET de l’organisme de formation.');
          return undefined;
        }
        const siret = normaliseSiret(raw);
        const problem = siretProblem(siret);
        if (problem) return void fail(c, problem);
        const org = orgs.get(siret);
        if (org) return org.id;
        if (c === 'organisme_siret')
          return void fail(c, 'Aucun organisme de formation enregistré dans Qualif avec ce SIRET.');
        if (!mayRegister)
          return void fail(
            c,
            'Aucun employeur enregistré dans Qualif avec ce SIRET : enregistrez-le d’abord (organisations), puis importez.',
          );
        return newEmployer(siret);
      };
      /** An employer unknown to Qualif: its name is needed, the same on every row of its SIRET. */
      const newEmployer = (siret: string) => {
        const name = cell('employeur_raison_sociale').replace(/\s+/g, ' ');
        if (!name)
          return void fail(
            'employeur_siret',
            'Aucun employeur enregistré dans Qualif avec ce SIRET : indiquez sa raison sociale (colonne employeur_raison_sociale) pour l’enregistrer avec l’import.',
          );
        const problem = deps.organisations.employerNameProblem(name);
        if (problem) return void fail('employeur_raison_sociale', problem);
        const known = newEmployers.get(siret);
        if (!known) {
          const added = { id: randomUUID(), name, siret, row: r.row };
          newEmployers.set(siret, added);
          return added.id;
        }
        if (!sameName(known.name, name))
          return void fail(
            'employeur_raison_sociale',
            `Raison sociale différente de celle de la ligne ${known.row} pour le même SIRET d’employeur : une seule par employeur.`,
          );
        return known.id;
      };
      const trainingOrganisationId = organisation('organisme_siret');
      const employerId = organisation('employeur_siret');
      if (cell('employeur_raison_sociale') && !cell('employeur_siret'))
        fail(
          'employeur_raison_sociale',
          'Raison sociale sans SIRET d’employeur : indiquez employeur_siret, ou videz cette cellule.',
        );

      const code = cell('certification');
      const certificationId = code ? certIds.get(code.toLowerCase()) : undefined;
      if (!code) fail('certification', 'Indiquez le code de la certification (catalogue).');
      else if (!certificationId) fail('certification', 'Aucune certification du catalogue n’a ce code.');

      let enrolledOn: string | undefined;
      const entry = parseDate(cell('date_entree'));
      if (!cell('date_entree')) fail('date_entree', `Indiquez la date d’entrée (${DATE_HELP}).`);
      else if (!entry || !isRealDate(entry)) fail('date_entree', `Date d’entrée invalide (${DATE_HELP}).`);
      else enrolledOn = `${pad(entry.year, 4)}-${pad(entry.month)}-${pad(entry.day)}`;

      const candidateId = cell('candidat_id') || undefined;
      let candidate: Record<string, unknown> | undefined;
      if (!candidateId) {
        const birth = parseDate(cell('date_naissance'));
        let birthDate: { year: number; month?: number; day?: number } | undefined;
        if (!birth || (birth.month === 0 && birth.day !== 0))
          fail(
            'date_naissance',
            `Date de naissance invalide (${DATE_HELP} ; 00 pour un jour ou un mois inconnu).`,
          );
        else
          birthDate = {
            year: birth.year,
            ...(birth.month !== 0 ? { month: birth.month } : {}),
            ...(birth.day !== 0 ? { day: birth.day } : {}),
          };
        const sex = cell('sexe').toUpperCase();
        if (sex !== 'F' && sex !== 'M') fail('sexe', 'Sexe : F ou M.');
        const country = cell('pays_naissance_insee');
        candidate = {
          birthName: cell('nom_naissance'),
          ...(cell('nom_usage') ? { usageName: cell('nom_usage') } : {}),
          firstNames: [cell('prenom1'), cell('prenom2'), cell('prenom3')].filter(
            (p, i) => i === 0 || p !== '',
          ),
          sex,
          birthDate,
          birthPlace: country ? { countryInsee: country } : { communeInsee: cell('commune_naissance_insee') },
          ...(cell('email') ? { email: cell('email') } : {}),
          ...(cell('telephone') ? { phone: cell('telephone') } : {}),
        };
      }

      const statusText = cell('statut').toLowerCase();
      const status = STATUSES[statusText as keyof typeof STATUSES];
      if (statusText && !status) fail('statut', `Statut : ${Object.keys(STATUSES).join(', ')}.`);
      const contractType = cell('type_contrat').toLowerCase();
      if (contractType && !(CONTRACT_TYPES as readonly string[]).includes(contractType))
        fail('type_contrat', `Type de contrat : ${CONTRACT_TYPES.join(', ')}.`);
      const benefits = split(cell('beneficiaire').toUpperCase());
      if (benefits.some((b) => !(BENEFITS as readonly string[]).includes(b)))
        fail('beneficiaire', `Bénéficiaire : ${BENEFITS.join(', ')}, séparés par « | ».`);
      const situation =
        status || contractType || benefits.length > 0
          ? {
              ...(status ? { status } : {}),
              ...(contractType ? { contractType } : {}),
              ...(benefits.length > 0 ? { benefits } : {}),
            }
          : undefined;

      const blocCodes = split(cell('blocs'));
      const body = {
        ...(candidateId ? { candidateId } : { candidate }),
        certificationId,
        route: cell('voie_acces'),
        ...(situation ? { situation } : {}),
        ...(blocCodes.length > 0 ? { blocCodes } : {}),
        trainingOrganisationId,
        ...(employerId ? { employerId } : {}),
        enrolledOn,
        initiative: 'training_organisation',
      };
      return { row: r.row, body, errors };
    });
    return { parsed, newEmployers };
  }

  /** Errors of one row, one per column (details of the same column joined). */
  function perColumn(row: number, errors: FieldError[]): ImportError[] {
    const byColumn = new Map<string, string[]>();
    for (const e of errors) {
      const column = columnOf(e.field);
      byColumn.set(column, [...(byColumn.get(column) ?? []), e.detail]);
    }
    return [...byColumn].map(([column, details]) =>
      importError(row, column, [...new Set(details)].join(' ; ')),
    );
  }

  /**
   * Checks every row (nothing written), then — unless `dryRun` or any problem — creates all the
   * candidates and candidacies in one transaction. A 422 lists every problem with its row and
   * column; nothing is created.
   */
  async function importFile(data: Buffer, actor: Actor, requestId: string, dryRun: boolean) {
    let sheet: Awaited<ReturnType<typeof readImportFile>>;
    try {
      sheet = await readImportFile(data);
    } catch (error) {
      if (error instanceof ImportFileError)
        throw problems.unprocessable([fieldError(['file'], error.detail)], 'Le fichier ne peut pas être lu.');
      throw error;
    }
    const header = headerErrors(sheet.header);
    if (header.length > 0)
      throw problems.unprocessable(header, 'Les colonnes du fichier ne sont pas celles du modèle.');
    if (sheet.rows.length === 0)
      throw problems.unprocessable(
        [fieldError(['file'], 'Aucune ligne à importer.')],
        'Le fichier est vide.',
      );

    // Only the format is kept to the end (the audit entry): the file's rows and their first
    // reading can be collected once checked, before the inserts.
    const { format } = sheet;
    const { parsed, newEmployers } = await parseRows(sheet.header, sheet.rows, actor);
    const newEmployerIds = new Set([...newEmployers.values()].map((e) => e.id));
    const errors: ImportError[] = [];
    const ready: { row: number; body: EnrolmentBody }[] = [];
    for (const p of parsed) {
      if (p.errors.length > 0) {
        errors.push(...p.errors);
        continue;
      }
      const valid = enrolmentBody.safeParse(p.body);
      if (!valid.success)
        errors.push(
          ...perColumn(
            p.row,
            valid.error.issues.map((i) => fieldError(i.path as (string | number)[], i.message)),
          ),
        );
      else ready.push({ row: p.row, body: valid.data });
    }

    // What the rows will ask, in one query per kind; then each row through the single form's checks.
    const look = checks.lookupsFor(actor);
    await look.prefetch({
      organisationIds: ready.flatMap((r) =>
        [r.body.trainingOrganisationId, r.body.employerId ?? []]
          .flat()
          .filter((id) => !newEmployerIds.has(id)),
      ),
      candidateIds: ready.flatMap((r) => (r.body.candidateId ? [r.body.candidateId] : [])),
      keys: ready.flatMap((r) =>
        r.body.candidate
          ? [
              {
                identityKey: identityKey(r.body.candidate),
                emailKey: r.body.candidate.email ? emailKey(r.body.candidate.email) : null,
              },
            ]
          : [],
      ),
    });
    // The employers to register are employers to the checks.
    for (const e of newEmployers.values()) look.organisation.seed([e.id], { name: e.name, kind: 'employer' });
    const plans: { row: number; plan: EnrolmentPlan }[] = [];
    const firstRowOf = new Map<string, number>();
    for (const { row, body } of ready) {
      const check = await checks.checkEnrolment(body, actor, look);
      if (!check.ok) {
        errors.push(...perColumn(row, check.errors));
        continue;
      }
      // Another row of the file for the same person (or the same candidate and certification).
      const seen = (key: string | null, column: Column, detail: (first: number) => string) => {
        if (key === null) return false;
        const first = firstRowOf.get(key);
        if (first !== undefined) {
          errors.push(importError(row, column, detail(first)));
          return true;
        }
        firstRowOf.set(key, row);
        return false;
      };
      const { plan } = check;
      const repeated = plan.keys
        ? seen(
            `identity:${plan.keys.identityKey}`,
            'nom_naissance',
            (n) =>
              `Même personne que la ligne ${n} (nom de naissance, prénom et date de naissance) : une ligne par personne, ou candidat_id.`,
          ) ||
          seen(
            plan.keys.emailKey && `email:${plan.keys.emailKey}`,
            'email',
            (n) => `Même adresse e-mail que la ligne ${n}.`,
          )
        : seen(
            `candidacy:${body.candidateId}|${plan.certificationId}`,
            'candidat_id',
            (n) => `Même candidat et même certification que la ligne ${n}.`,
          );
      if (!repeated) plans.push({ row, plan });
    }

    if (errors.length > 0) {
      errors.sort((a, b) => a.row - b.row || COLUMN_NAMES.indexOf(a.column) - COLUMN_NAMES.indexOf(b.column));
      throw problems.unprocessable(
        errors,
        `${errors.length} problème${errors.length > 1 ? 's' : ''} dans le fichier : rien n’a été inscrit.`,
      );
    }
    const warnings = [
      ...plans.flatMap(({ row, plan }) =>
        (plan.identity?.warnings ?? []).map((w) => ({ row, column: columnOf(w.field), detail: w.detail })),
      ),
      // A SIRET typed wrong may still have a valid key: the employers to be registered are said.
      ...[...newEmployers.values()].map((e) => ({
        row: e.row,
        column: 'employeur_siret',
        detail: dryRun
          ? 'Employeur absent de Qualif : il sera enregistré avec la raison sociale de cette ligne.'
          : 'Employeur absent de Qualif : enregistré avec la raison sociale de cette ligne.',
      })),
    ].sort((a, b) => a.row - b.row);
    if (dryRun) return { dryRun: true, created: plans.length, candidacies: [] as string[], warnings };

    const ids = plans.map(({ plan }) => ({
      plan,
      candidacyId: randomUUID(),
      candidateId: plan.existing?.id ?? randomUUID(),
    }));
    // Read before the transaction (PGlite has one connection): for candidates already known only.
    const edges = ids.some((i) => i.plan.existing) ? await registryEdges(deps.linkedCorrespondences) : [];
    await deps.db.transaction().execute(async (trx) => {
      // The new employers first (the candidacies point to them), through their owner, the catalogue.
      const { taken } = await deps.organisations.registerEmployersIn(
        trx,
        [...newEmployers.values()],
        actor,
        requestId,
      );
      if (taken.length > 0)
        throw problems.unprocessable(
          [...newEmployers.values()]
            .filter((e) => taken.includes(e.siret))
            .map((e) =>
              importError(
                e.row,
                'employeur_siret',
                'Employeur enregistré dans Qualif pendant l’import : importez de nouveau le fichier.',
              ),
            ),
          'Un employeur du fichier vient d’être enregistré : rien n’a été inscrit.',
        );
      const newCandidates = ids.filter((i) => i.plan.person);
      for (const chunk of chunks(newCandidates, 500))
        await trx
          .insertInto('candidates')
          .values(chunk.map((i) => checks.candidateValues(i.plan, i.candidateId, actor)))
          .execute();
      for (const chunk of chunks(ids, 500)) {
        await trx
          .insertInto('candidacies')
          .values(chunk.map((i) => checks.candidacyValues(i.plan, i.candidacyId, i.candidateId, actor)))
          .execute();
        await trx
          .insertInto('candidacy_status_history')
          .values(
            chunk.map((i) => ({
              candidacy_id: i.candidacyId,
              event: 'enrol',
              from_status: null,
              to_status: 'enrolled' as const,
              actor_user_id: actor.userId,
            })),
          )
          .execute();
      }
      // Candidates' earlier partial awards, still valid on each enrolment date, carry their blocs in.
      await carryPartialAwards(
        trx,
        { candidacyIds: ids.filter((i) => i.plan.existing).map((i) => i.candidacyId) },
        actor.userId,
        null,
        edges,
      );
      // One audit entry for the file: the ids created, no personal value.
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'candidacy.import',
        entityType: 'candidacy',
        entityId: randomUUID(),
        after: {
          rows: ids.length,
          format,
          candidacyIds: ids.map((i) => i.candidacyId),
          newCandidateIds: newCandidates.map((i) => i.candidateId),
          ...(newEmployers.size > 0 ? { newEmployerIds: [...newEmployerIds] } : {}),
        },
        requestId,
      });
      // Each new candidate with an email is invited to create their account: one job each.
      await deps.candidacies.enqueueInvitations(
        trx,
        newCandidates.flatMap((i) => (i.plan.person?.email ? [i.candidateId] : [])),
      );
      // Each candidate with an email is told of their enrolment, as by the single form.
      await deps.candidacies.enqueueEnrolledMails(
        trx,
        ids.filter((i) => i.plan.person?.email ?? i.plan.existing?.email),
      );
    });
    return { dryRun: false, created: ids.length, candidacies: ids.map((i) => i.candidacyId), warnings };
  }

  return { importFile };
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export type CandidacyImports = ReturnType<typeof candidacyImportsFactory>;
