import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/contracts/dates.js';
import { DEFAULT_JURY_RULES } from '../src/modules/candidates/domain/jury-rules.js';
import { isRuleBreach } from '../src/modules/candidates/jury-rules.service.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/** Jury composition rules (issue 13, point 1), jury members' college, the people lookup. */
let t: TestApp;
let f: Factories;
const branch = { a: '', b: '', c: '' };
let managerA: Signed;
let managerB: Signed;
let advisorA: Signed;
let managerAName = '';

const as = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const year = Number(today().slice(0, 4));

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  branch.a = (await f.newBranch()).id;
  branch.b = (await f.newBranch()).id;
  branch.c = (await f.newBranch()).id;
  const mA = await f.newUser('branch_manager', { branchId: branch.a }, { displayName: 'Manon Branche A' });
  managerAName = mA.displayName;
  managerA = await signIn(t.app, mA.email, TEST_PASSWORD);
  managerB = await signIn(
    t.app,
    (await f.newUser('branch_manager', { branchId: branch.b })).email,
    TEST_PASSWORD,
  );
  advisorA = await signIn(t.app, (await f.newUser('advisor', { branchId: branch.a })).email, TEST_PASSWORD);
});
afterAll(() => t?.close());

const post = (url: string, who: Signed, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: as(who), ...(payload ? { payload } : {}) });
const get = (url: string, who: Signed) => t.app.inject({ url, headers: as(who) });
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('a branch’s jury rules', () => {
  it('records versions by effective date, lists them newest first with the one in force, audited', async () => {
    const url = `/api/v1/branches/${branch.a}/jury-rules`;
    const first = await post(url, managerA, {
      effectiveFrom: '2024-01-01',
      content: DEFAULT_JURY_RULES,
      note: 'Accord de branche du 12 décembre 2023',
    });
    expect(first.statusCode, first.body).toBe(201);
    const stricter = {
      ...DEFAULT_JURY_RULES,
      colleges: { minPerCollege: 2, parity: true },
      votesRequired: true,
    };
    const second = await post(url, managerA, { effectiveFrom: '2025-06-01', content: stricter });
    expect(second.statusCode, second.body).toBe(201);
    const future = await post(url, managerA, {
      effectiveFrom: `${year + 5}-01-01`,
      content: DEFAULT_JURY_RULES,
    });
    expect(future.statusCode, future.body).toBe(201);

    const list = await get(url, managerA);
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    expect(body.items.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual([
      `${year + 5}-01-01`,
      '2025-06-01',
      '2024-01-01',
    ]);
    expect(body.inForce).toBe(second.json().id);
    expect(body.items[1]).toEqual({
      id: second.json().id,
      effectiveFrom: '2025-06-01',
      content: stricter,
      note: null,
      createdAt: expect.any(String),
      createdBy: managerAName,
    });
    expect(body.items[2].note).toBe('Accord de branche du 12 décembre 2023');
    // OPCO advisors of the branch read them.
    expect((await get(url, advisorA)).json().inForce).toBe(second.json().id);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', second.json().id)
      .execute();
    expect(audit).toEqual([{ action: 'jury_rules.create', entity_type: 'jury_rules' }]);
  });

  it('refuses a second version on the same date (409) and a bad content naming its path (422, French)', async () => {
    const url = `/api/v1/branches/${branch.b}/jury-rules`;
    expect(
      (await post(url, managerB, { effectiveFrom: '2024-03-01', content: DEFAULT_JURY_RULES })).statusCode,
    ).toBe(201);
    const again = await post(url, managerB, { effectiveFrom: '2024-03-01', content: DEFAULT_JURY_RULES });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('2024-03-01');

    const bad = await post(url, managerB, {
      effectiveFrom: '2024-04-01',
      content: {
        ...DEFAULT_JURY_RULES,
        colleges: { minPerCollege: 0, parity: true },
        reminderAfterDays: 400,
        blocValidityYears: 0,
        majority: 'relative',
      },
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(fields(bad.json()).sort()).toEqual([
      'content.blocValidityYears',
      'content.colleges.minPerCollege',
      'content.majority',
      'content.reminderAfterDays',
    ]);
    expect(bad.json().errors[0].detail).toMatch(/[Aa]u (moins|plus)|Valeur|attendu/);
    const missing = await post(url, managerB, { effectiveFrom: '2024-04-01', content: { colleges: {} } });
    expect(missing.statusCode).toBe(422);
    expect(fields(missing.json())).toEqual(
      expect.arrayContaining(['content.colleges.minPerCollege', 'content.quorum', 'content.signatures']),
    );
    // Nothing was recorded by the refused requests.
    expect((await get(url, managerB)).json().items).toHaveLength(1);
  });

  it('is read and written by the branch’s staff only: 404 for another branch, 403 for an advisor writing', async () => {
    const url = `/api/v1/branches/${branch.a}/jury-rules`;
    expect((await get(url, managerB)).statusCode).toBe(404);
    expect(
      (await post(url, managerB, { effectiveFrom: '2030-01-01', content: DEFAULT_JURY_RULES })).statusCode,
    ).toBe(404);
    expect(
      (await post(url, advisorA, { effectiveFrom: '2030-01-01', content: DEFAULT_JURY_RULES })).statusCode,
    ).toBe(403);
    expect((await get(`/api/v1/branches/${crypto.randomUUID()}/jury-rules`, managerA)).statusCode).toBe(404);
  });

  it('never updates nor deletes a version (the database refuses it)', async () => {
    const { id } = await f.newJuryRules(branch.c, { effectiveFrom: '2022-01-01' });
    await expect(sql`update jury_rules set note = 'changed' where id = ${id}`.execute(t.db)).rejects.toThrow(
      /never updated nor deleted/,
    );
    await expect(sql`delete from jury_rules where id = ${id}`.execute(t.db)).rejects.toThrow(
      /never updated nor deleted/,
    );
  });
});

describe('rulesFor: the rules a session follows on its date', () => {
  it('the convening branch’s version in force on the date; none → a breach naming rules', async () => {
    const b = (await f.newBranch()).id;
    const cert = (await f.newCertification([b])).id;
    const none = await t.services.juryRules.rulesFor(
      { conveningBranchId: b, certificationIds: [cert] },
      '2026-05-01',
    );
    expect(isRuleBreach(none) && none.rule).toBe('rules');
    const old = await f.newJuryRules(b, { effectiveFrom: '2024-01-01' });
    const later = await f.newJuryRules(b, {
      effectiveFrom: '2026-01-01',
      content: { remoteAllowed: false },
    });
    const on2025 = await t.services.juryRules.rulesFor(
      { conveningBranchId: b, certificationIds: [cert] },
      '2025-12-31',
    );
    expect(on2025).toEqual({ id: old.id, content: DEFAULT_JURY_RULES, effectiveFrom: '2024-01-01' });
    const on2026 = await t.services.juryRules.rulesFor(
      { conveningBranchId: b, certificationIds: [cert] },
      '2026-01-01',
    );
    expect(on2026).toEqual({
      id: later.id,
      content: { ...DEFAULT_JURY_RULES, remoteAllowed: false },
      effectiveFrom: '2026-01-01',
    });
    const before = await t.services.juryRules.rulesFor(
      { conveningBranchId: b, certificationIds: [cert] },
      '2023-12-31',
    );
    expect(isRuleBreach(before)).toBe(true);
  });

  it('a CQPI alone follows its own rules once every other branch accepted them; mixed with another, the convening branch’s', async () => {
    const [x, y, z] = [(await f.newBranch()).id, (await f.newBranch()).id, (await f.newBranch()).id];
    const cqpi = (await f.newCertification([x, y, z])).id;
    const cqp = (await f.newCertification([x])).id;
    const own = await f.newJuryRules(x, { effectiveFrom: '2024-01-01', content: { majority: 'two_thirds' } });
    const set = await f.newJuryRules(x, {
      certificationId: cqpi,
      effectiveFrom: '2025-01-01',
      content: { majority: 'unanimity' },
    });
    const rulesFor = (ids: string[]) =>
      t.services.juryRules.rulesFor({ conveningBranchId: x, certificationIds: ids }, '2026-03-01');
    const pending = await rulesFor([cqpi]);
    expect(isRuleBreach(pending) && pending.rule).toBe('rules');
    await t.services.juryRules.accept(cqpi, set.id, await managerOf(y), 'test');
    expect(isRuleBreach(await rulesFor([cqpi]))).toBe(true);
    await t.services.juryRules.accept(cqpi, set.id, await managerOf(z), 'test');
    expect(await rulesFor([cqpi])).toEqual({
      id: set.id,
      content: { ...DEFAULT_JURY_RULES, majority: 'unanimity' },
      effectiveFrom: '2025-01-01',
    });
    expect(((await rulesFor([cqpi, cqp])) as { id: string }).id).toBe(own.id);
    expect(((await rulesFor([cqp])) as { id: string }).id).toBe(own.id);
  });
});

/** An Actor managing this branch, as the services see a signed-in manager. */
async function managerOf(branchId: string) {
  const user = await f.newUser('branch_manager', { branchId });
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    grants: [{ role: 'branch_manager' as const, scope: { type: 'branch' as const, id: branchId } }],
    sessionId: '',
    csrfToken: '',
    sessionExpiresAt: new Date(Date.now() + 3_600_000),
  };
}

describe('a CQPI’s jury rules', () => {
  it('set by one of its branches, accepted by each other one, audited; in force once all accepted', async () => {
    const cqpi = (await f.newCertification([branch.a, branch.b])).id;
    const url = `/api/v1/certifications/${cqpi}/jury-rules`;
    const created = await post(url, managerA, { effectiveFrom: '2025-01-01', content: DEFAULT_JURY_RULES });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    let list = (await get(url, managerB)).json();
    expect(list.inForce).toBeNull();
    expect(list.items).toEqual([
      expect.objectContaining({
        id,
        branchId: branch.a,
        accepted: false,
        acceptances: [expect.objectContaining({ branchId: branch.b, acceptedAt: null })],
        createdBy: managerAName,
      }),
    ]);

    // The branch that set them does not accept its own rules; the other one does, once.
    expect((await post(`${url}/${id}/acceptance`, managerA)).statusCode).toBe(403);
    const accepted = await post(`${url}/${id}/acceptance`, managerB);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toEqual({ id, accepted: true });
    expect((await post(`${url}/${id}/acceptance`, managerB)).statusCode).toBe(409);

    list = (await get(url, managerA)).json();
    expect(list.inForce).toBe(id);
    expect(list.items[0].accepted).toBe(true);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['jury_rules.create', 'jury_rules.accept']);
  });

  it('404 for a branch that does not own it; 422 for a CQP (its branch’s rules apply); 404 for an unknown version', async () => {
    const cqpi = (await f.newCertification([branch.a, branch.c])).id;
    const url = `/api/v1/certifications/${cqpi}/jury-rules`;
    expect((await get(url, managerB)).statusCode).toBe(404);
    expect(
      (await post(url, managerB, { effectiveFrom: '2025-01-01', content: DEFAULT_JURY_RULES })).statusCode,
    ).toBe(404);
    expect((await post(`${url}/${crypto.randomUUID()}/acceptance`, managerA)).statusCode).toBe(404);
    const cqp = (await f.newCertification([branch.a])).id;
    const refused = await post(`/api/v1/certifications/${cqp}/jury-rules`, managerA, {
      effectiveFrom: '2025-01-01',
      content: DEFAULT_JURY_RULES,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('CQPI');
  });
});

describe('jury members’ habilitations and the people lookup', () => {
  it('a jury_member habilitation needs college and designatedBy (422 naming them); other kinds refuse them', async () => {
    const cert = (await f.newCertification([branch.a])).id;
    const member = await f.newUser('jury_member');
    const evaluator = await f.newUser('evaluator');
    const url = `/api/v1/certifications/${cert}/habilitations`;
    const dates = { validFrom: '2025-01-01', validTo: `${year + 1}-12-31` };
    const missing = await post(url, managerA, { kind: 'jury_member', userId: member.id, ...dates });
    expect(missing.statusCode).toBe(422);
    expect(fields(missing.json()).sort()).toEqual(['college', 'designatedBy']);
    const extra = await post(url, managerA, {
      kind: 'evaluator',
      userId: evaluator.id,
      college: 'employers',
      designatedBy: 'Fédération',
      ...dates,
    });
    expect(extra.statusCode).toBe(422);
    expect(fields(extra.json()).sort()).toEqual(['college', 'designatedBy']);
    const badCollege = await post(url, managerA, {
      kind: 'jury_member',
      userId: member.id,
      college: 'students',
      designatedBy: 'x'.repeat(201),
      ...dates,
    });
    expect(badCollege.statusCode).toBe(400);
    expect(fields(badCollege.json()).sort()).toEqual(['college', 'designatedBy']);
    const ok = await post(url, managerA, {
      kind: 'jury_member',
      userId: member.id,
      college: 'employees',
      designatedBy: '  Syndicat CFDT Services  ',
      ...dates,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const list = (await get(url, managerA)).json().items;
    expect(list).toEqual([
      expect.objectContaining({
        kind: 'jury_member',
        userId: member.id,
        college: 'employees',
        designatedBy: 'Syndicat CFDT Services',
      }),
    ]);
  });

  it('GET /people?role=jury_member&certificationId= answers those habilitated on the date, with college and organisation', async () => {
    const cert = (await f.newCertification([branch.a])).id;
    const other = (await f.newCertification([branch.a])).id;
    const emma = await f.newJuryMember([cert, other], 'employers', 'Fédération A', {
      displayName: 'Emma Employeurs',
    });
    const sam = await f.newJuryMember(cert, 'employees', 'Syndicat B', { displayName: 'Sam Salariés' });
    const expired = await f.newUser('jury_member', {}, { displayName: 'Ancien Juré' });
    await f.newHabilitation(
      cert,
      { userId: expired.id, kind: 'jury_member', college: 'employers', designatedBy: 'Fédération A' },
      { validFrom: '2020-01-01', validTo: '2021-12-31' },
    );
    const people = async (query: string, who: Signed = managerA) => {
      const res = await get(`/api/v1/people?${query}`, who);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items;
    };
    expect(await people(`role=jury_member&certificationId=${cert}`)).toEqual([
      {
        id: emma.id,
        name: 'Emma Employeurs',
        email: emma.email,
        college: 'employers',
        organisation: 'Fédération A',
      },
      {
        id: sam.id,
        name: 'Sam Salariés',
        email: sam.email,
        college: 'employees',
        organisation: 'Syndicat B',
      },
    ]);
    expect(
      (await people(`role=jury_member&certificationId=${cert}&on=2021-06-01`)).map(
        (p: { id: string }) => p.id,
      ),
    ).toEqual([expired.id]);
    expect(
      (await people(`role=jury_member&certificationId=${cert}&q=sam`)).map((p: { id: string }) => p.id),
    ).toEqual([sam.id]);
    // Every certification of a session: only those habilitated for all of them.
    const both = await t.services.catalogue.habilitations.juryMembersOn([cert, other], today());
    expect(both).toEqual([{ userId: emma.id, college: 'employers', designatedBy: 'Fédération A' }]);

    // Another branch's manager does not see the certification's people: 404.
    expect((await get(`/api/v1/people?role=jury_member&certificationId=${cert}`, managerB)).statusCode).toBe(
      404,
    );
    expect(
      (await get(`/api/v1/people?role=jury_member&certificationId=${crypto.randomUUID()}`, managerA))
        .statusCode,
    ).toBe(404);
    const evaluators = await get(`/api/v1/people?role=evaluator&certificationId=${cert}`, managerA);
    expect(evaluators.statusCode).toBe(422);
    expect(fields(evaluators.json())).toEqual(['certificationId']);
    // Without certificationId, the accounts to habilitate, as before.
    const plain = await people('role=jury_member&q=Emma');
    expect(plain).toEqual([{ id: emma.id, displayName: 'Emma Employeurs', email: emma.email }]);
  });
});
