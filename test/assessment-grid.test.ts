import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { mailByJobsEnv, type SmtpPeer, startSmtpPeer, subjectOf } from './smtp-peer.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';
import { waitUntil } from './wait.js';

/** Sessions are dated next year, so that they stay in the future whenever the test runs. */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

/**
 * The assessment grid (issue 12, point 6), through HTTP on a real database: the evaluators
 * habilitated on a date, the agenda, the grid of the pinned framework (sampleFramework: BC01
 * rule « all » over K-C1, K-C2; BC02 « 1 of 2 » over K-C3, K-C4), the draft kept across reloads,
 * the signature that locks, corrections, the move to « prêt pour le jury », moving and
 * cancelling a session, and who may do what. The result email goes to a real SMTP peer.
 */
let smtp: SmtpPeer;
let t: TestApp;
let f: Factories;
let to1: Signed;
let to2: Signed;
let manager: Signed;
let candidate: Signed;
let candidateEmail: string;
type Person = { id: string; displayName: string; signed: Signed };
/** e1, e2 habilitated; e3 habilitated until June 30th of next year; e4 never. */
let e1: Person;
let e2: Person;
let e3: Person;
let e4: Person;
let cert: { id: string };
let candidacyA: string;
let candidacyB: string;
let sessionA: string;
const DATE = `${NEXT_YEAR}-03-10`;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ demo: false, env: mailByJobsEnv(smtp) });
  f = factories(t.services);
  const branch = await f.newBranch();
  const org1 = await f.newOrganisation('training_org');
  const org2 = await f.newOrganisation('training_org');
  cert = await f.newEnrollableCertification([branch.id], [org1.id, org2.id]);
  const sign = async (role: Parameters<Factories['newUser']>[0], scope = {}) => {
    const user = await f.newUser(role, scope);
    return { ...user, signed: await signIn(t.app, user.email, TEST_PASSWORD) };
  };
  to1 = (await sign('training_org', { organisationId: org1.id })).signed;
  to2 = (await sign('training_org', { organisationId: org2.id })).signed;
  manager = (await sign('branch_manager', { branchId: branch.id })).signed;
  const c = await sign('candidate');
  candidate = c.signed;
  candidateEmail = c.email;
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
  candidacyB = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org1.id })).id;
  for (const id of [candidacyA, candidacyB])
    for (const event of ['start_positioning', 'start_pathway', 'start_assessment'] as const)
      await t.services.candidacies.transition(id, { event }, SYSTEM_ADMIN, 'test');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

function call(who: Signed, method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
  });
}
const mark = (competencyCode: string, met: boolean | null, comment?: string) => ({
  competencyCode,
  criterionCode: `K-${competencyCode}`,
  met,
  ...(comment !== undefined ? { comment } : {}),
});
const results = (session: string, bloc: string) => `/api/v1/assessments/${session}/results/${bloc}`;
const putDraft = (who: Signed, session: string, bloc: string, marks: object[]) =>
  call(who, 'PUT', results(session, bloc), { marks });
const signBloc = (who: Signed, session: string, bloc: string) =>
  call(who, 'POST', `${results(session, bloc)}/sign`);
const readyForJury = (id: string) =>
  call(to1, 'POST', `/api/v1/candidacies/${id}/transitions`, { event: 'mark_ready_for_jury' });

