import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'migrations/**/*.test.ts', 'test/**/*.test.ts'],
    // Each file starts its own database (PGlite in memory, or a fresh database on the server).
    pool: 'forks',
    // One migrated PGlite database, copied by each test database (test/pglite-template.ts).
    globalSetup: ['test/pglite-template.ts'],
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
