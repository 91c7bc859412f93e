import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { type JuryRules, signersRequired } from './domain/jury-rules.js';

type Q = Kysely<Database>;

/** The session's current minutes (the one not invalidated), without its bytes. */
export async function currentMinutes(db: Q, juryId: string) {
  return db
    .selectFrom('jury_minutes')
    .select(['id', 'version', 'sha256', 'decision_ids', 'generated_at', 'sealed_sha256', 'sealed_at'])
    .where('jury_id', '=', juryId)
    .where('invalidated_at', 'is', null)
    .executeTakeFirst();
}

export async function signaturesOf(db: Q, minutesId: string) {
  return db
    .selectFrom('jury_minutes_signatures')
    .select(['user_id', 'role', 'sha256', 'signed_at'])
    .where('minutes_id', '=', minutesId)
    .orderBy('signed_at')
    .orderBy('user_id')
    .execute();
}

/**
 * What the session's answer says of its minutes (null: none generated, or the last invalidated):
 * version, hash, whether sealed, who signed and when, who must still sign (rules' `signatures`).
 */
export async function minutesView(
  db: Q,
  jury: {
    id: string;
    members: readonly {
      user_id: string;
      role: 'president' | 'member';
      presence: 'present' | 'remote' | 'absent' | null;
    }[];
  },
  rules: JuryRules,
  names: ReadonlyMap<string, string>,
) {
  const minutes = await currentMinutes(db, jury.id);
  if (!minutes) return null;
  const signatures = await signaturesOf(db, minutes.id);
  const signed = new Set(signatures.map((s) => s.user_id));
  const required = signersRequired(
    rules,
    jury.members.map((m) => ({ userId: m.user_id, role: m.role, presence: m.presence })),
  );
  return {
    version: minutes.version,
    sha256: minutes.sha256,
    generatedAt: new Date(minutes.generated_at).toISOString(),
    sealed: minutes.sealed_at !== null,
    sealedAt: minutes.sealed_at === null ? null : new Date(minutes.sealed_at).toISOString(),
    sealedSha256: minutes.sealed_sha256,
    signatures: signatures.map((s) => ({
      userId: s.user_id,
      name: names.get(s.user_id) ?? null,
      role: s.role,
      signedAt: new Date(s.signed_at).toISOString(),
    })),
    missingSigners: required
      .filter((id) => !signed.has(id))
      .map((userId) => ({ userId, name: names.get(userId) ?? null })),
  };
}
export type MinutesView = NonNullable<Awaited<ReturnType<typeof minutesView>>>;
