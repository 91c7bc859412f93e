import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * Equivalences between blocs of two certifications (issue 13, point 5), declared by the managers
 * of the certification that receives the bloc, on a real database through HTTP: both codes must
 * be blocs of the published frameworks, an equivalence is declared once, the other branch reads
 * them but may not declare, a withdrawal is audited. Carrying through them at a session's close
 * is test/awards.test.ts's.
 */
let t: TestApp;
let f: Factories;
let managerA: Signed;
let managerB: Signed;
let certA: { id: string; code: string };
let certB: { id: string; code: string };

const headers = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const declare = (who: Signed, payload: Record<string, unknown>, into = certA.id) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/certifications/${into}/bloc-equivalences`,
    headers: headers(who),
    payload,
  });

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const branchA = await f.newBranch();
  const branchB = await f.newBranch();
  certA = await f.newCertification([branchA.id]);
  certB = await f.newCertification([branchB.id]);
  await f.newFrameworkVersion(certA.id, { publish: true });
  await f.newFrameworkVersion(certB.id, { publish: true });
  const sign = async (branchId: string) =>
    signIn(t.app, (await f.newUser('branch_manager', { branchId })).email, TEST_PASSWORD);
  managerA = await sign(branchA.id);
  managerB = await sign(branchB.id);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('bloc equivalences', () => {
  let id: string;

  it('are declared by the receiving certification’s managers, once', async () => {
    const res = await declare(managerA, {
      fromCertificationId: certB.id,
      fromBlocCode: 'BC01',
      toBlocCode: 'BC02',
      note: 'Accord des deux CPNE (test)',
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const again = await declare(managerA, {
      fromCertificationId: certB.id,
      fromBlocCode: 'BC01',
      toBlocCode: 'BC02',
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['bloc_equivalence.create']);
  });

  it('are read from both certifications, by anyone, with codes and titles', async () => {
    for (const cert of [certA, certB]) {
      const res = await t.app.inject({ url: `/api/v1/certifications/${cert.id}/bloc-equivalences` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        items: [
          {
            id,
            from: { id: certB.id, code: certB.code, blocCode: 'BC01' },
            to: { id: certA.id, code: certA.code, blocCode: 'BC02' },
            note: 'Accord des deux CPNE (test)',
          },
        ],
        can: { declare: false },
      });
    }
    const mine = await t.app.inject({
      url: `/api/v1/certifications/${certA.id}/bloc-equivalences`,
      headers: headers(managerA),
    });
    expect(mine.json().can).toEqual({ declare: true });
  });

  it('name the field that is wrong', async () => {
    const unknownBloc = await declare(managerA, {
      fromCertificationId: certB.id,
      fromBlocCode: 'BC99',
      toBlocCode: 'BC77',
    });
    expect(unknownBloc.statusCode).toBe(422);
    expect(unknownBloc.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '#/fromBlocCode',
      '#/toBlocCode',
    ]);
    const itself = await declare(managerA, {
      fromCertificationId: certA.id,
      fromBlocCode: 'BC01',
      toBlocCode: 'BC02',
    });
    expect(itself.statusCode).toBe(422);
    expect(itself.json().errors[0].pointer).toBe('#/fromCertificationId');
    const draft = await f.newCertification([(await f.newBranch()).id], {}, { status: 'draft' });
    const hidden = await declare(managerA, {
      fromCertificationId: draft.id,
      fromBlocCode: 'BC01',
      toBlocCode: 'BC02',
    });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors[0].pointer).toBe('#/fromCertificationId');
  });

  it('are not declared nor withdrawn by another branch', async () => {
    const res = await declare(managerB, {
      fromCertificationId: certB.id,
      fromBlocCode: 'BC02',
      toBlocCode: 'BC02',
    });
    expect(res.statusCode).toBe(403);
    const withdraw = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/certifications/${certA.id}/bloc-equivalences/${id}`,
      headers: headers(managerB),
    });
    expect(withdraw.statusCode).toBe(403);
  });

  it('are withdrawn by the receiving certification’s managers, audited', async () => {
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/certifications/${certA.id}/bloc-equivalences/${id}`,
      headers: headers(managerA),
    });
    expect(res.statusCode, res.body).toBe(204);
    const list = await t.app.inject({ url: `/api/v1/certifications/${certA.id}/bloc-equivalences` });
    expect(list.json().items).toEqual([]);
    const gone = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/certifications/${certA.id}/bloc-equivalences/${id}`,
      headers: headers(managerA),
    });
    expect(gone.statusCode).toBe(404);
  });
});
