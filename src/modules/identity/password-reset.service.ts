import { recordAudit } from '../../platform/audit/audit.js';
import { type AuditActor, SYSTEM_ACTOR } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/connect.js';
import type { Mailer } from '../../platform/mail.js';
import { fieldError, problems } from '../../platform/problem.js';
import { passwordProblem } from './domain/password-policy.js';
import { randomToken, tokenHash } from './domain/secrets.js';
import { hashPassword } from './passwords.js';
import type { SessionsService } from './sessions.service.js';
import { findUserByEmail } from './users.repo.js';

const RESET_TTL_MINUTES = 60;
/** An invitation leaves the person a week to choose their password. */
const INVITATION_TTL_DAYS = 7;

export function passwordResetServiceFactory({
  db,
  mailer,
  sessions,
  publicUrl,
}: {
  db: Db;
  mailer: Mailer;
  sessions: SessionsService;
  publicUrl: string;
}) {
  /** A one-time token for the account, valid `minutes`, and the link that spends it. */
  async function issueLink(trx: Db, userId: string, minutes: number): Promise<string> {
    const token = randomToken();
    await trx
      .insertInto('password_reset_tokens')
      .values({
        token_hash: tokenHash(token),
        user_id: userId,
        expires_at: new Date(Date.now() + minutes * 60 * 1000),
      })
      .execute();
    return `${publicUrl}/reinitialiser-mot-de-passe?token=${encodeURIComponent(token)}`;
  }

  /** Always answers the same way, whether the account exists or not. */
  async function request(emailInput: string): Promise<void> {
    const user = await findUserByEmail(db, emailInput.trim().toLowerCase());
    if (!user?.is_active) return;
    const link = await issueLink(db, user.id, RESET_TTL_MINUTES);
    await mailer.send({
      to: user.email,
      subject: 'Qualif — réinitialisation de votre mot de passe',
      text: [
        `Bonjour ${user.display_name},`,
        '',
        'Pour choisir un nouveau mot de passe, ouvrez ce lien :',
        link,
        '',
        `Il est valable ${RESET_TTL_MINUTES} minutes et une seule fois.`,
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
      ].join('\n'),
    });
  }

  /** Sets the new password, spends the token and ends every open session of the account. */
  async function confirm(token: string, password: string, requestId: string): Promise<void> {
    const userId = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('password_reset_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select(['t.token_hash', 'u.id', 'u.email'])
        .where('t.token_hash', '=', tokenHash(token))
        .where('t.used_at', 'is', null)
        .where('t.expires_at', '>', new Date())
        .forUpdate()
        .executeTakeFirst();
      if (!row) {
        throw problems.validation(
          [fieldError(['token'], 'Ce lien est invalide, déjà utilisé ou expiré. Demandez-en un nouveau.')],
          'Le lien de réinitialisation ne peut pas être utilisé.',
        );
      }
      const pb = passwordProblem(password, row.email);
      if (pb) throw problems.validation([fieldError(['password'], pb)]);
      await trx
        .updateTable('users')
        .set({ password_hash: await hashPassword(password), updated_at: new Date() })
        .where('id', '=', row.id)
        .execute();
      await trx
        .updateTable('password_reset_tokens')
        .set({ used_at: new Date() })
        .where('user_id', '=', row.id)
        .where('used_at', 'is', null)
        .execute();
      await sessions.revokeAllOf(trx, row.id);
      await recordAudit(trx, {
        actor: { userId: row.id, label: row.email },
        action: 'user.password_reset',
        entityType: 'user',
        entityId: row.id,
        after: { passwordChanged: true },
        requestId,
      });
      return row.id;
    });
    sessions.forgetUser(userId);
  }

  /**
   * Invites the holder of an active account to choose their password: the reset mechanism with
   * a longer-lived link, recorded in the audit trail (without the address), mailed after commit.
   */
  async function invite(
    user: { id: string; email: string; displayName: string },
    actor: AuditActor,
    requestId: string | null,
  ): Promise<void> {
    const link = await db.transaction().execute(async (trx) => {
      const issued = await issueLink(trx, user.id, INVITATION_TTL_DAYS * 24 * 60);
      await recordAudit(trx, {
        actor,
        action: 'user.invite',
        entityType: 'user',
        entityId: user.id,
        after: { invitationValidDays: INVITATION_TTL_DAYS },
        requestId,
      });
      return issued;
    });
    await mailer.send({
      to: user.email,
      subject: 'Qualif — votre compte est prêt',
      text: [
        `Bonjour ${user.displayName},`,
        '',
        'Un compte Qualif a été ouvert à votre nom. Pour choisir votre mot de passe, ouvrez ce lien :',
        link,
        '',
        `Il est valable ${INVITATION_TTL_DAYS} jours et une seule fois.`,
        'Passé ce délai, utilisez « Mot de passe oublié » sur la page de connexion.',
      ].join('\n'),
    });
  }

  /**
   * The values of the `candidate.invitation` email (platform/mail-templates.ts), asked when the
   * job sends it: a fresh one-time link, valid a week, for an active account that has no password
   * yet. An account activated since (or deactivated, or gone) → undefined: nothing is sent.
   */
  async function invitationMailValues({ userId }: { userId: string }) {
    return db.transaction().execute(async (trx) => {
      const user = await trx
        .selectFrom('users')
        .select(['id', 'is_active', 'password_hash'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!user?.is_active || user.password_hash !== null) return undefined;
      const link = await issueLink(trx, user.id, INVITATION_TTL_DAYS * 24 * 60);
      await recordAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'user.invite',
        entityType: 'user',
        entityId: user.id,
        after: { invitationValidDays: INVITATION_TTL_DAYS },
      });
      return { link, validDays: INVITATION_TTL_DAYS };
    });
  }

  /** Whether the account is active and still waits for its holder to choose a password. */
  async function awaitsActivation(userId: string): Promise<boolean> {
    const user = await db
      .selectFrom('users')
      .select(['is_active', 'password_hash'])
      .where('id', '=', userId)
      .executeTakeFirst();
    return !!user?.is_active && user.password_hash === null;
  }

  return { request, confirm, invite, invitationMailValues, awaitsActivation };
}
export type PasswordResetService = ReturnType<typeof passwordResetServiceFactory>;
