import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/contracts/dates.js';
import { ageOn, nirKey } from '../src/modules/candidates/domain/identity.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';
import { waitUntil } from './wait.js';

/**
 * Enrolment and the candidacy lifecycle through HTTP on a real database: eligibility checked on
 * the enrolment date, identity checks, possible duplicates, scopes, transitions, personal data.
 */
let t: TestApp;
let f: Factories;
let branch: { id: string };
let org1: { id: string; name: string };
let org2: { id: string; name: string };
let employer: { id: string };
let cert: { id: string; code: string };
let to1: Signed;
let to2: Signed;
let admin: Signed;

const NIR_13 = '2900469383123';
const NIR = `${NIR_13}${String(nirKey(NIR_13)).padStart(2, '0')}`;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  branch = await f.newBranch();
  org1 = await f.newOrganisation('training_org');
  org2 = await f.newOrganisation('training_org');
  employer = await f.newOrganisation('employer');
  cert = await f.newEnrollableCertification([branch.id], [org1.id, org2.id]);
  const sign = async (role: Parameters<Factories['newUser']>[0], scope = {}) =>
    signIn(t.app, (await f.newUser(role, scope)).email, TEST_PASSWORD);
  to1 = await sign('training_org', { organisationId: org1.id });
  to2 = await sign('training_org', { organisationId: org2.id });
  admin = await sign('admin');
});
afterAll(() => t?.close());

function call(who: Signed, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
  });
}

function enrolment(overrides: Record<string, unknown> = {}) {
  return {
    candidate: f.newCandidate(),
    certificationId: cert.id,
    route: 'plan_developpement',
    situation: { status: 'employee', contractType: 'cdi' },
    trainingOrganisationId: org1.id,
    employerId: employer.id,
    enrolledOn: today(),
    initiative: 'employer',
    ...overrides,
  };
}

