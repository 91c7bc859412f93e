/**
 * Evaluates the rules for one situation: for each access route, the conditions in force on
 * the date (common ones first), whether each is met, and — for an open route — who may fund
 * it and the legal caps. One publicodes engine serves every situation (`setSituation` clears
 * its cache); building an engine parses every rule and costs far more than an evaluation.
 */
import Engine from 'publicodes';
import { type ContractType, CPF_LISTS, type CpfList } from '../../../contracts/eligibility-facts.js';
import type { IsoDate, Recognition } from '../../catalogue/domain/recognition.js';
import {
  type FunderId,
  type LawRule,
  publicodesDate,
  type RouteId,
  type RulesModel,
  titleOn,
} from './model.js';

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
  employer?:
    | {
        idcc?: string | undefined;
        headcount?: number | undefined;
        /** An artisan firm under 11 employees (the CIF's 36 months). */
        craft?: boolean | undefined;
      }
    | undefined;
  /** The certification is on the Pro-A list of the employer's branch. */
  onProAList?: boolean | undefined;
  contractType?: ContractType | undefined;
  /** Placed in short-time work (activité partielle): Pro-A. */
  shortTimeWork?: boolean | undefined;
  /** Has had a contrat unique d’insertion: contrat de professionnalisation. */
  formerCui?: boolean | undefined;
  /** Seniority in months (CIF, CPF de transition: D6323-9). */
  seniority?:
    | {
        monthsEmployee: number;
        monthsInFirm: number;
        monthsCddLast12?: number | undefined;
        monthsEmployeeLast5Years?: number | undefined;
      }
    | undefined;
  /** Recognised disability (OETH): exempt from the CPF de transition's seniority. */
  disabilityRecognised?: boolean | undefined;
  /** The 2015–2018 CPF lists the training towards this certification was on. */
  cpfLists?: readonly CpfList[] | undefined;
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
  /** The route's name on the date (e.g. « Congé individuel de formation » before 2019). */
  title: string;
  eligible: boolean;
  status: RouteStatus;
  /** A rule in force on the date (condition, funder or cap) is disputed: see its note. */
  disputed?: true;
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
  'employeur . artisanale': 'candidate.employer.craft',
  'candidat . contrat': 'candidate.contractType',
  'candidat . activité partielle': 'candidate.shortTimeWork',
  'candidat . ancien CUI': 'candidate.formerCui',
  'candidat . handicap reconnu': 'candidate.disabilityRecognised',
  'candidat . ancienneté . salarié': 'candidate.seniority.monthsEmployee',
  'candidat . ancienneté . entreprise': 'candidate.seniority.monthsInFirm',
  'candidat . ancienneté . salarié 5 ans': 'candidate.seniority.monthsEmployeeLast5Years',
  'candidat . ancienneté . CDD 12 mois': 'candidate.seniority.monthsCddLast12',
  'candidat . listes CPF . CPNE': 'candidate.cpfLists',
  'candidat . listes CPF . COPANEF': 'candidate.cpfLists',
  'candidat . listes CPF . COPAREF': 'candidate.cpfLists',
};

const CONTRACT: Record<ContractType, string> = {
  cdi: "'CDI'",
  cdd: "'CDD'",
  cdd_iae: "'CDD insertion'",
  cui: "'CUI'",
  cui_cdi: "'CUI en CDI'",
  sports_cdd: "'CDD sportif'",
  temporary: "'intérim'",
  other: "'autre'",
};

const CPF_LIST_INPUT: Record<CpfList, string> = {
  cpne: 'candidat . listes CPF . CPNE',
  copanef: 'candidat . listes CPF . COPANEF',
  coparef: 'candidat . listes CPF . COPAREF',
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
  // Inputs that default to `non` are set only when `oui`: each value set costs a parse.
  for (const b of candidate.benefits ?? []) out[`candidat . ${b}`] = 'oui';
  if (candidate.experienceMonths !== undefined) out['candidat . expérience'] = candidate.experienceMonths;
  if (candidate.highestLevel !== undefined) out['candidat . niveau'] = candidate.highestLevel;
  const { employer, seniority } = candidate;
  if (employer?.headcount !== undefined) out['employeur . effectif'] = employer.headcount;
  if (employer?.craft) out['employeur . artisanale'] = 'oui';
  if (candidate.contractType !== undefined) out['candidat . contrat'] = CONTRACT[candidate.contractType];
  if (candidate.shortTimeWork !== undefined)
    out['candidat . activité partielle'] = yesNo(candidate.shortTimeWork);
  if (candidate.formerCui !== undefined) out['candidat . ancien CUI'] = yesNo(candidate.formerCui);
  if (candidate.disabilityRecognised !== undefined)
    out['candidat . handicap reconnu'] = yesNo(candidate.disabilityRecognised);
  if (seniority) {
    out['candidat . ancienneté . salarié'] = seniority.monthsEmployee;
    out['candidat . ancienneté . entreprise'] = seniority.monthsInFirm;
    if (seniority.monthsEmployeeLast5Years !== undefined)
      out['candidat . ancienneté . salarié 5 ans'] = seniority.monthsEmployeeLast5Years;
    if (seniority.monthsCddLast12 !== undefined)
      out['candidat . ancienneté . CDD 12 mois'] = seniority.monthsCddLast12;
  }
  if (candidate.cpfLists) {
    for (const list of CPF_LISTS) out[CPF_LIST_INPUT[list]] = yesNo(candidate.cpfLists.includes(list));
  }
  return out;
}

