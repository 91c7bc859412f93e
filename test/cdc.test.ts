import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/contracts/dates.js';
import type { JuryOutcome } from '../src/contracts/juries.js';
import { addMonths } from '../src/modules/cdc/domain/deadline.js';
import { validateFlux, xsdPath } from '../src/modules/cdc/xsd.js';
import { type Factories, factories, newSiret, TEST_PASSWORD } from './factories.js';
import { seedReadyCandidacies, seedSealedSession } from './jury-seed.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The holders' deposit to the Caisse des Dépôts (issue 14, point 4) on a real database through
 * HTTP: certifier settings, a deposit batch (pre-flight exclusions, one certifier per flux, 422
 * naming certifierId), the flux validated against the XSD in-process AND by the system
 * `xmllint`, the CDC's processing reports (the two real ones in test/fixtures/cdc, and built
 * ones), a KO fixed and re-deposited alone, the deadlines. Awards come from sealed sessions
 * seeded in SQL and closed through the API (test/jury-seed.ts says why).
 */
let t: TestApp;
let f: Factories;
let manager: Signed;
let advisor: Signed;
let otherManager: Signed;
let managerId: string;
let branch: { id: string };
let org: { id: string };
const S1 = newSiret();
const S2 = newSiret();
let certA: { id: string; code: string };
let certB: { id: string; code: string };
let certFree: { id: string; code: string };

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'cdc');
const json = (s: Signed) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const xmlHeaders = (s: Signed) => ({ ...json(s), 'content-type': 'application/xml' });

/** The system xmllint must be there (.ci/run installs libxml2-utils): its absence fails, never skips. */
function systemXmllint(xml: string): { ok: boolean; output: string } {
  const which = spawnSync('xmllint', ['--version']);
  if (which.error)
    throw new Error(
      'xmllint introuvable : installez libxml2-utils (apt-get install libxml2-utils) — .ci/run le fait.',
    );
  const dir = mkdtempSync(path.join(tmpdir(), 'qualif-cdc-'));
  try {
    const file = path.join(dir, 'flux.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', xsdPath('1.1.2') as string, file], {
      encoding: 'utf8',
    });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A certification of the branch owned by `siret`, registered in the RNCP since 2020 (or never). */
async function certification(siret: string, registered: string | null) {
  const cert = await f.newEnrollableCertification([branch.id], [org.id]);
  await t.db
    .updateTable('certifications')
    .set({ legal_owner_siret: siret, legal_owner_name: `Certificateur ${siret}` })
    .where('id', '=', cert.id)
    .execute();
  if (registered)
    await f.addEvents(cert.id, [
      {
        type: 'rncp_registered',
        date: '2020-03-01',
        number: registered,
        level: 4,
        from: '2020-03-01',
        to: '2030-02-28',
      },
    ]);
  return cert;
}

/** Valid identities for seeded candidates (the seed names them « Seed <tag> <n> »: digits). */
const FIRST = ['Camille', 'Léa', 'Zoé', 'Jean-Marc', 'Anaïs', 'Noé', 'Inès', 'Éric'];
async function cleanIdentities(candidateIds: string[]) {
  for (const [i, id] of candidateIds.entries())
    await t.db
      .updateTable('candidates')
      .set({
        birth_name: `D'ARTAGNAN-${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}${'ABCDEFGHIJ'[Math.floor(i / 26) % 10]}`,
        first_names: sql`${`{${FIRST[i % FIRST.length]}}`}::text[]`,
        birth_month: 4,
        birth_day: 12,
        birth_commune_insee: '69383',
      })
      .where('id', '=', id)
      .execute();
}

/** Closed sessions on `date` for `outcomes` on `cert`: the awards created. */
async function awards(cert: { id: string }, outcomes: JuryOutcome[], date = today()) {
  const template = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id })).id;
  const { candidacyIds, candidateIds } = await seedReadyCandidacies(t.db, template, outcomes.length);
  await cleanIdentities(candidateIds);
  const juryId = await seedSealedSession(t.db, {
    branchId: branch.id,
    certificationIds: [cert.id],
    candidacyIds,
    postedBy: managerId,
    outcomeOf: (i) => outcomes[i] as JuryOutcome,
    date,
  });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/juries/${juryId}/close`,
    headers: json(manager),
  });
  expect(res.statusCode, res.body).toBe(200);
  const created = res.json().awards as { id: string; candidacyId: string; kind: string; number: string }[];
  const byCandidacy = new Map(created.map((a) => [a.candidacyId, a]));
  return candidacyIds.map((c, i) => ({
    ...(byCandidacy.get(c) as (typeof created)[number]),
    candidateId: candidateIds[i] as string,
  }));
}

const deposit = (body: Record<string, unknown>, who = manager) =>
  t.app.inject({ method: 'POST', url: '/api/v1/cdc/deposits', headers: json(who), payload: body });
const configure = (siret: string, clientId = 'ABC12345', who = manager) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/cdc/certifiers/${siret}`,
    headers: json(who),
    payload: { clientId, contractId: 'MCFCER000999' },
  });
