import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../src/app/app.js';
import type { RegistryFiche } from '../src/modules/registry/domain/fiche.js';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.js';
import type { DatabaseHandle } from '../src/platform/db/connect.js';
import { RNCP_XML_FIXTURE as FIXTURE, RNCP_CSV_ZIP_SAMPLE } from './fixtures.js';
import { createTestDatabase, testConfig } from './support.js';

/** The import service on a fresh database (no demo data), file after file, in order. */
const fixtureText = readFileSync(FIXTURE, 'utf8');

let handle: DatabaseHandle;
let services: Services;
let dir: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  services = createServices(testConfig(), handle);
  dir = await mkdtemp(path.join(tmpdir(), 'qualif-registry-test-'));
});
afterAll(async () => {
  await handle?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function importText(name: string, text: string) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return importPath(file);
}
async function importPath(file: string) {
  const run = await services.registry.imports.importFile(file, {
    fileName: path.basename(file),
    actor: SYSTEM_ACTOR,
  });
  if (!run) throw new Error('no run row');
  return run;
}
const fiche = async (numero: string) => {
  const row = await handle.db
    .selectFrom('registry_fiches')
    .selectAll()
    .where('numero', '=', numero)
    .executeTakeFirstOrThrow();
  return { ...row, fiche: row.fiche as RegistryFiche };
};
const liveCount = async () =>
  Number(
    (
      await handle.db
        .selectFrom('registry_fiches')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('present', '=', true)
        .executeTakeFirstOrThrow()
    ).n,
  );
const stagingCount = async () =>
  Number(
    (
      await handle.db
        .selectFrom('registry_staging')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** An RS export made from the fixture: RS numbers, no level, no blocs (as RS fiches are). */
function rsExport(): string {
  return fixtureText
    .replace(/<NUMERO_FICHE>RNCP(\d+)<\/NUMERO_FICHE>/g, '<NUMERO_FICHE>RS9$1</NUMERO_FICHE>')
    .replace(/<NOMENCLATURE_EUROPE>[\s\S]*?<\/NOMENCLATURE_EUROPE>/g, '')
    .replace(/<BLOCS_COMPETENCES>[\s\S]*?<\/BLOCS_COMPETENCES>/g, '')
    .replace(/<CORRESPONDANCES>[\s\S]*?<\/CORRESPONDANCES>/g, '')
    .replace(/<NOUVELLE_CERTIFICATION>RNCP\d+<\/NOUVELLE_CERTIFICATION>/g, '')
    .replace(/<ANCIENNE_CERTIFICATION>RNCP\d+<\/ANCIENNE_CERTIFICATION>/g, '');
}

describe('registry import', () => {
  it('imports the fixture: 12 new fiches with blocs, partners and statistics, progress reported', async () => {
    const progress: { bytes: number; fiches: number }[] = [];
    const run = await services.registry.imports.importFile(FIXTURE, {
      fileName: 'export_fiches_RNCP_fixture.xml',
      actor: SYSTEM_ACTOR,
      onProgress: (p) => progress.push(p),
    });
    expect(run).toMatchObject({
      status: 'succeeded',
      file_type: 'xml',
      kind: 'RNCP',
      version: '4.1',
      fiches_read: 12,
      new_count: 12,
      changed_count: 0,
      unchanged_count: 0,
      removed_count: 0,
      rejected_count: 0,
      error_message: null,
    });
    if (!run) throw new Error('no run row');
    expect(Number(run.bytes_read)).toBe(Buffer.byteLength(fixtureText));
    expect(progress.at(-1)).toEqual({
      bytes: Buffer.byteLength(fixtureText),
      fiches: 12,
      bytesTotal: Buffer.byteLength(fixtureText),
    });
    expect(await liveCount()).toBe(12);
    const dev = await fiche('RNCP37674');
    expect(dev).toMatchObject({
      registry: 'RNCP',
      level: 5,
      active: true,
      present: true,
      end_date: '2028-09-01',
    });
    expect(dev.fiche.blocs.length).toBe(2);
    expect(dev.fiche.partners.length).toBe(471);
    expect(dev.fiche.statistics.length).toBe(1);
    expect((await fiche('RNCP34762')).fiche.successors).toEqual(['RNCP39568']);
    expect(await stagingCount()).toBe(0);
    const audit = await handle.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'registry.import')
      .execute();
    expect(audit.map((a) => a.entity_id)).toContain(run.id);
  });

  it('importing the same file again changes nothing', async () => {
    const before = await fiche('RNCP37674');
    const run = await importPath(FIXTURE);
    expect(run).toMatchObject({
      status: 'succeeded',
      new_count: 0,
      changed_count: 0,
      unchanged_count: 12,
      removed_count: 0,
    });
    expect((await fiche('RNCP37674')).updated_at).toEqual(before.updated_at);
  });

  it('finds fiches by French full text, accents ignored', async () => {
    const found = await services.registry.service.search({ q: 'developpeur web' }, 1, 20);
    expect(found.items.map((f) => f.numero)).toEqual(expect.arrayContaining(['RNCP37674', 'RNCP35959']));
    const byNumero = await services.registry.service.search({ q: 'rncp37488' }, 1, 20);
    expect(byNumero.items[0]?.numero).toBe('RNCP37488');
  });

  it('imports an RS export: no level, no blocs, and leaves the RNCP fiches alone', async () => {
    const run = await importText('export_fiches_RS.xml', rsExport());
    expect(run).toMatchObject({ status: 'succeeded', kind: 'RS', new_count: 12, removed_count: 0 });
    const rs = await fiche('RS937674');
    expect(rs).toMatchObject({ registry: 'RS', level: null });
    expect(rs.fiche.level).toBeUndefined();
    expect(rs.fiche.blocs).toEqual([]);
    expect(await liveCount()).toBe(24);
  });

  it('a truncated file fails with its line, and the live fiches are untouched', async () => {
    const cut = fixtureText.slice(0, Math.floor(fixtureText.length * 0.6));
    const before = await fiche('RNCP37674');
    const run = await importText('truncated.xml', cut);
    expect(run.status).toBe('failed');
    expect(run.error_message).toMatch(/tronqué|mal formé/);
    expect(run.error_message).toMatch(/ligne \d+/);
    expect((run.error_details as { line?: number }).line).toBeGreaterThan(100);
    expect(run.fiches_read).toBeGreaterThan(0);
    expect(await liveCount()).toBe(24);
    expect(await stagingCount()).toBe(0);
    expect((await fiche('RNCP37674')).updated_at).toEqual(before.updated_at);
  });

  it('a file with a DOCTYPE (entities) is refused and nothing changes', async () => {
    const evil = fixtureText.replace(
      '<FICHES>',
      '<!DOCTYPE FICHES [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<FICHES>',
    );
    const run = await importText('doctype.xml', evil);
    expect(run.status).toBe('failed');
    expect(run.error_message).toMatch(/DOCTYPE/);
    expect(run.new_count + run.changed_count).toBe(0);
    expect(await liveCount()).toBe(24);
  });

  it('counts changed and no-longer-listed fiches; a fiche listed twice is rejected', async () => {
    const ficheTexts = [...fixtureText.matchAll(/<FICHE>[\s\S]*?<\/FICHE>/g)].map((m) => m[0]);
    const dropped = ficheTexts.find((f) => f.includes('<NUMERO_FICHE>RNCP37488</NUMERO_FICHE>')) as string;
    const edited = fixtureText
      .replace(dropped, '')
      .replace(
        /(<NUMERO_FICHE>RNCP36612<\/NUMERO_FICHE>[\s\S]*?<INTITULE>)([^<]*)/,
        (_m, head: string, title: string) => `${head}${title} (intitulé modifié)`,
      )
      .replace('</FICHES>', `${ficheTexts[0]}\n</FICHES>`);
    const run = await importText('edited.xml', edited);
    expect(run).toMatchObject({
      status: 'succeeded',
      fiches_read: 12,
      new_count: 0,
      changed_count: 1,
      unchanged_count: 10,
      removed_count: 1,
      rejected_count: 1,
    });
    expect((await fiche('RNCP36612')).title).toMatch(/\(intitulé modifié\)$/);
    const gone = await fiche('RNCP37488');
    expect(gone).toMatchObject({ present: false, removed_run_id: run.id });
    // Listed again: back, counted as changed.
    const back = await importPath(FIXTURE);
    expect(back).toMatchObject({ new_count: 0, changed_count: 2, unchanged_count: 10, removed_count: 0 });
    expect((await fiche('RNCP37488')).present).toBe(true);
  });

  it('imports the CSV zip sample (RNCP and RS fiches)', async () => {
    const run = await importPath(RNCP_CSV_ZIP_SAMPLE);
    expect(run).toMatchObject({
      status: 'succeeded',
      file_type: 'csv-zip',
      kind: 'MIXED',
      fiches_read: 9,
      new_count: 9,
    });
    const rs = await fiche('RS5000');
    expect(rs.registry).toBe('RS');
  });

  it('refuses a file above the size limit', async () => {
    const small = createServices(testConfig({ REGISTRY_MAX_FILE_BYTES: '2048' }), handle);
    const run = await small.registry.imports.importFile(FIXTURE, {
      fileName: 'big.xml',
      actor: SYSTEM_ACTOR,
    });
    expect(run?.status).toBe('failed');
    expect(run?.error_message).toMatch(/maximum autorisé/);
  });

  it('runs one import at a time, even when two start together (two replicas)', async () => {
    const other = createServices(testConfig(), handle);
    const options = { fileName: 'concurrent.xml', actor: SYSTEM_ACTOR };
    const results = await Promise.allSettled([
      services.registry.imports.start(FIXTURE, options),
      other.registry.imports.start(FIXTURE, options),
    ]);
    const started = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    const done = await (started[0] as PromiseFulfilledResult<{ done: Promise<unknown> }>).value.done;
    expect(done).toMatchObject({ status: 'succeeded' });
  });
});
