import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ownerOfTable, type TableOwner } from '../src/platform/db/ownership.js';

/**
 * The module boundaries of docs/architecture.md, checked on the sources (no build):
 * - a table is named only by its owner's code (src/platform/db/ownership.ts): Kysely table
 *   arguments (`selectFrom`, `insertInto`, `updateTable`, `deleteFrom`, joins, `with`…) and the
 *   table names after from / join / into / update / using / table in raw `sql` text;
 * - a module imports another module only through its `*.service.ts` files and its pure
 *   `domain/` files;
 * - shared code (src/platform, src/contracts…) imports no module and not the composition root.
 * src/app/ (the composition root), tests and migrations are exempt.
 */
export type Violation = { file: string; line: number; rule: 'table' | 'import'; message: string };

type Area = { kind: 'module'; name: string } | { kind: 'shared' } | { kind: 'app' } | { kind: 'outside' };

/** Where a repository-relative path (with '/') lies. */
export function areaOf(file: string): Area {
  const parts = file.split('/');
  if (parts[0] !== 'src' || parts.length < 2) return { kind: 'outside' };
  if (parts[1] === 'app') return { kind: 'app' };
  if (parts[1] === 'modules')
    return parts.length > 3 ? { kind: 'module', name: parts[2] as string } : { kind: 'outside' };
  return { kind: 'shared' };
}

function isExempt(file: string) {
  const area = areaOf(file);
  return (
    area.kind === 'app' || area.kind === 'outside' || /\.test\.tsx?$/.test(file) || !/\.tsx?$/.test(file)
  );
}

/** Kysely methods whose first argument names a table (or an array of them). */
const TABLE_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'using',
  'with',
  'withRecursive',
  'table',
]);

/** In raw SQL: the text after one of these keywords up to the next clause is a table list. */
const SQL_TABLE_LIST =
  /\b(?:from|join|into|update|using|table)\s+([\s\S]*?)(?=\b(?:where|on|left|right|inner|full|cross|join|natural|lateral|group|order|limit|offset|set|values|select|returning|having|window|union|except|intersect|overriding|default|do|for|tablesample)\b|[();]|$)/gi;

/** `'registry_alerts as a'`, `'public.users'`, `'"sessions" s'` → the bare table name. */
function tableName(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return (first.split('.').pop() ?? '').replaceAll('"', '');
}

export function tablesInSql(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(SQL_TABLE_LIST)) {
    for (const item of (match[1] ?? '').split(',')) {
      const name = tableName(item);
      if (/^\w+$/.test(name)) names.push(name.toLowerCase());
    }
  }
  return names;
}

function templateText(node: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return node.head.text + node.templateSpans.map((s) => ` $1 ${s.literal.text}`).join('');
}

/** The table owner a file may use, or undefined when exempt. */
function ownerOf(file: string): TableOwner | undefined {
  const area = areaOf(file);
  if (area.kind === 'module') return area.name as TableOwner;
  if (area.kind === 'shared') return 'platform';
  return undefined;
}

/** Why `file` may not import `target` (both repository-relative), or undefined if it may. */
export function importProblem(file: string, target: string): string | undefined {
  const from = areaOf(file);
  const to = areaOf(target);
  if (from.kind === 'shared') {
    if (to.kind === 'module') return `shared code imports no module (${target})`;
    if (to.kind === 'app') return `shared code does not import the composition root (${target})`;
    return undefined;
  }
  if (from.kind === 'module' && to.kind === 'module' && to.name !== from.name) {
    const inModule = target.split('/').slice(3).join('/');
    if (/\.test\.tsx?$/.test(inModule)) return `imports a test of module ${to.name} (${target})`;
    if (/^[^/]+\.service\.ts$/.test(inModule) || inModule === 'schemas.ts') return undefined;
    if (inModule.startsWith('domain/')) return undefined;
    return `reaches into module ${to.name}: only its *.service.ts, domain/ and schemas.ts may be imported (${target})`;
  }
  return undefined;
}

/** A relative import specifier resolved to a repository-relative source path. */
function resolveImport(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return resolved.replace(/\.js$/, '.ts').replace(/\.jsx$/, '.tsx');
}

/** The boundary violations of one source file (`file` is repository-relative, with '/'). */
export function checkSource(file: string, text: string): Violation[] {
  if (isExempt(file)) return [];
  const owner = ownerOf(file);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const violations: Violation[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

  // `const T = 'users'` then `selectFrom(T)`: the name is still checked.
  const constants = new Map<string, string>();
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      let init: ts.Expression = node.initializer;
      while (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init))
        init = init.expression;
      if (ts.isStringLiteralLike(init)) constants.set(node.name.text, init.text);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);

  const table = (node: ts.Node, name: string, how: string) => {
    const tableOwner = ownerOfTable(name);
    if (tableOwner && owner && tableOwner !== owner) {
      violations.push({
        file,
        line: lineOf(node),
        rule: 'table',
        message: `${how} names table ${name}, owned by ${tableOwner}: go through ${tableOwner}’s service`,
      });
    }
  };
  const tableArgument = (arg: ts.Expression, how: string) => {
    if (ts.isStringLiteralLike(arg)) table(arg, tableName(arg.text), how);
    else if (ts.isArrayLiteralExpression(arg)) for (const e of arg.elements) tableArgument(e, how);
    else if (ts.isIdentifier(arg) && constants.has(arg.text))
      table(arg, tableName(constants.get(arg.text) as string), how);
  };
  const importOf = (node: ts.Node, specifier: string) => {
    const target = resolveImport(file, specifier);
    const problem = target && importProblem(file, target);
    if (problem) violations.push({ file, line: lineOf(node), rule: 'import', message: problem });
  };

  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteralLike(node.moduleSpecifier)
    ) {
      importOf(node, node.moduleSpecifier.text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteralLike(node.argument.literal)
    ) {
      importOf(node, node.argument.literal.text);
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && first && ts.isStringLiteralLike(first)) {
        importOf(node, first.text);
      } else if (ts.isPropertyAccessExpression(node.expression) && first) {
        const method = node.expression.name.text;
        const isSql =
          ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'sql';
        if (isSql && method === 'raw' && ts.isStringLiteralLike(first)) {
          for (const name of tablesInSql(first.text)) table(node, name, 'sql.raw');
        } else if (TABLE_METHODS.has(method)) {
          tableArgument(first, `${method}()`);
        }
      }
    } else if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql') {
      for (const name of tablesInSql(templateText(node.template))) table(node, name, 'sql`…`');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return violations.sort((a, b) => a.line - b.line);
}

/** Every violation under `root`/src. */
export function checkTree(root: string): Violation[] {
  const files = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => `src/${f.split(path.sep).join('/')}`)
    .filter((f) => /\.tsx?$/.test(f));
  return files.flatMap((f) => checkSource(f, readFileSync(path.join(root, f), 'utf8')));
}
