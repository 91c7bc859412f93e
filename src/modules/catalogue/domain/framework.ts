import { z } from 'zod';
import { ASSESSMENT_METHOD_LABELS, ASSESSMENT_METHODS } from '../../../contracts/catalogue.js';

/**
 * A framework version: the three référentiels of a certification as one document.
 * Codes (activities, blocs, competencies, criteria) are the stable keys that pathways,
 * assessments and juries refer to, and that diffs compare by.
 */
export { ASSESSMENT_METHOD_LABELS, ASSESSMENT_METHODS };

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, 'Code de 1 à 20 caractères : lettres, chiffres, point, tiret.');
const text = (max: number) => z.string().trim().min(1).max(max);

export const activityFrameworkSchema = z.object({
  jobs: z.array(z.object({ title: text(200), romeCode: z.string().optional() })).default([]),
  activities: z
    .array(
      z.object({
        code,
        title: text(300),
        workSituations: z.array(text(500)).default([]),
      }),
    )
    .min(1, 'Au moins une activité.'),
});

export const competencyFrameworkSchema = z.object({
  blocs: z
    .array(
      z.object({
        code,
        title: text(300),
        competencies: z
          .array(
            z.object({
              code,
              title: text(500),
              transversal: z.boolean().default(false),
              knowledge: z.array(text(300)).default([]),
            }),
          )
          .min(1, 'Au moins une compétence par bloc.'),
      }),
    )
    .min(1, 'Au moins un bloc de compétences.'),
});

export const blocRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('n_of_m'), n: z.number().int().min(1) }),
]);

export const assessmentFrameworkSchema = z.object({
  competencies: z.array(
    z.object({
      competencyCode: code,
      methods: z.array(z.enum(ASSESSMENT_METHODS)).min(1, 'Au moins une modalité d’évaluation.'),
      criteria: z
        .array(z.object({ code, text: text(500), indicators: z.array(text(500)).default([]) }))
        .min(1, 'Au moins un critère.'),
    }),
  ),
  blocRules: z.array(z.object({ blocCode: code, rule: blocRuleSchema })),
});

export const frameworkSchema = z.object({
  activities: activityFrameworkSchema,
  competencies: competencyFrameworkSchema,
  assessment: assessmentFrameworkSchema,
});

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkProblem = { path: (string | number)[]; detail: string };

/**
 * What the schema cannot say: codes unique where they are keys, every competency assessed
 * exactly once, every bloc given one pass rule, and "N of M" within the bloc's criteria.
 */
export function frameworkProblems(f: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const seen = (kind: string, at: (string | number)[], set: Set<string>, value: string) => {
    if (set.has(value)) problems.push({ path: at, detail: `${kind} « ${value} » en double.` });
    set.add(value);
  };

  const activityCodes = new Set<string>();
  f.activities.activities.forEach((a, i) => {
    seen('Code d’activité', ['activities', 'activities', i, 'code'], activityCodes, a.code);
  });

  const blocCodes = new Set<string>();
  const competencyCodes = new Set<string>();
  const blocOf = new Map<string, string>();
  f.competencies.blocs.forEach((b, i) => {
    seen('Code de bloc', ['competencies', 'blocs', i, 'code'], blocCodes, b.code);
    b.competencies.forEach((c, j) => {
      seen(
        'Code de compétence',
        ['competencies', 'blocs', i, 'competencies', j, 'code'],
        competencyCodes,
        c.code,
      );
      blocOf.set(c.code, b.code);
    });
  });

  const assessed = new Set<string>();
  const criteriaPerBloc = new Map<string, number>();
  f.assessment.competencies.forEach((a, i) => {
    const at = ['assessment', 'competencies', i];
    if (!competencyCodes.has(a.competencyCode)) {
      problems.push({
        path: [...at, 'competencyCode'],
        detail: `Compétence « ${a.competencyCode} » inconnue.`,
      });
    }
    seen('Évaluation de la compétence', [...at, 'competencyCode'], assessed, a.competencyCode);
    const criteria = new Set<string>();
    a.criteria.forEach((c, j) => {
      seen('Code de critère', [...at, 'criteria', j, 'code'], criteria, c.code);
    });
    const bloc = blocOf.get(a.competencyCode);
    if (bloc) criteriaPerBloc.set(bloc, (criteriaPerBloc.get(bloc) ?? 0) + a.criteria.length);
  });
  f.competencies.blocs.forEach((b, i) => {
    b.competencies.forEach((c, j) => {
      if (!assessed.has(c.code)) {
        problems.push({
          path: ['competencies', 'blocs', i, 'competencies', j, 'code'],
          detail: `La compétence « ${c.code} » n’a pas de modalités ni de critères d’évaluation.`,
        });
      }
    });
  });

  const ruled = new Set<string>();
  f.assessment.blocRules.forEach((r, i) => {
    const at = ['assessment', 'blocRules', i];
    if (!blocCodes.has(r.blocCode))
      problems.push({ path: [...at, 'blocCode'], detail: `Bloc « ${r.blocCode} » inconnu.` });
    seen('Règle du bloc', [...at, 'blocCode'], ruled, r.blocCode);
    const total = criteriaPerBloc.get(r.blocCode) ?? 0;
    if (r.rule.kind === 'n_of_m' && r.rule.n > total) {
      problems.push({
        path: [...at, 'rule', 'n'],
        detail: `Le bloc « ${r.blocCode} » n’a que ${total} critère(s) : impossible d’en exiger ${r.rule.n}.`,
      });
    }
  });
  f.competencies.blocs.forEach((b, i) => {
    if (!ruled.has(b.code)) {
      problems.push({
        path: ['competencies', 'blocs', i, 'code'],
        detail: `Le bloc « ${b.code} » n’a pas de règle de validation.`,
      });
    }
  });
  return problems;
}

