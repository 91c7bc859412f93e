import {
  COLLEGE_LABELS,
  type College,
  JURY_MEMBER_ROLE_LABELS,
  JURY_OUTCOME_LABELS,
  type JuryMemberRole,
  type JuryOutcome,
  PRESENCE_LABELS,
  type Presence,
} from '../../contracts/juries.js';
import { dayOf, frenchDate, pdfLayout } from '../../platform/pdf-layout.js';
import type { JuryRules } from './domain/jury-rules.js';

/** One decision as the minutes show it (names already resolved: the PDF is drawn from data only). */
export type MinutesDecision = {
  outcome: JuryOutcome;
  /** The targeted blocs' decision: validated, not validated, or carried from an earlier award. */
  blocs: readonly { code: string; validated: boolean | null; carried: boolean }[];
  reasons: string | null;
  recommendations: string | null;
  votes: { for: number; against: number; abstain: number } | null;
  /** Members kept out of this deliberation (a declared link to the candidate), by name. */
  excludedMembers: readonly string[];
  postedAt: string;
  postedBy: string | null;
  /** Set on a correction: why it replaces the decision before it. */
  correctionReason: string | null;
};

/** What the minutes (procès-verbal) of a jury session show. */
export type JuryMinutesInput = {
  version: number;
  generatedAt: string;
  session: {
    date: string;
    /** `HH:MM[:SS]` or null. */
    startsAt: string | null;
    place: string | null;
    remote: boolean;
    conveningBranch: string;
    certifications: readonly { code: string; title: string }[];
    rules: { effectiveFrom: string; majority: JuryRules['majority']; signatures: JuryRules['signatures'] };
  };
  members: readonly {
    name: string;
    role: JuryMemberRole;
    college: College;
    organisation: string | null;
    presence: Presence | null;
  }[];
  quorum: { reached: boolean; counted: number; required: number; detail: string | null };
  candidacies: readonly {
    candidate: string;
    certificationCode: string;
    blocs: readonly { code: string; title: string }[];
    /** First to current: every decision but the last was replaced by the next. */
    decisions: readonly MinutesDecision[];
  }[];
  /** Who must sign, president first. */
  signers: readonly { name: string; role: JuryMemberRole }[];
};

const MAJORITY_LABELS: Readonly<Record<JuryRules['majority'], string>> = {
  absolute: 'majorité absolue',
  two_thirds: 'majorité des deux tiers',
  unanimity: 'unanimité',
};
const SIGNATURES_LABELS: Readonly<Record<JuryRules['signatures'], string>> = {
  president: 'signé par la présidence',
  president_and_present_members: 'signé par la présidence et les membres présents',
};

function blocLine(bloc: MinutesDecision['blocs'][number], title: string | undefined): string {
  const state = bloc.carried
    ? 'acquis antérieurement (report)'
    : bloc.validated === true
      ? 'validé'
      : bloc.validated === false
        ? 'non validé'
        : 'sans décision';
  return `${bloc.code}${title ? ` — ${title}` : ''} : ${state}`;
}

const votesLine = (v: NonNullable<MinutesDecision['votes']>) =>
  `Votes : ${v.for} pour, ${v.against} contre, ${v.abstain} abstention${v.abstain > 1 ? 's' : ''}`;

