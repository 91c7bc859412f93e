import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/platform/paths.js';

/**
 * The repository stands alone: no tracked file points to documents or data kept beside the
 * checkout, and the documentation's relative links lead to files of the repository.
 */
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: projectRoot, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file !== '' && existsSync(path.join(projectRoot, file)));

function textOf(file: string): string | undefined {
  const bytes = readFileSync(path.join(projectRoot, file));
  return bytes.subarray(0, 8000).includes(0) ? undefined : bytes.toString('utf8');
}

// Spelled in pieces so that this file does not match itself.
const OUTSIDE = [['..', 'shared'].join('/'), ['DOMAIN', 'md'].join('.')];

describe('the repository stands alone', () => {
  it('lists the tracked files', () => {
    expect(tracked).toContain('docs/domain.md');
    expect(tracked.length).toBeGreaterThan(100);
  });

  it(`no tracked file mentions ${OUTSIDE.join(' or ')}`, () => {
    const found = tracked.flatMap((file) => {
      const text = textOf(file);
      if (text === undefined) return [];
      return text
        .split('\n')
        .flatMap((line, i) =>
          OUTSIDE.some((needle) => line.includes(needle)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        );
    });
    expect(found, 'point to docs/domain.md or to a file of the repository instead').toEqual([]);
  });

  it('relative links in the Markdown documents lead to files of the repository', () => {
    const broken = tracked
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) => {
        const text = textOf(file) ?? '';
        return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
          .map((m) => (m[1] as string).split('#')[0] as string)
          .filter((target) => target !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(target))
          .filter((target) => {
            const resolved = path.resolve(projectRoot, path.dirname(file), target);
            return !resolved.startsWith(projectRoot + path.sep) || !existsSync(resolved);
          })
          .map((target) => `${file}: ${target}`);
      });
    expect(broken).toEqual([]);
  });
});
