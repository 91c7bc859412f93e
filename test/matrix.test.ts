import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/contracts/dates.js';
import { DEFAULT_JURY_RULES } from '../src/modules/candidates/domain/jury-rules.js';
import { frameworkSchema } from '../src/modules/catalogue/domain/framework.js';
import { frameworkToXlsx } from '../src/modules/catalogue/framework-xlsx.js';
import type { Actor } from '../src/platform/auth/actor.js';
import { SYSTEM_ACTOR, SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { type Factories, factories, sampleFramework, TEST_PASSWORD } from './factories.js';
import { seedSealedSession } from './jury-seed.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The role × scope matrix: for every operation the server registers and every account of a
 * fixture with two branches, two organisations of each kind and two people of each personal
 * role, the answer the policy must give. A route with no entry fails the test, so every new
 * route is covered by construction.
 *
 * Expected answers: `ok` (< 400: the operation was allowed and done), `pass` (the policy let
 * the request through; the operation itself may refuse it, e.g. 422), or an exact status
 * (401 nobody signed in, 403 role or not-changeable object, 404 object not readable).
 */
const ACCOUNTS = [
  'anonymous',
  'admin',
  'managerA',
  'managerB',
  'advisorA',
  'advisorB',
  'trainingOrg1',
  'trainingOrg2',
  'employer1',
  'employer2',
  'evaluator1',
  'evaluator2',
  'jury1',
  'jury2',
  'candidate1',
  'candidate2',
] as const;
type Who = (typeof ACCOUNTS)[number];
type Expected = 'ok' | 'pass' | number;
type Expectations = Record<Who, Expected>;

type Request = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Send the request with this session instead of the account's usual one. */
  session?: Signed | null;
};
type Entry = {
  request: (who: Who) => Promise<Request> | Request;
  expect: Expectations;
  /** Runs after each request (e.g. waits for a background import to end). */
  after?: (status: number, body: string) => Promise<void>;
};

// ---- expectation builders -----------------------------------------------------------------

function all(answer: Expected): Expectations {
  return Object.fromEntries(ACCOUNTS.map((w) => [w, answer])) as Expectations;
}
/** Signed-in accounts get `answer`; nobody signed in gets 401. */
function signedIn(answer: Expected): Expectations {
  return { ...all(answer), anonymous: 401 };
}
/** Only these accounts get their answer; other signed-in accounts 403 (their role may never), anonymous 401. */
function only(answers: Partial<Expectations>): Expectations {
  return { ...signedIn(403), ...answers };
}
/** Managing an object of branch A: admin and A's managers may; B's manager may read it but not change it. */
const MANAGES_A: Expectations = only({ admin: 'ok', managerA: 'ok', managerB: 403 });
/** An object of branch A that B's manager may not even see. */
const HIDDEN_FROM_B: Expectations = only({ admin: 'ok', managerA: 'ok', managerB: 404 });

// ---- fixture ------------------------------------------------------------------------------

let t: TestApp;
let f: Factories;
const sessions = new Map<Who, Signed>();
const accounts = new Map<Who, { id: string; email: string }>();
const fx = {
  branchA: { id: '', name: '' },
  branchB: { id: '', name: '' },
  trainingOrg1: '',
  certA: '',
  certACode: '',
  /** A draft certification of branch A: its staff only see it. */
  draftA: '',
  /** certA's versions: 1 published, 2 draft. */
  fiche: 'RNCP34762',
  runId: '',
  /** A certification of A open to enrolment, both training organisations habilitated. */
  certEnrol: '',
  employer1: '',
  /** Candidate 1's candidacy at training organisation 1, employer 1; candidate 2's at 2, employer 2. */
  candidacy1: '',
  candidate1: '',
  candidacy2: '',
};

const REGISTRY_FIXTURE = path.resolve('reference/registry/export_fiches_RNCP_fixture.xml');

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  fx.branchA = await f.newBranch();
  fx.branchB = await f.newBranch();
  const orgs: Record<string, string> = {};
  for (const kind of ['training_org', 'employer', 'assessment_centre', 'opco'] as const) {
    for (const n of [1, 2]) orgs[`${kind}${n}`] = (await f.newOrganisation(kind)).id;
  }
  fx.trainingOrg1 = orgs.training_org1 as string;
  const scoped: Record<Exclude<Who, 'anonymous'>, Parameters<Factories['newUser']>> = {
    admin: ['admin'],
    managerA: ['branch_manager', { branchId: fx.branchA.id }],
    managerB: ['branch_manager', { branchId: fx.branchB.id }],
    advisorA: ['advisor', { branchId: fx.branchA.id }],
    advisorB: ['advisor', { branchId: fx.branchB.id }],
    trainingOrg1: ['training_org', { organisationId: orgs.training_org1 as string }],
    trainingOrg2: ['training_org', { organisationId: orgs.training_org2 as string }],
    employer1: ['employer', { organisationId: orgs.employer1 as string }],
    employer2: ['employer', { organisationId: orgs.employer2 as string }],
    evaluator1: ['evaluator'],
    evaluator2: ['evaluator'],
    jury1: ['jury_member'],
    jury2: ['jury_member'],
    candidate1: ['candidate'],
    candidate2: ['candidate'],
  };
  for (const [who, args] of Object.entries(scoped) as [
    Exclude<Who, 'anonymous'>,
    Parameters<Factories['newUser']>,
  ][]) {
    const account = await f.newUser(...args);
    accounts.set(who, account);
    sessions.set(who, await signIn(t.app, account.email, TEST_PASSWORD));
  }
  const certA = await f.newCertification([fx.branchA.id]);
  fx.certA = certA.id;
  fx.certACode = certA.code;
  fx.draftA = (await f.newCertification([fx.branchA.id], {}, { status: 'draft' })).id;
  await f.newFrameworkVersion(fx.certA, { publish: true });
  await f.newFrameworkVersion(fx.certA);
  await f.newHabilitation(fx.certA, { organisationId: fx.trainingOrg1 });
  await f.newHabilitation(fx.certA, {
    userId: (accounts.get('evaluator1') as { id: string }).id,
    kind: 'evaluator',
  });
  const run = await t.services.registry.imports.importFile(REGISTRY_FIXTURE, {
    fileName: 'fixture.xml',
    actor: SYSTEM_ACTOR,
  });
  if (run?.status !== 'succeeded')
    throw new Error(`the registry fixture did not import: ${run?.error_message}`);
  fx.runId = run.id;
  fx.employer1 = orgs.employer1 as string;
  fx.certEnrol = (
    await f.newEnrollableCertification([fx.branchA.id], [fx.trainingOrg1, orgs.training_org2 as string])
  ).id;
  const enrolled = await f.newCandidacy({
    certificationId: fx.certEnrol,
    trainingOrganisationId: fx.trainingOrg1,
    employerId: fx.employer1,
    candidate: f.newCandidate({ email: accounts.get('candidate1')?.email }),
  });
  fx.candidacy1 = enrolled.id;
  fx.candidate1 = enrolled.candidateId;
  fx.candidacy2 = (
    await f.newCandidacy({
      certificationId: fx.certEnrol,
      trainingOrganisationId: orgs.training_org2 as string,
      employerId: orgs.employer2 as string,
      candidate: f.newCandidate({ email: accounts.get('candidate2')?.email }),
    })
  ).id;
});
afterAll(() => t?.close());

/** A branch manager of branch A, as the services see them (to create what only they would). */
function managerActor(who: 'managerA' | 'managerB'): Actor {
  const me = sessions.get(who)?.body as { user: { id: string; email: string; displayName: string } };
  const branchId = who === 'managerA' ? fx.branchA.id : fx.branchB.id;
  return {
    userId: me.user.id,
    email: me.user.email,
    displayName: me.user.displayName,
    grants: [{ role: 'branch_manager', scope: { type: 'branch', id: branchId } }],
    sessionId: '',
    csrfToken: '',
    sessionExpiresAt: new Date(Date.now() + 3_600_000),
  };
}

