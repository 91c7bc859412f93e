import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * Positioning through HTTP on a real database and the disk file store: the candidate's
 * self-positioning, the training organisation's decision (the one that counts), blocs carried
 * in, evidence files (type and size checked, read back), scopes, and the lifecycle state.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'qualif-positioning-'));
const MAX_BYTES = 4096;
let t: TestApp;
let f: Factories;
let cert: { id: string };
let to1: Signed;
let to2: Signed;
let candidateA: Signed;
let candidateB: Signed;
let employer1: Signed;
let candidacyA: string;
let candidacyB: string;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp({ demo: false, env: { DATA_DIR: dataDir, FILE_MAX_BYTES: String(MAX_BYTES) } });
  f = factories(t.services);
  const branch = await f.newBranch();
  const org1 = await f.newOrganisation('training_org');
  const org2 = await f.newOrganisation('training_org');
  const employer = await f.newOrganisation('employer');
  cert = await f.newEnrollableCertification([branch.id], [org1.id, org2.id]);
  const sign = async (role: Parameters<Factories['newUser']>[0], scope = {}) => {
    const user = await f.newUser(role, scope);
    return { user, signed: await signIn(t.app, user.email, TEST_PASSWORD) };
  };
  to1 = (await sign('training_org', { organisationId: org1.id })).signed;
  to2 = (await sign('training_org', { organisationId: org2.id })).signed;
  employer1 = (await sign('employer', { organisationId: employer.id })).signed;
  const a = await sign('candidate');
  const b = await sign('candidate');
  candidateA = a.signed;
  candidateB = b.signed;
  const enrol = async (email: string, organisationId: string) =>
    (
      await f.newCandidacy({
        certificationId: cert.id,
        trainingOrganisationId: organisationId,
        employerId: employer.id,
        candidate: f.newCandidate({ email }),
      })
    ).id;
  candidacyA = await enrol(a.user.email, org1.id);
  candidacyB = await enrol(b.user.email, org2.id);
  for (const id of [candidacyA, candidacyB])
    await t.services.candidacies.transition(id, { event: 'start_positioning' }, SYSTEM_ADMIN, 'test');
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function call(
  who: Signed,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  payload?: object | Buffer,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url,
    ...(payload ? { payload: payload as object } : {}),
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...headers },
  });
}
const at = (id: string, rest = '') => `/api/v1/candidacies/${id}/positioning${rest}`;
type Positioning = {
  blocs: {
    code: string;
    carried: unknown;
    summary: { state: string; acquired: boolean; counts: Record<string, number>; selfPositioned: number };
    competencies: {
      code: string;
      self: { level: string; decidedByName: string | null } | null;
      organisation: { level: string; decidedBy: string; decidedByName: string | null } | null;
      evidence: { id: string; fileName: string }[];
    }[];
  }[];
  can: { position: boolean; selfPosition: boolean };
};
const bloc = (p: Positioning, code: string) => p.blocs.find((b) => b.code === code);

