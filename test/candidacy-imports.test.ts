import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/contracts/dates.js';
import { IMPORT_COLUMNS } from '../src/modules/candidates/candidacy-imports.js';
import { type Factories, factories, newSiret, TEST_PASSWORD } from './factories.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * Bulk enrolment through HTTP on a real database: a 1,000-row file with 10 bad rows of
 * different kinds answers exactly those 10 problems with row and column and creates nothing;
 * fixed, it creates 1,000 candidacies. CSV (`;`, `,`, BOM) and xlsx, dry run, headers, size.
 */
let t: TestApp;
let f: Factories;
let cert: { id: string; code: string };
let org1: { id: string; siret: string };
let org2: { id: string; siret: string };
let employer: { id: string; siret: string };
let to1: Signed;
let to2: Signed;
let manager: Signed;

/** A different letters-only word per call (birth names compare without digits). */
let counter = 0;
const runTag = Date.now()
  .toString(36)
  .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)] as string);
function word(n = ++counter): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor(x / 26)) s = String.fromCharCode(97 + (x % 26)) + s;
  return `${runTag}${s}`;
}

type Row = Record<string, string>;

function row(overrides: Row = {}): Row {
  const name = word();
  return {
    nom_naissance: `Import ${name}`,
    prenom1: 'Camille',
    sexe: 'F',
    date_naissance: '12/04/1990',
    commune_naissance_insee: '69383',
    email: `import-${name}@test.qualif.test`,
    certification: cert.code,
    voie_acces: 'plan_developpement',
    organisme_siret: org1.siret,
    employeur_siret: employer.siret,
    date_entree: today(),
    statut: 'salarie',
    type_contrat: 'cdi',
    ...overrides,
  };
}

function csv(rows: Row[], opts: { delimiter?: string; bom?: boolean; columns?: string[] } = {}): Buffer {
  const d = opts.delimiter ?? ',';
  const columns = opts.columns ?? IMPORT_COLUMNS.map((c) => c.name);
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const text = [columns.join(d), ...rows.map((r) => columns.map((c) => quote(r[c] ?? '')).join(d))].join(
    '\r\n',
  );
  return Buffer.concat([opts.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text)]);
}