/** Lifecycle of a framework version, as a transition table. */
export const VERSION_TRANSITIONS = {
  draft: { edit: 'draft', publish: 'published' },
  published: {},
} as const satisfies Record<string, Record<string, string>>;

export type VersionStatus = keyof typeof VERSION_TRANSITIONS;
export type VersionAction = 'edit' | 'publish';

export function nextVersionStatus(status: VersionStatus, action: VersionAction): VersionStatus | null {
  const row: Partial<Record<VersionAction, VersionStatus>> = VERSION_TRANSITIONS[status];
  return row[action] ?? null;
}

export type FrameworkChange = {
  kind: 'added' | 'removed' | 'changed';
  /** Readable location, by codes: `bloc BC01 › compétence C1.2 › critère K1`. */
  where: string;
  before?: unknown;
  after?: unknown;
};

function keyed<T>(items: readonly T[], key: (t: T) => string) {
  return new Map(items.map((t) => [key(t), t]));
}

function compareKeyed<T>(
  out: FrameworkChange[],
  label: (k: string) => string,
  a: readonly T[],
  b: readonly T[],
  key: (t: T) => string,
  inner: (x: T, y: T, where: string) => void,
) {
  const ma = keyed(a, key);
  const mb = keyed(b, key);
  for (const [k, x] of ma) {
    const y = mb.get(k);
    if (!y) out.push({ kind: 'removed', where: label(k), before: x });
    else inner(x, y, label(k));
  }
  for (const [k, y] of mb) if (!ma.has(k)) out.push({ kind: 'added', where: label(k), after: y });
}

/** The French names of the fields a diff compares, as the editor labels them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  jobs: 'métiers visés',
  title: 'intitulé',
  workSituations: 'situations de travail',
  transversal: 'transversale',
  knowledge: 'savoirs',
  methods: 'modalités d’évaluation',
  text: 'énoncé',
  indicators: 'indicateurs',
  rule: 'règle de validation',
};

function compareFields<T extends object>(
  out: FrameworkChange[],
  where: string,
  x: T,
  y: T,
  fields: (keyof T & string)[],
) {
  for (const f of fields) {
    if (JSON.stringify(x[f]) !== JSON.stringify(y[f])) {
      const field = FIELD_LABELS[f] ?? f;
      out.push({ kind: 'changed', where: where ? `${where} › ${field}` : field, before: x[f], after: y[f] });
    }
  }
}

/** The changes from version a to version b, located by codes, in document order. */
export function frameworkDiff(a: Framework, b: Framework): FrameworkChange[] {
  const out: FrameworkChange[] = [];
  compareFields(out, '', a.activities, b.activities, ['jobs']);
  compareKeyed(
    out,
    (k) => `activité ${k}`,
    a.activities.activities,
    b.activities.activities,
    (x) => x.code,
    (x, y, w) => compareFields(out, w, x, y, ['title', 'workSituations']),
  );
  compareKeyed(
    out,
    (k) => `bloc ${k}`,
    a.competencies.blocs,
    b.competencies.blocs,
    (x) => x.code,
    (x, y, w) => {
      compareFields(out, w, x, y, ['title']);
      compareKeyed(
        out,
        (k) => `${w} › compétence ${k}`,
        x.competencies,
        y.competencies,
        (c) => c.code,
        (c, d, w2) => compareFields(out, w2, c, d, ['title', 'transversal', 'knowledge']),
      );
    },
  );
  compareKeyed(
    out,
    (k) => `évaluation de ${k}`,
    a.assessment.competencies,
    b.assessment.competencies,
    (x) => x.competencyCode,
    (x, y, w) => {
      compareFields(out, w, x, y, ['methods']);
      compareKeyed(
        out,
        (k) => `${w} › critère ${k}`,
        x.criteria,
        y.criteria,
        (c) => c.code,
        (c, d, w2) => compareFields(out, w2, c, d, ['text', 'indicators']),
      );
    },
  );
  compareKeyed(
    out,
    (k) => `bloc ${k}`,
    a.assessment.blocRules,
    b.assessment.blocRules,
    (x) => x.blocCode,
    (x, y, w) => compareFields(out, w, x, y, ['rule']),
  );
  return out;
}
