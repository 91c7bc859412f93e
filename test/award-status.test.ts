import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFICATION_CODE_PATTERN } from '../src/modules/candidates/domain/awards.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { seedReadyCandidacies, seedSealedSession } from './jury-seed.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * Awards' status (issue 14): verification code and status on every award, suspension and
 * reinstatement by the certification's branch managers (422 without a reason, 409 when it does
 * not apply, 404 / 403 out of scope), revocation final, every change in award_status_events and
 * the database trigger refusing what the service would refuse.
 */
let t: TestApp;
let f: Factories;
let manager: Signed;
let advisor: Signed;
let otherManager: Signed;
let managerId: string;
let awardIds: string[];
/** The enrolled candidacy the seeded ones were copied from (its candidate is another record). */
let templateId: string;

const headers = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const post = (url: string, who: Signed, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: headers(who), ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const branch = await f.newBranch();
  const otherBranch = await f.newBranch();
  const org = await f.newOrganisation('training_org');
  const cert = await f.newEnrollableCertification([branch.id], [org.id]);
  const template = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id })).id;
  templateId = template;
  const m = await f.newUser('branch_manager', { branchId: branch.id });
  managerId = m.id;
  manager = await signIn(t.app, m.email, TEST_PASSWORD);
  advisor = await signIn(t.app, (await f.newUser('advisor', { branchId: branch.id })).email, TEST_PASSWORD);
  otherManager = await signIn(
    t.app,
    (await f.newUser('branch_manager', { branchId: otherBranch.id })).email,
    TEST_PASSWORD,
  );
  const { candidacyIds } = await seedReadyCandidacies(t.db, template, 3);
  const juryId = await seedSealedSession(t.db, {
    branchId: branch.id,
    certificationIds: [cert.id],
    candidacyIds,
    postedBy: managerId,
    outcomeOf: () => 'full',
  });
  const res = await post(`/api/v1/juries/${juryId}/close`, manager);
  expect(res.statusCode, res.body).toBe(200);
  awardIds = res.json().awards.map((a: { id: string }) => a.id);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

async function events(awardId: string) {
  return t.db
    .selectFrom('award_status_events')
    .select(['event', 'reason', 'actor'])
    .where('award_id', '=', awardId)
    .orderBy('at')
    .execute();
}

