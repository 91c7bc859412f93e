import type { RegistryAlert, RegistryFiche } from '../api/registry';
import { formatDate, today } from '../format/date';

/** The registry's values and their French names, shared with the server (src/contracts/registry.ts). */
export {
  ALERT_LABELS,
  JURY_ROUTE_LABELS,
  JURY_ROUTES,
  PARTNER_HABILITATION_LABELS,
} from '../../../src/contracts/registry';

/** Why a closed alert was closed without a person applying or dismissing it. */
export const CLOSED_BY_LABELS: Readonly<Record<string, string>> = {
  superseded: 'remplacée par une alerte plus récente',
  resolved: 'l’écart a disparu',
  unlinked: 'lien avec la fiche retiré',
};

/** Which registry an import held: « RNCP », « RS » or both. */
export function registryKindLabel(kind: 'RNCP' | 'RS' | 'MIXED'): string {
  return kind === 'MIXED' ? 'RNCP et RS' : kind;
}

export const FILE_TYPE_LABELS = { xml: 'XML', 'xml-zip': 'XML zippé', 'csv-zip': 'CSV zippé' } as const;

export type Registration =
  | { registered: true; from?: string; to?: string }
  | { registered: false; why: string; from?: string; to?: string };

/** Whether a fiche is in force today, and why not. */
export function registrationOf(fiche: RegistryFiche, present: boolean, on = today()): Registration {
  const from = fiche.effectDate ?? fiche.decisionDate;
  const to = fiche.endDate;
  if (!present) return { registered: false, why: 'la fiche ne figure plus dans le dernier export', from, to };
  if (!fiche.active) return { registered: false, why: 'la fiche est inactive', from, to };
  if (to && to < on)
    return { registered: false, why: `l’enregistrement a pris fin le ${formatDate(to)}`, from, to };
  if (from && from > on)
    return { registered: false, why: `l’enregistrement commence le ${formatDate(from)}`, from, to };
  return { registered: true, from, to };
}

type Dated = { from?: string | null; to?: string | null; level?: number | null };

function period(d: Dated | null | undefined): string {
  if (!d) return 'aucune inscription';
  const parts = [
    d.from ? `du ${formatDate(d.from)}` : 'date de début inconnue',
    d.to ? `au ${formatDate(d.to)}` : 'sans date de fin',
  ];
  if (d.level) parts.push(`niveau ${d.level}`);
  return parts.join(' ');
}

/** One sentence saying what differs, from the alert's details. */
export function describeAlert(alert: Pick<RegistryAlert, 'kind' | 'details' | 'numero'>): string {
  const d = alert.details as Record<string, unknown>;
  switch (alert.kind) {
    case 'registration_ended': {
      const reg = d.registry as { active?: boolean; to?: string | null } | undefined;
      return reg?.active === false
        ? `La fiche ${alert.numero} est inactive, alors que le catalogue indique la certification inscrite.`
        : `L’enregistrement de la fiche ${alert.numero} a pris fin${reg?.to ? ` le ${formatDate(reg.to)}` : ''}, alors que le catalogue indique la certification inscrite.`;
    }
    case 'registration_differs': {
      const fields = (d.fields as string[] | undefined) ?? [];
      if (fields.includes('missing')) {
        return `Le registre inscrit ${alert.numero} (${period(d.registry as Dated)}) ; le catalogue n’a pas cette inscription.`;
      }
      return `Registre : ${period(d.registry as Dated)}. Catalogue : ${period(d.catalogue as Dated)}.`;
    }
    case 'title_differs':
      return `Registre : « ${String(d.registry)} ». Catalogue : « ${String(d.catalogue)} ».`;
    case 'successor': {
      const list = ((d.successors as { numero: string; title: string | null }[] | undefined) ?? [])
        .map((s) => (s.title ? `${s.numero} (${s.title})` : s.numero))
        .join(', ');
      return `La fiche ${alert.numero} est remplacée par ${list}.`;
    }
    case 'fiche_missing':
      return d.known
        ? `La fiche ${alert.numero} ne figure plus dans le dernier export de son répertoire.`
        : `La fiche ${alert.numero} n’a pas été trouvée dans les exports importés.`;
  }
}
