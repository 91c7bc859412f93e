import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { pageText } from './pdf-text.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';

/**
 * The individual pathway through HTTP on a real database: generated from the positioning's
 * gaps, edited as a whole (French field errors naming modules/N/field), acknowledged by the
 * candidate and the employer per revision (an edit makes them stale), its PDF read back, the
 * permissions and the states it may change in.
 */
let t: TestApp;
let f: Factories;
let to1: Signed;
let to2: Signed;
let manager: Signed;
let advisor: Signed;
let employer1: Signed;
let employer2: Signed;
let candidateA: Signed;
let candidateB: Signed;
let org1: { id: string; name: string };
let employerOrg: { id: string };
let tutor: { id: string; displayName: string };
let candidacyA: string;
let candidacyB: string;
let candidacyNoEmployer: string;
const CERT_TITLE = 'Agent·e d’accueil « sûreté » — œuvre hôtelière';
const BIRTH_NAME = 'Lefèvre-Cœur';

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  const branch = await f.newBranch();
  org1 = await f.newOrganisation('training_org');
  const org2 = await f.newOrganisation('training_org');
  employerOrg = await f.newOrganisation('employer');
  const otherEmployer = await f.newOrganisation('employer');
  const cert = await f.newEnrollableCertification([branch.id], [org1.id, org2.id]);
  await t.db.updateTable('certifications').set({ title: CERT_TITLE }).where('id', '=', cert.id).execute();
  const sign = async (role: Parameters<Factories['newUser']>[0], scope = {}) => {
    const user = await f.newUser(role, scope);
    return { user, signed: await signIn(t.app, user.email, TEST_PASSWORD) };
  };
  to1 = (await sign('training_org', { organisationId: org1.id })).signed;
  to2 = (await sign('training_org', { organisationId: org2.id })).signed;
  manager = (await sign('branch_manager', { branchId: branch.id })).signed;
  advisor = (await sign('advisor', { branchId: branch.id })).signed;
  employer1 = (await sign('employer', { organisationId: employerOrg.id })).signed;
  employer2 = (await sign('employer', { organisationId: otherEmployer.id })).signed;
  tutor = await f.newUser('employer', { organisationId: employerOrg.id });
  const a = await sign('candidate');
  const b = await sign('candidate');
  candidateA = a.signed;
  candidateB = b.signed;
  candidacyA = (
    await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: org1.id,
      employerId: employerOrg.id,
      candidate: f.newCandidate({ email: a.user.email, birthName: BIRTH_NAME, firstNames: ['Françoise'] }),
    })
  ).id;
  candidacyB = (
    await f.newCandidacy({
      certificationId: cert.id,
      trainingOrganisationId: org2.id,
      employerId: otherEmployer.id,
      candidate: f.newCandidate({ email: b.user.email }),
    })
  ).id;
  candidacyNoEmployer = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org1.id }))
    .id;
  for (const id of [candidacyA, candidacyB, candidacyNoEmployer])
    await t.services.candidacies.transition(id, { event: 'start_positioning' }, SYSTEM_ADMIN, 'test');
  // A's positioning: C1 partly held, C2, C3, C4 held → BC01 to acquire (C1), BC02 assessed directly.
  for (const [code, level] of [
    ['C1', 'partly'],
    ['C2', 'held'],
    ['C3', 'held'],
    ['C4', 'held'],
  ] as const)
    await t.services.positioning.decide(candidacyA, code, 'organisation', { level }, SYSTEM_ADMIN, 'test');
});
afterAll(() => t?.close());

function call(who: Signed, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
  });
}
const at = (id: string, rest = '') => `/api/v1/candidacies/${id}/pathway${rest}`;

