import { z } from 'zod';
import { type IsoDate, today } from '../../contracts/dates.js';
import type { Db } from '../../platform/db/connect.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { MailJobs } from '../../platform/mail-jobs.js';
import type { MailRefs } from '../../platform/mail-templates.js';
import type { CertificationsService } from '../catalogue/certifications.service.js';
import type { UsersService } from '../identity/users.service.js';
import type { CdcService } from './cdc.service.js';

export const CDC_REMINDERS_JOB = 'cdc.reminders';
/** A deposit due within this many days is announced with the late and refused ones. */
export const DUE_SOON_DAYS = 30;

/** When the daily run after `now` is due: 07:00 in Paris (06:00 UTC in winter) the next day. */
export function nextCdcReminderRun(now: Date): { on: IsoDate; runAt: Date } {
  const on = today(new Date(now.getTime() + 86_400_000));
  return { on, runAt: new Date(`${on}T06:00:00Z`) };
}

function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The daily reminder of deposits to the Caisse des Dépôts (issue 14, point 4), after the jury
 * reminders' pattern (candidates/jury-notifications.ts): a job `cdc.reminders`, re-enqueued for
 * the next day by each run (one chain across replicas through its idempotency key), emails each
 * branch's managers — once a day per manager (`cdc.reminder:<branch>:<user>:<day>`) — when its
 * certifications have deposits late, refused by the CDC, or due within 30 days. The email gives
 * counts only, computed when it is sent; no name.
 */
export function cdcRemindersFactory(deps: {
  db: Db;
  jobs: Pick<Jobs, 'define'>;
  mail: Pick<MailJobs, 'enqueue'>;
  certifications: Pick<CertificationsService, 'legalOwners' | 'branchIdsOf'>;
  users: Pick<UsersService, 'branchManagersOf'>;
  cdc: Pick<CdcService, 'branchDeadlines'>;
}) {
  const { db } = deps;

  async function countsOf(branchId: string, on: IsoDate) {
    const d = await deps.cdc.branchDeadlines(branchId, on);
    const soon = addDays(on, DUE_SOON_DAYS);
    return {
      late: d.late.length,
      rejected: d.rejected.length,
      dueSoon: d.due.filter((i) => i.deadline <= soon).length,
    };
  }

  /** One run: enqueues the day's emails; answers how many. */
  async function remind(now: Date = new Date()) {
    const on = today(now);
    const certs = await deps.certifications.legalOwners();
    const owners = await deps.certifications.branchIdsOf(certs.map((c) => c.id));
    const branches = [...new Set([...owners.values()].flat())].sort();
    const due: string[] = [];
    for (const branchId of branches) {
      const c = await countsOf(branchId, on);
      if (c.late + c.rejected + c.dueSoon > 0) due.push(branchId);
    }
    if (due.length === 0) return { branches: 0, mails: 0 };
    const managers = await deps.users.branchManagersOf(due);
    let mails = 0;
    await db.transaction().execute(async (trx) => {
      for (const branchId of due)
        for (const userId of managers.get(branchId) ?? []) {
          const { created } = await deps.mail.enqueue(
            trx,
            { template: 'cdc.reminder', to: { kind: 'user', id: userId }, refs: { branchId, on } },
            { idempotencyKey: `cdc.reminder:${branchId}:${userId}:${on}` },
          );
          if (created) mails++;
        }
    });
    return { branches: due.length, mails };
  }

  /** The email's counts, when it is sent (undefined: nothing left to say, no email). */
  async function reminderMailValues(refs: MailRefs<'cdc.reminder'>) {
    const c = await countsOf(refs.branchId, refs.on);
    return c.late + c.rejected + c.dueSoon > 0 ? c : undefined;
  }

  const reminders = deps.jobs.define(
    CDC_REMINDERS_JOB,
    z.object({ on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
    async () => {
      await remind(new Date());
      const next = nextCdcReminderRun(new Date());
      await reminders.enqueue(
        db,
        { on: next.on },
        { runAt: next.runAt, idempotencyKey: `${CDC_REMINDERS_JOB}:${next.on}` },
      );
    },
  );

  /** Starts the chain of daily runs (at start-up; nothing when today's run exists already). */
  function scheduleReminders(now: Date = new Date()) {
    const on = today(now);
    return reminders.enqueue(db, { on }, { idempotencyKey: `${CDC_REMINDERS_JOB}:${on}` });
  }

  return { remind, reminderMailValues, scheduleReminders };
}

export type CdcReminders = ReturnType<typeof cdcRemindersFactory>;
