/** The registry API's shapes (see src/modules/registry/schemas.ts, and /docs). */

export type RegistryName = 'RNCP' | 'RS';
export type JuryRoute = 'FI' | 'CA' | 'FC' | 'CQ' | 'CL' | 'VAE';
type CodeLabel = { code: string; label: string };

export type RegistryFiche = {
  numero: string;
  registry: RegistryName;
  title: string;
  abbreviation?: CodeLabel;
  state?: string;
  active: boolean;
  registrationType?: string;
  decisionDate?: string;
  publicationDate?: string;
  effectDate?: string;
  endDate?: string;
  deliveryDeadline?: string;
  level?: number;
  certifiers: { siret?: string; name: string; state?: string }[];
  partners: {
    name: string;
    siret: string;
    habilitation: 'FORMER' | 'ORGANISER' | 'ORGA_FORM';
    state?: string;
  }[];
  juries: Record<JuryRoute, { active: boolean; composition?: string }>;
  blocs: { code: string; label: string; competencies?: string; assessment?: string }[];
  rome: CodeLabel[];
  nsf: CodeLabel[];
  formacode: CodeLabel[];
  successors: string[];
  predecessors: string[];
};

export type FicheAnswer = { fiche: RegistryFiche; present: boolean; hash: string; updatedAt: string };

export type FicheSummary = {
  numero: string;
  registry: RegistryName;
  title: string;
  abbreviation: string | null;
  state: string | null;
  active: boolean;
  level: number | null;
  startDate: string | null;
  endDate: string | null;
};

export type ImportRun = {
  id: string;
  fileName: string;
  fileType: 'xml' | 'xml-zip' | 'csv-zip' | null;
  kind: 'RNCP' | 'RS' | 'MIXED' | null;
  version: string | null;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  endedAt: string | null;
  bytesTotal: number;
  bytesRead: number;
  fichesRead: number;
  counts: {
    new: number;
    changed: number;
    unchanged: number;
    removed: number;
    rejected: number;
    alerts: number;
  };
  error: { message: string; line?: number; column?: number; fiche?: string } | null;
  actor: string;
};

export type AlertKind =
  | 'registration_ended'
  | 'registration_differs'
  | 'title_differs'
  | 'successor'
  | 'fiche_missing';

export type RegistryAlert = {
  id: string;
  certification: { id: string; code: string; title: string };
  numero: string;
  kind: AlertKind;
  details: Record<string, unknown>;
  status: 'open' | 'applied' | 'dismissed';
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
};

export type RegistryLink = {
  numero: string;
  createdAt: string;
  fiche:
    | (Omit<FicheSummary, 'abbreviation' | 'state'> & {
        present: boolean;
      })
    | null;
};
