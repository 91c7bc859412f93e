/**
 * The eligibility rules as a model: the publicodes rules written by people (YAML, French),
 * checked and indexed. Each rule of law carries its text (`description`), its legal source
 * (`source`) and its effective dates (`en vigueur: { du, au }`): a rule applies only on
 * dates within them (the evaluator's job, or publicodes' own with `datesInEngine`), so dates
 * are written once and cannot disagree with the text.
 *
 * Layout of the rules (see docs/eligibility.md):
 * - inputs, marked `saisie: oui` (date, certification, candidat, employeur): no law, no dates;
 * - `conditions communes . X`: conditions every route must meet;
 * - a route: a top-level rule with `identifiant` (one of ROUTE_IDS), and beneath it
 *   `conditions . X`, `financeurs . X` (with `financeur`: a FUNDER_IDS code), `plafonds . X`;
 * - grouping rules (`conditions`, `financeurs`, `plafonds`, `conditions communes`): a title only.
 */
import { isIsoDate } from '../../catalogue/domain/recognition.js';

export const ROUTE_IDS = [
  'contrat_pro',
  'apprentissage',
  'plan_developpement',
  'reconversion',
  'pro_a',
  'periode_pro',
  'cpf',
  'cpf_transition',
  'vae',
  'poei',
  'poec',
] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

export const FUNDER_IDS = [
  'opco',
  'opca',
  'transitions_pro',
  /** Fongecif or OPACIF: the CIF until 2018, the CPF de transition in 2019. */
  'fongecif',
  /** A self-employed person's fonds d’assurance formation (CPF, 2018 – 2019-11-30). */
  'faf',
  'caisse_des_depots',
  'france_travail',
  'pole_emploi',
  'employer',
  'candidate',
] as const;
export type FunderId = (typeof FUNDER_IDS)[number];

export type RuleKind = 'route' | 'condition' | 'funder' | 'limit';

/** One rule of law, as shown to people. `to` null: still in force. */
export type LawRule = {
  name: string;
  kind: RuleKind;
  title: string;
  text: string;
  source: string;
  from: string;
  to: string | null;
  note: string | null;
  disputed: boolean;
  /** The route it belongs to; null for common conditions. */
  route: RouteId | null;
  funder: FunderId | null;
  /** The inputs (`saisie: oui` rules) its expression names, in file order. */
  reads: string[];
};

/** A route's name for a period (the CIF before 2019, the CPF de transition since). */
export type DatedTitle = { title: string; from: string; to: string | null };

export type RouteModel = LawRule & {
  id: RouteId;
  /** Its titles by date, when it changed name; empty: always `title`. */
  titles: DatedTitle[];
  conditions: string[];
  funders: string[];
  limits: string[];
};

export type RulesModel = {
  routes: RouteModel[];
  /** Common conditions, checked for every route. */
  common: string[];
  /** Every rule of law, by publicodes name, in file order. */
  rules: Map<string, LawRule>;
  /** The rules as publicodes reads them: custom keys kept, dates turned into `applicable si`. */
  publicodes: Record<string, Record<string, unknown> | null>;
  /** The values an input may take (its `une possibilité`, as written: `'salarié'`). */
  inputValues: Map<string, string[]>;
};

export class RulesError extends Error {
  constructor(readonly problems: string[]) {
    super(`Règles d’éligibilité invalides :\n- ${problems.join('\n- ')}`);
    this.name = 'RulesError';
  }
}

const GROUPS = new Set(['conditions', 'financeurs', 'plafonds']);
const COMMON = 'conditions communes';

/** `2019-04-01` → `01/04/2019`, publicodes' date literal. */
export function publicodesDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().replace(/\s+/g, ' ') : undefined;
}

/** YAML may read an unquoted date as a string or (YAML 1.1) as a Date. */
function isoOf(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : undefined;
}

export type BuildOptions = {
  /**
   * Also write each rule's dates into publicodes as `applicable si: date >= … et date <= …`.
   * Off by default: the evaluator skips rules out of force before asking the engine, which
   * is 2–3 times faster than letting publicodes compare dates; a test checks that both
   * ways give the same answers.
   */
  datesInEngine?: boolean;
};

/** The route's title on a date. */
export function titleOn(route: Pick<RouteModel, 'title' | 'titles'>, date: string): string {
  return route.titles.find((t) => t.from <= date && (t.to === null || date <= t.to))?.title ?? route.title;
}

