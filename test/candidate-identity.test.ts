import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nirKey } from '../src/modules/candidates/domain/identity.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * Correcting a candidate's civil identity, PATCH /api/v1/candidates/{id}, through HTTP on a real
 * database: the enrolment's checks on the identity that results (field errors under the
 * fields), who may (those who enrol in scope; readers 403, others 404, never the candidate),
 * the audit naming fields without values, the NIR encrypted and coherent, and
 * `identity_changed_at` moved only by a real change of a field the CDC matches.
 */
let t: TestApp;
let f: Factories;
let cert: { id: string };
let org: { id: string };
let to: Signed;
let otherTo: Signed;
let manager: Signed;
let advisor: Signed;
let otherManager: Signed;
let admin: Signed;
let employer: Signed;
let employerId: string;

const NIR_13 = '2900469383124';
const NIR = `${NIR_13}${String(nirKey(NIR_13)).padStart(2, '0')}`;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const branch = await f.newBranch();
  const otherBranch = await f.newBranch();
  org = await f.newOrganisation('training_org');
  const otherOrg = await f.newOrganisation('training_org');
  const emp = await f.newOrganisation('employer');
  employerId = emp.id;
  cert = await f.newEnrollableCertification([branch.id], [org.id]);
  const sign = async (role: Parameters<Factories['newUser']>[0], scope = {}) =>
    signIn(t.app, (await f.newUser(role, scope)).email, TEST_PASSWORD);
  to = await sign('training_org', { organisationId: org.id });
  otherTo = await sign('training_org', { organisationId: otherOrg.id });
  manager = await sign('branch_manager', { branchId: branch.id });
  advisor = await sign('advisor', { branchId: branch.id });
  otherManager = await sign('branch_manager', { branchId: otherBranch.id });
  admin = await sign('admin');
  employer = await sign('employer', { organisationId: emp.id });
}, 300_000);

afterAll(async () => {
  await t?.close();
});

const headers = (who: Signed) => ({ cookie: who.cookie, 'x-csrf-token': who.csrf });
const patch = (who: Signed, id: string, payload: unknown) =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/v1/candidates/${id}`,
    headers: headers(who),
    payload: payload as object,
  });
const read = (who: Signed, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/candidates/${id}`, headers: headers(who) });

async function newPerson(extra: Record<string, unknown> = {}) {
  const enrolled = await f.newCandidacy({
    certificationId: cert.id,
    trainingOrganisationId: org.id,
    employerId,
    candidate: f.newCandidate({ birthName: 'Durand', ...extra }),
    confirmHomonym: true,
  });
  return enrolled.candidateId;
}