describe('enrolment', () => {
  it('a training organisation enrols a new candidate: 201, the read carries what the API promises', async () => {
    const res = await call(to1, 'POST', '/api/v1/candidacies', enrolment({ funders: ['opco'] }));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ status: 'enrolled', warnings: [], account: 'invited' });
    expect(created.eligibility).toMatchObject({ status: 'open', route: 'plan_developpement', missing: [] });
    const read = await call(to1, 'GET', `/api/v1/candidacies/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      id: created.id,
      candidateId: created.candidateId,
      certificationId: cert.id,
      certification: { code: cert.code },
      frameworkVersion: 1,
      wholeCertification: true,
      blocCodes: ['BC01', 'BC02'],
      route: 'plan_developpement',
      status: 'enrolled',
      eligibility: { status: 'open', checkedOn: today() },
      trainingOrganisation: { id: org1.id, name: org1.name },
      employerId: employer.id,
      funders: ['opco'],
      history: [{ event: 'enrol', fromStatus: null, toStatus: 'enrolled' }],
      events: expect.arrayContaining(['start_positioning', 'withdraw']),
      can: { transition: true },
    });
  });

  it('targets chosen blocs of the pinned version; an unknown or repeated bloc is 422 naming it', async () => {
    const ok = await call(to1, 'POST', '/api/v1/candidacies', enrolment({ blocCodes: ['BC02'] }));
    expect(ok.statusCode, ok.body).toBe(201);
    const read = (await call(to1, 'GET', `/api/v1/candidacies/${ok.json().id}`)).json();
    expect(read).toMatchObject({ wholeCertification: false, blocCodes: ['BC02'] });
    const bad = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ blocCodes: ['BC01', 'BC09', 'BC01'] }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['blocCodes.1', 'blocCodes.2']);
  });

  it('a route closed on the date is refused, 422, with its reasons; nothing is created', async () => {
    const before = await t.db
      .selectFrom('candidacies')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await call(to1, 'POST', '/api/v1/candidacies', enrolment({ route: 'apprentissage' }));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.detail).toMatch(/n’est pas ouverte/);
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0]).toMatchObject({ field: 'route' });
    const after = await t.db
      .selectFrom('candidacies')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('an incomplete route is accepted, with the missing facts kept and returned', async () => {
    // A route and situation the eligibility service itself answers « incomplete » for today, at
    // the age the enrolment computes from the birth date (1990-04-12).
    const age = ageOn({ year: 1990, month: 4, day: 12 }, today());
    let found: { route: string; status: string } | undefined;
    for (const status of ['jobseeker', 'employee', 'self_employed', 'student'] as const) {
      const answer = await t.services.eligibility.evaluate({
        date: today(),
        certificationId: cert.id,
        candidate: { status, ...(age === undefined ? {} : { age }) },
      });
      const route = answer.results.find((r) => r.status === 'incomplete')?.route;
      if (route) {
        found = { route, status };
        break;
      }
    }
    if (!found) throw new Error('no route answers incomplete: pick other situations');
    const res = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ route: found.route, situation: { status: found.status } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { eligibility, id } = res.json();
    expect(eligibility.status).toBe('incomplete');
    expect(eligibility.missing.length).toBeGreaterThan(0);
    const read = (await call(to1, 'GET', `/api/v1/candidacies/${id}`)).json();
    expect(read.eligibilityStatus).toBe('incomplete');
    expect(read.eligibility.missing).toEqual(eligibility.missing);
  });

  it('a route other than self_funded needs the situation (422 naming it)', async () => {
    const body = enrolment();
    delete (body as { situation?: unknown }).situation;
    const res = await call(to1, 'POST', '/api/v1/candidacies', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('situation');
  });

  it('self_funded: no funding check, but the certification must exist legally on the date', async () => {
    const ok = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ route: 'self_funded', situation: undefined }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().eligibility).toMatchObject({ route: 'self_funded', status: 'open', result: null });
    const early = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ route: 'self_funded', enrolledOn: '2020-01-10' }),
    );
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0]).toMatchObject({
      field: 'route',
      detail: expect.stringMatching(/existence légale/),
    });
    const funder = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ route: 'self_funded', funders: ['opco'] }),
    );
    expect(funder.statusCode).toBe(422);
    expect(funder.json().errors[0].field).toBe('funders.0');
  });

  it('a funder the open route does not allow is refused, naming it', async () => {
    const res = await call(to1, 'POST', '/api/v1/candidacies', enrolment({ funders: ['transitions_pro'] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('funders.0');
  });

  it('the training organisation must be habilitated on the enrolment date; the certification active', async () => {
    const other = await f.newOrganisation('training_org');
    const res = await call(
      admin,
      'POST',
      '/api/v1/candidacies',
      enrolment({ trainingOrganisationId: other.id }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      field: 'trainingOrganisationId',
      detail: expect.stringMatching(/habilité/),
    });
    const draft = await f.newCertification([branch.id], {}, { status: 'draft' });
    const onDraft = await call(
      admin,
      'POST',
      '/api/v1/candidacies',
      enrolment({ certificationId: draft.id }),
    );
    expect(onDraft.statusCode).toBe(422);
    expect(onDraft.json().errors.map((e: { field: string }) => e.field)).toContain('certificationId');
    const employerAsTrainer = await call(
      admin,
      'POST',
      '/api/v1/candidacies',
      enrolment({ trainingOrganisationId: employer.id }),
    );
    expect(employerAsTrainer.json().errors[0]).toMatchObject({ field: 'trainingOrganisationId' });
    const trainerAsEmployer = await call(
      admin,
      'POST',
      '/api/v1/candidacies',
      enrolment({ employerId: org2.id }),
    );
    expect(trainerAsEmployer.json().errors[0]).toMatchObject({ field: 'employerId' });
  });

  it('a training organisation enrols only for itself: another one named is 422 on the field', async () => {
    const res = await call(to2, 'POST', '/api/v1/candidacies', enrolment());
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('trainingOrganisationId');
  });
});

describe('identity checks', () => {
  it('a well-formed commune absent from the list is accepted with a warning, kept on the candidate', async () => {
    const res = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ candidate: f.newCandidate({ birthPlace: { communeInsee: '01999' } }) }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toEqual([
      { field: 'candidate.birthPlace.communeInsee', detail: expect.stringMatching(/liste actuelle/) },
    ]);
    const person = (await call(to1, 'GET', `/api/v1/candidates/${res.json().candidateId}`)).json();
    expect(person.warnings).toHaveLength(1);
  });

  it('a malformed commune, an unknown department, a bad date and a bad NIR are 422, each named', async () => {
    const res = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({
        candidate: f.newCandidate({
          birthPlace: { communeInsee: '96001' },
          birthDate: { year: 1990, month: 2, day: 30 },
          nir: '290046938312300',
        }),
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['candidate.birthDate.day', 'candidate.birthPlace.communeInsee', 'candidate.nir']);
    const malformed = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ candidate: f.newCandidate({ birthPlace: { communeInsee: '6938' } }) }),
    );
    expect(malformed.statusCode).toBe(422);
  });

  it('a birth country 99xxx and a partial birth date are accepted; the age then comes from the date', async () => {
    const res = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({
        candidate: f.newCandidate({ birthPlace: { countryInsee: '99134' }, birthDate: { year: 1988 } }),
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const person = (await call(to1, 'GET', `/api/v1/candidates/${res.json().candidateId}`)).json();
    expect(person).toMatchObject({ birthPlace: { countryInsee: '99134' }, birthDate: { year: 1988 } });
    expect(person.birthDate.month).toBeUndefined();
  });

  it('the NIR is encrypted at rest, shown masked, and in no audit row', async () => {
    const candidate = f.newCandidate({ nir: NIR, sex: 'F', birthDate: { year: 1990, month: 4, day: 12 } });
    const res = await call(to1, 'POST', '/api/v1/candidacies', enrolment({ candidate }));
    expect(res.statusCode, res.body).toBe(201);
    const { candidateId } = res.json();
    const row = await t.db
      .selectFrom('candidates')
      .selectAll()
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();
    expect(row.nir_encrypted).toMatch(/^qe1\./);
    expect(row.nir_encrypted).not.toContain(NIR);
    const person = (await call(to1, 'GET', `/api/v1/candidates/${candidateId}`)).json();
    expect(person.nir).toBe(`2 ** ** ** *** *** ${NIR.slice(13)}`);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['diff', 'action'])
      .where('entity_id', '=', candidateId)
      .execute();
    expect(audit.map((a) => a.action)).toContain('candidate.create');
    const text = JSON.stringify(audit);
    for (const secret of [NIR, candidate.birthName, candidate.email as string, 'Camille'])
      expect(text).not.toContain(secret);
  });

  it('a NIR that disagrees with the declared sex is refused', async () => {
    const res = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ candidate: f.newCandidate({ nir: NIR, sex: 'M' }) }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      field: 'candidate.nir',
      detail: expect.stringMatching(/sexe/),
    });
  });
});

describe('possible duplicates', () => {
  it('are refused with a link to the existing candidate, without their personal data; candidateId or confirmHomonym go through', async () => {
    const person = f.newCandidate();
    const first = await call(to1, 'POST', '/api/v1/candidacies', enrolment({ candidate: person }));
    expect(first.statusCode, first.body).toBe(201);
    const existingId = first.json().candidateId;
    const other = await f.newEnrollableCertification([branch.id], [org1.id]);

    const again = {
      ...person,
      email: undefined,
      firstNames: ['camille'],
      birthName: person.birthName.toUpperCase(),
    };
    const dup = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ candidate: again, certificationId: other.id }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.body).toContain(`/api/v1/candidates/${existingId}`);
    for (const secret of [person.birthName, person.birthName.toUpperCase(), 'Camille', 'camille', '1990'])
      expect(dup.body).not.toContain(secret);

    const byEmail = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ candidate: f.newCandidate({ email: person.email }), certificationId: other.id }),
    );
    expect(byEmail.statusCode).toBe(409);
    expect(byEmail.json().errors[0].detail).toMatch(/même adresse e-mail/);

    const named = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ candidate: undefined, candidateId: existingId, certificationId: other.id }),
    );
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({ candidateId: existingId, account: 'none' });

    const homonym = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ candidate: again, confirmHomonym: true, certificationId: other.id }),
    );
    expect(homonym.statusCode, homonym.body).toBe(201);
    expect(homonym.json().candidateId).not.toBe(existingId);
  });

  it('one candidacy not ended per candidate and certification (409); after a withdrawal, a new one', async () => {
    const first = (await call(to1, 'POST', '/api/v1/candidacies', enrolment())).json();
    const second = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ candidate: undefined, candidateId: first.candidateId }),
    );
    expect(second.statusCode).toBe(409);
    const withdrawn = await call(to1, 'POST', `/api/v1/candidacies/${first.id}/transitions`, {
      event: 'withdraw',
      reason: 'Changement de projet',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const third = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ candidate: undefined, candidateId: first.candidateId }),
    );
    expect(third.statusCode, third.body).toBe(201);
  });

  it('a body with both candidate and candidateId, or neither, is 400', async () => {
    const both = await call(
      to1,
      'POST',
      '/api/v1/candidacies',
      enrolment({ candidateId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(both.statusCode).toBe(400);
    const neither = await call(to1, 'POST', '/api/v1/candidacies', enrolment({ candidate: undefined }));
    expect(neither.statusCode).toBe(400);
  });
});

describe('account', () => {
  it('a candidate with an email is invited: an account with the candidate role, linked, reading only their own', async () => {
    const person = f.newCandidate();
    const res = await call(to1, 'POST', '/api/v1/candidacies', enrolment({ candidate: person }));
    expect(res.json().account).toBe('invited');
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', (person.email as string).toLowerCase())
      .executeTakeFirstOrThrow();
    const roles = await t.db
      .selectFrom('role_assignments')
      .select('role')
      .where('user_id', '=', user.id)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['candidate']);
    const row = await t.db
      .selectFrom('candidates')
      .select('user_id')
      .where('id', '=', res.json().candidateId)
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBe(user.id);
    // The invitation leaves through the job runner (mail.send), once.
    await waitUntil(
      async () =>
        (
          await t.db
            .selectFrom('mail_outbox')
            .select('recipient')
            .where('recipient', '=', (person.email as string).toLowerCase())
            .where('subject', 'like', 'Qualif — créez votre compte%')
            .execute()
        ).length === 1,
      'the invitation in the outbox',
    );
  });
});

describe('lifecycle through the API', () => {
  it('walks enrolled → positioning → pathway → assessment → ready_for_jury, with pause and resume, history kept and audited', async () => {
    const { id } = (await call(to1, 'POST', '/api/v1/candidacies', enrolment())).json();
    const go = (event: string, extra: object = {}) =>
      call(to1, 'POST', `/api/v1/candidacies/${id}/transitions`, { event, ...extra });
    expect((await go('start_positioning')).json().status).toBe('positioning');
    expect((await go('put_on_hold', { reason: 'Congé maternité' })).json()).toMatchObject({
      status: 'on_hold',
      heldFrom: 'positioning',
      events: ['resume', 'withdraw'],
    });
    expect((await go('resume')).json().status).toBe('positioning');
    // « Prêt pour le jury » needs every targeted bloc signed or carried in: both carried here
    // (the grid's own path is test/assessment-grid.test.ts).
    for (const bloc of ['BC01', 'BC02'])
      expect(
        (
          await call(to1, 'PUT', `/api/v1/candidacies/${id}/positioning/carried-blocs/${bloc}`, {
            source: 'earlier_partial_award',
            reference: 'VP-2024-001',
          })
        ).statusCode,
      ).toBe(200);
    expect((await go('start_pathway')).json().status).toBe('pathway');
    expect((await go('start_assessment')).json().status).toBe('assessment');
    const ready = (await go('mark_ready_for_jury')).json();
    expect(ready.status).toBe('ready_for_jury');
    expect(ready.history.map((h: { event: string }) => h.event)).toEqual([
      'enrol',
      'start_positioning',
      'put_on_hold',
      'resume',
      'start_pathway',
      'start_assessment',
      'mark_ready_for_jury',
    ]);
    expect(ready.history[2].reason).toBe('Congé maternité');
    const refused = await go('start_pathway');
    expect(refused.statusCode).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'diff'])
      .where('entity_id', '=', id)
      .execute();
    expect(audit.filter((a) => a.action === 'candidacy.transition')).toHaveLength(6);
    expect(JSON.stringify(audit)).not.toContain('Congé maternité');
  });

  it('an abandonment needs a reason (422); an unknown event is 400', async () => {
    const { id } = (await call(to1, 'POST', '/api/v1/candidacies', enrolment())).json();
    const noReason = await call(to1, 'POST', `/api/v1/candidacies/${id}/transitions`, {
      event: 'withdraw',
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].field).toBe('reason');
    const unknown = await call(to1, 'POST', `/api/v1/candidacies/${id}/transitions`, { event: 'graduate' });
    expect(unknown.statusCode).toBe(400);
  });

  it('a transfer ends the candidacy and continues it at the new, habilitated organisation; both keep their history', async () => {
    const { id } = (await call(to1, 'POST', '/api/v1/candidacies', enrolment())).json();
    await call(to1, 'POST', `/api/v1/candidacies/${id}/transitions`, { event: 'start_positioning' });
    const notHabilitated = await f.newOrganisation('training_org');
    const refused = await call(to1, 'POST', `/api/v1/candidacies/${id}/transitions`, {
      event: 'transfer',
      trainingOrganisationId: notHabilitated.id,
    });
    expect(refused.statusCode).toBe(422);
    const res = await call(to1, 'POST', `/api/v1/candidacies/${id}/transitions`, {
      event: 'transfer',
      trainingOrganisationId: org2.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const old = res.json();
    expect(old).toMatchObject({ status: 'transferred', events: [] });
    const continuation = await call(to2, 'GET', `/api/v1/candidacies/${old.transferredToId}`);
    expect(continuation.statusCode).toBe(200);
    expect(continuation.json()).toMatchObject({
      status: 'positioning',
      transferredFromId: id,
      trainingOrganisationId: org2.id,
      candidateId: old.candidateId,
    });
    // The new organisation reads its continuation, not the old candidacy; the old one still sees its own.
    expect((await call(to2, 'GET', `/api/v1/candidacies/${id}`)).statusCode).toBe(404);
    expect((await call(to1, 'GET', `/api/v1/candidacies/${old.transferredToId}`)).statusCode).toBe(404);
  });
});

describe('lists', () => {
  it('are scoped: each training organisation sees its own, filtered, with the total', async () => {
    const other = await f.newEnrollableCertification([branch.id], [org1.id, org2.id]);
    await f.newCandidacy({ certificationId: other.id, trainingOrganisationId: org1.id });
    await f.newCandidacy({ certificationId: other.id, trainingOrganisationId: org1.id });
    await f.newCandidacy({ certificationId: other.id, trainingOrganisationId: org2.id });
    const mine = (
      await call(to1, 'GET', `/api/v1/candidacies?certificationId=${other.id}&pageSize=1`)
    ).json();
    expect(mine.total).toBe(2);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0].trainingOrganisationId).toBe(org1.id);
    const theirs = (await call(to2, 'GET', `/api/v1/candidacies?certificationId=${other.id}`)).json();
    expect(theirs.total).toBe(1);
    const all = (await call(admin, 'GET', `/api/v1/candidacies?certificationId=${other.id}`)).json();
    expect(all.total).toBe(3);
    const byStatus = (
      await call(admin, 'GET', `/api/v1/candidacies?certificationId=${other.id}&status=withdrawn`)
    ).json();
    expect(byStatus.total).toBe(0);
    const byOrg = (
      await call(
        admin,
        'GET',
        `/api/v1/candidacies?certificationId=${other.id}&trainingOrganisationId=${org2.id}`,
      )
    ).json();
    expect(byOrg.total).toBe(1);
  });

  it('count by step over the same scope and filters, whatever the status filter', async () => {
    const other = await f.newEnrollableCertification([branch.id], [org1.id, org2.id]);
    const [a] = await Promise.all([
      f.newCandidacy({ certificationId: other.id, trainingOrganisationId: org1.id }),
      f.newCandidacy({ certificationId: other.id, trainingOrganisationId: org1.id }),
      f.newCandidacy({ certificationId: other.id, trainingOrganisationId: org1.id }),
      f.newCandidacy({ certificationId: other.id, trainingOrganisationId: org2.id }),
    ]);
    const moved = await call(to1, 'POST', `/api/v1/candidacies/${a.id}/transitions`, {
      event: 'start_positioning',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const zero = {
      enrolled: 0,
      positioning: 0,
      pathway: 0,
      assessment: 0,
      ready_for_jury: 0,
      on_hold: 0,
      withdrawn: 0,
      transferred: 0,
      awarded: 0,
      partially_awarded: 0,
      refused: 0,
    };
    const mine = (await call(to1, 'GET', `/api/v1/candidacies?certificationId=${other.id}`)).json();
    expect(mine.counts).toEqual({ ...zero, enrolled: 2, positioning: 1 });
    // The status filter narrows the rows, not the counts (they say what each step would show).
    const positioning = (
      await call(to1, 'GET', `/api/v1/candidacies?certificationId=${other.id}&status=positioning`)
    ).json();
    expect(positioning.total).toBe(1);
    expect(positioning.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(positioning.counts).toEqual(mine.counts);
    // Scoped like the rows: organisation 2 counts only its own; the admin, everyone's.
    const theirs = (await call(to2, 'GET', `/api/v1/candidacies?certificationId=${other.id}`)).json();
    expect(theirs.counts).toEqual({ ...zero, enrolled: 1 });
    const all = (await call(admin, 'GET', `/api/v1/candidacies?certificationId=${other.id}`)).json();
    expect(all.counts).toEqual({ ...zero, enrolled: 3, positioning: 1 });
    const byOrg = (
      await call(
        admin,
        'GET',
        `/api/v1/candidacies?certificationId=${other.id}&trainingOrganisationId=${org2.id}`,
      )
    ).json();
    expect(byOrg.counts).toEqual({ ...zero, enrolled: 1 });
  });
});

describe('registering an employer not found', () => {
  it('a training organisation registers one by SIRET (key checked, unique), then enrols with it', async () => {
    const { newSiret } = await import('./factories.js');
    const siret = newSiret();
    const res = await call(to1, 'POST', '/api/v1/organisations/employers', {
      name: 'Boulangerie Dupain',
      siret,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    expect(res.json()).toEqual({ id, name: 'Boulangerie Dupain' });
    const found = (await call(to1, 'GET', `/api/v1/organisations?q=${siret.slice(0, 9)}`)).json();
    expect(found.items).toMatchObject([{ id, kind: 'employer', name: 'Boulangerie Dupain', siret }]);
    const enrolled = await call(to1, 'POST', '/api/v1/candidacies', enrolment({ employerId: id }));
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    // The same SIRET again: 409 on the field; a wrong key: 422 on the field; nothing created.
    const again = await call(to2, 'POST', '/api/v1/organisations/employers', { name: 'Autre nom', siret });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toMatchObject([{ field: 'siret' }]);
    const badKey = `${siret.slice(0, 13)}${(Number(siret[13]) + 1) % 10}`;
    const bad = await call(to1, 'POST', '/api/v1/organisations/employers', {
      name: 'Clé fausse',
      siret: badKey,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toMatchObject([{ field: 'siret' }]);
    expect((await call(admin, 'GET', `/api/v1/organisations?q=${badKey}`)).json().total).toBe(0);
    // Audited as any organisation created.
    const audit = (await call(admin, 'GET', `/api/v1/audit?entityType=organisation&entityId=${id}`)).json();
    expect(audit.items).toMatchObject([{ action: 'organisation.create' }]);
  });
});

describe('organisations search', () => {
  it('finds organisations by part of the name (accents and case ignored) or the start of the SIRET', async () => {
    const id = await t.services.catalogue.organisations.create(
      { kind: 'training_org', name: 'Centre Éducatif des Métiers', siret: '73282932000074' },
      (await import('../src/platform/auth/actor.js')).SYSTEM_ADMIN,
      'test',
    );
    const byName = (await call(to1, 'GET', '/api/v1/organisations?q=educatif%20des')).json();
    expect(byName.items.map((o: { id: string }) => o.id)).toEqual([id]);
    const bySiret = (await call(to1, 'GET', '/api/v1/organisations?q=732%20829%20320')).json();
    expect(bySiret.items.map((o: { id: string }) => o.id)).toEqual([id]);
    const none = (await call(to1, 'GET', '/api/v1/organisations?q=introuvable')).json();
    expect(none.total).toBe(0);
  });
});