describe('positioning', () => {
  it('the candidate self-positions first; the training organisation confirms; both are kept, the organisation’s counts', async () => {
    const self = await call(candidateA, 'PUT', at(candidacyA, '/self/C1'), {
      level: 'held',
      comment: 'Fait depuis 5 ans',
    });
    expect(self.statusCode, self.body).toBe(200);
    let p = self.json() as Positioning;
    expect(p.can).toEqual({ position: false, selfPosition: true });
    expect(bloc(p, 'BC01')?.competencies[0]).toMatchObject({
      code: 'C1',
      self: { level: 'held' },
      organisation: null,
    });
    expect(bloc(p, 'BC01')?.summary).toMatchObject({ state: 'pending', acquired: false, selfPositioned: 1 });

    for (const [code, level] of [
      ['C1', 'partly'],
      ['C2', 'held'],
      ['C3', 'held'],
      ['C4', 'held'],
    ] as const) {
      const res = await call(to1, 'PUT', at(candidacyA, `/competencies/${code}`), { level });
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
    }
    expect(p.can).toEqual({ position: true, selfPosition: false });
    expect(bloc(p, 'BC01')?.competencies[0]).toMatchObject({
      self: { level: 'held' },
      organisation: { level: 'partly', decidedBy: to1.body.user && (to1.body.user as { id: string }).id },
    });
    // Who decided, by name, beside the date.
    expect(bloc(p, 'BC01')?.competencies[0]?.organisation?.decidedByName).toBe(
      (to1.body.user as { displayName: string }).displayName,
    );
    expect(bloc(p, 'BC01')?.competencies[0]?.self?.decidedByName).toBe(
      (candidateA.body.user as { displayName: string }).displayName,
    );
    expect(bloc(p, 'BC01')?.summary).toMatchObject({
      state: 'to_acquire',
      acquired: false,
      counts: { held: 1, partly: 1, toAcquire: 0, pending: 0 },
    });
    expect(bloc(p, 'BC02')?.summary).toMatchObject({ state: 'acquired', acquired: true });

    // Read back by its readers: the employer, the candidate.
    for (const who of [employer1, candidateA]) {
      const read = await call(who, 'GET', at(candidacyA));
      expect(read.statusCode).toBe(200);
      expect(bloc(read.json(), 'BC01')?.summary.state).toBe('to_acquire');
    }
    // Audited, without the comment's text.
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'diff'])
      .where('entity_id', '=', candidacyA)
      .where('action', 'in', ['positioning.self', 'positioning.decide'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'positioning.decide',
      'positioning.decide',
      'positioning.decide',
      'positioning.decide',
      'positioning.self',
    ]);
    expect(JSON.stringify(audit)).not.toContain('Fait depuis');
  });

  it('a bloc already acquired is carried in with its source and counts as acquired', async () => {
    const bad = await call(to1, 'PUT', at(candidacyA, '/carried-blocs/BC01'), {
      source: 'earlier_partial_award',
      reference: ' ',
    });
    expect(bad.statusCode).toBe(400);
    const res = await call(to1, 'PUT', at(candidacyA, '/carried-blocs/BC01'), {
      source: 'earlier_partial_award',
      reference: 'VP-2023-118',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(bloc(res.json(), 'BC01')).toMatchObject({
      carried: { source: 'earlier_partial_award', reference: 'VP-2023-118', correspondence: null },
      summary: { state: 'carried', acquired: true },
    });
    // Removed (recorded by mistake), then carried again.
    const removed = await call(to1, 'DELETE', at(candidacyA, '/carried-blocs/BC01'));
    expect(removed.statusCode, removed.body).toBe(200);
    expect(bloc(removed.json(), 'BC01')).toMatchObject({ carried: null, summary: { state: 'to_acquire' } });
    expect((await call(to1, 'DELETE', at(candidacyA, '/carried-blocs/BC01'))).statusCode).toBe(404);
    expect((await call(to2, 'DELETE', at(candidacyA, '/carried-blocs/BC01'))).statusCode).toBe(404);
    const again = await call(to1, 'PUT', at(candidacyA, '/carried-blocs/BC01'), {
      source: 'earlier_partial_award',
      reference: 'VP-2023-118',
    });
    expect(bloc(again.json(), 'BC01')?.summary.state).toBe('carried');
    const unknown = await call(to1, 'PUT', at(candidacyA, '/carried-blocs/BC09'), {
      source: 'earlier_partial_award',
      reference: 'X',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('an equivalence names a CORRESPONDANCES entry of a fiche linked to the certification; any other is 422', async () => {
    await f.importRegistry();
    await f.linkFiche(cert.id, 'RNCP40344');
    const entry = {
      fiche: 'RNCP40344',
      sourceBlocs: ['RNCP40344BC02'],
      destinationFiche: 'RNCP37507',
      destinationBlocs: ['RNCP37507BC02'],
    };
    const listed = (await call(to1, 'GET', at(candidacyA))).json();
    expect(listed.correspondences).toContainEqual(entry);
    const invented = await call(to1, 'PUT', at(candidacyA, '/carried-blocs/BC02'), {
      source: 'equivalence',
      correspondence: { ...entry, destinationFiche: 'RNCP99999' },
    });
    expect(invented.statusCode).toBe(422);
    expect(invented.json().errors[0]).toMatchObject({ field: 'correspondence' });
    const otherBloc = await call(to1, 'PUT', at(candidacyA, '/carried-blocs/BC01'), {
      source: 'equivalence',
      correspondence: entry,
    });
    expect(otherBloc.statusCode).toBe(422);
    const ok = await call(to1, 'PUT', at(candidacyA, '/carried-blocs/BC02'), {
      source: 'equivalence',
      correspondence: entry,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(bloc(ok.json(), 'BC02')).toMatchObject({
      carried: { source: 'equivalence', reference: null, correspondence: entry },
      summary: { state: 'carried', acquired: true },
    });
  });

  it('evidence: a PDF is stored and read back as an attachment; a wrong type is 415, too large 413, nothing kept', async () => {
    const name = 'attestation employeur été.pdf';
    const up = await call(to1, 'POST', at(candidacyA, '/evidence?competencyCode=C1'), PDF, {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(name),
    });
    expect(up.statusCode, up.body).toBe(201);
    const created = up.json();
    expect(created).toMatchObject({
      competencyCode: 'C1',
      fileName: name,
      size: PDF.length,
      mediaType: 'application/pdf',
    });
    // The candidate adds one too (as raw bytes: the type comes from them).
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(40, 1),
    ]);
    const mine = await call(candidateA, 'POST', at(candidacyA, '/evidence'), png, {
      'content-type': 'application/octet-stream',
      'x-file-name': 'photo.png',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ competencyCode: null, mediaType: 'image/png' });

    const read = (await call(employer1, 'GET', at(candidacyA))).json();
    expect(bloc(read, 'BC01')?.competencies[0]?.evidence).toMatchObject([{ id: created.id, fileName: name }]);
    expect(read.evidence).toMatchObject([{ id: mine.json().id, fileName: 'photo.png' }]);

    const back = await call(employer1, 'GET', at(candidacyA, `/evidence/${created.id}`));
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.headers['content-disposition']).toMatch(
      /^attachment; filename="attestation employeur ete\.pdf"; filename\*=UTF-8''attestation%20employeur%20%C3%A9t%C3%A9\.pdf$/,
    );
    expect(back.rawPayload.equals(PDF)).toBe(true);

    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('positioning_evidence')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const html = await call(
      to1,
      'POST',
      at(candidacyA, '/evidence'),
      Buffer.from('<!doctype html><script>1</script>'),
      {
        'content-type': 'application/octet-stream',
      },
    );
    expect(html.statusCode).toBe(415);
    expect(html.json().detail).toMatch(/Type de fichier non accepté/);
    const big = await call(
      to1,
      'POST',
      at(candidacyA, '/evidence'),
      Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]),
      {
        'content-type': 'application/pdf',
      },
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toMatch(/taille maximale/);
    const json = await call(to1, 'POST', at(candidacyA, '/evidence'), { a: 1 });
    expect(json.statusCode).toBe(415);
    const unknownCompetency = await call(to1, 'POST', at(candidacyA, '/evidence?competencyCode=C9'), PDF, {
      'content-type': 'application/pdf',
    });
    expect(unknownCompetency.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it('scopes: another organisation and another candidate get 404; the employer reads but may not decide (403)', async () => {
    const evidenceId = (
      await t.db
        .selectFrom('positioning_evidence')
        .select('id')
        .where('candidacy_id', '=', candidacyA)
        .executeTakeFirstOrThrow()
    ).id;
    for (const who of [to2, candidateB]) {
      expect((await call(who, 'GET', at(candidacyA))).statusCode).toBe(404);
      expect((await call(who, 'GET', at(candidacyA, `/evidence/${evidenceId}`))).statusCode).toBe(404);
      expect(
        (await call(who, 'POST', at(candidacyA, '/evidence'), PDF, { 'content-type': 'application/pdf' }))
          .statusCode,
      ).toBe(404);
    }
    expect((await call(to2, 'PUT', at(candidacyA, '/competencies/C1'), { level: 'held' })).statusCode).toBe(
      404,
    );
    expect((await call(candidateB, 'PUT', at(candidacyA, '/self/C1'), { level: 'held' })).statusCode).toBe(
      404,
    );
    // Candidate A: not the organisation's decision (their role may never), not B's candidacy.
    expect(
      (await call(candidateA, 'PUT', at(candidacyA, '/competencies/C1'), { level: 'held' })).statusCode,
    ).toBe(403);
    expect((await call(candidateA, 'PUT', at(candidacyB, '/self/C1'), { level: 'held' })).statusCode).toBe(
      404,
    );
    expect(
      (await call(employer1, 'POST', at(candidacyA, '/evidence'), PDF, { 'content-type': 'application/pdf' }))
        .statusCode,
    ).toBe(403);
    // An evidence id of A's candidacy asked under B's: 404.
    expect((await call(to2, 'GET', at(candidacyB, `/evidence/${evidenceId}`))).statusCode).toBe(404);
    // Organisation 2 positions its own.
    expect((await call(to2, 'PUT', at(candidacyB, '/competencies/C1'), { level: 'held' })).statusCode).toBe(
      200,
    );
  });

  it('outside the positioning state: 409 naming the state in French', async () => {
    const { id } = await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: (
        await t.db
          .selectFrom('candidacies')
          .select('training_organisation_id')
          .where('id', '=', candidacyA)
          .executeTakeFirstOrThrow()
      ).training_organisation_id,
    });
    const res = await call(to1, 'PUT', at(id, '/competencies/C1'), { level: 'held' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      'Le positionnement ne se fait qu’à l’étape « Positionnement » ; ce parcours est à l’étape « Inscrit·e ».',
    );
    const upload = await call(to1, 'POST', at(id, '/evidence'), PDF, { 'content-type': 'application/pdf' });
    expect(upload.statusCode).toBe(409);
    // Read stays possible, with nothing to do.
    const read = await call(to1, 'GET', at(id));
    expect(read.statusCode).toBe(200);
    expect(read.json().can).toEqual({ position: false, selfPosition: false });
    // Moved on to the pathway, positioning is closed too; what was decided stays readable.
    await t.services.candidacies.transition(candidacyB, { event: 'start_pathway' }, SYSTEM_ADMIN, 'test');
    const late = await call(to2, 'PUT', at(candidacyB, '/competencies/C2'), { level: 'held' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/« Parcours individualisé »/);
    const kept = (await call(to2, 'GET', at(candidacyB))).json();
    expect(bloc(kept, 'BC01')?.competencies[0]?.organisation).toMatchObject({ level: 'held' });
  });
});