const flux = (id: string, who = manager) =>
  t.app.inject({ method: 'GET', url: `/api/v1/cdc/deposits/${id}/flux.xml`, headers: json(who) });
const report = (id: string, xml: string, who = manager) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/cdc/deposits/${id}/report`,
    headers: xmlHeaders(who),
    payload: xml,
  });

function idTechniques(xml: string): string[] {
  return [...xml.matchAll(/<cpf:idTechnique>([^<]+)<\/cpf:idTechnique>/g)].map((m) => m[1] as string);
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  branch = await f.newBranch();
  const otherBranch = await f.newBranch();
  org = await f.newOrganisation('training_org');
  certA = await certification(S1, 'RNCP34567');
  certB = await certification(S2, 'RNCP35000');
  certFree = await certification(S1, null);
  const m = await f.newUser('branch_manager', { branchId: branch.id });
  managerId = m.id;
  manager = await signIn(t.app, m.email, TEST_PASSWORD);
  advisor = await signIn(t.app, (await f.newUser('advisor', { branchId: branch.id })).email, TEST_PASSWORD);
  otherManager = await signIn(
    t.app,
    (await f.newUser('branch_manager', { branchId: otherBranch.id })).email,
    TEST_PASSWORD,
  );
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('certifier settings', () => {
  it('lists the legal owners of the branch’s certifications; a manager sets them, an advisor reads only, another branch sees nothing', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/cdc/certifiers', headers: json(advisor) });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((c: { certifierId: string }) => c.certifierId);
    expect(ids).toEqual(expect.arrayContaining([S1, S2]));
    expect(list.json().items.find((c: { certifierId: string }) => c.certifierId === S1).settings).toBeNull();

    expect((await configure(S1, 'ABC12345', advisor)).statusCode).toBe(403);
    expect((await configure(S1, 'ABC12345', otherManager)).statusCode).toBe(404);
    expect((await configure(S1, 'TROPLONG9')).statusCode).toBe(400);
    const ok = await configure(S1);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().settings).toMatchObject({
      clientId: 'ABC12345',
      contractId: 'MCFCER000999',
      xsdVersion: '1.1.2',
    });
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cdc/certifiers/${S1}`,
      headers: json(otherManager),
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('a deposit batch', () => {
  let batch: Awaited<ReturnType<typeof awards>>;
  let depositId: string;
  let xml: string;

  it('422 naming certifierId when the branch’s due awards span two certifiers; a certifier without settings → 422', async () => {
    batch = await awards(certA, ['full', 'full', 'full', 'full', 'full', 'partial']);
    await awards(certB, ['full']);
    await awards(certFree, ['full']);
    const res = await deposit({ branchId: branch.id });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('certifierId');
    const unset = await deposit({ branchId: branch.id, certifierId: S2 });
    expect(unset.statusCode).toBe(422);
    expect(unset.json().errors[0].field).toBe('certifierId');
    expect((await deposit({ branchId: branch.id, certifierId: S1 }, advisor)).statusCode).toBe(403);
    expect((await deposit({ branchId: branch.id, certifierId: S1 }, otherManager)).statusCode).toBe(422);
  }, 120_000);

  it('checks identities first: failures listed per holder with reasons (no personal data) and left out; the rest deposited', async () => {
    const [, paris, digits, abroad] = batch as [
      unknown,
      { id: string; candidateId: string },
      { id: string; candidateId: string },
      { id: string; candidateId: string },
    ];
    await t.db
      .updateTable('candidates')
      .set({ birth_commune_insee: '75056' })
      .where('id', '=', paris.candidateId)
      .execute();
    await t.db
      .updateTable('candidates')
      .set({ birth_name: 'DUPONT 2' })
      .where('id', '=', digits.candidateId)
      .execute();
    await t.db
      .updateTable('candidates')
      .set({ birth_commune_insee: null, birth_country_insee: '99134', birth_month: null, birth_day: null })
      .where('id', '=', abroad.candidateId)
      .execute();
    const res = await deposit({ branchId: branch.id, certifierId: S1 });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    depositId = body.id;
    // 6 awards on certA: one partial (not deposited, not listed: not named), two failing the pre-flight.
    expect(body.passages).toBe(3);
    expect(body.excluded.map((e: { awardId: string }) => e.awardId).sort()).toEqual(
      [paris.id, digits.id].sort(),
    );
    const reasons = body.excluded.flatMap((e: { reasons: string[] }) => e.reasons).join(' ');
    expect(reasons).toMatch(/arrondissement/);
    expect(reasons).toMatch(/Nom de naissance : caractères non admis/);
    expect(reasons).not.toMatch(/DUPONT|75056/);
  }, 60_000);

  it('offers the flux validated by the XSD in-process and by the system xmllint; one idTechnique per passage, kept', async () => {
    const res = await flux(depositId, advisor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/xml/);
    xml = res.body;
    expect(validateFlux(xml, '1.1.2')).toEqual([]);
    const lint = systemXmllint(xml);
    expect(lint.ok, lint.output).toBe(true);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cdc/deposits/${depositId}`,
      headers: json(manager),
    });
    const passages = detail.json().passages as { idTechnique: string; result: string; awardNumber: string }[];
    expect(idTechniques(xml).sort()).toEqual(passages.map((p) => p.idTechnique).sort());
    expect(passages.every((p) => p.result === 'pending' && p.idTechnique === `${p.awardNumber}-1`)).toBe(
      true,
    );
    expect(xml).toContain(`<cpf:idFlux>${detail.json().idFlux}</cpf:idFlux>`);
    expect(xml).toContain('<cpf:code>RNCP34567</cpf:code>');
    expect(xml).toContain('<cpf:codePaysNaissance>134</cpf:codePaysNaissance>');
    expect(xml).toContain('FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION');
    expect((await flux(depositId, otherManager)).statusCode).toBe(404);
  });

  it('a second batch finds nothing left to deposit (passages pending) → 422', async () => {
    const res = await deposit({ branchId: branch.id, certifierId: S1 });
    expect(res.statusCode).toBe(422);
  });

  it('imports the report: OK, KO with the CDC’s reason, « déjà en base » counted deposited; a fixed KO is re-deposited alone', async () => {
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/cdc/deposits/${depositId}`, headers: json(manager) })
    ).json();
    const [p1, p2, p3] = detail.passages as { idTechnique: string; awardId: string; candidacyId: string }[];
    const rapport = `<?xml version="1.0" encoding="UTF-8"?>
<rapport xmlns:ns2="urn:cdc:cpf:pc5:rapport:schema">
  <idFlux>${detail.idFlux}</idFlux><idTraitement>70001</idTraitement>
  <PassagesKO>
    <passage><idTechnique>${p2?.idTechnique}</idTechnique><messageErreur>Aucun titulaire ne correspond aux critères obligatoires</messageErreur></passage>
    <passage><idTechnique>${p3?.idTechnique}</idTechnique><messageErreur>Le titulaire existe déjà en base</messageErreur></passage>
  </PassagesKO>
  <PassagesOK><idTechnique>${p1?.idTechnique}</idTechnique></PassagesOK>
</rapport>`;
    expect((await report(depositId, rapport, advisor)).statusCode).toBe(403);
    const res = await report(depositId, rapport);
    expect(res.statusCode, res.body).toBe(200);
    const results = new Map(
      res
        .json()
        .passages.map((p: { idTechnique: string; result: string; message: string | null }) => [
          p.idTechnique,
          p,
        ]),
    );
    expect(results.get(p1?.idTechnique)).toMatchObject({ result: 'ok', message: null });
    expect(results.get(p2?.idTechnique)).toMatchObject({
      result: 'ko',
      message: 'Aucun titulaire ne correspond aux critères obligatoires',
    });
    expect(results.get(p3?.idTechnique)).toMatchObject({ result: 'already' });
    expect(res.json().counts).toMatchObject({ passages: 3, ok: 1, ko: 1, already: 1, pending: 0 });

    // Rejected until the identity changes; the deadlines screen says so.
    let dl = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/cdc/branches/${branch.id}/deadlines`,
        headers: json(advisor),
      })
    ).json();
    expect(dl.rejected.map((i: { awardId: string }) => i.awardId)).toContain(p2?.awardId);
    const refused = await deposit({ certifierId: S1, awardIds: [p2?.awardId] });
    expect(refused.statusCode).toBe(422);

    const candidate = batch.find((a) => a.id === p2?.awardId) as { candidateId: string };
    // Any update of the record (an account linked, an email) is no fix: still rejected.
    await t.db
      .updateTable('candidates')
      .set({ updated_at: new Date(Date.now() + 1000) })
      .where('id', '=', candidate.candidateId)
      .execute();
    expect((await deposit({ certifierId: S1, awardIds: [p2?.awardId] })).statusCode).toBe(422);
    const email = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/candidates/${candidate.candidateId}`,
      headers: json(manager),
      payload: { email: 'titulaire.corrige@example.test' },
    });
    expect(email.statusCode, email.body).toBe(200);
    expect((await deposit({ certifierId: S1, awardIds: [p2?.awardId] })).statusCode).toBe(422);
    // The birth date the CDC matches, corrected: due again.
    const fixed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/candidates/${candidate.candidateId}`,
      headers: json(manager),
      payload: { birthDate: { year: 1990, month: 5, day: 13 } },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    dl = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/cdc/branches/${branch.id}/deadlines`,
        headers: json(advisor),
      })
    ).json();
    expect(dl.due.map((i: { awardId: string }) => i.awardId)).toContain(p2?.awardId);
    const again = await deposit({ certifierId: S1, awardIds: [p2?.awardId] });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ passages: 1, excluded: [] });
    const second = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/cdc/deposits/${again.json().id}`,
        headers: json(manager),
      })
    ).json();
    expect(second.passages[0].idTechnique).toBe(p2?.idTechnique.replace(/-1$/, '-2'));
    expect(second.idFlux).not.toBe(detail.idFlux);
    // Named awards already deposited are listed, not deposited again.
    const named = await deposit({ certifierId: S1, awardIds: [p1?.awardId, p3?.awardId] });
    expect(named.statusCode).toBe(422);
  }, 60_000);

  it('refuses a report of another flux, a DOCTYPE, an unknown passage', async () => {
    const other = `<rapport><idFlux>00000000-0000-0000-0000-000000000000</idFlux><PassagesOK/></rapport>`;
    const res = await report(depositId, other);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('idFlux');
    const evil = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rapport><idFlux>&x;</idFlux></rapport>`;
    const bad = await report(depositId, evil);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toMatch(/DOCTYPE/);
    expect(bad.body).not.toMatch(/root:/);
    const idFlux = (
      await t.app.inject({ method: 'GET', url: `/api/v1/cdc/deposits/${depositId}`, headers: json(manager) })
    ).json().idFlux;
    const stranger = await report(
      depositId,
      `<rapport><idFlux>${idFlux}</idFlux><PassagesOK><idTechnique>X-1</idTechnique></PassagesOK></rapport>`,
    );
    expect(stranger.statusCode).toBe(422);
  });
});

