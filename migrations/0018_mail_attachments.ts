import { type Kysely, sql } from 'kysely';

/**
 * Files attached to emails (issue 13: a jury member's convocation carries its calendar event,
 * an .ics). The development outbox keeps them with the message, as
 * `[{filename, contentType, content}]` (text content); SMTP sends them as MIME parts and keeps
 * nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table mail_outbox add column attachments jsonb not null default '[]'::jsonb`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Qualif migrations are forward-only');
}
