import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { RNCP_XML_FIXTURE } from './fixtures.js';
import { seedReadyCandidacies, seedSealedSession } from './jury-seed.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * Partial awards carried into other certifications through the registry's CORRESPONDANCES (issue
 * 13, point 5), on a real database through HTTP: the shipped sample of real RNCP fiches, imported,
 * where fiche RNCP36490's first entry is made to say « RNCP36490BC02 ↔ RNCP35419BC01 » (the
 * sample's entries name blocs BC03–BC04, which the test framework has not). A certification linked
 * to RNCP35419 awards BC01 partially; the candidate's candidacies for a certification linked to
 * RNCP36490 receive BC02 — at the close, and at a later enrolment —, staff see through which
 * correspondence, and a revocation takes it back.
 */
let t: TestApp;
let f: Factories;
let manager: Signed;
let managerId: string;
let branch: { id: string };
let org: { id: string };
/** Linked to RNCP35419: its partial awards validate BC01 (test/jury-seed.ts). */
let holder: { id: string; code: string };
/** Linked to RNCP36490. */
let receiver: { id: string };
let template: string;
let fixture: string;

const headers = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const ENTRY = {
  fiche: 'RNCP36490',
  sourceBlocs: ['RNCP36490BC02'],
  destinationFiche: 'RNCP35419',
  destinationBlocs: ['RNCP35419BC01'],
};

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const xml = await readFile(RNCP_XML_FIXTURE, 'utf8');
  const original = `<CODE>RNCP36490BC03</CODE>
          </BLOC_COMPETENCES>
        </SOURCE>
        <DESTINATION>
          <NUMERO_FICHE>RNCP14506</NUMERO_FICHE>
          <BLOC_COMPETENCES>
            <CODE>RNCP14506BC04</CODE>`;
  expect(xml.split(original)).toHaveLength(2);
  fixture = path.join(tmpdir(), `qualif-correspondences-${process.pid}.xml`);
  await writeFile(
    fixture,
    xml.replace(
      original,
      original
        .replace('RNCP36490BC03', 'RNCP36490BC02')
        .replace('RNCP14506</NUMERO', 'RNCP35419</NUMERO')
        .replace('RNCP14506BC04', 'RNCP35419BC01'),
    ),
  );
  await f.importRegistry(fixture);
  branch = await f.newBranch();
  org = await f.newOrganisation('training_org');
  holder = await f.newEnrollableCertification([branch.id], [org.id]);
  receiver = await f.newEnrollableCertification([branch.id], [org.id]);
  await f.linkFiche(holder.id, 'RNCP35419');
  await f.linkFiche(receiver.id, 'RNCP36490');
  template = (await f.newCandidacy({ certificationId: holder.id, trainingOrganisationId: org.id })).id;
  const user = await f.newUser('branch_manager', { branchId: branch.id });
  managerId = user.id;
  manager = await signIn(t.app, user.email, TEST_PASSWORD);
}, 180_000);

afterAll(async () => {
  await t?.close();
  if (fixture) await rm(fixture, { force: true });
});

/** One candidate's partial award of `holder` (BC01), from a sealed session closed through HTTP. */
async function partialAward(beforeClose?: (candidateId: string) => Promise<void>) {
  const { candidacyIds, candidateIds } = await seedReadyCandidacies(t.db, template, 1);
  const candidateId = candidateIds[0] as string;
  const juryId = await seedSealedSession(t.db, {
    branchId: branch.id,
    certificationIds: [holder.id],
    candidacyIds,
    postedBy: managerId,
    outcomeOf: () => 'partial',
  });
  await beforeClose?.(candidateId);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/juries/${juryId}/close`,
    headers: headers(manager),
  });
  expect(res.statusCode, res.body).toBe(200);
  const [award] = res.json().awards as { id: string; number: string; kind: string }[];
  expect(award?.kind).toBe('partial');
  return { award: award as { id: string; number: string }, candidateId };
}

const carried = (candidacyId: string) =>
  t.db
    .selectFrom('carried_blocs')
    .select(['bloc_code', 'source', 'reference', 'carried_through'])
    .where('candidacy_id', '=', candidacyId)
    .execute();

const through = (number: string) => ({
  bloc_code: 'BC02',
  source: 'earlier_partial_award',
  reference: number,
  carried_through: {
    kind: 'registry_correspondence',
    certificationId: holder.id,
    blocCodes: ['BC01'],
    correspondence: ENTRY,
  },
});

describe('partial awards carried through the registry’s correspondences', () => {
  it('at the close, into the candidate’s candidacy in progress for a certification linked to the other fiche; staff see the correspondence', async () => {
    let inReceiver = '';
    const { award } = await partialAward(async (candidateId) => {
      inReceiver = (
        await f.newCandidacy({ certificationId: receiver.id, trainingOrganisationId: org.id, candidateId })
      ).id;
    });
    expect(await carried(inReceiver)).toEqual([through(award.number)]);
    // What staff read: the bloc carried, from which award, through which correspondence.
    const positioning = await t.app.inject({
      url: `/api/v1/candidacies/${inReceiver}/positioning`,
      headers: headers(manager),
    });
    expect(positioning.statusCode, positioning.body).toBe(200);
    const bloc = positioning.json().blocs.find((b: { code: string }) => b.code === 'BC02');
    expect(bloc.carried).toMatchObject({
      source: 'earlier_partial_award',
      reference: award.number,
      through: {
        kind: 'registry_correspondence',
        certification: { id: holder.id, code: holder.code },
        blocCodes: ['BC01'],
        correspondence: ENTRY,
      },
    });
    expect(bloc.summary.state).toBe('carried');
  });

  it('at a later enrolment; revoked, the award carries no more', async () => {
    const { award, candidateId } = await partialAward();
    const later = await f.newCandidacy({
      certificationId: receiver.id,
      trainingOrganisationId: org.id,
      candidateId,
    });
    expect(await carried(later.id)).toEqual([through(award.number)]);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/awards/${award.id}/revoke`,
      headers: headers(manager),
      payload: { reason: 'Erreur de saisie du jury' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await carried(later.id)).toEqual([]);
  });

  it('a certification linked to no fiche of the correspondence receives nothing', async () => {
    const unrelated = await f.newEnrollableCertification([branch.id], [org.id]);
    const { candidateId } = await partialAward();
    const later = await f.newCandidacy({
      certificationId: unrelated.id,
      trainingOrganisationId: org.id,
      candidateId,
    });
    expect(await carried(later.id)).toEqual([]);
  });
});
