import { recordAudit } from '../platform/audit/audit.js';
import { SYSTEM_ACTOR } from '../platform/auth/actor.js';
import type { Db } from '../platform/db/connect.js';
import type { Services } from './app.js';
import { actorOf } from './demo-candidacies.js';
import { DEMO_JURY_CERTIFICATION } from './demo-juries.js';

const REQUEST_ID = 'seed-demo';

/**
 * The demo's certificate holder: Rose Exemplaire, whose full CQP-APS award the closed session
 * gave (demo-juries.ts), with her own account `titulaire@demo.qualif.test` (password
 * `qualif-demo`, created by src/app/demo.ts): « Mes certifications » with a certificate to
 * download, share and add to LinkedIn. The demo candidate (Camille) cannot hold one of that
 * session's awards: her CQP-APS candidacy is in positioning, and a candidate has one candidacy in
 * progress per certification.
 */
export const DEMO_HOLDER = { login: 'titulaire', name: 'Rose Exemplaire', birthName: 'Exemplaire' } as const;

/** The award suspended in the demo: the closed session's partial one (Adam Prototype). */
const SUSPENDED_HOLDER = 'Prototype';
const SUSPEND_REASON = 'Vérification d’une pièce du dossier en cours auprès de l’organisme (démo).';

/**
 * After the juries (issue 14, point 6): the holder's account linked to her candidate record (as
 * the enrolment's invitation links one), and one award suspended — so that the branch's awards
 * screen shows the three statuses (valid, suspended, revoked: demo-juries.ts revoked one). No
 * credential is signed and no certificate sealed here: the close enqueued the `credentials.issue`
 * jobs, which sign at serve time with the served PUBLIC_URL (a demo seeded once is served at
 * other addresses by the tests). Idempotent.
 */
export async function seedDemoCredentials(
  db: Db,
  services: Services,
  ctx: { domain: string; branchManager: { id: string; email: string; name: string }; branchId: string },
) {
  const awardOf = (birthName: string) =>
    db
      .selectFrom('awards as a')
      .innerJoin('candidates as p', 'p.id', 'a.candidate_id')
      .innerJoin('certifications as c', 'c.id', 'a.certification_id')
      .select(['a.id', 'a.candidate_id', 'p.user_id', 'a.suspended_at', 'a.revoked_at'])
      .where('p.birth_name', '=', birthName)
      .where('c.code', '=', DEMO_JURY_CERTIFICATION)
      .executeTakeFirst();

  const held = await awardOf(DEMO_HOLDER.birthName);
  const holder = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', `${DEMO_HOLDER.login}@${ctx.domain}`)
    .executeTakeFirst();
  if (held && holder && held.user_id === null)
    await db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('candidates')
        .select('id')
        .where('user_id', '=', holder.id)
        .executeTakeFirst();
      if (taken) return;
      await trx
        .updateTable('candidates')
        .set({ user_id: holder.id, updated_at: new Date() })
        .where('id', '=', held.candidate_id)
        .execute();
      await recordAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'candidate.account_link',
        entityType: 'candidate',
        entityId: held.candidate_id,
        after: { userId: holder.id },
        requestId: REQUEST_ID,
      });
    });

  const toSuspend = await awardOf(SUSPENDED_HOLDER);
  if (toSuspend && toSuspend.suspended_at === null && toSuspend.revoked_at === null) {
    const manager = actorOf(ctx.branchManager, [
      { role: 'branch_manager', scope: { type: 'branch', id: ctx.branchId } },
    ]);
    await services.awards.suspend(toSuspend.id, { reason: SUSPEND_REASON }, manager, REQUEST_ID);
  }
}
