import type { RouteId, RulesAnswer } from './api';

type Listed = { from: string; to: string | null; inputs: string[] };

const inForce = (rule: { from: string; to: string | null }, date: string) =>
  rule.from <= date && (rule.to === null || date <= rule.to);

/**
 * The request fields (`candidate.contractType`, `candidate.seniority.monthsInFirm`…) that the
 * conditions and funders in force on `date` read, for one route or all: what the simulator
 * asks for. Taken from the rules themselves (GET /api/v1/eligibility/rules), so a rule's dates
 * decide when its facts are asked, never a copy of those dates here.
 */
export function neededFields(rules: RulesAnswer, date: string, route?: RouteId | null): Set<string> {
  const fields = new Set<string>();
  const add = (list: Listed[]) => {
    for (const rule of list) if (inForce(rule, date)) for (const f of rule.inputs) fields.add(f);
  };
  add(rules.common);
  for (const r of rules.routes) {
    if (route && r.id !== route) continue;
    add(r.conditions);
    add(r.funders);
  }
  return fields;
}

/** The route's name on the date (« Congé individuel de formation » before 2019). */
export function routeTitleOn(route: RulesAnswer['routes'][number], date: string): string {
  return route.titles.find((t) => inForce(t, date))?.title ?? route.title;
}