describe('the two real processing reports (test/fixtures/cdc)', () => {
  /**
   * The reports name Pix's flux (idFlux, file name) and Pix's passages (numeric idTechnique). A
   * deposit of ours is made through the API, then its idFlux, file name and idTechniques are
   * set in the database to the reports' (our ids are `<award number>-<attempt>`): the report is
   * then matched exactly as a report of ours would be.
   */
  async function depositOf(n: number) {
    const cert = await certification(S1, 'RNCP36000');
    await awards(
      cert,
      Array.from({ length: n }, () => 'full' as const),
    );
    const res = await deposit({ certifierId: S1, branchId: branch.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().passages).toBe(n);
    return res.json().id as string;
  }

  it('per-passage report: 2 OK, 2 KO with the CDC’s reasons, 1 « déjà en base » counted deposited', async () => {
    const id = await depositOf(5);
    const ids = ['1979262', '1996215', '1983189', '1968666', '1964200'];
    await t.db
      .updateTable('cdc_deposits')
      .set({ id_flux: '4df76fd4-0915-46df-8c56-525506af35be' })
      .where('id', '=', id)
      .execute();
    const passages = await t.db
      .selectFrom('cdc_passages')
      .select('id_technique')
      .where('deposit_id', '=', id)
      .orderBy('id_technique')
      .execute();
    for (const [i, p] of passages.entries())
      await t.db
        .updateTable('cdc_passages')
        .set({ id_technique: ids[i] as string })
        .where('id_technique', '=', p.id_technique)
        .execute();
    const res = await report(
      id,
      readFileSync(path.join(FIXTURES, 'Accuse_de_traitement_sans_nomFichier.xml'), 'utf8'),
    );
    expect(res.statusCode, res.body).toBe(200);
    const by = Object.fromEntries(
      res
        .json()
        .passages.map((p: { idTechnique: string; result: string; message: string }) => [
          p.idTechnique,
          [p.result, p.message],
        ]),
    );
    expect(by).toEqual({
      '1979262': ['ko', 'Aucun titulaire ne correspond aux critères obligatoires'],
      '1996215': [
        'ko',
        'Aucun titulaire ne correspond aux critères obligatoires enrichis du jour et du mois de naissance',
      ],
      '1983189': ['already', 'Le titulaire existe déjà en base'],
      '1968666': ['ok', null],
      '1964200': ['ok', null],
    });
    expect(res.json().report.idTraitement).toBe('67598');
  }, 120_000);

  it('whole-file rejection: every passage KO with the file’s reason', async () => {
    const id = await depositOf(3);
    await t.db
      .updateTable('cdc_deposits')
      .set({ file_name: 'pix-cpf-export-20231016-223357_002.xml' })
      .where('id', '=', id)
      .execute();
    const res = await report(
      id,
      readFileSync(path.join(FIXTURES, 'Accuse_de_traitement_erreur_traitement.xml'), 'utf8'),
    );
    expect(res.statusCode, res.body).toBe(200);
    const passages = res.json().passages as { result: string; message: string }[];
    expect(passages).toHaveLength(3);
    for (const p of passages) {
      expect(p.result).toBe('ko');
      expect(p.message).toMatch(
        /^Fichier rejeté par la Caisse des Dépôts : XSD : Un espace est obligatoire .* \(ligne 1, colonne 18\)$/,
      );
    }
    expect(res.json().report.fileError).toMatch(/Un espace est obligatoire/);
  }, 120_000);
});

describe('deadlines', () => {
  it('an award older than three months not deposited is late; the list is the branch staff’s only', async () => {
    const cert = await certification(newSiret(), 'RNCP37000');
    const old = addMonths(today(), -4);
    const [late] = await awards(cert, ['full'], old);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cdc/branches/${branch.id}/deadlines`,
      headers: json(advisor),
    });
    expect(res.statusCode).toBe(200);
    const item = res.json().late.find((i: { awardId: string }) => i.awardId === late?.id);
    expect(item).toMatchObject({ awardedOn: old, deadline: addMonths(old, 3), state: 'late' });
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cdc/branches/${branch.id}/deadlines`,
      headers: json(otherManager),
    });
    expect(other.statusCode).toBe(404);
  }, 120_000);
});

