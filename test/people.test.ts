import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/** The list a CPNE picks evaluators and jury members from, to habilitate them. */
let t: TestApp;
let manager: Signed;
beforeAll(async () => {
  t = await createTestApp();
  manager = await signIn(t.app, 'branch_manager@demo.qualif.test');
});
afterAll(() => t?.close());

const people = (query: string, s: Signed = manager) =>
  t.app.inject({ url: `/api/v1/people?${query}`, headers: { cookie: s.cookie } });

describe('GET /api/v1/people', () => {
  it('lists the accounts holding the role, by name, with their email only', async () => {
    const res = await people('role=evaluator');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; displayName: string; email: string }[];
    expect(items.map((p) => p.email)).toContain('evaluator@demo.qualif.test');
    expect(items.map((p) => p.email)).not.toContain('jury_member@demo.qualif.test');
    expect(Object.keys(items[0] as object).sort()).toEqual(['displayName', 'email', 'id']);
    const jury = (await people('role=jury_member')).json().items as { email: string }[];
    expect(jury.map((p) => p.email)).toEqual(['jury_member@demo.qualif.test']);
  });

  it('filters by part of the name or email; % and _ are plain characters', async () => {
    expect((await people('role=evaluator&q=EVALUATOR%40demo')).json().items).toHaveLength(1);
    expect((await people('role=evaluator&q=nobody')).json().items).toEqual([]);
    expect((await people('role=evaluator&q=%25')).json().items).toEqual([]);
  });

  it('needs a person role: 400 naming role otherwise', async () => {
    const res = await people('role=candidate');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['role']);
  });
});
