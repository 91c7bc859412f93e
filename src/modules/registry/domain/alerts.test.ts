import { describe, expect, it } from 'vitest';
import type { RecognitionEvent } from '../../catalogue/domain/recognition.js';
import {
  applyRefusal,
  detailsKey,
  type FicheFacts,
  nextAlertStatus,
  registryDifferences,
  sameTitle,
} from './alerts.js';

const TODAY = '2026-11-24';
const fiche = (over: Partial<FicheFacts> = {}): FicheFacts => ({
  numero: 'RNCP34762',
  registry: 'RNCP',
  title: 'Agent de prévention et de sécurité',
  active: true,
  present: true,
  start: '2023-03-01',
  end: '2028-02-29',
  level: 3,
  successors: [],
  ...over,
});
const registered = (over: Partial<RecognitionEvent> = {}): RecognitionEvent[] => [
  { type: 'transmitted', date: '2022-07-12' },
  {
    type: 'rncp_registered',
    date: '2023-02-22',
    number: 'RNCP34762',
    level: 3,
    from: '2023-03-01',
    to: '2028-02-29',
    ...over,
  },
];
const kinds = (
  f: FicheFacts | undefined,
  events: RecognitionEvent[],
  title = 'Agent de prévention et de sécurité',
) => registryDifferences('RNCP34762', f, { title, events }, TODAY).map((d) => d.kind);

describe('registryDifferences', () => {
  it('nothing when the registry and the catalogue agree', () => {
    expect(kinds(fiche(), registered())).toEqual([]);
  });

  it('a fiche ended or inactive while the catalogue says registered under its number', () => {
    expect(kinds(fiche({ active: false }), registered())).toEqual(['registration_ended']);
    // One cause, one alert: the end date differs only because the registration ended.
    expect(kinds(fiche({ end: '2024-08-31' }), registered())).toEqual(['registration_ended']);
    // Ended, and another level too: both.
    expect(kinds(fiche({ end: '2024-08-31', level: 4 }), registered())).toEqual([
      'registration_ended',
      'registration_differs',
    ]);
    // Registered today under another number: the ended fiche is history, not an alert.
    expect(kinds(fiche({ end: '2024-08-31' }), registered({ number: 'RNCP40000' }))).toEqual([
      'registration_differs',
    ]);
  });

  it('other dates or level, or no registration under that number', () => {
    const [d] = registryDifferences(
      'RNCP34762',
      fiche({ level: 4, start: '2023-03-02' }),
      { title: 'Agent de prévention et de sécurité', events: registered() },
      TODAY,
    );
    expect(d).toEqual({
      kind: 'registration_differs',
      details: {
        fields: ['from', 'level'],
        registry: { from: '2023-03-02', to: '2028-02-29', level: 4 },
        catalogue: { from: '2023-03-01', to: '2028-02-29', level: 3 },
      },
    });
    expect(kinds(fiche(), [{ type: 'transmitted', date: '2022-07-12' }])).toEqual(['registration_differs']);
    // RS fiches have no level to compare.
    expect(
      kinds(fiche({ numero: 'RS5000', registry: 'RS', level: undefined }), [
        { type: 'transmitted', date: '2022-07-12' },
        { type: 'rs_registered', date: '2023-02-22', number: 'RS5000', from: '2023-03-01', to: '2028-02-29' },
      ]),
    ).toEqual([]);
  });

  it('titles compared without case, accents or punctuation', () => {
    expect(sameTitle('Agent de prévention et de sécurité', 'AGENT DE PREVENTION ET DE SECURITE.')).toBe(true);
    expect(kinds(fiche(), registered(), 'Agent cynophile')).toEqual(['title_differs']);
  });

  it('a successor, unless the catalogue already records a replacement', () => {
    const f = fiche({ successors: [{ numero: 'RNCP39568', title: 'Suite' }] });
    expect(kinds(f, registered())).toEqual(['successor']);
    expect(kinds(f, [...registered(), { type: 'replaced', date: '2027-01-01' }])).toEqual([]);
  });

  it('a fiche unknown or absent from the latest export', () => {
    expect(kinds(undefined, registered())).toEqual(['fiche_missing']);
    expect(kinds(fiche({ present: false }), registered())).toEqual(['fiche_missing']);
  });

  it('details have a canonical identity', () => {
    expect(detailsKey({ b: 1, a: [2, 1] })).toBe(detailsKey({ a: [1, 2], b: 1 }));
  });
});

describe('alert lifecycle', () => {
  it('only an open alert moves, to applied or dismissed', () => {
    expect(nextAlertStatus('open', 'apply')).toBe('applied');
    for (const action of ['dismiss', 'supersede', 'resolve', 'unlink'] as const) {
      expect(nextAlertStatus('open', action)).toBe('dismissed');
    }
    for (const status of ['applied', 'dismissed'] as const) {
      for (const action of ['apply', 'dismiss', 'supersede', 'resolve', 'unlink'] as const) {
        expect(nextAlertStatus(status, action)).toBeNull();
      }
    }
  });
});

describe('applyRefusal: whether « Appliquer le registre » can succeed', () => {
  const today = '2026-03-01';
  const fiche = {
    present: true,
    registry: 'RNCP' as const,
    start: '2021-03-01',
    end: '2026-02-28',
    level: 4,
  };

  it('applies a registration the registry dates, with a level for RNCP', () => {
    expect(applyRefusal({ kind: 'registration_differs', fiche }, today)).toBeNull();
    expect(applyRefusal({ kind: 'registration_ended', fiche }, today)).toBeNull();
    expect(
      applyRefusal({ kind: 'registration_differs', fiche: { ...fiche, registry: 'RS', level: null } }, today),
    ).toBeNull();
  });

  it('refuses a registration without dates, an absent fiche, an RNCP fiche without level', () => {
    expect(
      applyRefusal({ kind: 'registration_differs', fiche: { ...fiche, end: null } }, today)?.field,
    ).toEqual(['numero']);
    expect(applyRefusal({ kind: 'registration_differs', fiche: undefined }, today)?.detail).toMatch(/dates/);
    expect(
      applyRefusal({ kind: 'registration_differs', fiche: { ...fiche, present: false } }, today),
    ).not.toBeNull();
    expect(
      applyRefusal({ kind: 'registration_differs', fiche: { ...fiche, level: 2 } }, today)?.detail,
    ).toMatch(/niveau/);
  });

  it('refuses to end a registration the registry does not end before today', () => {
    const refusal = applyRefusal({ kind: 'registration_ended', fiche: { ...fiche, end: today } }, today);
    expect(refusal?.field).toEqual(['kind']);
    expect(refusal?.summary).toMatch(/retrait à la main/);
  });

  it('replaces by a successor only when one is linked to a certification', () => {
    expect(applyRefusal({ kind: 'successor', successorLinked: true }, today)).toBeNull();
    expect(applyRefusal({ kind: 'successor', successorLinked: false }, today)?.summary).toMatch(
      /Liez d’abord/,
    );
  });

  it('never applies a title or a missing fiche', () => {
    expect(applyRefusal({ kind: 'title_differs' }, today)?.summary).toMatch(/Corrigez/);
    expect(applyRefusal({ kind: 'fiche_missing' }, today)).not.toBeNull();
  });
});
