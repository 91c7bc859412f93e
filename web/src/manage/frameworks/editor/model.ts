import type { AssessmentMethod, Framework } from '../../../api/catalogue';

/**
 * The framework as the editor holds it: a tree (bloc › competency › criterion) where each
 * competency carries its own assessment and each bloc its pass rule, and every item a stable
 * key for React. The API's document keys assessment and rules by codes; `fromModel` rebuilds
 * it in document order, so that its paths (`assessment.competencies.3`) map back to the tree.
 */
export type TextItem = { key: string; value: string };
export type JobModel = { key: string; title: string; romeCode: string };
export type ActivityModel = { key: string; code: string; title: string; workSituations: TextItem[] };
export type CriterionModel = { key: string; code: string; text: string; indicators: TextItem[] };
export type CompetencyModel = {
  key: string;
  code: string;
  title: string;
  transversal: boolean;
  knowledge: TextItem[];
  methods: AssessmentMethod[];
  criteria: CriterionModel[];
};
export type RuleModel = { kind: 'all' | 'n_of_m'; n: number };
export type BlocModel = {
  key: string;
  code: string;
  title: string;
  rule: RuleModel;
  competencies: CompetencyModel[];
};
export type FrameworkModel = { jobs: JobModel[]; activities: ActivityModel[]; blocs: BlocModel[] };

let counter = 0;
/** A key unique in this page's life, for React lists whose items move. */
export const newKey = () => `k${++counter}`;

const texts = (values: string[]): TextItem[] => values.map((value) => ({ key: newKey(), value }));

export function toModel(f: Framework): FrameworkModel {
  const assessment = new Map(f.assessment.competencies.map((a) => [a.competencyCode, a]));
  const rules = new Map(f.assessment.blocRules.map((r) => [r.blocCode, r.rule]));
  return {
    jobs: f.activities.jobs.map((j) => ({ key: newKey(), title: j.title, romeCode: j.romeCode ?? '' })),
    activities: f.activities.activities.map((a) => ({
      key: newKey(),
      code: a.code,
      title: a.title,
      workSituations: texts(a.workSituations),
    })),
    blocs: f.competencies.blocs.map((b) => {
      const rule = rules.get(b.code) ?? { kind: 'all' };
      return {
        key: newKey(),
        code: b.code,
        title: b.title,
        rule: rule.kind === 'n_of_m' ? { kind: 'n_of_m', n: rule.n } : { kind: 'all', n: 1 },
        competencies: b.competencies.map((c) => {
          const a = assessment.get(c.code);
          return {
            key: newKey(),
            code: c.code,
            title: c.title,
            transversal: c.transversal,
            knowledge: texts(c.knowledge),
            methods: a?.methods ?? [],
            criteria: (a?.criteria ?? []).map((k) => ({
              key: newKey(),
              code: k.code,
              text: k.text,
              indicators: texts(k.indicators),
            })),
          };
        }),
      };
    }),
  };
}

const values = (items: TextItem[]) => items.map((i) => i.value);

/** The API document; assessment entries in competency order, rules in bloc order. */
export function fromModel(m: FrameworkModel): Framework {
  const competencies = m.blocs.flatMap((b) => b.competencies);
  return {
    activities: {
      jobs: m.jobs.map((j) => ({
        title: j.title,
        ...(j.romeCode.trim() ? { romeCode: j.romeCode.trim() } : {}),
      })),
      activities: m.activities.map((a) => ({
        code: a.code,
        title: a.title,
        workSituations: values(a.workSituations),
      })),
    },
    competencies: {
      blocs: m.blocs.map((b) => ({
        code: b.code,
        title: b.title,
        competencies: b.competencies.map((c) => ({
          code: c.code,
          title: c.title,
          transversal: c.transversal,
          knowledge: values(c.knowledge),
        })),
      })),
    },
    assessment: {
      competencies: competencies.map((c) => ({
        competencyCode: c.code,
        methods: c.methods,
        criteria: c.criteria.map((k) => ({ code: k.code, text: k.text, indicators: values(k.indicators) })),
      })),
      blocRules: m.blocs.map((b) => ({
        blocCode: b.code,
        rule: b.rule.kind === 'all' ? { kind: 'all' } : { kind: 'n_of_m', n: b.rule.n },
      })),
    },
  };
}

export function newCriterion(index: number): CriterionModel {
  return { key: newKey(), code: `CR${index + 1}`, text: '', indicators: [] };
}

export function newCompetency(blocIndex: number, index: number): CompetencyModel {
  return {
    key: newKey(),
    code: `C${blocIndex + 1}.${index + 1}`,
    title: '',
    transversal: false,
    knowledge: [],
    methods: [],
    criteria: [newCriterion(0)],
  };
}

export function newBloc(index: number): BlocModel {
  return {
    key: newKey(),
    code: `BC${String(index + 1).padStart(2, '0')}`,
    title: '',
    rule: { kind: 'all', n: 1 },
    competencies: [newCompetency(index, 0)],
  };
}

export function newActivity(index: number): ActivityModel {
  return { key: newKey(), code: `A${index + 1}`, title: '', workSituations: [] };
}

export function newJob(): JobModel {
  return { key: newKey(), title: '', romeCode: '' };
}

export function newText(): TextItem {
  return { key: newKey(), value: '' };
}

/** The smallest framework to fill in: one activity, one bloc of one competency with one criterion. */
export function skeleton(): FrameworkModel {
  return { jobs: [], activities: [newActivity(0)], blocs: [newBloc(0)] };
}

export function criteriaCount(bloc: BlocModel): number {
  return bloc.competencies.reduce((n, c) => n + c.criteria.length, 0);
}

/* Immutable list edits. */

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) return [...list];
  const out = [...list];
  [out[index], out[target]] = [out[target] as T, out[index] as T];
  return out;
}
