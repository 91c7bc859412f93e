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
import { dayOf, frenchDate, pdfLayout } from '../../platform/pdf-layout.js';

export { dayOf, frenchDate, winAnsiText } from '../../platform/pdf-layout.js';

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

/** The PDF summary of an individual pathway, in French (A4, Helvetica). */
export async function renderPathwayPdf(input: PathwayPdfInput): Promise<Uint8Array> {
  const pdf = await pdfLayout({
    title: `Parcours individualisé — ${input.certification.code} ${input.certification.title}`,
  });
  const { write, heading } = pdf;

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
      pdf.space(3);
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

  const edited = `Édité le ${frenchDate(today())} par Qualif`;
  return pdf.save((page, pages) => `${edited} — page ${page} / ${pages}`);
}
