import { describe, expect, it } from 'vitest';
import {
  type Framework,
  frameworkDiff,
  frameworkProblems,
  frameworkSchema,
  nextVersionStatus,
  VERSION_TRANSITIONS,
} from './framework.js';

function sample(): Framework {
  return frameworkSchema.parse({
    activities: {
      jobs: [{ title: 'Agent de quai', romeCode: 'N1103' }],
      activities: [
        { code: 'A1', title: 'Réception des marchandises', workSituations: ['Déchargement d’un camion'] },
      ],
    },
    competencies: {
      blocs: [
        {
          code: 'BC01',
          title: 'Réceptionner',
          competencies: [
            { code: 'C1', title: 'Contrôler une livraison', knowledge: ['Documents de transport'] },
            { code: 'C2', title: 'Appliquer les règles de sécurité', transversal: true },
          ],
        },
        { code: 'BC02', title: 'Expédier', competencies: [{ code: 'C3', title: 'Charger un véhicule' }] },
      ],
    },
    assessment: {
      competencies: [
        {
          competencyCode: 'C1',
          methods: ['mise_en_situation'],
          criteria: [
            { code: 'K1', text: 'Les écarts sont relevés', indicators: ['Bon de livraison annoté'] },
            { code: 'K2', text: 'Les réserves sont formulées' },
          ],
        },
        {
          competencyCode: 'C2',
          methods: ['observation_en_situation_de_travail'],
          criteria: [{ code: 'K3', text: 'EPI portés' }],
        },
        {
          competencyCode: 'C3',
          methods: ['entretien', 'dossier'],
          criteria: [{ code: 'K4', text: 'Plan de chargement respecté' }],
        },
      ],
      blocRules: [
        { blocCode: 'BC01', rule: { kind: 'n_of_m', n: 2 } },
        { blocCode: 'BC02', rule: { kind: 'all' } },
      ],
    },
  });
}

describe('frameworkProblems', () => {
  it('accepts a complete framework', () => {
    expect(frameworkProblems(sample())).toEqual([]);
  });

  it('finds duplicate codes', () => {
    const f = sample();
    f.competencies.blocs[1]!.code = 'BC01';
    f.competencies.blocs[1]!.competencies[0]!.code = 'C1';
    const details = frameworkProblems(f).map((p) => p.detail);
    expect(details).toContain('Code de bloc « BC01 » en double.');
    expect(details).toContain('Code de compétence « C1 » en double.');
  });

  it('requires every competency to be assessed, and names it by path', () => {
    const f = sample();
    f.assessment.competencies.pop();
    const problem = frameworkProblems(f).find((p) => p.detail.includes('C3'));
    expect(problem?.path).toEqual(['competencies', 'blocs', 1, 'competencies', 0, 'code']);
  });

  it('refuses assessments and rules that point at nothing', () => {
    const f = sample();
    f.assessment.competencies[0]!.competencyCode = 'C9';
    f.assessment.blocRules[1]!.blocCode = 'BC09';
    const details = frameworkProblems(f).map((p) => p.detail);
    expect(details).toContain('Compétence « C9 » inconnue.');
    expect(details).toContain('Bloc « BC09 » inconnu.');
    expect(details).toContain('Le bloc « BC02 » n’a pas de règle de validation.');
  });

  it('refuses "N of M" beyond the bloc’s criteria', () => {
    const f = sample();
    f.assessment.blocRules[0] = { blocCode: 'BC01', rule: { kind: 'n_of_m', n: 4 } };
    expect(frameworkProblems(f)).toEqual([
      {
        path: ['assessment', 'blocRules', 0, 'rule', 'n'],
        detail: 'Le bloc « BC01 » n’a que 3 critère(s) : impossible d’en exiger 4.',
      },
    ]);
  });

  it('refuses duplicate criteria within a competency', () => {
    const f = sample();
    f.assessment.competencies[0]!.criteria[1]!.code = 'K1';
    expect(frameworkProblems(f).map((p) => p.detail)).toEqual(['Code de critère « K1 » en double.']);
  });

  it('the schema refuses empty frameworks', () => {
    const r = frameworkSchema.safeParse({
      activities: { activities: [] },
      competencies: { blocs: [] },
      assessment: { competencies: [], blocRules: [] },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'activities.activities',
      'competencies.blocs',
    ]);
  });
});

describe('version lifecycle', () => {
  it.each([
    ['draft', 'edit', 'draft'],
    ['draft', 'publish', 'published'],
    ['published', 'edit', null],
    ['published', 'publish', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextVersionStatus(from, action)).toBe(to);
  });
  it('the table has exactly these states', () => {
    expect(Object.keys(VERSION_TRANSITIONS)).toEqual(['draft', 'published']);
  });
});

describe('frameworkDiff', () => {
  it('finds nothing between identical versions', () => {
    expect(frameworkDiff(sample(), sample())).toEqual([]);
  });

  it('locates additions, removals and changes by codes', () => {
    const a = sample();
    const b = sample();
    b.competencies.blocs[0]!.competencies[0]!.title = 'Contrôler une réception';
    b.competencies.blocs[1]!.competencies.push({
      code: 'C4',
      title: 'Emballer',
      transversal: false,
      knowledge: [],
    });
    b.assessment.competencies[0]!.criteria.pop();
    b.assessment.blocRules[0] = { blocCode: 'BC01', rule: { kind: 'all' } };
    b.activities.activities = [];
    expect(frameworkDiff(a, b).map((c) => `${c.kind} ${c.where}`)).toEqual([
      'removed activité A1',
      'changed bloc BC01 › compétence C1 › intitulé',
      'added bloc BC02 › compétence C4',
      'removed évaluation de C1 › critère K2',
      'changed bloc BC01 › règle de validation',
    ]);
  });

  it('carries before and after values', () => {
    const b = sample();
    b.competencies.blocs[1]!.title = 'Expédier les commandes';
    expect(frameworkDiff(sample(), b)).toEqual([
      { kind: 'changed', where: 'bloc BC02 › intitulé', before: 'Expédier', after: 'Expédier les commandes' },
    ]);
  });
});