export function buildModel(raw: Record<string, unknown>, options: BuildOptions = {}): RulesModel {
  const problems: string[] = [];
  const publicodes: RulesModel['publicodes'] = {};
  const rules = new Map<string, LawRule>();
  const routes: RouteModel[] = [];
  const routeByNamespace = new Map<string, RouteModel>();
  const common: string[] = [];
  const inputValues = new Map<string, string[]>();
  const inputs = Object.entries(raw)
    .filter(([, rule]) => {
      const r = rule as Record<string, unknown> | null;
      return r?.saisie === 'oui' || r?.saisie === true;
    })
    .map(([name]) => name);
  // A name ends where the expression goes on with anything but more words of a longer name
  // (`candidat . ancienneté . salarié >= 24` reads `salarié`, not `salarié 5 ans`) or a child.
  const readers = inputs.map((name) => ({
    name,
    pattern: new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d]| [\\p{L}\\d.])`, 'u'),
  }));
  const readsOf = (rule: Record<string, unknown>) => {
    const expression = JSON.stringify([rule.valeur ?? null, rule['applicable si'] ?? null]);
    return readers.filter((r) => r.pattern.test(expression)).map((r) => r.name);
  };

  // Routes first: every other rule is placed under one.
  for (const [name, value] of Object.entries(raw)) {
    const rule = (value ?? {}) as Record<string, unknown>;
    if (name.includes(' . ') || rule.identifiant === undefined) continue;
    const id = rule.identifiant as RouteId;
    if (!(ROUTE_IDS as readonly string[]).includes(id)) {
      problems.push(
        `« ${name} » : identifiant inconnu « ${String(id)} » (attendu : ${ROUTE_IDS.join(', ')}).`,
      );
      continue;
    }
    if (routes.some((r) => r.id === id)) problems.push(`« ${name} » : identifiant « ${id} » en double.`);
    const route: RouteModel = {
      ...lawRule(name, rule, 'route', id),
      id,
      titles: datedTitles(name, rule.intitulés),
      conditions: [],
      funders: [],
      limits: [],
    };
    routes.push(route);
    routeByNamespace.set(name, route);
  }
  for (const id of ROUTE_IDS) {
    if (!routes.some((r) => r.id === id)) problems.push(`Aucune règle ne porte l’identifiant « ${id} ».`);
  }

  for (const [name, value] of Object.entries(raw)) {
    const rule = value === null ? {} : (value as Record<string, unknown>);
    if (typeof rule !== 'object' || Array.isArray(rule)) {
      problems.push(`« ${name} » : une règle doit être un objet (titre, description, source…).`);
      continue;
    }
    const parts = name.split(' . ');
    const top = parts[0] as string;
    const isInput = rule.saisie === 'oui' || rule.saisie === true;
    if (isInput) {
      // The values an input may take are written for people (`une possibilité`) and kept in
      // `inputValues`; the engine does not get them: publicodes would check every situation
      // value against them by evaluating it as a new expression, a fifth of an evaluation's
      // time, when the API has already validated the request and a test checks that the
      // evaluator only ever gives listed values.
      const { 'une possibilité': possible, ...input } = stripMeta(rule);
      if (Array.isArray(possible)) inputValues.set(name, possible.map(String));
      publicodes[name] = input;
      continue;
    }
    if (!text(rule.titre)) problems.push(`« ${name} » : titre manquant.`);
    if (name === COMMON || (parts.length === 2 && GROUPS.has(parts[1] as string))) {
      publicodes[name] = stripMeta(rule);
      continue;
    }
    if (parts.length === 1) {
      if (!routeByNamespace.has(name)) {
        problems.push(`« ${name} » : règle de premier niveau sans identifiant de voie ni « saisie: oui ».`);
      } else {
        rules.set(name, routeByNamespace.get(name) as RouteModel);
      }
      // A route's own dates are informational: its conditions say when it is open.
      publicodes[name] = stripMeta(rule);
      continue;
    }
    const route = routeByNamespace.get(top);
    const group = parts[1];
    const placed =
      (top === COMMON && parts.length === 2) || (route && parts.length === 3 && group && GROUPS.has(group));
    if (!placed) {
      problems.push(
        `« ${name} » : une règle se range sous « conditions communes », ou sous « <voie> . conditions », « <voie> . financeurs » ou « <voie> . plafonds ».`,
      );
      continue;
    }
    const kind: RuleKind =
      top === COMMON || group === 'conditions' ? 'condition' : group === 'financeurs' ? 'funder' : 'limit';
    const law = lawRule(name, rule, kind, route?.id ?? null);
    rules.set(name, law);
    if (top === COMMON) common.push(name);
    else if (kind === 'condition') route?.conditions.push(name);
    else if (kind === 'funder') route?.funders.push(name);
    else route?.limits.push(name);
    publicodes[name] = options.datesInEngine ? withDates(stripMeta(rule), law) : stripMeta(rule);
  }

  if (problems.length > 0) throw new RulesError(problems);
  routes.sort((a, b) => ROUTE_IDS.indexOf(a.id) - ROUTE_IDS.indexOf(b.id));
  return { routes, common, rules, publicodes, inputValues };

  function datedTitles(name: string, value: unknown): DatedTitle[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push(`« ${name} » : « intitulés » doit être une liste de { titre, du, au }.`);
      return [];
    }
    const titles = value.map((item: Record<string, unknown>) => {
      const title = text(item?.titre);
      const from = isoOf(item?.du);
      const to = isoOf(item?.au);
      if (!title || !from || !isIsoDate(from) || (to !== undefined && (!isIsoDate(to) || to < from)))
        problems.push(`« ${name} » : intitulé daté invalide (titre, du, au).`);
      return { title: title ?? name, from: from ?? '', to: to ?? null };
    });
    titles.forEach((t, i) => {
      const next = titles[i + 1];
      if (next && (t.to === null || t.to >= next.from))
        problems.push(`« ${name} » : les intitulés datés se chevauchent ou ne sont pas dans l’ordre.`);
    });
    return titles;
  }

  function lawRule(
    name: string,
    rule: Record<string, unknown>,
    kind: RuleKind,
    route: RouteId | null,
  ): LawRule {
    const period = (rule['en vigueur'] ?? {}) as Record<string, unknown>;
    const from = isoOf(period.du);
    const to = isoOf(period.au);
    if (!text(rule.description)) problems.push(`« ${name} » : texte (description) manquant.`);
    if (!text(rule.source)) problems.push(`« ${name} » : source juridique manquante.`);
    if (!from || !isIsoDate(from))
      problems.push(`« ${name} » : date d’effet « en vigueur: du » manquante ou invalide.`);
    if (to !== undefined && !isIsoDate(to)) problems.push(`« ${name} » : date de fin « au » invalide.`);
    if (from && to && to < from) problems.push(`« ${name} » : la fin précède le début.`);
    const disputed = rule.contesté === 'oui' || rule.contesté === true;
    if (disputed && !text(rule.note)) problems.push(`« ${name} » : un point contesté doit porter une note.`);
    let funder: FunderId | null = null;
    if (kind === 'funder') {
      funder = rule.financeur as FunderId;
      if (!(FUNDER_IDS as readonly string[]).includes(String(rule.financeur))) {
        problems.push(
          `« ${name} » : financeur inconnu « ${String(rule.financeur)} » (attendu : ${FUNDER_IDS.join(', ')}).`,
        );
      }
    }
    if (kind !== 'route' && rule.valeur === undefined) problems.push(`« ${name} » : valeur manquante.`);
    return {
      name,
      kind,
      title: text(rule.titre) ?? name,
      text: text(rule.description) ?? '',
      source: text(rule.source) ?? '',
      from: from ?? '',
      to: to ?? null,
      note: text(rule.note) ?? null,
      disputed,
      route,
      funder,
      reads: kind === 'route' ? [] : readsOf(rule),
    };
  }
}

/** Our keys are kept for people reading the engine's rules, but not ones publicodes would misread. */
function stripMeta(rule: Record<string, unknown>): Record<string, unknown> {
  const { saisie: _s, 'en vigueur': _v, intitulés: _t, ...rest } = rule;
  return rest;
}

function withDates(rule: Record<string, unknown>, law: LawRule): Record<string, unknown> {
  const dates = [`date >= ${publicodesDate(law.from)}`];
  if (law.to) dates.push(`date <= ${publicodesDate(law.to)}`);
  const own = rule['applicable si'];
  return {
    ...rule,
    'applicable si': { 'toutes ces conditions': own === undefined ? dates : [...dates, own] },
  };
}