/**
 * Request field → label shown to people: the input's title, or its parent's when several
 * inputs make up one field (the three CPF lists are `candidate.cpfLists`).
 */
export function fieldLabels(titleOf: (input: string) => string): Map<string, string> {
  const inputs = new Map<string, string[]>();
  for (const [input, field] of Object.entries(INPUT_FIELDS))
    inputs.set(field, [...(inputs.get(field) ?? []), input]);
  const labels = new Map<string, string>();
  for (const [field, names] of inputs) {
    const [first] = names as [string];
    labels.set(field, titleOf(names.length > 1 ? first.slice(0, first.lastIndexOf(' . ')) : first));
  }
  return labels;
}

type Constant = {
  nodeKind: 'constant';
  type: 'string' | 'number' | 'boolean' | 'date';
  nodeValue: string | number | boolean;
  fullPrecision: true;
  isNullable: false;
  missingVariables: Record<string, never>;
};

/**
 * A situation value as the constant node publicodes would parse it into. Given nodes,
 * `setSituation` skips parsing each value as an expression (twice: to store it, and to check
 * it against `une possibilité`), which was a quarter of the time of an evaluation.
 */
export function constantNode(value: string | number): Constant {
  const node = (type: Constant['type'], nodeValue: Constant['nodeValue']): Constant => ({
    nodeKind: 'constant',
    type,
    nodeValue,
    fullPrecision: true,
    isNullable: false,
    missingVariables: {},
  });
  if (typeof value === 'number') return node('number', value);
  if (value === 'oui' || value === 'non') return node('boolean', value === 'oui');
  if (/^\d{2}\/\d{2}\/\d{4}$/.test(value)) return node('date', value);
  const quoted = /^'(.*)'$/.exec(value);
  if (!quoted) throw new Error(`Valeur de situation inattendue : ${value}`);
  return node('string', quoted[1] as string);
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
  /**
   * `engine.evaluate(name)` as the publicodes documentation shows (re-parses the name each
   * call), and the situation given as publicodes expressions (`'salarié'`, `oui`), not nodes.
   */
  naive?: boolean;
  /**
   * Remember each rule's value for the values of the inputs it depends on (at most this many
   * per rule; 0: never). A rule is a pure function of its inputs, and most depend on two or
   * three of them, so situations share most answers; the engine is asked only for the others.
   * Default 2,048; off in naive mode.
   */
  memoPerRule?: number;
};

const NOT_IN_FORCE: Evaluated = { nodeValue: null, missingVariables: {} };