async function freshCertA() {
  return (await f.newCertification([fx.branchA.id])).id;
}
/** A draft certification of A that may be activated: a published framework, transmitted. */
async function activatableDraftA() {
  const { id } = await f.newCertification([fx.branchA.id], {}, { status: 'draft' });
  await f.newFrameworkVersion(id, { publish: true });
  await f.addEvents(id, [{ type: 'transmitted', date: '2024-01-10' }]);
  return id;
}
async function freshDraftA() {
  const id = await freshCertA();
  const { number } = await f.newFrameworkVersion(id);
  return { id, number };
}
function certificationBody(branchIds: string[]) {
  return {
    kind: branchIds.length > 1 ? 'CQPI' : 'CQP',
    code: `M-${Math.random().toString(36).slice(2, 10)}`.toUpperCase(),
    title: 'Certification du test de matrice',
    branchIds,
    legalOwner: { name: 'Association paritaire de test', siret: '73282932000074' },
    romeCodes: ['K2503'],
    nsfCodes: ['344t'],
    formacodeCodes: ['42829'],
    description: 'Pour la matrice.',
    jobsTargeted: 'Métier',
  };
}
async function openAlertOnFreshCertA() {
  const id = await freshCertA();
  await t.services.registry.service.link(id, fx.fiche, SYSTEM_ADMIN, 'test');
  const alerts = await t.services.registry.service.listAlerts(
    SYSTEM_ADMIN,
    { status: 'open', certificationId: id },
    1,
    10,
  );
  const alert = alerts.items[0];
  if (!alert) throw new Error(`linking ${fx.fiche} raised no alert: the matrix needs one`);
  return alert.id;
}
/** A CQPI of branch A and a branch no account of the fixture manages, made once. */
let cqpiA: Promise<string> | undefined;
function cqpiOfA() {
  cqpiA ??= f.newBranch().then(async (other) => (await f.newCertification([fx.branchA.id, other.id])).id);
  return cqpiA;
}
/** A new effective date for each version of jury rules the matrix records (one a day). */
let rulesDays = 0;
function nextRulesDate() {
  return new Date(Date.UTC(2030, 0, 1) + rulesDays++ * 86_400_000).toISOString().slice(0, 10);
}
/** Who reads candidacy 1 (and its candidate): A's staff, its training organisation, employer and candidate. */
const READS_CANDIDACY_1: Expectations = {
  ...signedIn(404),
  admin: 'ok',
  managerA: 'ok',
  advisorA: 'ok',
  trainingOrg1: 'ok',
  employer1: 'ok',
  candidate1: 'ok',
};
/** Candidacy 1 moved to its positioning step once (its reads do not depend on the step). */
let positioning1: Promise<void> | undefined;
function positioningOf1() {
  positioning1 ??= t.services.candidacies
    .transition(fx.candidacy1, { event: 'start_positioning' }, SYSTEM_ADMIN, 'test')
    .then(() => undefined);
  return positioning1;
}
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** An evidence file of candidacy 1's positioning, added once by the system. */
let evidence1: Promise<string> | undefined;
function evidenceOf1() {
  evidence1 ??= positioningOf1().then(async () => {
    const { Readable } = await import('node:stream');
    const created = await t.services.positioning.addEvidence(
      fx.candidacy1,
      { source: Readable.from([PDF]), fileName: 'piece.pdf' },
      SYSTEM_ADMIN,
      'test',
    );
    return created.id;
  });
  return evidence1;
}
/** Another evidence file of candidacy 1, added by the system (to be deleted). */
async function newEvidenceOf1() {
  await positioningOf1();
  const { Readable } = await import('node:stream');
  return (
    await t.services.positioning.addEvidence(
      fx.candidacy1,
      { source: Readable.from([PDF]), fileName: 'a-supprimer.pdf' },
      SYSTEM_ADMIN,
      'test',
    )
  ).id;
}
/** Candidacy 1's pathway set to an empty (complete) module list by the system: its revision, to acknowledge. */
async function pathwayRevisionOf1() {
  await positioningOf1();
  const p = await t.services.pathway.update(fx.candidacy1, { modules: [] }, SYSTEM_ADMIN, 'test');
  return p.pathway?.revision as number;
}
/** A new candidate (with an email: invited) enrolled at training organisation 1. */
function candidateAtOrg1() {
  return f.newCandidacy({ certificationId: fx.certEnrol, trainingOrganisationId: fx.trainingOrg1 });
}
/** Two records of one person at training organisation 1, the duplicate's candidacy withdrawn. */
async function duplicatePair() {
  const person = f.newCandidate();
  const kept = await f.newCandidacy({
    certificationId: fx.certEnrol,
    trainingOrganisationId: fx.trainingOrg1,
    candidate: person,
  });
  const duplicate = await f.newCandidacy({
    certificationId: fx.certEnrol,
    trainingOrganisationId: fx.trainingOrg1,
    candidate: { ...person, email: undefined },
    confirmHomonym: true,
  });
  await t.services.candidacies.transition(
    duplicate.id,
    { event: 'withdraw', reason: 'doublon' },
    SYSTEM_ADMIN,
    'test',
  );
  return { kept: kept.candidateId, duplicate: duplicate.candidateId };
}
/** One pair for the accounts that may not merge (nothing changes). */
let shared: ReturnType<typeof duplicatePair> | undefined;
function sharedPair() {
  shared ??= duplicatePair();
  return shared;
}
/** Who decides candidacy 1's positioning: admin, A's manager, training organisation 1; B's and 2 do not see it. */
const POSITIONS_CANDIDACY_1: Expectations = only({
  admin: 'ok',
  managerA: 'ok',
  managerB: 404,
  trainingOrg1: 'ok',
  trainingOrg2: 404,
});
/** The people linked to candidacy 1's candidate: A's staff and its training organisation. */
const READS_LINKS_1: Expectations = {
  ...signedIn(404),
  admin: 'ok',
  managerA: 'ok',
  advisorA: 'ok',
  trainingOrg1: 'ok',
};
/**
 * A candidacy at training organisation 1 in its assessment step, with a session assigned to
 * evaluator 1 (habilitated for the certification): evaluator 1 reads it, evaluator 2 does not.
 */
let assessed: Promise<string> | undefined;
function assessedCandidacy() {
  assessed ??= (async () => {
    const evaluator1 = (accounts.get('evaluator1') as { id: string }).id;
    await f.newHabilitation(fx.certEnrol, { userId: evaluator1, kind: 'evaluator' });
    const { id } = await f.newCandidacy({
      certificationId: fx.certEnrol,
      trainingOrganisationId: fx.trainingOrg1,
    });
    for (const event of ['start_positioning', 'start_pathway', 'start_assessment'] as const)
      await t.services.candidacies.transition(id, { event }, SYSTEM_ADMIN, 'test');
    await t.services.assessments.schedule(
      id,
      { date: today(), blocCodes: ['BC01'], evaluatorIds: [evaluator1] },
      SYSTEM_ADMIN,
      'test',
    );
    return id;
  })();
  return assessed;
}
/** The session of the assessed candidacy (assigned to evaluator 1). */
async function assessedSession() {
  const id = await assessedCandidacy();
  const row = await t.db
    .selectFrom('assessments')
    .select('id')
    .where('candidacy_id', '=', id)
    .orderBy('scheduled_at')
    .executeTakeFirstOrThrow();
  return row.id;
}
/** A new session of the assessed candidacy (one per request that ends it, e.g. cancelled). */
async function newAssessedSession() {
  const session = await t.services.assessments.schedule(
    await assessedCandidacy(),
    { date: today(), blocCodes: ['BC01'], evaluatorIds: [(accounts.get('evaluator1') as { id: string }).id] },
    SYSTEM_ADMIN,
    'test',
  );
  return session.id;
}
/** The agenda: the staff who schedule or follow, the evaluators (each sees their own scope). */
const READS_AGENDA: Expectations = only({
  admin: 'ok',
  managerA: 'ok',
  managerB: 'ok',
  advisorA: 'ok',
  advisorB: 'ok',
  trainingOrg1: 'ok',
  trainingOrg2: 'ok',
  evaluator1: 'ok',
  evaluator2: 'ok',
});
/** Filling the grid: evaluator 1, assigned; evaluator 2 does not see the session. */
const GRADES_SESSION: Expectations = only({ evaluator1: 'pass', evaluator2: 404 });
const READS_ASSESSED: Expectations = {
  ...signedIn(404),
  admin: 'ok',
  managerA: 'ok',
  advisorA: 'ok',
  trainingOrg1: 'ok',
  evaluator1: 'ok',
};
/**
 * Jury sessions (issue 13): branch A's rules from 2020, jury 1 (employers, president) and a
 * member of the employees' college outside the fixture's accounts, habilitated for certEnrol;
 * jury 2 sits on none. `jurySession(true)`: the quorum reached, candidacies ready for it.
 */
