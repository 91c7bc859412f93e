import { createHash } from 'node:crypto';
import { JURY_ROUTES, type JuryRoute, type PartnerHabilitation } from '../../../contracts/registry.js';

export { JURY_ROUTES, type JuryRoute };

/**
 * One fiche of the France compétences open-data export (RNCP or Répertoire spécifique),
 * as read from the XML flux V4.1 or the CSV zip. Only what Qualif's users need; the export
 * has more (see STRUCTURE.md in the shared data folder).
 *
 * Conventions: optional fields are absent (not null) when the export has no value; texts are
 * trimmed; dates are ISO `YYYY-MM-DD`; lists keep the export's order (the hash ignores it).
 * The CSV export has no ETAT_FICHE, no long texts, no jury composition, no habilitation
 * state, no publication date and no statistics: those stay absent / empty on that path.
 */
export type Registry = 'RNCP' | 'RS';

export type CodeLabel = { code: string; label: string };

/** Juries by access route (JURY_ROUTES: FI, CA, FC, CQ, CL, VAE; names in contracts/registry.ts). */
export type Jury = { active: boolean; composition?: string };

export type Habilitation = PartnerHabilitation;

export type Certifier = {
  siret?: string;
  name: string;
  /** ETAT_CERTIFICATEUR: Actif | Inactif (absent from the CSV). */
  state?: string;
};

export type Partner = {
  name: string;
  siret: string;
  /** HABILITATION_FORMER (train) | HABILITATION_ORGANISER (run the assessment) | both. */
  habilitation: Habilitation;
  /** ETAT_HABILITATION: Actif | Inactif | Supprimé (absent from the CSV). */
  state?: string;
  activeSince?: string;
};

export type Bloc = {
  code: string;
  label: string;
  /** LISTE_COMPETENCES (absent from the CSV). */
  competencies?: string;
  /** MODALITES_EVALUATION (absent from the CSV). */
  assessment?: string;
};

export type Correspondence = {
  sourceBlocs: string[];
  destinationFiche: string;
  destinationBlocs: string[];
};

export type PromotionStatistics = {
  year: number;
  certified: number;
  certifiedVae?: number;
  /** Percent. */
  insertion6Months?: number;
  /** Percent. */
  insertionJob2Years?: number;
};

export type FicheTexts = {
  activities?: string;
  capacities?: string;
  sectors?: string;
  jobTypes?: string;
  objectives?: string;
};

export type RegistryFiche = {
  /** RNCP34762 | RS5000: the registry's key. */
  numero: string;
  registry: Registry;
  /** France compétences' technical id (ID_FICHE). */
  idFiche: number;
  title: string;
  abbreviation?: CodeLabel;
  /** ETAT_FICHE: Publiée | Dépubliée/Archivée | Modifications à valider | … (absent from the CSV). */
  state?: string;
  /** ACTIF (CSV: ACTIVE/INACTIVE). */
  active: boolean;
  /** TYPE_ENREGISTREMENT: Enregistrement de droit | Enregistrement sur demande. */
  registrationType?: string;
  decisionDate?: string;
  publicationDate?: string;
  effectDate?: string;
  lastJoDate?: string;
  /** DATE_FIN_ENREGISTREMENT */
  endDate?: string;
  /** DATE_LIMITE_DELIVRANCE */
  deliveryDeadline?: string;
  /** European / CNC level 1–8 (NIV3..NIV8 in practice); absent on RS and on old "REPRISE" fiches. */
  level?: number;
  certifiers: Certifier[];
  partners: Partner[];
  /** Every route is present; a route the export does not mention is inactive. */
  juries: Record<JuryRoute, Jury>;
  /** Empty on RS. */
  blocs: Bloc[];
  rome: CodeLabel[];
  nsf: CodeLabel[];
  formacode: CodeLabel[];
  idcc: CodeLabel[];
  ccn: { numero: string; label: string }[];
  /** Fiches that replace this one. */
  successors: string[];
  /** Fiches this one replaces. */
  predecessors: string[];
  correspondences: Correspondence[];
  statistics: PromotionStatistics[];
  texts: FicheTexts;
};

