import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  ficheHash,
  inactiveJuries,
  kindOf,
  parseFrenchDate,
  parseHabilitation,
  parseLevel,
  parseOuiNon,
  parseRate,
  type RegistryFiche,
  registryOf,
} from './fiche.js';

const fiche = (): RegistryFiche => ({
  numero: 'RNCP34762',
  registry: 'RNCP',
  idFiche: 20172,
  title: 'Programme Grande Ecole',
  active: true,
  level: 7,
  certifiers: [{ siret: '81738914100018', name: 'GEM', state: 'Actif' }],
  partners: [
    { name: 'A', siret: '19530081900016', habilitation: 'ORGA_FORM', state: 'Actif' },
    { name: 'B', siret: '41387086600063', habilitation: 'FORMER' },
  ],
  juries: inactiveJuries(),
  blocs: [{ code: 'RNCP34762BC01', label: 'Stratégie' }],
  rome: [],
  nsf: [],
  formacode: [],
  idcc: [],
  ccn: [],
  successors: ['RNCP39568'],
  predecessors: [],
  correspondences: [],
  statistics: [
    { year: 2018, certified: 876 },
    { year: 2017, certified: 853 },
  ],
  texts: {},
});

describe('registry value formats', () => {
  it('reads JJ/MM/AAAA strictly', () => {
    expect(parseFrenchDate('01/09/2020')).toBe('2020-09-01');
    expect(parseFrenchDate('29/02/2024')).toBe('2024-02-29');
    for (const bad of [
      '29/02/2023',
      '31/04/2024',
      '00/01/2024',
      '01/13/2024',
      '1/9/2020',
      '2020-09-01',
      '01/09/2020 ',
      '',
    ])
      expect(parseFrenchDate(bad), bad).toBeNull();
  });

  it('tells the registry from the number', () => {
    expect(registryOf('RNCP34762')).toBe('RNCP');
    expect(registryOf('RS5000')).toBe('RS');
    expect(registryOf('rncp34762')).toBeNull();
    expect(registryOf('RNCP')).toBeNull();
  });

  it('reads levels, booleans, habilitations and rates', () => {
    expect(parseLevel('NIV3')).toBe(3);
    expect(parseLevel('NIV8')).toBe(8);
    expect(parseLevel('REPRISE')).toBeUndefined();
    expect(parseLevel('Niveau 3')).toBeNull();
    expect(parseOuiNon('Oui')).toBe(true);
    expect(parseOuiNon('Non')).toBe(false);
    expect(parseOuiNon('oui')).toBeNull();
    expect(parseHabilitation('HABILITATION_ORGANISER')).toBe('ORGANISER');
    expect(parseHabilitation('ORGANISER')).toBeNull();
    expect(parseRate('76,5')).toBe(76.5);
    expect(parseRate('-1')).toBeNull();
    expect(kindOf(new Set(['RNCP', 'RS']))).toBe('MIXED');
    expect(kindOf(new Set(['RS']))).toBe('RS');
  });
});

describe('ficheHash', () => {
  it('is a stable SHA-256 that ignores key and list order', () => {
    const a = fiche();
    const b = fiche();
    b.partners.reverse();
    b.statistics.reverse();
    expect(ficheHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(ficheHash(a)).toBe(ficheHash(b));
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as RegistryFiche;
    expect(ficheHash(reordered)).toBe(ficheHash(a));
    expect(canonicalJson({ b: 1, a: [2, 1], c: undefined })).toBe('{"a":[1,2],"b":1}');
  });

  it('changes when anything users see changes', () => {
    const base = ficheHash(fiche());
    const changes: ((f: RegistryFiche) => void)[] = [
      (f) => {
        f.title = 'Programme Grande École';
      },
      (f) => {
        f.active = false;
      },
      (f) => {
        f.endDate = '2029-08-31';
      },
      (f) => {
        f.partners[1]!.state = 'Inactif';
      },
      (f) => {
        f.juries.VAE = { active: true };
      },
      (f) => {
        f.statistics[0]!.certified = 877;
      },
      (f) => {
        f.partners.pop();
      },
    ];
    const hashes = changes.map((change) => {
      const f = fiche();
      change(f);
      return ficheHash(f);
    });
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
