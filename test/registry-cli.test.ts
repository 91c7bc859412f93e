import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, type CliEnvironment, cliEnvironment, runQualif } from './cli-runner.js';
import { RNCP_XML_FIXTURE as FIXTURE } from './fixtures.js';

/** The built `qualif registry import` and `qualif registry runs`, as an operator runs them. */
let cli: CliEnvironment;
beforeAll(async () => {
  cli = await cliEnvironment('qualif-registry-cli');
});
afterAll(() => cli?.cleanup());

const qualif = (args: string[]) => runQualif(args, cli.env);

it(
  'imports a file and prints the counts; a truncated file exits 1 with the French message and its line',
  async () => {
    const ok = await qualif(['registry', 'import', FIXTURE]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/12 fiches lues — 12 nouvelles, 0 modifiées, 0 inchangées/);

    const cut = path.join(cli.dir, 'cut.xml');
    const text = readFileSync(FIXTURE, 'utf8');
    writeFileSync(cut, text.slice(0, text.length / 2));
    const bad = await qualif(['registry', 'import', cut]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^qualif: import .* en échec : Fichier refusé : .*ligne \d+/m);

    const runs = await qualif(['registry', 'runs']);
    expect(runs.code).toBe(0);
    const lines = runs.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/failed +cut\.xml/);
    expect(lines[1]).toMatch(/succeeded +export_fiches_RNCP_fixture\.xml +12 fiches : \+12/);
  },
  CLI_TEST_TIMEOUT_MS,
);
