import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../src/app/app.js';
import { type DatabaseHandle, type Db, openDatabase } from '../src/platform/db/connect.js';
import { createJobs, type JobLogger, type Jobs, PermanentJobError } from '../src/platform/jobs/jobs.js';
import { createTestDatabase, testConfig } from './support.js';
import { waitUntil } from './wait.js';

/**
 * The job runner on the real database: PGlite in memory by default, a fresh PostgreSQL database
 * with TEST_DATABASE_URL — where "replicas" are runners on separate connection pools, so that
 * `FOR UPDATE SKIP LOCKED` is exercised between real concurrent sessions.
 */
let handle: DatabaseHandle & { url: string | undefined };
let db: Db;
const extraHandles: DatabaseHandle[] = [];
const runners: Jobs[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  for (const h of extraHandles) await h.close();
  await handle?.close();
});

type Logged = { level: string; obj: object; msg: string };
function memoryLog(): JobLogger & { entries: Logged[] } {
  const entries: Logged[] = [];
  const at = (level: string) => (obj: object, msg: string) => entries.push({ level, obj, msg });
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

let kindCounter = 0;
/** A kind name no other test uses (runners only claim the kinds they define). */
const freshKind = () => `test.kind_${++kindCounter}_${Math.random().toString(36).slice(2, 8)}`;

function runner(options: Partial<Parameters<typeof createJobs>[0]> = {}, on: Db = db) {
  const jobs = createJobs({
    db: on,
    pollIntervalMs: 50,
    concurrency: 4,
    maxAttempts: 5,
    retry: { baseSeconds: 1, maxSeconds: 2 },
    ...options,
  });
  runners.push(jobs);
  return jobs;
}

const payload = z.object({ n: z.number().int() }).strict();

const jobRow = (id: string) =>
  db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('enqueueing', () => {
  it('a job enqueued in a rolled-back transaction does not exist; a committed one runs once', async () => {
    const jobs = runner();
    const runs: number[] = [];
    const kind = jobs.define(freshKind(), payload, async (p) => {
      runs.push(p.n);
    });
    await expect(
      db.transaction().execute(async (trx) => {
        await kind.enqueue(trx, { n: 1 });
        throw new Error('the enrolment failed');
      }),
    ).rejects.toThrow('the enrolment failed');
    const { id } = await db.transaction().execute((trx) => kind.enqueue(trx, { n: 2 }));
    jobs.start(memoryLog());
    await waitUntil(async () => (await jobRow(id)).state === 'done', 'the committed job done');
    expect(runs).toEqual([2]);
    const rows = await db
      .selectFrom('jobs')
      .select(['state', 'attempts'])
      .where('kind', '=', kind.name)
      .execute();
    expect(rows).toEqual([{ state: 'done', attempts: 1 }]);
  });

  it('an idempotency key makes a second enqueue a no-op returning the first job', async () => {
    const jobs = runner();
    const kind = jobs.define(freshKind(), payload, async () => {});
    const key = `reminder:${kind.name}`;
    const first = await kind.enqueue(db, { n: 1 }, { idempotencyKey: key });
    const second = await kind.enqueue(db, { n: 2 }, { idempotencyKey: key });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const rows = await db.selectFrom('jobs').select('payload').where('kind', '=', kind.name).execute();
    expect(rows.map((r) => r.payload)).toEqual([{ n: 1 }]);
  });

  it('refuses a payload that does not fit its schema, or that holds personal data, or a bad key', async () => {
    const jobs = runner();
    const kind = jobs.define(
      freshKind(),
      z.object({ candidateId: z.string(), email: z.string().optional() }),
      async () => {},
    );
    await expect(kind.enqueue(db, { candidateId: 3 } as never)).rejects.toThrow(/invalid payload/);
    await expect(kind.enqueue(db, { candidateId: 'c1', email: 'marie@example.org' })).rejects.toThrow(
      /never personal data \(email\)/,
    );
    await expect(kind.enqueue(db, { candidateId: 'c1' }, { idempotencyKey: '' })).rejects.toThrow(
      /idempotency/,
    );
    await expect(
      kind.enqueue(db, { candidateId: 'c1' }, { idempotencyKey: 'k'.repeat(201) }),
    ).rejects.toThrow(/idempotency/);
    expect(await db.selectFrom('jobs').select('id').where('kind', '=', kind.name).execute()).toEqual([]);
    expect(() => jobs.define(kind.name, payload, async () => {})).toThrow(/already defined/);
    expect(() => jobs.define('NoDots', payload, async () => {})).toThrow(/dotted/);
  });

  it('a cancelled pending job never runs; a done one cannot be cancelled', async () => {
    const jobs = runner();
    const runs: number[] = [];
    const kind = jobs.define(freshKind(), payload, async (p) => {
      runs.push(p.n);
    });
    const later = await kind.enqueue(
      db,
      { n: 1 },
      { idempotencyKey: `${kind.name}:1`, runAt: new Date(Date.now() + 3_600_000) },
    );
    expect(await jobs.cancel(db, `${kind.name}:1`)).toBe(true);
    const now = await kind.enqueue(db, { n: 2 }, { idempotencyKey: `${kind.name}:2` });
    // Due at once, had it not been cancelled.
    await db.updateTable('jobs').set({ run_at: sql<Date>`now()` }).where('id', '=', later.id).execute();
    jobs.start(memoryLog());
    await waitUntil(async () => (await jobRow(now.id)).state === 'done', 'the other job done');
    expect(await jobs.cancel(db, `${kind.name}:2`)).toBe(false);
    expect((await jobRow(later.id)).state).toBe('cancelled');
    expect(runs).toEqual([2]);
  });
});

describe('scheduling, retries and the dead state', () => {
  it('a job scheduled later waits for its run_at', async () => {
    const jobs = runner();
    const runs: number[] = [];
    const kind = jobs.define(freshKind(), payload, async (p) => {
      runs.push(p.n);
    });
    const later = await kind.enqueue(db, { n: 1 }, { runAt: new Date(Date.now() + 3_600_000) });
    const now = await kind.enqueue(db, { n: 2 });
    jobs.start(memoryLog());
    await waitUntil(async () => (await jobRow(now.id)).state === 'done', 'the due job done');
    // Several polls later, the scheduled one still waits.
    const polls = Date.now() + 500;
    await waitUntil(() => Date.now() > polls, 'a few polls');
    expect((await jobRow(later.id)).state).toBe('pending');
    expect(runs).toEqual([2]);
    await db.updateTable('jobs').set({ run_at: sql<Date>`now()` }).where('id', '=', later.id).execute();
    await waitUntil(async () => (await jobRow(later.id)).state === 'done', 'the scheduled job done once due');
    expect(runs).toEqual([2, 1]);
  });

  it('a failing job is retried with a growing delay, then dead after maxAttempts with an error free of personal data', async () => {
    const jobs = runner();
    const log = memoryLog();
    const times: number[] = [];
    const kind = jobs.define(
      freshKind(),
      payload,
      async () => {
        times.push(Date.now());
        throw Object.assign(
          new Error('550 <marie.dupont@example.org>: mailbox unavailable, call 06 12 34 56 78'),
          {
            code: 'EENVELOPE',
          },
        );
      },
      { maxAttempts: 3 },
    );
    const { id } = await kind.enqueue(db, { n: 1 });
    jobs.start(log);
    const dead = await waitUntil(async () => {
      const row = await jobRow(id);
      return row.state === 'dead' ? row : undefined;
    }, 'the job dead');
    expect(times).toHaveLength(3);
    expect(dead.attempts).toBe(3);
    expect(dead.max_attempts).toBe(3);
    expect(dead.finished_at).not.toBeNull();
    expect(dead.locked_by).toBeNull();
    expect(dead.last_error).toBe('Error EENVELOPE: 550 <[adresse]>: mailbox unavailable, call [nombre]');
    // Backoff: base 1 s (±20 %) then 2 s — at least 0.8 s and 1.6 s between the runs.
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(700);
    expect((times[2] as number) - (times[1] as number)).toBeGreaterThanOrEqual(1_500);
    const logged = JSON.stringify(log.entries);
    expect(logged).not.toContain('marie');
    expect(logged).not.toContain('06 12');
    expect(log.entries.filter((e) => e.msg === 'job failed, will be retried')).toHaveLength(2);
    expect(log.entries.filter((e) => e.msg === 'job dead')).toHaveLength(1);

    // An operator puts it back: a fresh budget.
    expect(await jobs.retry(id)).toBe(true);
    expect(await jobs.retry(id)).toBe(false);
    await waitUntil(
      async () => (await jobRow(id)).state === 'dead' && times.length === 6,
      'dead again after 3 more runs',
    );
    expect((await jobs.list('dead')).map((j) => j.id)).toContain(id);
  });

  it('a PermanentJobError, or a payload that no longer fits the schema, ends the job dead at once', async () => {
    const jobs = runner();
    let runs = 0;
    const kind = jobs.define(freshKind(), payload, async (p) => {
      runs++;
      if (p.n === 1) throw new PermanentJobError('the candidacy does not exist');
    });
    const permanent = await kind.enqueue(db, { n: 1 });
    const garbled = await kind.enqueue(db, { n: 2 });
    await db
      .updateTable('jobs')
      .set({ payload: JSON.stringify({ n: 'two' }) })
      .where('id', '=', garbled.id)
      .execute();
    jobs.start(memoryLog());
    await waitUntil(
      async () =>
        (await jobRow(permanent.id)).state === 'dead' && (await jobRow(garbled.id)).state === 'dead',
      'both dead',
    );
    expect(runs).toBe(1);
    expect(await jobRow(permanent.id)).toMatchObject({
      attempts: 1,
      last_error: 'PermanentJobError: the candidacy does not exist',
    });
    expect(await jobRow(garbled.id)).toMatchObject({
      attempts: 1,
      last_error: 'PermanentJobError: invalid payload',
    });
  });

  it('a job whose holder died is taken again once its lease has passed, and is dead when that was its last attempt', async () => {
    const jobs = runner();
    const runs: number[] = [];
    const kind = jobs.define(
      freshKind(),
      payload,
      async (p) => {
        runs.push(p.n);
      },
      { maxAttempts: 2 },
    );
    const again = await kind.enqueue(db, { n: 1 });
    const spent = await kind.enqueue(db, { n: 2 });
    const held = await kind.enqueue(db, { n: 3 });
    // As a dead process leaves them: running, lease passed (or, for `held`, still valid).
    const dying = (id: string, attempts: number, until: string) =>
      db
        .updateTable('jobs')
        .set({
          state: 'running',
          attempts,
          locked_by: 'dead-host:1:0',
          locked_until: sql<Date>`now() + ${until}::interval`,
        })
        .where('id', '=', id)
        .execute();
    await dying(again.id, 1, '-1 second');
    await dying(spent.id, 2, '-1 second');
    await dying(held.id, 1, '1 hour');
    jobs.start(memoryLog());
    await waitUntil(
      async () => (await jobRow(again.id)).state === 'done' && (await jobRow(spent.id)).state === 'dead',
      'the expired ones handled',
    );
    expect(runs).toEqual([1]);
    expect(await jobRow(again.id)).toMatchObject({ attempts: 2, locked_by: null });
    expect((await jobRow(spent.id)).last_error).toMatch(/cessé de répondre/);
    // A lease still valid is left to its holder.
    expect(await jobRow(held.id)).toMatchObject({ state: 'running', locked_by: 'dead-host:1:0' });
  });
});

describe('stopping', () => {
  it('stop() waits for the running job to end and record it, and claims nothing after', async () => {
    const jobs = runner({ concurrency: 1 });
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let started = 0;
    let sawAbort = false;
    const kind = jobs.define(freshKind(), payload, async (p, ctx) => {
      started++;
      if (p.n === 1) {
        await gate;
        sawAbort = ctx.signal.aborted;
      }
    });
    const first = await kind.enqueue(db, { n: 1 });
    jobs.start(memoryLog());
    await waitUntil(() => started === 1, 'the first job started');
    const second = await kind.enqueue(db, { n: 2 });
    let stopped = false;
    const stopping = jobs.stop().then(() => {
      stopped = true;
    });
    const settle = Date.now() + 300;
    await waitUntil(() => Date.now() > settle, 'a moment');
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(sawAbort).toBe(true);
    expect((await jobRow(first.id)).state).toBe('done');
    expect((await jobRow(second.id)).state).toBe('pending');
    expect(started).toBe(1);
  });

  it('the app starts the runner, and closing the app waits for a running job before the database closes', async () => {
    const own = await createTestDatabase();
    const { app, services } = await createApp(testConfig({ JOBS_POLL_INTERVAL_MS: '50' }), own);
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let started = false;
    const kind = services.jobs.define(freshKind(), payload, async () => {
      started = true;
      await gate;
    });
    try {
      const { id } = await own.db.transaction().execute((trx) => kind.enqueue(trx, { n: 1 }));
      await waitUntil(() => started, 'the app ran the job');
      const closing = app.close();
      const settle = Date.now() + 300;
      await waitUntil(() => Date.now() > settle, 'a moment');
      release();
      await closing;
      const row = await own.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.state).toBe('done');
    } finally {
      release();
      await app.close();
      await own.close();
    }
  });
});

