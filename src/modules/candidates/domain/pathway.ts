/**
 * Individual pathway rules (issue 12, point 5): from the pinned framework, the targeted blocs,
 * the blocs carried in and the positioning, what is left to acquire and the proposal generated
 * from those gaps; the checks of a module list; when a pathway may change and whether an
 * acknowledgement still holds. Pure code.
 */
import { CANDIDACY_STATUS_LABELS, type CandidacyStatus } from '../../../contracts/candidacies.js';
import {
  PATHWAY_MODULE_KIND_LABELS,
  type PathwayBlocPlan,
  type PathwayModuleKind,
} from '../../../contracts/pathway.js';
import type { PositioningLevel } from '../../../contracts/positioning.js';
import { type CompetencyDecisions, decidedLevel } from './positioning.js';

/** The part of a framework version the pathway reads. */
export type FrameworkBlocs = {
  competencies: {
    blocs: readonly {
      code: string;
      title: string;
      competencies: readonly { code: string; title: string }[];
    }[];
  };
};

export type Gap = { code: string; title: string; level: PositioningLevel | null };

export type PathwayBloc = {
  code: string;
  title: string;
  plan: PathwayBlocPlan;
  /** Competencies not held, as the training organisation decided (`null`: not decided yet, a gap too). */
  gaps: Gap[];
};

/**
 * The targeted blocs, in the framework's order, with what the pathway plans for each: carried
 * in → `carried`; every competency held (the organisation's decision) → `assess_directly`;
 * otherwise `to_acquire`, with its gaps — a competency `partly` held, `to_acquire` or not
 * decided yet (it cannot be assumed held).
 */
export function pathwayBlocs(
  framework: FrameworkBlocs,
  targeted: readonly string[],
  carried: readonly string[],
  decisions: ReadonlyMap<string, CompetencyDecisions>,
): PathwayBloc[] {
  return framework.competencies.blocs
    .filter((b) => targeted.includes(b.code))
    .map((b) => {
      if (carried.includes(b.code)) return { code: b.code, title: b.title, plan: 'carried', gaps: [] };
      const gaps = b.competencies
        .map((c) => ({ code: c.code, title: c.title, level: decidedLevel(decisions.get(c.code)) ?? null }))
        .filter((c) => c.level !== 'held');
      return {
        code: b.code,
        title: b.title,
        plan: gaps.length === 0 ? 'assess_directly' : 'to_acquire',
        gaps,
      };
    });
}

/** A module as the API and the service handle it; fields a kind does not use are null. */
export type PathwayModule = {
  blocCode: string;
  kind: PathwayModuleKind;
  title: string;
  competencyCodes: string[];
  hours: number | null;
  startsOn: string | null;
  endsOn: string | null;
  organisationId: string | null;
  description: string | null;
  tutor: { userId: string | null; name: string | null } | null;
  dueOn: string | null;
};

/** The fields each kind uses (the others are cleared). */
const FIELDS_OF: Readonly<
  Record<
    PathwayModuleKind,
    readonly (keyof Omit<PathwayModule, 'blocCode' | 'kind' | 'title' | 'competencyCodes'>)[]
  >
> = {
  training: ['hours', 'startsOn', 'endsOn', 'organisationId', 'description'],
  work_situation: ['startsOn', 'endsOn', 'description', 'tutor'],
  vae: ['description', 'dueOn'],
};

/** The module with the fields its kind does not use cleared, texts trimmed (blank → null). */
export function normaliseModule(m: PathwayModule): PathwayModule {
  const keep = FIELDS_OF[m.kind];
  const text = (s: string | null) => (s?.trim() ? s.trim() : null);
  const tutorUser = text(m.tutor?.userId ?? null);
  const tutorName = tutorUser ? null : text(m.tutor?.name ?? null);
  return {
    blocCode: m.blocCode.trim(),
    kind: m.kind,
    title: m.title.trim(),
    competencyCodes: [...new Set(m.competencyCodes.map((c) => c.trim()))],
    hours: keep.includes('hours') ? m.hours : null,
    startsOn: keep.includes('startsOn') ? m.startsOn : null,
    endsOn: keep.includes('endsOn') ? m.endsOn : null,
    organisationId: keep.includes('organisationId') ? m.organisationId : null,
    description: keep.includes('description') ? text(m.description) : null,
    tutor: keep.includes('tutor') && (tutorUser || tutorName) ? { userId: tutorUser, name: tutorName } : null,
    dueOn: keep.includes('dueOn') ? m.dueOn : null,
  };
}

/**
 * The proposal generated from the gaps: for each bloc to acquire, one training module at the
 * candidacy's training organisation covering its gaps, hours and dates left for the
 * organisation to fill in; blocs carried or held get none (assessed directly).
 */
export function proposePathway(
  blocs: readonly PathwayBloc[],
  trainingOrganisationId: string,
): PathwayModule[] {
  return blocs
    .filter((b) => b.plan === 'to_acquire')
    .map((b) => ({
      blocCode: b.code,
      kind: 'training',
      title: `${PATHWAY_MODULE_KIND_LABELS.training} : ${b.title}`,
      competencyCodes: b.gaps.map((g) => g.code),
      hours: null,
      startsOn: null,
      endsOn: null,
      organisationId: trainingOrganisationId,
      description: null,
      tutor: null,
      dueOn: null,
    }));
}

