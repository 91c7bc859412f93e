import { describe, expect, it } from 'vitest';
import { CANDIDACY_STATUSES } from '../../../contracts/candidacies.js';
import {
  acknowledgementIsCurrent,
  type FrameworkBlocs,
  type ModuleContext,
  moduleProblems,
  normaliseModule,
  type PathwayModule,
  pathwayBlocs,
  pathwayStateProblem,
  proposePathway,
} from './pathway.js';
import type { CompetencyDecisions } from './positioning.js';

const FRAMEWORK: FrameworkBlocs = {
  competencies: {
    blocs: [
      {
        code: 'BC01',
        title: 'Accueil',
        competencies: [
          { code: 'C1', title: 'Accueillir' },
          { code: 'C2', title: 'Orienter' },
        ],
      },
      { code: 'BC02', title: 'Sécurité', competencies: [{ code: 'C3', title: 'Surveiller' }] },
      { code: 'BC03', title: 'Gestion', competencies: [{ code: 'C4', title: 'Rendre compte' }] },
      { code: 'BC04', title: 'Hors cible', competencies: [{ code: 'C5', title: 'Autre' }] },
    ],
  },
};
const decisions = (entries: Record<string, CompetencyDecisions>) => new Map(Object.entries(entries));
const ORG = '00000000-0000-4000-8000-000000000001';
const EMPLOYER_ORG = '00000000-0000-4000-8000-000000000002';
const TUTOR = '00000000-0000-4000-8000-000000000003';

describe('pathwayBlocs: what is left to acquire', () => {
  const targeted = ['BC01', 'BC02', 'BC03'];

  it('keeps the targeted blocs only, in the framework’s order', () => {
    const blocs = pathwayBlocs(FRAMEWORK, ['BC03', 'BC01'], [], decisions({}));
    expect(blocs.map((b) => b.code)).toEqual(['BC01', 'BC03']);
  });

  it('a carried bloc: nothing to do, whatever its positioning', () => {
    const [bc01] = pathwayBlocs(
      FRAMEWORK,
      targeted,
      ['BC01'],
      decisions({ C1: { organisation: 'to_acquire' } }),
    );
    expect(bc01).toEqual({ code: 'BC01', title: 'Accueil', plan: 'carried', gaps: [] });
  });

  it('every competency held by the organisation’s decision: assessed directly', () => {
    const blocs = pathwayBlocs(
      FRAMEWORK,
      targeted,
      [],
      decisions({ C1: { organisation: 'held' }, C2: { organisation: 'held', self: 'partly' } }),
    );
    expect(blocs[0]).toMatchObject({ plan: 'assess_directly', gaps: [] });
  });

  it('partly held, to acquire and undecided competencies are gaps; the candidate’s own positioning does not count', () => {
    const blocs = pathwayBlocs(
      FRAMEWORK,
      targeted,
      [],
      decisions({
        C1: { organisation: 'partly' },
        C2: { organisation: 'held' },
        C3: { self: 'held' },
        C4: { organisation: 'to_acquire' },
      }),
    );
    expect(blocs).toEqual([
      {
        code: 'BC01',
        title: 'Accueil',
        plan: 'to_acquire',
        gaps: [{ code: 'C1', title: 'Accueillir', level: 'partly' }],
      },
      {
        code: 'BC02',
        title: 'Sécurité',
        plan: 'to_acquire',
        gaps: [{ code: 'C3', title: 'Surveiller', level: null }],
      },
      {
        code: 'BC03',
        title: 'Gestion',
        plan: 'to_acquire',
        gaps: [{ code: 'C4', title: 'Rendre compte', level: 'to_acquire' }],
      },
    ]);
  });
});

describe('proposePathway', () => {
  it('one training module per bloc to acquire, at the training organisation, covering its gaps; none for held or carried blocs', () => {
    const blocs = pathwayBlocs(
      FRAMEWORK,
      ['BC01', 'BC02', 'BC03'],
      ['BC03'],
      decisions({
        C1: { organisation: 'partly' },
        C2: { organisation: 'to_acquire' },
        C3: { organisation: 'held' },
      }),
    );
    expect(proposePathway(blocs, ORG)).toEqual([
      {
        blocCode: 'BC01',
        kind: 'training',
        title: 'Formation : Accueil',
        competencyCodes: ['C1', 'C2'],
        hours: null,
        startsOn: null,
        endsOn: null,
        organisationId: ORG,
        description: null,
        tutor: null,
        dueOn: null,
      },
    ]);
  });

  it('nothing to acquire: no module', () => {
    expect(proposePathway([], ORG)).toEqual([]);
  });
});