type Module = Record<string, unknown> & { blocCode: string; kind: string };
type Pathway = {
  blocs: { code: string; plan: string; gaps: { code: string; level: string | null }[] }[];
  pathway: null | {
    revision: number;
    origin: string;
    modules: Module[];
    missing: { pointer: string; detail: string }[];
    acknowledgements: {
      party: string;
      revision: number;
      current: boolean;
      acknowledgedByName: string | null;
    }[];
  };
  can: { edit: boolean; acknowledge: boolean; acknowledgeAs: string | null };
};
type ProblemBody = { status: number; detail: string; errors?: { pointer: string; detail: string }[] };

const training = (over: Partial<Module> = {}): Module => ({
  blocCode: 'BC01',
  kind: 'training',
  title: 'Accueil en sécurité',
  competencyCodes: ['C1'],
  hours: 21,
  startsOn: '2027-01-04',
  endsOn: '2027-01-06',
  organisationId: org1.id,
  ...over,
});
const VALID = () => [
  training(),
  {
    blocCode: 'BC01',
    kind: 'work_situation',
    title: 'Accueil au poste',
    competencyCodes: ['C1'],
    description: 'Tenue de l’accueil du hall, trois matinées par semaine',
    startsOn: '2027-01-11',
    endsOn: '2027-03-26',
    tutor: { name: 'Mme Hélène Dubœuf' },
  },
  {
    blocCode: 'BC02',
    kind: 'vae',
    title: 'Dossier de preuves',
    description: 'Dossier décrivant les rondes réalisées',
    dueOn: '2027-04-30',
  },
];

