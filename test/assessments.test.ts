import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/** Sessions are dated next year, so that they stay in the future whenever the test runs. */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

/**
 * Assessments, first slice (issue 12, point 6), through HTTP on a real database: the people
 * linked to the candidate, the scheduling of a session (evaluator habilitations on the date,
 * conflicts of interest, targeted blocs, the lifecycle state), and the evaluators' reading scope.
 */
let t: TestApp;
let f: Factories;
let to1: Signed;
let to2: Signed;
let candidate: Signed;
type Person = { id: string; displayName: string; signed: Signed };
/** e1 habilitated; e2 habilitated but linked to the candidate; e3 habilitated until mid next year; e4 never. */
let e1: Person;
let e2: Person;
let e3: Person;
let e4: Person;
let candidacyA: string;
let candidacyP: string;
/** In its assessment step, bloc BC02 carried in. */
let candidacyC: string;
const DATE = `${NEXT_YEAR}-09-10`;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const branch = await f.newBranch();
  const org1 = await f.newOrganisation('training_org');
  const org2 = await f.newOrganisation('training_org');
  const cert = await f.newEnrollableCertification([branch.id], [org1.id, org2.id]);
  const sign = async (role: Parameters<Factories['newUser']>[0], scope = {}) => {
    const user = await f.newUser(role, scope);
    return { ...user, signed: await signIn(t.app, user.email, TEST_PASSWORD) };
  };
  to1 = (await sign('training_org', { organisationId: org1.id })).signed;
  to2 = (await sign('training_org', { organisationId: org2.id })).signed;
  const c = await sign('candidate');
  candidate = c.signed;
  [e1, e2, e3, e4] = [
    await sign('evaluator'),
    await sign('evaluator'),
    await sign('evaluator'),
    await sign('evaluator'),
  ];
  for (const e of [e1, e2]) await f.newHabilitation(cert.id, { userId: e.id, kind: 'evaluator' });
  await f.newHabilitation(
    cert.id,
    { userId: e3.id, kind: 'evaluator' },
    { validFrom: '2020-01-01', validTo: `${NEXT_YEAR}-06-30` },
  );
  candidacyA = (
    await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: org1.id,
      candidate: f.newCandidate({ email: c.email }),
    })
  ).id;
  candidacyP = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org1.id })).id;
  for (const event of ['start_positioning', 'start_pathway', 'start_assessment'] as const)
    await t.services.candidacies.transition(candidacyA, { event }, SYSTEM_ADMIN, 'test');
  await t.services.candidacies.transition(candidacyP, { event: 'start_positioning' }, SYSTEM_ADMIN, 'test');
  candidacyC = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org1.id })).id;
  await t.services.candidacies.transition(candidacyC, { event: 'start_positioning' }, SYSTEM_ADMIN, 'test');
  await t.services.positioning.carryBloc(
    candidacyC,
    'BC02',
    { source: 'earlier_partial_award', reference: 'VP-2024-001' },
    SYSTEM_ADMIN,
    'test',
  );
  for (const event of ['start_pathway', 'start_assessment'] as const)
    await t.services.candidacies.transition(candidacyC, { event }, SYSTEM_ADMIN, 'test');
});
afterAll(async () => {
  await t?.close();
});

function call(who: Signed, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
  });
}
const schedule = (who: Signed, id: string, body: object) =>
  call(who, 'POST', `/api/v1/candidacies/${id}/assessments`, body);

