import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type CandidacyStatus, SELF_FUNDED_ROUTE } from '../../contracts/candidacies.js';
import { today } from '../../contracts/dates.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf } from '../../platform/auth/actor.js';
import {
  authorize,
  type CandidacyFacts,
  candidacyReadScope,
  enforce,
  hasAnyRole,
} from '../../platform/auth/policy.js';
import type { Encryption } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import type { MailJobs } from '../../platform/mail-jobs.js';
import { type FieldError, fieldError, Problem, problems } from '../../platform/problem.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import type { HabilitationsService } from '../catalogue/habilitations.service.js';
import type { OrganisationsService } from '../catalogue/organisations.service.js';
import type { FunderId } from '../eligibility/domain/model.js';
import type { EligibilityService } from '../eligibility/eligibility.service.js';
import { FIRST_DATE } from '../eligibility/schemas.js';
import type { UsersService } from '../identity/users.service.js';
import {
  activeCandidacyOf,
  type CandidacyRow,
  type CandidateRow,
  candidacyQuery,
  findCandidacy,
  findCandidate,
  historyOf,
  possibleDuplicates,
} from './candidates.repo.js';
import {
  ageOn,
  birthDateProblems,
  type CommuneDirectory,
  checkBirthPlace,
  duplicateReasons,
  emailKey,
  identityKey,
  maskNir,
  nirIdentityProblems,
  nirProblem,
  normaliseNir,
} from './domain/identity.js';
import { eventsFrom, transition as lifecycleTransition } from './domain/lifecycle.js';
import type {
  CandidacyListQuery,
  CandidacyRoute,
  CandidateInput,
  EnrolmentBody,
  StoredEligibility,
  TransitionBody,
} from './schemas.js';

type Deps = {
  db: Db;
  encryption: Encryption;
  communes: () => CommuneDirectory;
  eligibility: Pick<EligibilityService, 'evaluate'>;
  certifications: Pick<
    CertificationsService,
    'get' | 'recognition' | 'idsOfBranches' | 'branchIdsOf' | 'summaries'
  >;
  frameworks: Pick<FrameworksService, 'latestPublished'>;
  habilitations: Pick<HabilitationsService, 'habilitatedOn'>;
  organisations: Pick<OrganisationsService, 'describe'>;
  users: Pick<UsersService, 'ensureCandidateAccount' | 'displayNames'>;
  /** Emails through the job runner, enqueued in the enrolment's transaction. */
  mail: Pick<MailJobs, 'enqueue'>;
};

const NOT_FOUND = 'Parcours introuvable.';
const CANDIDATE_NOT_FOUND = 'Candidat·e introuvable.';

/** The NIR's encryption context: a value copied to another row does not decrypt. */
const nirContext = (candidateId: string) => `candidates.nir:${candidateId}`;

/** Where the person's record is read (the link given with a possible duplicate). */
export const candidateHref = (id: string) => `/api/v1/candidates/${id}`;

type Warning = { field: string; detail: string };

/**
 * Candidates and their candidacies: enrolment (identity checks, possible duplicates, the
 * eligibility service's answer on the route, the training organisation's habilitation, the
 * pinned framework version), reads scoped by the policy layer, and the lifecycle.
 */
