import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type RawBuilder, sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.js';
import { type AuditActor, SYSTEM_ACTOR } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/connect.js';
import { problems } from '../../platform/problem.js';
import { parseRegistryCsvZip } from './csv-zip-parser.js';
import { detectRegistryFile, type RegistryFileType } from './detect.js';
import type { Registry, RegistryFiche, RegistryParseResult, RegistryProgress } from './domain/fiche.js';
import { endedBy, heartbeatEverySeconds, INTERRUPTED, STALE_SECONDS } from './domain/import-run.js';
import { RegistryFileError } from './errors.js';
import { stageFiches, swapStaged } from './registry.repo.js';
import { parseRegistryXml, parseRegistryXmlZip } from './xml-parser.js';
import { openZip } from './zip.js';

/**
 * Fiches written to the staging area at once: at most 200, and at most ~512 KB of the file,
 * so memory stays bounded whatever the file size and however large its fiches (the biggest
 * real ones, with hundreds of partners, are 0.2 MB). Smaller batches keep each batch's JSON
 * strings small: with 500 fiches / 2 MB, V8 let enough of them pile up between collections
 * to bring the import's peak RSS to the 300 MB target (bench/registry.bench.ts); the extra
 * statements cost nothing measurable.
 */
const BATCH = 200;
const BATCH_BYTES = 512 * 1024;

export type ImportProgress = RegistryProgress & { bytesTotal: number };

export type ImportOptions = {
  /** Shown in the runs list (the uploaded or given file name). */
  fileName: string;
  actor: AuditActor;
  requestId?: string | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
};

export type RunRow = Awaited<ReturnType<ReturnType<typeof registryImportServiceFactory>['getRun']>>;

/**
 * Imports a France compétences export (XML, XML zip or CSV zip; RNCP, RS or both):
 * detect → stream-parse → stage in batches of 500 → one transaction that compares hashes,
 * swaps the fiches into the live table, completes the run row and audits it. Any failure
 * (unsafe, malformed or truncated file, database error) marks the run failed with its French
 * message and leaves the live fiches as they were. `afterImport` (the catalogue sync) runs
 * after a successful swap and returns how many alerts it opened.
 */
