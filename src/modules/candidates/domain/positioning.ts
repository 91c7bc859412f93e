/**
 * Positioning rules (issue 12, point 4): the decision that counts on a competency, a bloc's
 * summary, and when a candidacy may be positioned. Pure code.
 */
import { CANDIDACY_STATUS_LABELS, type CandidacyStatus } from '../../../contracts/candidacies.js';
import type { BlocPositioningState, PositioningLevel } from '../../../contracts/positioning.js';

export type CompetencyDecisions = { self?: PositioningLevel; organisation?: PositioningLevel };

export type BlocSummary = {
  state: BlocPositioningState;
  /** The bloc counts as acquired (carried in, or every competency held). */
  acquired: boolean;
  /** Competencies by the decision that counts (the organisation's); `pending`: none yet. */
  counts: { held: number; partly: number; toAcquire: number; pending: number };
  /** Competencies the candidate positioned themselves on. */
  selfPositioned: number;
};

/** The level that counts: the training organisation's decision; the candidate's alone does not. */
export function decidedLevel(d: CompetencyDecisions | undefined): PositioningLevel | undefined {
  return d?.organisation;
}

/**
 * A bloc's summary from its competencies' decisions: carried → acquired whatever the
 * decisions; else pending while one competency has no decision that counts; else acquired
 * when all are held, to acquire otherwise (a « partly » is a gap the pathway fills).
 */
export function blocSummary(
  competencyCodes: readonly string[],
  decisions: ReadonlyMap<string, CompetencyDecisions>,
  carried: boolean,
): BlocSummary {
  const counts = { held: 0, partly: 0, toAcquire: 0, pending: 0 };
  const key = { held: 'held', partly: 'partly', to_acquire: 'toAcquire' } as const;
  let selfPositioned = 0;
  for (const code of competencyCodes) {
    const d = decisions.get(code);
    if (d?.self) selfPositioned++;
    const level = decidedLevel(d);
    counts[level ? key[level] : 'pending']++;
  }
  let state: BlocPositioningState;
  if (carried) state = 'carried';
  else if (counts.pending > 0) state = 'pending';
  else if (counts.held === competencyCodes.length) state = 'acquired';
  else state = 'to_acquire';
  return { state, acquired: state === 'carried' || state === 'acquired', counts, selfPositioned };
}

/** Positioning is recorded in the `positioning` state only: the reason why not, in French, else undefined. */
export function positioningStateProblem(status: CandidacyStatus): string | undefined {
  if (status === 'positioning') return undefined;
  return `Le positionnement ne se fait qu’à l’étape « ${CANDIDACY_STATUS_LABELS.positioning} » ; ce parcours est à l’étape « ${CANDIDACY_STATUS_LABELS[status]} ».`;
}

export type Correspondence = { sourceBlocs: string[]; destinationFiche: string; destinationBlocs: string[] };

/**
 * Whether a registry CORRESPONDANCES entry of fiche `fiche` (linked to the candidacy's
 * certification) bears on the bloc `blocCode` of the framework: the fiche's own side names it
 * (as `RNCP…BC01` or `BC01`), or names no bloc (a correspondence of whole certifications).
 */
export function correspondenceCovers(fiche: string, entry: Correspondence, blocCode: string): boolean {
  if (entry.sourceBlocs.length === 0) return true;
  return entry.sourceBlocs.some((b) => b === blocCode || b === `${fiche}${blocCode}`);
}

export function sameCorrespondence(a: Correspondence, b: Correspondence): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
  return (
    a.destinationFiche === b.destinationFiche &&
    same(a.sourceBlocs, b.sourceBlocs) &&
    same(a.destinationBlocs, b.destinationBlocs)
  );
}
