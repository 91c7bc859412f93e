import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/connect.js';
import type { Mailer } from '../../platform/mail.js';
import { fieldError, problems } from '../../platform/problem.js';
import { passwordProblem } from './domain/password-policy.js';
import { randomToken, tokenHash } from './domain/secrets.js';
import { hashPassword } from './passwords.js';
import type { SessionsService } from './sessions.service.js';
import { findUserByEmail } from './users.repo.js';

const RESET_TTL_MINUTES = 60;

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
  /** Always answers the same way, whether the account exists or not. */
  async function request(emailInput: string): Promise<void> {
    const user = await findUserByEmail(db, emailInput.trim().toLowerCase());
    if (!user?.is_active) return;
    const token = randomToken();
    await db
      .insertInto('password_reset_tokens')
      .values({
        token_hash: tokenHash(token),
        user_id: user.id,
        expires_at: new Date(Date.now() + RESET_TTL_MINUTES * 60 * 1000),
      })
      .execute();
    const link = `${publicUrl}/reinitialiser-mot-de-passe?token=${encodeURIComponent(token)}`;
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

  return { request, confirm };
}
export type PasswordResetService = ReturnType<typeof passwordResetServiceFactory>;
