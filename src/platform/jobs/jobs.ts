import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { z } from 'zod';
import { PERSONAL_FIELDS } from '../audit/personal-data.js';
import type { Db } from '../db/connect.js';
import {
  type JobEvent,
  type RetryPolicy,
  retryDelaySeconds,
  safeErrorText,
  transition,
} from './domain/job-state.js';

/**
 * Background jobs in the `jobs` table, on PGlite and PostgreSQL alike.
 *
 * A module defines a kind once, at composition (`jobs.define(name, schema, handler)`), and
 * enqueues with the returned handle inside its own transaction (`kind.enqueue(trx, payload)`):
 * a rolled-back change leaves no job. Each process whose runner is started (`start`) polls for
 * due jobs of the kinds it knows, claims them in a short transaction with
 * `FOR UPDATE SKIP LOCKED` — so that replicas sharing a PostgreSQL never take the same job —
 * and runs them outside any transaction, renewing its lease while they run. A failure is
 * retried after an exponential delay; after `maxAttempts` the job is `dead` with its last error
 * (no personal data: `safeErrorText`). States and events: `domain/job-state.ts`.
 *
 * On PGlite (one connection, queries serialised) the claim waits for any transaction under way
 * and holds the connection only for its own few statements; handlers must not hold a
 * transaction open while they wait on the network.
 *
 * Delivery is at least once: a process that dies after a handler's side effect (an email
 * accepted by the SMTP server) and before recording `done` leaves a job that is run again once
 * its lease has passed. A live process renews its lease, so a slow job is never taken twice.
 */

export type JobContext = {
  readonly jobId: string;
  /** 1 for the first run. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Aborted when the runner stops: a long handler may give up (the job is retried). */
  readonly signal: AbortSignal;
  /** The runner's logger: ids and counts only, never personal data. */
  readonly log: JobLogger;
};

export type EnqueueOptions = {
  /** Not before this instant (default: now). */
  runAt?: Date;
  /**
   * A job with this key already exists (whatever its state, until ended jobs are purged) →
   * nothing is enqueued and its id is returned with `created: false`.
   */
  idempotencyKey?: string;
};

export type Enqueued = { id: string; created: boolean };

export type JobKind<P> = {
  readonly name: string;
  /** Adds the job in `db` — pass the caller's transaction. The payload must hold ids only. */
  enqueue(db: Db, payload: P, options?: EnqueueOptions): Promise<Enqueued>;
  /**
   * Adds many jobs in a few multi-row inserts (e.g. one per row of a bulk import), each with
   * its optional idempotency key (an existing key: that one is skipped). Answers how many were
   * added.
   */
  enqueueMany(db: Db, jobs: readonly { payload: P; idempotencyKey?: string }[]): Promise<number>;
};

export type JobKindOptions = {
  /** Runs before the job is dead (default: the runner's `maxAttempts`). */
  maxAttempts?: number;
};

/** Thrown by a handler for a failure no retry can fix (the job is dead at once). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export type JobLogger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type JobsOptions = {
  db: Db;
  /** Milliseconds between two polls when nothing was due. */
  pollIntervalMs: number;
  /** Jobs run at once by this process; 0 = this process enqueues but never runs jobs. */
  concurrency: number;
  retry: RetryPolicy;
  /** Default attempt budget of a kind. */
  maxAttempts: number;
  /** A job held by a process that stopped renewing for this long is taken again (default 300). */
  leaseSeconds?: number;
  /** Ended (`done`, `cancelled`) jobs older than this are deleted (default 30). */
  keepDays?: number;
  /** For tests: the source of jitter in [0, 1). */
  random?: () => number;
};

export type JobSummary = {
  id: string;
  kind: string;
  state: string;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
  idempotencyKey: string | null;
};

const silentLog: JobLogger = { info() {}, warn() {}, error() {} };

type Definition = {
  schema: z.ZodType;
  handler: (payload: unknown, ctx: JobContext) => Promise<void>;
  maxAttempts: number;
};

type ClaimedJob = { id: string; kind: string; payload: unknown; attempts: number; max_attempts: number };

const IDEMPOTENCY_KEY_MAX = 200;
const KIND_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** Names of personal fields found in a payload, at any depth (none are allowed). */
function personalKeys(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) personalKeys(v, found);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (PERSONAL_FIELDS.has(k)) found.push(k);
      personalKeys(v, found);
    }
  }
  return found;
}

