import { z } from 'zod';
import { type IsoDate, today } from '../../contracts/dates.js';
import type { Db } from '../../platform/db/connect.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { MailJobs } from '../../platform/mail-jobs.js';
import type { MailRefs } from '../../platform/mail-templates.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { UsersService } from '../identity/users.service.js';
import { reminderPeriod } from './domain/jury-reminders.js';
import { DEFAULT_JURY_RULES, type JuryRules, type RuleBreach } from './domain/jury-rules.js';

type Deps = {
  db: Db;
  jobs: Pick<Jobs, 'define'>;
  mail: Pick<MailJobs, 'enqueue'>;
  certifications: Pick<CertificationsService, 'summaries' | 'branchIdsOf'>;
  users: Pick<UsersService, 'branchManagersOf'>;
  /** The rules in force for a branch's session on a certification (jury-rules.service.ts). */
  rulesFor: (
    scope: { conveningBranchId: string; certificationIds: readonly string[] },
    on: IsoDate,
  ) => Promise<{ content: JuryRules } | RuleBreach>;
};

/** Sessions still open: a candidacy attached to one does not wait for a jury. */
const OPEN_SESSIONS = ['planned', 'deliberating', 'minutes', 'sealed'] as const;

export const JURY_REMINDERS_JOB = 'jury.reminders';

/** When the daily reminder run after `now` is due: 07:00 in Paris (06:00 UTC in winter) the next day. */
export function nextReminderRun(now: Date): { on: IsoDate; runAt: Date } {
  const on = today(new Date(now.getTime() + 86_400_000));
  return { on, runAt: new Date(`${on}T06:00:00Z`) };
}

/**
 * The jury's emails (issue 13, point 7) and the reminders of candidacies waiting for a jury.
 * - `jury.outcome_available`: to each candidate of a session once its minutes are sealed — that a
 *   result is there and where, never the result itself (personal data stays in the app);
 *   `outcomeAvailable(trx, juryId)` is called in the sealing transaction.
 * - `award.revoked`: to the candidate, `awardRevoked(trx, awardId)` in the revoking transaction.
 * - `jury.reminder`: a daily job (`jury.reminders`, re-enqueued for the next day by each run, one
 *   chain across replicas through its idempotency key) emails each branch's managers when
 *   candidacies wait « prêt pour le jury », in no open session, longer than the branch's rules'
 *   `reminderAfterDays` — once per candidacy and period (table jury_reminders).
 */
