import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.js';
import { type Factories, factories } from './factories.js';
import { RNCP_CSV_ZIP_SAMPLE, RNCP_XML_FIXTURE } from './fixtures.js';
import { createTestApp, type TestApp } from './support.js';

/**
 * GET /api/v1/registry/status: what the public lookup can say about a number it does not
 * know — whether each registry was imported, when, and how many fiches it holds.
 */
let t: TestApp;
let f: Factories;
let dir: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = factories(t.services);
  dir = await mkdtemp(path.join(tmpdir(), 'qualif-status-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Status = {
  registries: { registry: string; importedAt: string | null; fiches: number; activeFiches: number }[];
};

async function status(): Promise<Status> {
  const res = await t.app.inject({ url: '/api/v1/registry/status' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const of = (s: Status, registry: string) => s.registries.find((r) => r.registry === registry);

describe('registry status', () => {
  it('says, to anyone, that nothing was imported yet', async () => {
    expect(await status()).toEqual({
      registries: [
        { registry: 'RNCP', importedAt: null, fiches: 0, activeFiches: 0 },
        { registry: 'RS', importedAt: null, fiches: 0, activeFiches: 0 },
      ],
    });
  });

  it('dates each registry by its last successful import; a failed one changes nothing', async () => {
    const before = Date.now();
    const run = await f.importRegistry(RNCP_XML_FIXTURE);
    const afterXml = await status();
    // The sample: 12 RNCP fiches, 9 of them active (ACTIF Oui); no RS fiche.
    expect(of(afterXml, 'RNCP')).toMatchObject({ fiches: 12, activeFiches: 9 });
    expect(of(afterXml, 'RS')).toEqual({ registry: 'RS', importedAt: null, fiches: 0, activeFiches: 0 });
    const importedAt = of(afterXml, 'RNCP')?.importedAt ?? '';
    expect(Date.parse(importedAt)).toBeGreaterThanOrEqual(before - 1_000);
    expect(importedAt).toBe(new Date(run.ended_at as Date).toISOString());
    // No account, file or person in the answer.
    expect(Object.keys(of(afterXml, 'RNCP') ?? {}).sort()).toEqual([
      'activeFiches',
      'fiches',
      'importedAt',
      'registry',
    ]);

    const broken = path.join(dir, 'broken.xml');
    await writeFile(broken, '<FICHES><FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE>');
    const failed = await t.services.registry.imports.importFile(broken, {
      fileName: 'broken.xml',
      actor: SYSTEM_ACTOR,
      requestId: 'test',
    });
    expect(failed?.status).toBe('failed');
    expect(await status()).toEqual(afterXml);
  });

  it('counts an export of both registries for each of them', async () => {
    const rncpBefore = of(await status(), 'RNCP')?.importedAt ?? '';
    await f.importRegistry(RNCP_CSV_ZIP_SAMPLE);
    const after = await status();
    // The CSV excerpt: RS5000 and RS6117, both active; its 7 RNCP fiches, all inactive, are
    // now the RNCP export, and the XML sample's 12 are kept but no longer present.
    expect(of(after, 'RS')).toMatchObject({ fiches: 2, activeFiches: 2 });
    expect(of(after, 'RNCP')).toMatchObject({ fiches: 7, activeFiches: 0 });
    expect(Date.parse(of(after, 'RS')?.importedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(rncpBefore));
    expect(of(after, 'RNCP')?.importedAt).toBe(of(after, 'RS')?.importedAt);
  });
});
