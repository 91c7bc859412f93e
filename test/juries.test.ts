import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_JURY_RULES } from '../src/modules/candidates/domain/jury-rules.js';
import { type Factories, factories, TEST_PASSWORD } from './factories.js';
import { mailByJobsEnv, type SmtpPeer, startSmtpPeer, subjectOf } from './smtp-peer.js';
import { createTestApp, type Signed, signIn, type TestApp } from './support.js';
import { waitUntil } from './wait.js';

/**
 * Jury sessions (issue 13, points 2–3), through HTTP on a real database: convening against the
 * branch's rules (colleges, habilitations on the date, candidacies ready for a jury), the
 * convocations by email with their .ics (a real SMTP peer), attendance and quorum, decisions
 * per bloc checked against the outcome, corrections by the president (append-only), members
 * excluded by a declared link, and who may do what.
 */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const DATE = `${NEXT_YEAR}-03-20`;

let smtp: SmtpPeer;
let t: TestApp;
let f: Factories;
type Person = { id: string; email: string; displayName: string; signed: Signed };
let managerA: Signed;
let managerB: Signed;
let emp1: Person;
let emp2: Person;
let sal1: Person;
let sal2: Person;
/** A jury member habilitated for the certification, in no session. */
let outsider: Person;
/** A jury member with no habilitation. */
let unhabilitated: Person;
let cert: { id: string };
let org: { id: string };
/** c1: two evaluators who differ on BC02; c6: linked to sal2. */
const c: Record<string, string> = {};
let juryId: string;

const sign = async (p: { id: string; email: string; displayName: string }): Promise<Person> => ({
  ...p,
  signed: await signIn(t.app, p.email, TEST_PASSWORD),
});

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ demo: false, env: mailByJobsEnv(smtp) });
  f = factories(t.services);
  const branchA = await f.newBranch();
  const branchB = await f.newBranch();
  org = await f.newOrganisation('training_org');
  cert = await f.newEnrollableCertification([branchA.id], [org.id]);
  await f.newJuryRules(branchA.id, { content: { president: { rule: 'any' } } });
  managerA = (await sign(await f.newUser('branch_manager', { branchId: branchA.id }))).signed;
  managerB = (await sign(await f.newUser('branch_manager', { branchId: branchB.id }))).signed;
  emp1 = await sign(await f.newJuryMember(cert.id, 'employers'));
  emp2 = await sign(await f.newJuryMember(cert.id, 'employers', 'Autre fédération (test)'));
  sal1 = await sign(await f.newJuryMember(cert.id, 'employees'));
  sal2 = await sign(await f.newJuryMember(cert.id, 'employees'));
  outsider = await sign(await f.newJuryMember(cert.id, 'employees'));
  unhabilitated = await sign(await f.newUser('jury_member'));
  c.c1 = (await f.newReadyCandidacy(cert.id, org.id, { evaluators: 2, notMet: { 1: ['BC02'] } })).id;
  for (const k of ['c2', 'c3', 'c4', 'c5']) c[k] = (await f.newReadyCandidacy(cert.id, org.id)).id;
  c.c6 = (await f.newReadyCandidacy(cert.id, org.id, { links: [sal2.id] })).id;
  c.notReady = (await f.newCandidacy({ certificationId: cert.id, trainingOrganisationId: org.id })).id;
}, 240_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

function call(who: Signed, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
  });
}
const members = (president: Person, ...others: Person[]) => [
  { userId: president.id, role: 'president' },
  ...others.map((o) => ({ userId: o.id, role: 'member' })),
];
const body = (over: object = {}) => ({
  certificationIds: [cert.id],
  date: DATE,
  startsAt: '09:30',
  place: 'Paris, salle du conseil',
  members: members(emp1, emp2, sal1, sal2),
  candidacyIds: Object.entries(c)
    .filter(([k]) => k !== 'notReady')
    .map(([, id]) => id),
  ...over,
});

