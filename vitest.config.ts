import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'migrations/**/*.test.ts', 'test/**/*.test.ts'],
    // Each file starts its own database (PGlite in memory, or a fresh database on the server).
    pool: 'forks',
    // One migrated PGlite database, copied by each test database (test/pglite-template.ts).
    globalSetup: ['test/pglite-template.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
