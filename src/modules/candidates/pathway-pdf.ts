import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { today } from '../../contracts/dates.js';
import {
  PATHWAY_BLOC_PLAN_LABELS,
  PATHWAY_MODULE_KIND_LABELS,
  PATHWAY_ORIGIN_LABELS,
  PATHWAY_PARTIES,
  PATHWAY_PARTY_LABELS,
  type PathwayBlocPlan,
  type PathwayModuleKind,
  type PathwayOrigin,
  type PathwayParty,
} from '../../contracts/pathway.js';
import { POSITIONING_LEVEL_LABELS, type PositioningLevel } from '../../contracts/positioning.js';

/** What the PDF summary shows: the candidacy, its blocs, its pathway (null: not established). */
export type PathwayPdfInput = {
  candidate: { birthName: string; usageName: string | null; firstNames: readonly string[] };
  certification: { code: string; title: string };
  frameworkVersion: number;
  trainingOrganisation: string;
  employer: string | null;
  blocs: readonly {
    code: string;
    title: string;
    plan: PathwayBlocPlan;
    gaps: readonly { code: string; title: string; level: PositioningLevel | null }[];
  }[];
  pathway: {
    revision: number;
    origin: PathwayOrigin;
    updatedAt: string;
    modules: readonly {
      blocCode: string;
      kind: PathwayModuleKind;
      title: string;
      competencyCodes: readonly string[];
      hours: number | null;
      startsOn: string | null;
      endsOn: string | null;
      organisation: { name: string | null } | null;
      description: string | null;
      tutor: { name: string | null } | null;
      dueOn: string | null;
    }[];
    missing: readonly unknown[];
    acknowledgements: readonly {
      party: PathwayParty;
      revision: number;
      current: boolean;
      acknowledgedByName: string | null;
      acknowledgedAt: string;
    }[];
  } | null;
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

/**
 * Text the standard font can draw. pdf-lib's standard fonts encode WinAnsi (Windows-1252),
 * which holds French entirely (é, è, à, ç, œ, ’, « », …); anything else is spaced (narrow
 * no-break spaces), unhyphenated, stripped of its accents (a Polish ł stays ?) — a name in
 * another script is the known limit (ADR 0005).
 */
export function winAnsiText(text: string, supported: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (supported.has(cp)) out += ch;
    else if (/\s/u.test(ch)) out += ' ';
    else if (/[\u2010-\u2012]/u.test(ch)) out += '-';
    else {
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...bare].every((c) => supported.has(c.codePointAt(0) as number)) && bare ? bare : '?';
    }
  }
  return out;
}

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** A calendar date as French writes it: « 1er mars 2027 », « 4 janvier 2027 ». */
export function frenchDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return longDate
    .formatToParts(date)
    .map((p) => (p.type === 'day' && Number(p.value) === 1 ? '1er' : p.value))
    .join('');
}
/** The Paris day of a timestamp, in French (« 2 décembre 2026 » for 2026-12-01T23:30Z). */
export const dayOf = (timestamp: string) => frenchDate(today(new Date(timestamp)));

