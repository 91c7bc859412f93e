import { Readable } from 'node:stream';
import type { CandidacyStatus, ManualCandidacyEvent } from '../contracts/candidacies.js';
import { today } from '../contracts/dates.js';
import type { PositioningLevel } from '../contracts/positioning.js';
import type { CandidateInput, EnrolmentBody } from '../modules/candidates/schemas.js';
import { type Actor, SYSTEM_ADMIN } from '../platform/auth/actor.js';
import type { Grant } from '../platform/auth/roles.js';
import type { Db } from '../platform/db/connect.js';
import type { Services } from './app.js';

const REQUEST_ID = 'seed-demo';

/** The demo accounts and organisations the candidacies are seeded for (src/app/demo.ts). */
export type DemoCandidacyContext = {
  users: Record<
    'trainingOrg' | 'employer' | 'evaluator' | 'candidate',
    { id: string; email: string; name: string }
  >;
  organisations: { securityTrainer: string; employer: string };
};

type Trainer = 'security' | 'logistics' | 'pharma';

/** Training organisations of the demo catalogue (demo-catalogue.ts), by SIRET. */
const TRAINER_SIRETS: Record<Exclude<Trainer, 'security'>, string> = {
  logistics: '50321789500013',
  pharma: '48720391100010',
};

type Person = Pick<CandidateInput, 'birthName' | 'firstNames' | 'sex' | 'birthDate' | 'birthPlace'> & {
  email?: string;
};

type DemoCandidacy = {
  person: Person;
  certification: 'CQP-APS' | 'CQP-PC' | 'CQPI-AL';
  trainer: Trainer;
  /** Employed by the demo employer (the plan de développement des compétences), else paying alone. */
  employee: boolean;
  enrolledDaysAgo: number;
  /** The step it is left at. */
  step: CandidacyStatus;
  /** The training organisation's positioning, per competency code (the rest: « à acquérir »). */
  held?: readonly string[];
  /** Only some competencies positioned (a positioning in progress). */
  positionedOnly?: readonly string[];
  /** The candidate's own positioning, per competency. */
  self?: Readonly<Record<string, PositioningLevel>>;
  evidence?: string;
  /** Blocs acquired earlier, carried in at the positioning (an earlier partial award). */
  carried?: readonly string[];
  /**
   * Assessment sessions with the demo evaluator, this many days from today, on these blocs (by
   * default every targeted bloc not carried in); `signed`: held today, every criterion met and
   * the grid signed.
   */
  sessions?: readonly { inDays: number; blocs?: readonly string[]; signed?: boolean }[];
  reason?: string;
  transferTo?: Trainer;
};

/** Obviously fictional people: « Candidate », « Exemple », « Fictif »… born in Lyon, Lille or abroad. */
const CAMILLE: Person = {
  birthName: 'Candidate',
  firstNames: ['Camille'],
  sex: 'F',
  birthDate: { year: 1994, month: 5, day: 17 },
  birthPlace: { communeInsee: '69383' },
};
const person = (
  birthName: string,
  firstName: string,
  sex: 'F' | 'M',
  year: number,
  birthPlace: Person['birthPlace'] = { communeInsee: '59350' },
): Person => ({ birthName, firstNames: [firstName], sex, birthDate: { year, month: 3, day: 9 }, birthPlace });

/**
 * One candidacy at every step, across two branches (CQP-APS for « Prévention et sécurité », the
 * demo branch; CQP-PC and the CQPI-AL for « Transport et logistique ») and two training
 * organisations (the demo one, Logistique Formation Nord), plus a transfer between the
 * logistics and pharmaceutical trainers of the CQPI. The demo candidate holds two of them.
 */
