import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../platform/paths.js';
import { buildModel, RulesError, type RulesModel } from './domain/model.js';

/**
 * The rules folder, read at start. Found from the project root both from the sources and
 * from dist/ (the build does not copy YAML; dist/ runs beside src/, and the Docker image
 * copies this folder).
 */
export const RULES_DIR = path.join(projectRoot, 'src', 'modules', 'eligibility', 'rules');

/** Reads every `*.yaml` of the folder, in name order, into one set of rules. */
export function readRules(dir = RULES_DIR): Record<string, unknown> {
  const all: Record<string, unknown> = {};
  const problems: string[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  for (const file of files) {
    let rules: unknown;
    try {
      rules = parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file} : ${(error as Error).message}`);
      continue;
    }
    if (rules === null) continue;
    if (typeof rules !== 'object' || Array.isArray(rules)) {
      problems.push(`${file} : le fichier doit contenir des règles « nom: { … } ».`);
      continue;
    }
    for (const [name, rule] of Object.entries(rules)) {
      if (name in all) problems.push(`${file} : règle « ${name} » déjà définie dans un autre fichier.`);
      all[name] = rule;
    }
  }
  if (files.length === 0) problems.push(`aucun fichier .yaml dans ${dir}`);
  if (problems.length > 0) throw new RulesError(problems);
  return all;
}

let cached: RulesModel | undefined;

/** The model of the shipped rules, built once per process. */
export function loadRulesModel(): RulesModel {
  cached ??= buildModel(readRules());
  return cached;
}
