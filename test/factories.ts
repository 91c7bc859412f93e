import path from 'node:path';
import { sql } from 'kysely';
import type { Services } from '../src/app/app.js';
import { today } from '../src/contracts/dates.js';
import type { College } from '../src/contracts/juries.js';
import { DEFAULT_JURY_RULES, type JuryRules } from '../src/modules/candidates/domain/jury-rules.js';
import type { JuryBody } from '../src/modules/candidates/juries.schemas.js';
import type { CandidateInput, EnrolmentBody } from '../src/modules/candidates/schemas.js';
import type { NewRecognitionEvent } from '../src/modules/catalogue/certifications.service.js';
import { type Actor, SYSTEM_ACTOR, SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { ROLES, type Role } from '../src/platform/auth/roles.js';
import { RNCP_XML_FIXTURE } from './fixtures.js';

/**
 * Test data built through the services, as the product builds it (checks, audit), instead of
 * looking up demo-seed rows: each test states the data it relies on.
 */
let sequence = 0;
const next = () => ++sequence;
const unique = () => `${process.pid.toString(36)}${Date.now().toString(36)}${next()}`;

/** `digits` followed by the key digit that makes the whole a valid Luhn number. */
function withLuhnKey(digits: string): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = `${digits}${key}`;
    const sum = [...candidate].reverse().reduce((acc, digit, i) => {
      const d = Number(digit) * (i % 2 === 1 ? 2 : 1);
      return acc + (d > 9 ? d - 9 : d);
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable: one key digit always completes a Luhn number');
}

/** A SIRET whose SIREN and SIRET keys are valid, different at each call (never La Poste's). */
export function newSiret(): string {
  const n = next();
  const siren = withLuhnKey(`7${String((process.pid * 31 + n) % 10_000_000).padStart(7, '0')}`);
  return withLuhnKey(`${siren}${String(n % 10_000).padStart(4, '0')}`);
}

export const TEST_PASSWORD = 'Mot-de-passe-de-test-2026!';

export type Factories = ReturnType<typeof factories>;

export function factories(services: Services) {
  const { catalogue, users, registry, db, candidacies } = services;

  async function newBranch(name = `Branche ${unique()}`) {
    const id = await catalogue.branches.save(
      undefined,
      { name, idcc: [], cpneMembers: [] },
      SYSTEM_ADMIN,
      'test',
    );
    return { id, name };
  }

  async function newOrganisation(
    kind: 'training_org' | 'employer' | 'assessment_centre' | 'opco',
    name = `Organisation ${unique()}`,
  ) {
    const id = await catalogue.organisations.create({ kind, name, siret: newSiret() }, SYSTEM_ADMIN, 'test');
    return { id, name };
  }

  /**
   * An account with one role and the password TEST_PASSWORD; its scope (branch or
   * organisation) when the role needs one.
   */
  async function newUser(
    role: Role,
    scope: { branchId?: string; organisationId?: string } = {},
    opts: { displayName?: string; email?: string } = {},
  ) {
    const email = opts.email ?? `${role.replace('_', '-')}-${unique()}@test.qualif.test`;
    const displayName = opts.displayName ?? `${role} ${next()}`;
    const user = await users.createUser(
      {
        email,
        displayName,
        password: TEST_PASSWORD,
        grants: [{ role, ...scope }],
      },
      SYSTEM_ACTOR,
    );
    return { id: user.id, email, displayName };
  }

  /**
   * A certification of these branches. Public (`active`) unless `status` says otherwise: set
   * in the table, like the certifications that existed before the lifecycle (migration 0006),
   * so that a test about something else needs no framework or transmission to read it
   * publicly. How a draft becomes active, through the service, is test/lifecycle.test.ts's.
   */
  async function newCertification(
    branchIds: string[],
    overrides: Partial<Parameters<typeof catalogue.certifications.create>[0]> = {},
    opts: { status?: 'draft' | 'active' | 'retired' } = {},
  ) {
    const code = `T-${unique()}`.toUpperCase();
    const id = await catalogue.certifications.create(
      {
        kind: branchIds.length > 1 ? 'CQPI' : 'CQP',
        code,
        title: `Certification de test ${code}`,
        branchIds,
        legalOwner: { name: 'Association paritaire de test', siret: newSiret() },
        romeCodes: ['K2503'],
        nsfCodes: ['344t'],
        formacodeCodes: ['42829'],
        description: 'Certification créée pour un test.',
        jobsTargeted: 'Métier de test',
        ...overrides,
      },
      SYSTEM_ADMIN,
      'test',
    );
    const status = opts.status ?? 'active';
    if (status !== 'draft') {
      await db.updateTable('certifications').set({ status }).where('id', '=', id).execute();
      await sql`update catalogue_generation set value = value + 1 where id = 1`.execute(db);
    }
    return { id, code };
  }

  /** A draft framework version with two blocs of two competencies; `publish` publishes it. */
  async function newFrameworkVersion(certificationId: string, opts: { publish?: boolean } = {}) {
    const row = await catalogue.frameworks.createDraft(
      certificationId,
      { content: sampleFramework() },
      SYSTEM_ADMIN,
      'test',
    );
    if (opts.publish) await catalogue.frameworks.publish(certificationId, row.number, SYSTEM_ADMIN, 'test');
    return row;
  }

  async function newHabilitation(
    certificationId: string,
    who:
      | { organisationId: string; kind?: 'train' | 'assess' | 'train_and_assess' }
      | { userId: string; kind: 'evaluator' }
      | { userId: string; kind: 'jury_member'; college?: College; designatedBy?: string },
    dates = { validFrom: '2020-01-01', validTo: '2099-12-31' },
  ) {
    const kind = who.kind ?? 'train';
    // A jury member's habilitation names a college and who designated them (issue 13).
    const jury =
      kind === 'jury_member' ? { college: 'employers' as const, designatedBy: 'Fédération (test)' } : {};
    const id = await catalogue.habilitations.create(
      certificationId,
      { ...jury, ...who, kind, ...dates },
      SYSTEM_ADMIN,
      'test',
    );
    return { id };
  }

  /**
   * One account per role, each signed in with TEST_PASSWORD and scoped as its role needs:
   * branch roles over one new branch, organisation roles over a new organisation of theirs.
   */
  async function newAccountPerRole() {
    const branch = await newBranch();
    const trainingOrg = await newOrganisation('training_org');
    const employer = await newOrganisation('employer');
    const scopeOf = (role: Role) =>
      role === 'branch_manager' || role === 'advisor'
        ? { branchId: branch.id }
        : role === 'training_org'
          ? { organisationId: trainingOrg.id }
          : role === 'employer'
            ? { organisationId: employer.id }
            : {};
    const accounts = {} as Record<Role, Awaited<ReturnType<typeof newUser>>>;
    for (const role of ROLES) accounts[role] = await newUser(role, scopeOf(role));
    return { branch, trainingOrg, employer, accounts };
  }

  /**
   * A certification candidates can enrol in today: active, its framework (blocs BC01, BC02)
   * published, transmitted to France compétences (legal existence), and the given training
   * organisations habilitated to train for it.
   */
  async function newEnrollableCertification(branchIds: string[], trainingOrganisationIds: string[] = []) {
    const certification = await newCertification(branchIds);
    await newFrameworkVersion(certification.id, { publish: true });
    await addEvents(certification.id, [{ type: 'transmitted', date: '2020-01-15' }]);
    for (const organisationId of trainingOrganisationIds)
      await newHabilitation(certification.id, { organisationId });
    return certification;
  }

  /** A new person's identity, different at each call (birth name and email), born in Lyon 3e. */
  function newCandidate(overrides: Partial<CandidateInput> = {}): CandidateInput {
    const n = unique();
    return {
      birthName: `Candidat ${n.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)] as string)}`,
      firstNames: ['Camille'],
      sex: 'F',
      birthDate: { year: 1990, month: 4, day: 12 },
      birthPlace: { communeInsee: '69383' },
      email: `candidat-${n}@test.qualif.test`,
      ...overrides,
    };
  }

  /**
   * Enrols a candidate (a new one unless `candidateId`) through the service, as `actor` (the
   * system by default): by default on the plan de développement des compétences as an employee,
   * today, for the whole certification.
   */
  async function newCandidacy(
    input: Partial<EnrolmentBody> & { certificationId: string; trainingOrganisationId: string },
    actor: Actor = SYSTEM_ADMIN,
  ) {
    return candidacies.enrol(
      {
        route: 'plan_developpement',
        situation: { status: 'employee', contractType: 'cdi' },
        enrolledOn: today(),
        initiative: 'training_organisation',
        ...(input.candidateId ? {} : { candidate: newCandidate() }),
        ...input,
      },
      actor,
      'test',
    );
  }

  /** Recognition events recorded in order, as the branch would record them. */
  async function addEvents(certificationId: string, events: NewRecognitionEvent[]) {
    for (const event of events) {
      await catalogue.certifications.addEvent(certificationId, event, SYSTEM_ADMIN, 'test');
    }
  }

  /** Imports a registry export: by default the shipped sample of 12 real RNCP fiches. */
  async function importRegistry(file = RNCP_XML_FIXTURE) {
    const run = await registry.imports.importFile(file, {
      fileName: path.basename(file),
      actor: SYSTEM_ACTOR,
      requestId: 'test',
    });
    if (run?.status !== 'succeeded') throw new Error(`registry import: ${run?.error_message}`);
    return run;
  }

  /** Links a certification to a registry fiche (which opens the alerts of their differences). */
  async function linkFiche(certificationId: string, numero: string) {
    await registry.service.link(certificationId, numero, SYSTEM_ADMIN, 'test');
  }

  /**
   * A version of a branch's jury rules (the defaults unless overridden), in force from
   * `effectiveFrom` (2020-01-01 by default); with `certificationId`, a CQPI's rules set by this
   * branch (accepted by the other branches when `accepted`).
   */
  async function newJuryRules(
    branchId: string,
    overrides: {
      effectiveFrom?: string;
      content?: Partial<JuryRules>;
      note?: string;
      certificationId?: string;
      accepted?: boolean;
    } = {},
  ) {
    const body = {
      effectiveFrom: overrides.effectiveFrom ?? '2020-01-01',
      content: { ...DEFAULT_JURY_RULES, ...overrides.content },
      note: overrides.note ?? null,
    };
    if (!overrides.certificationId) {
      return services.juryRules.createForBranch(branchId, body, SYSTEM_ADMIN, 'test');
    }
    const row = await services.juryRules.createForCertification(
      overrides.certificationId,
      body,
      SYSTEM_ADMIN,
      'test',
      branchId,
    );
    if (overrides.accepted)
      await services.juryRules.accept(overrides.certificationId, row.id, SYSTEM_ADMIN, 'test');
    return row;
  }

  /**
   * An account with the jury_member role, habilitated for each certification from a year ago
   * to two years ahead, in this college, designated by `designatedBy` (a test federation or
   * union of the college by default).
   */
  async function newJuryMember(
    certificationIds: string | readonly string[],
    college: College,
    designatedBy = college === 'employers' ? 'Fédération patronale (test)' : 'Syndicat de salariés (test)',
    opts: { displayName?: string } = {},
  ) {
    const user = await newUser('jury_member', {}, opts);
    const year = Number(today().slice(0, 4));
    const dates = { validFrom: `${year - 1}-01-01`, validTo: `${year + 2}-12-31` };
    for (const certificationId of typeof certificationIds === 'string'
      ? [certificationIds]
      : certificationIds) {
      await newHabilitation(
        certificationId,
        { userId: user.id, kind: 'jury_member', college, designatedBy },
        dates,
      );
    }
    return { ...user, college, designatedBy };
  }

  /** An Actor for an account of one role (services called directly, as the demo seed does). */
  function actorFor(
    user: { id: string; email: string; displayName?: string },
    role: Role,
    scopeId?: string,
  ): Actor {
    const scope = scopeId
      ? {
          type:
            role === 'branch_manager' || role === 'advisor' ? ('branch' as const) : ('organisation' as const),
          id: scopeId,
        }
      : { type: 'self' as const };
    return Object.freeze<Actor>({
      userId: user.id,
      email: user.email,
      displayName: user.displayName ?? user.email,
      grants: [{ role, scope }],
      sessionId: '',
      csrfToken: '',
      sessionExpiresAt: new Date(0),
    });
  }

  /**
   * A candidacy driven to « prêt pour le jury » through the services, as the demo does: enrolled,
   * moved to the assessment step, one assessment session per evaluator (new evaluators
   * habilitated for the certification unless given) whose grid is filled — every criterion met,
   * or not for the blocs `notMet` lists, per evaluator index — and signed, then declared ready.
   * `links`: people declared linked to the candidate (they are excluded from its deliberation).
   */
  async function newReadyCandidacy(
    certificationId: string,
    trainingOrganisationId: string,
    opts: {
      evaluators?: number;
      notMet?: Record<number, readonly string[]>;
      links?: readonly string[];
      input?: Partial<EnrolmentBody>;
    } = {},
  ) {
    const { id } = await newCandidacy({ certificationId, trainingOrganisationId, ...opts.input });
    for (const event of ['start_positioning', 'start_pathway', 'start_assessment'] as const)
      await candidacies.transition(id, { event }, SYSTEM_ADMIN, 'test');
    if (opts.links?.length)
      await services.assessments.putLinks(
        id,
        { links: opts.links.map((userId) => ({ kind: 'other' as const, userId })) },
        SYSTEM_ADMIN,
        'test',
      );
    const date = `${new Date().getUTCFullYear() + 1}-02-15`;
    const evaluators: { id: string; email: string; displayName: string }[] = [];
    for (let n = 0; n < (opts.evaluators ?? 1); n++) {
      const evaluator = await newUser('evaluator');
      await newHabilitation(certificationId, { userId: evaluator.id, kind: 'evaluator' });
      evaluators.push(evaluator);
      const candidacy = await candidacies.get(id, SYSTEM_ADMIN);
      const { id: assessmentId } = await services.assessments.schedule(
        id,
        { date, blocCodes: candidacy.blocCodes, evaluatorIds: [evaluator.id] },
        SYSTEM_ADMIN,
        'test',
      );
      const actor = actorFor(evaluator, 'evaluator');
      const sheet = await services.grid.get(assessmentId, actor);
      for (const bloc of sheet.blocs) {
        const met = !(opts.notMet?.[n] ?? []).includes(bloc.code);
        const marks = bloc.competencies.flatMap((c) =>
          c.criteria.map((k) => ({ competencyCode: c.code, criterionCode: k.code, met })),
        );
        await services.grid.saveDraft(assessmentId, bloc.code, { marks }, actor);
        await services.grid.sign(assessmentId, bloc.code, actor, 'test');
      }
    }
    await candidacies.transition(id, { event: 'mark_ready_for_jury' }, SYSTEM_ADMIN, 'test');
    return { id, evaluators };
  }

  /**
   * A jury session convened through the service by `actor` (a manager of the convening branch;
   * the system by default) on a date next year, in Paris, unless the body says otherwise.
   */
  async function newJury(
    body: Partial<JuryBody> & Pick<JuryBody, 'certificationIds' | 'members'>,
    actor: Actor = SYSTEM_ADMIN,
  ) {
    return services.juries.create(
      {
        date: `${new Date().getUTCFullYear() + 1}-03-20`,
        place: 'Paris, salle du conseil',
        candidacyIds: [],
        ...body,
      },
      actor,
      'test',
    );
  }

  return {
    newBranch,
    newOrganisation,
    newUser,
    newCertification,
    newFrameworkVersion,
    newHabilitation,
    newAccountPerRole,
    addEvents,
    importRegistry,
    linkFiche,
    newEnrollableCertification,
    newCandidate,
    newCandidacy,
    newJuryRules,
    newJuryMember,
    actorFor,
    newReadyCandidacy,
    newJury,
  };
}

export function sampleFramework() {
  return {
    activities: {
      jobs: [{ title: 'Agent de test', romeCode: 'K2503' }],
      activities: [{ code: 'A1', title: 'Activité de test' }],
    },
    competencies: {
      blocs: [
        {
          code: 'BC01',
          title: 'Premier bloc',
          competencies: [
            { code: 'C1', title: 'Première compétence' },
            { code: 'C2', title: 'Deuxième compétence' },
          ],
        },
        {
          code: 'BC02',
          title: 'Second bloc',
          competencies: [
            { code: 'C3', title: 'Troisième compétence' },
            { code: 'C4', title: 'Quatrième compétence', transversal: true },
          ],
        },
      ],
    },
    assessment: {
      competencies: ['C1', 'C2', 'C3', 'C4'].map((c) => ({
        competencyCode: c,
        methods: ['mise_en_situation'],
        criteria: [{ code: `K-${c}`, text: `Critère de ${c}` }],
      })),
      blocRules: [
        { blocCode: 'BC01', rule: { kind: 'all' } },
        { blocCode: 'BC02', rule: { kind: 'n_of_m', n: 1 } },
      ],
    },
  };
}
