import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { ISOLATED_TEST_FILES } from './test/isolated-files.js';

/**
 * The files known to take longest, started first so that the two workers end together (a long
 * file started last would run alone at the end). Without a record of an earlier run (a fresh
 * clone, as in CI) vitest orders files by size, which puts the browser sweep behind a dozen
 * files. The first two need no demo: the browser tests wait for the demo snapshot, seeded in
 * the background meanwhile (test/demo-snapshot.ts). The rest keeps vitest's order.
 */
const LONGEST_FIRST = [
  /\/test\/cli\.test\.ts$/,
  /\/test\/fuzz\.test\.ts$/,
  /\/test\/e2e\/sweep-branch-journey\.test\.ts$/,
  /\/test\/e2e\/sweep-visitor-staff\.test\.ts$/,
  /\/test\/e2e\/journey\.test\.ts$/,
  /\/test\/e2e\/juries\.test\.ts$/,
  /\/test\/e2e\//,
  /\/test\/matrix\.test\.ts$/,
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((pattern) => pattern.test(file.moduleId));
      return index < 0 ? LONGEST_FIRST.length : index;
    };
    return sorted
      .map((file, order) => ({ file, order, rank: rank(file) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(({ file }) => file);
  }
}

const ISOLATED = Object.keys(ISOLATED_TEST_FILES);
const BROWSER = 'test/e2e/**/*.test.ts';

export default defineConfig({
  test: {
    // Each file starts its own database (PGlite in memory, or a fresh database on the server).
    pool: 'forks',
    // One migrated PGlite database, copied by each test database (test/pglite-template.ts).
    globalSetup: ['test/pglite-template.ts'],
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    testTimeout: 60_000,
    // A browser test's first hook may wait for the demo snapshot, seeded once per run
    // (test/demo-snapshot.ts, which gives up after 10 minutes): on a busy machine that wait
    // alone can pass two minutes.
    hookTimeout: 600_000,
    reporters: ['default'],
    // Three projects: `.ci/run` runs the browser tests in its first pass only (`--project`
    // selects; a command line's `--exclude` does not reach projects).
    projects: [
      {
        // A worker runs many files one after the other in one module graph, importing the app
        // (hundreds of modules) once per worker instead of once per file: the integration tests
        // took 298 s instead of 517 s on a quiet 2-core machine (import time 23 s instead of 196).
        // No test file may leave state behind in a module (it would reach the next file): each
        // builds its own app and database, and restores what it changes (fake timers, spies,
        // console) in a `finally`. The exceptions, and why: test/isolated-files.ts.
        extends: true,
        test: {
          name: 'shared',
          include: ['src/**/*.test.ts', 'migrations/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...ISOLATED, BROWSER],
          isolate: false,
        },
      },
      {
        // In Chromium (test/e2e/browser.ts), sharing modules the same way.
        extends: true,
        test: { name: 'browser', include: [BROWSER], isolate: false },
      },
      {
        extends: true,
        test: { name: 'isolated', include: ISOLATED, isolate: true },
      },
    ],
  },
});