export const DEMO_CANDIDACIES: readonly DemoCandidacy[] = [
  {
    person: CAMILLE,
    certification: 'CQP-APS',
    trainer: 'security',
    employee: true,
    enrolledDaysAgo: 20,
    step: 'positioning',
    positionedOnly: ['C1.1', 'C1.2'],
    held: ['C1.1'],
    self: { 'C1.1': 'held' },
    evidence: 'Attestation SST (démo).pdf',
  },
  {
    person: CAMILLE,
    certification: 'CQP-PC',
    trainer: 'logistics',
    employee: false,
    enrolledDaysAgo: 120,
    step: 'assessment',
    held: ['C1.1', 'C1.3', 'C2.1'],
    // BC01 assessed today (a result to see), BC02 next week.
    sessions: [
      { inDays: 0, blocs: ['BC01'], signed: true },
      { inDays: 7, blocs: ['BC02'] },
    ],
  },
  {
    person: person('Exemple', 'Léa', 'F', 1999),
    certification: 'CQP-APS',
    trainer: 'security',
    employee: true,
    enrolledDaysAgo: 2,
    step: 'enrolled',
  },
  {
    person: person('Fictif', 'Hugo', 'M', 1987),
    certification: 'CQP-APS',
    trainer: 'security',
    employee: true,
    enrolledDaysAgo: 45,
    step: 'pathway',
    held: ['C1.1', 'C1.2', 'C1.3', 'C3.1'],
    evidence: 'Carte professionnelle (démo).pdf',
  },
  {
    person: person('Spécimen', 'Inès', 'F', 1992, { communeInsee: '75112' }),
    certification: 'CQP-APS',
    trainer: 'security',
    employee: true,
    enrolledDaysAgo: 90,
    step: 'assessment',
    held: ['C1.1', 'C2.1', 'C3.1', 'C3.2'],
    sessions: [{ inDays: 9 }],
  },
  {
    person: person('Factice', 'Nora', 'F', 1985),
    certification: 'CQP-APS',
    trainer: 'security',
    employee: true,
    enrolledDaysAgo: 150,
    step: 'ready_for_jury',
    held: ['C2.1', 'C2.2', 'C3.1', 'C3.2', 'C3.3'],
    carried: ['BC01'],
    sessions: [{ inDays: 0, signed: true }],
  },
  // Before the jury (demo-juries.ts): four decided in a closed session (full, partial, a full
  // award revoked since, refused), two in the session still open.
  ...(
    [
      ['Exemplaire', 'Rose', 'F', 1991],
      ['Prototype', 'Adam', 'M', 1986],
      ['Témoin', 'Chloé', 'F', 1993],
      ['Croquis', 'Lucas', 'M', 1984],
      ['Calque', 'Théo', 'M', 1998],
      ['Esquisse', 'Manon', 'F', 2000],
    ] as const
  ).map(
    ([birthName, firstName, sex, year], i): DemoCandidacy => ({
      person: person(birthName, firstName, sex, year),
      certification: 'CQP-APS',
      trainer: 'security',
      employee: true,
      enrolledDaysAgo: 170 + 10 * i,
      step: 'ready_for_jury',
      held: ['C1.1', 'C1.2', 'C2.1', 'C3.1'],
      sessions: [{ inDays: 0, signed: true }],
    }),
  ),
  {
    person: person('Maquette', 'Paul', 'M', 1979),
    certification: 'CQP-APS',
    trainer: 'security',
    employee: true,
    enrolledDaysAgo: 60,
    step: 'on_hold',
    held: ['C2.1'],
  },
  {
    person: person('Essai', 'Jules', 'M', 2001),
    certification: 'CQP-APS',
    trainer: 'security',
    employee: false,
    enrolledDaysAgo: 30,
    step: 'withdrawn',
    reason: 'Changement de projet professionnel (démo).',
  },
  {
    person: person('Modèle', 'Yanis', 'M', 2003, { countryInsee: '99350' }),
    certification: 'CQP-PC',
    trainer: 'logistics',
    employee: false,
    enrolledDaysAgo: 1,
    step: 'enrolled',
  },
  {
    person: person('Pseudo', 'Sarah', 'F', 1996),
    certification: 'CQP-PC',
    trainer: 'logistics',
    employee: false,
    enrolledDaysAgo: 12,
    step: 'positioning',
    positionedOnly: ['C1.1', 'C1.2', 'C1.3'],
    held: ['C1.1', 'C1.2'],
  },
  {
    person: person('Brouillon', 'Malik', 'M', 1990),
    certification: 'CQP-PC',
    trainer: 'logistics',
    employee: false,
    enrolledDaysAgo: 40,
    step: 'pathway',
    held: ['C1.1', 'C1.2', 'C2.1', 'C2.2'],
  },
  {
    person: person('Gabarit', 'Emma', 'F', 1988),
    certification: 'CQP-PC',
    trainer: 'logistics',
    employee: false,
    enrolledDaysAgo: 140,
    step: 'ready_for_jury',
    held: ['C1.1', 'C1.2', 'C1.3', 'C1.4', 'C2.1', 'C2.2', 'C2.3'],
    sessions: [{ inDays: 0, signed: true }],
  },
  {
    person: person('Ébauche', 'Lina', 'F', 1997),
    certification: 'CQPI-AL',
    trainer: 'pharma',
    employee: false,
    enrolledDaysAgo: 35,
    step: 'transferred',
    transferTo: 'logistics',
    reason: 'Déménagement dans le Nord (démo).',
  },
];