export function juryNotificationsFactory(deps: Deps) {
  const { db } = deps;

  // ---- the candidate's emails ----------------------------------------------------------------

  /** Enqueues, in the caller's transaction, « votre résultat est disponible » to each candidate decided on. */
  async function outcomeAvailable(trx: Db, juryId: string) {
    const rows = await trx
      .selectFrom('jury_decisions as d')
      .innerJoin('candidacies as c', 'c.id', 'd.candidacy_id')
      .select(['d.candidacy_id', 'c.candidate_id'])
      .distinct()
      .where('d.jury_id', '=', juryId)
      .execute();
    for (const r of rows)
      await deps.mail.enqueue(
        trx,
        {
          template: 'jury.outcome_available',
          to: { kind: 'candidate', id: r.candidate_id },
          refs: { juryId, candidacyId: r.candidacy_id },
        },
        { idempotencyKey: `jury.outcome_available:${juryId}:${r.candidacy_id}` },
      );
    return rows.length;
  }

  /** Enqueues, in the caller's transaction, the revocation's email to the award's candidate. */
  async function awardRevoked(trx: Db, awardId: string) {
    const award = await trx
      .selectFrom('awards')
      .select(['candidate_id'])
      .where('id', '=', awardId)
      .executeTakeFirst();
    if (!award) return;
    await deps.mail.enqueue(
      trx,
      { template: 'award.revoked', to: { kind: 'candidate', id: award.candidate_id }, refs: { awardId } },
      { idempotencyKey: `award.revoked:${awardId}` },
    );
  }

  async function certificationTitle(id: string) {
    return (await deps.certifications.summaries([id])).get(id)?.title ?? '';
  }

  async function outcomeMailValues(refs: MailRefs<'jury.outcome_available'>) {
    const row = await db
      .selectFrom('jury_candidacies as jc')
      .innerJoin('candidacies as c', 'c.id', 'jc.candidacy_id')
      .innerJoin('juries as j', 'j.id', 'jc.jury_id')
      .select(['c.certification_id', 'j.status'])
      .where('jc.jury_id', '=', refs.juryId)
      .where('jc.candidacy_id', '=', refs.candidacyId)
      .executeTakeFirst();
    if (!row || (row.status !== 'sealed' && row.status !== 'closed')) return undefined;
    return { certificationTitle: await certificationTitle(row.certification_id) };
  }

  async function revokedMailValues(refs: MailRefs<'award.revoked'>) {
    const row = await db
      .selectFrom('awards')
      .select(['certification_id', 'number', 'revoked_at'])
      .where('id', '=', refs.awardId)
      .executeTakeFirst();
    if (!row?.revoked_at) return undefined;
    return { certificationTitle: await certificationTitle(row.certification_id), number: row.number };
  }

  // ---- reminders ------------------------------------------------------------------------------

  /**
   * Reminds the branches of the candidacies waiting too long on `now`'s Paris date: each due
   * (candidacy, branch, wait, period) recorded once, then one email per branch manager listing how
   * many were reminded that day. Idempotent: a second run the same day (or on another replica)
   * finds them recorded and sends nothing. Answers how many candidacies and emails.
   */
  async function remind(now: Date = new Date()) {
    const on = today(now);
    const waiting = await db
      .selectFrom('candidacies as c')
      .select((eb) => [
        'c.id',
        'c.certification_id',
        eb
          .selectFrom('candidacy_status_history as h')
          .select((e) => e.fn.max('h.at').as('at'))
          .whereRef('h.candidacy_id', '=', 'c.id')
          .where('h.to_status', '=', 'ready_for_jury')
          .as('ready_at'),
        eb
          .selectFrom('jury_candidacies as jc')
          .innerJoin('juries as j', 'j.id', 'jc.jury_id')
          .select((e) => e.fn.max('j.closed_at').as('at'))
          .whereRef('jc.candidacy_id', '=', 'c.id')
          .as('closed_at'),
      ])
      .where('c.status', '=', 'ready_for_jury')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('jury_candidacies as jc')
              .innerJoin('juries as j', 'j.id', 'jc.jury_id')
              .select('jc.candidacy_id')
              .whereRef('jc.candidacy_id', '=', 'c.id')
              .where('j.status', 'in', [...OPEN_SESSIONS]),
          ),
        ),
      )
      .execute();
    if (waiting.length === 0) return { candidacies: 0, mails: 0 };
    const owners = await deps.certifications.branchIdsOf([
      ...new Set(waiting.map((w) => w.certification_id)),
    ]);
    // Each (branch, certification)'s delay: the rules that branch would convene it with.
    const delays = new Map<string, number>();
    for (const [certificationId, branchIds] of owners)
      for (const branchId of branchIds) {
        const rules = await deps.rulesFor(
          { conveningBranchId: branchId, certificationIds: [certificationId] },
          on,
        );
        delays.set(
          `${branchId}|${certificationId}`,
          'rule' in rules ? DEFAULT_JURY_RULES.reminderAfterDays : rules.content.reminderAfterDays,
        );
      }
    const due: {
      candidacy_id: string;
      branch_id: string;
      waiting_since: string;
      period: number;
      after_days: number;
    }[] = [];
    for (const w of waiting) {
      const since = ([w.ready_at, w.closed_at] as unknown[])
        .filter((d) => d !== null && d !== undefined)
        .map((d) => today(new Date(d as Date | string)))
        .sort()
        .pop();
      if (!since) continue;
      for (const branchId of owners.get(w.certification_id) ?? []) {
        const afterDays =
          delays.get(`${branchId}|${w.certification_id}`) ?? DEFAULT_JURY_RULES.reminderAfterDays;
        const period = reminderPeriod(since, on, afterDays);
        if (period >= 1)
          due.push({
            candidacy_id: w.id,
            branch_id: branchId,
            waiting_since: since,
            period,
            after_days: afterDays,
          });
      }
    }
    if (due.length === 0) return { candidacies: 0, mails: 0 };
    const managers = await deps.users.branchManagersOf([...new Set(due.map((d) => d.branch_id))]);
    return db.transaction().execute(async (trx) => {
      const added = await trx
        .insertInto('jury_reminders')
        .values(due.map((d) => ({ ...d, reminded_on: on })))
        .onConflict((oc) => oc.doNothing())
        .returning(['candidacy_id', 'branch_id'])
        .execute();
      let mails = 0;
      for (const branchId of new Set(added.map((a) => a.branch_id)))
        for (const userId of managers.get(branchId) ?? []) {
          const { created } = await deps.mail.enqueue(
            trx,
            { template: 'jury.reminder', to: { kind: 'user', id: userId }, refs: { branchId, on } },
            { idempotencyKey: `jury.reminder:${branchId}:${userId}:${on}` },
          );
          if (created) mails++;
        }
      return { candidacies: new Set(added.map((a) => a.candidacy_id)).size, mails };
    });
  }

  async function reminderMailValues(refs: MailRefs<'jury.reminder'>) {
    const rows = await db
      .selectFrom('jury_reminders')
      .select(['candidacy_id', 'after_days'])
      .where('branch_id', '=', refs.branchId)
      .where('reminded_on', '=', refs.on)
      .execute();
    if (rows.length === 0) return undefined;
    return {
      count: new Set(rows.map((r) => r.candidacy_id)).size,
      afterDays: Math.min(...rows.map((r) => r.after_days)),
    };
  }

  /** The daily run: remind, then enqueue the next day's run (one chain: keyed by its date). */
  const reminders = deps.jobs.define(
    JURY_REMINDERS_JOB,
    z.object({ on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
    async () => {
      await remind(new Date());
      const next = nextReminderRun(new Date());
      await reminders.enqueue(
        db,
        { on: next.on },
        { runAt: next.runAt, idempotencyKey: `${JURY_REMINDERS_JOB}:${next.on}` },
      );
    },
  );

  /** Starts the chain of daily runs (at start-up; nothing when today's run exists already). */
  function scheduleReminders(now: Date = new Date()) {
    const on = today(now);
    return reminders.enqueue(db, { on }, { idempotencyKey: `${JURY_REMINDERS_JOB}:${on}` });
  }

  return {
    outcomeAvailable,
    awardRevoked,
    outcomeMailValues,
    revokedMailValues,
    remind,
    reminderMailValues,
    scheduleReminders,
  };
}

export type JuryNotifications = ReturnType<typeof juryNotificationsFactory>;
