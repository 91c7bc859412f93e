import { today } from '../contracts/dates.js';
import type { College, JuryOutcome } from '../contracts/juries.js';
import { DEFAULT_JURY_RULES, type JuryRules } from '../modules/candidates/domain/jury-rules.js';
import { type Actor, SYSTEM_ADMIN } from '../platform/auth/actor.js';
import type { Db } from '../platform/db/connect.js';
import type { Services } from './app.js';
import { actorOf } from './demo-candidacies.js';

const REQUEST_ID = 'seed-demo';

/**
 * The demo's jury members beyond `jury_member@demo.qualif.test` (Juliette Jury, college
 * employers): accounts `<login>@demo.qualif.test`, password `qualif-demo` (src/app/demo.ts
 * creates them), habilitated for CQP-APS, so that a jury has two members of each college.
 */
export const DEMO_JURY_MEMBERS = [
  {
    login: 'jury2',
    name: 'Jacques Paritaire',
    college: 'employees',
    designatedBy: 'Syndicat des salariés de la sécurité (démo)',
  },
  {
    login: 'jury3',
    name: 'Josiane Jurée',
    college: 'employers',
    designatedBy: 'Fédération des entreprises de sécurité (démo)',
  },
  {
    login: 'jury4',
    name: 'Jean Assesseur',
    college: 'employees',
    designatedBy: 'Union syndicale de la branche (démo)',
  },
] as const satisfies readonly { login: string; name: string; college: College; designatedBy: string }[];

/** The demo's jury certification: CQP-APS, registered in the RNCP in the demo catalogue. */
export const DEMO_JURY_CERTIFICATION = 'CQP-APS';

/** The rules the demo branch recorded (the defaults, with a 30-day reminder and a named note). */
const DEMO_RULES: JuryRules = { ...DEFAULT_JURY_RULES, reminderAfterDays: 30 };

/**
 * The demo's candidacies (demo-candidacies.ts, by birth name) a jury decides on: the closed
 * session's (one full award, one partial, one full award revoked since, one refused) and the open
 * session's.
 * Factice (Nora) stays « prêt pour le jury » in no session.
 */
const CLOSED: readonly { birthName: string; outcome: JuryOutcome; validated: readonly string[] }[] = [
  { birthName: 'Exemplaire', outcome: 'full', validated: ['BC01', 'BC02', 'BC03'] },
  { birthName: 'Prototype', outcome: 'partial', validated: ['BC01', 'BC02'] },
  { birthName: 'Témoin', outcome: 'full', validated: ['BC01', 'BC02', 'BC03'] },
  { birthName: 'Croquis', outcome: 'refused', validated: [] },
];
const DECISION_TEXTS: Partial<Record<JuryOutcome, { reasons: string; recommendations?: string }>> = {
  full: { reasons: 'Toutes les compétences des trois blocs sont attestées (démo).' },
  partial: {
    reasons: 'Bloc 3 : les mises en situation de secours n’ont pas été probantes (démo).',
    recommendations:
      'Renforcer la pratique des premiers secours (SST) et se présenter au bloc 3 lors d’un prochain jury.',
  },
  refused: {
    reasons: 'Les compétences attendues ne sont pas encore attestées dans les trois blocs (démo).',
    recommendations:
      'Reprendre le parcours de formation avec des mises en situation sur site, puis se présenter à nouveau.',
  },
};
const OPEN: readonly string[] = ['Calque', 'Esquisse'];
const REVOKED = 'Témoin';

/**
 * The services of the minutes (jury-minutes.service.ts) and of the close (awards.service.ts), as
 * the demo calls them; absent from an app that does not compose them (the demo then stops before
 * the seal).
 */
type JuryPorts = {
  juryMinutes?: {
    generate(id: string, actor: Actor, requestId: string): Promise<{ sha256: string }>;
    sign(
      id: string,
      body: { sha256?: string },
      actor: Actor,
      requestId: string,
    ): Promise<{ sealed: boolean }>;
  };
  awards?: {
    close(id: string, actor: Actor, requestId: string): Promise<unknown>;
    revoke(id: string, body: { reason: string }, actor: Actor, requestId: string): Promise<unknown>;
  };
};

