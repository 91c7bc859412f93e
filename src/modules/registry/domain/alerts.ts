import type { AlertKind } from '../../../contracts/registry.js';
import { type IsoDate, type RecognitionEvent, recognitionOn } from '../../catalogue/domain/recognition.js';
import { canonicalJson, type Registry } from './fiche.js';

/**
 * What the registry says about one linked fiche, and what the catalogue says about the
 * certification, compared on a date (today). Pure: the sync service loads both sides.
 */
export type FicheFacts = {
  numero: string;
  registry: Registry;
  title: string;
  active: boolean;
  /** false: the last full export of its registry no longer lists it. */
  present: boolean;
  state?: string | undefined;
  start?: IsoDate | undefined;
  end?: IsoDate | undefined;
  level?: number | undefined;
  successors: { numero: string; title?: string | undefined }[];
};

export type CatalogueFacts = { title: string; events: readonly RecognitionEvent[] };

export type { AlertKind };

export type Difference = { kind: AlertKind; details: Record<string, unknown> };

/**
 * An alert's lifecycle. Only an open alert moves: a person applies the registry or dismisses
 * it; the sync closes it when its difference changed (`supersede`) or went away (`resolve`);
 * removing the certification ↔ fiche link closes it (`unlink`). The resolution kept beside
 * the status is the action's name (`applied`, `dismissed`, `superseded`, `resolved`, `unlinked`).
 */
export const ALERT_TRANSITIONS = {
  open: {
    apply: 'applied',
    dismiss: 'dismissed',
    supersede: 'dismissed',
    resolve: 'dismissed',
    unlink: 'dismissed',
  },
  applied: {},
  dismissed: {},
} as const satisfies Record<string, Record<string, string>>;

export type AlertStatus = keyof typeof ALERT_TRANSITIONS;
export type AlertAction = keyof (typeof ALERT_TRANSITIONS)['open'];

/** The status after `action`, or null when the alert cannot take it. */
export function nextAlertStatus(status: AlertStatus, action: AlertAction): AlertStatus | null {
  const row: Partial<Record<AlertAction, AlertStatus>> = ALERT_TRANSITIONS[status];
  return row[action] ?? null;
}

/** What is recorded beside the status: `applied`, `dismissed`, `superseded`… */
export const ALERT_RESOLUTION: Record<AlertAction, string> = {
  apply: 'applied',
  dismiss: 'dismissed',
  supersede: 'superseded',
  resolve: 'resolved',
  unlink: 'unlinked',
};

/** Kinds that "apply" resolves by writing the registry's registration into the catalogue. */
export const APPLIES_REGISTRATION: readonly AlertKind[] = ['registration_ended', 'registration_differs'];

/** What « Appliquer le registre » on an open alert depends on, loaded by the service. */
export type ApplyFacts = {
  kind: AlertKind;
  /** The alert's fiche as imported (registration kinds); undefined when unknown. */
  fiche?:
    | {
        present: boolean;
        registry: Registry;
        start: IsoDate | null;
        end: IsoDate | null;
        level: number | null;
      }
    | undefined;
  /** Successor alerts: whether a certification of the catalogue is linked to a successor fiche. */
  successorLinked?: boolean;
};

/** Why applying would fail: the field it concerns, the reason, and what to do instead. */
export type ApplyRefusal = { field: string[]; detail: string; summary: string };

/**
 * Why « Appliquer le registre » cannot succeed on this alert, or null when it can: the one
 * rule behind both the apply action (422) and the `can.apply` offered with each alert.
 */
export function applyRefusal(facts: ApplyFacts, today: IsoDate): ApplyRefusal | null {
  const { kind, fiche } = facts;
  if (APPLIES_REGISTRATION.includes(kind)) {
    if (!fiche?.present || !fiche.start || !fiche.end) {
      return {
        field: ['numero'],
        detail: 'La fiche n’a pas de dates de début et de fin dans le registre.',
        summary:
          'Le registre ne donne pas de dates à appliquer : corrigez l’inscription à la main, puis classez l’alerte.',
      };
    }
    if (fiche.registry === 'RNCP' && (fiche.level === null || fiche.level < 3)) {
      return {
        field: ['numero'],
        detail: 'La fiche RNCP n’a pas de niveau de 3 à 8.',
        summary:
          'Le registre ne donne pas de niveau à appliquer : corrigez l’inscription à la main, puis classez l’alerte.',
      };
    }
    if (kind === 'registration_ended' && fiche.end >= today) {
      return {
        field: ['kind'],
        detail: 'Fiche inactive sans date de fin passée.',
        summary:
          'Le registre ne donne pas de date de fin passée : enregistrez le retrait à la main, puis classez l’alerte.',
      };
    }
    return null;
  }
  if (kind === 'successor') {
    return facts.successorLinked
      ? null
      : {
          field: ['details', 'successors'],
          detail: 'Aucune certification du catalogue n’est liée à la fiche successeur.',
          summary: 'Liez d’abord la fiche successeur à une certification du catalogue.',
        };
  }
  return {
    field: ['kind'],
    detail: 'Cette alerte ne s’applique pas automatiquement.',
    summary: 'Corrigez la certification dans le catalogue, puis classez l’alerte.',
  };
}

