import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as migration0015 } from '../migrations/0015_candidacy_list_indexes.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The candidacy list's counts by step come from `candidacy_counts` (migration 0015), kept by
 * triggers on `candidacies`: after every kind of write they must equal a count of the
 * candidacies themselves, and the list's totals must be the rows' number.
 */
let t: TestApp;
let f: Factories;

type Group = { certification_id: string; training_organisation_id: string; employer_id: string | null };

/** The groups' counts as stored, and as counted from the candidacies (non-zero groups, sorted). */
async function bothCounts() {
  const key = (r: Group & { status: string; n: number | string }) =>
    `${r.certification_id}|${r.training_organisation_id}|${r.employer_id ?? '-'}|${r.status}=${Number(r.n)}`;
  const stored = await t.db
    .selectFrom('candidacy_counts')
    .select(['certification_id', 'training_organisation_id', 'employer_id', 'status', 'n'])
    .where('n', '<>', 0)
    .execute();
  const counted = await t.db
    .selectFrom('candidacies')
    .select(['certification_id', 'training_organisation_id', 'employer_id', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['certification_id', 'training_organisation_id', 'employer_id', 'status'])
    .execute();
  return { stored: stored.map(key).sort(), counted: counted.map(key).sort() };
}

function call(who: Signed, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    ...(payload ? { payload } : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
});
afterAll(async () => {
  await t?.close();
});

describe('counts by step kept by triggers', () => {
  it('equal the candidacies counted after enrolments, transitions, a transfer, a no-op update, a multi-row update and a deletion', async () => {
    const branch = await f.newBranch();
    const [org1, org2] = [await f.newOrganisation('training_org'), await f.newOrganisation('training_org')];
    const employer = await f.newOrganisation('employer');
    const cert = await f.newEnrollableCertification([branch.id], [org1.id, org2.id]);
    const to1 = await signIn(
      t.app,
      (await f.newUser('training_org', { organisationId: org1.id })).email,
      TEST_PASSWORD,
    );
    const admin = await signIn(t.app, (await f.newUser('admin')).email, TEST_PASSWORD);

    const enrolled: { id: string }[] = [];
    for (let i = 0; i < 5; i++)
      enrolled.push(
        await f.newCandidacy({
          certificationId: cert.id,
          trainingOrganisationId: org1.id,
          ...(i % 2 === 0 ? { employerId: employer.id } : {}),
        }),
      );
    const [a, b, c] = enrolled.map((e) => e.id) as [string, string, string];
    let both = await bothCounts();
    expect(both.stored).toEqual(both.counted);

    for (const event of ['start_positioning', 'start_pathway'])
      expect((await call(to1, 'POST', `/api/v1/candidacies/${a}/transitions`, { event })).statusCode).toBe(
        200,
      );
    expect(
      (
        await call(to1, 'POST', `/api/v1/candidacies/${b}/transitions`, {
          event: 'withdraw',
          reason: 'Test',
        })
      ).statusCode,
    ).toBe(200);
    const transfer = await call(to1, 'POST', `/api/v1/candidacies/${c}/transitions`, {
      event: 'transfer',
      trainingOrganisationId: org2.id,
    });
    expect(transfer.statusCode, transfer.body).toBe(200);
    both = await bothCounts();
    expect(both.stored).toEqual(both.counted);

    // An update that changes no group, and one statement changing several rows at once.
    await t.db.updateTable('candidacies').set({ updated_at: sql`now()` }).execute();
    await t.db
      .updateTable('candidacies')
      .set({ status: 'positioning' })
      .where('status', '=', 'enrolled')
      .where('training_organisation_id', '=', org1.id)
      .execute();
    both = await bothCounts();
    expect(both.stored).toEqual(both.counted);

    // The list's counts and totals, per scope, against the rows.
    const zeroExcept = (counts: Record<string, number>) =>
      Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
    const mine = (await call(to1, 'GET', '/api/v1/candidacies?pageSize=200')).json();
    expect(mine.total).toBe(mine.items.length);
    expect(zeroExcept(mine.counts)).toEqual({ positioning: 2, pathway: 1, withdrawn: 1, transferred: 1 });
    const positioning = (await call(to1, 'GET', '/api/v1/candidacies?status=positioning')).json();
    expect(positioning.total).toBe(2);
    expect(positioning.items).toHaveLength(2);
    const all = (await call(admin, 'GET', `/api/v1/candidacies?certificationId=${cert.id}`)).json();
    // The continuation at organisation 2 stays in the state it was transferred in.
    expect(zeroExcept(all.counts)).toEqual({
      enrolled: 1,
      positioning: 2,
      pathway: 1,
      withdrawn: 1,
      transferred: 1,
    });
    expect(all.total).toBe(6);
    const employed = (await call(admin, 'GET', `/api/v1/candidacies?employerId=${employer.id}`)).json();
    expect(employed.total).toBe(4); // three enrolled with the employer, and one's continuation

    // Deleted rows leave their group (history first: it references the candidacy).
    const gone = [b];
    await t.db.deleteFrom('candidacy_status_history').where('candidacy_id', 'in', gone).execute();
    await t.db.deleteFrom('candidacies').where('id', 'in', gone).execute();
    both = await bothCounts();
    expect(both.stored).toEqual(both.counted);
    const after = (await call(to1, 'GET', '/api/v1/candidacies')).json();
    expect(after.counts.withdrawn).toBe(0);
  });

  it('a candidate’s own list is counted from their candidacies, not from groups they share with others', async () => {
    const branch = await f.newBranch();
    const org = await f.newOrganisation('training_org');
    const cert = await f.newEnrollableCertification([branch.id], [org.id]);
    const user = await f.newUser('candidate');
    const mine = await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id });
    await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id });
    await t.db
      .updateTable('candidates')
      .set({ user_id: user.id })
      .where('id', '=', mine.candidateId)
      .execute();
    const who = await signIn(t.app, user.email, TEST_PASSWORD);
    const list = (await call(who, 'GET', '/api/v1/candidacies')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect(list.total).toBe(1);
    expect(list.counts.enrolled).toBe(1);
  });

  it('migration 0015 counts the candidacies already there', async () => {
    // Back to the state before 0015 (its objects dropped, 0007's scope indexes back), then up().
    await sql`drop trigger candidacy_counts_insert on candidacies`.execute(t.db);
    await sql`drop trigger candidacy_counts_update on candidacies`.execute(t.db);
    await sql`drop trigger candidacy_counts_delete on candidacies`.execute(t.db);
    await sql`drop function candidacy_counts_apply()`.execute(t.db);
    await sql`drop table candidacy_counts`.execute(t.db);
    for (const index of ['training_org', 'certification', 'employer', 'status'])
      await sql`drop index ${sql.id(`candidacies_${index}_recent_idx`)}`.execute(t.db);
    await sql`create index candidacies_certification_idx on candidacies (certification_id, status)`.execute(
      t.db,
    );
    await sql`create index candidacies_training_org_idx on candidacies (training_organisation_id, status)`.execute(
      t.db,
    );
    await sql`create index candidacies_employer_idx on candidacies (employer_id) where employer_id is not null`.execute(
      t.db,
    );
    await migration0015(t.db as never);
    const both = await bothCounts();
    expect(both.counted.length).toBeGreaterThan(2);
    expect(both.stored).toEqual(both.counted);
  });
});
