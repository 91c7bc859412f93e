import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/** The list a CPNE picks evaluators and jury members from, to habilitate them. */
let t: TestApp;
let manager: Signed;
const people = {
  eric: { id: '', email: '', displayName: '' },
  ava: { id: '', email: '', displayName: '' },
  jury: { id: '', email: '', displayName: '' },
};

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const f = factories(t.services);
  const branch = await f.newBranch();
  const m = await f.newUser('branch_manager', { branchId: branch.id });
  manager = await signIn(t.app, m.email, TEST_PASSWORD);
  people.eric = await f.newUser('evaluator', {}, { displayName: 'Éric Évaluateur' });
  people.ava = await f.newUser('evaluator', {}, { displayName: 'Ava Évaluatrice' });
  people.jury = await f.newUser('jury_member', {}, { displayName: 'Juliette Jury' });
  await f.newUser('candidate', {}, { displayName: 'Camille Évaluée' });
});
afterAll(() => t?.close());

const list = async (query: string, s: Signed = manager) => {
  const res = await t.app.inject({ url: `/api/v1/people?${query}`, headers: { cookie: s.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; displayName: string; email: string }[];
};

describe('GET /api/v1/people', () => {
  it('lists the accounts holding the role, by name, with their email only', async () => {
    const evaluators = await list('role=evaluator');
    expect(evaluators).toEqual([people.ava, people.eric]);
    expect(Object.keys(evaluators[0] as object).sort()).toEqual(['displayName', 'email', 'id']);
    expect(await list('role=jury_member')).toEqual([people.jury]);
  });

  it('filters by part of the name or email; % and _ are plain characters', async () => {
    const [local] = people.eric.email.split('@');
    expect(await list(`role=evaluator&q=${encodeURIComponent(`${local?.toUpperCase()}@test`)}`)).toEqual([
      people.eric,
    ]);
    expect(await list('role=evaluator&q=AVA%20%C3%89VAL')).toEqual([people.ava]);
    expect(await list('role=evaluator&q=nobody')).toEqual([]);
    expect(await list('role=evaluator&q=%25')).toEqual([]);
    expect(await list('role=evaluator&q=_')).toEqual([]);
  });

  it('needs a person role: 400 naming role otherwise', async () => {
    const res = await t.app.inject({
      url: '/api/v1/people?role=candidate',
      headers: { cookie: manager.cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['role']);
  });
});