export type RegistryKind = Registry | 'MIXED';

/** What a parse reports once every fiche has been handed over. */
export type RegistryParseResult = {
  fiches: number;
  kind: RegistryKind;
  /** VERSION_FLUX of the XML (e.g. "4.1"); `csv-AAAA-MM-JJ` for the CSV zip. */
  version: string;
};

export type RegistryProgress = { bytes: number; fiches: number };
export type OnFiche = (fiche: RegistryFiche) => Promise<void> | void;
export type OnProgress = (progress: RegistryProgress) => void;

// ---------------------------------------------------------------------------------------
// Value parsers shared by the XML and CSV paths. Each returns null when the value does not
// follow the export's format; the caller names the element in its error.

/** RNCP34762 → RNCP, RS5000 → RS. */
export function registryOf(numero: string): Registry | null {
  const m = /^(RNCP|RS)\d+$/.exec(numero);
  return m ? (m[1] as Registry) : null;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Strict `JJ/MM/AAAA` → `AAAA-MM-JJ`; null for anything else, 31/02 included. */
export function parseFrenchDate(value: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m) return null;
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = Number(yyyy);
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > max) return null;
  return `${yyyy}-${mm}-${dd}`;
}

/** Oui/Non → boolean; null otherwise. */
export function parseOuiNon(value: string): boolean | null {
  if (value === 'Oui') return true;
  if (value === 'Non') return false;
  return null;
}

/**
 * NOMENCLATURE_EUROPE/NIVEAU: NIV1..NIV8 → 1..8. `REPRISE` (old fiches taken over without a
 * level, "Sans niveau") → undefined. null for anything else.
 */
export function parseLevel(value: string): number | undefined | null {
  if (value === 'REPRISE') return undefined;
  const m = /^NIV([1-8])$/.exec(value);
  return m ? Number(m[1]) : null;
}

export function parseHabilitation(value: string): Habilitation | null {
  switch (value) {
    case 'HABILITATION_FORMER':
      return 'FORMER';
    case 'HABILITATION_ORGANISER':
      return 'ORGANISER';
    case 'HABILITATION_ORGA_FORM':
      return 'ORGA_FORM';
    default:
      return null;
  }
}

export function parseCount(value: string): number | null {
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** A percentage, `76` or `76,5` / `76.5`. */
export function parseRate(value: string): number | null {
  return /^\d{1,3}([.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : null;
}

/** Drops the keys whose value is undefined, so optional fields are absent rather than undefined. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

export function inactiveJuries(): Record<JuryRoute, Jury> {
  return {
    FI: { active: false },
    CA: { active: false },
    FC: { active: false },
    CQ: { active: false },
    CL: { active: false },
    VAE: { active: false },
  };
}

/** The kind of a whole file from the registries seen. */
export function kindOf(seen: ReadonlySet<Registry>): RegistryKind {
  if (seen.size > 1) return 'MIXED';
  return seen.has('RS') ? 'RS' : 'RNCP';
}

// ---------------------------------------------------------------------------------------
// Change detection

/** Bump when RegistryFiche or its mapping changes meaning: every fiche then reads as changed. */
const HASH_VERSION = 'registry-fiche/1';

/**
 * Canonical JSON: object keys sorted, undefined dropped, and every array sorted by the
 * canonical text of its items. All arrays of a RegistryFiche are sets (partners, codes, blocs,
 * statistics…), and the export does not keep their order stable from one day to the next
 * (the fixture lists statistics 2023, 2021, 2022), so order must not count as a change.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    return `[${value
      .map(canonicalJson)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the fiche's canonical JSON: equal hashes ⇔ nothing users see has changed. */
export function ficheHash(fiche: RegistryFiche): string {
  return createHash('sha256').update(HASH_VERSION).update('\n').update(canonicalJson(fiche)).digest('hex');
}
