import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The candidacy list's pages (GET /api/v1/candidacies): a further page is read from whichever
 * end of the list is nearer, and a scope of several certifications or organisations as one
 * ordered range per value merged (candidacies.service.ts `list`). Walking every page, for each
 * kind of scope and filter, must give exactly the scope's candidacies newest first (ties on the
 * creation time broken by id), each once, then an empty page — the same as one query ordering
 * them all.
 */
let t: TestApp;
let f: Factories;

const PAGE_SIZE = 15;
const COPIES = 30;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
});
afterAll(async () => {
  await t?.close();
});

describe('candidacy list pages', () => {
  it('walk the scope in order, each candidacy once, from either end, over one or several certifications or organisations', async () => {
    const [branch, otherBranch] = [await f.newBranch(), await f.newBranch()];
    const orgs = [
      await f.newOrganisation('training_org'),
      await f.newOrganisation('training_org'),
      await f.newOrganisation('training_org'),
    ];
    const employers = [await f.newOrganisation('employer'), await f.newOrganisation('employer')];
    const orgIds = orgs.map((o) => o.id);
    const certs = [
      await f.newEnrollableCertification([branch.id], orgIds),
      await f.newEnrollableCertification([branch.id], orgIds),
      await f.newEnrollableCertification([otherBranch.id], orgIds),
    ];
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const employer = i % 4 === 3 ? undefined : employers[i % 2];
      const enrolled = await f.newCandidacy({
        certificationId: (certs[i % 3] as { id: string }).id,
        trainingOrganisationId: orgIds[Math.floor(i / 2) % 3] as string,
        ...(employer ? { employerId: employer.id } : {}),
      });
      ids.push(enrolled.id);
    }
    // Creation times out of enrolment order, some equal (the id breaks the tie); steps mixed.
    for (const [i, id] of ids.entries()) {
      await t.db
        .updateTable('candidacies')
        .set({
          created_at: new Date(Date.UTC(2026, 0, 1 + ((i * 7) % 13))),
          status: i % 3 === 0 ? 'positioning' : 'enrolled',
        })
        .where('id', '=', id)
        .execute();
    }
    // Enough candidacies for pages far from the top (read from the other end): each one 30
    // times more, withdrawn (a candidate may hold several ended candidacies of a certification),
    // created 5, 10, … hours earlier — equal times again where the originals' were.
    const { rows: columns } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = 'candidacies'
        and column_name not in ('id', 'status', 'created_at')`.execute(t.db);
    const copied = sql.join(columns.map((c) => sql.id(c.column_name)));
    await sql`
      insert into candidacies (${copied}, status, created_at)
      select ${copied}, 'withdrawn', created_at - make_interval(hours => g.n * 5)
      from candidacies cross join generate_series(1, ${COPIES}) g(n)`.execute(t.db);

    const signed = async (
      grants: {
        role: 'branch_manager' | 'training_org' | 'employer' | 'admin';
        branchId?: string;
        organisationId?: string;
      }[],
    ) => {
      const email = `paging-${grants.map((g) => g.role).join('-')}-${Date.now()}-${Math.random().toString(36).slice(2)}@test.qualif.test`;
      await t.services.users.createUser(
        { email, displayName: 'Pages', password: TEST_PASSWORD, grants },
        SYSTEM_ACTOR,
      );
      return signIn(t.app, email, TEST_PASSWORD);
    };
    const who: Record<string, { user: Signed; within: (r: Row) => boolean }> = {
      'branch manager (two certifications)': {
        user: await signed([{ role: 'branch_manager', branchId: branch.id }]),
        within: (r) => r.certification_id !== certs[2]?.id,
      },
      'training organisation (two organisations)': {
        user: await signed([
          { role: 'training_org', organisationId: orgIds[0] },
          { role: 'training_org', organisationId: orgIds[1] },
        ]),
        within: (r) => r.training_organisation_id !== orgIds[2],
      },
      'training organisation and employer': {
        user: await signed([
          { role: 'training_org', organisationId: orgIds[2] },
          { role: 'employer', organisationId: employers[0]?.id },
        ]),
        within: (r) => r.training_organisation_id === orgIds[2] || r.employer_id === employers[0]?.id,
      },
      admin: { user: await signed([{ role: 'admin' }]), within: () => true },
    };
    type Row = {
      id: string;
      certification_id: string;
      training_organisation_id: string;
      employer_id: string | null;
      status: string;
    };
    const all: Row[] = await t.db
      .selectFrom('candidacies')
      .select(['id', 'certification_id', 'training_organisation_id', 'employer_id', 'status'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const filters: Record<string, (r: Row) => boolean> = {
      '': () => true,
      'status=positioning': (r) => r.status === 'positioning',
      'status=withdrawn': (r) => r.status === 'withdrawn',
      [`certificationId=${certs[1]?.id}`]: (r) => r.certification_id === certs[1]?.id,
      [`trainingOrganisationId=${orgIds[1]}&status=withdrawn`]: (r) =>
        r.training_organisation_id === orgIds[1] && r.status === 'withdrawn',
    };
    for (const [name, { user, within }] of Object.entries(who)) {
      for (const [filter, keep] of Object.entries(filters)) {
        const expected = all.filter((r) => within(r) && keep(r)).map((r) => r.id);
        const walked: string[] = [];
        const pages = Math.ceil(expected.length / PAGE_SIZE);
        for (let page = 1; page <= pages + 1; page++) {
          const res = await t.app.inject({
            method: 'GET',
            url: `/api/v1/candidacies?${filter}&page=${page}&pageSize=${PAGE_SIZE}`,
            headers: { cookie: user.cookie },
          });
          expect(res.statusCode, res.body).toBe(200);
          const body = res.json() as { total: number; items: { id: string }[] };
          expect(body.total, `${name}, ${filter}`).toBe(expected.length);
          if (page > pages) expect(body.items, `${name}, ${filter}: past the last page`).toEqual([]);
          walked.push(...body.items.map((item) => item.id));
        }
        expect(walked, `${name}, ${filter || 'no filter'}`).toEqual(expected);
      }
    }
    // Pages far enough from the top to be read from the other end were walked.
    expect(all.filter((r) => who['branch manager (two certifications)']?.within(r)).length).toBeGreaterThan(
      400,
    );
  });
});