const row = (id: string) =>
  t.db
    .selectFrom('candidates')
    .select(['birth_name', 'updated_at', 'identity_changed_at', 'nir_encrypted', 'nir_hash', 'email'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const audits = (id: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['action', 'diff'])
    .where('entity_id', '=', id)
    .where('action', '=', 'candidate.identity_update')
    .execute();

describe('PATCH /api/v1/candidates/{id}', () => {
  it('corrects the identity: checked as at enrolment, answered as GET, audited by field names only', async () => {
    const id = await newPerson();
    const before = await row(id);
    const res = await patch(to, id, {
      birthName: 'Dupont-Martin',
      usageName: 'Martin',
      firstNames: ['Léa', 'Marie'],
      birthDate: { year: 1991, month: 5, day: 13 },
      birthPlace: { communeInsee: '13201' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      birthName: 'Dupont-Martin',
      usageName: 'Martin',
      firstNames: ['Léa', 'Marie'],
      birthDate: { year: 1991, month: 5, day: 13 },
      birthPlace: { communeInsee: '13201' },
      can: { updateIdentity: true },
    });
    expect((await read(to, id)).json()).toMatchObject({ birthName: 'Dupont-Martin', usageName: 'Martin' });
    const after = await row(id);
    expect(after.identity_changed_at.getTime()).toBeGreaterThan(before.identity_changed_at.getTime());
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
    const [entry, ...more] = await audits(id);
    expect(more).toEqual([]);
    const logged = JSON.stringify(entry?.diff);
    for (const field of ['birthName', 'usageName', 'firstNames', 'birthDate', 'birthPlace'])
      expect(logged).toContain(field);
    expect(logged).not.toContain('sex');
    for (const value of ['Dupont', 'Martin', 'Léa', '13201', '1991']) expect(logged).not.toContain(value);

    // The usage name cleared with null.
    const cleared = await patch(to, id, { usageName: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().usageName).toBeNull();
  }, 60_000);

  it('a correction to the same values changes nothing; an email alone is no change of the CDC identity', async () => {
    const id = await newPerson();
    const before = await row(id);
    const same = await patch(to, id, { birthName: ' Durand ', birthPlace: { communeInsee: '69383' } });
    expect(same.statusCode, same.body).toBe(200);
    expect(await row(id)).toEqual(before);
    expect(await audits(id)).toEqual([]);

    const mail = await patch(to, id, { email: 'Nouvelle.Adresse@Example.test' });
    expect(mail.statusCode, mail.body).toBe(200);
    expect(mail.json().email).toBe('nouvelle.adresse@example.test');
    const after = await row(id);
    expect(after.identity_changed_at).toEqual(before.identity_changed_at);
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
    const entries = await audits(id);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0]?.diff)).toContain('email');
    expect(JSON.stringify(entries[0]?.diff)).not.toMatch(/birthName|nouvelle/i);
  }, 60_000);

  it('refuses what enrolment refuses, with the errors under the fields and no value in them', async () => {
    const id = await newPerson();
    const before = await row(id);
    const place = await patch(to, id, { birthPlace: { communeInsee: '96001' } });
    expect(place.statusCode).toBe(422);
    expect(place.json().errors.map((e: { field: string }) => e.field)).toEqual(['birthPlace.communeInsee']);
    const date = await patch(to, id, { birthDate: { year: 1990, day: 3 } });
    expect(date.statusCode).toBe(422);
    expect(date.json().errors[0].field).toMatch(/^birthDate/);
    const future = await patch(to, id, { birthDate: { year: 2100, month: 1, day: 1 } });
    expect(future.statusCode).toBe(422);
    const country = await patch(to, id, { birthPlace: { countryInsee: '99100' } });
    expect(country.statusCode).toBe(422);
    expect(country.json().errors[0].field).toBe('birthPlace.countryInsee');
    // The schema's own rules (first names 1–3, one place, a field at least).
    expect((await patch(to, id, { firstNames: ['A', 'B', 'C', 'D'] })).statusCode).toBe(400);
    expect((await patch(to, id, { firstNames: [] })).statusCode).toBe(400);
    expect(
      (await patch(to, id, { birthPlace: { communeInsee: '69383', countryInsee: '99134' } })).statusCode,
    ).toBe(400);
    expect((await patch(to, id, {})).statusCode).toBe(400);
    expect((await patch(to, id, { phone: '0102030405' })).statusCode).toBe(400);
    // Abroad is fine.
    const abroad = await patch(to, id, { birthPlace: { countryInsee: '99134' } });
    expect(abroad.statusCode, abroad.body).toBe(200);
    expect(abroad.json().birthPlace).toEqual({ countryInsee: '99134' });
    expect((await row(id)).birth_name).toBe(before.birth_name);
  }, 60_000);

  it('the NIR: encrypted with its keyed hash, masked in the answer, kept coherent with sex and birth date', async () => {
    const id = await newPerson({ birthDate: { year: 1990, month: 4, day: 12 } });
    const wrong = await patch(to, id, { nir: `1${NIR.slice(1)}` });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('nir');
    const res = await patch(to, id, { nir: NIR });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().nir).toBe(`2 ** ** ** *** *** ${NIR.slice(13)}`);
    const stored = await row(id);
    expect(stored.nir_encrypted).not.toContain(NIR);
    expect(stored.nir_hash).toBeTruthy();
    // The stored NIR still checks the rest: a sex that contradicts it is refused, under nir.
    const sex = await patch(to, id, { sex: 'M' });
    expect(sex.statusCode).toBe(422);
    expect(sex.json().errors[0].field).toBe('nir');
    expect(sex.body).not.toContain(NIR);
  }, 60_000);

  it('who: the training organisation, the branch managers and admins; readers 403, others 404, the candidate 403', async () => {
    const id = await newPerson();
    for (const [who, status] of [
      [otherTo, 404],
      [otherManager, 404],
      [employer, 403],
      [advisor, 403],
      [manager, 200],
      [admin, 200],
    ] as const) {
      const res = await patch(who, id, { firstNames: ['Camille', 'Inès'] });
      expect(res.statusCode, `${status}: ${res.body}`).toBe(status);
    }
    expect((await read(employer, id)).json().can.updateIdentity).toBe(false);
    expect((await read(advisor, id)).json().can.updateIdentity).toBe(false);
    expect((await read(manager, id)).json().can.updateIdentity).toBe(true);
    // The candidate reads their identity but may not change it.
    const account = await f.newUser('candidate');
    await t.db.updateTable('candidates').set({ user_id: account.id }).where('id', '=', id).execute();
    const candidate = await signIn(t.app, account.email, TEST_PASSWORD);
    expect((await read(candidate, id)).statusCode).toBe(200);
    expect((await read(candidate, id)).json().can.updateIdentity).toBe(false);
    expect((await patch(candidate, id, { birthName: 'Autre' })).statusCode).toBe(403);
    expect((await patch(to, '00000000-0000-4000-8000-000000000000', { birthName: 'X' })).statusCode).toBe(
      404,
    );
  }, 60_000);
});