describe('convening', () => {
  it('refuses a jury of one college, naming the rule on members', async () => {
    const res = await call(managerA, 'POST', '/api/v1/juries', body({ members: members(emp1, emp2) }));
    expect(res.statusCode, res.body).toBe(422);
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(new Set(pointers)).toEqual(new Set(['#/members']));
    expect(res.json().detail).toContain('colleges.minPerCollege');
    expect(
      res
        .json()
        .errors.map((e: { detail: string }) => e.detail)
        .join(' '),
    ).toContain('colleges.minPerCollege');
  });

  it('refuses a member without a jury-member habilitation on the date', async () => {
    const res = await call(
      managerA,
      'POST',
      '/api/v1/juries',
      body({ members: members(emp1, sal1, unhabilitated) }),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ pointer: '#/members/2/userId', detail: expect.stringContaining(DATE) }),
    ]);
  });

  it('refuses a candidacy not ready for a jury, and a date already past', async () => {
    const res = await call(
      managerA,
      'POST',
      '/api/v1/juries',
      body({ candidacyIds: [c.c1, c.notReady], date: `${NEXT_YEAR - 2}-01-10` }),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['#/candidacyIds/1', '#/date']);
  });

  it('another branch cannot convene on this certification', async () => {
    const res = await call(managerB, 'POST', '/api/v1/juries', body());
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors[0].pointer).toBe('#/certificationIds/0');
  });

  it('accepts both colleges, takes college and organisation from the habilitation', async () => {
    const res = await call(managerA, 'POST', '/api/v1/juries', body());
    expect(res.statusCode, res.body).toBe(201);
    juryId = res.json().id;
    const jury = (await call(managerA, 'GET', `/api/v1/juries/${juryId}`)).json();
    expect(jury.status).toBe('planned');
    expect(jury.startsAt).toBe('09:30');
    // The rules applied, whole (the web app asks for votes when they require them).
    expect(jury.rules).toMatchObject({
      effectiveFrom: '2020-01-01',
      content: { ...DEFAULT_JURY_RULES, president: { rule: 'any' } },
    });
    const byId = new Map(jury.members.map((m: { userId: string }) => [m.userId, m]));
    expect(byId.get(emp1.id)).toMatchObject({
      role: 'president',
      college: 'employers',
      organisation: 'Fédération patronale (test)',
      name: emp1.displayName,
      presence: null,
    });
    expect(byId.get(emp2.id)).toMatchObject({
      college: 'employers',
      organisation: 'Autre fédération (test)',
    });
    expect(byId.get(sal1.id)).toMatchObject({ college: 'employees', role: 'member' });
    expect(jury.attendance.quorum).toMatchObject({ reached: false, counted: 0, required: 2 });
    expect(jury.candidacies).toHaveLength(6);
  });

  it('a candidacy in a session still open cannot be attached to another one', async () => {
    const res = await call(managerA, 'POST', '/api/v1/juries', body({ candidacyIds: [c.c2] }));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ pointer: '#/candidacyIds/0' })]);
  });

  it('convenes each member by email with an .ics, and records when it left', async () => {
    const mine = () => smtp.received.filter((m) => subjectOf(m).startsWith('Convocation au jury'));
    await waitUntil(() => mine().length >= 4, 'the four convocations');
    const toEmp1 = mine().find((m) => m.to.includes(emp1.email));
    expect(toEmp1).toBeDefined();
    const ics = calendarPart(toEmp1?.raw ?? '');
    expect(ics).not.toBeNull();
    const event = parseIcs(ics as string);
    expect(event.UID).toBe(`jury-${juryId}@qualif`);
    expect(event['DTSTART;TZID=Europe/Paris']).toBe(`${DATE.replaceAll('-', '')}T093000`);
    expect(event.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(event.SUMMARY).toContain('Jury paritaire');
    expect(event.LOCATION).toBe('Paris\\, salle du conseil');
    await waitUntil(async () => {
      const jury = (await call(managerA, 'GET', `/api/v1/juries/${juryId}`)).json();
      return jury.members.every((m: { convenedAt: string | null }) => m.convenedAt !== null);
    }, 'every member convened');
  });
});