/** What the checks of a module list need to know, gathered by the service. */
export type ModuleContext = {
  framework: FrameworkBlocs;
  frameworkVersion: number;
  targeted: readonly string[];
  carried: readonly string[];
  /** Known organisations among those named, with whether they are training organisations. */
  organisations: ReadonlyMap<string, { trainingOrganisation: boolean }>;
  /** Known accounts among the tutors named. */
  users: ReadonlySet<string>;
  /** Whether the candidacy has an employer (a work situation happens there). */
  hasEmployer: boolean;
};

export type ModuleProblem = { path: (string | number)[]; detail: string };

/** The most hours a module holds (the column is numeric(7, 2)). */
export const MAX_HOURS = 9999;

/**
 * Every problem of a module list, each naming `modules/N/field` in French: the bloc (in the
 * pinned version, targeted, not carried), a title, competencies of that bloc, and per kind its
 * required fields — hours above 0 (at most MAX_HOURS), dates in order, an existing training organisation (training);
 * a description, dates, a tutor (an existing account or a name) and an employer on the
 * candidacy (work situation); a description and a due date (VAE).
 */
export function moduleProblems(modules: readonly PathwayModule[], ctx: ModuleContext): ModuleProblem[] {
  const problems: ModuleProblem[] = [];
  modules.forEach((raw, i) => {
    const m = normaliseModule(raw);
    const at = (...field: (string | number)[]) => ['modules', i, ...field];
    const add = (detail: string, ...field: (string | number)[]) =>
      problems.push({ path: at(...field), detail });
    const bloc = ctx.framework.competencies.blocs.find((b) => b.code === m.blocCode);
    if (!bloc)
      add(
        `Pas de bloc « ${m.blocCode} » dans la version ${ctx.frameworkVersion} du référentiel.`,
        'blocCode',
      );
    else if (!ctx.targeted.includes(m.blocCode))
      add(`Le bloc « ${m.blocCode} » n’est pas visé par ce parcours.`, 'blocCode');
    else if (ctx.carried.includes(m.blocCode))
      add(`Le bloc « ${m.blocCode} » est acquis antérieurement : il n’a pas de module.`, 'blocCode');
    if (!m.title) add('Indiquez l’intitulé du module.', 'title');
    if (bloc)
      m.competencyCodes.forEach((code, j) => {
        if (!bloc.competencies.some((c) => c.code === code))
          add(`La compétence « ${code} » n’est pas dans le bloc « ${bloc.code} ».`, 'competencyCodes', j);
      });
    const dates = () => {
      if (!m.startsOn) add('Indiquez la date de début.', 'startsOn');
      if (!m.endsOn) add('Indiquez la date de fin.', 'endsOn');
      if (m.startsOn && m.endsOn && m.endsOn < m.startsOn)
        add('La date de fin doit être le jour de début ou après.', 'endsOn');
    };
    if (m.kind === 'training') {
      if (m.hours === null) add('Indiquez le nombre d’heures.', 'hours');
      else if (!(m.hours > 0)) add('Le nombre d’heures doit être supérieur à 0.', 'hours');
      else if (m.hours > MAX_HOURS) add('Le nombre d’heures doit être au plus 9 999.', 'hours');
      dates();
      const org = m.organisationId ? ctx.organisations.get(m.organisationId) : undefined;
      if (!m.organisationId) add('Indiquez l’organisme de formation.', 'organisationId');
      else if (!org) add('Aucune organisation avec cet identifiant.', 'organisationId');
      else if (!org.trainingOrganisation)
        add('Cette organisation n’est pas un organisme de formation.', 'organisationId');
    } else if (m.kind === 'work_situation') {
      if (!ctx.hasEmployer)
        add('Une situation de travail se fait chez l’employeur : ce parcours n’a pas d’employeur.', 'kind');
      if (!m.description) add('Décrivez la situation de travail.', 'description');
      dates();
      if (!m.tutor) add('Indiquez le tuteur ou la tutrice chez l’employeur (un compte ou un nom).', 'tutor');
      else if (m.tutor.userId && !ctx.users.has(m.tutor.userId))
        add('Aucun compte avec cet identifiant.', 'tutor', 'userId');
    } else {
      if (!m.description) add('Décrivez le dossier de VAE attendu.', 'description');
      if (!m.dueOn) add('Indiquez la date de remise du dossier.', 'dueOn');
    }
  });
  return problems;
}

/** The states in which the pathway is generated, edited and acknowledged. */
export const PATHWAY_STATES: readonly CandidacyStatus[] = ['positioning', 'pathway'];

/** Why the pathway may not change in this state (French), else undefined. */
export function pathwayStateProblem(status: CandidacyStatus): string | undefined {
  if (PATHWAY_STATES.includes(status)) return undefined;
  return `Le parcours individualisé s’établit aux étapes « ${CANDIDACY_STATUS_LABELS.positioning} » et « ${CANDIDACY_STATUS_LABELS.pathway} » ; ce parcours est à l’étape « ${CANDIDACY_STATUS_LABELS[status]} ».`;
}

/** An acknowledgement holds for the revision it names; a later edit makes it stale. */
export function acknowledgementIsCurrent(acknowledgedRevision: number, pathwayRevision: number): boolean {
  return acknowledgedRevision === pathwayRevision;
}