async function xlsx(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inscriptions');
  const columns = IMPORT_COLUMNS.map((c) => c.name);
  ws.addRow(columns);
  for (const r of rows) ws.addRow(columns.map((c) => r[c] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function post(who: Signed, body: Buffer, query = '', type = 'text/csv') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/candidacies/imports${query}`,
    payload: body,
    headers: { 'content-type': type, cookie: who.cookie, 'x-csrf-token': who.csrf },
  });
}

async function countOf(table: 'candidacies' | 'candidates' | 'organisations' | 'jobs') {
  return Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

async function counts() {
  return { candidacies: await countOf('candidacies'), candidates: await countOf('candidates') };
}

/** The cells of a row enrolling a candidate already known (with a candidacy for another certification). */
async function existingCandidateRow(): Promise<Row & { candidat_id: string }> {
  const { candidateId } = await f.newCandidacy({
    certificationId: (await f.newEnrollableCertification([(await f.newBranch()).id], [org1.id])).id,
    trainingOrganisationId: org1.id,
  });
  return { candidat_id: candidateId, nom_naissance: '', prenom1: '', sexe: '', date_naissance: '' };
}

type Problem = { errors: { row: number; column: string; pointer: string; detail: string }[] };

beforeAll(async () => {
  // No job runner here: the imports queue one invitation per candidate with an email (tested in
  // personal-data.test.ts); sending thousands of them would only slow the imports measured here.
  t = await createTestApp({ demo: false, env: { JOBS_CONCURRENCY: '0' } });
  f = factories(t.services);
  const branch = await f.newBranch();
  const siretOf = async (o: { id: string }) => ({
    id: o.id,
    siret: (
      await t.db.selectFrom('organisations').select('siret').where('id', '=', o.id).executeTakeFirstOrThrow()
    ).siret as string,
  });
  org1 = await siretOf(await f.newOrganisation('training_org'));
  org2 = await siretOf(await f.newOrganisation('training_org'));
  employer = await siretOf(await f.newOrganisation('employer'));
  cert = await f.newEnrollableCertification([branch.id], [org1.id]);
  manager = await signIn(
    t.app,
    (await f.newUser('branch_manager', { branchId: branch.id })).email,
    TEST_PASSWORD,
  );
  to1 = await signIn(
    t.app,
    (await f.newUser('training_org', { organisationId: org1.id })).email,
    TEST_PASSWORD,
  );
  to2 = await signIn(
    t.app,
    (await f.newUser('training_org', { organisationId: org2.id })).email,
    TEST_PASSWORD,
  );
}, 120_000);
afterAll(() => t?.close());

describe('bulk enrolment', () => {
  it('1,000 rows with 10 bad ones: exactly those 10 with row and column, nothing created; fixed, 1,000 created', async () => {
    const already = f.newCandidate({ birthName: `Deja ${word()}` });
    await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org1.id, candidate: already });

    const rows = Array.from({ length: 1000 }, () => row());
    // Spreadsheet row = index + 2 (the header is row 1).
    const bad: { index: number; column: string; change: Row }[] = [
      { index: 3, column: 'commune_naissance_insee', change: { commune_naissance_insee: '96001' } },
      { index: 90, column: 'date_naissance', change: { date_naissance: '31/02/1990' } },
      { index: 150, column: 'voie_acces', change: { voie_acces: 'apprentissage' } },
      { index: 222, column: 'organisme_siret', change: { organisme_siret: newSiret() } },
      { index: 301, column: 'organisme_siret', change: { organisme_siret: org2.siret } },
      {
        index: 480,
        column: 'nom_naissance',
        change: { nom_naissance: already.birthName, prenom1: 'Camille', date_naissance: '12/04/1990' },
      },
      {
        index: 555,
        column: 'nom_naissance',
        change: { nom_naissance: rows[554]?.nom_naissance as string },
      },
      { index: 640, column: 'certification', change: { certification: 'INCONNUE-XYZ' } },
      { index: 777, column: 'date_entree', change: { date_entree: '2026-13-01' } },
      { index: 998, column: 'blocs', change: { blocs: 'BC01|BC09' } },
    ];
    const faulty = rows.map((r, i) => {
      const b = bad.find((x) => x.index === i);
      return b ? { ...r, ...b.change } : r;
    });
    const before = await counts();
    // The branch's manager may enrol into any organisation: org2 is refused as not habilitated.
    const refused = await post(manager, csv(faulty));
    expect(refused.statusCode, refused.body.slice(0, 2000)).toBe(422);
    const body = refused.json() as Problem;
    expect(body.errors.map((e) => ({ row: e.row, column: e.column }))).toEqual(
      bad.map((b) => ({ row: b.index + 2, column: b.column })),
    );
    for (const e of body.errors) {
      expect(e.pointer).toBe(`#/rows/${e.row}/${e.column}`);
      expect(e.detail.length).toBeGreaterThan(5);
    }
    // No personal value in the answer (the names of the rows at fault, the existing person's).
    for (const secret of [already.birthName, rows[554]?.nom_naissance as string, 'Camille', '1990'])
      expect(refused.body).not.toContain(secret);
    expect(body.errors.find((e) => e.row === 482)?.detail).toMatch(/\/api\/v1\/candidates\//);
    expect(body.errors.find((e) => e.row === 303)?.detail).toMatch(/n’est pas habilité/);
    expect(await counts()).toEqual(before);

    // Fixed: the bad rows replaced by good ones → 1,000 created in one go.
    const fixed = rows.map((r, i) => (bad.some((b) => b.index === i) ? row() : r));
    const started = Date.now();
    const created = await post(manager, csv(fixed));
    const elapsed = Date.now() - started;
    expect(created.statusCode, created.body.slice(0, 2000)).toBe(201);
    expect(created.json().created).toBe(1000);
    expect(created.json().candidacies).toHaveLength(1000);
    expect(await counts()).toEqual({
      candidacies: before.candidacies + 1000,
      candidates: before.candidates + 1000,
    });
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/v1/candidacies/${created.json().candidacies[500]}`,
      headers: { cookie: to1.cookie },
    });
    expect(one.json()).toMatchObject({
      certificationId: cert.id,
      trainingOrganisationId: org1.id,
      employerId: employer.id,
      route: 'plan_developpement',
      status: 'enrolled',
      eligibility: { status: 'open' },
      blocCodes: ['BC01', 'BC02'],
    });
    // One audit entry for the file, with the ids and no personal value.
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['diff'])
      .where('action', '=', 'candidacy.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.diff)).toContain(created.json().candidacies[0]);
    expect(JSON.stringify(audit.diff)).not.toContain(fixed[0]?.nom_naissance);
    console.info(`bulk enrolment: 1,000 rows in ${elapsed} ms`);
  }, 240_000);

  it('reads CSV with « ; » and a BOM, and xlsx; a dry run creates nothing', async () => {
    const before = await counts();
    const dry = await post(to1, csv([row(), row()], { delimiter: ';', bom: true }), '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 2, candidacies: [] });
    expect(await counts()).toEqual(before);

    const semi = await post(
      to1,
      csv([row(), row({ blocs: 'BC02', prenom2: 'Marie' })], { delimiter: ';', bom: true }),
    );
    expect(semi.statusCode, semi.body).toBe(201);
    expect(semi.json().created).toBe(2);

    const book = await post(
      to1,
      await xlsx([row(), row({ date_naissance: '1985-00-00' })]),
      '',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(book.statusCode, book.body).toBe(201);
    expect(book.json().created).toBe(2);
    // The bytes decide, not the declared type.
    const mislabelled = await post(to1, await xlsx([row()]), '', 'application/octet-stream');
    expect(mislabelled.statusCode, mislabelled.body).toBe(201);
    expect(await counts()).toEqual({
      candidacies: before.candidacies + 5,
      candidates: before.candidates + 5,
    });
  }, 120_000);

  it('columns in any order, optional ones absent; an unknown or missing header is named on row 1', async () => {
    const columns = [
      'date_entree',
      'organisme_siret',
      'voie_acces',
      'certification',
      'commune_naissance_insee',
      'date_naissance',
      'sexe',
      'prenom1',
      'nom_naissance',
      'statut',
    ];
    const ok = await post(to1, csv([row()], { columns }), '?dryRun=true');
    expect(ok.statusCode, ok.body).toBe(200);

    const unknown = await post(to1, csv([row()], { columns: [...columns, 'age'] }));
    expect(unknown.statusCode).toBe(422);
    expect((unknown.json() as Problem).errors).toEqual([
      expect.objectContaining({ row: 1, column: 'age', detail: expect.stringMatching(/Colonne inconnue/) }),
    ]);
    const missing = await post(to1, csv([row()], { columns: columns.filter((c) => c !== 'sexe') }));
    expect(missing.statusCode).toBe(422);
    expect((missing.json() as Problem).errors).toEqual([
      expect.objectContaining({ row: 1, column: 'sexe', pointer: '#/rows/1/sexe' }),
    ]);
  });

  it('scope: a training organisation enrols only into itself (that row named), and a candidate_id row', async () => {
    // Organisation 2 may not enrol into organisation 1 (row 2), and is not habilitated itself (row 3).
    const other = await post(to2, csv([row(), row({ organisme_siret: org2.siret })]));
    expect(other.statusCode).toBe(422);
    expect((other.json() as Problem).errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'organisme_siret',
        detail: expect.stringMatching(/votre organisme/),
      }),
      expect.objectContaining({
        row: 3,
        column: 'organisme_siret',
        detail: expect.stringMatching(/habilité/),
      }),
    ]);

    const existing = await existingCandidateRow();
    const twice = await post(to1, csv([row(existing), row(existing)]));
    expect(twice.statusCode).toBe(422);
    expect((twice.json() as Problem).errors.map((e) => [e.row, e.column])).toEqual([[3, 'candidat_id']]);
    const once = await post(to1, csv([row(existing)]));
    expect(once.statusCode, once.body).toBe(201);
  });

  it('refuses a file over the size limit (413), over 10,000 rows and unreadable bytes (422 on the file)', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 'a');
    const res = await post(to1, big);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const tooLong = await post(to1, Buffer.from(['nom_naissance', ...Array(10_001).fill('x')].join('\n')));
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0]).toMatchObject({
      field: 'file',
      detail: expect.stringMatching(/dépasse 10\u202f000 lignes|dépasse 10 000 lignes/),
    });
    const notUtf8 = await post(to1, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x80, 0x81]));
    expect(notUtf8.statusCode).toBe(422);
    expect(notUtf8.json().errors[0]).toMatchObject({ field: 'file' });
  });

  it('the template is a workbook with the header row and one example row', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/candidacies/imports/template',
      headers: { cookie: to1.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.rowCount).toBe(2);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(IMPORT_COLUMNS.map((c) => c.name));
  });
});

describe('bulk enrolment: employers unknown to Qualif', () => {
  const organisationsWith = (siret: string) =>
    t.db.selectFrom('organisations').select(['id', 'name', 'kind']).where('siret', '=', siret).execute();
  const organisationCount = () => countOf('organisations');
  /** A valid SIRET whose last digit is changed: its key no longer holds. */
  const badKey = (siret: string) => `${siret.slice(0, 13)}${(Number(siret[13]) + 1) % 10}`;

  it('a new SIRET with its name is registered once for two rows, audited; the dry run creates nothing', async () => {
    const siret = newSiret();
    const file = csv([
      row({ employeur_siret: siret, employeur_raison_sociale: 'Boulangerie  du Port' }),
      row(),
      row({ employeur_siret: siret, employeur_raison_sociale: 'BOULANGERIE DU PORT' }),
    ]);
    const before = { ...(await counts()), organisations: await organisationCount() };

    const dry = await post(to1, file, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 3 });
    expect(dry.json().warnings).toEqual([
      { row: 2, column: 'employeur_siret', detail: expect.stringMatching(/sera enregistré/) },
    ]);
    expect({ ...(await counts()), organisations: await organisationCount() }).toEqual(before);
    expect(await organisationsWith(siret)).toEqual([]);

    const res = await post(to1, file);
    expect(res.statusCode, res.body).toBe(201);
    const registered = await organisationsWith(siret);
    expect(registered).toEqual([{ id: expect.any(String), name: 'Boulangerie du Port', kind: 'employer' }]);
    const employerId = registered[0]?.id as string;
    const ids = res.json().candidacies as string[];
    const employers = await t.db
      .selectFrom('candidacies')
      .select(['id', 'employer_id'])
      .where('id', 'in', ids)
      .execute();
    expect(new Map(employers.map((c) => [c.id, c.employer_id]))).toEqual(
      new Map([
        [ids[0], employerId],
        [ids[1], employer.id],
        [ids[2], employerId],
      ]),
    );
    // Audited as the form audits it, and named in the file's own entry.
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'diff', 'request_id'])
      .where('entity_id', '=', employerId)
      .execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'organisation.create' })]);
    expect(JSON.stringify(audit[0]?.diff)).toContain(siret);
    const importAudit = await t.db
      .selectFrom('audit_events')
      .select(['diff', 'request_id'])
      .where('action', '=', 'candidacy.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(importAudit.diff)).toContain(employerId);
    expect(importAudit.request_id).toBe(audit[0]?.request_id);

    // Now known: a later file names it without its name.
    const again = await post(to1, csv([row({ employeur_siret: siret })]));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().warnings).toEqual([]);
    expect(await organisationsWith(siret)).toHaveLength(1);
  });

  it('a bad key, a missing name, two names for one SIRET: each named on its row and column', async () => {
    const siret = newSiret();
    const unnamed = newSiret();
    const before = await organisationCount();
    const res = await post(
      manager,
      csv([
        row({ employeur_siret: badKey(newSiret()), employeur_raison_sociale: 'Clé Fausse' }),
        row({ employeur_siret: unnamed }),
        row({ employeur_siret: siret, employeur_raison_sociale: 'Garage Central' }),
        row({ employeur_siret: siret, employeur_raison_sociale: 'Garage du Centre' }),
        row({ employeur_raison_sociale: 'Sans Siret', employeur_siret: '' }),
      ]),
    );
    expect(res.statusCode, res.body).toBe(422);
    const errors = (res.json() as Problem).errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'employeur_siret'],
      [3, 'employeur_siret'],
      [5, 'employeur_raison_sociale'],
      [6, 'employeur_raison_sociale'],
    ]);
    expect(errors[0]?.detail).toMatch(/clé de contrôle/i);
    expect(errors[1]?.detail).toMatch(/employeur_raison_sociale/);
    expect(errors[2]?.detail).toMatch(/ligne 4/);
    expect(errors[2]?.pointer).toBe('#/rows/5/employeur_raison_sociale');
    expect(await organisationCount()).toBe(before);
  });

  it('a failing row elsewhere in the file: nothing created, the new employer neither', async () => {
    const siret = newSiret();
    const before = { ...(await counts()), organisations: await organisationCount() };
    const res = await post(
      to1,
      csv([
        row({ employeur_siret: siret, employeur_raison_sociale: 'Menuiserie Neuve' }),
        row(),
        row({ date_entree: '2026-02-30' }),
      ]),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect((res.json() as Problem).errors.map((e) => [e.row, e.column])).toEqual([[4, 'date_entree']]);
    expect({ ...(await counts()), organisations: await organisationCount() }).toEqual(before);
    expect(await organisationsWith(siret)).toEqual([]);
  });
});

describe('bulk enrolment: the enrolment email', () => {
  it('one candidacy.enrolled job per imported candidacy whose candidate has an email, in the import', async () => {
    const existing = await existingCandidateRow();
    const candidateId = existing.candidat_id;
    const res = await post(to1, csv([row(), row({ email: '' }), row(existing), row()]));
    expect(res.statusCode, res.body).toBe(201);
    const ids = res.json().candidacies as string[];
    const jobs = await t.db
      .selectFrom('jobs')
      .select(['kind', 'payload', 'idempotency_key', 'state'])
      .where(
        'idempotency_key',
        'in',
        ids.map((id) => `candidacy.enrolled:${id}`),
      )
      .execute();
    // The row without an email (row 3, the second candidacy) has none; the existing candidate has one.
    const byKey = new Map(jobs.map((j) => [j.idempotency_key, j]));
    expect([...byKey.keys()].sort()).toEqual(
      [ids[0], ids[2], ids[3]].map((id) => `candidacy.enrolled:${id}`).sort(),
    );
    const candidates = new Map(
      (
        await t.db.selectFrom('candidacies').select(['id', 'candidate_id']).where('id', 'in', ids).execute()
      ).map((c) => [c.id, c.candidate_id]),
    );
    for (const id of [ids[0], ids[2], ids[3]] as string[]) {
      const job = byKey.get(`candidacy.enrolled:${id}`);
      expect(job).toMatchObject({ kind: 'mail.send', state: 'pending' });
      expect(job?.payload).toEqual({
        template: 'candidacy.enrolled',
        to: { kind: 'candidate', id: candidates.get(id) },
        refs: { candidacyId: id },
      });
    }
    expect(candidates.get(ids[2] as string)).toBe(candidateId);

    // A refused file enqueues nothing.
    const before = await countOf('jobs');
    const refused = await post(to1, csv([row(), row({ sexe: 'X' })]));
    expect(refused.statusCode).toBe(422);
    expect(await countOf('jobs')).toBe(before);
  });
});