describe('reading', () => {
  it('shows each candidacy with its blocs, the assessors’ proposals side by side, and who is excluded', async () => {
    const jury = (await call(managerA, 'GET', `/api/v1/juries/${juryId}`)).json();
    const one = jury.candidacies.find((x: { id: string }) => x.id === c.c1);
    expect(one.candidate.birthName).toMatch(/^Candidat /);
    expect(one.blocs.map((b: { code: string }) => b.code)).toEqual(['BC01', 'BC02']);
    expect(one.blocs[0].title).toBe('Premier bloc');
    const bc02 = one.blocs[1].proposals.map((p: { proposal: string }) => p.proposal).sort();
    expect(bc02).toEqual(['acquired', 'not_acquired']);
    expect(one.excluded).toEqual([]);
    const six = jury.candidacies.find((x: { id: string }) => x.id === c.c6);
    expect(six.excluded).toEqual([{ userId: sal2.id, name: sal2.displayName }]);
    expect(jury.can).toMatchObject({ manage: true, attend: true, decide: true, correct: false });
  });

  it('scopes the session: other branch 404, members of it read it, other jury members 404', async () => {
    expect((await call(managerB, 'GET', `/api/v1/juries/${juryId}`)).statusCode).toBe(404);
    expect((await call(outsider.signed, 'GET', `/api/v1/juries/${juryId}`)).statusCode).toBe(404);
    const asMember = await call(sal1.signed, 'GET', `/api/v1/juries/${juryId}`);
    expect(asMember.statusCode).toBe(200);
    expect(asMember.json().can).toMatchObject({ manage: false, decide: false, sign: true });
    const asPresident = (await call(emp1.signed, 'GET', `/api/v1/juries/${juryId}`)).json();
    expect(asPresident.can).toMatchObject({ attend: true, decide: true, correct: true });
  });

  it('lists sessions by scope and filters', async () => {
    const ids = async (who: Signed, q = '') =>
      (await call(who, 'GET', `/api/v1/juries${q}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids(managerA)).toContain(juryId);
    expect(await ids(managerB)).not.toContain(juryId);
    expect(await ids(sal1.signed)).toContain(juryId);
    expect(await ids(outsider.signed)).not.toContain(juryId);
    expect(await ids(managerA, '?status=closed')).not.toContain(juryId);
    expect(await ids(managerA, `?from=${DATE}&to=${DATE}`)).toContain(juryId);
    const mine = (await call(emp1.signed, 'GET', '/api/v1/juries')).json().items[0];
    expect(mine).toMatchObject({ id: juryId, myRole: 'president', memberCount: 4, candidacyCount: 6 });
  });

  it('jury members read the candidacies of their sessions only', async () => {
    expect((await call(sal1.signed, 'GET', `/api/v1/candidacies/${c.c1}`)).statusCode).toBe(200);
    expect((await call(outsider.signed, 'GET', `/api/v1/candidacies/${c.c1}`)).statusCode).toBe(404);
    expect((await call(sal1.signed, 'GET', `/api/v1/candidacies/${c.notReady}`)).statusCode).toBe(404);
    // Their list too: the candidacies of their sessions, none other; another jury member's is empty.
    const listed = async (who: Signed) => {
      const res = await call(who, 'GET', '/api/v1/candidacies?pageSize=100');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: string }[]; total: number; counts: Record<string, number> };
    };
    const mine = await listed(sal1.signed);
    expect(mine.items.map((i) => i.id).sort()).toEqual(
      Object.entries(c)
        .filter(([k]) => k !== 'notReady')
        .map(([, id]) => id)
        .sort(),
    );
    expect(mine.total).toBe(mine.items.length);
    expect(mine.counts.ready_for_jury).toBe(mine.items.length);
    const theirs = await listed(outsider.signed);
    expect(theirs.items).toEqual([]);
    expect(theirs.total).toBe(0);
  });
});

const decide = (who: Person | Signed, payload: object) =>
  call('signed' in who ? who.signed : who, 'POST', `/api/v1/juries/${juryId}/decisions`, payload);
const blocs = (bc01: boolean | null, bc02: boolean | null) => [
  { code: 'BC01', validated: bc01 },
  { code: 'BC02', validated: bc02 },
];

describe('attendance and quorum', () => {
  it('no decision before the quorum (409)', async () => {
    const res = await decide(emp1, { candidacyId: c.c1, blocs: blocs(true, true), outcome: 'full' });
    expect(res.statusCode, res.body).toBe(409);
  });

  it('a member who is not president may not record it; the president may; the quorum opens the deliberation', async () => {
    const one = { members: [{ userId: emp1.id, presence: 'present' }] };
    expect((await call(sal1.signed, 'PUT', `/api/v1/juries/${juryId}/attendance`, one)).statusCode).toBe(403);
    const first = await call(emp1.signed, 'PUT', `/api/v1/juries/${juryId}/attendance`, one);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('planned');
    expect(first.json().quorum).toMatchObject({ reached: false, counted: 1, required: 2 });
    expect(first.json().quorum.detail).toContain('Quorum non atteint');
    const rest = await call(managerA, 'PUT', `/api/v1/juries/${juryId}/attendance`, {
      members: [
        { userId: emp2.id, presence: 'absent' },
        { userId: sal1.id, presence: 'remote' },
        { userId: sal2.id, presence: 'present' },
      ],
    });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json()).toMatchObject({
      status: 'deliberating',
      quorum: { reached: true, counted: 3, required: 2, detail: null },
    });
    const bad = await call(managerA, 'PUT', `/api/v1/juries/${juryId}/attendance`, {
      members: [{ userId: outsider.id, presence: 'present' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].pointer).toBe('#/members/0/userId');
  });
});

describe('decisions', () => {
  it('full, partial, refused, absent and deferred, each agreeing with its blocs', async () => {
    const cases = [
      [c.c1, blocs(true, true), 'full'],
      [c.c2, blocs(true, false), 'partial'],
      [c.c3, blocs(false, false), 'refused'],
      [c.c4, [], 'absent'],
      [c.c5, blocs(null, null), 'deferred'],
    ] as const;
    for (const [candidacyId, b, outcome] of cases) {
      const res = await decide(emp1, {
        candidacyId,
        blocs: b,
        outcome,
        ...(outcome === 'partial'
          ? { reasons: 'BC02 insuffisant.', recommendations: 'Reprendre BC02.' }
          : {}),
      });
      expect(res.statusCode, `${outcome}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({ candidacyId, outcome, postedAs: 'president', replacesId: null });
    }
    const jury = (await call(managerA, 'GET', `/api/v1/juries/${juryId}`)).json();
    const two = jury.candidacies.find((x: { id: string }) => x.id === c.c2);
    expect(two.decision).toMatchObject({
      outcome: 'partial',
      reasons: 'BC02 insuffisant.',
      recommendations: 'Reprendre BC02.',
      blocs: [
        { code: 'BC01', validated: true, carried: false },
        { code: 'BC02', validated: false, carried: false },
      ],
    });
    expect(two.decision.deliberatingMembers.sort()).toEqual([emp1.id, sal1.id, sal2.id].sort());
  });

  it('422 when the outcome disagrees with the blocs, or a bloc is unknown', async () => {
    const mismatch = await decide(managerA, {
      candidacyId: c.c6,
      blocs: blocs(true, false),
      outcome: 'full',
    });
    expect(mismatch.statusCode, mismatch.body).toBe(422);
    expect(mismatch.json().errors).toEqual([
      expect.objectContaining({ pointer: '#/outcome', detail: expect.stringContaining('ne correspond pas') }),
    ]);
    const unknown = await decide(managerA, {
      candidacyId: c.c6,
      blocs: [{ code: 'BC99', validated: true }],
      outcome: 'full',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].pointer).toBe('#/blocs/0/code');
    const stranger = await decide(managerA, { candidacyId: c.notReady, blocs: [], outcome: 'absent' });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors[0].pointer).toBe('#/candidacyId');
  });

  it('branch staff decide as secretary; the linked member is excluded from that deliberation', async () => {
    const res = await decide(managerA, { candidacyId: c.c6, blocs: blocs(true, true), outcome: 'full' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ postedAs: 'secretary', excludedMembers: [sal2.id] });
    expect(res.json().deliberatingMembers).not.toContain(sal2.id);
  });

  it('a member who is not president neither decides nor corrects (403)', async () => {
    expect(
      (await decide(sal1, { candidacyId: c.c6, blocs: blocs(true, true), outcome: 'full' })).statusCode,
    ).toBe(403);
  });

  it('a second decision must be a correction of the current one, by the president, with a reason', async () => {
    const jury = (await call(managerA, 'GET', `/api/v1/juries/${juryId}`)).json();
    const original = jury.candidacies.find((x: { id: string }) => x.id === c.c2).decision;
    const again = await decide(emp1, { candidacyId: c.c2, blocs: blocs(true, true), outcome: 'full' });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0].pointer).toBe('#/replaces');
    const correction = {
      candidacyId: c.c2,
      blocs: blocs(true, true),
      outcome: 'full',
      replaces: original.id,
      correctionReason: 'Erreur de saisie sur BC02.',
    };
    expect((await decide(managerA, correction)).statusCode).toBe(403);
    expect((await decide(sal1, correction)).statusCode).toBe(403);
    const noReason = await decide(emp1, { ...correction, correctionReason: undefined });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].pointer).toBe('#/correctionReason');
    const done = await decide(emp1, correction);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({
      replacesId: original.id,
      correctionReason: 'Erreur de saisie sur BC02.',
    });
    // Correcting the replaced one again: only the current decision may be corrected.
    const stale = await decide(emp1, { ...correction, correctionReason: 'Encore.' });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().errors[0].pointer).toBe('#/replaces');
    const after = (await call(managerA, 'GET', `/api/v1/juries/${juryId}`)).json();
    const two = after.candidacies.find((x: { id: string }) => x.id === c.c2);
    expect(two.decision).toMatchObject({ id: done.json().id, outcome: 'full' });
    expect(two.history.map((d: { id: string; outcome: string }) => [d.id, d.outcome])).toEqual([
      [original.id, 'partial'],
      [done.json().id, 'full'],
    ]);
  });

  it('a decision after the minutes were generated invalidates them and reopens the deliberation', async () => {
    const pdf = Buffer.from('%PDF-1.4 test');
    const decisionIds = (
      await t.services.db.selectFrom('jury_decisions').select('id').where('jury_id', '=', juryId).execute()
    ).map((d) => d.id);
    await t.services.db
      .insertInto('jury_minutes')
      .values({ jury_id: juryId, version: 1, pdf, sha256: 'x'.repeat(64), decision_ids: decisionIds })
      .execute();
    await t.services.db.updateTable('juries').set({ status: 'minutes' }).where('id', '=', juryId).execute();
    const jury = (await call(managerA, 'GET', `/api/v1/juries/${juryId}`)).json();
    const current = jury.candidacies.find((x: { id: string }) => x.id === c.c3).decision;
    const res = await decide(emp1, {
      candidacyId: c.c3,
      blocs: blocs(true, false),
      outcome: 'partial',
      replaces: current.id,
      correctionReason: 'BC01 validé après relecture.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const minutes = await t.services.db
      .selectFrom('jury_minutes')
      .select(['invalidated_at', 'invalidated_reason'])
      .where('jury_id', '=', juryId)
      .executeTakeFirstOrThrow();
    expect(minutes.invalidated_at).not.toBeNull();
    expect((await call(managerA, 'GET', `/api/v1/juries/${juryId}`)).json().status).toBe('deliberating');
  });

  it('no decision once the session is closed (409); every write is audited', async () => {
    const audit = await t.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'jury')
      .where('entity_id', '=', juryId)
      .execute();
    const actions = audit.map((a) => a.action);
    expect(actions).toContain('jury.create');
    expect(actions).toContain('jury.attendance');
    expect(actions.filter((a) => a === 'jury.decision')).toHaveLength(6);
    expect(actions.filter((a) => a === 'jury.decision_correct')).toHaveLength(2);
    await t.services.db
      .updateTable('juries')
      .set({ status: 'closed', closed_at: new Date() })
      .where('id', '=', juryId)
      .execute();
    const res = await decide(emp1, { candidacyId: c.c1, blocs: blocs(true, true), outcome: 'full' });
    expect(res.statusCode).toBe(409);
  });
});

/** The text/calendar part of a multipart message (decoded), or null. */
function calendarPart(raw: string): string | null {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) return null;
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
    if (!/content-type:\s*text\/calendar/i.test(headers)) continue;
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
    if (encoding === 'base64') return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (encoding === 'quoted-printable')
      return Buffer.from(
        content
          .replace(/=\r\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
    return content;
  }
  return null;
}

/** The VEVENT's properties (name with parameters → raw value), lines unfolded; checks its structure. */
function parseIcs(ics: string): Record<string, string> {
  const lines = ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  expect(lines).toContain('VERSION:2.0');
  const start = lines.indexOf('BEGIN:VEVENT');
  const end = lines.indexOf('END:VEVENT');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return Object.fromEntries(
    lines.slice(start + 1, end).map((l) => {
      const colon = l.indexOf(':');
      return [l.slice(0, colon), l.slice(colon + 1)];
    }),
  );
}
