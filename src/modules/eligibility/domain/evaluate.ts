/**
 * Evaluates the rules for one situation: for each access route, the conditions in force on
 * the date (common ones first), whether each is met, and — for an open route — who may fund
 * it and the legal caps. One publicodes engine serves every situation (`setSituation` clears
 * its cache); building an engine parses every rule and costs far more than an evaluation.
 */
import Engine from 'publicodes';
import type { IsoDate, Recognition } from '../../catalogue/domain/recognition.js';
import { type FunderId, type LawRule, publicodesDate, type RouteId, type RulesModel } from './model.js';

export const CANDIDATE_STATUSES = ['employee', 'jobseeker', 'self_employed', 'student'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export const BENEFITS = ['RSA', 'ASS', 'AAH'] as const;
export type Benefit = (typeof BENEFITS)[number];

export type Candidate = {
  status: CandidateStatus;
  age?: number | undefined;
  benefits?: readonly Benefit[] | undefined;
  experienceMonths?: number | undefined;
  /** Highest qualification level reached: 0 (none) or 3–8. */
  highestLevel?: number | undefined;
  employer?: { idcc?: string | undefined; headcount?: number | undefined } | undefined;
  /** The certification is on the Pro-A list of the employer's branch. */
  onProAList?: boolean | undefined;
};

export type Situation = {
  date: IsoDate;
  certification: { kind: 'CQP' | 'CQPI'; recognition: Recognition };
  candidate: Candidate;
};

export type RuleRef = {
  rule: string;
  title: string;
  text: string;
  source: string;
  from: IsoDate;
  to: IsoDate | null;
  note?: string;
  disputed?: true;
};

/** A condition in force on the date; `satisfied` null: an input it needs is missing. */
export type Reason = RuleRef & { satisfied: boolean | null };
export type FunderResult = RuleRef & {
  funder: FunderId;
  /** false: depends on an input not given (e.g. the employer's headcount). */
  certain: boolean;
};
export type MissingInput = { field: string; label: string };

/**
 * `open`: every condition in force is met; `closed`: one is not (or none is in force on the
 * date); `incomplete`: none fails, but one needs an input the request did not give (`missing`).
 */
export type RouteStatus = 'open' | 'closed' | 'incomplete';

export type RouteResult = {
  route: RouteId;
  title: string;
  eligible: boolean;
  status: RouteStatus;
  reasons: Reason[];
  funders: FunderResult[];
  limits: RuleRef[];
  missing: MissingInput[];
};

const STATUS: Record<CandidateStatus, string> = {
  employee: "'salarié'",
  jobseeker: "'demandeur d’emploi'",
  self_employed: "'indépendant'",
  student: "'étudiant'",
};

const RECOGNITION: Record<Recognition['status'], string> = {
  none: "'aucune'",
  branch_only: "'branche'",
  rncp: "'RNCP'",
  rs: "'RS'",
};

/** Publicodes inputs → request fields, to say what is missing in the caller's words. */
export const INPUT_FIELDS: Record<string, string> = {
  date: 'date',
  'certification . reconnaissance': 'certification.events',
  'certification . type': 'certification.kind',
  'certification . niveau': 'certification.events',
  'certification . liste Pro A': 'candidate.onProAList',
  'candidat . statut': 'candidate.status',
  'candidat . âge': 'candidate.age',
  'candidat . RSA': 'candidate.benefits',
  'candidat . ASS': 'candidate.benefits',
  'candidat . AAH': 'candidate.benefits',
  'candidat . expérience': 'candidate.experienceMonths',
  'candidat . niveau': 'candidate.highestLevel',
  'employeur . effectif': 'candidate.employer.headcount',
};

const yesNo = (b: boolean) => (b ? 'oui' : 'non');

export function toPublicodesSituation(s: Situation): Record<string, string | number> {
  const { candidate, certification } = s;
  const out: Record<string, string | number> = {
    date: publicodesDate(s.date),
    'certification . reconnaissance': RECOGNITION[certification.recognition.status],
    'certification . type': `'${certification.kind}'`,
    'candidat . statut': STATUS[candidate.status],
  };
  if (certification.recognition.status === 'rncp')
    out['certification . niveau'] = certification.recognition.level;
  if (candidate.onProAList !== undefined) out['certification . liste Pro A'] = yesNo(candidate.onProAList);
  if (candidate.age !== undefined) out['candidat . âge'] = candidate.age;
  if (candidate.benefits) {
    for (const b of BENEFITS) out[`candidat . ${b}`] = yesNo(candidate.benefits.includes(b));
  }
  if (candidate.experienceMonths !== undefined) out['candidat . expérience'] = candidate.experienceMonths;
  if (candidate.highestLevel !== undefined) out['candidat . niveau'] = candidate.highestLevel;
  if (candidate.employer?.headcount !== undefined) out['employeur . effectif'] = candidate.employer.headcount;
  return out;
}

export function ruleRef(law: LawRule): RuleRef {
  return {
    rule: law.name,
    title: law.title,
    text: law.text,
    source: law.source,
    from: law.from,
    to: law.to,
    ...(law.note ? { note: law.note } : {}),
    ...(law.disputed ? { disputed: true as const } : {}),
  };
}

export type Evaluator = {
  evaluate(situation: Situation, routes?: readonly RouteId[]): RouteResult[];
};

/** What an evaluated publicodes node exposes that we read. */
type Evaluated = { nodeValue: unknown; missingVariables: Record<string, number> };

export type EvaluatorOptions = {
  /**
   * Rules whose dates exclude the situation's date are not in force: skipped without asking
   * the engine. On by default; off only with a model built with `datesInEngine`, to check
   * that publicodes, comparing the dates itself, gives the same answers.
   */
  prefilterDates?: boolean;
  /** `engine.evaluate(name)` as the publicodes documentation shows (re-parses the name each call). */
  naive?: boolean;
};

export function createEvaluator(model: RulesModel, options: EvaluatorOptions = {}): Evaluator {
  const prefilter = options.prefilterDates ?? true;
  const engine = new Engine(model.publicodes as never, {
    logger: { log() {}, warn() {}, error: (m: string) => console.error(m) },
  });
  const inputLabels = new Map<string, string>();
  const defaulted = new Set<string>();
  for (const name of Object.keys(INPUT_FIELDS)) {
    const rule = engine.getRule(name);
    inputLabels.set(name, rule.title);
    if (rule.rawNode['par défaut'] !== undefined) defaulted.add(name);
  }
  const law = (name: string) => model.rules.get(name) as LawRule;
  // `engine.evaluate(name)` parses its argument as a new expression on every call, which
  // costs more than the evaluation itself: evaluate the parsed rule nodes directly.
  const internal = engine as unknown as { evaluateNode(node: unknown): Evaluated };
  const nodes = new Map([...model.rules.keys()].map((name) => [name, engine.getRule(name)] as const));
  const inForce = (name: string, date: string) => {
    const rule = law(name);
    return rule.from <= date && (rule.to === null || date <= rule.to);
  };
  const value = (name: string, date: string): Evaluated => {
    if (prefilter && !inForce(name, date)) return { nodeValue: null, missingVariables: {} };
    return options.naive ? engine.evaluate(name) : internal.evaluateNode(nodes.get(name));
  };

  function evaluate(situation: Situation, routes?: readonly RouteId[]): RouteResult[] {
    engine.setSituation(toPublicodesSituation(situation) as never);
    const { date } = situation;
    const wanted = routes ? model.routes.filter((r) => routes.includes(r.id)) : model.routes;
    return wanted.map((route) => {
      const reasons: Reason[] = [];
      const missing = new Set<string>();
      for (const name of [...model.common, ...route.conditions]) {
        const result = value(name, date);
        const v = result.nodeValue;
        if (v === null) continue; // not in force on the date
        if (v === undefined) {
          for (const m of Object.keys(result.missingVariables)) if (!defaulted.has(m)) missing.add(m);
        }
        reasons.push({ ...ruleRef(law(name)), satisfied: v === undefined ? null : v === true });
      }
      const eligible = reasons.length > 0 && reasons.every((r) => r.satisfied === true);
      const status: RouteStatus = eligible
        ? 'open'
        : reasons.length === 0 || reasons.some((r) => r.satisfied === false)
          ? 'closed'
          : 'incomplete';
      const funders: FunderResult[] = [];
      const limits: RuleRef[] = [];
      if (eligible) {
        for (const name of route.funders) {
          const v = value(name, date).nodeValue;
          if (v === true || v === undefined) {
            const rule = law(name);
            funders.push({ ...ruleRef(rule), funder: rule.funder as FunderId, certain: v === true });
          }
        }
        for (const name of route.limits) {
          if (value(name, date).nodeValue === true) limits.push(ruleRef(law(name)));
        }
      }
      return {
        route: route.id,
        title: route.title,
        eligible,
        status,
        reasons,
        funders,
        limits,
        missing: [...missing].map((m) => ({ field: INPUT_FIELDS[m] ?? m, label: inputLabels.get(m) ?? m })),
      };
    });
  }

  return { evaluate };
}
