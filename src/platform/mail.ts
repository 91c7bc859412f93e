import nodemailer from 'nodemailer';
import type { Db } from './db/connect.js';
import type { MailAttachment } from './mail-templates.js';

export type OutgoingMail = { to: string; subject: string; text: string; attachments?: MailAttachment[] };

export type Mailer = {
  send(mail: OutgoingMail): Promise<void>;
  readonly transport: 'outbox' | 'smtp';
};

/**
 * Development: messages land in the `mail_outbox` table, shown at /dev/boite-envoi (attached
 * files in its `attachments`). Production: SMTP through nodemailer (attached files as MIME
 * parts); nothing of the message is kept.
 */
export function createMailer(opts: {
  db: Db;
  transport: 'outbox' | 'smtp';
  smtpUrl: string | undefined;
  from: string;
}): Mailer {
  if (opts.transport === 'outbox') {
    return {
      transport: 'outbox',
      async send(mail) {
        await opts.db
          .insertInto('mail_outbox')
          .values({
            recipient: mail.to,
            subject: mail.subject,
            body_text: mail.text,
            transport: 'outbox',
            attachments: JSON.stringify(mail.attachments ?? []),
          })
          .execute();
      },
    };
  }
  if (!opts.smtpUrl) throw new Error('SMTP_URL is required for the smtp mail transport');
  const transporter = nodemailer.createTransport(opts.smtpUrl);
  return {
    transport: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.attachments?.length
          ? {
              attachments: mail.attachments.map((a) => ({
                filename: a.filename,
                contentType: a.contentType,
                content: a.content,
              })),
            }
          : {}),
      });
    },
  };
}
