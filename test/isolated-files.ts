/**
 * Test files that need a module graph and a process of their own (vitest.config.ts, project
 * `isolated`), and why. Every other test file shares its worker's modules and heap with the files
 * run before it (project `shared`). A file that replaces a module with `vi.mock` (or stubs the
 * environment or globals) cannot share: the module is already loaded, or the change would reach
 * the next file — test/boundaries.test.ts fails on such a file missing here. So can't a file that
 * measures the process's memory: the garbage of the files before it would count.
 */
export const ISOLATED_TEST_FILES: Record<string, string> = {
  'test/registry-faults.test.ts': 'replaces registry.repo with vi.mock to hold an import between batches',
  'src/modules/registry/xml-parser.test.ts':
    'measures the process’s peak memory while 250 MB of XML stream through',
};
