import type { Kysely } from 'kysely';
import { SELF_FUNDED_ROUTE } from '../../contracts/candidacies.js';
import { today } from '../../contracts/dates.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, hasAnyRole } from '../../platform/auth/policy.js';
import type { Encryption } from '../../platform/crypto/encryption.js';
import type { Database } from '../../platform/db/schema.js';
import { type FieldError, fieldError, Problem, problems } from '../../platform/problem.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import type { HabilitationsService } from '../catalogue/habilitations.service.js';
import type { OrganisationsService } from '../catalogue/organisations.service.js';
import type { EligibilityService } from '../eligibility/eligibility.service.js';
import { type EligibilityRequest, FIRST_DATE } from '../eligibility/schemas.js';
import {
  activeCandidacyKeys,
  type CandidateRow,
  findCandidate,
  possibleDuplicates,
} from './candidates.repo.js';
import {
  ageOn,
  type BirthPlace,
  birthDateProblems,
  type CommuneDirectory,
  checkBirthPlace,
  duplicateReasons,
  emailKey,
  identityKey,
  nirIdentityProblems,
  nirProblem,
  normaliseNir,
} from './domain/identity.js';
import type { CandidateInput, EnrolmentBody, StoredEligibility } from './schemas.js';

/**
 * One enrolment checked — the single form (POST /api/v1/candidacies) and each row of a bulk
 * enrolment (POST /api/v1/candidacies/imports) go through `checkEnrolment`: certification in
 * the caller's scope and active, training organisation habilitated on the date, employer,
 * pinned framework version and bloc codes, identity, possible duplicates, one candidacy in
 * progress per certification, and the route with the eligibility service. What it reads goes
 * through `EnrolmentLookups`, memoised per request, and prefetched in bulk for an import (one
 * query per kind of lookup, not per row).
 */
type Deps = {
  db: Kysely<Database>;
  encryption: Encryption;
  communes: () => CommuneDirectory;
  eligibility: Pick<EligibilityService, 'evaluate'>;
  certifications: Pick<CertificationsService, 'get' | 'recognition'>;
  frameworks: Pick<FrameworksService, 'latestPublished'>;
  habilitations: Pick<HabilitationsService, 'habilitatedOn'>;
  organisations: Pick<OrganisationsService, 'describe'>;
};

export type Warning = { field: string; detail: string };
type Keys = { identityKey: string; emailKey: string | null; nirHash?: string | null };
type Duplicate = { id: string; identity_key: string; email_key: string | null; nir_hash: string | null };

/** Where the person's record is read (the link given with a possible duplicate). */
export const candidateHref = (id: string) => `/api/v1/candidates/${id}`;

/** The NIR's encryption context: a value copied to another row does not decrypt. */
export const nirContext = (candidateId: string) => `candidates.nir:${candidateId}`;

/** The purpose of the NIR's keyed hash (`candidates.nir_hash`): duplicates without decrypting. */
export const NIR_HASH_PURPOSE = 'candidates.nir';

/** An enrolment that passed every check: what the insert needs. */
export type EnrolmentPlan = {
  input: EnrolmentBody;
  certificationId: string;
  version: { id: string; number: number };
  /** The targeted blocs as stored: all the version's for the whole certification. */
  blocCodes: string[];
  wholeCertification: boolean;
  existing: CandidateRow | undefined;
  person: CandidateInput | undefined;
  identity: IdentityCheck | undefined;
  keys: Keys | undefined;
  eligibility: StoredEligibility;
};

export type EnrolmentCheck =
  | { ok: true; plan: EnrolmentPlan }
  | { ok: false; status: 409 | 422; detail: string; errors: FieldError[] };

export type IdentityCheck = ReturnType<ReturnType<typeof enrolmentCheckFactory>['checkIdentity']>;

/** `fn` called once per distinct arguments (compared as JSON) for the lifetime of the memo. */
function memo<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const seen = new Map<string, Promise<R>>();
  const call = (...args: A): Promise<R> => {
    const key = JSON.stringify(args);
    let found = seen.get(key);
    if (!found) {
      found = fn(...args);
      seen.set(key, found);
    }
    return found;
  };
  return Object.assign(call, {
    seed: (args: A, value: R) => seen.set(JSON.stringify(args), Promise.resolve(value)),
  });
}

