import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The person picker of a candidacy's links (GET /api/v1/candidacies/{id}/linkable-people),
 * through HTTP on a real database: evaluators, and the accounts of the candidacy's training
 * organisation and employer, by name or address; nobody else; names only; scoped as the links.
 */
let t: TestApp;
let f: Factories;
let to1: Signed;
let to2: Signed;
let candidacy: string;
const people: Record<string, { id: string; displayName: string }> = {};

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const branch = await f.newBranch();
  const org1 = await f.newOrganisation('training_org');
  const org2 = await f.newOrganisation('training_org');
  const employer = await f.newOrganisation('employer');
  const otherEmployer = await f.newOrganisation('employer');
  const cert = await f.newEnrollableCertification([branch.id], [org1.id, org2.id]);
  const user = async (key: string, role: Parameters<Factories['newUser']>[0], scope = {}) => {
    people[key] = await f.newUser(role, scope, { displayName: `Lien ${key}` });
    return people[key];
  };
  const trainer1 = await user('trainer1', 'training_org', { organisationId: org1.id });
  const trainer2 = await user('trainer2', 'training_org', { organisationId: org2.id });
  await user('evaluator', 'evaluator');
  await user('tutor', 'employer', { organisationId: employer.id });
  await user('otherTutor', 'employer', { organisationId: otherEmployer.id });
  await user('jury', 'jury_member');
  await user('candidate', 'candidate');
  const gone = await user('inactiveEvaluator', 'evaluator');
  await t.db.updateTable('users').set({ is_active: false }).where('id', '=', gone.id).execute();
  to1 = await signIn(
    t.app,
    (await t.db.selectFrom('users').select('email').where('id', '=', trainer1.id).executeTakeFirstOrThrow())
      .email,
    TEST_PASSWORD,
  );
  to2 = await signIn(
    t.app,
    (await t.db.selectFrom('users').select('email').where('id', '=', trainer2.id).executeTakeFirstOrThrow())
      .email,
    TEST_PASSWORD,
  );
  candidacy = (
    await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: org1.id,
      employerId: employer.id,
    })
  ).id;
});
afterAll(async () => {
  await t?.close();
});

async function search(who: Signed, q?: string) {
  return t.app.inject({
    url: `/api/v1/candidacies/${candidacy}/linkable-people${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`,
    headers: { cookie: who.cookie },
  });
}

describe('GET /api/v1/candidacies/{id}/linkable-people', () => {
  it('lists evaluators and the accounts of the candidacy’s training organisation and employer, names only', async () => {
    const res = await search(to1, 'Lien');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; displayName: string }[];
    expect(items.map((p) => p.displayName).sort()).toEqual(['Lien evaluator', 'Lien trainer1', 'Lien tutor']);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['displayName', 'id']);
    expect(items.find((p) => p.displayName === 'Lien tutor')?.id).toBe(people.tutor?.id);
  });

  it('searches by a part of the name or of the address', async () => {
    const byName = (await search(to1, 'lien tut')).json().items as { displayName: string }[];
    expect(byName.map((p) => p.displayName)).toEqual(['Lien tutor']);
    const email = (
      await t.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', people.evaluator?.id as string)
        .executeTakeFirstOrThrow()
    ).email;
    const byEmail = (await search(to1, email.slice(0, 12))).json().items as { id: string }[];
    expect(byEmail.map((p) => p.id)).toContain(people.evaluator?.id);
  });

  it('is refused to those who may not record the links: another organisation gets 404, other roles 403', async () => {
    expect((await search(to2, 'Lien')).statusCode).toBe(404);
    const candidate = await t.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', people.candidate?.id as string)
      .executeTakeFirstOrThrow();
    expect((await search(await signIn(t.app, candidate.email, TEST_PASSWORD), 'Lien')).statusCode).toBe(403);
  });

  it('answers 404 for an unknown candidacy and 400 for a malformed id', async () => {
    const unknown = await t.app.inject({
      url: '/api/v1/candidacies/00000000-0000-4000-8000-000000000000/linkable-people',
      headers: { cookie: to1.cookie },
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.app.inject({
      url: '/api/v1/candidacies/x/linkable-people',
      headers: { cookie: to1.cookie },
    });
    expect(malformed.statusCode).toBe(400);
  });
});