export function candidaciesServiceFactory(deps: Deps) {
  const { db, encryption } = deps;

  // ---- reading ------------------------------------------------------------------------------

  function factsOf(row: CandidacyRow, branchIds: readonly string[]): CandidacyFacts {
    return {
      certificationBranchIds: branchIds,
      trainingOrganisationId: row.training_organisation_id,
      employerId: row.employer_id,
      candidateUserId: row.candidate_user_id,
      // Assessments (issue 12, part 6) will name the evaluators assigned to a candidacy.
      evaluatorIds: [],
    };
  }

  /** Certification and organisation names, and certification owners, for a set of rows. */
  async function labelsFor(rows: readonly CandidacyRow[]) {
    const certIds = [...new Set(rows.map((r) => r.certification_id))];
    const orgIds = [
      ...new Set(rows.flatMap((r) => [r.training_organisation_id, r.employer_id ?? []].flat())),
    ];
    const [certifications, owners, organisations] = await Promise.all([
      deps.certifications.summaries(certIds),
      deps.certifications.branchIdsOf(certIds),
      deps.organisations.describe(orgIds),
    ]);
    return { certifications, owners, organisations };
  }

  function summaryOf(row: CandidacyRow, labels: Awaited<ReturnType<typeof labelsFor>>) {
    const org = (id: string) => ({ id, name: labels.organisations.get(id)?.name ?? '' });
    const eligibility = row.eligibility as StoredEligibility;
    return {
      id: row.id,
      candidateId: row.candidate_id,
      candidate: { birthName: row.birth_name, usageName: row.usage_name, firstNames: row.first_names },
      certificationId: row.certification_id,
      certification: labels.certifications.get(row.certification_id) ?? { code: '', title: '' },
      frameworkVersion: row.framework_version_number,
      wholeCertification: row.whole_certification,
      blocCodes: row.bloc_codes,
      route: row.route as CandidacyRoute,
      status: row.status,
      heldFrom: row.held_from,
      eligibilityStatus: eligibility.status,
      trainingOrganisationId: row.training_organisation_id,
      trainingOrganisation: org(row.training_organisation_id),
      employerId: row.employer_id,
      employer: row.employer_id ? org(row.employer_id) : null,
      funders: row.funders as FunderId[],
      enrolledOn: row.enrolled_on,
      initiative: row.initiative,
      transferredFromId: row.transferred_from_id,
      transferredToId: row.transferred_to_id,
    };
  }

  /** The candidacy with its facts, after the policy check (404 unknown or unseen, 403 unchangeable). */
  async function loadFor(id: string, actor: Actor | null, action: 'read' | 'transition') {
    const row = await findCandidacy(db, id);
    if (!row) throw problems.notFound(NOT_FOUND);
    const labels = await labelsFor([row]);
    const facts = factsOf(row, labels.owners.get(row.certification_id) ?? []);
    enforce(actor, action, 'candidacy', facts, NOT_FOUND);
    return { row, labels, facts };
  }

  async function get(id: string, actor: Actor) {
    const { row, labels, facts } = await loadFor(id, actor, 'read');
    const history = await historyOf(db, id);
    const names = await deps.users.displayNames([
      ...new Set(history.flatMap((h) => (h.actor_user_id ? [h.actor_user_id] : []))),
    ]);
    const mayTransition = authorize(actor, 'transition', 'candidacy', facts);
    return {
      ...summaryOf(row, labels),
      situation: (row.situation ?? null) as never,
      eligibility: row.eligibility as StoredEligibility,
      history: history.map((h) => ({
        event: h.event as never,
        fromStatus: h.from_status,
        toStatus: h.to_status,
        reason: h.reason,
        at: new Date(h.at).toISOString(),
        actorId: h.actor_user_id,
        actorName: h.actor_user_id ? (names.get(h.actor_user_id) ?? null) : null,
        details: (h.details ?? null) as Record<string, unknown> | null,
      })),
      events: mayTransition ? eventsFrom({ status: row.status, heldFrom: row.held_from }) : [],
      can: { transition: mayTransition },
    };
  }

  /** The candidacies the actor may read (policy.candidacyReadScope), filtered, newest first. */
  async function list(query: CandidacyListQuery, actor: Actor) {
    const scope = candidacyReadScope(actor);
    const certificationIds =
      !scope.all && scope.branchIds.length > 0
        ? await deps.certifications.idsOfBranches(scope.branchIds)
        : [];
    const base = db
      .selectFrom('candidacies as c')
      .innerJoin('candidates as p', 'p.id', 'c.candidate_id')
      .$if(!scope.all, (q) =>
        q.where((eb) => {
          if (scope.all) return eb.lit(true);
          const within = [
            ...(certificationIds.length > 0 ? [eb('c.certification_id', 'in', certificationIds)] : []),
            ...(scope.trainingOrganisationIds.length > 0
              ? [eb('c.training_organisation_id', 'in', scope.trainingOrganisationIds)]
              : []),
            ...(scope.employerIds.length > 0 ? [eb('c.employer_id', 'in', scope.employerIds)] : []),
            ...(scope.candidateUserId ? [eb('p.user_id', '=', scope.candidateUserId)] : []),
            // Evaluators: the candidacies assigned to them, once assessments exist (none yet).
          ];
          return within.length > 0 ? eb.or(within) : eb.lit(false);
        }),
      )
      .$if(query.status !== undefined, (q) => q.where('c.status', '=', query.status as CandidacyStatus))
      .$if(query.certificationId !== undefined, (q) =>
        q.where('c.certification_id', '=', query.certificationId as string),
      )
      .$if(query.trainingOrganisationId !== undefined, (q) =>
        q.where('c.training_organisation_id', '=', query.trainingOrganisationId as string),
      )
      .$if(query.employerId !== undefined, (q) => q.where('c.employer_id', '=', query.employerId as string));
    const [rows, count] = await Promise.all([
      candidacyQuery(db)
        .where('c.id', 'in', base.select('c.id'))
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const labels = await labelsFor(rows);
    return {
      items: rows.map((r) => summaryOf(r, labels)),
      total: Number(count.n),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** A candidate's identity (NIR masked) and their candidacies the actor may read. */
  async function getCandidate(id: string, actor: Actor) {
    const person = await findCandidate(db, id);
    if (!person) throw problems.notFound(CANDIDATE_NOT_FOUND);
    const rows = await candidacyQuery(db)
      .where('c.candidate_id', '=', id)
      .orderBy('c.created_at', 'desc')
      .execute();
    const labels = await labelsFor(rows);
    const readable = rows.filter((r) =>
      authorize(actor, 'read', 'candidacy', factsOf(r, labels.owners.get(r.certification_id) ?? [])),
    );
    enforce(
      actor,
      'read',
      'candidate',
      {
        userId: person.user_id,
        candidacies: rows.map((r) => factsOf(r, labels.owners.get(r.certification_id) ?? [])),
      },
      CANDIDATE_NOT_FOUND,
    );
    return {
      ...identityOf(person),
      candidacies: readable.map((r) => summaryOf(r, labels)),
    };
  }

  function identityOf(p: CandidateRow) {
    return {
      id: p.id,
      birthName: p.birth_name,
      usageName: p.usage_name,
      firstNames: p.first_names,
      sex: p.sex,
      birthDate: {
        year: p.birth_year,
        ...(p.birth_month !== null ? { month: p.birth_month } : {}),
        ...(p.birth_day !== null ? { day: p.birth_day } : {}),
      },
      birthPlace: p.birth_commune_insee
        ? { communeInsee: p.birth_commune_insee }
        : { countryInsee: p.birth_country_insee as string },
      email: p.email,
      phone: p.phone,
      address: (p.address ?? null) as never,
      nir: p.nir_encrypted ? maskNir(encryption.decryptText(p.nir_encrypted, nirContext(p.id))) : null,
      warnings: (p.identity_warnings ?? []) as Warning[],
      hasAccount: p.user_id !== null,
    };
  }

  // ---- enrolment ----------------------------------------------------------------------------

  /** The new candidate's identity checked and normalised, or the field errors (under `candidate`). */
  function checkIdentity(input: CandidateInput) {
    const at = (path: (string | number)[]) => ['candidate', ...path];
    const errors: FieldError[] = [];
    const warnings: Warning[] = [];
    for (const p of birthDateProblems(input.birthDate, today()))
      errors.push(fieldError(at(['birthDate', ...p.path]), p.detail));
    const place = checkBirthPlace(input.birthPlace, deps.communes());
    for (const p of place.errors) errors.push(fieldError(at(['birthPlace', ...p.path]), p.detail));
    for (const p of place.warnings)
      warnings.push({ field: at(['birthPlace', ...p.path]).join('.'), detail: p.detail });
    let nir: string | undefined;
    if (input.nir) {
      nir = normaliseNir(input.nir);
      const problem = nirProblem(nir);
      if (problem) errors.push(fieldError(at(['nir']), problem));
      else for (const detail of nirIdentityProblems(nir, input)) errors.push(fieldError(at(['nir']), detail));
    }
    return { errors, warnings, place: place.place, nir };
  }

  /** 409 naming each possible duplicate by link, without any of their personal data. */
  function duplicateProblem(found: { id: string; reasons: ('identity' | 'email')[] }[]) {
    const why = {
      identity: 'même nom de naissance, prénom et date de naissance',
      email: 'même adresse e-mail',
    };
    return problems.conflict(
      'Cette personne est peut-être déjà enregistrée. Pour l’inscrire, indiquez candidateId ; s’il s’agit d’une autre personne (homonyme), confirmez-le avec confirmHomonym.',
      found.map((d) =>
        fieldError(
          ['candidate'],
          `Candidat·e existant·e (${d.reasons.map((r) => why[r]).join(' ; ')}) : ${candidateHref(d.id)}`,
        ),
      ),
    );
  }

  /**
   * Enrols a candidate — new (identity checked, possible duplicates refused unless confirmed) or
   * existing (`candidateId`) — for a certification, after checking the route with the
   * eligibility service on the enrolment date. Answers the candidacy's id and state, the
   * eligibility kept (with what is missing when incomplete), warnings, and the candidate's account.
   */
  async function enrol(input: EnrolmentBody, actor: Actor, requestId: string) {
    const errors: FieldError[] = [];
    const refuse = (detail: string) => problems.unprocessable(errors, detail);

    // The certification, read as the actor may see it: unknown or unseen → 422 on the field.
    const cert = await deps.certifications.get(input.certificationId, actor).catch((e: unknown) => {
      if (e instanceof Problem && e.status === 404) return undefined;
      throw e;
    });
    if (!cert) {
      errors.push(fieldError(['certificationId'], 'Certification inconnue.'));
      throw refuse('La certification n’existe pas.');
    }
    const branchIds = cert.branches.map((b) => b.id);
    if (
      !authorize(actor, 'create', 'candidacies', {
        certificationBranchIds: branchIds,
        trainingOrganisationId: input.trainingOrganisationId,
      })
    ) {
      const asOrganisation = hasAnyRole(actor, ['training_org']) && !hasAnyRole(actor, ['branch_manager']);
      errors.push(
        asOrganisation
          ? fieldError(['trainingOrganisationId'], 'Vous ne pouvez inscrire que dans votre organisme.')
          : fieldError(['certificationId'], 'Cette certification n’est pas de votre branche.'),
      );
      throw refuse('Inscription hors de votre périmètre.');
    }
    if (cert.status !== 'active')
      errors.push(
        fieldError(
          ['certificationId'],
          cert.status === 'retired'
            ? 'Cette certification est retirée du catalogue : plus de nouvelle candidature.'
            : 'Cette certification n’est pas encore au catalogue.',
        ),
      );
    if (input.enrolledOn < FIRST_DATE)
      errors.push(
        fieldError(['enrolledOn'], 'Qualif vérifie les voies d’accès à partir du 1er janvier 2015.'),
      );

    // Organisations: kinds, and the training organisation's habilitation on the date.
    const orgs = await deps.organisations.describe([
      input.trainingOrganisationId,
      ...(input.employerId ? [input.employerId] : []),
    ]);
    if (orgs.get(input.trainingOrganisationId)?.kind !== 'training_org')
      errors.push(fieldError(['trainingOrganisationId'], 'Organisme de formation inconnu.'));
    else {
      const habilitated = await deps.habilitations.habilitatedOn(cert.id, input.enrolledOn, 'train');
      if (!habilitated.some((h) => h.organisation_id === input.trainingOrganisationId))
        errors.push(
          fieldError(
            ['trainingOrganisationId'],
            `Cet organisme n’est pas habilité à former à cette certification le ${input.enrolledOn}.`,
          ),
        );
    }
    if (input.employerId && orgs.get(input.employerId)?.kind !== 'employer')
      errors.push(fieldError(['employerId'], 'Employeur inconnu.'));

    // The framework version pinned: the latest published one; the blocs targeted must be in it.
    const version = await deps.frameworks.latestPublished(cert.id);
    const versionBlocs = version?.content.competencies.blocs.map((b) => b.code) ?? [];
    if (!version) errors.push(fieldError(['certificationId'], 'Aucune version de référentiel publiée.'));
    const blocCodes = input.blocCodes ?? [];
    blocCodes.forEach((code, i) => {
      if (version && !versionBlocs.includes(code))
        errors.push(
          fieldError(
            ['blocCodes', i],
            `Bloc inconnu dans la version ${version.number} du référentiel : « ${code} ».`,
          ),
        );
      else if (blocCodes.indexOf(code) !== i)
        errors.push(fieldError(['blocCodes', i], 'Bloc indiqué deux fois.'));
    });

    // The candidate: existing (by id) or new (identity checked, duplicates looked for).
    let existing: CandidateRow | undefined;
    let identity: ReturnType<typeof checkIdentity> | undefined;
    if (input.candidateId) {
      existing = await findCandidate(db, input.candidateId);
      if (!existing || !authorize(actor, 'enrol', 'candidate', { userId: existing.user_id, candidacies: [] }))
        errors.push(fieldError(['candidateId'], 'Candidat·e inconnu·e.'));
      else if (existing.merged_into_id)
        errors.push(
          fieldError(
            ['candidateId'],
            `Ce dossier a été fusionné avec ${candidateHref(existing.merged_into_id)} : indiquez celui-ci.`,
          ),
        );
    } else {
      identity = checkIdentity(input.candidate as CandidateInput);
      errors.push(...identity.errors);
    }
    if (errors.length > 0) throw refuse('L’inscription ne peut pas être enregistrée ainsi.');

    const person = input.candidate;
    const keys = person
      ? { identityKey: identityKey(person), emailKey: person.email ? emailKey(person.email) : null }
      : undefined;
    if (keys && !input.confirmHomonym) {
      const found = (await possibleDuplicates(db, keys))
        .map((d) => ({
          id: d.id,
          reasons: duplicateReasons(keys, { identityKey: d.identity_key, emailKey: d.email_key }),
        }))
        .filter((d) => d.reasons.length > 0);
      if (found.length > 0) throw duplicateProblem(found);
    }

    // Eligibility of the route on the enrolment date, for this candidate's situation.
    const birthDate = existing
      ? {
          year: existing.birth_year,
          month: existing.birth_month ?? undefined,
          day: existing.birth_day ?? undefined,
        }
      : (person as CandidateInput).birthDate;
    const eligibility = await checkRoute(input, cert.id, ageOn(birthDate, input.enrolledOn), actor);

    const candidacyId = randomUUID();
    const candidateId = existing?.id ?? randomUUID();
    await db.transaction().execute(async (trx) => {
      if (person && identity && keys)
        await insertCandidate(trx, candidateId, person, identity, keys, actor, requestId);
      if (await activeCandidacyOf(trx, candidateId, cert.id))
        throw problems.conflict('Ce candidat a déjà un parcours en cours pour cette certification.', [
          fieldError(['certificationId'], 'Un parcours en cours pour cette certification.'),
        ]);
      await trx
        .insertInto('candidacies')
        .values({
          id: candidacyId,
          candidate_id: candidateId,
          certification_id: cert.id,
          framework_version_id: (version as NonNullable<typeof version>).id,
          framework_version_number: (version as NonNullable<typeof version>).number,
          whole_certification: blocCodes.length === 0,
          bloc_codes: blocCodes.length === 0 ? versionBlocs : blocCodes,
          route: input.route,
          situation: input.situation ? JSON.stringify(input.situation) : null,
          eligibility: JSON.stringify(eligibility),
          training_organisation_id: input.trainingOrganisationId,
          employer_id: input.employerId ?? null,
          funders: input.funders ?? (input.route === SELF_FUNDED_ROUTE ? ['candidate'] : []),
          enrolled_on: input.enrolledOn,
          initiative: input.initiative,
          created_by: actor.userId,
        })
        .execute();
      await trx
        .insertInto('candidacy_status_history')
        .values({
          candidacy_id: candidacyId,
          event: 'enrol',
          from_status: null,
          to_status: 'enrolled',
          actor_user_id: actor.userId,
        })
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'candidacy.create',
        entityType: 'candidacy',
        entityId: candidacyId,
        after: {
          candidateId,
          certificationId: cert.id,
          frameworkVersion: (version as NonNullable<typeof version>).number,
          blocCodes: blocCodes.length === 0 ? 'all' : blocCodes,
          route: input.route,
          eligibility: eligibility.status,
          trainingOrganisationId: input.trainingOrganisationId,
          employerId: input.employerId,
          funders: input.funders,
          enrolledOn: input.enrolledOn,
          initiative: input.initiative,
          status: 'enrolled',
        },
        requestId,
      });
      // The candidate is told once the enrolment commits (nothing if it rolls back).
      if (person?.email ?? existing?.email)
        await deps.mail.enqueue(
          trx,
          {
            template: 'candidacy.enrolled',
            to: { kind: 'candidate', id: candidateId },
            refs: { candidacyId },
          },
          { idempotencyKey: `candidacy.enrolled:${candidacyId}` },
        );
    });

    const account = person?.email ? await inviteCandidate(candidateId, person, actor, requestId) : 'none';
    return {
      id: candidacyId,
      status: 'enrolled' as const,
      candidateId,
      eligibility,
      warnings: identity?.warnings ?? [],
      account,
    };
  }

  /**
   * The route checked on the enrolment date: `self_funded` only needs the certification to
   * exist legally; any other route goes to the eligibility service with the situation (age
   * from the birth date). Closed → 422 with the route's reasons; incomplete → kept with what
   * is missing. Funders named must be among those the route allows.
   */
  async function checkRoute(
    input: EnrolmentBody,
    certificationId: string,
    age: number | undefined,
    actor: Actor,
  ): Promise<StoredEligibility> {
    const recognition = await deps.certifications.recognition(certificationId, input.enrolledOn, actor);
    if (input.route === SELF_FUNDED_ROUTE) {
      const errors: FieldError[] = [];
      if (recognition.status === 'none')
        errors.push(
          fieldError(
            ['route'],
            `La certification n’a pas d’existence légale le ${input.enrolledOn} (pas encore transmise à France compétences et à la Caisse des Dépôts).`,
          ),
        );
      (input.funders ?? []).forEach((f, i) => {
        if (f !== 'candidate')
          errors.push(
            fieldError(['funders', i], 'En financement personnel, le seul financeur est le candidat.'),
          );
      });
      if (errors.length > 0)
        throw problems.unprocessable(errors, 'Le financement personnel n’est pas possible ainsi.');
      return {
        checkedOn: input.enrolledOn,
        route: input.route,
        status: 'open',
        missing: [],
        recognition,
        result: null,
      };
    }
    if (!input.situation)
      throw problems.unprocessable(
        [
          fieldError(
            ['situation'],
            'Indiquez la situation du candidat (au moins son statut) : la voie est vérifiée à l’inscription.',
          ),
        ],
        'La voie d’accès ne peut pas être vérifiée sans la situation du candidat.',
      );
    if (age !== undefined && age < 14)
      throw problems.unprocessable(
        [fieldError(['candidate', 'birthDate'], 'Le candidat aurait moins de 14 ans à la date d’entrée.')],
        'Date de naissance incompatible avec la date d’entrée.',
      );
    const answer = await deps.eligibility.evaluate(
      {
        date: input.enrolledOn,
        route: input.route,
        certificationId,
        candidate: { ...input.situation, ...(age !== undefined && age <= 99 ? { age } : {}) },
      },
      actor,
    );
    const result = answer.results[0];
    if (!result) throw new Error(`the eligibility service gave no answer for route ${input.route}`);
    if (result.status === 'closed') {
      const failed = result.reasons.filter((r) => r.satisfied === false);
      throw problems.unprocessable(
        failed.length > 0
          ? failed.map((r) => fieldError(['route'], `${r.title} (${r.source}) : ${r.text}`))
          : [fieldError(['route'], `Cette voie n’existe pas le ${input.enrolledOn}.`)],
        `La voie « ${result.title} » n’est pas ouverte pour cette candidature le ${input.enrolledOn}.`,
      );
    }
    if (result.status === 'open') {
      const allowed = result.funders.map((f) => f.funder);
      const bad = (input.funders ?? []).flatMap((f, i) =>
        allowed.includes(f)
          ? []
          : [fieldError(['funders', i], `« ${f} » ne finance pas cette voie à cette date.`)],
      );
      if (bad.length > 0)
        throw problems.unprocessable(bad, 'Un financeur indiqué n’est pas prévu pour cette voie.');
    }
    return {
      checkedOn: input.enrolledOn,
      route: input.route,
      status: result.status,
      missing: result.missing,
      recognition,
      result,
    };
  }

  async function insertCandidate(
    trx: Transaction<Database>,
    id: string,
    person: CandidateInput,
    identity: ReturnType<typeof checkIdentity>,
    keys: { identityKey: string; emailKey: string | null },
    actor: Actor,
    requestId: string,
  ) {
    const place = identity.place;
    await trx
      .insertInto('candidates')
      .values({
        id,
        birth_name: person.birthName,
        usage_name: person.usageName ?? null,
        first_names: person.firstNames,
        sex: person.sex,
        birth_year: person.birthDate.year,
        birth_month: person.birthDate.month ?? null,
        birth_day: person.birthDate.day ?? null,
        birth_commune_insee: 'communeInsee' in place ? place.communeInsee : null,
        birth_country_insee: 'countryInsee' in place ? place.countryInsee : null,
        email: person.email ? emailKey(person.email) : null,
        phone: person.phone ?? null,
        address: person.address ? JSON.stringify(person.address) : null,
        nir_encrypted: identity.nir ? encryption.encrypt(identity.nir, nirContext(id)) : null,
        identity_key: keys.identityKey,
        email_key: keys.emailKey,
        identity_warnings: JSON.stringify(identity.warnings),
        created_by: actor.userId,
      })
      .execute();
    // Personal fields are recorded as « changed » only (platform/audit/personal-data.ts).
    await recordAudit(trx, {
      actor: auditActorOf(actor),
      action: 'candidate.create',
      entityType: 'candidate',
      entityId: id,
      after: {
        birthName: true,
        usageName: person.usageName ? true : undefined,
        firstNames: true,
        sex: true,
        birthDate: true,
        birthPlace: true,
        email: person.email ? true : undefined,
        phone: person.phone ? true : undefined,
        address: person.address ? true : undefined,
        nir: identity.nir ? true : undefined,
        warnings: identity.warnings.map((w) => w.field),
      },
      requestId,
    });
  }

  /**
   * The candidate's account (identity's invitation mechanism), linked to them. Done after the
   * enrolment's commit: a failure here leaves the enrolment as it is and says so.
   */
  async function inviteCandidate(
    candidateId: string,
    person: CandidateInput,
    actor: Actor,
    requestId: string,
  ) {
    try {
      const { userId, invited } = await deps.users.ensureCandidateAccount(
        {
          email: person.email as string,
          displayName: `${person.firstNames[0]} ${person.usageName ?? person.birthName}`,
        },
        auditActorOf(actor),
        requestId,
      );
      const linked = await db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('candidates')
          .select('id')
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (taken) return false;
        await trx
          .updateTable('candidates')
          .set({ user_id: userId, updated_at: new Date() })
          .where('id', '=', candidateId)
          .execute();
        await recordAudit(trx, {
          actor: auditActorOf(actor),
          action: 'candidate.account_link',
          entityType: 'candidate',
          entityId: candidateId,
          after: { userId },
          requestId,
        });
        return true;
      });
      if (!linked) return 'none' as const;
      return invited ? ('invited' as const) : ('existing' as const);
    } catch {
      return 'invitation_failed' as const;
    }
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /**
   * Moves the candidacy by one event of the transition table: 404 unseen, 403 read-only, 409
   * when the state does not allow it, 422 when the event lacks its reason or its target. A
   * transfer ends this candidacy and starts its continuation at the new training organisation
   * (habilitated today), in the same state; each keeps its history and names the other.
   */
  async function transition(id: string, body: TransitionBody, actor: Actor, requestId: string) {
    const { row } = await loadFor(id, actor, 'transition');
    const outcome = lifecycleTransition({ status: row.status, heldFrom: row.held_from }, body.event, {
      reason: body.reason,
      organisationId: body.trainingOrganisationId,
    });
    if (!outcome.ok) {
      if (outcome.problem === 'not_allowed') throw problems.conflict(outcome.detail);
      throw problems.unprocessable(
        [
          fieldError(
            [outcome.problem === 'reason_required' ? 'reason' : 'trainingOrganisationId'],
            outcome.detail,
          ),
        ],
        outcome.detail,
      );
    }
    const on = today();
    if (body.event === 'transfer') await checkTransferTarget(row, body.trainingOrganisationId as string, on);
    const reason = body.reason?.trim() || null;
    const continuationId = body.event === 'transfer' ? randomUUID() : null;
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('candidacies')
        .set({
          status: outcome.state.status,
          held_from: outcome.state.heldFrom,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw problems.conflict('Le parcours vient de changer d’étape : rechargez-le.');
      await trx
        .insertInto('candidacy_status_history')
        .values({
          candidacy_id: id,
          event: body.event,
          from_status: row.status,
          to_status: outcome.state.status,
          reason,
          details: continuationId
            ? JSON.stringify({ continuationId, trainingOrganisationId: body.trainingOrganisationId })
            : null,
          actor_user_id: actor.userId,
        })
        .execute();
      if (continuationId) {
        // Once this one has ended (one candidacy in progress per certification), its continuation.
        await insertContinuation(
          trx,
          row,
          continuationId,
          body.trainingOrganisationId as string,
          actor,
          reason,
        );
        await trx
          .updateTable('candidacies')
          .set({ transferred_to_id: continuationId })
          .where('id', '=', id)
          .execute();
      }
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: continuationId ? 'candidacy.transfer' : 'candidacy.transition',
        entityType: 'candidacy',
        entityId: id,
        before: { status: row.status },
        after: {
          status: outcome.state.status,
          event: body.event,
          // The reason may be personal (health…): whether one was given, not what it says.
          reasonGiven: reason !== null,
          ...(continuationId ? { continuationId, trainingOrganisationId: body.trainingOrganisationId } : {}),
        },
        requestId,
      });
    });
    return get(id, actor);
  }

  async function checkTransferTarget(row: CandidacyRow, organisationId: string, on: string) {
    const at = ['trainingOrganisationId'];
    const org = (await deps.organisations.describe([organisationId])).get(organisationId);
    let detail: string | undefined;
    if (org?.kind !== 'training_org') detail = 'Organisme de formation inconnu.';
    else if (organisationId === row.training_organisation_id)
      detail = 'Le parcours est déjà dans cet organisme.';
    else if (
      !(await deps.habilitations.habilitatedOn(row.certification_id, on, 'train')).some(
        (h) => h.organisation_id === organisationId,
      )
    )
      detail = `Cet organisme n’est pas habilité à former à cette certification le ${on}.`;
    if (detail)
      throw problems.unprocessable(
        [fieldError(at, detail)],
        'Le transfert n’est pas possible vers cet organisme.',
      );
  }

  /** The transferred candidacy's continuation: same candidate, certification, version, blocs, route and state. */
  async function insertContinuation(
    trx: Transaction<Database>,
    row: CandidacyRow,
    id: string,
    organisationId: string,
    actor: Actor,
    reason: string | null,
  ) {
    const source = await trx
      .selectFrom('candidacies')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('candidacies')
      .values({
        id,
        candidate_id: source.candidate_id,
        certification_id: source.certification_id,
        framework_version_id: source.framework_version_id,
        framework_version_number: source.framework_version_number,
        whole_certification: source.whole_certification,
        bloc_codes: source.bloc_codes,
        route: source.route,
        situation: source.situation === null ? null : JSON.stringify(source.situation),
        eligibility: JSON.stringify(source.eligibility),
        training_organisation_id: organisationId,
        employer_id: source.employer_id,
        funders: source.funders,
        enrolled_on: source.enrolled_on,
        initiative: source.initiative,
        status: row.status,
        held_from: null,
        transferred_from_id: row.id,
        created_by: actor.userId,
      })
      .execute();
    await trx
      .insertInto('candidacy_status_history')
      .values({
        candidacy_id: id,
        event: 'transfer',
        from_status: null,
        to_status: row.status,
        reason,
        details: JSON.stringify({
          transferredFromId: row.id,
          trainingOrganisationId: row.training_organisation_id,
        }),
        actor_user_id: actor.userId,
      })
      .execute();
  }

  // ---- emails (address book and values, asked by the mail.send jobs at send time) ----------

  /** A candidate's email address, or undefined (none given, merged or erased since). */
  async function mailAddressOfCandidate(id: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('candidates')
      .select('email')
      .where('id', '=', id)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
    return row?.email ?? undefined;
  }

  /** What the enrolment email says: certification, date, training organisation (undefined: gone). */
  async function enrolledMailValues({ candidacyId }: { candidacyId: string }) {
    const row = await findCandidacy(db, candidacyId);
    if (!row) return undefined;
    const [certifications, organisations] = await Promise.all([
      deps.certifications.summaries([row.certification_id]),
      deps.organisations.describe([row.training_organisation_id]),
    ]);
    const certification = certifications.get(row.certification_id);
    const organisation = organisations.get(row.training_organisation_id);
    if (!certification || !organisation) return undefined;
    return {
      certificationTitle: certification.title,
      enrolledOn: row.enrolled_on,
      organisationName: organisation.name,
    };
  }

  return {
    enrol,
    get,
    list,
    getCandidate,
    transition,
    mailAddressOfCandidate,
    enrolledMailValues,
    /** The candidacy and its policy facts after the check of `action` (404 unseen, 403 read-only). */
    loadFor,
  };
}

export type CandidaciesService = ReturnType<typeof candidaciesServiceFactory>;