/** The text a failed job keeps: the error's name, code and message, without personal data. */
export function jobErrorText(error: unknown): string {
  if (!(error instanceof Error)) return safeErrorText(String(error));
  const code = (error as { code?: unknown }).code;
  const head = typeof code === 'string' || typeof code === 'number' ? `${error.name} ${code}` : error.name;
  return safeErrorText(`${head}: ${error.message}`);
}

export function createJobs(options: JobsOptions) {
  const { db } = options;
  const leaseSeconds = options.leaseSeconds ?? 300;
  const keepDays = options.keepDays ?? 30;
  const random = options.random ?? Math.random;
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const definitions = new Map<string, Definition>();

  function define<S extends z.ZodType>(
    name: string,
    schema: S,
    handler: (payload: z.output<S>, ctx: JobContext) => Promise<void>,
    kindOptions: JobKindOptions = {},
  ): JobKind<z.input<S>> {
    if (!KIND_NAME.test(name))
      throw new Error(`job kind ${name}: use dotted lowercase names (module.action)`);
    if (definitions.has(name)) throw new Error(`job kind ${name} is already defined`);
    const maxAttempts = kindOptions.maxAttempts ?? options.maxAttempts;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
      throw new Error(`job kind ${name}: maxAttempts ≥ 1`);
    definitions.set(name, {
      schema,
      handler: handler as (payload: unknown, ctx: JobContext) => Promise<void>,
      maxAttempts,
    });
    /** The payload checked (schema, no personal field) and the key's length. */
    function checked(payload: unknown, key: string | undefined) {
      const parsed = schema.safeParse(payload);
      if (!parsed.success)
        throw new Error(`job ${name}: invalid payload (${parsed.error.issues[0]?.message})`);
      const personal = personalKeys(parsed.data);
      if (personal.length > 0) {
        throw new Error(`job ${name}: a payload holds ids, never personal data (${personal.join(', ')})`);
      }
      if (key !== undefined && (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX)) {
        throw new Error(`job ${name}: an idempotency key has 1 to ${IDEMPOTENCY_KEY_MAX} characters`);
      }
      return parsed.data;
    }
    return {
      name,
      async enqueueMany(target, many) {
        const rows = many.map((j) => ({
          kind: name,
          payload: JSON.stringify(checked(j.payload, j.idempotencyKey)),
          max_attempts: maxAttempts,
          idempotency_key: j.idempotencyKey ?? null,
        }));
        let added = 0;
        for (let i = 0; i < rows.length; i += 500) {
          const inserted = await target
            .insertInto('jobs')
            .values(rows.slice(i, i + 500))
            .onConflict((oc) => oc.column('idempotency_key').doNothing())
            .returning('id')
            .execute();
          added += inserted.length;
        }
        return added;
      },
      async enqueue(target, payload, enqueueOptions = {}) {
        const key = enqueueOptions.idempotencyKey;
        const data = checked(payload, key);
        const inserted = await target
          .insertInto('jobs')
          .values({
            kind: name,
            payload: JSON.stringify(data),
            max_attempts: maxAttempts,
            idempotency_key: key ?? null,
            ...(enqueueOptions.runAt ? { run_at: enqueueOptions.runAt } : {}),
          })
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted) return { id: inserted.id, created: true };
        const existing = await target
          .selectFrom('jobs')
          .select('id')
          .where('idempotency_key', '=', key as string)
          .executeTakeFirstOrThrow();
        return { id: existing.id, created: false };
      },
    };
  }

  // ---- the runner -------------------------------------------------------------------------

  let log: JobLogger | undefined;
  let started = false;
  let stopping = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let leaseTimer: NodeJS.Timeout | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  const running = new Map<string, Promise<void>>();
  const abort = new AbortController();

  /** Takes up to `limit` due jobs of the known kinds (and those whose holder died). */
  async function claim(limit: number): Promise<ClaimedJob[]> {
    const kinds = [...definitions.keys()];
    if (limit <= 0 || kinds.length === 0) return [];
    return db.transaction().execute(async (trx) => {
      const candidates = await trx
        .selectFrom('jobs')
        .select(['id', 'kind', 'payload', 'state', 'attempts', 'max_attempts'])
        .where('kind', 'in', kinds)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'pending'), eb('run_at', '<=', sql<Date>`now()`)]),
            eb.and([eb('state', '=', 'running'), eb('locked_until', '<', sql<Date>`now()`)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      const claimed: ClaimedJob[] = [];
      for (const job of candidates) {
        const event: JobEvent = job.state === 'pending' ? 'claim' : 'lease_expired';
        const next = transition(job.state, event, { attempts: job.attempts, maxAttempts: job.max_attempts });
        if (!next.ok) continue;
        if (next.to === 'running') {
          await trx
            .updateTable('jobs')
            .set({
              state: 'running',
              attempts: next.attempts,
              locked_by: owner,
              locked_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})`,
              updated_at: sql<Date>`now()`,
            })
            .where('id', '=', job.id)
            .execute();
          claimed.push({ ...job, attempts: next.attempts });
        } else {
          await trx
            .updateTable('jobs')
            .set({
              state: next.to,
              locked_by: null,
              locked_until: null,
              last_error:
                event === 'lease_expired'
                  ? 'le processus qui l’exécutait a cessé de répondre'
                  : 'tentatives épuisées',
              updated_at: sql<Date>`now()`,
              finished_at: sql<Date>`now()`,
            })
            .where('id', '=', job.id)
            .execute();
          log?.error(
            { jobId: job.id, kind: job.kind, attempts: job.attempts },
            'job dead: its holder stopped',
          );
        }
      }
      return claimed;
    });
  }

  /** Records the end of a run — only if this process still holds the job. */
  async function finish(job: ClaimedJob, event: JobEvent, error?: unknown): Promise<void> {
    const next = transition('running', event, { attempts: job.attempts, maxAttempts: job.max_attempts });
    if (!next.ok) throw new Error(next.reason);
    const errorText = error === undefined ? null : jobErrorText(error);
    const ended = next.to !== 'pending';
    const result = await db
      .updateTable('jobs')
      .set({
        state: next.to,
        locked_by: null,
        locked_until: null,
        updated_at: sql<Date>`now()`,
        ...(errorText !== null ? { last_error: errorText } : {}),
        ...(next.backoff
          ? {
              run_at: sql<Date>`now() + make_interval(secs => ${retryDelaySeconds(
                next.attempts,
                options.retry,
                random(),
              )})`,
            }
          : {}),
        ...(ended ? { finished_at: sql<Date>`now()` } : {}),
      })
      .where('id', '=', job.id)
      .where('state', '=', 'running')
      .where('locked_by', '=', owner)
      .executeTakeFirst();
    const facts = { jobId: job.id, kind: job.kind, attempt: job.attempts, maxAttempts: job.max_attempts };
    if (Number(result.numUpdatedRows) === 0) {
      log?.warn(facts, 'job ended after its lease was lost: not recorded');
    } else if (next.to === 'dead') {
      log?.error({ ...facts, error: errorText }, 'job dead');
    } else if (next.to === 'pending') {
      log?.warn({ ...facts, error: errorText }, 'job failed, will be retried');
    }
  }

  async function execute(job: ClaimedJob): Promise<void> {
    const definition = definitions.get(job.kind);
    try {
      if (!definition) throw new PermanentJobError(`unknown job kind ${job.kind}`);
      const parsed = definition.schema.safeParse(job.payload);
      if (!parsed.success) throw new PermanentJobError('invalid payload');
      await definition.handler(parsed.data, {
        jobId: job.id,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        signal: abort.signal,
        log: log ?? silentLog,
      });
    } catch (error) {
      await finish(job, error instanceof PermanentJobError ? 'fail_permanently' : 'fail', error);
      return;
    }
    await finish(job, 'succeed');
  }

  function schedule(delayMs: number) {
    if (stopping || !started) return;
    clearTimeout(pollTimer);
    // Unref'd: polling alone never keeps a process alive (a running job's own work does).
    pollTimer = setTimeout(() => void poll(), delayMs).unref();
  }

  /** One poll: claims what free slots allow, starts those jobs; polls again at once when full. */
  function poll(): Promise<void> {
    if (polling) return polling;
    polling = (async () => {
      let again = false;
      try {
        const free = options.concurrency - running.size;
        const jobs = stopping ? [] : await claim(free);
        for (const job of jobs) {
          const run = execute(job)
            .catch((error: unknown) =>
              log?.error(
                { jobId: job.id, kind: job.kind, error: jobErrorText(error) },
                'job end not recorded',
              ),
            )
            .finally(() => {
              running.delete(job.id);
              // A slot is free: more may be due.
              schedule(0);
            });
          running.set(job.id, run);
        }
        again = jobs.length > 0 && jobs.length === free;
      } catch (error) {
        log?.warn({ error: jobErrorText(error) }, 'job poll failed');
      } finally {
        polling = undefined;
      }
      schedule(again ? 0 : options.pollIntervalMs);
    })();
    return polling;
  }

  async function renewLeases() {
    const ids = [...running.keys()];
    if (ids.length === 0) return;
    await db
      .updateTable('jobs')
      .set({ locked_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
      .where('id', 'in', ids)
      .where('state', '=', 'running')
      .where('locked_by', '=', owner)
      .execute();
  }

  /** Deletes ended jobs older than `keepDays` (dead ones stay, for an operator to see). */
  async function purge(): Promise<number> {
    const result = await db
      .deleteFrom('jobs')
      .where('state', 'in', ['done', 'cancelled'])
      .where('finished_at', '<', sql<Date>`now() - make_interval(days => ${keepDays})`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  return {
    define,
    /** Starts polling (no-op with concurrency 0, or when already started). */
    start(logger: JobLogger) {
      log = logger;
      if (started || stopping || options.concurrency <= 0) return;
      started = true;
      leaseTimer = setInterval(
        () =>
          void renewLeases().catch((e: unknown) =>
            log?.warn({ error: jobErrorText(e) }, 'lease renewal failed'),
          ),
        Math.max(1000, (leaseSeconds * 1000) / 3),
      ).unref();
      purgeTimer = setInterval(
        () => void purge().catch((e: unknown) => log?.warn({ error: jobErrorText(e) }, 'job purge failed')),
        6 * 3600 * 1000,
      );
      purgeTimer.unref();
      schedule(0);
    },
    /** Polls now instead of at the next interval (e.g. after a commit that enqueued). */
    wake() {
      schedule(0);
    },
    /**
     * Stops claiming, signals running handlers, and waits for them to end and record their
     * end: call it before the database closes.
     */
    async stop() {
      stopping = true;
      clearTimeout(pollTimer);
      clearInterval(purgeTimer);
      abort.abort();
      await polling;
      await Promise.allSettled(running.values());
      clearInterval(leaseTimer);
    },
    /** How many jobs this process is running now. */
    runningCount: () => running.size,
    purge,
    /**
     * Cancels a pending job by its idempotency key (e.g. a reminder no longer wanted); pass the
     * caller's transaction. False when there is no such pending job (already run, running…).
     */
    async cancel(target: Db, idempotencyKey: string): Promise<boolean> {
      // The table's only `cancel` transition: pending → cancelled.
      const result = await target
        .updateTable('jobs')
        .set({ state: 'cancelled', updated_at: sql<Date>`now()`, finished_at: sql<Date>`now()` })
        .where('idempotency_key', '=', idempotencyKey)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** Puts a dead job back in the queue with a fresh attempt budget. */
    async retry(id: string): Promise<boolean> {
      // The table's only `retry` transition: dead → pending, attempts back to 0.
      const result = await db
        .updateTable('jobs')
        .set({
          state: 'pending',
          attempts: 0,
          run_at: sql<Date>`now()`,
          finished_at: null,
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', id)
        .where('state', '=', 'dead')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** Jobs by state, newest first (operators: dead jobs and their last error). */
    async list(
      state: 'pending' | 'running' | 'done' | 'dead' | 'cancelled',
      limit = 50,
    ): Promise<JobSummary[]> {
      const rows = await db
        .selectFrom('jobs')
        .select([
          'id',
          'kind',
          'state',
          'attempts',
          'max_attempts',
          'run_at',
          'last_error',
          'idempotency_key',
        ])
        .where('state', '=', state)
        .orderBy('updated_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        state: r.state,
        attempts: r.attempts,
        maxAttempts: r.max_attempts,
        runAt: new Date(r.run_at),
        lastError: r.last_error,
        idempotencyKey: r.idempotency_key,
      }));
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;

/**
 * The embedded database is one process's: a job still `running` there was a dead process's.
 * Its lease is ended at once, so that the next poll takes it again (or ends it dead).
 */
export async function endLeasesOfDeadProcess(db: Db): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ locked_until: sql<Date>`now() - interval '1 second'` })
    .where('state', '=', 'running')
    .execute();
}