let juryPeople: Promise<{ president: string; member: string }> | undefined;
function juryMembersOfA() {
  juryPeople ??= (async () => {
    await f.newJuryRules(fx.branchA.id, {
      effectiveFrom: '2020-01-01',
      content: { president: { rule: 'any' } },
    });
    const president = (accounts.get('jury1') as { id: string }).id;
    await f.newHabilitation(fx.certEnrol, {
      userId: president,
      kind: 'jury_member',
      college: 'employers',
      designatedBy: 'Fédération (matrice)',
    });
    const member = (await f.newJuryMember(fx.certEnrol, 'employees')).id;
    return { president, member };
  })();
  return juryPeople;
}
async function juryBody(candidacyIds: string[] = []) {
  const { president, member } = await juryMembersOfA();
  return {
    certificationIds: [fx.certEnrol],
    date: `${new Date().getUTCFullYear() + 1}-05-12`,
    place: 'Lyon',
    members: [
      { userId: president, role: 'president' as const },
      { userId: member, role: 'member' as const },
    ],
    candidacyIds,
  };
}
const juries = new Map<boolean, Promise<{ id: string; candidacyId: string }>>();
function jurySession(deliberating = false) {
  const existing = juries.get(deliberating);
  if (existing) return existing;
  const made = (async () => {
    const { id: candidacyId } = await f.newCandidacy({
      certificationId: fx.certEnrol,
      trainingOrganisationId: fx.trainingOrg1,
    });
    await t.db
      .updateTable('candidacies')
      .set({ status: 'ready_for_jury' })
      .where('id', '=', candidacyId)
      .execute();
    const { id } = await f.newJury(await juryBody([candidacyId]));
    if (deliberating) {
      const { president, member } = await juryMembersOfA();
      await t.services.juries.putAttendance(
        id,
        {
          members: [
            { userId: president, presence: 'present' },
            { userId: member, presence: 'present' },
          ],
        },
        SYSTEM_ADMIN,
        'test',
      );
    }
    return { id, candidacyId };
  })();
  juries.set(deliberating, made);
  return made;
}
/** A session of A: its managers, admins and its members read it; B's manager and jury 2 do not see it. */
const READS_JURY_OF_A: Expectations = only({
  admin: 'ok',
  managerA: 'ok',
  managerB: 404,
  jury1: 'ok',
  jury2: 404,
});
/** A new session of A in deliberation, its one candidacy decided (deferred): its minutes may be generated. */
async function decidedSessionOfA() {
  const { id: candidacyId } = await f.newCandidacy({
    certificationId: fx.certEnrol,
    trainingOrganisationId: fx.trainingOrg1,
  });
  await t.db
    .updateTable('candidacies')
    .set({ status: 'ready_for_jury' })
    .where('id', '=', candidacyId)
    .execute();
  const { id } = await f.newJury(await juryBody([candidacyId]));
  const { president, member } = await juryMembersOfA();
  const present = [president, member].map((userId) => ({ userId, presence: 'present' as const }));
  await t.services.juries.putAttendance(id, { members: present }, SYSTEM_ADMIN, 'test');
  await t.services.juries.decide(id, { candidacyId, blocs: [], outcome: 'deferred' }, SYSTEM_ADMIN, 'test');
  return id;
}
/** A new session of A whose minutes wait for their signatures. */
async function minutesOfA() {
  const id = await decidedSessionOfA();
  await t.services.juryMinutes.generate(id, SYSTEM_ADMIN, 'test');
  return id;
}
let minutesA: Promise<string> | undefined;
const xlsx = () => frameworkToXlsx(frameworkSchema.parse(sampleFramework()));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * Awards (issue 13): a sealed session of branch A (seeded in SQL, test/jury-seed.ts) for a
 * candidacy at training organisation 1 set ready for the jury — candidate 1's, or a new candidate's.
 */
async function sealedSessionOfA(candidateId?: string) {
  const { id } = await f.newCandidacy({
    certificationId: fx.certEnrol,
    trainingOrganisationId: fx.trainingOrg1,
    ...(candidateId ? { candidateId } : {}),
  });
  await t.db.updateTable('candidacies').set({ status: 'ready_for_jury' }).where('id', '=', id).execute();
  return seedSealedSession(t.db, {
    branchId: fx.branchA.id,
    certificationIds: [fx.certEnrol],
    candidacyIds: [id],
    postedBy: (accounts.get('managerA') as { id: string }).id,
  });
}
/** A new award of a session of A, closed by the system. */
async function newAwardOfA(candidateId?: string) {
  const { awards } = await t.services.awards.close(await sealedSessionOfA(candidateId), SYSTEM_ADMIN, 'test');
  return (awards[0] as { id: string }).id;
}
/** Candidate 1's award (candidacy 1 stays in progress: a second candidacy of theirs, ended by it). */
let award1: Promise<string> | undefined;
function awardOfCandidate1() {
  award1 ??= (async () => {
    const cert = await f.newEnrollableCertification([fx.branchA.id], [fx.trainingOrg1]);
    const { id } = await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: fx.trainingOrg1,
      candidateId: fx.candidate1,
    });
    await t.db.updateTable('candidacies').set({ status: 'ready_for_jury' }).where('id', '=', id).execute();
    const juryId = await seedSealedSession(t.db, {
      branchId: fx.branchA.id,
      certificationIds: [cert.id],
      candidacyIds: [id],
      postedBy: (accounts.get('managerA') as { id: string }).id,
    });
    const { awards } = await t.services.awards.close(juryId, SYSTEM_ADMIN, 'test');
    return (awards[0] as { id: string }).id;
  })();
  return award1;
}
/** Who reads an award of A at training organisation 1 (candidate 1's): A's staff, the organisation, the candidate. */
const READS_AWARD_1: Expectations = only({
  admin: 'ok',
  managerA: 'ok',
  managerB: 404,
  advisorA: 'ok',
  advisorB: 404,
  trainingOrg1: 'ok',
  trainingOrg2: 404,
  candidate1: 'ok',
  candidate2: 404,
});

/**
 * CDC deposits (issue 14): a certification of A registered in the RNCP whose legal owner (the
 * certifier) has its CDC settings, and awards of it closed by the system; a deposit of one.
 */
let cdcA: Promise<{ siret: string; certId: string }> | undefined;
function cdcCertifierOfA() {
  cdcA ??= (async () => {
    const cert = await f.newEnrollableCertification([fx.branchA.id], [fx.trainingOrg1]);
    await f.addEvents(cert.id, [
      {
        type: 'rncp_registered',
        date: '2020-03-01',
        number: 'RNCP39999',
        level: 4,
        from: '2020-03-01',
        to: '2035-02-28',
      },
    ]);
    const owner = await t.db
      .selectFrom('certifications')
      .select('legal_owner_siret')
      .where('id', '=', cert.id)
      .executeTakeFirstOrThrow();
    await t.services.cdc.configure(
      owner.legal_owner_siret,
      { clientId: 'ABC12345', contractId: 'MCFCER000001', xsdVersion: '1.1.2' },
      SYSTEM_ADMIN,
      'test',
    );
    return { siret: owner.legal_owner_siret, certId: cert.id };
  })();
  return cdcA;
}
/** A new award due for the CDC (its certification registered, its holder's identity complete). */
async function newCdcAwardOfA() {
  const { certId } = await cdcCertifierOfA();
  const { id } = await f.newCandidacy({ certificationId: certId, trainingOrganisationId: fx.trainingOrg1 });
  await t.db.updateTable('candidacies').set({ status: 'ready_for_jury' }).where('id', '=', id).execute();
  const juryId = await seedSealedSession(t.db, {
    branchId: fx.branchA.id,
    certificationIds: [certId],
    candidacyIds: [id],
    postedBy: (accounts.get('managerA') as { id: string }).id,
    date: today(),
  });
  const { awards } = await t.services.awards.close(juryId, SYSTEM_ADMIN, 'test');
  return (awards[0] as { id: string }).id;
}
/** A new deposit of one award of A, and the report that says it is OK. */
async function newCdcDepositOfA() {
  const { siret } = await cdcCertifierOfA();
  const awardId = await newCdcAwardOfA();
  const { id } = await t.services.cdc.createDeposit(
    { certifierId: siret, awardIds: [awardId] },
    SYSTEM_ADMIN,
    'test',
  );
  const deposit = await t.services.cdc.getDeposit(id, SYSTEM_ADMIN);
  const report = `<rapport><idFlux>${deposit.idFlux}</idFlux><PassagesOK><idTechnique>${deposit.passages[0]?.idTechnique}</idTechnique></PassagesOK></rapport>`;
  return { id, report };
}
let cdcDepositA: ReturnType<typeof newCdcDepositOfA> | undefined;
const cdcDepositOfA = () => {
  cdcDepositA ??= newCdcDepositOfA();
  return cdcDepositA;
};
/** What a CDC certifier of A shows: A's staff and admins; B's staff do not see it. */
const READS_CDC_A: Expectations = only({
  admin: 'ok',
  managerA: 'ok',
  advisorA: 'ok',
  managerB: 404,
  advisorB: 404,
});

// ---- the matrix -----------------------------------------------------------------------------