export function registryImportServiceFactory({
  db,
  maxFileBytes,
  afterImport,
  staleSeconds = STALE_SECONDS.default,
}: {
  db: Db;
  maxFileBytes: number;
  afterImport?: (runId: string) => Promise<number>;
  /** A running run whose heartbeat is older than this is a dead process's (REGISTRY_IMPORT_STALE_SECONDS). */
  staleSeconds?: number;
}) {
  /** Progress of the runs this process is executing, fresher than the row (written per batch). */
  const live = new Map<string, ImportProgress>();
  /** Imports under way in this process, so that closing the app waits for them to record their end. */
  const inFlight = new Set<Promise<unknown>>();
  const heartbeatMs = heartbeatEverySeconds(staleSeconds) * 1000;

  /**
   * Fails the runs whose process stopped giving signs of life (any replica), which frees the
   * one-running-import slot. Called before each start, and every few seconds by the server.
   */
  function failStaleRuns(): Promise<string[]> {
    return failInterruptedRuns(
      db,
      sql<boolean>`heartbeat_at < now() - make_interval(secs => ${staleSeconds})`,
      INTERRUPTED.silent(staleSeconds),
    );
  }

  /** Writes the run's heartbeat every heartbeatMs until stopped; the database's clock decides. */
  function startHeartbeat(runId: string): () => void {
    let stopped = false;
    let timer: NodeJS.Timeout;
    const beat = async () => {
      try {
        await db
          .updateTable('registry_import_runs')
          .set({ heartbeat_at: sql<Date>`now()` })
          .where('id', '=', runId)
          .where('status', '=', 'running')
          .execute();
      } catch {
        // Missed beat (database busy or away): the next one tries again.
      }
      if (!stopped) timer = setTimeout(beat, heartbeatMs).unref();
    };
    timer = setTimeout(beat, heartbeatMs).unref();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  /**
   * Creates the run row and returns its id at once; `done` settles when the import ends
   * (never rejects: a failure is recorded on the run). One import at a time: another running
   * run is a 409.
   */
  async function start(path: string, opts: ImportOptions): Promise<{ runId: string; done: Promise<RunRow> }> {
    await failStaleRuns();
    const running = await db
      .selectFrom('registry_import_runs')
      .select('id')
      .where('status', '=', 'running')
      .executeTakeFirst();
    const busy = (id: string) => problems.conflict(`Un import est déjà en cours (${id}).`);
    if (running) throw busy(running.id);
    const row = await db
      .insertInto('registry_import_runs')
      .values({
        file_name: opts.fileName.slice(0, 300),
        status: 'running',
        actor_user_id: opts.actor.userId,
        actor_label: opts.actor.label,
        file_type: null,
        kind: null,
        version: null,
        error_message: null,
      })
      // Another replica started one between the check and here: the partial unique index
      // registry_one_running_import leaves this insert without a row.
      .onConflict((oc) => oc.expression(sql`(true)`).where('status', '=', 'running').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw busy('sur un autre serveur');
    const runId = row.id;
    const done = run(runId, path, opts).then(
      () => getRun(runId),
      () => getRun(runId),
    );
    const tracked = done.catch(() => undefined).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return { runId, done };
  }

  /** Imports and waits for the end; the run row tells success or failure. */
  async function importFile(path: string, opts: ImportOptions): Promise<RunRow> {
    const { done } = await start(path, opts);
    return done;
  }

  async function run(runId: string, path: string, opts: ImportOptions) {
    let progress: ImportProgress = { bytes: 0, fiches: 0, bytesTotal: 0 };
    let read = 0;
    live.set(runId, progress);
    const stopHeartbeat = startHeartbeat(runId);
    /** Our row is still running: not failed meanwhile as stale (this process looked dead). */
    const stillOurs = async (update: { numUpdatedRows: bigint }) => {
      if (update.numUpdatedRows === 0n) throw new Error('l’import a été déclaré arrêté entre-temps.');
    };
    try {
      const size = (await stat(path)).size;
      if (size > maxFileBytes) {
        throw new RegistryFileError(
          `Fichier refusé : ${size} octets, au-delà du maximum autorisé (${maxFileBytes} octets, REGISTRY_MAX_FILE_BYTES).`,
        );
      }
      const type = await detectRegistryFile(path);
      const bytesTotal = type === 'xml' ? size : await uncompressedSize(path, type);
      progress = { ...progress, bytesTotal };
      live.set(runId, progress);
      await db
        .updateTable('registry_import_runs')
        .set({ file_type: type, bytes_total: bytesTotal, updated_at: new Date() })
        .where('id', '=', runId)
        .execute();

      let batch: RegistryFiche[] = [];
      let staged = 0;
      let flushedAt = 0;
      const flush = async () => {
        const fiches = batch;
        batch = [];
        flushedAt = progress.bytes;
        staged += await stageFiches(db, runId, fiches);
        await stillOurs(
          await db
            .updateTable('registry_import_runs')
            .set({
              bytes_read: progress.bytes,
              fiches_read: read,
              updated_at: new Date(),
              heartbeat_at: sql`now()`,
            })
            .where('id', '=', runId)
            .where('status', '=', 'running')
            .executeTakeFirst(),
        );
      };
      const onFiche = async (fiche: RegistryFiche) => {
        batch.push(fiche);
        read++;
        if (batch.length >= BATCH || progress.bytes - flushedAt >= BATCH_BYTES) await flush();
      };
      const onProgress = (p: RegistryProgress) => {
        progress = { ...p, bytesTotal: Math.max(bytesTotal, p.bytes) };
        live.set(runId, progress);
        opts.onProgress?.(progress);
      };
      const parsed: RegistryParseResult =
        type === 'xml'
          ? await parseRegistryXml(createReadStream(path, { highWaterMark: 256 * 1024 }), onFiche, onProgress)
          : type === 'xml-zip'
            ? await parseRegistryXmlZip(path, onFiche, onProgress)
            : await parseRegistryCsvZip(path, onFiche, onProgress);
      await flush();

      const registries: Registry[] = parsed.kind === 'MIXED' ? ['RNCP', 'RS'] : [parsed.kind];
      await db.transaction().execute(async (trx) => {
        // Locks our row first: a run failed as stale meanwhile must not swap its fiches in
        // (another import may have started since).
        const ours = await trx
          .selectFrom('registry_import_runs')
          .select('id')
          .where('id', '=', runId)
          .where('status', '=', 'running')
          .forUpdate()
          .executeTakeFirst();
        if (!ours) throw new Error('l’import a été déclaré arrêté entre-temps.');
        const counts = await swapStaged(trx, runId, registries);
        const result = {
          status: endedBy('succeed'),
          kind: parsed.kind,
          version: parsed.version,
          fiches_read: read,
          bytes_read: progress.bytes,
          new_count: counts.new,
          changed_count: counts.changed,
          unchanged_count: counts.unchanged,
          removed_count: counts.removed,
          rejected_count: read - staged,
        };
        await trx
          .updateTable('registry_import_runs')
          .set({ ...result, ended_at: new Date(), updated_at: new Date() })
          .where('id', '=', runId)
          .execute();
        await recordAudit(trx, {
          actor: opts.actor,
          action: 'registry.import',
          entityType: 'registry_import_run',
          entityId: runId,
          after: { fileName: opts.fileName, fileType: type, ...result },
          requestId: opts.requestId ?? null,
        });
      });
    } catch (error) {
      stopHeartbeat();
      await db.deleteFrom('registry_staging').where('run_id', '=', runId).execute();
      const fileError = error instanceof RegistryFileError ? error : undefined;
      await db
        .updateTable('registry_import_runs')
        .set({
          status: endedBy('fail'),
          ended_at: new Date(),
          updated_at: new Date(),
          bytes_read: progress.bytes,
          fiches_read: read,
          error_message: fileError
            ? fileError.message
            : `Import interrompu : ${error instanceof Error ? error.message : String(error)}`,
          error_details: fileError
            ? JSON.stringify({
                line: fileError.line,
                column: fileError.column,
                fiche: fileError.fiche,
                element: fileError.element,
                file: fileError.file,
              })
            : null,
        })
        .where('id', '=', runId)
        // Already failed as stale: that reason stays.
        .where('status', '=', 'running')
        .execute();
      live.delete(runId);
      throw error;
    }
    stopHeartbeat();
    live.delete(runId);
    if (afterImport) {
      // The import itself succeeded; a sync failure is reported on the run, not as a failure.
      try {
        const alerts = await afterImport(runId);
        await db
          .updateTable('registry_import_runs')
          .set({ alerts_count: alerts })
          .where('id', '=', runId)
          .execute();
      } catch (error) {
        await db
          .updateTable('registry_import_runs')
          .set({
            error_message: `Import réussi, mais la comparaison avec le catalogue a échoué : ${error instanceof Error ? error.message : String(error)}`,
          })
          .where('id', '=', runId)
          .execute();
      }
    }
  }

  async function getRun(id: string) {
    const row = await db
      .selectFrom('registry_import_runs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const p = live.get(id);
    return p && row.status === 'running'
      ? {
          ...row,
          bytes_read: Math.max(row.bytes_read, p.bytes),
          fiches_read: Math.max(row.fiches_read, p.fiches),
        }
      : row;
  }

  async function listRuns(limit = 50) {
    return db
      .selectFrom('registry_import_runs')
      .selectAll()
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** Waits for this process's imports to end (app shutdown: before the database closes). */
  async function settled(): Promise<void> {
    await Promise.all([...inFlight]);
  }

  return { start, importFile, getRun, listRuns, failStaleRuns, settled };
}

/**
 * Embedded database, at start: it is one process's (DATA_DIR/qualif.lock), so a run still
 * running belongs to a process that died. Fails them all at once.
 */
export function failRunsOfDeadProcesses(db: Db): Promise<string[]> {
  return failInterruptedRuns(db, sql<boolean>`true`, INTERRUPTED.atStart);
}

/**
 * Fails the running runs that `which` selects, with `reason`, each audited as the system's
 * doing, then deletes what they had staged. Returns their ids.
 */
async function failInterruptedRuns(db: Db, which: RawBuilder<boolean>, reason: string): Promise<string[]> {
  const failed = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('registry_import_runs')
      .set({ status: endedBy('fail'), ended_at: sql`now()`, updated_at: sql`now()`, error_message: reason })
      .where('status', '=', 'running')
      .where(which)
      .returning(['id', 'file_name'])
      .execute();
    for (const row of rows) {
      await recordAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'registry.import.interrupted',
        entityType: 'registry_import_run',
        entityId: row.id,
        before: { status: 'running' },
        after: { status: endedBy('fail'), fileName: row.file_name, reason },
        requestId: null,
      });
    }
    return rows.map((r) => r.id);
  });
  if (failed.length > 0) {
    await db
      .deleteFrom('registry_staging')
      .where('run_id', 'in', (eb) =>
        eb.selectFrom('registry_import_runs').select('id').where('status', '<>', 'running'),
      )
      .execute();
  }
  return failed;
}

async function uncompressedSize(path: string, type: RegistryFileType): Promise<number> {
  const { entries, close } = await openZip(path);
  close();
  const wanted = type === 'xml-zip' ? '.xml' : '.csv';
  return entries.filter((e) => e.key.endsWith(wanted)).reduce((n, e) => n + e.entry.uncompressedSize, 0);
}

export type RegistryImportService = ReturnType<typeof registryImportServiceFactory>;