/** The events that take a new candidacy to `step`, in order. */
function pathTo(step: CandidacyStatus): ManualCandidacyEvent[] {
  const forward: ManualCandidacyEvent[] = [
    'start_positioning',
    'start_pathway',
    'start_assessment',
    'mark_ready_for_jury',
  ];
  const upTo = (s: CandidacyStatus) =>
    forward.slice(0, ['enrolled', 'positioning', 'pathway', 'assessment', 'ready_for_jury'].indexOf(s));
  switch (step) {
    case 'on_hold':
      return [...upTo('pathway'), 'put_on_hold'];
    case 'withdrawn':
      return [...upTo('positioning'), 'withdraw'];
    case 'transferred':
      return [...upTo('positioning'), 'transfer'];
    default:
      return upTo(step);
  }
}

/** The date `days` from today in Paris (the legal date: from midnight to 01:00 or 02:00 in Paris the UTC date is still the day before). */
export function daysFromToday(days: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A small, valid one-page PDF (the evidence file of a positioning). */
export function demoPdf(text: string): Buffer {
  const ascii = text
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 760 Td (${ascii}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The actor a demo account acts as (services called directly, as the people would through the API). */
export function actorOf(user: { id: string; email: string; name: string }, grants: Grant[]): Actor {
  return Object.freeze<Actor>({
    userId: user.id,
    email: user.email,
    displayName: user.name,
    grants,
    sessionId: '',
    csrfToken: '',
    sessionExpiresAt: new Date(0),
  });
}

/**
 * The demo candidacies (issue 12, point 8), through the services as the people would do it:
 * the demo training organisation acts on its own candidacies, the system on the others', the
 * demo candidate positions themselves. Idempotent: a demo person already enrolled for the
 * certification is left as they are.
 */
export async function seedDemoCandidacies(db: Db, services: Services, ctx: DemoCandidacyContext) {
  const { candidacies, positioning, assessments, pathway, grid } = services;
  const certificationIds = new Map(
    (
      await db
        .selectFrom('certifications')
        .select(['id', 'code'])
        .where('code', 'in', [...new Set(DEMO_CANDIDACIES.map((c) => c.certification))])
        .execute()
    ).map((c) => [c.code, c.id]),
  );
  const trainerIds: Record<Trainer, string | undefined> = {
    security: ctx.organisations.securityTrainer,
    logistics: undefined,
    pharma: undefined,
  };
  for (const row of await db
    .selectFrom('organisations')
    .select(['id', 'siret'])
    .where('siret', 'in', Object.values(TRAINER_SIRETS))
    .execute())
    for (const [k, siret] of Object.entries(TRAINER_SIRETS))
      if (row.siret === siret) trainerIds[k as Trainer] = row.id;

  const trainerActor = actorOf(ctx.users.trainingOrg, [
    { role: 'training_org', scope: { type: 'organisation', id: ctx.organisations.securityTrainer } },
  ]);
  const candidateActor = actorOf(ctx.users.candidate, [{ role: 'candidate', scope: { type: 'self' } }]);
  const evaluatorActor = actorOf(ctx.users.evaluator, [{ role: 'evaluator', scope: { type: 'self' } }]);
  const employerActor = actorOf(ctx.users.employer, [
    { role: 'employer', scope: { type: 'organisation', id: ctx.organisations.employer } },
  ]);
  let created = 0;

  for (const spec of DEMO_CANDIDACIES) {
    const certificationId = certificationIds.get(spec.certification);
    const trainingOrganisationId = trainerIds[spec.trainer];
    if (!certificationId || !trainingOrganisationId) continue;
    const existing = await db
      .selectFrom('candidates')
      .select('id')
      .where('birth_name', '=', spec.person.birthName)
      .where('birth_year', '=', spec.person.birthDate.year)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
    if (
      existing &&
      (await db
        .selectFrom('candidacies')
        .select('id')
        .where('candidate_id', '=', existing.id)
        .where('certification_id', '=', certificationId)
        .executeTakeFirst())
    )
      continue;
    const actor = spec.trainer === 'security' ? trainerActor : SYSTEM_ADMIN;
    const isCamille = spec.person === CAMILLE;
    const input: EnrolmentBody = {
      ...(existing
        ? { candidateId: existing.id }
        : {
            candidate: {
              ...spec.person,
              ...(isCamille ? { email: ctx.users.candidate.email } : {}),
            },
          }),
      certificationId,
      trainingOrganisationId,
      enrolledOn: daysFromToday(-spec.enrolledDaysAgo),
      ...(spec.employee
        ? {
            route: 'plan_developpement',
            situation: { status: 'employee', contractType: 'cdi', employer: { headcount: 35 } },
            employerId: ctx.organisations.employer,
            // A company under 50 employees: the OPCO funds its plan de développement.
            funders: ['opco'],
            initiative: 'employer',
          }
        : { route: 'self_funded', initiative: isCamille ? 'candidate' : 'training_organisation' }),
    };
    const { id } = await candidacies.enrol(input, actor, REQUEST_ID);
    created++;

    const framework = await positioning.get(id, actor);
    const carried = new Set(spec.carried ?? []);
    const competencies = framework.blocs
      .filter((b) => !carried.has(b.code))
      .flatMap((b) => b.competencies.map((c) => c.code));
    for (const event of pathTo(spec.step)) {
      // Every competency positioned before the pathway.
      if (event === 'start_pathway') await positionAll(id, competencies, spec, actor);
      await candidacies.transition(
        id,
        {
          event,
          ...(event === 'withdraw' || event === 'put_on_hold' || event === 'transfer'
            ? { reason: spec.reason ?? 'En attente d’un financement (démo).' }
            : {}),
          ...(event === 'transfer' && spec.transferTo
            ? { trainingOrganisationId: trainerIds[spec.transferTo] as string }
            : {}),
        },
        actor,
        REQUEST_ID,
      );
      if (event === 'start_pathway') await seedPathway(id, spec, actor);
      if (event === 'start_positioning') {
        for (const blocCode of carried)
          await positioning.carryBloc(
            id,
            blocCode,
            {
              source: 'earlier_partial_award',
              reference: 'Validation partielle du jury du 12 juin 2024 (démo)',
            },
            actor,
            REQUEST_ID,
          );
        const positioned = spec.step === 'positioning' ? (spec.positionedOnly ?? []) : [];
        await positionAll(id, positioned, spec, actor);
        for (const [code, level] of Object.entries(spec.self ?? {}))
          await positioning.decide(id, code, 'self', { level }, candidateActor, REQUEST_ID);
        if (spec.evidence)
          await positioning.addEvidence(
            id,
            {
              source: Readable.from([demoPdf(spec.evidence.replace(/\.pdf$/, ''))]),
              fileName: spec.evidence,
              competencyCode: competencies[0],
            },
            actor,
            REQUEST_ID,
          );
      }
      if (event === 'start_assessment') {
        // The trainer and the employer are linked to the candidate: the evaluator is neither.
        await assessments.putLinks(
          id,
          {
            links: [
              { kind: 'trainer', userId: ctx.users.trainingOrg.id },
              ...(spec.employee ? [{ kind: 'employer' as const, userId: ctx.users.employer.id }] : []),
            ],
          },
          SYSTEM_ADMIN,
          REQUEST_ID,
        );
        for (const session of spec.sessions ?? []) {
          const { id: assessmentId } = await assessments.schedule(
            id,
            {
              date: daysFromToday(session.inDays),
              blocCodes: [
                ...(session.blocs ?? framework.blocs.map((b) => b.code).filter((b) => !carried.has(b))),
              ],
              evaluatorIds: [ctx.users.evaluator.id],
            },
            actor,
            REQUEST_ID,
          );
          if (session.signed) await signGrid(assessmentId);
        }
      }
    }
  }
  return { created };

  /**
   * The pathway generated from the positioning, then completed as the training organisation
   * would (hours and dates of each training module, a work situation with a tutor for an
   * employee), and acknowledged: by the demo candidate on their own candidacy, and by the demo
   * employer once the candidacy has moved past this step (its employee still in the pathway
   * step waits for the employer's acknowledgement).
   */
  async function seedPathway(id: string, spec: DemoCandidacy, actor: Actor) {
    const generated = await pathway.generate(id, {}, actor, REQUEST_ID);
    const start = -spec.enrolledDaysAgo + 21;
    const modules = (generated.pathway?.modules ?? []).map((m, i) => ({
      blocCode: m.blocCode,
      kind: m.kind,
      title: m.title,
      competencyCodes: m.competencyCodes,
      hours: 35,
      startsOn: daysFromToday(start + 14 * i),
      endsOn: daysFromToday(start + 14 * i + 4),
      organisationId: m.organisation?.id ?? null,
    }));
    const first = modules[0];
    const withWork =
      spec.employee && first
        ? [
            ...modules,
            {
              blocCode: first.blocCode,
              kind: 'work_situation' as const,
              title: 'Mise en situation de travail sur site',
              competencyCodes: first.competencyCodes,
              description: 'Rondes et contrôle des accès accompagnés par le tuteur (démo).',
              tutor: { name: 'Tuteur Fictif (démo)' },
              startsOn: daysFromToday(start + 14 * modules.length),
              endsOn: daysFromToday(start + 14 * modules.length + 20),
            },
          ]
        : modules;
    const saved = await pathway.update(id, { modules: withWork }, actor, REQUEST_ID);
    const revision = saved.pathway?.revision;
    if (revision === undefined) return;
    if (spec.person === CAMILLE) await pathway.acknowledge(id, { revision }, candidateActor, REQUEST_ID);
    if (spec.employee && spec.step !== 'pathway')
      await pathway.acknowledge(id, { revision }, employerActor, REQUEST_ID);
  }

  /** The demo evaluator fills the session's grid (every criterion met) and signs each bloc. */
  async function signGrid(assessmentId: string) {
    const sheet = await grid.get(assessmentId, evaluatorActor);
    for (const bloc of sheet.blocs) {
      const marks = bloc.competencies.flatMap((c) =>
        c.criteria.map((k) => ({ competencyCode: c.code, criterionCode: k.code, met: true })),
      );
      await grid.saveDraft(assessmentId, bloc.code, { marks }, evaluatorActor);
      await grid.sign(assessmentId, bloc.code, evaluatorActor, REQUEST_ID);
    }
  }

  async function positionAll(id: string, codes: readonly string[], spec: DemoCandidacy, actor: Actor) {
    for (const code of codes)
      await positioning.decide(
        id,
        code,
        'organisation',
        { level: spec.held?.includes(code) ? 'held' : 'to_acquire' },
        actor,
        REQUEST_ID,
      );
  }
}
