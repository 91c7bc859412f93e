import type { Actor } from '../../platform/auth/actor.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { BranchesService } from '../catalogue/branches.service.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { CertificationKind } from '../catalogue/domain/certification.js';
import { eventProblems, type Recognition, recognitionOn } from '../catalogue/domain/recognition.js';
import { createEvaluator, INPUT_FIELDS, type RouteResult, ruleRef } from './domain/evaluate.js';
import type { RulesModel } from './domain/model.js';
import type { EligibilityRequest } from './schemas.js';

/**
 * Eligibility of a certification — from the catalogue or hypothetical — for a candidate on a
 * date, by access route. Reads the catalogue through its services; writes nothing.
 */
export function eligibilityServiceFactory(deps: {
  model: RulesModel;
  certifications: Pick<CertificationsService, 'get' | 'recognition'>;
  branches: Pick<BranchesService, 'list'>;
}) {
  const { model } = deps;
  const evaluator = createEvaluator(model);

  function rules() {
    const law = (name: string) => model.rules.get(name) as NonNullable<ReturnType<typeof model.rules.get>>;
    /** The request fields a rule reads: what the simulator asks for, on the dates it is in force. */
    const fields = (name: string) => [
      ...new Set(law(name).reads.flatMap((input) => (INPUT_FIELDS[input] ? [INPUT_FIELDS[input]] : []))),
    ];
    const ref = (name: string) => ({ ...ruleRef(law(name)), inputs: fields(name) });
    const inputs = Object.entries(model.publicodes)
      .filter(
        ([name]) =>
          !model.rules.has(name) &&
          !name.includes('conditions') &&
          !name.includes('financeurs') &&
          !name.includes('plafonds'),
      )
      .filter(([name]) => !model.routes.some((r) => r.name === name))
      .map(([name, rule]) => ({
        rule: name,
        title: String(rule?.titre ?? name),
        ...(typeof rule?.description === 'string' ? { description: rule.description.trim() } : {}),
      }));
    return {
      common: model.common.map(ref),
      routes: model.routes.map((route) => ({
        ...ruleRef(route),
        id: route.id,
        titles: route.titles,
        conditions: route.conditions.map(ref),
        funders: route.funders.map((name) => ({ ...ref(name), funder: law(name).funder ?? 'opco' })),
        limits: route.limits.map((name) => ruleRef(law(name))),
      })),
      inputs,
    };
  }

  /**
   * `actor` (null: anonymous) must be able to see the certification named by id: a draft is
   * evaluated for its branches' staff only, and answers 404 to anyone else, as an unknown id.
   * A retired certification is evaluated as any other (its recognition says what it is worth).
   */
  async function evaluate(request: EligibilityRequest, actor: Actor | null = null) {
    let certification: {
      id?: string;
      kind: CertificationKind;
      recognition: Recognition;
      branches?: { id: string; name: string }[];
    };
    if (request.certificationId) {
      const cert = await deps.certifications.get(request.certificationId, actor); // 404 if unknown or unseen
      certification = {
        id: cert.id,
        kind: cert.kind,
        recognition: await deps.certifications.recognition(cert.id, request.date, actor),
        branches: cert.branches,
      };
    } else {
      const inline = request.certification as NonNullable<EligibilityRequest['certification']>;
      const bad = eventProblems(inline.events);
      if (bad.length > 0) {
        throw problems.unprocessable(
          bad.map((p) => fieldError(['certification', 'events', p.index, p.field], p.detail)),
          'Cet historique de reconnaissance est incohérent.',
        );
      }
      certification = { kind: inline.kind, recognition: recognitionOn(inline.events, request.date) };
    }
    const results = evaluator.evaluate(
      { date: request.date, certification, candidate: request.candidate },
      request.route ? [request.route] : undefined,
    );
    await nameOpco(results, request.candidate.employer?.idcc);
    return { date: request.date, certification, results };
  }

  /** « OPCO de la branche de l’employeur » → the OPCO the catalogue knows for that IDCC. */
  async function nameOpco(results: RouteResult[], idcc: string | undefined) {
    if (!idcc || !results.some((r) => r.funders.some((f) => f.funder === 'opco'))) return;
    const wanted = idcc.replace(/^0+/, '');
    const branch = (await deps.branches.list()).find((b) =>
      b.idcc.some((c) => c.replace(/^0+/, '') === wanted),
    );
    if (!branch?.opco) return;
    for (const r of results) {
      for (const f of r.funders) {
        if (f.funder === 'opco') (f as typeof f & { body?: string }).body = `${branch.opco} (${branch.name})`;
      }
    }
  }

  return { rules, evaluate };
}

export type EligibilityService = ReturnType<typeof eligibilityServiceFactory>;