const base = (over: Partial<PathwayModule>): PathwayModule => ({
  blocCode: 'BC01',
  kind: 'training',
  title: 'Formation accueil',
  competencyCodes: ['C1'],
  hours: 14,
  startsOn: '2027-01-04',
  endsOn: '2027-01-05',
  organisationId: ORG,
  description: null,
  tutor: null,
  dueOn: null,
  ...over,
});
const CTX: ModuleContext = {
  framework: FRAMEWORK,
  frameworkVersion: 3,
  targeted: ['BC01', 'BC02', 'BC03'],
  carried: ['BC03'],
  organisations: new Map([
    [ORG, { trainingOrganisation: true }],
    [EMPLOYER_ORG, { trainingOrganisation: false }],
  ]),
  users: new Set([TUTOR]),
  hasEmployer: true,
};
const problemsOf = (m: Partial<PathwayModule>, ctx: Partial<ModuleContext> = {}) =>
  moduleProblems([base(m)], { ...CTX, ...ctx }).map((p) => `${p.path.join('/')}: ${p.detail}`);

describe('moduleProblems', () => {
  it('a complete module of each kind passes', () => {
    const modules = [
      base({}),
      base({
        kind: 'work_situation',
        description: 'Accueil du public en poste',
        tutor: { userId: TUTOR, name: null },
        hours: null,
        organisationId: null,
      }),
      base({ kind: 'work_situation', description: 'Ronde', tutor: { userId: null, name: 'Mme Lœw' } }),
      base({
        blocCode: 'BC02',
        competencyCodes: ['C3'],
        kind: 'vae',
        description: 'Dossier',
        dueOn: '2027-06-30',
      }),
    ];
    expect(moduleProblems(modules, CTX)).toEqual([]);
  });

  it('an empty list passes (every bloc assessed directly)', () => {
    expect(moduleProblems([], CTX)).toEqual([]);
  });

  it('the bloc: in the pinned version, targeted, not carried', () => {
    expect(problemsOf({ blocCode: 'BC99', competencyCodes: [] })).toEqual([
      'modules/0/blocCode: Pas de bloc « BC99 » dans la version 3 du référentiel.',
    ]);
    expect(problemsOf({ blocCode: 'BC04', competencyCodes: [] })).toEqual([
      'modules/0/blocCode: Le bloc « BC04 » n’est pas visé par ce parcours.',
    ]);
    expect(problemsOf({ blocCode: 'BC03', competencyCodes: [] })).toEqual([
      'modules/0/blocCode: Le bloc « BC03 » est acquis antérieurement : il n’a pas de module.',
    ]);
  });

  it('a title; competencies of that bloc, each named by its index', () => {
    expect(problemsOf({ title: '  ', competencyCodes: ['C1', 'C3'] })).toEqual([
      'modules/0/title: Indiquez l’intitulé du module.',
      'modules/0/competencyCodes/1: La compétence « C3 » n’est pas dans le bloc « BC01 ».',
    ]);
  });

  it('training: hours above 0, dates given and in order, an existing training organisation', () => {
    expect(problemsOf({ hours: null, startsOn: null, endsOn: null, organisationId: null })).toEqual([
      'modules/0/hours: Indiquez le nombre d’heures.',
      'modules/0/startsOn: Indiquez la date de début.',
      'modules/0/endsOn: Indiquez la date de fin.',
      'modules/0/organisationId: Indiquez l’organisme de formation.',
    ]);
    expect(problemsOf({ hours: 0 })).toEqual([
      'modules/0/hours: Le nombre d’heures doit être supérieur à 0.',
    ]);
    expect(problemsOf({ hours: -3 })).toEqual([
      'modules/0/hours: Le nombre d’heures doit être supérieur à 0.',
    ]);
    expect(problemsOf({ hours: Number.NaN })).toEqual([
      'modules/0/hours: Le nombre d’heures doit être supérieur à 0.',
    ]);
    expect(problemsOf({ hours: 0.5, startsOn: '2027-01-05', endsOn: '2027-01-05' })).toEqual([]);
    expect(problemsOf({ hours: 9999 })).toEqual([]);
    expect(problemsOf({ hours: 9999.5 })).toEqual([
      'modules/0/hours: Le nombre d’heures doit être au plus 9 999.',
    ]);
    expect(problemsOf({ startsOn: '2027-01-06', endsOn: '2027-01-05' })).toEqual([
      'modules/0/endsOn: La date de fin doit être le jour de début ou après.',
    ]);
    expect(problemsOf({ organisationId: '00000000-0000-4000-8000-00000000dead' })).toEqual([
      'modules/0/organisationId: Aucune organisation avec cet identifiant.',
    ]);
    expect(problemsOf({ organisationId: EMPLOYER_ORG })).toEqual([
      'modules/0/organisationId: Cette organisation n’est pas un organisme de formation.',
    ]);
  });

  it('work situation: an employer on the candidacy, a description, dates, a tutor (known account or name)', () => {
    const ws = {
      kind: 'work_situation' as const,
      description: 'Poste',
      tutor: { userId: null, name: 'M. Durand' },
    };
    expect(problemsOf({ ...ws, description: ' ', tutor: null, startsOn: null })).toEqual([
      'modules/0/description: Décrivez la situation de travail.',
      'modules/0/startsOn: Indiquez la date de début.',
      'modules/0/tutor: Indiquez le tuteur ou la tutrice chez l’employeur (un compte ou un nom).',
    ]);
    expect(problemsOf({ ...ws, tutor: { userId: null, name: '   ' } })).toEqual([
      'modules/0/tutor: Indiquez le tuteur ou la tutrice chez l’employeur (un compte ou un nom).',
    ]);
    expect(
      problemsOf({ ...ws, tutor: { userId: '00000000-0000-4000-8000-00000000beef', name: null } }),
    ).toEqual(['modules/0/tutor/userId: Aucun compte avec cet identifiant.']);
    expect(problemsOf(ws, { hasEmployer: false })).toEqual([
      'modules/0/kind: Une situation de travail se fait chez l’employeur : ce parcours n’a pas d’employeur.',
    ]);
    // Hours and organisation are not a work situation's: ignored, not refused.
    expect(problemsOf({ ...ws, hours: -1, organisationId: 'x' })).toEqual([]);
  });

  it('VAE: a description and a due date; dates and hours are not asked', () => {
    expect(problemsOf({ kind: 'vae', startsOn: null, endsOn: null, hours: null })).toEqual([
      'modules/0/description: Décrivez le dossier de VAE attendu.',
      'modules/0/dueOn: Indiquez la date de remise du dossier.',
    ]);
  });

  it('names each module by its index', () => {
    const problems = moduleProblems([base({}), base({ hours: 0 }), base({}), base({ title: '' })], CTX);
    expect(problems.map((p) => p.path)).toEqual([
      ['modules', 1, 'hours'],
      ['modules', 3, 'title'],
    ]);
  });
});