export type DemoJuryContext = {
  /** The demo accounts' email domain. */
  domain: string;
  branchId: string;
  branchManager: { id: string; email: string; name: string };
  /** Juliette Jury (jury_member@…), college employers. */
  juryMember: string;
};

async function userIdOf(db: Db, email: string) {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function certificationId(db: Db): Promise<string | undefined> {
  return (
    await db
      .selectFrom('certifications')
      .select('id')
      .where('code', '=', DEMO_JURY_CERTIFICATION)
      .executeTakeFirst()
  )?.id;
}

/**
 * The demo jury members' habilitations on CQP-APS (college and designating organisation) and the
 * branch's jury rules. Idempotent.
 */
export async function seedDemoJuryMembers(db: Db, services: Services, domain: string, branchId: string) {
  const certId = await certificationId(db);
  if (!certId) return;
  const year = new Date().getUTCFullYear();
  for (const m of DEMO_JURY_MEMBERS) {
    const userId = await userIdOf(db, `${m.login}@${domain}`);
    const held = await db
      .selectFrom('habilitations')
      .select('id')
      .where('user_id', '=', userId)
      .where('certification_id', '=', certId)
      .executeTakeFirst();
    if (held) continue;
    await services.catalogue.habilitations.create(
      certId,
      {
        kind: 'jury_member',
        userId,
        validFrom: '2025-01-01',
        validTo: `${year + 2}-12-31`,
        college: m.college,
        designatedBy: m.designatedBy,
      },
      SYSTEM_ADMIN,
      REQUEST_ID,
    );
  }
  if ((await services.juryRules.listForBranch(branchId, SYSTEM_ADMIN)).items.length === 0)
    await services.juryRules.createForBranch(
      branchId,
      {
        effectiveFrom: '2024-01-01',
        content: DEMO_RULES,
        note: 'Accord de branche du 12 décembre 2023 relatif aux jurys paritaires (démo).',
      },
      SYSTEM_ADMIN,
      REQUEST_ID,
    );
}

/**
 * The demo's jury sessions (issue 13, point 8), through the services as the people would do it:
 * on CQP-APS, a session held today and closed — its decisions posted, minutes signed and sealed,
 * awards created (one full, one partial, and one full award revoked since) — and a session
 * convened for today, Juliette Jury on it, to deliberate on two more candidacies. Idempotent:
 * nothing is done when the branch has convened a session already.
 */
export async function seedDemoJuries(db: Db, services: Services, ctx: DemoJuryContext) {
  const certId = await certificationId(db);
  if (!certId) return { sessions: 0 };
  if (
    await db
      .selectFrom('juries')
      .select('id')
      .where('convening_branch_id', '=', ctx.branchId)
      .executeTakeFirst()
  )
    return { sessions: 0 };
  const manager: Actor = actorOf(ctx.branchManager, [
    { role: 'branch_manager', scope: { type: 'branch', id: ctx.branchId } },
  ]);
  const date = today();
  // The president's college alternates by year (the demo rules): employers in even years.
  const rule = DEMO_RULES.president;
  const presidentCollege: College =
    rule.rule === 'alternate_by_year' && Number(date.slice(0, 4)) % 2 !== 0
      ? rule.evenYears === 'employers'
        ? 'employees'
        : 'employers'
      : 'employers';
  const members = [
    { userId: ctx.juryMember, college: 'employers' as College },
    ...(await Promise.all(
      DEMO_JURY_MEMBERS.map(async (m) => ({
        userId: await userIdOf(db, `${m.login}@${ctx.domain}`),
        college: m.college as College,
      })),
    )),
  ];
  // Juliette Jury presides when her college does; else the first member of the other college.
  const president = members.find((m) => m.college === presidentCollege) as { userId: string };
  const roles = members.map((m) => ({
    userId: m.userId,
    role: m.userId === president.userId ? ('president' as const) : ('member' as const),
  }));
  const candidacies = async (birthNames: readonly string[]) => {
    const rows = await db
      .selectFrom('candidacies as c')
      .innerJoin('candidates as p', 'p.id', 'c.candidate_id')
      .select(['c.id', 'p.birth_name'])
      .where('c.certification_id', '=', certId)
      .where('c.status', '=', 'ready_for_jury')
      .where('p.birth_name', 'in', [...birthNames])
      .execute();
    return new Map(rows.map((r) => [r.birth_name, r.id]));
  };

  // The closed session: convened, attended, deliberated, minutes signed and sealed, closed.
  const closedIds = await candidacies(CLOSED.map((c) => c.birthName));
  const { id: closedJury } = await services.juries.create(
    {
      certificationIds: [certId],
      date,
      startsAt: '09:00',
      place: 'Paris, siège de la branche — salle du conseil (démo)',
      members: roles,
      candidacyIds: [...closedIds.values()],
    },
    manager,
    REQUEST_ID,
  );
  await services.juries.putAttendance(
    closedJury,
    {
      members: members.map((m, i) => ({
        userId: m.userId,
        presence: i === 3 ? ('remote' as const) : ('present' as const),
      })),
    },
    manager,
    REQUEST_ID,
  );
  for (const c of CLOSED) {
    const candidacyId = closedIds.get(c.birthName);
    if (!candidacyId) continue;
    await services.juries.decide(
      closedJury,
      {
        candidacyId,
        blocs: ['BC01', 'BC02', 'BC03'].map((code) => ({ code, validated: c.validated.includes(code) })),
        outcome: c.outcome,
        ...DECISION_TEXTS[c.outcome],
      },
      manager,
      REQUEST_ID,
    );
  }
  const sealed = await sealAndClose(closedJury, roles, manager);

  // A full award revoked since (a forged document found after the close).
  if (sealed) {
    const revokedCandidacy = closedIds.get(REVOKED);
    const award = await db
      .selectFrom('awards')
      .select('id')
      .where('jury_id', '=', closedJury)
      .where('candidacy_id', '=', revokedCandidacy ?? '')
      .executeTakeFirst();
    const { awards } = services as unknown as JuryPorts;
    if (award && awards)
      await awards.revoke(
        award.id,
        { reason: 'Attestation d’expérience falsifiée, constatée après la clôture (démo).' },
        manager,
        REQUEST_ID,
      );
  }

  // The open session: convened for today, to attend and deliberate.
  const openIds = await candidacies(OPEN);
  await services.juries.create(
    {
      certificationIds: [certId],
      date,
      startsAt: '14:00',
      place: 'Lyon, délégation régionale (démo)',
      remote: true,
      members: roles,
      candidacyIds: [...openIds.values()],
    },
    manager,
    REQUEST_ID,
  );
  return { sessions: 2 };

  /**
   * Minutes generated, signed by those the rules require (the president and the members present
   * or remote), sealed by the last signature, then the session closed. Answers whether it closed.
   */
  async function sealAndClose(juryId: string, signers: readonly { userId: string }[], staff: Actor) {
    const { juryMinutes, awards } = services as unknown as JuryPorts;
    if (!juryMinutes || !awards) return false;
    const { sha256 } = await juryMinutes.generate(juryId, staff, REQUEST_ID);
    const accounts = await db
      .selectFrom('users')
      .select(['id', 'email', 'display_name'])
      .where(
        'id',
        'in',
        signers.map((m) => m.userId),
      )
      .execute();
    let sealed = false;
    for (const a of accounts) {
      if (sealed) break;
      const member = actorOf({ id: a.id, email: a.email, name: a.display_name }, [
        { role: 'jury_member', scope: { type: 'self' } },
      ]);
      ({ sealed } = await juryMinutes.sign(juryId, { sha256 }, member, REQUEST_ID));
    }
    if (!sealed) return false;
    await awards.close(juryId, staff, REQUEST_ID);
    return true;
  }
}
