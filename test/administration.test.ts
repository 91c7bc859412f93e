import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Factories, factories, newSiret, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * Administration through the API: accounts (search, invitation, roles and scopes,
 * deactivation), organisations' updates, and the audit journal's filters and detail.
 */
let t: TestApp;
let f: Factories;
let admin: Signed;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const account = await f.newUser('admin', {}, { displayName: 'Admine Principale' });
  adminId = account.id;
  admin = await signIn(t.app, account.email, TEST_PASSWORD);
});
afterAll(() => t?.close());

function as(s: Signed, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function outboxTo(address: string) {
  return t.db
    .selectFrom('mail_outbox')
    .select(['subject', 'body_text'])
    .where('recipient', '=', address)
    .orderBy('created_at', 'desc')
    .execute();
}

async function auditOf(query: string) {
  const res = await as(admin, 'GET', `/api/v1/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; action: string; entityId: string; actorLabel: string }[];
    total: number;
  };
}

describe('accounts', () => {
  it('searches by name or address, a page at a time', async () => {
    const tag = `zq${Date.now().toString(36)}`;
    for (const n of [1, 2, 3]) await f.newUser('candidate', {}, { displayName: `Personne ${tag} ${n}` });
    await f.newUser('candidate', {}, { email: `${tag}@exemple.qualif.test` });
    const page1 = await as(admin, 'GET', `/api/v1/users?q=${tag.toUpperCase()}&pageSize=3`);
    expect(page1.statusCode).toBe(200);
    expect(page1.json()).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(page1.json().items).toHaveLength(3);
    const page2 = await as(admin, 'GET', `/api/v1/users?q=${tag}&pageSize=3&page=2`);
    expect(page2.json().items).toHaveLength(1);
    // Wildcards are searched as characters, not patterns.
    const none = await as(admin, 'GET', '/api/v1/users?q=%25_%25');
    expect(none.json().total).toBe(0);
  });

  it('invites a new account by email: the link lets the person choose a password and sign in', async () => {
    const branch = await f.newBranch();
    const address = `invitee-${Date.now().toString(36)}@test.qualif.test`;
    const created = await as(admin, 'POST', '/api/v1/users', {
      email: address,
      displayName: 'Inès Invitée',
      invite: true,
      grants: [{ role: 'branch_manager', branchId: branch.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const [mail, ...more] = await outboxTo(address);
    expect(more).toEqual([]);
    expect(mail?.subject).toMatch(/compte est prêt/);
    const token = /reinitialiser-mot-de-passe\?token=([\w-]+)/.exec(mail?.body_text ?? '')?.[1];
    expect(token).toBeTruthy();
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'Un-mot-de-passe-choisi-2026!' },
    });
    expect(set.statusCode, set.body).toBeLessThan(300);
    const signed = await signIn(t.app, address, 'Un-mot-de-passe-choisi-2026!');
    expect((signed.body as { roles: { role: string }[] }).roles).toMatchObject([{ role: 'branch_manager' }]);
    // The journal says an invitation was sent, never to which address.
    const journal = await auditOf(`entityType=user&entityId=${created.json().id}`);
    expect(journal.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.invite', 'user.password_reset']),
    );
    const rows = await t.db
      .selectFrom('audit_events')
      .select('diff')
      .where('entity_id', '=', created.json().id)
      .execute();
    expect(JSON.stringify(rows)).not.toContain(address);
    expect(JSON.stringify(rows)).not.toContain('Inès');
  });

  it('refuses an invitation with a password, and an invitation to a deactivated account', async () => {
    const both = await as(admin, 'POST', '/api/v1/users', {
      email: `both-${Date.now().toString(36)}@test.qualif.test`,
      displayName: 'Deux fois',
      password: TEST_PASSWORD,
      invite: true,
      grants: [{ role: 'candidate' }],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors.map((e: { field: string }) => e.field)).toContain('invite');
    const user = await f.newUser('candidate');
    await as(admin, 'PUT', `/api/v1/users/${user.id}/active`, { isActive: false });
    const refused = await as(admin, 'POST', `/api/v1/users/${user.id}/invitation`);
    expect(refused.statusCode).toBe(422);
    expect(await outboxTo(user.email)).toEqual([]);
    await as(admin, 'PUT', `/api/v1/users/${user.id}/active`, { isActive: true });
    const sent = await as(admin, 'POST', `/api/v1/users/${user.id}/invitation`);
    expect(sent.statusCode).toBe(204);
    expect(await outboxTo(user.email)).toHaveLength(1);
  });

  it('replaces roles and scopes; the person’s open session sees them at its next request', async () => {
    const [a, b] = [await f.newBranch(), await f.newBranch()];
    const user = await f.newUser('branch_manager', { branchId: a.id });
    const session = await signIn(t.app, user.email, TEST_PASSWORD);
    const me = async () =>
      (await as(session, 'GET', '/api/v1/me')).json() as {
        roles: { role: string; scope: { id?: string } }[];
      };
    expect((await me()).roles).toMatchObject([{ role: 'branch_manager', scope: { id: a.id } }]);
    const changed = await as(admin, 'PUT', `/api/v1/users/${user.id}/grants`, {
      grants: [{ role: 'branch_manager', branchId: b.id }, { role: 'evaluator' }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().roles).toMatchObject([
      { role: 'branch_manager', scope: { type: 'branch', id: b.id, label: b.name } },
      { role: 'evaluator', scope: { type: 'self' } },
    ]);
    expect((await me()).roles.map((g) => g.scope.id ?? g.role)).toEqual([b.id, 'evaluator']);
    const unknown = await as(admin, 'PUT', `/api/v1/users/${user.id}/grants`, {
      grants: [{ role: 'advisor', branchId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].pointer).toBe('#/grants/0/branchId');
    const noScope = await as(admin, 'PUT', `/api/v1/users/${user.id}/grants`, {
      grants: [{ role: 'advisor' }],
    });
    expect(noScope.statusCode).toBe(422);
    expect(noScope.json().errors[0].pointer).toBe('#/grants/0/branchId');
  });

  it('keeps an admin from removing their own admin role or deactivating themselves', async () => {
    const own = await as(admin, 'PUT', `/api/v1/users/${adminId}/grants`, {
      grants: [{ role: 'candidate' }],
    });
    expect(own.statusCode).toBe(422);
    const off = await as(admin, 'PUT', `/api/v1/users/${adminId}/active`, { isActive: false });
    expect(off.statusCode).toBe(422);
    expect((await as(admin, 'GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('deactivation ends every open session at once and refuses sign-in; reactivation allows it again', async () => {
    const user = await f.newUser('employer', { organisationId: (await f.newOrganisation('employer')).id });
    const s1 = await signIn(t.app, user.email, TEST_PASSWORD);
    const s2 = await signIn(t.app, user.email, TEST_PASSWORD);
    // Both sessions resolved once, so the process has them in its cache.
    for (const s of [s1, s2]) expect((await as(s, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const off = await as(admin, 'PUT', `/api/v1/users/${user.id}/active`, { isActive: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().isActive).toBe(false);
    for (const s of [s1, s2]) expect((await as(s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const open = await t.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
    await as(admin, 'PUT', `/api/v1/users/${user.id}/active`, { isActive: true });
    await signIn(t.app, user.email, TEST_PASSWORD);
    const journal = await auditOf(`entityId=${user.id}`);
    expect(journal.items.map((i) => i.action).slice(0, 2)).toEqual(['user.reactivate', 'user.deactivate']);
  });

  it('answers 404 for an unknown account', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect((await as(admin, 'PUT', `/api/v1/users/${id}/active`, { isActive: false })).statusCode).toBe(404);
    expect(
      (await as(admin, 'PUT', `/api/v1/users/${id}/grants`, { grants: [{ role: 'candidate' }] })).statusCode,
    ).toBe(404);
    expect((await as(admin, 'POST', `/api/v1/users/${id}/invitation`)).statusCode).toBe(404);
  });
});

describe('organisations', () => {
  it('updates one with its SIRET checked and unique, NDA and Qualiopi date for training organisations', async () => {
    const org = await f.newOrganisation('training_org');
    const other = await f.newOrganisation('employer');
    const siret = newSiret();
    const body = {
      kind: 'training_org',
      name: 'Organisme renommé',
      siret,
      ndaNumber: '11755555575',
      qualiopiExpiresOn: '2027-06-30',
    };
    const ok = await as(admin, 'PUT', `/api/v1/organisations/${org.id}`, body);
    expect(ok.statusCode, ok.body).toBe(204);
    const list = await as(admin, 'GET', '/api/v1/organisations?kind=training_org&pageSize=200');
    expect(list.json().items.find((o: { id: string }) => o.id === org.id)).toMatchObject({
      name: 'Organisme renommé',
      siret,
      ndaNumber: '11755555575',
      qualiopiExpiresOn: '2027-06-30',
    });
    const badSiret = await as(admin, 'PUT', `/api/v1/organisations/${org.id}`, {
      ...body,
      siret: '12345678901234',
    });
    expect(badSiret.statusCode).toBe(422);
    expect(badSiret.json().errors[0].field).toBe('siret');
    const otherSiret = (
      await t.db
        .selectFrom('organisations')
        .select('siret')
        .where('id', '=', other.id)
        .executeTakeFirstOrThrow()
    ).siret;
    const clash = await as(admin, 'PUT', `/api/v1/organisations/${org.id}`, { ...body, siret: otherSiret });
    expect(clash.statusCode).toBe(409);
    const missing = await as(
      admin,
      'PUT',
      '/api/v1/organisations/00000000-0000-4000-8000-000000000002',
      body,
    );
    expect(missing.statusCode).toBe(404);
    const journal = await auditOf(`action=organisation.update&entityId=${org.id}`);
    expect(journal.total).toBe(1);
  });

  it('keeps the Qualiopi certificate’s issue date with its expiry, the issue not after the expiry', async () => {
    const org = await f.newOrganisation('training_org');
    const body = {
      kind: 'training_org',
      name: 'Organisme certifié',
      siret: newSiret(),
      qualiopiIssuedOn: '2024-07-01',
      qualiopiExpiresOn: '2027-06-30',
    };
    const ok = await as(admin, 'PUT', `/api/v1/organisations/${org.id}`, body);
    expect(ok.statusCode, ok.body).toBe(204);
    const listed = async () =>
      (await as(admin, 'GET', '/api/v1/organisations?kind=training_org&pageSize=200'))
        .json()
        .items.find((o: { id: string }) => o.id === org.id);
    expect(await listed()).toMatchObject({ qualiopiIssuedOn: '2024-07-01', qualiopiExpiresOn: '2027-06-30' });
    const journal = await auditOf(`action=organisation.update&entityId=${org.id}`);
    const entry = await as(admin, 'GET', `/api/v1/audit/${journal.items[0]?.id}`);
    expect(entry.json().diff.qualiopiIssuedOn).toMatchObject({ after: '2024-07-01' });

    const reversed = await as(admin, 'PUT', `/api/v1/organisations/${org.id}`, {
      ...body,
      qualiopiIssuedOn: '2027-07-01',
    });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors).toEqual([
      expect.objectContaining({
        field: 'qualiopiIssuedOn',
        detail: 'La date de délivrance ne peut pas suivre la date d’expiration.',
      }),
    ]);
    const employer = await as(admin, 'POST', '/api/v1/organisations', {
      kind: 'employer',
      name: 'Employeur certifié ?',
      siret: newSiret(),
      qualiopiIssuedOn: '2024-07-01',
    });
    expect(employer.statusCode).toBe(422);
    expect(employer.json().errors[0].field).toBe('kind');
    // The database keeps the rule too.
    await expect(
      t.db
        .updateTable('organisations')
        .set({ qualiopi_issued_on: '2028-01-01' })
        .where('id', '=', org.id)
        .execute(),
    ).rejects.toThrow();
    // An issue date alone (expiry not known yet) is accepted; clearing both empties them.
    const issuedOnly = await as(admin, 'PUT', `/api/v1/organisations/${org.id}`, {
      ...body,
      qualiopiExpiresOn: undefined,
    });
    expect(issuedOnly.statusCode).toBe(204);
    expect(await listed()).toMatchObject({ qualiopiIssuedOn: '2024-07-01', qualiopiExpiresOn: null });
  });
});

describe('the audit journal', () => {
  it('filters by who, what, when and object, and pages', async () => {
    const other = await f.newUser('admin');
    const otherSession = await signIn(t.app, other.email, TEST_PASSWORD);
    const created = await as(otherSession, 'POST', '/api/v1/branches', {
      name: `Branche du journal ${Date.now()}`,
    });
    expect(created.statusCode).toBe(201);
    const branchId = created.json().id as string;

    const byWho = await auditOf(`actorUserId=${other.id}`);
    expect(
      byWho.items.every(
        (i) => i.actorLabel === (otherSession.body as { user: { displayName: string } }).user.displayName,
      ),
    ).toBe(true);
    expect(byWho.items.map((i) => i.action).sort()).toEqual(['branch.create', 'session.open']);
    const byWhat = await auditOf(`actorUserId=${other.id}&action=branch.create`);
    expect(byWhat.items).toMatchObject([{ action: 'branch.create', entityId: branchId }]);
    const byObject = await auditOf(`entityType=branch&entityId=${branchId}`);
    expect(byObject.total).toBe(1);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await auditOf(`entityId=${branchId}&from=${today}&to=${today}`)).total).toBe(1);
    expect(
      (await auditOf(`entityId=${branchId}&from=${tomorrow > today ? tomorrow : '2999-01-01'}`)).total,
    ).toBe(0);
    expect((await auditOf(`entityId=${branchId}&to=2000-01-01`)).total).toBe(0);

    const paged = await auditOf('pageSize=2&page=2');
    expect(paged.items).toHaveLength(2);

    const reversed = await as(admin, 'GET', '/api/v1/audit?from=2026-02-01&to=2026-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('to');
    // 2025-13-01 and 0000-00-00 are not dates at all: they once threw (500) instead of a 400.
    for (const bad of [
      'action=user.hack',
      'from=2026-02-30',
      'to=2025-13-01',
      'from=0000-00-00',
      'entityType=table',
    ])
      expect((await as(admin, 'GET', `/api/v1/audit?${bad}`)).statusCode).toBe(400);
  });

  it('shows one change with its diff; personal fields only as changed', async () => {
    const branch = await f.newBranch();
    const put = await as(admin, 'PUT', `/api/v1/branches/${branch.id}`, {
      name: branch.name,
      idcc: ['1486'],
      cpneMembers: [{ college: 'employers', personName: 'Paule Paritaire', organisationName: 'Syndicat A' }],
    });
    expect(put.statusCode, put.body).toBe(204);
    const [row] = (await auditOf(`action=branch.update&entityId=${branch.id}`)).items;
    const detail = await as(admin, 'GET', `/api/v1/audit/${row?.id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body).toMatchObject({ action: 'branch.update', entityType: 'branch', entityId: branch.id });
    expect(body.diff.idcc).toEqual({ before: [], after: ['1486'] });
    expect(JSON.stringify(body)).not.toContain('Paule');
    const user = await f.newUser('candidate', {}, { displayName: 'Nom Très Personnel' });
    const [created] = (await auditOf(`action=user.create&entityId=${user.id}`)).items;
    const userDetail = (await as(admin, 'GET', `/api/v1/audit/${created?.id}`)).json();
    expect(userDetail.diff.displayName).toEqual({ changed: true });
    expect(userDetail.diff.email).toEqual({ changed: true });
    expect((await as(admin, 'GET', '/api/v1/audit/999999999')).statusCode).toBe(404);
  });
});
