import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../src/platform/audit/audit.js';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, signIn, type TestApp } from './support.js';

let t: TestApp;
let accounts: Awaited<ReturnType<Factories['newAccountPerRole']>>['accounts'];
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  ({ accounts } = await factories(t.services).newAccountPerRole());
});
afterAll(() => t?.close());

const signInAdmin = () => signIn(t.app, accounts.admin.email, TEST_PASSWORD);

describe('audit trail', () => {
  it('a fresh database has an intact chain covering each account created', async () => {
    const verdict = await verifyAuditTrail(t.db);
    expect(verdict.ok).toBe(true);
    const creations = await t.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'user.create')
      .execute();
    expect(creations.map((c) => c.entity_id).sort()).toEqual(
      Object.values(accounts)
        .map((a) => a.id)
        .sort(),
    );
  });

  it('records actor, action, entity, diff and request id of a change', async () => {
    const admin = await signInAdmin();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'x-request-id': 'req-audit-1' },
      payload: { email: 'audited@example.org', displayName: 'Audité', grants: [{ role: 'candidate' }] },
    });
    expect(res.statusCode).toBe(201);
    const row = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      actor_user_id: (admin.body.user as { id: string }).id,
      actor_label: 'user',
      action: 'user.create',
      entity_type: 'user',
      request_id: 'req-audit-1',
    });
    expect(row.diff).toMatchObject({
      email: { changed: true },
      displayName: { changed: true },
      grants: { after: [{ role: 'candidate' }] },
    });
    expect(JSON.stringify(row.diff)).not.toContain('password');
  });

  it('keeps no personal value: a person can be erased without touching the chain', async () => {
    const admin = await signInAdmin();
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const email = 'heloise.quintard-7q3@example.org';
    const name = 'Héloïse Quintard-Vasseur';
    const cpneMember = 'Anatole Brisebarre';
    const branch = await t.app.inject({
      method: 'POST',
      url: '/api/v1/branches',
      headers,
      payload: {
        name: 'Branche de l’audit',
        cpneMembers: [{ college: 'employees', personName: cpneMember, organisationName: 'CFDT' }],
      },
    });
    expect(branch.statusCode).toBe(201);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: {
        email,
        displayName: name,
        password: 'Un mot de passe assez long 42',
        grants: [{ role: 'branch_manager', branchId: branch.json().id }],
      },
    });
    expect(created.statusCode).toBe(201);
    const userId = created.json().id;
    // The person signs in and out: the chain records their sessions under their id.
    const person = await signIn(t.app, email, 'Un mot de passe assez long 42');
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: person.cookie, 'x-csrf-token': person.csrf },
    });
    expect(logout.statusCode).toBeLessThan(300);

    const { rows } = await sql<{ text: string }>`select a::text as text from audit_events a`.execute(t.db);
    const chain = rows.map((r) => r.text).join('\n');
    expect(chain).toContain(userId);
    for (const value of [email, name, 'Quintard', cpneMember, 'Brisebarre', accounts.admin.email]) {
      expect(chain).not.toContain(value);
    }
    // No email at all: every row of this database was written under the rule.
    expect(chain).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true });

    // The journal names the person by their current name, looked up at read time.
    const journal = await t.app.inject({
      url: '/api/v1/audit?pageSize=200',
      headers: { cookie: admin.cookie },
    });
    expect(journal.statusCode).toBe(200);
    const theirs = journal
      .json()
      .items.filter((e: { actorUserId: string | null }) => e.actorUserId === userId);
    expect(theirs.map((e: { action: string }) => e.action)).toContain('session.open');
    expect(new Set(theirs.map((e: { actorLabel: string }) => e.actorLabel))).toEqual(new Set([name]));
    const byAdmin = journal.json().items.find((e: { entityId: string }) => e.entityId === userId);
    expect(byAdmin).toMatchObject({
      action: 'user.create',
      actorUserId: (admin.body.user as { id: string }).id,
    });
    expect(byAdmin.actorLabel).not.toContain('@');
    const bySystem = journal.json().items.find((e: { actorUserId: string | null }) => e.actorUserId === null);
    expect(bySystem?.actorLabel).toBe('Système');
  });

  it('a change that fails leaves no audit row (same transaction)', async () => {
    const before = await count();
    await expect(
      t.services.users.createUser(
        {
          email: 'ghost@example.org',
          displayName: 'Ghost',
          grants: [{ role: 'branch_manager', branchId: '00000000-0000-4000-8000-000000000000' }],
        },
        SYSTEM_ACTOR,
      ),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
    expect(
      await t.db.selectFrom('users').select('id').where('email', '=', 'ghost@example.org').executeTakeFirst(),
    ).toBe(undefined);
  });

  it('concurrent writers keep one intact chain', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.services.users.createUser(
          { email: `parallel${i}@example.org`, displayName: `P${i}`, grants: [{ role: 'candidate' }] },
          SYSTEM_ACTOR,
        ),
      ),
    );
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true });
  });

  it('fails, naming the row, when one row is changed with SQL', async () => {
    const target = await t.db
      .selectFrom('audit_events')
      .select('id')
      .orderBy('id')
      .offset(3)
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update audit_events set actor_label = 'intruder' where id = ${target.id}`.execute(t.db);
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: false, firstBadId: Number(target.id) });
    await sql`update audit_events set actor_label = 'system' where id = ${target.id}`.execute(t.db);
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true });
  });

  it('fails when a row is removed', async () => {
    const rows = await t.db.selectFrom('audit_events').select('id').orderBy('id').limit(3).execute();
    await sql`delete from audit_events where id = ${rows[1]?.id}`.execute(t.db);
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: false, firstBadId: Number(rows[2]?.id) });
  });

  async function count() {
    const r = await t.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
});
