import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * CQPI co-ownership: naming a branch one does not manage invites it; it manages the
 * certification only once it accepts. Admins bypass the invitation, audited.
 */
let t: TestApp;
let f: Factories;
let managerA: Signed;
let managerB: Signed;
let admin: Signed;
const branch = { A: '', B: '', C: '' };

const as = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

function cqpi(branchIds: string[], code = `CQPI-${Math.random().toString(36).slice(2, 8)}`.toUpperCase()) {
  return {
    kind: 'CQPI',
    code,
    title: 'Logisticien·ne interbranches',
    branchIds,
    legalOwner: { name: 'Association paritaire de test', siret: '73282932000074' },
    romeCodes: ['N1103'],
    nsfCodes: [],
    formacodeCodes: [],
    description: 'Un CQPI de test.',
    jobsTargeted: 'Logisticien',
  };
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  branch.A = (await f.newBranch()).id;
  branch.B = (await f.newBranch()).id;
  branch.C = (await f.newBranch()).id;
  const a = await f.newUser('branch_manager', { branchId: branch.A });
  const b = await f.newUser('branch_manager', { branchId: branch.B });
  const adm = await f.newUser('admin');
  managerA = await signIn(t.app, a.email, TEST_PASSWORD);
  managerB = await signIn(t.app, b.email, TEST_PASSWORD);
  admin = await signIn(t.app, adm.email, TEST_PASSWORD);
});
afterAll(() => t?.close());

async function create(s: Signed, body: ReturnType<typeof cqpi>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/certifications', headers: as(s), payload: body });
}
async function certification(s: Signed | null, id: string) {
  const res = await t.app.inject({ url: `/api/v1/certifications/${id}`, headers: s ? as(s) : {} });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    branches: { id: string }[];
    invitedBranches?: { id: string }[];
    can?: Record<string, boolean>;
  };
}
async function invitations(s: Signed, status = 'pending') {
  const res = await t.app.inject({
    url: `/api/v1/co-ownership-invitations?status=${status}`,
    headers: as(s),
  });
  expect(res.statusCode, res.body).toBe(200);
  return (
    res.json() as {
      items: {
        id: string;
        certification: { id: string };
        branch: { id: string };
        can: { answer: boolean };
      }[];
    }
  ).items;
}

describe('CQPI co-ownership', () => {
  it('a manager naming another branch invites it; the invited branch manages it only once it accepts', async () => {
    const created = await create(managerA, cqpi([branch.A, branch.B]));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };

    // A draft: the public does not see it; B's manager, invited, reads it: only A co-owns it.
    expect((await t.app.inject({ url: `/api/v1/certifications/${id}` })).statusCode).toBe(404);
    expect((await certification(managerB, id)).branches.map((b) => b.id)).toEqual([branch.A]);
    expect((await certification(managerA, id)).invitedBranches?.map((b) => b.id)).toEqual([branch.B]);
    expect((await certification(managerB, id)).can?.update).toBe(false);

    // B cannot change it yet: it may read it (invited), not change it.
    const early = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/certifications/${id}`,
      headers: as(managerB),
      payload: cqpi([branch.A, branch.B], 'CQPI-CHANGE'),
    });
    expect(early.statusCode).toBe(403);

    // A sees the invitation it sent but cannot answer it; B can.
    const sent = (await invitations(managerA)).find((i) => i.certification.id === id);
    expect(sent).toMatchObject({ branch: { id: branch.B }, can: { answer: false } });
    const received = (await invitations(managerB)).find((i) => i.certification.id === id);
    expect(received?.can.answer).toBe(true);
    const byA = await t.app.inject({
      method: 'POST',
      url: `/api/v1/co-ownership-invitations/${received?.id}/accept`,
      headers: as(managerA),
    });
    expect(byA.statusCode).toBe(403);

    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/co-ownership-invitations/${received?.id}/accept`,
      headers: as(managerB),
    });
    expect(accepted.statusCode, accepted.body).toBe(204);
    const after = await certification(managerB, id);
    expect(after.branches.map((b) => b.id).sort()).toEqual([branch.A, branch.B].sort());
    expect(after.can?.update).toBe(true);

    // Answered once: a second answer is a conflict.
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/co-ownership-invitations/${received?.id}/decline`,
      headers: as(managerB),
    });
    expect(again.statusCode).toBe(409);

    // Audited, with branch ids only.
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'diff'])
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['certification.create', 'certification.co_ownership.accept']);
    expect(JSON.stringify(audit[0]?.diff)).toContain(branch.B);
    expect(JSON.stringify(audit[0]?.diff)).toContain('invitations');
  });

  it('a declined invitation leaves the branch out', async () => {
    const { id } = (await create(managerA, cqpi([branch.A, branch.C]))).json() as { id: string };
    const [invitation] = (await invitations(admin)).filter((i) => i.certification.id === id);
    // B's manager is not concerned: the invitation is as unknown to them.
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/v1/co-ownership-invitations/${invitation?.id}/decline`,
      headers: as(managerB),
    });
    expect(stranger.statusCode).toBe(404);
    const declined = await t.app.inject({
      method: 'POST',
      url: `/api/v1/co-ownership-invitations/${invitation?.id}/decline`,
      headers: as(admin),
    });
    expect(declined.statusCode).toBe(204);
    const cert = await certification(admin, id);
    expect(cert.branches.map((b) => b.id)).toEqual([branch.A]);
    expect(cert.invitedBranches).toEqual([]);
  });

  it('naming only branches one does not manage is refused with 422 naming each field', async () => {
    const res = await create(managerA, cqpi([branch.B, branch.C]));
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'branchIds.0',
      'branchIds.1',
    ]);
  });

  it('a co-owner that accepted cannot be taken off by another branch; it may leave by itself', async () => {
    const id = (await f.newCertification([branch.A, branch.B])).id; // by the system: both co-own it
    const cert = await certification(managerA, id);
    expect(cert.branches).toHaveLength(2);
    const removeB = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/certifications/${id}`,
      headers: as(managerA),
      payload: cqpi([branch.A, branch.C], 'CQPI-KEEP-B'),
    });
    expect(removeB.statusCode).toBe(422);
    expect(removeB.json().errors).toEqual([
      expect.objectContaining({ field: 'branchIds', detail: expect.stringContaining('co-porte') }),
    ]);
  });

  it('an admin names branches directly (no invitation), audited', async () => {
    const res = await create(admin, cqpi([branch.B, branch.C]));
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };
    expect((await certification(admin, id)).branches).toHaveLength(2);
    const [row] = await t.db
      .selectFrom('audit_events')
      .select(['action', 'diff'])
      .where('entity_id', '=', id)
      .execute();
    const diff = JSON.stringify(row?.diff);
    expect(diff).toContain('owners');
    for (const b of [branch.B, branch.C]) expect(diff).toContain(b);
  });
});