describe('daily reminder', () => {
  it('emails the branch’s managers once a day, with counts only (late, refused, due within 30 days)', async () => {
    const first = await t.services.cdcReminders.remind();
    expect(first.mails).toBeGreaterThanOrEqual(1);
    const again = await t.services.cdcReminders.remind();
    expect(again.mails).toBe(0);
    const values = await t.services.cdcReminders.reminderMailValues({ branchId: branch.id, on: today() });
    expect(values).toMatchObject({
      late: expect.any(Number),
      rejected: expect.any(Number),
      dueSoon: expect.any(Number),
    });
    expect(values?.late).toBeGreaterThanOrEqual(1);
    const jobs = await t.db
      .selectFrom('jobs')
      .select(['payload'])
      .where('idempotency_key', 'like', `cdc.reminder:${branch.id}:${managerId}:%`)
      .execute();
    expect(jobs).toHaveLength(1);
    expect(
      await t.services.cdcReminders.reminderMailValues({ branchId: crypto.randomUUID(), on: today() }),
    ).toBeUndefined();
  }, 60_000);
});

describe('retention', () => {
  it('a holder is never purged; once their award is revoked and the retention over, the purge anonymises them and erases the fluxes holding them: 410, the passages’ results kept', async () => {
    const deposits = await t.db
      .selectFrom('cdc_deposits as d')
      .innerJoin('cdc_passages as p', 'p.deposit_id', 'd.id')
      .innerJoin('awards as a', 'a.id', 'p.award_id')
      .select(['d.id', 'a.id as award_id', 'a.candidate_id', 'a.candidacy_id'])
      .where('d.flux', 'is not', null)
      .execute();
    const target = deposits[0];
    if (!target) throw new Error('no deposit with a flux to erase');
    const before = await t.db
      .selectFrom('cdc_passages')
      .select(['id_technique', 'result'])
      .where('deposit_id', '=', target.id)
      .orderBy('id_technique')
      .execute();
    expect((await flux(target.id)).statusCode).toBe(200);
    // The holder's last candidacy ended six years ago: past the five-year retention.
    await t.db
      .updateTable('candidacy_status_history')
      .set({ at: new Date(Date.now() - 6 * 366 * 24 * 3600 * 1000) })
      .where('candidacy_id', '=', target.candidacy_id)
      .execute();
    // Still a holder: out of the purge's scope (the certifier's register of holders).
    const kept = await t.services.personalData.purge({ retentionYears: 5, dryRun: false });
    expect(kept.candidateIds).not.toContain(target.candidate_id);
    expect((await flux(target.id)).statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/awards/${target.award_id}/revoke`,
      headers: json(manager),
      payload: { reason: 'Fraude établie' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const purged = await t.services.personalData.purge({ retentionYears: 5, dryRun: false });
    expect(purged.candidateIds).toContain(target.candidate_id);

    const gone = await flux(target.id);
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(gone.json().detail).toMatch(/effacé le .*anonymisé/);
    const erased = await t.db
      .selectFrom('cdc_deposits')
      .select(['flux', 'flux_erased_at', 'flux_sha256'])
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(erased.flux).toBeNull();
    expect(erased.flux_erased_at).not.toBeNull();
    expect(erased.flux_sha256).toMatch(/^[0-9a-f]{64}$/);
    const after = await t.db
      .selectFrom('cdc_passages')
      .select(['id_technique', 'result'])
      .where('deposit_id', '=', target.id)
      .orderBy('id_technique')
      .execute();
    expect(after).toEqual(before);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['id'])
      .where('action', '=', 'cdc_deposit.erase_flux')
      .where('entity_id', '=', target.id)
      .execute();
    expect(audit).toHaveLength(1);
    // Idempotent: a second purge erases nothing more, and writes no second audit row.
    await t.services.personalData.purge({ retentionYears: 5, dryRun: false });
    expect(
      await t.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'cdc_deposit.erase_flux')
        .where('entity_id', '=', target.id)
        .execute(),
    ).toHaveLength(1);
  }, 120_000);
});
