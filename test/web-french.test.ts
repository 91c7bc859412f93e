import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The web app speaks French: the text its sources show (JSX text, text attributes such as
 * `label` or `aria-label`, `label` / `title` / `message` properties, strings inside JSX
 * expressions) holds none of the English leftovers once found on its screens, nor the spelling
 * « évènement ». The list grows with each leftover found.
 */
const LEFTOVERS = [
  'title',
  'resolved',
  'superseded',
  'unlinked',
  'applied',
  'dismissed',
  'MIXED',
  'Loading',
  'Error',
  'Cancel',
  'Save',
  'Delete',
  'Submit',
  'Search',
  'Next',
  'Previous',
  'Close',
  'Login',
  'Logout',
  'Sign in',
  'Sign out',
  'Settings',
  'Dashboard',
  'Untitled',
  'Unknown',
  'draft',
  'published',
  'undefined',
  'null',
  'NaN',
  '[object Object]',
  'évènement',
  'Évènement',
];

const TEXT_ATTRIBUTES = new Set([
  'label',
  'title',
  'placeholder',
  'description',
  'aria-label',
  'ariaLabel',
  'alt',
  'message',
  'confirmLabel',
  'loadingLabel',
  'summary',
  'error',
  'emptyLabel',
  'children',
]);
const TEXT_PROPERTIES = new Set([
  'label',
  'title',
  'message',
  'description',
  'placeholder',
  'detail',
  'summary',
]);

const WEB = path.resolve('web/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

type Shown = { file: string; line: number; text: string };

/** Every piece of text a source shows to people, by the rules above. */
function shownText(file: string, source: string): Shown[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const out: Shown[] = [];
  const add = (node: ts.Node, text: string) => {
    if (text.trim())
      out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  const texts = (node: ts.Node) => {
    // The literal parts of an expression: strings, template pieces, the branches of ?: and ??.
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      add(node.head, node.head.text);
      for (const span of node.templateSpans) {
        add(span.literal, span.literal.text);
        texts(span.expression);
      }
    } else if (ts.isConditionalExpression(node)) {
      texts(node.whenTrue);
      texts(node.whenFalse);
    } else if (ts.isBinaryExpression(node)) {
      // `a + b`, `a ?? b`, `a || b` show both sides, `a && b` its right one; comparisons none.
      const op = node.operatorToken.kind;
      const shows = [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken];
      if (shows.includes(op)) texts(node.left);
      if (shows.includes(op) || op === ts.SyntaxKind.AmpersandAmpersandToken) texts(node.right);
    } else if (ts.isParenthesizedExpression(node)) texts(node.expression);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) add(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      texts(node.expression);
    } else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) add(node.initializer, node.initializer.text);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
        texts(node.initializer.expression);
      }
    } else if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      TEXT_PROPERTIES.has(node.name.text)
    ) {
      texts(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function leftoversIn(text: string): string[] {
  return LEFTOVERS.filter((word) =>
    new RegExp(`(?<![\\p{L}\\d_-])${word.replace(/[[\]]/g, '\\$&')}(?![\\p{L}\\d_-])`, 'u').test(text),
  );
}

describe('the web app speaks French', () => {
  it('finds the leftovers it looks for (the scanner can fail)', () => {
    const shown = shownText(
      'probe.tsx',
      `const x = <Stack>
        <Text>(resolved)</Text>
        <Button aria-label="Delete">Supprimer</Button>
        <TextInput label={ok ? 'Intitulé' : 'title'} />
        <Text>{alert.status === 'open' ? 'À traiter' : \`Kind MIXED \${n}\`}</Text>
        <Badge>{LABELS[kind]}</Badge>
      </Stack>;
      const o = { value: 'draft', label: 'Un évènement' };`,
    );
    expect(shown.flatMap((s) => leftoversIn(s.text))).toEqual([
      'resolved',
      'Delete',
      'title',
      'MIXED',
      'évènement',
    ]);
    expect(leftoversIn('Intitulé du titre, entitled, titles, aria-title')).toEqual([]);
  });

  it('web/src shows none of them', () => {
    const found = sources(WEB).flatMap((file) =>
      shownText(file, readFileSync(file, 'utf8')).flatMap((s) =>
        leftoversIn(s.text).map(
          (word) => `${path.relative(process.cwd(), s.file)}:${s.line} « ${word} » in « ${s.text.trim()} »`,
        ),
      ),
    );
    expect(found).toEqual([]);
  });
});