const MATRIX: Record<string, Entry> = {
  // Platform and documentation
  'GET /healthz': { request: () => ({ url: '/healthz' }), expect: all('ok') },
  'GET /readyz': { request: () => ({ url: '/readyz' }), expect: all('ok') },
  'GET /openapi.json': { request: () => ({ url: '/openapi.json' }), expect: all('ok') },
  'GET /docs': { request: () => ({ url: '/docs' }), expect: all('ok') },
  'GET /docs/json': { request: () => ({ url: '/docs/json' }), expect: all('ok') },
  'GET /docs/yaml': { request: () => ({ url: '/docs/yaml' }), expect: all('ok') },
  'GET /docs/static/index.html': { request: () => ({ url: '/docs/static/index.html' }), expect: all('ok') },
  'GET /docs/static/swagger-initializer.js': {
    request: () => ({ url: '/docs/static/swagger-initializer.js' }),
    expect: all('ok'),
  },
  'GET /docs/static/*': { request: () => ({ url: '/docs/static/swagger-ui.css' }), expect: all('ok') },
  'GET /api/v1/audit': { request: () => ({ url: '/api/v1/audit' }), expect: only({ admin: 'ok' }) },
  'GET /api/v1/audit/:id': { request: () => ({ url: '/api/v1/audit/1' }), expect: only({ admin: 'ok' }) },
  'GET /api/v1/audit/verify': {
    request: () => ({ url: '/api/v1/audit/verify' }),
    expect: only({ admin: 'ok' }),
  },
  'GET /api/v1/dev/outbox': { request: () => ({ url: '/api/v1/dev/outbox' }), expect: only({ admin: 'ok' }) },

  // Identity
  'POST /api/v1/auth/login': {
    // Signing in again as oneself (anonymous: as candidate 2).
    request: (who) => ({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: {
        email: accounts.get(who === 'anonymous' ? 'candidate2' : who)?.email,
        password: TEST_PASSWORD,
      },
    }),
    expect: all('ok'),
  },
  'POST /api/v1/auth/logout': {
    // A session of its own, so that the account's usual one stays open for the next rows.
    request: async (who) => ({
      method: 'POST',
      url: '/api/v1/auth/logout',
      session:
        who === 'anonymous' ? null : await signIn(t.app, accounts.get(who)?.email as string, TEST_PASSWORD),
    }),
    expect: signedIn('ok'),
  },
  'GET /api/v1/me': { request: () => ({ url: '/api/v1/me' }), expect: signedIn('ok') },
  'GET /api/v1/auth/sessions': { request: () => ({ url: '/api/v1/auth/sessions' }), expect: signedIn('ok') },
  'DELETE /api/v1/auth/sessions/:id': {
    // A fresh session of candidate 1: theirs to end, an admin's too; anyone else's as unknown.
    request: async () => {
      const target = await signIn(t.app, accounts.get('candidate1')?.email as string, TEST_PASSWORD);
      const id = (target.body as { session: { id: string } }).session.id;
      return { method: 'DELETE', url: `/api/v1/auth/sessions/${id}` };
    },
    expect: { ...signedIn(404), admin: 'ok', candidate1: 'ok' },
  },
  'POST /api/v1/auth/password-reset': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'personne@exemple.fr' },
    }),
    expect: all('ok'),
  },
  'POST /api/v1/auth/password-reset/confirm': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: 'x'.repeat(43), password: 'Un-nouveau-mot-de-passe-2026!' },
    }),
    expect: all(400),
  },
  'GET /api/v1/auth/providers': { request: () => ({ url: '/api/v1/auth/providers' }), expect: all('ok') },
  // Single sign-on is not configured here: both send the person back to the sign-in page.
  'GET /api/v1/auth/oidc/login': { request: () => ({ url: '/api/v1/auth/oidc/login' }), expect: all('pass') },
  'GET /api/v1/auth/oidc/callback': {
    request: () => ({ url: '/api/v1/auth/oidc/callback' }),
    expect: all('pass'),
  },
  'GET /api/v1/users': { request: () => ({ url: '/api/v1/users' }), expect: only({ admin: 'ok' }) },
  'POST /api/v1/users': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: `nouveau-${Math.random().toString(36).slice(2)}@test.qualif.test`,
        displayName: 'Nouveau compte',
        grants: [{ role: 'candidate' }],
      },
    }),
    expect: only({ admin: 'ok' }),
  },
  'PUT /api/v1/users/:id/grants': {
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/users/${(await f.newUser('candidate')).id}/grants`,
      payload: { grants: [{ role: 'evaluator' }] },
    }),
    expect: only({ admin: 'ok' }),
  },
  'PUT /api/v1/users/:id/active': {
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/users/${(await f.newUser('candidate')).id}/active`,
      payload: { isActive: false },
    }),
    expect: only({ admin: 'ok' }),
  },
  'POST /api/v1/users/:id/invitation': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/users/${(await f.newUser('candidate')).id}/invitation`,
    }),
    expect: only({ admin: 'ok' }),
  },
  'GET /api/v1/people': {
    request: () => ({ url: '/api/v1/people?role=evaluator' }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'ok' }),
  },

  // Branches and organisations
  'GET /api/v1/branches': { request: () => ({ url: '/api/v1/branches' }), expect: all('ok') },
  'GET /api/v1/branches/:id': {
    request: () => ({ url: `/api/v1/branches/${fx.branchA.id}` }),
    expect: all('ok'),
  },
  'POST /api/v1/branches': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/branches',
      payload: { name: `Branche ${Math.random().toString(36).slice(2)}` },
    }),
    expect: only({ admin: 'ok' }),
  },
  'PUT /api/v1/branches/:id': {
    request: () => ({
      method: 'PUT',
      url: `/api/v1/branches/${fx.branchA.id}`,
      payload: { name: fx.branchA.name },
    }),
    expect: MANAGES_A,
  },
  'GET /api/v1/organisations': { request: () => ({ url: '/api/v1/organisations' }), expect: signedIn('ok') },
  'POST /api/v1/organisations': {
    request: async () => ({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: {
        kind: 'employer',
        name: 'Employeur du test',
        siret: (await import('./factories.js')).newSiret(),
      },
    }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'ok' }),
  },
  'POST /api/v1/organisations/employers': {
    request: async () => ({
      method: 'POST',
      url: '/api/v1/organisations/employers',
      payload: {
        name: 'Employeur trouvé à l’inscription',
        siret: (await import('./factories.js')).newSiret(),
      },
    }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'ok', trainingOrg1: 'ok', trainingOrg2: 'ok' }),
  },
  'PUT /api/v1/organisations/:id': {
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/organisations/${(await f.newOrganisation('employer')).id}`,
      payload: {
        kind: 'employer',
        name: 'Employeur renommé',
        siret: (await import('./factories.js')).newSiret(),
      },
    }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'ok' }),
  },

  // Certifications
  'GET /api/v1/certifications': { request: () => ({ url: '/api/v1/certifications' }), expect: all('ok') },
  'GET /api/v1/certifications/:id': {
    // A draft: its branch's staff read it; anyone else as an unknown id (certA, active, is
    // read by everyone: see below).
    request: () => ({ url: `/api/v1/certifications/${fx.draftA}` }),
    expect: { ...all(404), admin: 'ok', managerA: 'ok', advisorA: 'ok' },
  },
  'POST /api/v1/certifications/:id/activate': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/certifications/${await activatableDraftA()}/activate`,
    }),
    expect: HIDDEN_FROM_B,
  },
  'POST /api/v1/certifications/:id/retire': {
    request: async () => ({ method: 'POST', url: `/api/v1/certifications/${await freshCertA()}/retire` }),
    expect: MANAGES_A,
  },
  'POST /api/v1/certifications': {
    // A CQP of branch A: B's manager names a branch they do not manage → 422 on branchIds.
    request: () => ({
      method: 'POST',
      url: '/api/v1/certifications',
      payload: certificationBody([fx.branchA.id]),
    }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 422 }),
  },
  'PUT /api/v1/certifications/:id': {
    request: () => ({
      method: 'PUT',
      url: `/api/v1/certifications/${fx.certA}`,
      payload: { ...certificationBody([fx.branchA.id]), code: fx.certACode },
    }),
    expect: MANAGES_A,
  },
  'GET /api/v1/certifications/:id/recognition': {
    request: () => ({ url: `/api/v1/certifications/${fx.certA}/recognition` }),
    expect: all('ok'),
  },
  'POST /api/v1/certifications/:id/events': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/certifications/${await freshCertA()}/events`,
      payload: { type: 'created', date: '2024-01-10' },
    }),
    expect: MANAGES_A,
  },
  'DELETE /api/v1/certifications/:id/events/:eventId': {
    request: async () => {
      const id = await freshCertA();
      const eventId = await t.services.catalogue.certifications.addEvent(
        id,
        { type: 'created', date: '2024-01-10' },
        SYSTEM_ADMIN,
        'test',
      );
      return { method: 'DELETE', url: `/api/v1/certifications/${id}/events/${eventId}` };
    },
    expect: MANAGES_A,
  },
  'GET /api/v1/certifications/:id/versions': {
    request: () => ({ url: `/api/v1/certifications/${fx.certA}/versions` }),
    expect: all('ok'),
  },
  'GET /api/v1/certifications/:id/versions/:number': {
    // Version 2 is a draft: seen only by those who may edit it; as unknown by everyone else.
    request: () => ({ url: `/api/v1/certifications/${fx.certA}/versions/2` }),
    expect: { ...all(404), admin: 'ok', managerA: 'ok' },
  },
  'POST /api/v1/certifications/:id/versions': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/certifications/${await freshCertA()}/versions`,
      payload: { content: sampleFramework() },
    }),
    expect: MANAGES_A,
  },
  'PUT /api/v1/certifications/:id/versions/:number': {
    request: async () => {
      const { id, number } = await freshDraftA();
      return {
        method: 'PUT',
        url: `/api/v1/certifications/${id}/versions/${number}`,
        payload: { content: sampleFramework() },
      };
    },
    expect: MANAGES_A,
  },
  'GET /api/v1/certifications/:id/versions/:number/export': {
    request: () => ({ url: `/api/v1/certifications/${fx.certA}/versions/1/export?format=json` }),
    expect: all('ok'),
  },
  'PUT /api/v1/certifications/:id/versions/:number/xlsx': {
    request: async () => {
      const { id, number } = await freshDraftA();
      return {
        method: 'PUT',
        url: `/api/v1/certifications/${id}/versions/${number}/xlsx`,
        payload: await xlsx(),
        headers: { 'content-type': XLSX_TYPE },
      };
    },
    expect: MANAGES_A,
  },
  'POST /api/v1/certifications/:id/versions/:number/publish': {
    request: async () => {
      const { id, number } = await freshDraftA();
      return { method: 'POST', url: `/api/v1/certifications/${id}/versions/${number}/publish` };
    },
    expect: MANAGES_A,
  },
  'GET /api/v1/certifications/:id/versions-diff': {
    request: () => ({ url: `/api/v1/certifications/${fx.certA}/versions-diff?from=1&to=2` }),
    expect: { ...all(404), admin: 'ok', managerA: 'ok' },
  },
  'GET /api/v1/certifications/:id/habilitations': {
    request: () => ({ url: `/api/v1/certifications/${fx.certA}/habilitations` }),
    expect: HIDDEN_FROM_B,
  },
  'GET /api/v1/certifications/:id/habilitated': {
    request: () => ({ url: `/api/v1/certifications/${fx.certA}/habilitated` }),
    expect: all('ok'),
  },
  'POST /api/v1/certifications/:id/habilitations': {
    request: () => ({
      method: 'POST',
      url: `/api/v1/certifications/${fx.certA}/habilitations`,
      payload: {
        kind: 'assess',
        organisationId: fx.trainingOrg1,
        validFrom: '2025-01-01',
        validTo: '2027-12-31',
      },
    }),
    expect: MANAGES_A,
  },
  'DELETE /api/v1/certifications/:id/habilitations/:habilitationId': {
    request: async () => {
      const { id } = await f.newHabilitation(fx.certA, { organisationId: fx.trainingOrg1, kind: 'assess' });
      return { method: 'DELETE', url: `/api/v1/certifications/${fx.certA}/habilitations/${id}` };
    },
    expect: MANAGES_A,
  },
  // Bloc equivalences (issue 13): declared by the managers of the certification that receives the bloc.
  'GET /api/v1/certifications/:id/bloc-equivalences': {
    // certA is active: public, as its fiche.
    request: () => ({ url: `/api/v1/certifications/${fx.certA}/bloc-equivalences` }),
    expect: all('ok'),
  },
  'POST /api/v1/certifications/:id/bloc-equivalences': {
    request: async () => {
      // A new certification whose BC01 counts as certA's BC02: a new equivalence each time.
      const from = await f.newCertification([fx.branchB.id]);
      await f.newFrameworkVersion(from.id, { publish: true });
      return {
        method: 'POST',
        url: `/api/v1/certifications/${fx.certA}/bloc-equivalences`,
        payload: { fromCertificationId: from.id, fromBlocCode: 'BC01', toBlocCode: 'BC02' },
      };
    },
    expect: MANAGES_A,
  },
  'DELETE /api/v1/certifications/:id/bloc-equivalences/:equivalenceId': {
    request: async () => {
      const from = await f.newCertification([fx.branchB.id]);
      await f.newFrameworkVersion(from.id, { publish: true });
      const { id } = await t.services.blocEquivalences.declare(
        fx.certA,
        { fromCertificationId: from.id, fromBlocCode: 'BC01', toBlocCode: 'BC01' },
        SYSTEM_ADMIN,
        'test',
      );
      return { method: 'DELETE', url: `/api/v1/certifications/${fx.certA}/bloc-equivalences/${id}` };
    },
    expect: MANAGES_A,
  },
  // Jury rules (issue 13): a branch's, and a CQPI's (set by one branch, accepted by the others)
  'GET /api/v1/branches/:id/jury-rules': {
    request: () => ({ url: `/api/v1/branches/${fx.branchA.id}/jury-rules` }),
    expect: only({ admin: 'ok', managerA: 'ok', advisorA: 'ok', managerB: 404, advisorB: 404 }),
  },
  'POST /api/v1/branches/:id/jury-rules': {
    request: () => ({
      method: 'POST',
      url: `/api/v1/branches/${fx.branchA.id}/jury-rules`,
      payload: { effectiveFrom: nextRulesDate(), content: DEFAULT_JURY_RULES },
    }),
    expect: HIDDEN_FROM_B,
  },
  'GET /api/v1/certifications/:id/jury-rules': {
    request: async () => ({ url: `/api/v1/certifications/${await cqpiOfA()}/jury-rules` }),
    expect: only({ admin: 'ok', managerA: 'ok', advisorA: 'ok', managerB: 404, advisorB: 404 }),
  },
  'POST /api/v1/certifications/:id/jury-rules': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/certifications/${await cqpiOfA()}/jury-rules`,
      payload: { effectiveFrom: nextRulesDate(), content: DEFAULT_JURY_RULES },
    }),
    expect: HIDDEN_FROM_B,
  },
  'POST /api/v1/certifications/:id/jury-rules/:rulesId/acceptance': {
    request: async () => {
      const cqpi = await cqpiOfA();
      // Set by branch A: the CQPI's other branch accepts it (A's own managers may not).
      const { id } = await f.newJuryRules(fx.branchA.id, {
        certificationId: cqpi,
        effectiveFrom: nextRulesDate(),
      });
      return { method: 'POST', url: `/api/v1/certifications/${cqpi}/jury-rules/${id}/acceptance` };
    },
    expect: only({ admin: 'ok', managerA: 403, managerB: 404 }),
  },
  'GET /api/v1/co-ownership-invitations': {
    request: () => ({ url: '/api/v1/co-ownership-invitations' }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'ok' }),
  },
  ...Object.fromEntries(
    (['accept', 'decline'] as const).map((action) => [
      `POST /api/v1/co-ownership-invitations/:id/${action}`,
      {
        // A CQPI created by A's manager naming branch B: B's managers answer; A's only see it.
        request: async () => {
          const id = await t.services.catalogue.certifications.create(
            certificationBody([fx.branchA.id, fx.branchB.id]) as never,
            managerActor('managerA'),
            'test',
          );
          const list = await t.services.catalogue.coOwnership.list(SYSTEM_ADMIN, 'pending', 1, 200);
          const invitation = list.items.find((i) => i.certification.id === id);
          if (!invitation) throw new Error('no invitation was sent');
          return {
            method: 'POST' as const,
            url: `/api/v1/co-ownership-invitations/${invitation.id}/${action}`,
          };
        },
        expect: only({ admin: 'ok', managerA: 403, managerB: 'ok' }),
      } satisfies Entry,
    ]),
  ),

  // Eligibility
  'GET /api/v1/eligibility/rules': {
    request: () => ({ url: '/api/v1/eligibility/rules' }),
    expect: all('ok'),
  },
  'POST /api/v1/eligibility': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/eligibility',
      payload: { date: '2026-03-01', certificationId: fx.certA, candidate: { status: 'employee' } },
    }),
    expect: all('pass'),
  },

  // Candidates and candidacies
  'POST /api/v1/candidacies': {
    // At training organisation 1 for a certification of A: the others name what is not theirs → 422.
    request: () => ({
      method: 'POST',
      url: '/api/v1/candidacies',
      payload: {
        candidate: f.newCandidate(),
        certificationId: fx.certEnrol,
        route: 'plan_developpement',
        situation: { status: 'employee', contractType: 'cdi' },
        trainingOrganisationId: fx.trainingOrg1,
        employerId: fx.employer1,
        enrolledOn: today(),
        initiative: 'training_organisation',
      },
    }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 422, trainingOrg1: 'ok', trainingOrg2: 422 }),
  },
  'GET /api/v1/candidacies': { request: () => ({ url: '/api/v1/candidacies' }), expect: signedIn('ok') },
  'GET /api/v1/candidacies/:id': {
    // Jury members ask for a candidacy of jury 1's session: jury 1 sits on it, jury 2 does not.
    request: async (who) => ({
      url: `/api/v1/candidacies/${who === 'jury1' || who === 'jury2' ? (await jurySession()).candidacyId : fx.candidacy1}`,
    }),
    expect: { ...READS_CANDIDACY_1, jury1: 'ok' },
  },
  'POST /api/v1/candidacies/:id/transitions': {
    request: async () => {
      const { id } = await f.newCandidacy({
        certificationId: fx.certEnrol,
        trainingOrganisationId: fx.trainingOrg1,
      });
      return {
        method: 'POST',
        url: `/api/v1/candidacies/${id}/transitions`,
        payload: { event: 'start_positioning' },
      };
    },
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 404, trainingOrg1: 'ok', trainingOrg2: 404 }),
  },
  'GET /api/v1/candidacies/:id/positioning': {
    request: () => ({ url: `/api/v1/candidacies/${fx.candidacy1}/positioning` }),
    expect: READS_CANDIDACY_1,
  },
  'PUT /api/v1/candidacies/:id/positioning/competencies/:code': {
    request: async () => {
      await positioningOf1();
      return {
        method: 'PUT',
        url: `/api/v1/candidacies/${fx.candidacy1}/positioning/competencies/C1`,
        payload: { level: 'held' },
      };
    },
    expect: POSITIONS_CANDIDACY_1,
  },
  'PUT /api/v1/candidacies/:id/positioning/self/:code': {
    request: async () => {
      await positioningOf1();
      return {
        method: 'PUT',
        url: `/api/v1/candidacies/${fx.candidacy1}/positioning/self/C1`,
        payload: { level: 'partly' },
      };
    },
    expect: only({ candidate1: 'ok', candidate2: 404 }),
  },
  'PUT /api/v1/candidacies/:id/positioning/carried-blocs/:code': {
    request: async () => {
      await positioningOf1();
      return {
        method: 'PUT',
        url: `/api/v1/candidacies/${fx.candidacy1}/positioning/carried-blocs/BC02`,
        payload: { source: 'earlier_partial_award', reference: 'VP-2024-001' },
      };
    },
    expect: POSITIONS_CANDIDACY_1,
  },
  'DELETE /api/v1/candidacies/:id/positioning/carried-blocs/:code': {
    // BC01 carried again before each request: the allowed ones remove it, the others see it stay.
    request: async () => {
      await positioningOf1();
      await t.services.positioning.carryBloc(
        fx.candidacy1,
        'BC01',
        { source: 'earlier_partial_award', reference: 'VP-2024-002' },
        SYSTEM_ADMIN,
        'test',
      );
      return { method: 'DELETE', url: `/api/v1/candidacies/${fx.candidacy1}/positioning/carried-blocs/BC01` };
    },
    expect: POSITIONS_CANDIDACY_1,
  },
  'POST /api/v1/candidacies/:id/positioning/evidence': {
    request: async () => {
      await positioningOf1();
      return {
        method: 'POST',
        url: `/api/v1/candidacies/${fx.candidacy1}/positioning/evidence`,
        payload: PDF,
        headers: { 'content-type': 'application/pdf', 'x-file-name': 'piece.pdf' },
      };
    },
    expect: { ...POSITIONS_CANDIDACY_1, candidate1: 'ok', candidate2: 404 },
  },
  'GET /api/v1/candidacies/:id/positioning/evidence/:evidenceId': {
    request: async () => ({
      url: `/api/v1/candidacies/${fx.candidacy1}/positioning/evidence/${await evidenceOf1()}`,
    }),
    expect: READS_CANDIDACY_1,
  },
  'DELETE /api/v1/candidacies/:id/positioning/evidence/:evidenceId': {
    // Those who may delete remove a file of their own; the others aim at the shared one.
    request: async (who) => ({
      method: 'DELETE',
      url: `/api/v1/candidacies/${fx.candidacy1}/positioning/evidence/${['admin', 'managerA', 'trainingOrg1'].includes(who) ? await newEvidenceOf1() : await evidenceOf1()}`,
    }),
    expect: POSITIONS_CANDIDACY_1,
  },
  'GET /api/v1/candidacies/:id/pathway': {
    request: () => ({ url: `/api/v1/candidacies/${fx.candidacy1}/pathway` }),
    expect: READS_CANDIDACY_1,
  },
  'POST /api/v1/candidacies/:id/pathway/generate': {
    request: async () => {
      await positioningOf1();
      return {
        method: 'POST',
        url: `/api/v1/candidacies/${fx.candidacy1}/pathway/generate`,
        payload: { replace: true },
      };
    },
    expect: POSITIONS_CANDIDACY_1,
  },
  'PUT /api/v1/candidacies/:id/pathway': {
    request: async () => {
      await positioningOf1();
      return { method: 'PUT', url: `/api/v1/candidacies/${fx.candidacy1}/pathway`, payload: { modules: [] } };
    },
    expect: POSITIONS_CANDIDACY_1,
  },
  'POST /api/v1/candidacies/:id/pathway/acknowledgements': {
    // The candidate and the employer of candidacy 1 acknowledge its current revision.
    request: async () => ({
      method: 'POST',
      url: `/api/v1/candidacies/${fx.candidacy1}/pathway/acknowledgements`,
      payload: { revision: await pathwayRevisionOf1() },
    }),
    expect: only({ candidate1: 'ok', candidate2: 404, employer1: 'ok', employer2: 404 }),
  },
  'GET /api/v1/candidacies/:id/pathway.pdf': {
    request: () => ({ url: `/api/v1/candidacies/${fx.candidacy1}/pathway.pdf` }),
    expect: READS_CANDIDACY_1,
  },
  'GET /api/v1/candidacies/:id/links': {
    request: () => ({ url: `/api/v1/candidacies/${fx.candidacy1}/links` }),
    expect: READS_LINKS_1,
  },
  'PUT /api/v1/candidacies/:id/links': {
    request: () => ({
      method: 'PUT',
      url: `/api/v1/candidacies/${fx.candidacy1}/links`,
      payload: { links: [{ kind: 'trainer', userId: (accounts.get('jury1') as { id: string }).id }] },
    }),
    expect: POSITIONS_CANDIDACY_1,
  },
  'GET /api/v1/candidacies/:id/linkable-people': {
    // The person picker of the links: those who record them (as PUT …/links).
    request: () => ({ url: `/api/v1/candidacies/${fx.candidacy1}/linkable-people?q=jury` }),
    expect: POSITIONS_CANDIDACY_1,
  },
  'GET /api/v1/candidacies/:id/assessments': {
    // Evaluator 1 has a session on it and reads it; evaluator 2 gets 404.
    request: async () => ({ url: `/api/v1/candidacies/${await assessedCandidacy()}/assessments` }),
    expect: READS_ASSESSED,
  },
  'POST /api/v1/candidacies/:id/assessments': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/candidacies/${await assessedCandidacy()}/assessments`,
      payload: {
        date: today(),
        blocCodes: ['BC02'],
        evaluatorIds: [(accounts.get('evaluator1') as { id: string }).id],
      },
    }),
    expect: POSITIONS_CANDIDACY_1,
  },
  'GET /api/v1/assessments': {
    request: () => ({ url: '/api/v1/assessments' }),
    expect: READS_AGENDA,
  },
  'GET /api/v1/assessments/:id': {
    request: async () => ({ url: `/api/v1/assessments/${await assessedSession()}` }),
    expect: READS_ASSESSED,
  },
  'PATCH /api/v1/assessments/:id': {
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/assessments/${await assessedSession()}`,
      payload: { date: today() },
    }),
    expect: POSITIONS_CANDIDACY_1,
  },
  'POST /api/v1/assessments/:id/cancel': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/assessments/${await newAssessedSession()}/cancel`,
      payload: { reason: 'Reportée' },
    }),
    expect: POSITIONS_CANDIDACY_1,
  },
  'PUT /api/v1/assessments/:id/results/:blocCode': {
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/assessments/${await assessedSession()}/results/BC01`,
      payload: { marks: [{ competencyCode: 'C1', criterionCode: 'K-C1', met: true }] },
    }),
    expect: GRADES_SESSION,
  },
  'POST /api/v1/assessments/:id/results/:blocCode/sign': {
    // Evaluator 1's draft is not complete: the policy lets them through, the grid refuses (422).
    request: async () => ({
      method: 'POST',
      url: `/api/v1/assessments/${await assessedSession()}/results/BC01/sign`,
    }),
    expect: GRADES_SESSION,
  },
  'POST /api/v1/assessments/:id/results/:blocCode/corrections': {
    // Nothing signed to correct: 409 for evaluator 1, after the policy.
    request: async () => ({
      method: 'POST',
      url: `/api/v1/assessments/${await assessedSession()}/results/BC01/corrections`,
      payload: { reason: 'Erreur de saisie' },
    }),
    expect: GRADES_SESSION,
  },
  'GET /api/v1/certifications/:id/evaluators': {
    // Branch A's staff, and the training organisations holding a candidacy of it (1 and 2).
    request: async () => {
      await assessedCandidacy();
      return { url: `/api/v1/certifications/${fx.certEnrol}/evaluators?on=${today()}` };
    },
    expect: only({
      admin: 'ok',
      managerA: 'ok',
      managerB: 404,
      advisorA: 'ok',
      advisorB: 404,
      trainingOrg1: 'ok',
      trainingOrg2: 'ok',
    }),
  },
  'POST /api/v1/candidacies/imports': {
    // A one-row file (dry run) at training organisation 1 for a certification of A: the others
    // name what is not theirs → 422 on that row.
    request: async () => {
      const [org, cert] = await Promise.all([
        t.db
          .selectFrom('organisations')
          .select('siret')
          .where('id', '=', fx.trainingOrg1)
          .executeTakeFirstOrThrow(),
        t.db
          .selectFrom('certifications')
          .select('code')
          .where('id', '=', fx.certEnrol)
          .executeTakeFirstOrThrow(),
      ]);
      const person = f.newCandidate();
      const file = [
        'nom_naissance;prenom1;sexe;date_naissance;commune_naissance_insee;email;certification;voie_acces;organisme_siret;date_entree;statut;type_contrat',
        `${person.birthName};Camille;F;12/04/1990;69383;${person.email};${cert.code};plan_developpement;${org.siret};${today()};salarie;cdi`,
      ].join('\n');
      return {
        method: 'POST',
        url: '/api/v1/candidacies/imports?dryRun=true',
        payload: file,
        headers: { 'content-type': 'text/csv' },
      };
    },
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 422, trainingOrg1: 'ok', trainingOrg2: 422 }),
  },
  'GET /api/v1/candidacies/imports/template': {
    request: () => ({ url: '/api/v1/candidacies/imports/template' }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'ok', trainingOrg1: 'ok', trainingOrg2: 'ok' }),
  },
  'GET /api/v1/candidates/:id': {
    request: () => ({ url: `/api/v1/candidates/${fx.candidate1}` }),
    expect: READS_CANDIDACY_1,
  },
  'PATCH /api/v1/candidates/:id': {
    // A fresh candidate at training organisation 1 for those who may correct it (candidacy 1's
    // candidate for the others: its readers who may not change it answer 403 by role).
    request: async (who) => ({
      method: 'PATCH',
      url: `/api/v1/candidates/${['admin', 'managerA', 'trainingOrg1'].includes(who) ? (await candidateAtOrg1()).candidateId : fx.candidate1}`,
      payload: { firstNames: ['Camille', 'Inès'] },
    }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 404, trainingOrg1: 'ok', trainingOrg2: 404 }),
  },
  'POST /api/v1/candidates/:id/invitation': {
    // A fresh candidate at training organisation 1 (not yet activated) for those who may resend.
    request: async (who) => ({
      method: 'POST',
      url: `/api/v1/candidates/${['admin', 'managerA', 'trainingOrg1'].includes(who) ? (await candidateAtOrg1()).candidateId : fx.candidate1}/invitation`,
    }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 404, trainingOrg1: 'ok', trainingOrg2: 404 }),
  },
  'POST /api/v1/candidates/:id/merge': {
    // A fresh pair of records of one person (the duplicate's candidacy withdrawn) for those who merge.
    request: async (who) => {
      const pair = ['admin', 'managerA'].includes(who) ? await duplicatePair() : await sharedPair();
      return {
        method: 'POST',
        url: `/api/v1/candidates/${pair.kept}/merge`,
        payload: { duplicateId: pair.duplicate },
      };
    },
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 404 }),
  },
  'GET /api/v1/candidates/:id/export': {
    request: () => ({ url: `/api/v1/candidates/${fx.candidate1}/export` }),
    expect: only({ admin: 'ok', candidate1: 'ok', candidate2: 404 }),
  },

  // Registry
  'GET /api/v1/registry/fiches': {
    request: () => ({ url: '/api/v1/registry/fiches?q=agent' }),
    expect: all('ok'),
  },
  'GET /api/v1/registry/fiches/:numero': {
    request: () => ({ url: `/api/v1/registry/fiches/${fx.fiche}` }),
    expect: all('ok'),
  },
  'GET /api/v1/registry/status': {
    request: () => ({ url: '/api/v1/registry/status' }),
    expect: all('ok'),
  },
  'GET /api/v1/registry/imports': {
    request: () => ({ url: '/api/v1/registry/imports' }),
    expect: only({ admin: 'ok' }),
  },
  'GET /api/v1/registry/imports/:id': {
    request: () => ({ url: `/api/v1/registry/imports/${fx.runId}` }),
    expect: only({ admin: 'ok' }),
  },
  'POST /api/v1/registry/imports': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/registry/imports',
      payload: readFileSync(REGISTRY_FIXTURE),
      headers: { 'content-type': 'application/xml', 'x-file-name': 'fixture.xml' },
    }),
    expect: only({ admin: 'ok' }),
    after: async (status, body) => {
      if (status !== 202) return;
      const { id } = JSON.parse(body) as { id: string };
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const run = await t.services.registry.imports.getRun(id);
        if (run?.status !== 'running') return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the matrix’s registry import did not end within 2 minutes');
    },
  },
  'GET /api/v1/certifications/:id/registry-links': {
    request: () => ({ url: `/api/v1/certifications/${fx.certA}/registry-links` }),
    expect: all('ok'),
  },
  'PUT /api/v1/certifications/:id/registry-links/:numero': {
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/certifications/${await freshCertA()}/registry-links/${fx.fiche}`,
    }),
    expect: MANAGES_A,
  },
  'DELETE /api/v1/certifications/:id/registry-links/:numero': {
    request: async () => {
      const id = await freshCertA();
      await t.services.registry.service.link(id, fx.fiche, SYSTEM_ADMIN, 'test');
      return { method: 'DELETE', url: `/api/v1/certifications/${id}/registry-links/${fx.fiche}` };
    },
    expect: MANAGES_A,
  },
  'GET /api/v1/registry/alerts': {
    request: () => ({ url: '/api/v1/registry/alerts' }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'ok' }),
  },
  'POST /api/v1/registry/alerts/:id/apply': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/registry/alerts/${await openAlertOnFreshCertA()}/apply`,
    }),
    expect: only({ admin: 'pass', managerA: 'pass', managerB: 404 }),
  },
  'POST /api/v1/registry/alerts/:id/dismiss': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/registry/alerts/${await openAlertOnFreshCertA()}/dismiss`,
    }),
    expect: HIDDEN_FROM_B,
  },

  // Jury sessions, attendance, decisions (issue 13)
  'POST /api/v1/juries': {
    request: async () => ({ method: 'POST', url: '/api/v1/juries', payload: await juryBody() }),
    // B's manager may convene, not on A's certification (422 naming it).
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'pass' }),
  },
  'GET /api/v1/juries': {
    request: () => ({ url: '/api/v1/juries' }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'ok', jury1: 'ok', jury2: 'ok' }),
  },
  'GET /api/v1/juries/:id': {
    request: async () => ({ url: `/api/v1/juries/${(await jurySession()).id}` }),
    expect: READS_JURY_OF_A,
  },
  'PUT /api/v1/juries/:id/attendance': {
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/juries/${(await jurySession()).id}/attendance`,
      payload: { members: [{ userId: (await juryMembersOfA()).president, presence: 'present' }] },
    }),
    // Its president records it too.
    expect: READS_JURY_OF_A,
  },
  'POST /api/v1/juries/:id/decisions': {
    request: async () => {
      const { id, candidacyId } = await jurySession(true);
      return {
        method: 'POST',
        url: `/api/v1/juries/${id}/decisions`,
        payload: { candidacyId, blocs: [], outcome: 'deferred' },
      };
    },
    // The first one posted, the next ones refused as not naming the decision they correct (422).
    expect: only({ admin: 'pass', managerA: 'pass', managerB: 404, jury1: 'pass', jury2: 404 }),
  },

  // Minutes, signatures, seal (issue 13)
  'POST /api/v1/juries/:id/minutes': {
    request: async () => ({ method: 'POST', url: `/api/v1/juries/${await decidedSessionOfA()}/minutes` }),
    // The convening branch's staff and the president (jury 1).
    expect: READS_JURY_OF_A,
  },
  'GET /api/v1/juries/:id/minutes.pdf': {
    request: async () => {
      minutesA ??= minutesOfA();
      return { url: `/api/v1/juries/${await minutesA}/minutes.pdf` };
    },
    expect: READS_JURY_OF_A,
  },
  'POST /api/v1/juries/:id/signatures': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/juries/${await minutesOfA()}/signatures`,
      payload: {},
    }),
    // Its members only: jury 1 presides; jury 2 sits on none.
    expect: only({ jury1: 'ok', jury2: 404 }),
  },

  // Closing a jury session, awards (issue 13)
  'POST /api/v1/juries/:id/close': {
    request: async () => ({ method: 'POST', url: `/api/v1/juries/${await sealedSessionOfA()}/close` }),
    expect: HIDDEN_FROM_B,
  },
  'GET /api/v1/awards': {
    request: () => ({ url: '/api/v1/awards' }),
    expect: only({
      admin: 'ok',
      managerA: 'ok',
      managerB: 'ok',
      advisorA: 'ok',
      advisorB: 'ok',
      trainingOrg1: 'ok',
      trainingOrg2: 'ok',
      candidate1: 'ok',
      candidate2: 'ok',
    }),
  },
  'GET /api/v1/awards/:id': {
    request: async () => ({ url: `/api/v1/awards/${await awardOfCandidate1()}` }),
    expect: READS_AWARD_1,
  },
  'GET /api/v1/awards/:id/certificate.pdf': {
    request: async () => ({ url: `/api/v1/awards/${await awardOfCandidate1()}/certificate.pdf` }),
    expect: READS_AWARD_1,
  },
  'POST /api/v1/awards/:id/revoke': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/awards/${await newAwardOfA()}/revoke`,
      payload: { reason: 'Erreur de saisie' },
    }),
    expect: HIDDEN_FROM_B,
  },
  // Awards' status and verifiable credentials (issue 14)
  'POST /api/v1/awards/:id/suspend': {
    request: async () => ({
      method: 'POST',
      url: `/api/v1/awards/${await newAwardOfA()}/suspend`,
      payload: { reason: 'Vérification en cours' },
    }),
    expect: HIDDEN_FROM_B,
  },
  'POST /api/v1/awards/:id/reinstate': {
    request: async () => {
      const id = await newAwardOfA();
      await t.services.awards.suspend(id, { reason: 'Vérification en cours' }, SYSTEM_ADMIN, 'test');
      return { method: 'POST', url: `/api/v1/awards/${id}/reinstate` };
    },
    expect: HIDDEN_FROM_B,
  },
  'GET /api/v1/awards/:id/credential': {
    request: async () => ({ url: `/api/v1/awards/${await awardOfCandidate1()}/credential` }),
    expect: READS_AWARD_1,
  },
  'GET /.well-known/did.json': { request: () => ({ url: '/.well-known/did.json' }), expect: all('ok') },
  'GET /api/v1/credentials/status/:list': {
    request: () => ({ url: '/api/v1/credentials/status/1' }),
    expect: all('ok'),
  },
  // The public verification of certificates (issue 14): anyone, by code or with the credential.
  'GET /api/v1/verifications/:code': {
    request: async () => {
      const { verification_code } = await t.db
        .selectFrom('awards')
        .select('verification_code')
        .where('id', '=', await awardOfCandidate1())
        .executeTakeFirstOrThrow();
      return { url: `/api/v1/verifications/${verification_code}` };
    },
    expect: all('ok'),
  },
  'POST /api/v1/verifications': {
    request: async () => ({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { 'content-type': 'application/json' },
      payload: await t.services.credentials.credentialForAward(await awardOfCandidate1()),
    }),
    expect: all('ok'),
  },
  // CDC deposits (issue 14): the staff of the branches owning the certifier's certifications.
  'GET /api/v1/cdc/certifiers': {
    request: () => ({ url: '/api/v1/cdc/certifiers' }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'ok', advisorA: 'ok', advisorB: 'ok' }),
  },
  'GET /api/v1/cdc/certifiers/:siret': {
    request: async () => ({ url: `/api/v1/cdc/certifiers/${(await cdcCertifierOfA()).siret}` }),
    expect: READS_CDC_A,
  },
  'PUT /api/v1/cdc/certifiers/:siret': {
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/cdc/certifiers/${(await cdcCertifierOfA()).siret}`,
      payload: { clientId: 'ABC12345', contractId: 'MCFCER000001' },
    }),
    expect: HIDDEN_FROM_B,
  },
  'POST /api/v1/cdc/deposits': {
    request: async (who) => ({
      method: 'POST',
      url: '/api/v1/cdc/deposits',
      payload: {
        branchId: fx.branchA.id,
        certifierId: (await cdcCertifierOfA()).siret,
        ...(who === 'admin' || who === 'managerA' ? { awardIds: [await newCdcAwardOfA()] } : {}),
      },
    }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 422 }),
  },
  'GET /api/v1/cdc/deposits': {
    request: () => ({ url: '/api/v1/cdc/deposits' }),
    expect: only({ admin: 'ok', managerA: 'ok', managerB: 'ok', advisorA: 'ok', advisorB: 'ok' }),
  },
  'GET /api/v1/cdc/deposits/:id': {
    request: async () => ({ url: `/api/v1/cdc/deposits/${(await cdcDepositOfA()).id}` }),
    expect: READS_CDC_A,
  },
  'GET /api/v1/cdc/deposits/:id/flux.xml': {
    request: async () => ({ url: `/api/v1/cdc/deposits/${(await cdcDepositOfA()).id}/flux.xml` }),
    expect: READS_CDC_A,
  },
  'POST /api/v1/cdc/deposits/:id/report': {
    request: async () => {
      const d = await cdcDepositOfA();
      return {
        method: 'POST',
        url: `/api/v1/cdc/deposits/${d.id}/report`,
        payload: d.report,
        headers: { 'content-type': 'application/xml' },
      };
    },
    expect: HIDDEN_FROM_B,
  },
  'GET /api/v1/cdc/branches/:id/deadlines': {
    request: () => ({ url: `/api/v1/cdc/branches/${fx.branchA.id}/deadlines` }),
    expect: READS_CDC_A,
  },
};

describe('what a readable answer holds, by scope', () => {
  it('candidacy lists: each account sees exactly the candidacies in its scope', async () => {
    const ids = async (who: Who) => {
      const session = sessions.get(who) as Signed;
      const res = await t.app.inject({
        url: `/api/v1/candidacies?certificationId=${fx.certEnrol}&pageSize=200`,
        headers: { cookie: session.cookie },
      });
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
    };
    // Candidate A does not see candidate B's candidacy; organisation 2 does not see 1's; each
    // employer sees its employees' only; evaluators (none assigned yet) and jury members none.
    expect(await ids('candidate1')).toEqual([fx.candidacy1]);
    expect(await ids('candidate2')).toEqual([fx.candidacy2]);
    expect(await ids('employer1')).toEqual([fx.candidacy1]);
    expect(await ids('employer2')).toEqual([fx.candidacy2]);
    expect(await ids('trainingOrg2')).not.toContain(fx.candidacy1);
    expect(await ids('trainingOrg2')).toContain(fx.candidacy2);
    for (const who of ['evaluator1', 'evaluator2', 'jury1', 'jury2', 'managerB', 'advisorB'] as const)
      expect(await ids(who), who).toEqual([]);
    for (const who of ['admin', 'managerA', 'advisorA'] as const)
      expect(await ids(who), who).toEqual(expect.arrayContaining([fx.candidacy1, fx.candidacy2]));
  });

  it('…/habilitated: organisations for everyone, people’s names for the branch’s staff only', async () => {
    const kinds = async (who: Who) => {
      const session = sessions.get(who);
      const res = await t.app.inject({
        url: `/api/v1/certifications/${fx.certA}/habilitated`,
        headers: session ? { cookie: session.cookie } : {},
      });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { organisations: { kind: string }[]; persons?: { kind: string }[] };
      return [...body.organisations, ...(body.persons ?? [])].map((i) => i.kind).sort();
    };
    for (const who of ['admin', 'managerA', 'advisorA'] as const)
      expect(await kinds(who)).toEqual(['evaluator', 'train']);
    for (const who of [
      'anonymous',
      'managerB',
      'advisorB',
      'trainingOrg1',
      'evaluator1',
      'candidate1',
    ] as const)
      expect(await kinds(who)).toEqual(['train']);
  });

  it('an active certification is read by every account; a draft by its branch’s staff only', async () => {
    const status = async (who: Who, id: string) => {
      const session = sessions.get(who);
      const res = await t.app.inject({
        url: `/api/v1/certifications/${id}`,
        headers: session ? { cookie: session.cookie } : {},
      });
      return res.statusCode;
    };
    for (const who of ACCOUNTS) {
      expect(await status(who, fx.certA), who).toBe(200);
      expect(await status(who, fx.draftA), who).toBe(
        ['admin', 'managerA', 'advisorA'].includes(who) ? 200 : 404,
      );
    }
  });

  it('a certification says what the signed-in person may do with it', async () => {
    const can = async (who: Who) => {
      const session = sessions.get(who);
      const res = await t.app.inject({
        url: `/api/v1/certifications/${fx.certA}`,
        headers: session ? { cookie: session.cookie } : {},
      });
      return (res.json() as { can?: Record<string, boolean> }).can;
    };
    expect(await can('anonymous')).toBeUndefined();
    expect(await can('managerA')).toMatchObject({
      update: true,
      manageFramework: true,
      readHabilitations: true,
    });
    expect(await can('managerB')).toMatchObject({
      update: false,
      manageFramework: false,
      readHabilitations: false,
    });
    expect(await can('advisorA')).toMatchObject({ update: false, readHabilitations: true });
  });
});

// ---- the checks ---------------------------------------------------------------------------

type Operation = { key: string; method: string; route: RouteOptions };

function operations(routes: readonly RouteOptions[]): Operation[] {
  return routes.flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
      key: `${String(method)} ${route.url}`,
      method: String(method),
      route,
    })),
  );
}

/**
 * Operations with no entry. HEAD routes are Fastify's mirrors of GET routes (same handler,
 * same policy): covered by the GET entry.
 */
function matrixGaps(routes: readonly RouteOptions[], matrix: Record<string, unknown>): string[] {
  const ops = operations(routes);
  const keys = new Set(ops.map((o) => o.key));
  return ops
    .filter((o) => !(o.key in matrix))
    .filter((o) => !(o.method === 'HEAD' && keys.has(`GET ${o.route.url}`) && `GET ${o.route.url}` in matrix))
    .map((o) => o.key);
}

function matches(expected: Expected, status: number): boolean {
  if (expected === 'ok') return status < 400;
  if (expected === 'pass') return ![401, 403, 404].includes(status) && status < 500;
  return status === expected;
}

describe('role × scope matrix', () => {
  it('has an entry for every operation the server registers, and none for a route that is gone', () => {
    expect(matrixGaps(t.app.registeredRoutes, MATRIX)).toEqual([]);
    const registered = new Set(operations(t.app.registeredRoutes).map((o) => o.key));
    expect(Object.keys(MATRIX).filter((k) => !registered.has(k))).toEqual([]);
  });

  it('fails when a route is added without an entry', () => {
    const added = { method: 'GET', url: '/api/v1/a-new-route', handler: () => null } as RouteOptions;
    expect(matrixGaps([...t.app.registeredRoutes, added], MATRIX)).toEqual(['GET /api/v1/a-new-route']);
  });

  it(`gives every account (${ACCOUNTS.length}) the expected answer on every operation`, async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [key, entry] of Object.entries(MATRIX)) {
      for (const who of ACCOUNTS) {
        const req = await entry.request(who);
        const session = req.session === undefined ? sessions.get(who) : req.session;
        const res = await t.app.inject({
          method: req.method ?? 'GET',
          url: req.url,
          ...(req.payload === undefined
            ? {}
            : Buffer.isBuffer(req.payload)
              ? { payload: req.payload }
              : { payload: req.payload as object }),
          headers: {
            ...(req.headers ?? {}),
            ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
          },
        });
        requests++;
        await entry.after?.(res.statusCode, res.body);
        const expected = entry.expect[who];
        if (!matches(expected, res.statusCode)) {
          failures.push(
            `${key} as ${who}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
        }
        if (res.statusCode >= 400 && res.headers['content-type'] !== undefined && key.includes('/api/')) {
          if (!String(res.headers['content-type']).startsWith('application/problem+json'))
            failures.push(`${key} as ${who}: ${res.statusCode} is not problem+json`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(Object.keys(MATRIX).length * 10);
  }, 600_000); // ~900 requests with fresh data for many: minutes on a busy machine
});
