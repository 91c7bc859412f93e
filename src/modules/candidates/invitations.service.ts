import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.js';
import { type AuditActor, SYSTEM_ACTOR } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/connect.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { MailJobs } from '../../platform/mail-jobs.js';
import type { UsersService } from '../identity/users.service.js';

/** The job that creates (or finds) a candidate's account, links it and sends the invitation. */
export const CANDIDATE_INVITE_JOB = 'candidate.invite';

export type InvitationOutcome = 'invited' | 'existing' | 'none';

/**
 * A candidate with an email is invited to create their account (role candidate, over their own
 * data only): identity's account of that address — created without a password, or an existing
 * one given the candidate role — is linked to the candidate (`candidates.user_id`), and the
 * `candidate.invitation` email is enqueued (mail.send job): its one-time link (identity's
 * password-reset tokens, valid a week) is issued when the email is sent, and only while the
 * account still has no password.
 *
 * The single enrolment calls `invite` after its commit; a bulk enrolment enqueues one
 * `candidate.invite` job per new candidate in its transaction (`enqueueInvitations`), so that
 * 10,000 rows do not create 10,000 accounts inside the request.
 */
export function invitationsServiceFactory(deps: {
  db: Db;
  jobs: Pick<Jobs, 'define'>;
  mail: Pick<MailJobs, 'enqueue'>;
  users: Pick<UsersService, 'ensureCandidateAccount'>;
}) {
  const { db } = deps;
  const job = deps.jobs.define(
    CANDIDATE_INVITE_JOB,
    z.object({ candidateId: z.uuid() }).strict(),
    async (p) => {
      await invite(p.candidateId, SYSTEM_ACTOR, null);
    },
  );

  /**
   * The candidate's account made or found and linked, and the invitation email enqueued.
   * `none`: no email, merged, anonymised, or the address's account already belongs to another
   * candidate record. Idempotent: an account already linked is reused.
   */
  async function invite(
    candidateId: string,
    actor: AuditActor,
    requestId: string | null,
  ): Promise<InvitationOutcome> {
    const person = await db
      .selectFrom('candidates')
      .select(['id', 'email', 'birth_name', 'usage_name', 'first_names', 'user_id'])
      .where('id', '=', candidateId)
      .where('merged_into_id', 'is', null)
      .where('anonymised_at', 'is', null)
      .executeTakeFirst();
    if (!person?.email) return 'none';
    let userId = person.user_id;
    let outcome: InvitationOutcome = 'existing';
    if (userId === null) {
      const account = await deps.users.ensureCandidateAccount(
        {
          email: person.email,
          displayName: `${person.first_names[0]} ${person.usage_name ?? person.birth_name}`,
        },
        actor,
        requestId,
        { invite: false },
      );
      outcome = account.invited ? 'invited' : 'existing';
      userId = account.userId;
    }
    const linkedUserId = userId;
    const done = await db.transaction().execute(async (trx) => {
      if (person.user_id === null) {
        const taken = await trx
          .selectFrom('candidates')
          .select('id')
          .where('user_id', '=', linkedUserId)
          .executeTakeFirst();
        if (taken) return false;
        await trx
          .updateTable('candidates')
          .set({ user_id: linkedUserId, updated_at: new Date() })
          .where('id', '=', candidateId)
          .execute();
        await recordAudit(trx, {
          actor,
          action: 'candidate.account_link',
          entityType: 'candidate',
          entityId: candidateId,
          after: { userId: linkedUserId },
          requestId,
        });
      }
      await deps.mail.enqueue(trx, {
        template: 'candidate.invitation',
        to: { kind: 'user', id: linkedUserId },
        refs: { userId: linkedUserId },
      });
      await recordAudit(trx, {
        actor,
        action: 'candidate.invite',
        entityType: 'candidate',
        entityId: candidateId,
        after: { userId: linkedUserId },
        requestId,
      });
      return true;
    });
    return done ? outcome : 'none';
  }

  /** One `candidate.invite` job per candidate, in the caller's transaction (bulk enrolment). */
  async function enqueueInvitations(trx: Db, candidateIds: readonly string[]): Promise<number> {
    return job.enqueueMany(
      trx,
      candidateIds.map((candidateId) => ({
        payload: { candidateId },
        idempotencyKey: `${CANDIDATE_INVITE_JOB}:${candidateId}`,
      })),
    );
  }

  return { invite, enqueueInvitations };
}

export type InvitationsService = ReturnType<typeof invitationsServiceFactory>;
