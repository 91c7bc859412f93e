import fs, { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/contracts/dates.js';
import { IMPORT_COLUMNS } from '../src/modules/candidates/candidacy-imports.js';
import { nirKey } from '../src/modules/candidates/domain/identity.js';
import { verifyAuditTrail } from '../src/platform/audit/audit.js';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { mailByJobsEnv, type Received, type SmtpPeer, startSmtpPeer, subjectOf } from './smtp-peer.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';
import { waitUntil } from './wait.js';

/**
 * A candidate's personal data through HTTP on a real database, a real SMTP peer and the disk
 * file store: the invitation to create their account (single and bulk enrolment, resend), the
 * duplicate found by NIR, the merge of two records, the export, and the purge after the
 * retention period — with the audit chain verified afterwards and the logs free of personal
 * values.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'qualif-personal-data-'));
let smtp: SmtpPeer;
let t: TestApp;
let f: Factories;
let cert: { id: string; code: string };
let cert2: { id: string };
let org: { id: string; siret: string };
let to: Signed;
let otherTo: Signed;
let manager: Signed;
let otherManager: Signed;
let admin: Signed;
let employer: Signed;

const NIR_13 = '2900469383124';
const NIR = `${NIR_13}${String(nirKey(NIR_13)).padStart(2, '0')}`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Everything the server logs while the tests run (pino writes to file descriptor 1). */
const logged: string[] = [];
const realWriteSync = fs.writeSync;
const realWrite = fs.write;

beforeAll(async () => {
  // biome-ignore lint/suspicious/noExplicitAny: capturing pino's writes, whatever their overload
  (fs as any).writeSync = (fd: number, data: unknown, ...rest: unknown[]) => {
    if ((fd === 1 || fd === 2) && String(data).startsWith('{"level"')) {
      logged.push(String(data));
      return Buffer.byteLength(String(data));
    }
    // biome-ignore lint/suspicious/noExplicitAny: passed through
    return (realWriteSync as any)(fd, data, ...rest);
  };
  // biome-ignore lint/suspicious/noExplicitAny: as above
  (fs as any).write = (fd: number, data: unknown, ...rest: unknown[]) => {
    if ((fd === 1 || fd === 2) && String(data).startsWith('{"level"')) {
      logged.push(String(data));
      const done = rest[rest.length - 1];
      if (typeof done === 'function') process.nextTick(done, null, Buffer.byteLength(String(data)));
      return;
    }
    // biome-ignore lint/suspicious/noExplicitAny: passed through
    return (realWrite as any)(fd, data, ...rest);
  };
  smtp = await startSmtpPeer();
  t = await createTestApp({
    demo: false,
    env: { ...mailByJobsEnv(smtp), DATA_DIR: dataDir, LOG_LEVEL: 'info' },
  });
  f = factories(t.services);
  const branch = await f.newBranch();
  const otherBranch = await f.newBranch();
  const o = await f.newOrganisation('training_org');
  const otherOrg = await f.newOrganisation('training_org');
  const emp = await f.newOrganisation('employer');
  org = {
    id: o.id,
    siret: (
      await t.db.selectFrom('organisations').select('siret').where('id', '=', o.id).executeTakeFirstOrThrow()
    ).siret as string,
  };
  const c = await f.newEnrollableCertification([branch.id], [o.id, otherOrg.id]);
  cert = {
    id: c.id,
    code: (
      await t.db.selectFrom('certifications').select('code').where('id', '=', c.id).executeTakeFirstOrThrow()
    ).code,
  };
  cert2 = await f.newEnrollableCertification([branch.id], [o.id]);
  const sign = async (role: Parameters<Factories['newUser']>[0], scope = {}) =>
    signIn(t.app, (await f.newUser(role, scope)).email, TEST_PASSWORD);
  to = await sign('training_org', { organisationId: o.id });
  otherTo = await sign('training_org', { organisationId: otherOrg.id });
  manager = await sign('branch_manager', { branchId: branch.id });
  otherManager = await sign('branch_manager', { branchId: otherBranch.id });
  admin = await sign('admin');
  employer = await sign('employer', { organisationId: emp.id });
}, 300_000);

afterAll(async () => {
  (fs as { writeSync: unknown }).writeSync = realWriteSync;
  (fs as { write: unknown }).write = realWrite;
  await t?.close();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function call(who: Signed | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {},
  });
}

function enrolment(extra: Record<string, unknown> = {}) {
  return {
    certificationId: cert.id,
    route: 'plan_developpement',
    situation: { status: 'employee', contractType: 'cdi' },
    trainingOrganisationId: org.id,
    enrolledOn: today(),
    initiative: 'training_organisation',
    candidate: f.newCandidate(),
    ...extra,
  };
}

const invitationsTo = (address: string): Received[] =>
  smtp.received.filter(
    (m) => m.to.includes(address) && subjectOf(m).startsWith('Qualif — créez votre compte'),
  );

/** The one-time token of the latest invitation to `address`, once it has arrived. */
async function invitationToken(address: string, count = 1): Promise<string> {
  const mails = await waitUntil(() => {
    const got = invitationsTo(address);
    return got.length >= count ? got : undefined;
  }, `invitation #${count} to the candidate`);
  const text = (mails[mails.length - 1] as Received).text.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const token = /reinitialiser-mot-de-passe\?token=([A-Za-z0-9_%-]+)/.exec(text)?.[1];
  if (!token) throw new Error('no link in the invitation');
  return decodeURIComponent(token);
}

const NEW_PASSWORD = 'Un-mot-de-passe-choisi-2026!';

async function activate(address: string, count = 1): Promise<Signed> {
  const token = await invitationToken(address, count);
  const set = await call(null, 'POST', '/api/v1/auth/password-reset/confirm', {
    token,
    password: NEW_PASSWORD,
  });
  expect(set.statusCode).toBe(204);
  return signIn(t.app, address, NEW_PASSWORD);
}

describe('invitation', () => {
  it('at enrolment: an email with a one-time link; the candidate chooses a password and sees only their own candidacies', async () => {
    const person = f.newCandidate();
    const email = (person.email as string).toLowerCase();
    const res = await call(to, 'POST', '/api/v1/candidacies', enrolment({ candidate: person }));
    expect(res.statusCode).toBe(201);
    expect(res.json().account).toBe('invited');
    const { candidateId, id } = res.json();
    // Someone else's candidacy, that the candidate must not see.
    const other = (await call(to, 'POST', '/api/v1/candidacies', enrolment())).json();

    const me = await activate(email);
    const list = (await call(me, 'GET', '/api/v1/candidacies')).json();
    expect(list.total).toBe(1);
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await call(me, 'GET', `/api/v1/candidates/${candidateId}`)).statusCode).toBe(200);
    expect((await call(me, 'GET', `/api/v1/candidacies/${other.id}`)).statusCode).toBe(404);
    expect((await call(me, 'GET', `/api/v1/candidates/${other.candidateId}`)).statusCode).toBe(404);
    // The link is spent.
    const again = await call(null, 'POST', '/api/v1/auth/password-reset/confirm', {
      token: await invitationToken(email),
      password: 'Encore-un-autre-mot-de-passe-1!',
    });
    expect(again.statusCode).toBe(400);
    // The job holds ids only.
    const jobs = await t.db.selectFrom('jobs').select('payload').where('kind', '=', 'mail.send').execute();
    expect(JSON.stringify(jobs)).not.toContain(email);
  });

  it('at bulk enrolment: one job per new candidate with an email, each invited and linked', async () => {
    const name = (n: number) => `Importe ${'abcdefghij'[n]}${Date.now().toString(36).replace(/\d/g, 'x')}`;
    const rows = [0, 1].map((n) => ({
      nom_naissance: name(n),
      prenom1: 'Alix',
      sexe: 'M',
      date_naissance: '03/02/1991',
      commune_naissance_insee: '69383',
      email: `import-${n}-${Date.now()}@test.qualif.test`,
      certification: cert.code,
      voie_acces: 'plan_developpement',
      organisme_siret: org.siret,
      date_entree: today(),
      statut: 'salarie',
      type_contrat: 'cdi',
    }));
    const columns = IMPORT_COLUMNS.map((c) => c.name);
    const text = [
      columns.join(','),
      ...rows.map((r) => columns.map((c) => (r as Record<string, string>)[c] ?? '').join(',')),
    ].join('\r\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/candidacies/imports',
      payload: Buffer.from(text),
      headers: { 'content-type': 'text/csv', cookie: to.cookie, 'x-csrf-token': to.csrf },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ids = res.json().candidacies as string[];
    const jobs = await t.db.selectFrom('jobs').selectAll().where('kind', '=', 'candidate.invite').execute();
    const candidates = await t.db
      .selectFrom('candidacies')
      .select('candidate_id')
      .where('id', 'in', ids)
      .execute();
    for (const c of candidates)
      expect(jobs.map((j) => j.payload)).toContainEqual({ candidateId: c.candidate_id });
    for (const r of rows) await invitationToken(r.email.toLowerCase());
    const linked = await t.db
      .selectFrom('candidates')
      .select('user_id')
      .where(
        'id',
        'in',
        candidates.map((c) => c.candidate_id),
      )
      .execute();
    expect(linked.every((l) => l.user_id !== null)).toBe(true);
  });

  it('resend: a new link for those who manage a candidacy; 409 once activated; 404 out of scope; 403 for other roles', async () => {
    const person = f.newCandidate();
    const email = (person.email as string).toLowerCase();
    const { candidateId } = (
      await call(to, 'POST', '/api/v1/candidacies', enrolment({ candidate: person }))
    ).json();
    await invitationToken(email, 1);
    const url = `/api/v1/candidates/${candidateId}/invitation`;
    // The read says what each may do with the person's data.
    const read = `/api/v1/candidates/${candidateId}`;
    expect((await call(to, 'GET', read)).json().can).toEqual({
      enrol: true,
      invite: true,
      merge: false,
      updateIdentity: true,
      export: false,
    });
    expect((await call(manager, 'GET', read)).json().can).toMatchObject({
      invite: true,
      merge: true,
      updateIdentity: true,
      export: false,
    });
    expect((await call(admin, 'GET', read)).json().can).toMatchObject({
      invite: true,
      merge: true,
      updateIdentity: true,
      export: true,
    });
    expect((await call(otherTo, 'POST', url)).statusCode).toBe(404);
    expect((await call(otherManager, 'POST', url)).statusCode).toBe(404);
    expect((await call(employer, 'POST', url)).statusCode).toBe(403);
    const resent = await call(to, 'POST', url);
    expect(resent.statusCode).toBe(202);
    expect(resent.json()).toEqual({ candidateId, account: 'existing' });
    await activate(email, 2);
    const done = await call(manager, 'POST', url);
    expect(done.statusCode).toBe(409);
    expect(done.json().detail).toContain('déjà activé');
    const none = (
      await call(
        to,
        'POST',
        '/api/v1/candidacies',
        enrolment({ candidate: f.newCandidate({ email: undefined }) }),
      )
    ).json();
    expect((await call(to, 'POST', `/api/v1/candidates/${none.candidateId}/invitation`)).statusCode).toBe(
      409,
    );
  });
});