export function enrolmentCheckFactory(deps: Deps) {
  const { db } = deps;

  /**
   * What an enrolment reads, memoised for one request. `prefetch` loads in one query per kind
   * what many rows will ask (organisations, existing candidates, duplicate keys, candidacies
   * in progress); rows then ask the memo.
   */
  function lookupsFor(actor: Actor) {
    const certification = memo(async (id: string) =>
      deps.certifications.get(id, actor).catch((e: unknown) => {
        if (e instanceof Problem && e.status === 404) return undefined;
        throw e;
      }),
    );
    const recognition = memo((id: string, on: string) => deps.certifications.recognition(id, on, actor));
    const habilitated = memo(
      async (id: string, on: string) =>
        new Set((await deps.habilitations.habilitatedOn(id, on, 'train')).map((h) => h.organisation_id)),
    );
    const version = memo((id: string) => deps.frameworks.latestPublished(id));
    const organisation = memo(async (id: string) => (await deps.organisations.describe([id])).get(id));
    const candidate = memo((id: string) => findCandidate(db, id));
    const evaluate = memo((request: EligibilityRequest) => deps.eligibility.evaluate(request, actor));
    let duplicateIndex: Duplicate[] | undefined;
    let activeIndex: Set<string> | undefined;
    const activeKey = (candidateId: string, certificationId: string) => `${candidateId}|${certificationId}`;

    async function duplicates(keys: Keys): Promise<Duplicate[]> {
      if (duplicateIndex)
        return duplicateIndex.filter(
          (d) =>
            d.identity_key === keys.identityKey ||
            (keys.emailKey !== null && d.email_key === keys.emailKey) ||
            (!!keys.nirHash && d.nir_hash === keys.nirHash),
        );
      return possibleDuplicates(
        db,
        [keys.identityKey],
        keys.emailKey ? [keys.emailKey] : [],
        keys.nirHash ? [keys.nirHash] : [],
      );
    }

    async function active(candidateId: string, certificationId: string): Promise<boolean> {
      if (activeIndex) return activeIndex.has(activeKey(candidateId, certificationId));
      return (await activeCandidacyKeys(db, [candidateId])).has(activeKey(candidateId, certificationId));
    }

    /** Loads at once what the rows of an import will ask. */
    async function prefetch(wanted: { organisationIds: string[]; candidateIds: string[]; keys: Keys[] }) {
      const orgIds = [...new Set(wanted.organisationIds)];
      const candidateIds = [...new Set(wanted.candidateIds)];
      const [orgs, people, found, inProgress] = await Promise.all([
        deps.organisations.describe(orgIds),
        candidateIds.length > 0
          ? db.selectFrom('candidates').selectAll().where('id', 'in', candidateIds).execute()
          : [],
        possibleDuplicates(
          db,
          [...new Set(wanted.keys.map((k) => k.identityKey))],
          [...new Set(wanted.keys.flatMap((k) => (k.emailKey ? [k.emailKey] : [])))],
          [...new Set(wanted.keys.flatMap((k) => (k.nirHash ? [k.nirHash] : [])))],
        ),
        activeCandidacyKeys(db, candidateIds),
      ]);
      for (const id of orgIds) organisation.seed([id], orgs.get(id));
      const byId = new Map(people.map((p) => [p.id, p]));
      for (const id of candidateIds) candidate.seed([id], byId.get(id));
      duplicateIndex = found;
      activeIndex = inProgress;
    }

    return {
      certification,
      recognition,
      habilitated,
      version,
      organisation,
      candidate,
      evaluate,
      duplicates,
      active,
      prefetch,
    };
  }

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

  const refused = (status: 409 | 422, detail: string, errors: FieldError[]): EnrolmentCheck => ({
    ok: false,
    status,
    detail,
    errors,
  });

  /**
   * Every check of one enrolment, with `look` for what it reads. Refusals come back as field
   * errors (paths of the enrolment body) with the problem's status and detail; nothing throws
   * for the caller's data.
   */
  async function checkEnrolment(
    input: EnrolmentBody,
    actor: Actor,
    look: ReturnType<typeof lookupsFor>,
  ): Promise<EnrolmentCheck> {
    const errors: FieldError[] = [];
    const cert = await look.certification(input.certificationId);
    if (!cert)
      return refused(422, 'La certification n’existe pas.', [
        fieldError(['certificationId'], 'Certification inconnue.'),
      ]);
    const branchIds = cert.branches.map((b) => b.id);
    if (
      !authorize(actor, 'create', 'candidacies', {
        certificationBranchIds: branchIds,
        trainingOrganisationId: input.trainingOrganisationId,
      })
    ) {
      const asOrganisation = hasAnyRole(actor, ['training_org']) && !hasAnyRole(actor, ['branch_manager']);
      return refused(422, 'Inscription hors de votre périmètre.', [
        asOrganisation
          ? fieldError(['trainingOrganisationId'], 'Vous ne pouvez inscrire que dans votre organisme.')
          : fieldError(['certificationId'], 'Cette certification n’est pas de votre branche.'),
      ]);
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
    const [trainer, employer] = await Promise.all([
      look.organisation(input.trainingOrganisationId),
      input.employerId ? look.organisation(input.employerId) : undefined,
    ]);
    if (trainer?.kind !== 'training_org')
      errors.push(fieldError(['trainingOrganisationId'], 'Organisme de formation inconnu.'));
    else if (!(await look.habilitated(cert.id, input.enrolledOn)).has(input.trainingOrganisationId))
      errors.push(
        fieldError(
          ['trainingOrganisationId'],
          `Cet organisme n’est pas habilité à former à cette certification le ${input.enrolledOn}.`,
        ),
      );
    if (input.employerId && employer?.kind !== 'employer')
      errors.push(fieldError(['employerId'], 'Employeur inconnu.'));

    // The framework version pinned: the latest published one; the blocs targeted must be in it.
    const version = await look.version(cert.id);
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
    let identity: IdentityCheck | undefined;
    if (input.candidateId) {
      existing = await look.candidate(input.candidateId);
      if (!existing || !authorize(actor, 'enrol', 'candidate', { userId: existing.user_id, candidacies: [] }))
        errors.push(fieldError(['candidateId'], 'Candidat·e inconnu·e.'));
      else if (existing.merged_into_id)
        errors.push(
          fieldError(
            ['candidateId'],
            `Ce dossier a été fusionné avec ${candidateHref(existing.merged_into_id)} : indiquez celui-ci.`,
          ),
        );
      else if (await look.active(existing.id, cert.id))
        return refused(409, 'Ce candidat a déjà un parcours en cours pour cette certification.', [
          fieldError(['certificationId'], 'Un parcours en cours pour cette certification.'),
        ]);
    } else {
      identity = checkIdentity(input.candidate as CandidateInput);
      errors.push(...identity.errors);
    }
    if (errors.length > 0) return refused(422, 'L’inscription ne peut pas être enregistrée ainsi.', errors);

    const person = input.candidate;
    const keys = person
      ? {
          identityKey: identityKey(person),
          emailKey: person.email ? emailKey(person.email) : null,
          nirHash: identity?.nir ? deps.encryption.keyedHash(identity.nir, NIR_HASH_PURPOSE) : null,
        }
      : undefined;
    if (keys && !input.confirmHomonym) {
      const found = (await look.duplicates(keys))
        .map((d) => ({
          id: d.id,
          reasons: duplicateReasons(keys, {
            identityKey: d.identity_key,
            emailKey: d.email_key,
            nirHash: d.nir_hash,
          }),
        }))
        .filter((d) => d.reasons.length > 0);
      if (found.length > 0) return duplicateRefusal(found);
    }

    // Eligibility of the route on the enrolment date, for this candidate's situation.
    const birthDate = existing
      ? {
          year: existing.birth_year,
          month: existing.birth_month ?? undefined,
          day: existing.birth_day ?? undefined,
        }
      : (person as CandidateInput).birthDate;
    const route = await checkRoute(input, cert.id, ageOn(birthDate, input.enrolledOn), look);
    if (!route.ok) return route;
    const pinned = version as NonNullable<typeof version>;
    return {
      ok: true,
      plan: {
        input,
        certificationId: cert.id,
        version: { id: pinned.id, number: pinned.number },
        blocCodes: blocCodes.length === 0 ? versionBlocs : blocCodes,
        wholeCertification: blocCodes.length === 0,
        existing,
        person,
        identity,
        keys,
        eligibility: route.eligibility,
      },
    };
  }

  /** 409 naming each possible duplicate by link, without any of their personal data. */
  function duplicateRefusal(
    found: { id: string; reasons: ('identity' | 'email' | 'nir')[] }[],
  ): EnrolmentCheck {
    const why = {
      identity: 'même nom de naissance, prénom et date de naissance',
      email: 'même adresse e-mail',
      nir: 'même NIR',
    };
    const fieldOf = (reasons: ('identity' | 'email' | 'nir')[]) =>
      reasons.includes('identity') ? 'birthName' : reasons.includes('email') ? 'email' : 'nir';
    return refused(
      409,
      'Cette personne est peut-être déjà enregistrée. Pour l’inscrire, indiquez candidateId ; s’il s’agit d’une autre personne (homonyme), confirmez-le avec confirmHomonym.',
      found.map((d) =>
        fieldError(
          ['candidate', fieldOf(d.reasons)],
          `Candidat·e existant·e (${d.reasons.map((r) => why[r]).join(' ; ')}) : ${candidateHref(d.id)}`,
        ),
      ),
    );
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
    look: ReturnType<typeof lookupsFor>,
  ): Promise<{ ok: true; eligibility: StoredEligibility } | Extract<EnrolmentCheck, { ok: false }>> {
    const recognition = await look.recognition(certificationId, input.enrolledOn);
    const no = (detail: string, errors: FieldError[]) =>
      refused(422, detail, errors) as Extract<EnrolmentCheck, { ok: false }>;
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
      if (errors.length > 0) return no('Le financement personnel n’est pas possible ainsi.', errors);
      return {
        ok: true,
        eligibility: {
          checkedOn: input.enrolledOn,
          route: input.route,
          status: 'open',
          missing: [],
          recognition,
          result: null,
        },
      };
    }
    if (!input.situation)
      return no('La voie d’accès ne peut pas être vérifiée sans la situation du candidat.', [
        fieldError(
          ['situation'],
          'Indiquez la situation du candidat (au moins son statut) : la voie est vérifiée à l’inscription.',
        ),
      ]);
    if (age !== undefined && age < 14)
      return no('Date de naissance incompatible avec la date d’entrée.', [
        fieldError(['candidate', 'birthDate'], 'Le candidat aurait moins de 14 ans à la date d’entrée.'),
      ]);
    const answer = await look.evaluate({
      date: input.enrolledOn,
      route: input.route,
      certificationId,
      candidate: { ...input.situation, ...(age !== undefined && age <= 99 ? { age } : {}) },
    });
    const result = answer.results[0];
    if (!result) throw new Error(`the eligibility service gave no answer for route ${input.route}`);
    if (result.status === 'closed') {
      const failed = result.reasons.filter((r) => r.satisfied === false);
      return no(
        `La voie « ${result.title} » n’est pas ouverte pour cette candidature le ${input.enrolledOn}.`,
        failed.length > 0
          ? failed.map((r) => fieldError(['route'], `${r.title} (${r.source}) : ${r.text}`))
          : [fieldError(['route'], `Cette voie n’existe pas le ${input.enrolledOn}.`)],
      );
    }
    if (result.status === 'open') {
      const allowed = result.funders.map((f) => f.funder);
      const bad = (input.funders ?? []).flatMap((f, i) =>
        allowed.includes(f)
          ? []
          : [fieldError(['funders', i], `« ${f} » ne finance pas cette voie à cette date.`)],
      );
      if (bad.length > 0) return no('Un financeur indiqué n’est pas prévu pour cette voie.', bad);
    }
    return {
      ok: true,
      eligibility: {
        checkedOn: input.enrolledOn,
        route: input.route,
        status: result.status,
        missing: result.missing,
        recognition,
        result,
      },
    };
  }

  /** The candidates row of a new person (NIR encrypted under the row's id). */
  function candidateValues(plan: EnrolmentPlan, id: string, actor: Actor) {
    const person = plan.person as CandidateInput;
    const identity = plan.identity as IdentityCheck;
    const keys = plan.keys as Keys;
    const place = identity.place;
    return {
      id,
      ...civilIdentityColumns(person, place),
      phone: person.phone ?? null,
      address: person.address ? JSON.stringify(person.address) : null,
      nir_encrypted: identity.nir ? deps.encryption.encrypt(identity.nir, nirContext(id)) : null,
      identity_key: keys.identityKey,
      email_key: keys.emailKey,
      nir_hash: keys.nirHash ?? null,
      identity_warnings: JSON.stringify(identity.warnings),
      created_by: actor.userId,
    };
  }

  /** The candidacies row of a checked enrolment. */
  /**
   * A stored eligibility as JSON, written once per answer: an import's rows share a few answers
   * (the lookups are memoised per request, so equal answers are the same objects), and 10,000
   * copies of ≈ 2 KB written for the inserts made half of a bulk enrolment's memory peak
   * (bench/candidacies.bench.ts). Weakly held by the answer's recognition: gone with the request.
   */
  const eligibilityJson = new WeakMap<object, Map<unknown, { of: StoredEligibility; json: string }>>();
  function eligibilityAsJson(e: StoredEligibility): string {
    const holder = e.recognition as unknown;
    if (typeof holder !== 'object' || holder === null) return JSON.stringify(e);
    let byResult = eligibilityJson.get(holder);
    if (!byResult) {
      byResult = new Map();
      eligibilityJson.set(holder, byResult);
    }
    const entry = byResult.get(e.result);
    const found = entry?.of;
    const sameMissing =
      found?.missing === e.missing || (found?.missing.length === 0 && e.missing.length === 0);
    if (
      entry &&
      sameMissing &&
      entry.of.checkedOn === e.checkedOn &&
      entry.of.route === e.route &&
      entry.of.status === e.status
    )
      return entry.json;
    const json = JSON.stringify(e);
    byResult.set(e.result, { of: e, json });
    return json;
  }

  function candidacyValues(plan: EnrolmentPlan, id: string, candidateId: string, actor: Actor) {
    const { input } = plan;
    return {
      id,
      candidate_id: candidateId,
      certification_id: plan.certificationId,
      framework_version_id: plan.version.id,
      framework_version_number: plan.version.number,
      whole_certification: plan.wholeCertification,
      bloc_codes: plan.blocCodes,
      route: input.route,
      situation: input.situation ? JSON.stringify(input.situation) : null,
      eligibility: eligibilityAsJson(plan.eligibility),
      training_organisation_id: input.trainingOrganisationId,
      employer_id: input.employerId ?? null,
      funders: input.funders ?? (input.route === SELF_FUNDED_ROUTE ? ['candidate'] : []),
      enrolled_on: input.enrolledOn,
      initiative: input.initiative,
      created_by: actor.userId,
    };
  }

  /** The audit entry of a new candidate: personal fields recorded as « changed » only. */
  function candidateAudit(plan: EnrolmentPlan) {
    const person = plan.person as CandidateInput;
    const identity = plan.identity as IdentityCheck;
    return {
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
    };
  }

  return {
    lookupsFor,
    checkIdentity,
    checkEnrolment,
    candidateValues,
    candidacyValues,
    candidateAudit,
  };
}

export type EnrolmentChecks = ReturnType<typeof enrolmentCheckFactory>;

/**
 * The civil identity's columns of `candidates` (names, sex, birth date and place, email), as an
 * enrolment and a correction (candidate-identity.service.ts) store a checked identity.
 */
export function civilIdentityColumns(
  person: Pick<CandidateInput, 'birthName' | 'usageName' | 'firstNames' | 'sex' | 'birthDate' | 'email'>,
  place: BirthPlace,
) {
  return {
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
  };
}

/** A refused check as the problem the single form answers. */
export function enrolmentProblem(check: Extract<EnrolmentCheck, { ok: false }>) {
  return check.status === 409
    ? problems.conflict(check.detail, check.errors)
    : problems.unprocessable(check.errors, check.detail);
}