describe('normaliseModule', () => {
  it('clears the fields a kind does not use, trims texts, dedupes competencies; an account wins over a name', () => {
    expect(
      normaliseModule(
        base({
          kind: 'work_situation',
          title: '  Poste  ',
          competencyCodes: ['C1', ' C1', 'C2'],
          description: '  Ronde ',
          tutor: { userId: TUTOR, name: 'ignoré' },
          dueOn: '2027-01-01',
        }),
      ),
    ).toEqual({
      blocCode: 'BC01',
      kind: 'work_situation',
      title: 'Poste',
      competencyCodes: ['C1', 'C2'],
      hours: null,
      startsOn: '2027-01-04',
      endsOn: '2027-01-05',
      organisationId: null,
      description: 'Ronde',
      tutor: { userId: TUTOR, name: null },
      dueOn: null,
    });
    expect(normaliseModule(base({ kind: 'vae', description: ' ', dueOn: '2027-02-01' }))).toMatchObject({
      hours: null,
      startsOn: null,
      endsOn: null,
      organisationId: null,
      description: null,
      tutor: null,
      dueOn: '2027-02-01',
    });
    expect(normaliseModule(base({ description: 'Salle 2' }))).toMatchObject({
      hours: 14,
      description: 'Salle 2',
    });
  });
});

describe('when the pathway may change', () => {
  it('at the positioning and pathway steps only, every other state refused in French', () => {
    for (const status of CANDIDACY_STATUSES) {
      const problem = pathwayStateProblem(status);
      if (status === 'positioning' || status === 'pathway') expect(problem).toBeUndefined();
      else expect(problem).toMatch(/^Le parcours individualisé s’établit aux étapes « Positionnement »/);
    }
    expect(pathwayStateProblem('assessment')).toContain('ce parcours est à l’étape « Évaluation »');
  });
});

describe('acknowledgements', () => {
  it('hold for the revision acknowledged only', () => {
    expect(acknowledgementIsCurrent(2, 2)).toBe(true);
    expect(acknowledgementIsCurrent(1, 2)).toBe(false);
  });
});
