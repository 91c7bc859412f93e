import { z } from 'zod';
import type { Db } from './db/connect.js';
import type { Enqueued, EnqueueOptions, Jobs } from './jobs/jobs.js';
import type { Mailer } from './mail.js';
import {
  MAIL_TEMPLATE_NAMES,
  MAIL_TEMPLATE_REFS,
  type MailRefs,
  type MailTemplateName,
  type MailValues,
  renderMail,
} from './mail-templates.js';

/**
 * Emails sent by the job runner (`mail.send`), so that they leave only once the change they
 * announce is committed: the caller enqueues in its own transaction, and a rolled-back
 * enrolment sends nothing; an SMTP server down is retried with the runner's backoff.
 *
 * The job holds ids only: the template, the recipient as `{kind, id}` (a user account or a
 * candidate) and the template's `refs`. At send time, the address is asked of the recipient
 * kind's address book and the template's values of its loader — both registered at
 * composition by the module owning those records (platform imports no module). A recipient
 * without an address (none given, or erased since) or records gone since → nothing is sent,
 * and the job is done.
 */
export const RECIPIENT_KINDS = ['user', 'candidate'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export type Recipient = { kind: RecipientKind; id: string };

/** An email address for an id, or undefined when there is none to write to. */
export type AddressBook = (id: string) => Promise<string | undefined>;
/** The template's values for its refs, or undefined when the records are gone. */
export type MailValuesLoader<T extends MailTemplateName> = (
  refs: MailRefs<T>,
) => Promise<MailValues[T] | undefined>;

const payloadSchema = z
  .object({
    template: z.enum(MAIL_TEMPLATE_NAMES as [MailTemplateName, ...MailTemplateName[]]),
    to: z.object({ kind: z.enum(RECIPIENT_KINDS), id: z.uuid() }).strict(),
    refs: z.record(z.string(), z.string()),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!MAIL_TEMPLATE_REFS[p.template].safeParse(p.refs).success) {
      ctx.addIssue({ code: 'custom', path: ['refs'], message: `refs do not fit the template ${p.template}` });
    }
  });

/** Runs once a template's email has left (e.g. to record when a convocation was sent). */
export type MailSentHook<T extends MailTemplateName> = (refs: MailRefs<T>) => Promise<void>;

export const MAIL_JOB_KIND = 'mail.send';

export function createMailJobs(deps: { jobs: Jobs; mailer: Mailer; publicUrl: string }) {
  const addressBooks = new Map<RecipientKind, AddressBook>();
  const loaders = new Map<MailTemplateName, MailValuesLoader<MailTemplateName>>();
  const sentHooks = new Map<MailTemplateName, MailSentHook<MailTemplateName>>();

  const kind = deps.jobs.define(MAIL_JOB_KIND, payloadSchema, async (payload, ctx) => {
    const book = addressBooks.get(payload.to.kind);
    if (!book) throw new Error(`no address book for recipients of kind ${payload.to.kind}`);
    const load = loaders.get(payload.template);
    if (!load) throw new Error(`no values loader for the template ${payload.template}`);
    const address = await book(payload.to.id);
    if (!address) {
      ctx.log.info(
        { jobId: ctx.jobId, template: payload.template },
        'mail not sent: the recipient has no address',
      );
      return;
    }
    const refs = MAIL_TEMPLATE_REFS[payload.template].parse(payload.refs);
    const values = await load(refs);
    if (!values) {
      ctx.log.info({ jobId: ctx.jobId, template: payload.template }, 'mail not sent: its records are gone');
      return;
    }
    const mail = renderMail(payload.template, values, deps.publicUrl);
    await deps.mailer.send({ to: address, ...mail });
    await sentHooks.get(payload.template)?.(refs);
  });

  return {
    /**
     * Enqueues an email in `db` — the caller's transaction. Pass an idempotency key when the
     * same event could be enqueued twice (e.g. `candidacy.enrolled:<candidacyId>`).
     */
    enqueue<T extends MailTemplateName>(
      db: Db,
      mail: { template: T; to: Recipient; refs: MailRefs<T> },
      options?: EnqueueOptions,
    ): Promise<Enqueued> {
      return kind.enqueue(db, { template: mail.template, to: mail.to, refs: mail.refs }, options);
    },
    /**
     * Enqueues many emails in `db` (the caller's transaction) with multi-row inserts — a bulk
     * enrolment's — and answers how many were added (an idempotency key already queued adds none).
     */
    enqueueMany<T extends MailTemplateName>(
      db: Db,
      mails: readonly { template: T; to: Recipient; refs: MailRefs<T>; idempotencyKey?: string }[],
    ): Promise<number> {
      return kind.enqueueMany(
        db,
        mails.map((m) => ({
          payload: { template: m.template, to: m.to, refs: m.refs },
          ...(m.idempotencyKey ? { idempotencyKey: m.idempotencyKey } : {}),
        })),
      );
    },
    /** Where the addresses of a kind of recipient come from (one book per kind). */
    provideAddresses(recipientKind: RecipientKind, book: AddressBook) {
      if (addressBooks.has(recipientKind)) throw new Error(`addresses of ${recipientKind} already provided`);
      addressBooks.set(recipientKind, book);
    },
    /** Where a template's values come from (one loader per template). */
    provideValues<T extends MailTemplateName>(template: T, loader: MailValuesLoader<T>) {
      if (loaders.has(template)) throw new Error(`values of ${template} already provided`);
      loaders.set(template, loader as unknown as MailValuesLoader<MailTemplateName>);
    },
    /** What to do once a template's email has left (one hook per template). */
    afterSent<T extends MailTemplateName>(template: T, hook: MailSentHook<T>) {
      if (sentHooks.has(template)) throw new Error(`after-sent hook of ${template} already provided`);
      sentHooks.set(template, hook as unknown as MailSentHook<MailTemplateName>);
    },
  };
}

export type MailJobs = ReturnType<typeof createMailJobs>;
