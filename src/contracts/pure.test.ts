import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/**
 * src/contracts is bundled into the web app as it is: its modules import nothing but each other
 * (no Node built-in, no package, no server module), so they run the same in both.
 */
const dir = import.meta.dirname;

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
}

it('contracts import only other contracts', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  expect(files.length).toBeGreaterThan(3);
  const outside = files.flatMap((f) =>
    importsOf(readFileSync(path.join(dir, f), 'utf8'))
      .filter((spec) => !/^\.\/[\w-]+\.js$/.test(spec))
      .map((spec) => `${f}: ${spec}`),
  );
  expect(outside).toEqual([]);
});

it('the check sees a Node import and a server module', () => {
  expect(importsOf("import { x } from 'node:fs';\nexport { y } from '../modules/a.js';\n")).toEqual([
    'node:fs',
    '../modules/a.js',
  ]);
});
