/**
 * Jury composition rules as data (issue 13, point 1): what a branch's agreement says about its
 * national joint juries — colleges, seats, president, quorum, majority, remote attendance,
 * validity of acquired blocs, who signs the minutes, when to remind the branch — and the checks
 * a session runs against them. Each broken rule is one breach naming it (a path in `JuryRules`)
 * with a French detail. Pure code.
 */
import type { IsoDate } from '../../../contracts/dates.js';
import {
  COLLEGE_LABELS,
  COLLEGES,
  type College,
  DEFAULT_JURY_RULES,
  type JuryMemberRole,
  type JuryRules,
  type Presence,
} from '../../../contracts/juries.js';

// The rules' shape and defaults are shared with the web app's form (src/contracts/juries.ts).
export { DEFAULT_JURY_RULES, type JuryRules };

export type ComposedMember = {
  userId: string;
  role: JuryMemberRole;
  college: College;
  designatedBy: string | null;
};

/** `rule`: a path in `JuryRules` (e.g. `colleges.minPerCollege`), or `rules` when none apply; `detail`: French. */
export type RuleBreach = { rule: string; detail: string };

const collegeName = (c: College) => COLLEGE_LABELS[c].toLowerCase();
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const sameName = (a: string, b: string) =>
  a.trim().localeCompare(b.trim(), 'fr', { sensitivity: 'base' }) === 0;

/** The college the president must belong to in the year of `date`, or null when any may preside. */
export function presidentCollegeFor(rules: JuryRules, date: IsoDate): College | null {
  if (rules.president.rule === 'any') return null;
  const year = Number(date.slice(0, 4));
  const even = rules.president.evenYears;
  return year % 2 === 0 ? even : even === 'employers' ? 'employees' : 'employers';
}

/** Every rule the composition of a session on `date` (remote or not) breaks; empty when none. */
export function compositionBreaches(
  rules: JuryRules,
  members: ComposedMember[],
  date: IsoDate,
  remote: boolean,
): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const count = (c: College) => members.filter((m) => m.college === c).length;
  for (const college of COLLEGES) {
    const n = count(college);
    if (n < rules.colleges.minPerCollege) {
      breaches.push({
        rule: 'colleges.minPerCollege',
        detail: `Le ${collegeName(college)} compte ${plural(n, 'membre', 'membres')} ; les règles de jury en demandent au moins ${rules.colleges.minPerCollege}.`,
      });
    }
  }
  if (rules.colleges.parity && count('employers') !== count('employees')) {
    breaches.push({
      rule: 'colleges.parity',
      detail: `Les règles de jury imposent la parité : ${plural(count('employers'), 'membre', 'membres')} du collège employeurs pour ${plural(count('employees'), 'membre', 'membres')} du collège salariés.`,
    });
  }
  for (const seat of rules.seats?.organisations ?? []) {
    const held = members.some(
      (m) => m.college === seat.college && m.designatedBy !== null && sameName(m.designatedBy, seat.name),
    );
    if (!held) {
      breaches.push({
        rule: 'seats.organisations',
        detail: `Le siège de « ${seat.name} » (${collegeName(seat.college)}) n’est pas pourvu : aucun membre désigné par cette organisation.`,
      });
    }
  }
  const presidents = members.filter((m) => m.role === 'president');
  if (presidents.length === 0) {
    breaches.push({ rule: 'president', detail: 'Le jury n’a pas de président·e.' });
  } else if (presidents.length > 1) {
    breaches.push({
      rule: 'president',
      detail: `Le jury a ${presidents.length} président·es ; il en faut un·e seul·e.`,
    });
  } else {
    const expected = presidentCollegeFor(rules, date);
    const actual = (presidents[0] as ComposedMember).college;
    if (expected && actual !== expected) {
      breaches.push({
        rule: 'president.rule',
        detail: `En ${date.slice(0, 4)}, la présidence revient au ${collegeName(expected)} (alternance par année) ; la personne choisie est du ${collegeName(actual)}.`,
      });
    }
  }
  if (remote && !rules.remoteAllowed) {
    breaches.push({
      rule: 'remoteAllowed',
      detail: 'Les règles de jury de la branche n’autorisent pas les sessions à distance.',
    });
  }
  return breaches;
}

