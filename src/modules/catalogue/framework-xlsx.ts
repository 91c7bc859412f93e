import ExcelJS from 'exceljs';
import { type FieldError, fieldError } from '../../platform/problem.js';
import {
  checkWorkbookBounds,
  refuseWorkbook,
  UNREADABLE,
  WorkbookError,
} from '../../platform/workbook-bounds.js';
import { runInWorker, siblingWorker, WorkerLimitError } from '../../platform/worker.js';
import { ASSESSMENT_METHODS, type Framework } from './domain/framework.js';

export { WorkbookError } from '../../platform/workbook-bounds.js';

/**
 * Frameworks as a workbook branch staff can fill in Excel or LibreOffice: one sheet per
 * part, one row per item; lists inside a cell are one item per line. Import reads the same
 * layout back and names the sheet, row and column of anything it cannot read.
 */
const SHEETS = {
  jobs: { name: 'Métiers', columns: ['Intitulé', 'Code ROME'] },
  activities: { name: 'Activités', columns: ['Code', 'Activité', 'Situations de travail'] },
  competencies: {
    name: 'Compétences',
    columns: ['Code bloc', 'Bloc', 'Code compétence', 'Compétence', 'Transversale', 'Savoirs'],
  },
  criteria: {
    name: 'Évaluation',
    columns: ['Code compétence', 'Modalités', 'Code critère', 'Critère', 'Indicateurs'],
  },
  rules: { name: 'Règles des blocs', columns: ['Code bloc', 'Règle', 'N'] },
} as const;

const lines = (values: readonly string[]) => values.join('\n');
const RULE_ALL = 'tous les critères';
const RULE_N = 'N critères sur M';