/** Titles compared without case, accents, punctuation or spacing differences. */
export function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replaceAll('œ', 'oe')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}

const registrationType = (registry: Registry) => (registry === 'RNCP' ? 'rncp_registered' : 'rs_registered');

/** The catalogue's latest registration under this number (by start of validity). */
export function catalogueRegistration(
  events: readonly RecognitionEvent[],
  fiche: Pick<FicheFacts, 'numero' | 'registry'>,
) {
  return events
    .filter((e) => e.type === registrationType(fiche.registry) && e.number === fiche.numero)
    .sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? 1 : -1))[0];
}

/**
 * Every difference between a linked fiche and the catalogue, each one an alert:
 * - `fiche_missing`: the fiche is unknown, or absent from the latest export of its registry;
 * - `registration_ended`: the fiche is inactive or past its end date while the catalogue
 *   says the certification is registered under this number on `today`;
 * - `registration_differs`: the catalogue has no registration under this number, or one
 *   with other start / end dates or (RNCP) another level (not raised when the only
 *   difference is the end date of a `registration_ended`: one cause, one alert);
 * - `title_differs`;
 * - `successor`: the registry names fiches that replace this one and the catalogue records
 *   no replacement.
 * Details are plain data, so two identical differences have the same canonical JSON.
 */
export function registryDifferences(
  numero: string,
  fiche: FicheFacts | undefined,
  catalogue: CatalogueFacts,
  today: IsoDate,
): Difference[] {
  if (!fiche?.present) {
    return [{ kind: 'fiche_missing', details: { numero, known: fiche !== undefined } }];
  }
  const out: Difference[] = [];
  const registry = { from: fiche.start ?? null, to: fiche.end ?? null, level: fiche.level ?? null };
  const recognition = recognitionOn(catalogue.events, today);
  const ended = !fiche.active || (fiche.end !== undefined && fiche.end < today);
  if (
    ended &&
    recognition.status !== 'none' &&
    'number' in recognition &&
    recognition.number === fiche.numero
  ) {
    out.push({
      kind: 'registration_ended',
      details: {
        registry: { active: fiche.active, state: fiche.state ?? null, to: registry.to },
        catalogue: { status: recognition.status, from: recognition.from, to: recognition.to },
      },
    });
  }

  const current = catalogueRegistration(catalogue.events, fiche);
  if (!current) {
    out.push({ kind: 'registration_differs', details: { fields: ['missing'], registry, catalogue: null } });
  } else {
    const fields: string[] = [];
    if (fiche.start && current.from !== fiche.start) fields.push('from');
    if (fiche.end && current.to !== fiche.end) fields.push('to');
    if (fiche.registry === 'RNCP' && fiche.level !== undefined && current.level !== fiche.level) {
      fields.push('level');
    }
    // An ended registration whose only difference is its end date is one alert, not two.
    const sameCause =
      ended && out.some((d) => d.kind === 'registration_ended') && fields.every((f) => f === 'to');
    if (fields.length > 0 && !sameCause) {
      out.push({
        kind: 'registration_differs',
        details: {
          fields,
          registry,
          catalogue: { from: current.from ?? null, to: current.to ?? null, level: current.level ?? null },
        },
      });
    }
  }

  if (!sameTitle(fiche.title, catalogue.title)) {
    out.push({ kind: 'title_differs', details: { registry: fiche.title, catalogue: catalogue.title } });
  }

  const replaced = catalogue.events.some((e) => e.type === 'replaced');
  if (fiche.successors.length > 0 && !replaced) {
    out.push({
      kind: 'successor',
      details: {
        successors: [...fiche.successors]
          .sort((a, b) => (a.numero < b.numero ? -1 : 1))
          .map((s) => ({ numero: s.numero, title: s.title ?? null })),
      },
    });
  }
  return out;
}

/** Identity of an alert's content, for "don't open the same alert twice". */
export function detailsKey(details: unknown): string {
  return canonicalJson(details);
}