/**
 * Whether the quorum is reached with the attendance recorded: members present count, remote
 * ones too when remote attendance is allowed; absent or not yet recorded ones do not.
 */
export function quorumOf(
  rules: JuryRules,
  members: { college: College; presence: Presence | null }[],
): { reached: boolean; counted: number; required: number; detail: string | null } {
  const counts = (m: { presence: Presence | null }) =>
    m.presence === 'present' || (m.presence === 'remote' && rules.remoteAllowed);
  const counted = members.filter(counts).length;
  const required = rules.quorum.minMembers;
  const problems: string[] = [];
  if (counted < required) {
    problems.push(`${plural(counted, 'membre compté', 'membres comptés')} sur ${required} requis`);
  }
  for (const college of COLLEGES) {
    const n = members.filter((m) => m.college === college && counts(m)).length;
    if (n < rules.quorum.minPerCollege) {
      problems.push(`${collegeName(college)} : ${n} sur ${rules.quorum.minPerCollege} requis`);
    }
  }
  const remoteIgnored =
    !rules.remoteAllowed && members.some((m) => m.presence === 'remote')
      ? ' (la présence à distance ne compte pas : les règles ne l’autorisent pas)'
      : '';
  return {
    reached: problems.length === 0,
    counted,
    required,
    detail: problems.length === 0 ? null : `Quorum non atteint : ${problems.join(' ; ')}${remoteIgnored}.`,
  };
}

const MAJORITY_LABELS: Record<JuryRules['majority'], string> = {
  absolute: 'la majorité absolue',
  two_thirds: 'la majorité des deux tiers',
  unanimity: 'l’unanimité',
};

/**
 * What is wrong with a decision's votes among `voters` deliberating members, in French, or null:
 * missing while the rules require them, not whole numbers, more votes than voters, or the
 * majority the rules require not reached (counted on the voters: absolute — more than half of
 * them for; two thirds — at least two thirds for; unanimity — all for).
 */
export function votesProblem(
  rules: JuryRules,
  votes: { for: number; against: number; abstain: number } | undefined,
  voters: number,
): string | null {
  if (!votes) {
    return rules.votesRequired
      ? 'Les règles de jury de la branche exigent les votes (pour, contre, abstention).'
      : null;
  }
  const values = [votes.for, votes.against, votes.abstain];
  if (values.some((v) => !Number.isInteger(v) || v < 0)) {
    return 'Les votes sont des nombres entiers positifs ou nuls.';
  }
  const cast = votes.for + votes.against + votes.abstain;
  if (cast > voters) {
    return `Les votes (${cast}) dépassent le nombre de votant·es (${voters}).`;
  }
  const reached =
    rules.majority === 'absolute'
      ? votes.for * 2 > voters
      : rules.majority === 'two_thirds'
        ? votes.for * 3 >= voters * 2 && voters > 0
        : votes.for === voters && voters > 0;
  if (!reached) {
    return `La décision n’a pas ${MAJORITY_LABELS[rules.majority]} : ${plural(votes.for, 'voix pour', 'voix pour')} sur ${plural(voters, 'votant·e', 'votant·es')}.`;
  }
  return null;
}

/**
 * The last day a bloc awarded on `awardedOn` is valid (the day before its N-th anniversary; a
 * 29 February award ends on 28 February), or null when blocs are valid for life.
 */
export function blocValidUntil(rules: JuryRules, awardedOn: IsoDate): IsoDate | null {
  if (rules.blocValidityYears === null) return null;
  const [y, m, d] = awardedOn.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls 29 February of a common year over to 1 March: the day before is 28 February.
  const anniversary = new Date(Date.UTC(y + rules.blocValidityYears, m - 1, d));
  anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return anniversary.toISOString().slice(0, 10);
}

/**
 * Who must sign the minutes, president first: the president alone, or with every member
 * present (on site or remote) — absent members and those whose attendance is not recorded do not sign.
 */
export function signersRequired(
  rules: JuryRules,
  members: { userId: string; role: JuryMemberRole; presence: Presence | null }[],
): string[] {
  const presidents = members.filter((m) => m.role === 'president').map((m) => m.userId);
  if (rules.signatures === 'president') return presidents;
  const present = members
    .filter((m) => m.role !== 'president' && (m.presence === 'present' || m.presence === 'remote'))
    .map((m) => m.userId);
  return [...new Set([...presidents, ...present])];
}