/** The minutes of a jury session as a PDF, in French (A4, Helvetica), numbered pages. Pure: data in, bytes out. */
export async function renderJuryMinutesPdf(input: JuryMinutesInput): Promise<Uint8Array> {
  const { session } = input;
  const sessionDay = frenchDate(session.date);
  const pdf = await pdfLayout({ title: `Procès-verbal du jury du ${sessionDay}` });
  const { write, heading } = pdf;

  write('Procès-verbal de jury', { size: 20, bold: true, gap: 2 });
  write('Jury paritaire national de certification', { size: 12, bold: true, gap: 6 });
  for (const c of session.certifications) write(`${c.code} — ${c.title}`, { bold: true });
  write(`Branche qui convoque : ${session.conveningBranch}`);
  const hour = session.startsAt ? ` à ${session.startsAt.slice(0, 5).replace(':', ' h ')}` : '';
  write(`Date : ${sessionDay}${hour}`);
  write(
    `Lieu : ${session.place ? `${session.place}${session.remote ? ', et à distance' : ''}` : '« à distance »'}`,
  );
  write(
    `Règles appliquées : version en vigueur depuis le ${frenchDate(session.rules.effectiveFrom)} — décisions à la ${MAJORITY_LABELS[session.rules.majority]}, procès-verbal ${SIGNATURES_LABELS[session.rules.signatures]}`,
  );
  write(`Version ${input.version} du procès-verbal, établie le ${dayOf(input.generatedAt)}`, { muted: true });

  heading('Composition et présence');
  for (const m of input.members)
    write(
      `${m.name} — ${JURY_MEMBER_ROLE_LABELS[m.role]} — ${COLLEGE_LABELS[m.college]} — ${m.organisation ?? 'organisation non précisée'} : ${m.presence ? PRESENCE_LABELS[m.presence] : 'présence non enregistrée'}`,
    );
  const { quorum } = input;
  write(
    `Quorum ${quorum.reached ? 'atteint' : 'non atteint'} : ${quorum.counted} membre${quorum.counted > 1 ? 's' : ''} sur ${quorum.required} requis${quorum.detail ? ` (${quorum.detail})` : ''}`,
    { bold: true, gap: 4 },
  );

  heading(
    `Délibérations (${input.candidacies.length} candidature${input.candidacies.length > 1 ? 's' : ''})`,
  );
  input.candidacies.forEach((c, i) => {
    pdf.keep(60);
    const current = c.decisions[c.decisions.length - 1];
    write(`${i + 1}. ${c.candidate} — ${c.certificationCode}`, { bold: true, gap: 0 });
    if (!current) {
      write('Aucune décision.', { indent: 12, muted: true, gap: 6 });
      return;
    }
    write(`Décision : ${JURY_OUTCOME_LABELS[current.outcome]}`, { indent: 12, bold: true, gap: 0 });
    const titles = new Map(c.blocs.map((b) => [b.code, b.title]));
    for (const bloc of current.blocs) write(blocLine(bloc, titles.get(bloc.code)), { indent: 24, gap: 0 });
    if (current.reasons) write(`Motifs : ${current.reasons}`, { indent: 12, gap: 0 });
    if (current.recommendations)
      write(`Recommandations : ${current.recommendations}`, { indent: 12, gap: 0 });
    if (current.votes) write(votesLine(current.votes), { indent: 12, gap: 0 });
    if (current.excludedMembers.length > 0)
      write(`Exclu·e·s de cette délibération (lien déclaré) : ${current.excludedMembers.join(', ')}`, {
        indent: 12,
        gap: 0,
      });
    // Corrections, newest first: each names the decision it replaced and why.
    for (let k = c.decisions.length - 1; k > 0; k--) {
      const correction = c.decisions[k] as MinutesDecision;
      const replaced = c.decisions[k - 1] as MinutesDecision;
      write(
        `Rectification du ${dayOf(correction.postedAt)}${correction.postedBy ? ` par ${correction.postedBy}` : ''} — motif : ${correction.correctionReason ?? '(non précisé)'}. Décision remplacée (du ${dayOf(replaced.postedAt)}) : ${JURY_OUTCOME_LABELS[replaced.outcome]} ; ${replaced.blocs.map((b) => blocLine(b, undefined)).join(' ; ')}`,
        { indent: 12, muted: true, gap: 0 },
      );
    }
    pdf.space(6);
  });

  heading('Signatures');
  write(
    'Chaque signataire signe ce procès-verbal dans Qualif : la signature est un acte horodaté et journalisé portant l’empreinte SHA-256 de ce document. Une fois toutes les signatures requises recueillies, le document est scellé avec le cachet électronique de la plateforme.',
    { muted: true, gap: 6 },
  );
  for (const s of input.signers) {
    pdf.keep(30);
    write(`${s.name} — ${JURY_MEMBER_ROLE_LABELS[s.role]}`, { bold: true, gap: 14 });
  }

  const footer = `Procès-verbal du jury du ${sessionDay} — version ${input.version}`;
  return pdf.save((page, pages) => `${footer} — page ${page} / ${pages}`);
}