describe('links to the candidate', () => {
  it('are recorded by the training organisation, read by staff, refused to others', async () => {
    const put = await call(to1, 'PUT', `/api/v1/candidacies/${candidacyA}/links`, {
      links: [{ kind: 'tutor', userId: e2.id }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().links).toEqual([
      expect.objectContaining({ kind: 'tutor', userId: e2.id, name: e2.displayName }),
    ]);

    const read = await call(to1, 'GET', `/api/v1/candidacies/${candidacyA}/links`);
    expect(read.json()).toMatchObject({ links: [{ kind: 'tutor', userId: e2.id }], can: { edit: true } });
    // The candidate reads their candidacy, not who is linked to them (a `read…` action: 404);
    // another organisation sees nothing.
    expect((await call(candidate, 'GET', `/api/v1/candidacies/${candidacyA}`)).statusCode).toBe(200);
    expect((await call(candidate, 'GET', `/api/v1/candidacies/${candidacyA}/links`)).statusCode).toBe(404);
    expect((await call(to2, 'GET', `/api/v1/candidacies/${candidacyA}/links`)).statusCode).toBe(404);
    expect(
      (await call(to2, 'PUT', `/api/v1/candidacies/${candidacyA}/links`, { links: [] })).statusCode,
    ).toBe(404);
  });

  it('name people by their account: an unknown one is a 422 naming the entry', async () => {
    const res = await call(to1, 'PUT', `/api/v1/candidacies/${candidacyP}/links`, {
      links: [{ kind: 'other', userId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ pointer: '#/links/0/userId' })]);
  });
});

describe('scheduling an assessment', () => {
  it('refuses an evaluator without an evaluator habilitation for the certification, naming them', async () => {
    const res = await schedule(to1, candidacyA, {
      date: DATE,
      blocCodes: ['BC01'],
      evaluatorIds: [e1.id, e4.id],
    });
    expect(res.statusCode, res.body).toBe(422);
    const errors = res.json().errors;
    expect(errors).toHaveLength(1);
    expect(errors[0].pointer).toBe('#/evaluatorIds/1');
    expect(errors[0].detail).toContain(e4.displayName);
    expect(errors[0].detail).toContain('pas d’habilitation d’évaluateur');
  });

  it('refuses an evaluator whose habilitation is not valid on the date', async () => {
    const res = await schedule(to1, candidacyA, { date: DATE, blocCodes: ['BC01'], evaluatorIds: [e3.id] });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ pointer: '#/evaluatorIds/0' });
    expect(res.json().errors[0].detail).toContain(`10 septembre ${NEXT_YEAR}`);
  });

  it('refuses an evaluator linked to the candidate (conflict of interest)', async () => {
    const res = await schedule(to1, candidacyA, { date: DATE, blocCodes: ['BC01'], evaluatorIds: [e2.id] });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ pointer: '#/evaluatorIds/0' });
    expect(res.json().errors[0].detail).toContain(e2.displayName);
    expect(res.json().errors[0].detail).toContain('conflit d’intérêts');
  });

  it('refuses a bloc the candidacy does not target', async () => {
    const res = await schedule(to1, candidacyA, {
      date: DATE,
      blocCodes: ['BC01', 'BC99'],
      evaluatorIds: [e1.id],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ pointer: '#/blocCodes/1' })]);
  });

  it('refuses a bloc carried in (already acquired)', async () => {
    const res = await schedule(to1, candidacyC, { date: DATE, blocCodes: ['BC02'], evaluatorIds: [e1.id] });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ pointer: '#/blocCodes/0', detail: expect.stringContaining('reporté') }),
    ]);
  });

  it('accepts the evaluator whose habilitation has ended on a date it was still valid', async () => {
    const res = await schedule(to1, candidacyC, {
      date: `${NEXT_YEAR}-06-10`,
      blocCodes: ['BC01'],
      evaluatorIds: [e3.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().evaluators).toEqual([{ id: e3.id, name: e3.displayName }]);
  });

  it('refuses outside the assessment step (409 naming the step), and other organisations (404)', async () => {
    const early = await schedule(to1, candidacyP, { date: DATE, blocCodes: ['BC01'], evaluatorIds: [e1.id] });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('Positionnement');
    const other = await schedule(to2, candidacyA, { date: DATE, blocCodes: ['BC01'], evaluatorIds: [e1.id] });
    expect(other.statusCode).toBe(404);
  });

  it('accepts a habilitated evaluator not linked to the candidate; the evaluator then reads the candidacy', async () => {
    // Before: no evaluator reads it.
    expect((await call(e1.signed, 'GET', `/api/v1/candidacies/${candidacyA}`)).statusCode).toBe(404);
    const res = await schedule(to1, candidacyA, {
      date: DATE,
      blocCodes: ['BC01', 'BC02'],
      evaluatorIds: [e1.id],
      secondAssessor: { name: 'Dominique Martin', trade: 'Cheffe de cuisine' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      candidacyId: candidacyA,
      date: DATE,
      blocCodes: ['BC01', 'BC02'],
      evaluators: [{ id: e1.id, name: e1.displayName }],
      secondAssessor: { name: 'Dominique Martin', trade: 'Cheffe de cuisine' },
    });

    const listed = await call(to1, 'GET', `/api/v1/candidacies/${candidacyA}/assessments`);
    expect(listed.json()).toMatchObject({ items: [{ id: created.id }], can: { schedule: true } });

    // The evaluator assigned reads the candidacy and finds it in their list; another does not.
    expect((await call(e1.signed, 'GET', `/api/v1/candidacies/${candidacyA}`)).statusCode).toBe(200);
    expect((await call(e1.signed, 'GET', `/api/v1/candidacies/${candidacyA}/assessments`)).statusCode).toBe(
      200,
    );
    const mine = (await call(e1.signed, 'GET', '/api/v1/candidacies')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([candidacyA]);
    expect((await call(e4.signed, 'GET', `/api/v1/candidacies/${candidacyA}`)).statusCode).toBe(404);
    expect((await call(e4.signed, 'GET', '/api/v1/candidacies')).json().total).toBe(0);

    // The candidate is told by email (a job in the same transaction); the audit holds ids only.
    const jobs = await t.services.db
      .selectFrom('jobs')
      .select(['payload'])
      .where('idempotency_key', '=', `assessment.scheduled:${created.id}`)
      .execute();
    expect(jobs).toHaveLength(1);
    const values = await t.services.assessments.scheduledMailValues({
      candidacyId: candidacyA,
      assessmentId: created.id,
    });
    expect(values).toMatchObject({
      date: DATE,
      blocs: [expect.stringMatching(/^BC01 — ./), expect.stringMatching(/^BC02 — ./)],
    });
    expect(values?.certificationTitle).toBeTruthy();
    const audit = await t.services.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', candidacyA)
      .where('action', '=', 'assessment.schedule')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain('Dominique');
  });
});
