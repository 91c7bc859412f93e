import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../src/platform/audit/audit.js';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.js';
import { createTestApp, signIn, type TestApp } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('audit trail', () => {
  it('a fresh demo has an intact chain covering each account created', async () => {
    const verdict = await verifyAuditTrail(t.db);
    expect(verdict.ok).toBe(true);
    const creations = await t.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'user.create')
      .execute();
    expect(creations).toHaveLength(8);
  });

  it('records actor, action, entity, diff and request id of a change', async () => {
    const admin = await signIn(t.app, 'admin@demo.qualif.test');
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
      actor_label: 'admin@demo.qualif.test',
      action: 'user.create',
      entity_type: 'user',
      request_id: 'req-audit-1',
    });
    expect(row.diff).toMatchObject({ email: { after: 'audited@example.org' } });
    expect(JSON.stringify(row.diff)).not.toContain('password');
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
