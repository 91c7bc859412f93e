import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { seedReadyCandidacies, seedSealedSession } from './jury-seed.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * `GET /api/v1/awards?status=` (issue 14, the staff's awards screen): valid, revoked or
 * suspended, as the award's derived status says (a revoked award once suspended is revoked),
 * within the reader's scope; an unknown status is a 400.
 */
let t: TestApp;
let f: Factories;
let manager: Signed;
let otherManager: Signed;
let certificationId: string;
let ids: string[];

const headers = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const post = (url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: headers(manager), ...(payload ? { payload } : {}) });
const list = async (who: Signed, query: string) => {
  const res = await t.app.inject({ url: `/api/v1/awards?${query}`, headers: headers(who) });
  expect(res.statusCode, res.body).toBe(200);
  const page = res.json() as { items: { id: string; status: string }[]; total: number };
  return {
    ids: page.items.map((a) => a.id).sort(),
    statuses: page.items.map((a) => a.status),
    total: page.total,
  };
};

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const branch = await f.newBranch();
  const org = await f.newOrganisation('training_org');
  const cert = await f.newEnrollableCertification([branch.id], [org.id]);
  certificationId = cert.id;
  const template = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id })).id;
  const m = await f.newUser('branch_manager', { branchId: branch.id });
  manager = await signIn(t.app, m.email, TEST_PASSWORD);
  otherManager = await signIn(
    t.app,
    (await f.newUser('branch_manager', { branchId: (await f.newBranch()).id })).email,
    TEST_PASSWORD,
  );
  const { candidacyIds } = await seedReadyCandidacies(t.db, template, 4);
  const juryId = await seedSealedSession(t.db, {
    branchId: branch.id,
    certificationIds: [cert.id],
    candidacyIds,
    postedBy: m.id,
    outcomeOf: () => 'full',
  });
  const closed = await post(`/api/v1/juries/${juryId}/close`);
  expect(closed.statusCode, closed.body).toBe(200);
  ids = closed.json().awards.map((a: { id: string }) => a.id);
  const [, suspended, revoked, suspendedThenRevoked] = ids as [string, string, string, string];
  for (const id of [suspended, suspendedThenRevoked]) {
    const res = await post(`/api/v1/awards/${id}/suspend`, { reason: 'Vérification en cours' });
    expect(res.statusCode, res.body).toBe(200);
  }
  for (const id of [revoked, suspendedThenRevoked]) {
    const res = await post(`/api/v1/awards/${id}/revoke`, { reason: 'Fraude établie' });
    expect(res.statusCode, res.body).toBe(200);
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/awards?status=', () => {
  it('lists the awards of that status only, counted alike', async () => {
    const [valid, suspended, revoked, suspendedThenRevoked] = ids as [string, string, string, string];
    const scope = `certificationId=${certificationId}&pageSize=50`;
    expect(await list(manager, `${scope}&status=valid`)).toEqual({
      ids: [valid],
      statuses: ['valid'],
      total: 1,
    });
    expect(await list(manager, `${scope}&status=suspended`)).toEqual({
      ids: [suspended],
      statuses: ['suspended'],
      total: 1,
    });
    const r = await list(manager, `${scope}&status=revoked`);
    expect(r.ids).toEqual([revoked, suspendedThenRevoked].sort());
    expect(r.statuses).toEqual(['revoked', 'revoked']);
    expect(r.total).toBe(2);
    expect((await list(manager, scope)).total).toBe(4);
  });

  it('stays within the reader’s scope, and refuses an unknown status', async () => {
    expect(await list(otherManager, 'status=revoked')).toEqual({ ids: [], statuses: [], total: 0 });
    const res = await t.app.inject({ url: '/api/v1/awards?status=expired', headers: headers(manager) });
    expect(res.statusCode).toBe(400);
  });
});