/** The PDF summary of an individual pathway, in French (A4, Helvetica). */
export async function renderPathwayPdf(input: PathwayPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const safe = (s: string) => winAnsiText(s, supported);
  doc.setTitle(safe(`Parcours individualisé — ${input.certification.code} ${input.certification.title}`));
  doc.setLanguage('fr-FR');
  doc.setCreator('Qualif');
  doc.setProducer('Qualif (pdf-lib)');

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;

  function lines(text: string, font: PDFFont, size: number, indent: number): string[] {
    const out: string[] = [];
    for (const paragraph of safe(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= width - indent || !line) line = next;
        else {
          out.push(line);
          line = word;
        }
      }
      out.push(line);
    }
    return out;
  }

  function write(
    text: string,
    opts: { size?: number; bold?: boolean; indent?: number; muted?: boolean; gap?: number } = {},
  ) {
    const size = opts.size ?? 10;
    const font = opts.bold ? bold : regular;
    const indent = opts.indent ?? 0;
    for (const line of lines(text, font, size, indent)) {
      if (y - size < MARGIN) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      y -= size * 1.35;
      page.drawText(line, { x: MARGIN + indent, y, size, font, color: opts.muted ? MUTED : INK });
    }
    y -= opts.gap ?? 2;
  }
  const heading = (text: string) => {
    y -= 8;
    write(text, { size: 13, bold: true, gap: 4 });
  };

  // Who, what.
  write('Parcours individualisé', { size: 20, bold: true, gap: 6 });
  write(`${input.certification.code} — ${input.certification.title}`, { size: 12, bold: true });
  write(`Version du référentiel : ${input.frameworkVersion}`, { muted: true, gap: 8 });
  const { candidate } = input;
  write(`Candidat·e : ${candidate.firstNames.join(' ')} ${candidate.usageName ?? candidate.birthName}`, {
    bold: true,
  });
  if (candidate.usageName) write(`Nom de naissance : ${candidate.birthName}`);
  write(`Organisme de formation : ${input.trainingOrganisation}`);
  write(`Employeur : ${input.employer ?? 'aucun'}`, { gap: 6 });

  const { pathway } = input;
  if (pathway)
    write(
      `Révision ${pathway.revision} du ${dayOf(pathway.updatedAt)} — ${PATHWAY_ORIGIN_LABELS[pathway.origin]}`,
      { muted: true },
    );

  // Blocs and their modules.
  heading('Blocs de compétences visés');
  for (const bloc of input.blocs) {
    write(`${bloc.code} — ${bloc.title} : ${PATHWAY_BLOC_PLAN_LABELS[bloc.plan]}`, { bold: true, gap: 1 });
    if (bloc.gaps.length > 0)
      write(
        `Compétences à acquérir : ${bloc.gaps
          .map(
            (g) =>
              `${g.code} ${g.title} (${g.level ? POSITIONING_LEVEL_LABELS[g.level] : 'non positionnée'})`,
          )
          .join(' ; ')}`,
        { indent: 12 },
      );
    if (!pathway || bloc.plan === 'carried') continue;
    const modules = pathway.modules.filter((m) => m.blocCode === bloc.code);
    if (modules.length === 0)
      write('Aucun module : le bloc est évalué directement.', { indent: 12, muted: true });
    for (const m of modules) {
      write(`${PATHWAY_MODULE_KIND_LABELS[m.kind]} — ${m.title}`, { indent: 12, bold: true, gap: 0 });
      const facts: string[] = [];
      if (m.competencyCodes.length > 0) facts.push(`Compétences : ${m.competencyCodes.join(', ')}`);
      if (m.kind === 'training')
        facts.push(`${m.hours === null ? '? h' : `${String(m.hours).replace('.', ',')} h`}`);
      if (m.kind !== 'vae')
        facts.push(
          `du ${m.startsOn ? frenchDate(m.startsOn) : '(à préciser)'} au ${m.endsOn ? frenchDate(m.endsOn) : '(à préciser)'}`,
        );
      if (m.kind === 'training') facts.push(`organisme : ${m.organisation?.name ?? '(à préciser)'}`);
      if (m.kind === 'work_situation') facts.push(`tuteur ou tutrice : ${m.tutor?.name ?? '(à préciser)'}`);
      if (m.kind === 'vae')
        facts.push(`dossier à remettre le ${m.dueOn ? frenchDate(m.dueOn) : '(à préciser)'}`);
      write(facts.join(' ; '), { indent: 24, gap: 0 });
      if (m.description) write(m.description, { indent: 24, muted: true });
      y -= 3;
    }
  }

  // Acknowledgements.
  heading('Prise de connaissance');
  if (!pathway) write('Le parcours individualisé n’a pas encore été établi.');
  else {
    if (pathway.missing.length > 0)
      write(
        'Ce parcours est incomplet : l’organisme doit encore préciser des heures, dates ou intervenants.',
        {
          muted: true,
        },
      );
    for (const party of PATHWAY_PARTIES) {
      const ack = pathway.acknowledgements.find((a) => a.party === party);
      write(
        ack
          ? `${PATHWAY_PARTY_LABELS[party]} : révision ${ack.revision} prise en compte le ${dayOf(ack.acknowledgedAt)}${ack.acknowledgedByName ? ` par ${ack.acknowledgedByName}` : ''}${ack.current ? '' : ' — le parcours a changé depuis : à renouveler'}`
          : `${PATHWAY_PARTY_LABELS[party]} : pas encore pris en compte`,
      );
    }
  }

  // Footer on every page.
  const pages = doc.getPages();
  const edited = `Édité le ${frenchDate(today())} par Qualif`;
  pages.forEach((p, i) => {
    p.drawText(safe(`${edited} — page ${i + 1} / ${pages.length}`), {
      x: MARGIN,
      y: MARGIN / 2,
      size: 8,
      font: regular,
      color: MUTED,
    });
  });
  return doc.save();
}