export async function frameworkToXlsx(f: Framework): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qualif';
  const sheet = (def: { name: string; columns: readonly string[] }) => {
    const ws = wb.addWorksheet(def.name);
    ws.addRow([...def.columns]).font = { bold: true };
    ws.columns.forEach((c) => {
      c.width = 30;
      c.alignment = { wrapText: true, vertical: 'top' };
    });
    return ws;
  };
  const jobs = sheet(SHEETS.jobs);
  for (const j of f.activities.jobs) jobs.addRow([j.title, j.romeCode ?? '']);
  const activities = sheet(SHEETS.activities);
  for (const a of f.activities.activities) activities.addRow([a.code, a.title, lines(a.workSituations)]);
  const competencies = sheet(SHEETS.competencies);
  for (const b of f.competencies.blocs) {
    for (const c of b.competencies) {
      competencies.addRow([
        b.code,
        b.title,
        c.code,
        c.title,
        c.transversal ? 'oui' : 'non',
        lines(c.knowledge),
      ]);
    }
  }
  const criteria = sheet(SHEETS.criteria);
  for (const a of f.assessment.competencies) {
    for (const k of a.criteria)
      criteria.addRow([a.competencyCode, lines(a.methods), k.code, k.text, lines(k.indicators)]);
  }
  const rules = sheet(SHEETS.rules);
  for (const r of f.assessment.blocRules) {
    rules.addRow([
      r.blocCode,
      r.rule.kind === 'all' ? RULE_ALL : RULE_N,
      r.rule.kind === 'n_of_m' ? r.rule.n : '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
  }
  return String(value);
}

const splitLines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The spreadsheet parser's budget, in its worker thread, once the bounds have been checked. */
export const WORKBOOK_PARSING = { timeoutMs: 30_000, maxOldGenerationSizeMb: 512 };

export type WorkbookAnswer = { content: unknown } | { errors: FieldError[] };

/**
 * Reads a workbook laid out as frameworkToXlsx writes it; the caller validates the result.
 * Refused (WorkbookError) when out of WORKBOOK_LIMITS, before any parsing; then parsed by
 * exceljs in a worker thread, so that the server keeps answering while it runs.
 */
export async function frameworkFromXlsx(data: Buffer): Promise<unknown> {
  await checkWorkbookBounds(data);
  let answer: WorkbookAnswer;
  try {
    answer = await runInWorker<WorkbookAnswer>(
      siblingWorker(import.meta.url, 'framework-xlsx.worker'),
      new Uint8Array(data),
      WORKBOOK_PARSING,
    );
  } catch (error) {
    if (error instanceof WorkerLimitError) {
      throw refuseWorkbook(
        error.limit === 'time'
          ? `Le classeur est trop long à lire (plus de ${WORKBOOK_PARSING.timeoutMs / 1000} s).`
          : 'Le classeur demande trop de mémoire pour être lu.',
      );
    }
    throw error;
  }
  if ('errors' in answer) throw new WorkbookError(answer.errors);
  return answer.content;
}

/** The parsing itself, run in the worker (framework-xlsx.worker.ts). */
export async function readFrameworkWorkbook(data: Buffer): Promise<WorkbookAnswer> {
  try {
    return { content: await readWorkbook(data) };
  } catch (error) {
    if (error instanceof WorkbookError) return { errors: error.errors };
    throw error;
  }
}

async function readWorkbook(data: Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw refuseWorkbook(UNREADABLE);
  }
  const errors: FieldError[] = [];
  const rowsOf = (def: { name: string; columns: readonly string[] }) => {
    const ws = wb.getWorksheet(def.name);
    if (!ws) {
      errors.push(fieldError([def.name], `Onglet « ${def.name} » manquant.`));
      return [];
    }
    const out: { row: number; cells: string[] }[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cells = def.columns.map((_, i) => cellText(row.getCell(i + 1).value).trim());
      if (cells.some(Boolean)) out.push({ row: n, cells });
    });
    return out;
  };
  const at = (sheet: string, row: number, column: string) => [`${sheet}`, `ligne ${row}`, column];

  const jobs = rowsOf(SHEETS.jobs).map(({ cells: [title, rome] }) => ({
    title,
    ...(rome ? { romeCode: rome } : {}),
  }));
  const activities = rowsOf(SHEETS.activities).map(({ cells: [code, title, situations] }) => ({
    code,
    title,
    workSituations: splitLines(situations ?? ''),
  }));

  const blocs: { code: string; title: string; competencies: unknown[] }[] = [];
  for (const { row, cells } of rowsOf(SHEETS.competencies)) {
    const [blocCode, blocTitle, code, title, transversal, knowledge] = cells as string[];
    let bloc = blocs.find((b) => b.code === blocCode);
    if (!bloc) {
      bloc = { code: blocCode as string, title: blocTitle as string, competencies: [] };
      blocs.push(bloc);
    }
    const flag = (transversal ?? '').toLowerCase();
    if (flag && !['oui', 'non'].includes(flag)) {
      errors.push(
        fieldError(at(SHEETS.competencies.name, row, 'Transversale'), 'Répondre « oui » ou « non ».'),
      );
    }
    bloc.competencies.push({
      code,
      title,
      transversal: flag === 'oui',
      knowledge: splitLines(knowledge ?? ''),
    });
  }

  const assessed: { competencyCode: string; methods: string[]; criteria: unknown[] }[] = [];
  for (const { row, cells } of rowsOf(SHEETS.criteria)) {
    const [competencyCode, methods, code, text, indicators] = cells as string[];
    const listed = splitLines((methods ?? '').replaceAll(';', '\n'));
    for (const m of listed) {
      if (!(ASSESSMENT_METHODS as readonly string[]).includes(m)) {
        errors.push(
          fieldError(
            at(SHEETS.criteria.name, row, 'Modalités'),
            `Modalité inconnue « ${m} » (attendu : ${ASSESSMENT_METHODS.join(', ')}).`,
          ),
        );
      }
    }
    let entry = assessed.find((a) => a.competencyCode === competencyCode);
    if (!entry) {
      entry = { competencyCode: competencyCode as string, methods: listed, criteria: [] };
      assessed.push(entry);
    }
    entry.criteria.push({ code, text, indicators: splitLines(indicators ?? '') });
  }

  const blocRules = rowsOf(SHEETS.rules).map(({ row, cells: [blocCode, rule, n] }) => {
    if (rule === RULE_ALL) return { blocCode, rule: { kind: 'all' } };
    if (rule === RULE_N && n && /^\d+$/.test(n)) return { blocCode, rule: { kind: 'n_of_m', n: Number(n) } };
    errors.push(
      fieldError(
        at(SHEETS.rules.name, row, 'Règle'),
        `Règle attendue : « ${RULE_ALL} », ou « ${RULE_N} » avec N renseigné.`,
      ),
    );
    return { blocCode, rule: { kind: 'all' } };
  });

  if (errors.length > 0) throw new WorkbookError(errors);
  return {
    activities: { jobs, activities },
    competencies: { blocs },
    assessment: { competencies: assessed, blocRules },
  };
}