describe('replicas', () => {
  /** Another connection pool on the same PostgreSQL database; on PGlite, the same handle. */
  async function replicaDb(): Promise<Db> {
    if (!handle.url) return db;
    const other = await openDatabase({ engine: 'postgres', url: handle.url, poolSize: 5 });
    extraHandles.push(other);
    return other.db;
  }

  it('two runners on one database never run the same job twice, and run them all', async () => {
    const name = freshKind();
    const runsBy = new Map<string, string[]>();
    const handlerFor = (who: string) => async (p: { n: number }, ctx: { jobId: string }) => {
      const list = runsBy.get(ctx.jobId) ?? [];
      list.push(`${who}:${p.n}`);
      runsBy.set(ctx.jobId, list);
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 15)));
    };
    const a = runner({ concurrency: 4, pollIntervalMs: 20 });
    const b = runner({ concurrency: 4, pollIntervalMs: 20 }, await replicaDb());
    const kind = a.define(name, payload, handlerFor('a'));
    b.define(name, payload, handlerFor('b'));
    const count = 200;
    await db
      .insertInto('jobs')
      .values(
        Array.from({ length: count }, (_, n) => ({
          kind: name,
          payload: JSON.stringify({ n }),
          max_attempts: 3,
        })),
      )
      .execute();
    a.start(memoryLog());
    b.start(memoryLog());
    await waitUntil(
      async () => {
        const { pending } = await db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<number>().as('pending'))
          .where('kind', '=', kind.name)
          .where('state', '!=', 'done')
          .executeTakeFirstOrThrow();
        return Number(pending) === 0;
      },
      'all jobs done',
      { timeoutMs: 120_000 },
    );
    expect(runsBy.size).toBe(count);
    const twice = [...runsBy.entries()].filter(([, runs]) => runs.length !== 1);
    expect(twice).toEqual([]);
    const byA = [...runsBy.values()].filter((r) => r[0]?.startsWith('a:')).length;
    expect(byA).toBeGreaterThan(0);
    expect(count - byA).toBeGreaterThan(0);
    const attempts = await db.selectFrom('jobs').select('attempts').where('kind', '=', kind.name).execute();
    expect(new Set(attempts.map((r) => r.attempts))).toEqual(new Set([1]));
  }, 180_000);

  it('a job running longer than the lease is renewed by its holder, never taken by the other runner', async () => {
    const name = freshKind();
    const runs: string[] = [];
    const slow = (who: string) => async () => {
      runs.push(who);
      await new Promise((r) => setTimeout(r, 4_000));
    };
    // Lease 2 s, renewed every second; the job takes 4 s.
    const a = runner({ concurrency: 1, leaseSeconds: 2 });
    const kind = a.define(name, payload, slow('a'));
    const { id } = await kind.enqueue(db, { n: 1 });
    a.start(memoryLog());
    await waitUntil(() => runs.length === 1, 'a took it');
    const b = runner({ concurrency: 1, leaseSeconds: 2 }, await replicaDb());
    b.define(name, payload, slow('b'));
    b.start(memoryLog());
    await waitUntil(async () => (await jobRow(id)).state === 'done', 'the slow job done', {
      timeoutMs: 90_000,
    });
    expect(runs).toEqual(['a']);
    expect((await jobRow(id)).attempts).toBe(1);
  }, 120_000);
});