describe('scheduling', () => {
  it('lists the evaluators habilitated on the date (id and name only) to the staff who schedule', async () => {
    const res = await call(to1, 'GET', `/api/v1/certifications/${cert.id}/evaluators?on=${DATE}`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([e1.id, e2.id, e3.id]));
    expect(ids).not.toContain(e4.id);
    expect(Object.keys(res.json().items[0]).sort()).toEqual(['id', 'name']);
    // After e3's habilitation has ended: not listed.
    const later = await call(
      manager,
      'GET',
      `/api/v1/certifications/${cert.id}/evaluators?on=${NEXT_YEAR}-09-01`,
    );
    expect(later.json().items.map((i: { id: string }) => i.id)).not.toContain(e3.id);
    // A training organisation without a candidacy of this certification, an evaluator: no.
    expect(
      (await call(to2, 'GET', `/api/v1/certifications/${cert.id}/evaluators?on=${DATE}`)).statusCode,
    ).toBe(404);
    expect(
      (await call(e1.signed, 'GET', `/api/v1/certifications/${cert.id}/evaluators?on=${DATE}`)).statusCode,
    ).toBe(403);
    expect((await call(to1, 'GET', `/api/v1/certifications/${cert.id}/evaluators`)).statusCode).toBe(400);
  });

  it('refuses a date already past (422 on date)', async () => {
    const res = await call(to1, 'POST', `/api/v1/candidacies/${candidacyA}/assessments`, {
      date: `${NEXT_YEAR - 2}-01-15`,
      blocCodes: ['BC01'],
      evaluatorIds: [e1.id],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ pointer: '#/date', detail: expect.stringContaining('est passé') }),
    ]);
  });

  it('schedules the session; the evaluator finds it in their agenda, another evaluator does not', async () => {
    const res = await call(to1, 'POST', `/api/v1/candidacies/${candidacyA}/assessments`, {
      date: DATE,
      blocCodes: ['BC01', 'BC02'],
      evaluatorIds: [e1.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    sessionA = res.json().id;
    expect(res.json()).toMatchObject({ status: 'scheduled', results: [] });

    const agenda = await call(
      e1.signed,
      'GET',
      `/api/v1/assessments?from=${NEXT_YEAR}-01-01&to=${NEXT_YEAR}-12-31`,
    );
    expect(agenda.statusCode, agenda.body).toBe(200);
    expect(agenda.json().items).toEqual([
      expect.objectContaining({
        id: sessionA,
        candidacyId: candidacyA,
        date: DATE,
        status: 'scheduled',
        signedBlocCodes: [],
      }),
    ]);
    expect((await call(e1.signed, 'GET', `/api/v1/assessments?to=${NEXT_YEAR}-01-01`)).json().items).toEqual(
      [],
    );
    expect((await call(e2.signed, 'GET', '/api/v1/assessments')).json().items).toEqual([]);
    expect(
      (await call(to1, 'GET', '/api/v1/assessments')).json().items.map((i: { id: string }) => i.id),
    ).toContain(sessionA);
    expect((await call(to2, 'GET', '/api/v1/assessments')).json().items).toEqual([]);
    expect((await call(candidate, 'GET', '/api/v1/assessments')).statusCode).toBe(403);
  });
});

describe('the grid', () => {
  it('comes from the pinned framework; only the assigned evaluator may fill it, others do not see it', async () => {
    const res = await call(e1.signed, 'GET', `/api/v1/assessments/${sessionA}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.can).toEqual({ grade: true, edit: false, cancel: false });
    expect(body.blocs.map((b: { code: string; rule: object }) => [b.code, b.rule])).toEqual([
      ['BC01', { kind: 'all' }],
      ['BC02', { kind: 'n_of_m', n: 1 }],
    ]);
    expect(
      body.blocs[0].competencies.map((c: { code: string; criteria: { code: string }[] }) => [
        c.code,
        c.criteria[0]?.code,
      ]),
    ).toEqual([
      ['C1', 'K-C1'],
      ['C2', 'K-C2'],
    ]);
    expect(body.blocs[0]).toMatchObject({ signed: null, draft: null, superseded: [] });
    expect((await call(to1, 'GET', `/api/v1/assessments/${sessionA}`)).json().can).toEqual({
      grade: false,
      edit: true,
      cancel: true,
    });
    expect((await call(e2.signed, 'GET', `/api/v1/assessments/${sessionA}`)).statusCode).toBe(404);
    expect((await call(to2, 'GET', `/api/v1/assessments/${sessionA}`)).statusCode).toBe(404);
    expect((await putDraft(e2.signed, sessionA, 'BC01', [mark('C1', true)])).statusCode).toBe(404);
    // The training organisation reads the grid, never fills it (route for evaluators: 403).
    expect((await putDraft(to1, sessionA, 'BC01', [mark('C1', true)])).statusCode).toBe(403);
  });

  it('keeps the draft across reloads, criterion by criterion; the candidate does not see it', async () => {
    const first = await putDraft(e1.signed, sessionA, 'BC01', [mark('C1', true, 'Geste sûr')]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      version: 1,
      status: 'draft',
      proposal: 'pending',
      missing: ['C2/K-C2'],
      competencies: [
        { code: 'C1', result: 'met' },
        { code: 'C2', result: 'pending' },
      ],
    });
    // Autosave of another criterion keeps the first one.
    await putDraft(e1.signed, sessionA, 'BC01', [mark('C2', false)]);
    const reloaded = (await call(e1.signed, 'GET', `/api/v1/assessments/${sessionA}`)).json();
    expect(reloaded.blocs[0].draft.marks).toEqual([
      { competencyCode: 'C1', criterionCode: 'K-C1', met: true, comment: 'Geste sûr' },
      { competencyCode: 'C2', criterionCode: 'K-C2', met: false, comment: null },
    ]);
    expect(reloaded.blocs[0].draft.proposal).toBe('not_acquired');
    const seenByCandidate = await call(candidate, 'GET', `/api/v1/assessments/${sessionA}`);
    expect(seenByCandidate.statusCode).toBe(200);
    expect(seenByCandidate.json().blocs[0].draft).toBeNull();
  });

  it('refuses a criterion not in the bloc’s grid (422 naming the entry), and a bloc not in the session (404)', async () => {
    const res = await putDraft(e1.signed, sessionA, 'BC01', [mark('C1', true), mark('C3', true)]);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ pointer: '#/marks/1' })]);
    expect((await putDraft(e1.signed, sessionA, 'BC99', [])).statusCode).toBe(404);
  });

  it('may not be signed while a criterion has no answer', async () => {
    await putDraft(e1.signed, sessionA, 'BC02', [mark('C3', true)]);
    const res = await signBloc(e1.signed, sessionA, 'BC02');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('« BC02 » n’est pas complète');
    expect(res.json().errors).toEqual([expect.objectContaining({ pointer: '#/marks/C4~1K-C4' })]);
  });

  it('rule « all »: signed not acquired with one criterion not met; signed means locked', async () => {
    const res = await signBloc(e1.signed, sessionA, 'BC01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'signed',
      proposal: 'not_acquired',
      signedBy: { id: e1.id, name: e1.displayName },
    });
    const after = await putDraft(e1.signed, sessionA, 'BC01', [mark('C2', true)]);
    expect(after.statusCode).toBe(409);
    expect(after.json().detail).toContain('signé');
    expect((await signBloc(e1.signed, sessionA, 'BC01')).statusCode).toBe(409);
    // The database itself refuses to change a signed result.
    await expect(
      sql`update assessment_results set marks = '{}'::jsonb where id = ${res.json().id}`.execute(t.db),
    ).rejects.toThrow(/locked/);
    await expect(
      sql`delete from assessment_results where id = ${res.json().id}`.execute(t.db),
    ).rejects.toThrow(/never deleted/);
  });

  it('tells the candidate by email that a result is available', async () => {
    const got = await waitUntil(() => {
      const m = smtp.received.find(
        (r) => r.to.includes(candidateEmail) && subjectOf(r).startsWith('Résultat de votre évaluation'),
      );
      return m;
    }, 'the result email');
    expect(got.text).toContain('BC01 — Premier bloc');
    expect(got.text).not.toContain('K-C1');
  });

  it('a correction is a new version naming the one it replaces, in force once signed', async () => {
    expect(
      (await call(e1.signed, 'POST', `${results(sessionA, 'BC01')}/corrections`, { reason: ' ' })).statusCode,
    ).toBe(400);
    const res = await call(e1.signed, 'POST', `${results(sessionA, 'BC01')}/corrections`, {
      reason: 'Erreur de saisie sur le critère 2',
      marks: [mark('C2', true)],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v1 = (await call(e1.signed, 'GET', `/api/v1/assessments/${sessionA}`)).json().blocs[0].signed;
    expect(res.json()).toMatchObject({
      version: 2,
      status: 'draft',
      replacesId: v1.id,
      correctionReason: 'Erreur de saisie sur le critère 2',
      proposal: 'acquired',
    });
    // One correction at a time.
    expect(
      (
        await call(e1.signed, 'POST', `${results(sessionA, 'BC01')}/corrections`, {
          reason: 'Encore',
        })
      ).statusCode,
    ).toBe(409);
    // Until signed, version 1 stays in force.
    expect(v1).toMatchObject({ version: 1, proposal: 'not_acquired' });
    expect((await signBloc(e1.signed, sessionA, 'BC01')).json()).toMatchObject({
      version: 2,
      proposal: 'acquired',
    });
    const bloc = (await call(e1.signed, 'GET', `/api/v1/assessments/${sessionA}`)).json().blocs[0];
    expect(bloc.signed).toMatchObject({ version: 2, replacesId: v1.id });
    expect(bloc.draft).toBeNull();
    expect(bloc.superseded).toEqual([
      expect.objectContaining({ id: v1.id, version: 1, status: 'superseded', proposal: 'not_acquired' }),
    ]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', candidacyA)
      .where('action', 'in', ['assessment.sign', 'assessment.correct'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'assessment.correct',
      'assessment.sign',
      'assessment.sign',
    ]);
  });

  it('« prêt pour le jury » is refused while a targeted bloc has no signed result, then accepted', async () => {
    const refused = await readyForJury(candidacyA);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().detail).toContain('« BC02 »');
    expect(refused.json().detail).not.toContain('BC01');

    // Rule « 1 of 2 »: acquired with one criterion met of two.
    await putDraft(e1.signed, sessionA, 'BC02', [mark('C4', false)]);
    expect((await signBloc(e1.signed, sessionA, 'BC02')).json()).toMatchObject({
      proposal: 'acquired',
      met: 1,
      total: 2,
    });
    const agenda = (await call(e1.signed, 'GET', '/api/v1/assessments')).json();
    expect(agenda.items[0].signedBlocCodes).toEqual(['BC01', 'BC02']);

    const accepted = await readyForJury(candidacyA);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('ready_for_jury');
    // The grid no longer changes once the candidacy has moved on.
    const late = await call(e1.signed, 'POST', `${results(sessionA, 'BC02')}/corrections`, {
      reason: 'Tard',
    });
    expect(late.statusCode).toBe(409);
  });

  it('a bloc carried in counts for the jury, the others are still named', async () => {
    const id = (
      await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: await orgOf(candidacyB) })
    ).id;
    await t.services.candidacies.transition(id, { event: 'start_positioning' }, SYSTEM_ADMIN, 'test');
    await t.services.positioning.carryBloc(
      id,
      'BC02',
      { source: 'earlier_partial_award', reference: 'VP-1' },
      SYSTEM_ADMIN,
      'test',
    );
    for (const event of ['start_pathway', 'start_assessment'] as const)
      await t.services.candidacies.transition(id, { event }, SYSTEM_ADMIN, 'test');
    const refused = await readyForJury(id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toMatch(/^Le bloc « BC01 » n’a pas/);
  });
});

async function orgOf(candidacyId: string) {
  const row = await t.db
    .selectFrom('candidacies')
    .select('training_organisation_id')
    .where('id', '=', candidacyId)
    .executeTakeFirstOrThrow();
  return row.training_organisation_id;
}

describe('moving and cancelling a session', () => {
  let sessionB: string;
  beforeAll(async () => {
    const res = await call(to1, 'POST', `/api/v1/candidacies/${candidacyB}/assessments`, {
      date: DATE,
      blocCodes: ['BC01'],
      evaluatorIds: [e1.id],
    });
    sessionB = res.json().id;
  });

  it('is refused on a past date, with an evaluator not habilitated on the new date, or by another organisation', async () => {
    const past = await call(to1, 'PATCH', `/api/v1/assessments/${sessionB}`, {
      date: `${NEXT_YEAR - 2}-02-01`,
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors).toEqual([expect.objectContaining({ pointer: '#/date' })]);
    const notHabilitated = await call(to1, 'PATCH', `/api/v1/assessments/${sessionB}`, {
      evaluatorIds: [e4.id],
    });
    expect(notHabilitated.statusCode).toBe(422);
    expect(notHabilitated.json().errors).toEqual([expect.objectContaining({ pointer: '#/evaluatorIds/0' })]);
    // e3 is habilitated on the session's date, not on the new one.
    await call(to1, 'PATCH', `/api/v1/assessments/${sessionB}`, { evaluatorIds: [e3.id] });
    const moved = await call(to1, 'PATCH', `/api/v1/assessments/${sessionB}`, { date: `${NEXT_YEAR}-09-01` });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().errors[0].detail).toContain(e3.displayName);
    expect(
      (await call(to2, 'PATCH', `/api/v1/assessments/${sessionB}`, { date: `${NEXT_YEAR}-04-01` }))
        .statusCode,
    ).toBe(404);
    // The evaluator reads the session, may not move it.
    expect(
      (await call(e3.signed, 'PATCH', `/api/v1/assessments/${sessionB}`, { date: `${NEXT_YEAR}-04-01` }))
        .statusCode,
    ).toBe(403);
  });

  it('moves the session with its history; the new evaluator grades it, the former no longer', async () => {
    const res = await call(to1, 'PATCH', `/api/v1/assessments/${sessionB}`, {
      date: `${NEXT_YEAR}-04-01`,
      evaluatorIds: [e2.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ date: `${NEXT_YEAR}-04-01`, evaluators: [{ id: e2.id }] });
    const read = (await call(to1, 'GET', `/api/v1/assessments/${sessionB}`)).json();
    expect(
      read.history.map((h: { kind: string; after: { date: string } }) => [h.kind, h.after.date]),
    ).toEqual([
      ['edit', DATE],
      ['edit', `${NEXT_YEAR}-04-01`],
    ]);
    expect(read.history[1].before).toEqual({ date: DATE, evaluatorIds: [e3.id] });
    expect((await putDraft(e3.signed, sessionB, 'BC01', [mark('C1', true)])).statusCode).toBe(404);
    expect((await putDraft(e2.signed, sessionB, 'BC01', [mark('C1', true)])).statusCode).toBe(200);
  });

  it('cancels with a reason; a cancelled session is no longer graded, moved or cancelled', async () => {
    const canOf = async (who: Signed) =>
      (await call(who, 'GET', `/api/v1/candidacies/${candidacyB}/assessments`))
        .json()
        .items.find((a: { id: string }) => a.id === sessionB).can;
    expect(await canOf(to1)).toEqual({ edit: true, cancel: true });
    expect(await canOf(e2.signed)).toEqual({ edit: false, cancel: false });
    expect(
      (await call(to1, 'POST', `/api/v1/assessments/${sessionB}/cancel`, { reason: '' })).statusCode,
    ).toBe(400);
    const res = await call(to1, 'POST', `/api/v1/assessments/${sessionB}/cancel`, {
      reason: 'Candidat indisponible',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Candidat indisponible' });
    const read = (await call(to1, 'GET', `/api/v1/assessments/${sessionB}`)).json();
    expect(read.cancelled).toMatchObject({ reason: 'Candidat indisponible' });
    expect(read.can).toEqual({ grade: false, edit: false, cancel: false });
    expect(await canOf(to1)).toEqual({ edit: false, cancel: false });
    expect((await putDraft(e2.signed, sessionB, 'BC01', [mark('C1', true)])).statusCode).toBe(409);
    expect(
      (await call(to1, 'PATCH', `/api/v1/assessments/${sessionB}`, { date: `${NEXT_YEAR}-05-01` }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call(to1, 'POST', `/api/v1/assessments/${sessionB}/cancel`, { reason: 'x' })).statusCode,
    ).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', candidacyB)
      .where('action', '=', 'assessment.cancel')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('indisponible');
  });

  it('a session with a signed result is no longer moved or cancelled', async () => {
    const moved = await call(to1, 'PATCH', `/api/v1/assessments/${sessionA}`, { date: `${NEXT_YEAR}-05-01` });
    expect(moved.statusCode).toBe(409);
    const listed = (await call(to1, 'GET', `/api/v1/candidacies/${candidacyA}/assessments`)).json();
    expect(listed.items.find((a: { id: string }) => a.id === sessionA).can).toEqual({
      edit: false,
      cancel: false,
    });
    expect(
      (await call(to1, 'POST', `/api/v1/assessments/${sessionA}/cancel`, { reason: 'x' })).statusCode,
    ).toBe(409);
  });
});