describe('award status', () => {
  it('every award carries its verification code (unique) and its status', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/awards', headers: headers(manager) });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; verificationCode: string; status: string }[];
    const ours = items.filter((a) => awardIds.includes(a.id));
    expect(ours).toHaveLength(3);
    for (const a of ours) {
      expect(a.verificationCode).toMatch(VERIFICATION_CODE_PATTERN);
      expect(a.status).toBe('valid');
    }
    expect(new Set(ours.map((a) => a.verificationCode)).size).toBe(3);
    const indexes = await t.db
      .selectFrom('awards')
      .select('status_list_index')
      .where('id', 'in', awardIds)
      .execute();
    expect(new Set(indexes.map((r) => r.status_list_index)).size).toBe(3);
  });

  it('suspend needs a reason (422 naming it), then suspends once (409 the second time)', async () => {
    const id = awardIds[0] as string;
    const missing = await post(`/api/v1/awards/${id}/suspend`, manager, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('reason');
    const ok = await post(`/api/v1/awards/${id}/suspend`, manager, { reason: 'Vérification en cours' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'suspended',
      suspension: { byId: managerId, reason: 'Vérification en cours' },
    });
    expect((await post(`/api/v1/awards/${id}/suspend`, manager, { reason: 'Encore' })).statusCode).toBe(409);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/awards/${id}`,
      headers: headers(manager),
    });
    expect(read.json().status).toBe('suspended');
  });

  it('reinstate: a suspended award becomes valid again; one not suspended → 409', async () => {
    const id = awardIds[0] as string;
    const ok = await post(`/api/v1/awards/${id}/reinstate`, manager);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'valid', suspension: null });
    expect((await post(`/api/v1/awards/${id}/reinstate`, manager)).statusCode).toBe(409);
    expect((await events(id)).map((e) => [e.event, e.reason, e.actor])).toEqual([
      ['suspend', 'Vérification en cours', managerId],
      ['reinstate', null, managerId],
    ]);
  });

  it('a suspended award may be revoked; a revoked one is never suspended nor reinstated again', async () => {
    const id = awardIds[1] as string;
    expect(
      (await post(`/api/v1/awards/${id}/suspend`, manager, { reason: 'Doute sérieux' })).statusCode,
    ).toBe(200);
    const revoked = await post(`/api/v1/awards/${id}/revoke`, manager, { reason: 'Fraude établie' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    expect((await post(`/api/v1/awards/${id}/reinstate`, manager)).statusCode).toBe(409);
    const other = awardIds[2] as string;
    expect(
      (await post(`/api/v1/awards/${other}/revoke`, manager, { reason: 'Erreur de saisie' })).statusCode,
    ).toBe(200);
    expect(
      (await post(`/api/v1/awards/${other}/suspend`, manager, { reason: 'Après coup' })).statusCode,
    ).toBe(409);
    expect((await events(id)).map((e) => e.event)).toEqual(['suspend', 'revoke']);
    expect((await events(other)).map((e) => e.event)).toEqual(['revoke']);
  });

  it('the database refuses what the service refuses: suspending a revoked award, changing a code, deleting an event', async () => {
    const revoked = awardIds[2] as string;
    await expect(
      t.db
        .updateTable('awards')
        .set({ suspended_at: new Date(), suspend_reason: 'x' })
        .where('id', '=', revoked)
        .execute(),
    ).rejects.toThrow(/suspension/);
    await expect(
      t.db
        .updateTable('awards')
        .set({ verification_code: '0000-0000-0000' })
        .where('id', '=', revoked)
        .execute(),
    ).rejects.toThrow(/locked/);
    await expect(
      t.db.deleteFrom('award_status_events').where('award_id', '=', revoked).execute(),
    ).rejects.toThrow(/never updated nor deleted/);
  });

  it('only the certification’s branch managers: advisor 403, another branch’s manager 404', async () => {
    const id = awardIds[0] as string;
    expect((await post(`/api/v1/awards/${id}/suspend`, advisor, { reason: 'Vérification' })).statusCode).toBe(
      403,
    );
    expect(
      (await post(`/api/v1/awards/${id}/suspend`, otherManager, { reason: 'Vérification' })).statusCode,
    ).toBe(404);
    expect((await post(`/api/v1/awards/${id}/reinstate`, otherManager)).statusCode).toBe(404);
  });
});

describe('a holder’s duplicate record merged', () => {
  it('the award follows the holder into the record kept, and may move nowhere else', async () => {
    const awardId = awardIds[0] as string;
    const award = await t.db
      .selectFrom('awards')
      .select(['candidate_id'])
      .where('id', '=', awardId)
      .executeTakeFirstOrThrow();
    const kept = await t.db
      .selectFrom('candidacies')
      .select('candidate_id')
      .where('id', '=', templateId)
      .executeTakeFirstOrThrow();
    // Moving an award to any other record is refused by the database itself.
    await expect(
      t.db.updateTable('awards').set({ candidate_id: kept.candidate_id }).where('id', '=', awardId).execute(),
    ).rejects.toThrow(/merged into/);
    const merged = await post(`/api/v1/candidates/${kept.candidate_id}/merge`, manager, {
      duplicateId: award.candidate_id,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = await t.db
      .selectFrom('awards')
      .select(['candidate_id', 'number'])
      .where('id', '=', awardId)
      .executeTakeFirstOrThrow();
    expect(after.candidate_id).toBe(kept.candidate_id);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['diff'])
      .where('action', '=', 'candidate.merge')
      .where('entity_id', '=', kept.candidate_id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.diff)).toContain(awardId);
  }, 60_000);
});