describe('NIR duplicates', () => {
  it('a second person with the same NIR is a possible duplicate, named by link only; the hash is stored, not the NIR', async () => {
    const first = await call(
      to,
      'POST',
      '/api/v1/candidacies',
      enrolment({
        candidate: f.newCandidate({ nir: NIR, sex: 'F', birthDate: { year: 1990, month: 4, day: 12 } }),
      }),
    );
    expect(first.statusCode).toBe(201);
    const row = await t.db
      .selectFrom('candidates')
      .select(['nir_hash', 'nir_encrypted'])
      .where('id', '=', first.json().candidateId)
      .executeTakeFirstOrThrow();
    expect(row.nir_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(`${row.nir_hash}${row.nir_encrypted}`).not.toContain(NIR_13);
    // Another name, another email, the same NIR.
    const second = await call(
      to,
      'POST',
      '/api/v1/candidacies',
      enrolment({
        certificationId: cert2.id,
        candidate: f.newCandidate({ nir: NIR, sex: 'F', birthDate: { year: 1990, month: 4, day: 2 } }),
      }),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().errors).toEqual([
      expect.objectContaining({
        pointer: '#/candidate/nir',
        detail: expect.stringContaining(`même NIR) : /api/v1/candidates/${first.json().candidateId}`),
      }),
    ]);
    expect(second.body).not.toContain(NIR_13);
  });
});

/** The candidacy moved to its positioning step, and a PDF uploaded to it as the training organisation. */
async function positionedWithEvidence(candidacyId: string, fileName: string) {
  await t.services.candidacies.transition(candidacyId, { event: 'start_positioning' }, SYSTEM_ADMIN, 'test');
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/candidacies/${candidacyId}/positioning/evidence`,
    payload: PDF,
    headers: {
      'content-type': 'application/pdf',
      'x-file-name': fileName,
      cookie: to.cookie,
      'x-csrf-token': to.csrf,
    },
  });
}

/** A candidate enrolled on `certificationId` as the training organisation; ids. */
async function enrolled(certificationId = cert.id, extra: Record<string, unknown> = {}) {
  const res = await call(to, 'POST', '/api/v1/candidacies', enrolment({ certificationId, ...extra }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; candidateId: string };
}

describe('merge', () => {
  it('moves the duplicate’s candidacies (and their evidence) and account to the record kept; the duplicate redirects there; audited with ids', async () => {
    const person = f.newCandidate();
    const kept = await enrolled(cert.id, { candidate: { ...person, email: undefined } });
    const dup = await enrolled(cert2.id, { candidate: person, confirmHomonym: true });
    const up = await positionedWithEvidence(dup.id, 'piece.pdf');
    expect(up.statusCode, up.body).toBe(201);
    const dupAccount = (
      await t.db
        .selectFrom('candidates')
        .select('user_id')
        .where('id', '=', dup.candidateId)
        .executeTakeFirstOrThrow()
    ).user_id;
    expect(dupAccount).not.toBeNull();

    const url = `/api/v1/candidates/${kept.candidateId}/merge`;
    expect((await call(to, 'POST', url, { duplicateId: dup.candidateId })).statusCode).toBe(403);
    expect((await call(otherManager, 'POST', url, { duplicateId: dup.candidateId })).statusCode).toBe(404);
    expect((await call(manager, 'POST', url, { duplicateId: kept.candidateId })).statusCode).toBe(422);
    const merged = await call(manager, 'POST', url, { duplicateId: dup.candidateId });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(
      merged
        .json()
        .candidacies.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([kept.id, dup.id].sort());
    expect(merged.json()).toMatchObject({ email: person.email?.toLowerCase(), hasAccount: true });
    const keptRow = await t.db
      .selectFrom('candidates')
      .selectAll()
      .where('id', '=', kept.candidateId)
      .executeTakeFirstOrThrow();
    expect(keptRow.user_id).toBe(dupAccount);
    // The evidence hangs on the candidacy, which moved.
    const evidence = await call(manager, 'GET', `/api/v1/candidacies/${dup.id}/positioning`);
    expect(JSON.stringify(evidence.json())).toContain(up.json().id);

    const read = await call(manager, 'GET', `/api/v1/candidates/${dup.candidateId}`);
    expect(read.statusCode).toBe(308);
    expect(read.headers.location).toBe(`/api/v1/candidates/${kept.candidateId}`);
    expect((await call(otherTo, 'GET', `/api/v1/candidates/${dup.candidateId}`)).statusCode).toBe(404);
    // Merged once: a second merge of it is refused, naming the field.
    const twice = await call(manager, 'POST', url, { duplicateId: dup.candidateId });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors[0].pointer).toBe('#/duplicateId');
    const audit = await t.db
      .selectFrom('audit_events')
      .select('diff')
      .where('action', '=', 'candidate.merge')
      .where('entity_id', '=', kept.candidateId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.diff)).toContain(dup.candidateId);
    expect(JSON.stringify(audit.diff)).not.toContain(person.birthName);
    expect(JSON.stringify(audit.diff)).not.toContain(person.email as string);
  });

  it('is refused (409) when both records have a candidacy in progress for the same certification', async () => {
    const person = f.newCandidate();
    const a = await enrolled(cert.id, { candidate: person });
    const b = await enrolled(cert.id, { candidate: { ...person, email: undefined }, confirmHomonym: true });
    const res = await call(admin, 'POST', `/api/v1/candidates/${a.candidateId}/merge`, {
      duplicateId: b.candidateId,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].detail).toContain(cert.code);
    // Once one has ended, the merge goes through.
    await t.services.candidacies.transition(
      b.id,
      { event: 'withdraw', reason: 'doublon' },
      SYSTEM_ADMIN,
      'test',
    );
    expect(
      (await call(admin, 'POST', `/api/v1/candidates/${a.candidateId}/merge`, { duplicateId: b.candidateId }))
        .statusCode,
    ).toBe(200);
  });
});

async function unzip(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const json = JSON.parse(await (zip.file('candidate.json') as JSZip.JSZipObject).async('string'));
  return { zip, json };
}

describe('export', () => {
  it('the person themselves and the DPO (admin) get a zip: candidate.json with the NIR in clear and the evidence files; others do not', async () => {
    const person = f.newCandidate({ nir: undefined });
    const { id, candidateId } = await enrolled(cert2.id, { candidate: person });
    const email = (person.email as string).toLowerCase();
    const up = await positionedWithEvidence(id, 'attestation.pdf');
    expect(up.statusCode).toBe(201);
    const url = `/api/v1/candidates/${candidateId}/export`;
    expect((await call(to, 'GET', url)).statusCode).toBe(403);
    expect((await call(manager, 'GET', url)).statusCode).toBe(403);
    const me = await activate(email);
    const strangerPerson = f.newCandidate();
    await enrolled(cert2.id, { candidate: strangerPerson });
    const stranger = await activate((strangerPerson.email as string).toLowerCase());
    expect((await call(stranger, 'GET', url)).statusCode).toBe(404);

    for (const who of [me, admin]) {
      const res = await call(who, 'GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).not.toContain(person.birthName);
      const { zip, json } = await unzip(res.rawPayload);
      expect(json.candidate).toMatchObject({ id: candidateId, birth_name: person.birthName, email });
      expect(json.candidacies).toHaveLength(1);
      expect(json.candidacies[0].statusHistory.map((h: { event: string }) => h.event)).toEqual([
        'enrol',
        'start_positioning',
      ]);
      const piece = json.candidacies[0].positioning.evidence[0];
      expect(piece.file_name).toBe('attestation.pdf');
      const content = await (zip.file(piece.file) as JSZip.JSZipObject).async('nodebuffer');
      expect(content.equals(PDF)).toBe(true);
    }
    const audits = await t.db
      .selectFrom('audit_events')
      .select('diff')
      .where('action', '=', 'candidate.export')
      .where('entity_id', '=', candidateId)
      .execute();
    expect(audits).toHaveLength(2);
  });

  it('holds the NIR in clear in the export only', async () => {
    const nir13 = '1850578006084';
    const nir = `${nir13}${String(nirKey(nir13)).padStart(2, '0')}`;
    const { candidateId } = await enrolled(cert2.id, {
      candidate: f.newCandidate({
        nir,
        sex: 'M',
        birthDate: { year: 1985, month: 5, day: 3 },
        birthPlace: { communeInsee: '78006' },
      }),
    });
    const res = await call(admin, 'GET', `/api/v1/candidates/${candidateId}/export`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await unzip(res.rawPayload)).json.candidate.nir).toBe(nir);
    const read = await call(admin, 'GET', `/api/v1/candidates/${candidateId}`);
    expect(read.json().nir).not.toContain(nir13);
  });
});

describe('evidence deletion', () => {
  it('those who manage the candidacy delete a file, at any step: the row and the file go, audited without the name; the candidate may not', async () => {
    const person = f.newCandidate();
    const { id } = await enrolled(cert2.id, { candidate: person });
    const up = await positionedWithEvidence(id, 'bulletin-de-salaire.pdf');
    expect(up.statusCode).toBe(201);
    const evidenceId = up.json().id as string;
    const { file_id } = await t.db
      .selectFrom('positioning_evidence')
      .select('file_id')
      .where('id', '=', evidenceId)
      .executeTakeFirstOrThrow();
    await t.services.candidacies.transition(id, { event: 'start_pathway' }, SYSTEM_ADMIN, 'test');
    const url = `/api/v1/candidacies/${id}/positioning/evidence/${evidenceId}`;
    const me = await activate((person.email as string).toLowerCase());
    expect((await call(me, 'DELETE', url)).statusCode).toBe(403);
    expect((await call(otherTo, 'DELETE', url)).statusCode).toBe(404);
    const res = await call(to, 'DELETE', url);
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.stringify(res.json())).not.toContain(evidenceId);
    expect((await call(to, 'GET', url)).statusCode).toBe(404);
    expect((await call(to, 'DELETE', url)).statusCode).toBe(404);
    await expect(t.services.files.get(file_id)).rejects.toThrow();
    const audit = await t.db
      .selectFrom('audit_events')
      .select('diff')
      .where('action', '=', 'positioning.evidence_delete')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.diff)).toContain(evidenceId);
    expect(JSON.stringify(audit.diff)).not.toContain('bulletin');
  });
});

describe('purge after the retention period', () => {
  it('anonymises those whose last candidacy ended more than RETENTION ago (dry run first), deletes their files and account; the audit chain still verifies', async () => {
    const nir13 = '2900469383125';
    const person = f.newCandidate({
      nir: `${nir13}${String(nirKey(nir13)).padStart(2, '0')}`,
      sex: 'F',
      birthDate: { year: 1990, month: 4, day: 12 },
    });
    const old = await enrolled(cert2.id, { candidate: person });
    const email = (person.email as string).toLowerCase();
    await activate(email);
    const up = await positionedWithEvidence(old.id, 'cv.pdf');
    expect(up.statusCode).toBe(201);
    const fileId = (
      await t.db
        .selectFrom('positioning_evidence')
        .select('file_id')
        .where('id', '=', up.json().id)
        .executeTakeFirstOrThrow()
    ).file_id;
    await t.services.candidacies.transition(
      old.id,
      { event: 'withdraw', reason: 'Raison de santé' },
      SYSTEM_ADMIN,
      'test',
    );
    // Ended six years ago (as the history would say had it been then).
    const sixYearsAgo = new Date(Date.now() - 6 * 366 * 24 * 3600 * 1000);
    await t.db
      .updateTable('candidacy_status_history')
      .set({ at: sixYearsAgo })
      .where('candidacy_id', '=', old.id)
      .execute();
    // Ended recently, and still in progress: both kept.
    const recent = await enrolled(cert2.id);
    await t.services.candidacies.transition(
      recent.id,
      { event: 'withdraw', reason: 'x' },
      SYSTEM_ADMIN,
      'test',
    );
    const active = await enrolled(cert2.id);

    const dry = await t.services.personalData.purge({ retentionYears: 5, dryRun: true });
    expect(dry.candidateIds).toContain(old.candidateId);
    expect(dry.candidateIds).not.toContain(recent.candidateId);
    expect(dry.candidateIds).not.toContain(active.candidateId);
    const untouched = await t.db
      .selectFrom('candidates')
      .selectAll()
      .where('id', '=', old.candidateId)
      .executeTakeFirstOrThrow();
    expect(untouched.anonymised_at).toBeNull();
    const kept: Buffer[] = [];
    for await (const chunk of (await t.services.files.get(fileId)).stream) kept.push(chunk as Buffer);
    expect(Buffer.concat(kept).equals(PDF)).toBe(true);

    const done = await t.services.personalData.purge({ retentionYears: 5, dryRun: false });
    expect(done.candidateIds).toEqual(dry.candidateIds);
    expect(done.evidenceFiles).toBeGreaterThanOrEqual(1);
    const row = await t.db
      .selectFrom('candidates')
      .selectAll()
      .where('id', '=', old.candidateId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      birth_name: 'ANONYME',
      first_names: ['ANONYME'],
      usage_name: null,
      sex: person.sex,
      birth_year: person.birthDate.year,
      birth_month: null,
      email: null,
      phone: null,
      nir_encrypted: null,
      nir_hash: null,
      email_key: null,
      user_id: null,
    });
    expect(row.anonymised_at).not.toBeNull();
    await expect(t.services.files.get(fileId)).rejects.toThrow();
    expect(
      await t.db.selectFrom('positioning_evidence').select('id').where('candidacy_id', '=', old.id).execute(),
    ).toEqual([]);
    const history = await t.db
      .selectFrom('candidacy_status_history')
      .select(['event', 'reason'])
      .where('candidacy_id', '=', old.id)
      .execute();
    expect(history.map((h) => h.event)).toEqual(['enrol', 'start_positioning', 'withdraw']);
    expect(history.every((h) => h.reason === null)).toBe(true);
    // The candidacy stays (statistics), the account is emptied and cannot sign in.
    expect((await call(admin, 'GET', `/api/v1/candidacies/${old.id}`)).json().status).toBe('withdrawn');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: NEW_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    expect(await t.db.selectFrom('users').select('id').where('email', '=', email).execute()).toEqual([]);
    // Others untouched; a second purge finds nothing.
    for (const id of [recent.candidateId, active.candidateId])
      expect(
        (
          await t.db
            .selectFrom('candidates')
            .select('anonymised_at')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).anonymised_at,
      ).toBeNull();
    expect((await t.services.personalData.purge({ retentionYears: 5, dryRun: false })).candidates).toBe(0);

    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true });
    const audit = JSON.stringify(
      await t.db.selectFrom('audit_events').select(['diff', 'actor_label']).execute(),
    );
    for (const value of [person.birthName, email, nir13, 'Raison de santé', 'cv.pdf'])
      expect(audit).not.toContain(value);
  });
});

describe('logs', () => {
  it('were written during these tests and hold none of the candidates’ personal values', async () => {
    const text = logged.join('');
    expect(text).toContain('"statusCode"');
    const people = await t.db.selectFrom('candidates').select(['birth_name', 'email']).execute();
    const users = await t.db
      .selectFrom('users')
      .select('email')
      .where('email', 'like', '%candidat%')
      .execute();
    for (const value of [
      NIR_13,
      ...people.flatMap((p) => [p.email ?? []]).flat(),
      ...users.map((u) => u.email),
    ])
      expect(text).not.toContain(value);
    for (const p of people) if (p.birth_name !== 'ANONYME') expect(text).not.toContain(p.birth_name);
  });
});