describe('pathway', () => {
  it('before any pathway: the blocs and their gaps from the positioning, no pathway, who may do what', async () => {
    const res = await call(to1, 'GET', at(candidacyA));
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Pathway;
    expect(p.pathway).toBeNull();
    expect(p.blocs.map((b) => [b.code, b.plan, b.gaps])).toEqual([
      ['BC01', 'to_acquire', [{ code: 'C1', title: 'Première compétence', level: 'partly' }]],
      ['BC02', 'assess_directly', []],
    ]);
    expect(p.can).toEqual({ edit: true, acknowledge: false, acknowledgeAs: null });
    const asCandidate = (await call(candidateA, 'GET', at(candidacyA))).json() as Pathway;
    expect(asCandidate.can).toEqual({ edit: false, acknowledge: false, acknowledgeAs: 'candidate' });
  });

  it('generates a training module per bloc to acquire, hours and dates left to fill; incomplete, it cannot be acknowledged', async () => {
    const res = await call(to1, 'POST', at(candidacyA, '/generate'), {});
    expect(res.statusCode, res.body).toBe(200);
    const p = (res.json() as Pathway).pathway;
    expect(p).toMatchObject({ revision: 1, origin: 'generated' });
    expect(p?.modules).toEqual([
      expect.objectContaining({
        blocCode: 'BC01',
        kind: 'training',
        title: 'Formation : Premier bloc',
        competencyCodes: ['C1'],
        hours: null,
        startsOn: null,
        endsOn: null,
        organisation: { id: org1.id, name: org1.name },
      }),
    ]);
    expect(p?.missing.map((m) => m.pointer)).toEqual([
      '#/modules/0/hours',
      '#/modules/0/startsOn',
      '#/modules/0/endsOn',
    ]);
    const ack = await call(candidateA, 'POST', at(candidacyA, '/acknowledgements'), { revision: 1 });
    expect(ack.statusCode, ack.body).toBe(409);
    expect((ack.json() as ProblemBody).detail).toContain('n’est pas complet');
    // Regenerating a generated pathway is allowed: a new revision.
    const again = await call(to1, 'POST', at(candidacyA, '/generate'), {});
    expect((again.json() as Pathway).pathway?.revision).toBe(2);
  });

  it('refuses an invalid module list with French field errors naming modules/N/field, and changes nothing', async () => {
    const res = await call(to1, 'PUT', at(candidacyA), {
      modules: [
        training({ hours: 0 }),
        training({ startsOn: '2027-02-10', endsOn: '2027-02-01' }),
        training({ organisationId: '00000000-0000-4000-8000-000000000000' }),
        training({ organisationId: employerOrg.id }),
        training({ blocCode: 'BC09', competencyCodes: [] }),
        training({ competencyCodes: ['C3'] }),
        {
          blocCode: 'BC01',
          kind: 'work_situation',
          title: 'Poste',
          description: 'x',
          startsOn: '2027-01-01',
          endsOn: '2027-01-02',
          tutor: { userId: '00000000-0000-4000-8000-000000000000' },
        },
        { blocCode: 'BC02', kind: 'vae', title: '' },
      ],
    });
    expect(res.statusCode, res.body).toBe(422);
    const errors = (res.json() as ProblemBody).errors?.map((e) => `${e.pointer} ${e.detail}`);
    expect(errors).toEqual([
      '#/modules/0/hours Le nombre d’heures doit être supérieur à 0.',
      '#/modules/1/endsOn La date de fin doit être le jour de début ou après.',
      '#/modules/2/organisationId Aucune organisation avec cet identifiant.',
      '#/modules/3/organisationId Cette organisation n’est pas un organisme de formation.',
      '#/modules/4/blocCode Pas de bloc « BC09 » dans la version 1 du référentiel.',
      '#/modules/5/competencyCodes/0 La compétence « C3 » n’est pas dans le bloc « BC01 ».',
      '#/modules/6/tutor/userId Aucun compte avec cet identifiant.',
      '#/modules/7/title Indiquez l’intitulé du module.',
      '#/modules/7/description Décrivez le dossier de VAE attendu.',
      '#/modules/7/dueOn Indiquez la date de remise du dossier.',
    ]);
    const after = (await call(to1, 'GET', at(candidacyA))).json() as Pathway;
    expect(after.pathway?.revision).toBe(2);
  });

  it('refuses more hours than a module may hold (was a database error: 500)', async () => {
    const res = await call(to1, 'PUT', at(candidacyA), { modules: [training({ hours: 100_000 })] });
    expect(res.statusCode, res.body).toBe(422);
    expect((res.json() as ProblemBody).errors?.map((e) => `${e.pointer} ${e.detail}`)).toEqual([
      '#/modules/0/hours Le nombre d’heures doit être au plus 9 999.',
    ]);
  });

  it('a work situation needs an employer on the candidacy; a bloc carried in has no module', async () => {
    const noEmployer = await call(to1, 'PUT', at(candidacyNoEmployer), { modules: [VALID()[1]] });
    expect(noEmployer.statusCode).toBe(422);
    expect((noEmployer.json() as ProblemBody).errors?.map((e) => e.pointer)).toEqual(['#/modules/0/kind']);
    await t.services.positioning.carryBloc(
      candidacyNoEmployer,
      'BC02',
      { source: 'earlier_partial_award', reference: 'VP-1' },
      SYSTEM_ADMIN,
      'test',
    );
    const carried = await call(to1, 'PUT', at(candidacyNoEmployer), { modules: [VALID()[2]] });
    expect(carried.statusCode).toBe(422);
    expect((carried.json() as ProblemBody).errors?.[0]?.detail).toBe(
      'Le bloc « BC02 » est acquis antérieurement : il n’a pas de module.',
    );
    const blocs = ((await call(to1, 'GET', at(candidacyNoEmployer))).json() as Pathway).blocs;
    expect(blocs.find((b) => b.code === 'BC02')?.plan).toBe('carried');
    // Nothing positioned on BC01 yet: its competencies are all gaps.
    expect(blocs.find((b) => b.code === 'BC01')?.gaps.map((g) => [g.code, g.level])).toEqual([
      ['C1', null],
      ['C2', null],
    ]);
  });

  it('saves the whole list in order; a generation does not overwrite it unless asked', async () => {
    const res = await call(to1, 'PUT', at(candidacyA), { modules: VALID() });
    expect(res.statusCode, res.body).toBe(200);
    const p = (res.json() as Pathway).pathway;
    expect(p).toMatchObject({ revision: 3, origin: 'edited', missing: [] });
    expect(p?.modules.map((m) => [m.blocCode, m.kind, m.hours ?? null])).toEqual([
      ['BC01', 'training', 21],
      ['BC01', 'work_situation', null],
      ['BC02', 'vae', null],
    ]);
    expect(p?.modules[1]?.tutor).toEqual({ userId: null, name: 'Mme Hélène Dubœuf' });

    const refused = await call(to1, 'POST', at(candidacyA, '/generate'), {});
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as ProblemBody).detail).toContain('modifié à la main');

    // Reordered, a tutor with an account: the account's name is shown.
    const [a, b, c] = VALID();
    const reordered = await call(to1, 'PUT', at(candidacyA), {
      modules: [c, { ...b, tutor: { userId: tutor.id } }, { ...a, hours: 10.5 }],
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    const q = (reordered.json() as Pathway).pathway;
    expect(q?.modules.map((m) => m.kind)).toEqual(['vae', 'work_situation', 'training']);
    expect(q?.modules[1]?.tutor).toEqual({ userId: tutor.id, name: tutor.displayName });
    expect(q?.modules[2]?.hours).toBe(10.5);
    expect(q?.revision).toBe(4);
  });

  it('the candidate and the employer acknowledge the revision they read; an edit makes it stale', async () => {
    const wrong = await call(candidateA, 'POST', at(candidacyA, '/acknowledgements'), { revision: 3 });
    expect(wrong.statusCode).toBe(409);
    expect((wrong.json() as ProblemBody).detail).toContain('a changé depuis votre lecture');

    const byCandidate = await call(candidateA, 'POST', at(candidacyA, '/acknowledgements'), { revision: 4 });
    expect(byCandidate.statusCode, byCandidate.body).toBe(200);
    const byEmployer = await call(employer1, 'POST', at(candidacyA, '/acknowledgements'), { revision: 4 });
    expect(byEmployer.statusCode, byEmployer.body).toBe(200);
    let p = byEmployer.json() as Pathway;
    expect(p.can).toMatchObject({ acknowledge: true, acknowledgeAs: 'employer' });
    expect(p.pathway?.acknowledgements.map((a) => [a.party, a.revision, a.current])).toEqual([
      ['candidate', 4, true],
      ['employer', 4, true],
    ]);

    // Others: another employer does not see it (404); the training organisation may not (403 by role).
    expect(
      (await call(employer2, 'POST', at(candidacyA, '/acknowledgements'), { revision: 4 })).statusCode,
    ).toBe(404);
    expect(
      (await call(candidateB, 'POST', at(candidacyA, '/acknowledgements'), { revision: 4 })).statusCode,
    ).toBe(404);
    expect((await call(to1, 'POST', at(candidacyA, '/acknowledgements'), { revision: 4 })).statusCode).toBe(
      403,
    );

    const edited = await call(to1, 'PUT', at(candidacyA), { modules: VALID() });
    p = edited.json() as Pathway;
    expect(p.pathway?.revision).toBe(5);
    expect(p.pathway?.acknowledgements.map((a) => [a.party, a.revision, a.current])).toEqual([
      ['candidate', 4, false],
      ['employer', 4, false],
    ]);
    const again = await call(candidateA, 'POST', at(candidacyA, '/acknowledgements'), { revision: 5 });
    expect(
      (again.json() as Pathway).pathway?.acknowledgements.map((a) => [a.party, a.revision, a.current]),
    ).toEqual([
      ['candidate', 5, true],
      ['employer', 4, false],
    ]);

    // Audited, without the descriptions or the tutor's name.
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'diff'])
      .where('entity_id', '=', candidacyA)
      .where('action', 'like', 'pathway.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'pathway.generate',
      'pathway.generate',
      'pathway.update',
      'pathway.update',
      'pathway.acknowledge',
      'pathway.acknowledge',
      'pathway.update',
      'pathway.acknowledge',
    ]);
    const text = JSON.stringify(audit);
    expect(text).not.toContain('Dubœuf');
    expect(text).not.toContain('trois matinées');
  });

  it('the PDF is a real PDF whose text says, in French with its accents, the candidate, the certification, the modules and the acknowledgements', async () => {
    const res = await call(employer1, 'GET', `/api/v1/candidacies/${candidacyA}/pathway.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="parcours-T-.*\.pdf"$/);
    expect(String(res.headers['content-disposition'])).not.toContain('Lef');
    const doc = await PDFDocument.load(res.rawPayload);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    // One line per text operator; a wrapped line continues on the next: joined by a space.
    const text = doc.getPages().map(pageText).join('\n').replaceAll('\n', ' ');
    for (const expected of [
      'Parcours individualisé',
      CERT_TITLE,
      `Françoise ${BIRTH_NAME}`,
      'BC01 — Premier bloc : À acquérir',
      'BC02 — Second bloc : À évaluer directement',
      'Formation — Accueil en sécurité',
      '21 h ; du 4 janvier 2027 au 6 janvier 2027',
      `organisme : ${org1.name}`,
      'Situation de travail — Accueil au poste',
      'tuteur ou tutrice : Mme Hélène Dubœuf',
      'Dossier de VAE — Dossier de preuves',
      'dossier à remettre le 30 avril 2027',
      'Le candidat ou la candidate : révision 5 prise en compte',
      'L’employeur : révision 4 prise en compte',
      'le parcours a changé depuis : à renouveler',
    ])
      expect(text).toContain(expected);
  });

  it('permissions: readers read, those who manage edit, others get 404 or 403', async () => {
    for (const who of [advisor, employer1, candidateA, manager])
      expect((await call(who, 'GET', at(candidacyA))).statusCode).toBe(200);
    for (const who of [to2, candidateB, employer2]) {
      expect((await call(who, 'GET', at(candidacyA))).statusCode).toBe(404);
      expect((await call(who, 'GET', `/api/v1/candidacies/${candidacyA}/pathway.pdf`)).statusCode).toBe(404);
    }
    expect((await call(to2, 'PUT', at(candidacyA), { modules: VALID() })).statusCode).toBe(404);
    expect((await call(to2, 'POST', at(candidacyA, '/generate'), {})).statusCode).toBe(404);
    // Advisors and employers read only: their role may never edit (403).
    expect((await call(advisor, 'PUT', at(candidacyA), { modules: VALID() })).statusCode).toBe(403);
    expect((await call(employer1, 'PUT', at(candidacyA), { modules: VALID() })).statusCode).toBe(403);
    // The certification's branch manager edits.
    const byManager = await call(manager, 'PUT', at(candidacyA), { modules: VALID() });
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect((byManager.json() as Pathway).can.edit).toBe(true);
  });

  it('changes at the positioning and pathway steps only', async () => {
    await t.services.candidacies.transition(candidacyA, { event: 'start_pathway' }, SYSTEM_ADMIN, 'test');
    const inPathway = await call(to1, 'PUT', at(candidacyA), { modules: VALID() });
    expect(inPathway.statusCode).toBe(200);
    const revision = (inPathway.json() as Pathway).pathway?.revision as number;
    await t.services.candidacies.transition(candidacyA, { event: 'start_assessment' }, SYSTEM_ADMIN, 'test');
    const late = await call(to1, 'PUT', at(candidacyA), { modules: VALID() });
    expect(late.statusCode).toBe(409);
    expect((late.json() as ProblemBody).detail).toContain('ce parcours est à l’étape « Évaluation »');
    expect((await call(to1, 'POST', at(candidacyA, '/generate'), { replace: true })).statusCode).toBe(409);
    expect(
      (await call(candidateA, 'POST', at(candidacyA, '/acknowledgements'), { revision })).statusCode,
    ).toBe(409);
    const read = (await call(to1, 'GET', at(candidacyA))).json() as Pathway;
    expect(read.can).toMatchObject({ edit: false, acknowledge: false });
    expect(read.pathway?.revision).toBe(revision);
  });
});