export function createEvaluator(model: RulesModel, options: EvaluatorOptions = {}): Evaluator {
  const prefilter = options.prefilterDates ?? true;
  const engine = new Engine(model.publicodes as never, {
    logger: { log() {}, warn() {}, error: (m: string) => console.error(m) },
    // No rule of ours switches its children off (a route, a group or an input has no value of
    // its own that could be `non`): checking every parent of every rule evaluated is waste.
    flag: { automaticNamespaceDisabling: false },
  });
  const inputLabels = fieldLabels((name) => engine.getRule(name).title);
  const defaulted = new Set<string>();
  for (const name of Object.keys(INPUT_FIELDS)) {
    if (engine.getRule(name).rawNode['par défaut'] !== undefined) defaulted.add(name);
  }
  const law = (name: string) => model.rules.get(name) as LawRule;
  // `engine.evaluate(name)` parses its argument as a new expression on every call, which
  // costs more than the evaluation itself: evaluate the parsed rule nodes directly.
  const internal = engine as unknown as { evaluateNode(node: unknown): Evaluated };
  /** Each rule once: its parsed node, dates and reference, computed before any request. */
  type Entry = {
    name: string;
    node: unknown;
    from: string;
    to: string | null;
    ref: RuleRef;
    funder: FunderId;
    /** The inputs the rule's value depends on, directly or through other rules. */
    inputs: readonly string[];
    memo: Map<string, Evaluated>;
  };
  const entry = (name: string): Entry => {
    const rule = law(name);
    return {
      name,
      node: engine.getRule(name),
      from: rule.from,
      to: rule.to,
      ref: ruleRef(rule),
      funder: rule.funder as FunderId,
      inputs: inputsOf(name),
      memo: new Map(),
    };
  };
  const inputsOf = inputDependencies(engine, Object.keys(INPUT_FIELDS));
  const memoLimit = options.naive ? 0 : (options.memoPerRule ?? 2_048);
  const common = model.common.map(entry);
  const byRoute = new Map(
    model.routes.map((route) => [
      route.id,
      {
        route,
        conditions: [...common, ...route.conditions.map(entry)],
        funders: route.funders.map(entry),
        limits: route.limits.map(entry),
      },
    ]),
  );
  /** The situation being evaluated; given to the engine only when a rule is not remembered. */
  let values: Record<string, string | number> = {};
  let engineHasSituation = false;
  const ask = (e: Entry): Evaluated => {
    if (!engineHasSituation) {
      engine.setSituation(
        (options.naive
          ? values
          : Object.fromEntries(Object.entries(values).map(([k, v]) => [k, constantNode(v)]))) as never,
      );
      engineHasSituation = true;
    }
    if (options.naive) return engine.evaluate(e.name);
    const { nodeValue, missingVariables } = internal.evaluateNode(e.node);
    return { nodeValue, missingVariables };
  };
  const value = (e: Entry, date: string): Evaluated => {
    if (prefilter && (date < e.from || (e.to !== null && date > e.to))) return NOT_IN_FORCE;
    if (memoLimit === 0) return ask(e);
    let key = '';
    for (const input of e.inputs) key += `${values[input] ?? '\u0000'}\u0001`;
    const known = e.memo.get(key);
    if (known) return known;
    const result = ask(e);
    if (e.memo.size >= memoLimit) e.memo.clear();
    e.memo.set(key, result);
    return result;
  };

  function evaluate(situation: Situation, routes?: readonly RouteId[]): RouteResult[] {
    values = toPublicodesSituation(situation);
    engineHasSituation = false;
    const { date } = situation;
    const wanted = routes ? model.routes.filter((r) => routes.includes(r.id)) : model.routes;
    return wanted.map(({ id }) => {
      const {
        route,
        conditions,
        funders: funderRules,
        limits: limitRules,
      } = byRoute.get(id) as NonNullable<ReturnType<typeof byRoute.get>>;
      const reasons: Reason[] = [];
      const missing = new Set<string>();
      for (const e of conditions) {
        const result = value(e, date);
        const v = result.nodeValue;
        if (v === null) continue; // not in force on the date, or not applicable to this candidate
        if (v === undefined) {
          for (const m of Object.keys(result.missingVariables))
            if (!defaulted.has(m)) missing.add(INPUT_FIELDS[m] ?? m);
        }
        reasons.push({ ...e.ref, satisfied: v === undefined ? null : v === true });
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
        for (const e of funderRules) {
          const v = value(e, date).nodeValue;
          if (v === true || v === undefined)
            funders.push({ ...e.ref, funder: e.funder, certain: v === true });
        }
        for (const e of limitRules) if (value(e, date).nodeValue === true) limits.push({ ...e.ref });
      }
      const disputed =
        reasons.some((r) => r.disputed) || funders.some((r) => r.disputed) || limits.some((r) => r.disputed);
      return {
        route: id,
        title: titleOn(route, date),
        eligible,
        status,
        ...(disputed ? { disputed: true as const } : {}),
        reasons,
        funders,
        limits,
        // A closed route needs nothing more: only an incomplete one says what is missing.
        missing:
          status === 'incomplete'
            ? [...missing].map((field) => ({ field, label: inputLabels.get(field) ?? field }))
            : [],
      };
    });
  }

  return { evaluate };
}

/**
 * For each rule, the inputs its value depends on: the transitive closure of the references
 * publicodes collected while parsing (conditions, `applicable si`, formulas), kept to `inputs`.
 */
function inputDependencies(engine: Engine, inputs: readonly string[]): (name: string) => string[] {
  const { referencesIn } = (
    engine as unknown as { context: { referencesMaps: { referencesIn: Map<string, Set<string>> } } }
  ).context.referencesMaps;
  const isInput = new Set(inputs);
  return (name) => {
    const seen = new Set<string>();
    const pending = [name];
    while (pending.length > 0) {
      const current = pending.pop() as string;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const next of referencesIn.get(current) ?? []) pending.push(next);
    }
    return [...seen].filter((n) => isInput.has(n)).sort();
  };
}
