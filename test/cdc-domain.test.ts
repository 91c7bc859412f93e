import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { communeDirectory } from '../src/modules/candidates/communes.js';
import { addMonths, deadlineOf, depositState, isAlreadyThere } from '../src/modules/cdc/domain/deadline.js';
import { buildFlux, type FluxPassage, horodatage } from '../src/modules/cdc/domain/flux.js';
import { initiativeOf, MODALITES_ACCES, modaliteAccesOf } from '../src/modules/cdc/domain/mapping.js';
import { type HolderIdentity, preflight } from '../src/modules/cdc/domain/preflight.js';
import { parseReport, ReportError, reportResults } from '../src/modules/cdc/domain/report.js';
import { validateFlux, xsdPath } from '../src/modules/cdc/xsd.js';
import { ROUTE_IDS } from '../src/modules/eligibility/domain/model.js';

/**
 * The CDC deposit's pure rules (pre-flight, mapping, deadline, report) and the flux writer with
 * its XSD validation: in-process (libxml2-wasm) and with the system xmllint, which must be
 * installed (.ci/run installs libxml2-utils): its absence FAILS the test.
 */
const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'cdc');
const directory = communeDirectory();
const TODAY = '2026-12-01';

const identity = (over: Partial<HolderIdentity> = {}): HolderIdentity => ({
  birthName: 'MARTIN',
  usageName: null,
  firstNames: ['Camille'],
  sex: 'F',
  birthYear: 1998,
  birthMonth: 4,
  birthDay: 17,
  birthCommuneInsee: '69387',
  birthCountryInsee: null,
  anonymised: false,
  ...over,
});

function systemXmllint(xml: string): { ok: boolean; output: string } {
  const probe = spawnSync('xmllint', ['--version']);
  if (probe.error)
    throw new Error(
      'xmllint introuvable : installez libxml2-utils (apt-get install libxml2-utils) — .ci/run le fait.',
    );
  const dir = mkdtempSync(path.join(tmpdir(), 'qualif-cdc-'));
  try {
    const file = path.join(dir, 'flux.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--huge', '--schema', xsdPath('1.1.2') as string, file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.slice(0, 2000) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('identity pre-flight', () => {
  it('passes a complete identity and writes it as the flux wants it', () => {
    const r = preflight(
      identity({ birthName: 'D’Artagnan', firstNames: ['Jean-Marc', 'Éric', 'Noé', 'Paul'] }),
      directory,
      TODAY,
    );
    expect(r).toEqual({
      ok: true,
      holder: expect.objectContaining({
        birthName: "D'Artagnan",
        firstNames: ['Jean-Marc', 'Éric', 'Noé'],
        communeInsee: '69387',
        countryCode: null,
      }),
    });
  });

  it.each([
    [{ birthName: 'Dupont2' }, /Nom de naissance : caractères non admis/],
    [{ birthName: 'X'.repeat(61) }, /60 caractères/],
    [{ usageName: 'Le  Goff' }, /Nom d’usage : caractères/],
    [{ firstNames: [] }, /Prénom manquant/],
    [{ birthDay: null }, /Date de naissance incomplète/],
    [{ birthMonth: 2, birthDay: 30 }, /Jour de naissance invalide/],
    [{ birthCommuneInsee: '75056' }, /arrondissement/],
    [{ birthCommuneInsee: '20004' }, /Code commune de naissance \(INSEE\) invalide/],
    [{ birthCommuneInsee: null }, /Lieu de naissance manquant/],
    [{ birthCommuneInsee: null, birthCountryInsee: '99100' }, /Code pays/],
    [{ birthCountryInsee: '99134' }, /commune et pays à la fois/],
    [{ birthYear: 1899 }, /Année de naissance/],
    [{ anonymised: true }, /effacée/],
  ] as [Partial<HolderIdentity>, RegExp][])('refuses %j', (over, reason) => {
    const r = preflight(identity(over), directory, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reasons.join(' ')).toMatch(reason);
      // Field names only, never the values.
      for (const v of Object.values(over))
        if (typeof v === 'string' && v.length > 2) expect(r.reasons.join(' ')).not.toContain(v);
    }
  });

  it('born abroad: the country’s 3 digits, day and month may be unknown', () => {
    const r = preflight(
      identity({ birthCommuneInsee: null, birthCountryInsee: '99109', birthMonth: null, birthDay: null }),
      directory,
      TODAY,
    );
    expect(r).toMatchObject({
      ok: true,
      holder: { countryCode: '109', communeInsee: null, birthMonth: null, birthDay: null },
    });
  });
});

describe('mapping', () => {
  it('maps every access route to a modaliteAcces of the XSD, VAE with its voie', () => {
    for (const route of [...ROUTE_IDS, 'self_funded']) {
      const m = modaliteAccesOf(route);
      expect(m.modalite === null || MODALITES_ACCES.includes(m.modalite), route).toBe(true);
      expect(m.modalite, route).not.toBeNull();
    }
    expect(modaliteAccesOf('contrat_pro').modalite).toBe(
      'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION',
    );
    expect(modaliteAccesOf('apprentissage').modalite).toBe('FORMATION_INITIALE_APPRENTISSAGE');
    expect(modaliteAccesOf('vae')).toEqual({ modalite: 'VAE', vae: true });
    expect(modaliteAccesOf('inconnue').modalite).toBeNull();
    expect(initiativeOf('employer')).toBe('EMPLOYEUR');
    expect(initiativeOf('cpne')).toBe('AUTRE');
  });
});

describe('deadline', () => {
  it('three calendar months, the month’s last day when the day is missing', () => {
    expect(deadlineOf('2026-01-15')).toBe('2026-04-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -4)).toBe('2025-11-30');
  });

  it('due, late, pending, deposited, rejected until the identity changes', () => {
    const reported = new Date('2026-05-01T10:00:00Z');
    const before = new Date('2026-04-01T00:00:00Z');
    const after = new Date('2026-05-02T00:00:00Z');
    expect(depositState('2026-01-15', null, before, '2026-04-15')).toBe('due');
    expect(depositState('2026-01-15', null, before, '2026-04-16')).toBe('late');
    expect(depositState('2026-01-15', { result: 'pending', reportedAt: null }, before, '2026-09-01')).toBe(
      'pending',
    );
    expect(
      depositState('2026-01-15', { result: 'already', reportedAt: reported }, before, '2026-09-01'),
    ).toBe('deposited');
    expect(depositState('2026-01-15', { result: 'ko', reportedAt: reported }, before, '2026-09-01')).toBe(
      'rejected',
    );
    expect(depositState('2026-01-15', { result: 'ko', reportedAt: reported }, after, '2026-09-01')).toBe(
      'late',
    );
    expect(isAlreadyThere('Le titulaire existe déjà en base')).toBe(true);
  });
});

describe('reports', () => {
  it('reads both real reports', () => {
    const perPassage = parseReport(
      readFileSync(path.join(FIXTURES, 'Accuse_de_traitement_sans_nomFichier.xml'), 'utf8'),
    );
    expect(perPassage).toMatchObject({
      idFlux: '4df76fd4-0915-46df-8c56-525506af35be',
      nomFichier: null,
      idTraitement: '67598',
    });
    expect(perPassage.ok).toEqual(['1968666', '1964200']);
    expect(perPassage.ko).toHaveLength(3);
    const whole = parseReport(
      readFileSync(path.join(FIXTURES, 'Accuse_de_traitement_erreur_traitement.xml'), 'utf8'),
    );
    expect(whole).toMatchObject({
      idFlux: null,
      nomFichier: 'pix-cpf-export-20231016-223357_002.xml',
      ok: [],
      ko: [],
    });
    expect(whole.errors).toEqual([
      { type: 'XSD', message: expect.stringMatching(/^Un espace est obligatoire/), line: '1', column: '18' },
    ]);
    const all = reportResults(whole, ['a', 'b']);
    expect(all.results.map((r) => r.result)).toEqual(['ko', 'ko']);
    const mine = reportResults(perPassage, ['1979262', '1996215', '1983189', '1968666', '1964200']);
    expect(mine.unknown).toEqual([]);
    expect(mine.results.find((r) => r.idTechnique === '1983189')?.result).toBe('already');
  });

  it.each([
    ['<!DOCTYPE r [<!ENTITY x "y">]><rapport><idFlux>&x;</idFlux></rapport>', /DOCTYPE/],
    ['<rapport><idFlux>&x;</idFlux></rapport>', /entité/],
    ['<flux><idFlux>a</idFlux></flux>', /racine/],
    ['<rapport><idFlux>a</idFlux>', /tronqué/],
    ['<rapport><idTraitement>1</idTraitement></rapport>', /ni idFlux ni nomFichier/],
    [`<rapport>${'<a>'.repeat(20)}${'</a>'.repeat(20)}</rapport>`, /profondément/],
  ])('refuses %s', (xml, reason) => {
    expect(() => parseReport(xml)).toThrow(ReportError);
    expect(() => parseReport(xml)).toThrow(reason);
  });
});

function passages(n: number): FluxPassage[] {
  const holder = preflight(identity(), directory, TODAY);
  if (!holder.ok) throw new Error('fixture');
  return Array.from({ length: n }, (_, i) => ({
    idTechnique: `CQP-TEST-2026-${String(i + 1).padStart(6, '0')}-1`,
    registry: i % 7 === 0 ? 'RS' : 'RNCP',
    code: i % 7 === 0 ? 'RS5012' : 'RNCP34567',
    awardedOn: '2026-06-15',
    enrolledOn: i % 3 === 0 ? null : '2025-09-01',
    modaliteAcces: i % 5 === 0 ? null : 'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION',
    vae: false,
    initiative: i % 2 === 0 ? 'EMPLOYEUR' : null,
    holder: {
      ...holder.holder,
      birthName: `O’BRIEN & <FILS> ${'ABCDEFGHIJ'[i % 10]}`,
      usageName: i % 4 === 0 ? 'Dupont-Durand' : null,
      ...(i % 6 === 0 ? { communeInsee: null, countryCode: '134', birthMonth: null, birthDay: null } : {}),
    },
  }));
}

describe('the flux', () => {
  it('writes the horodatage in Paris time with its offset, as the XSD’s pattern wants', () => {
    expect(horodatage(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16T00:30:00+01:00');
    expect(horodatage(new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-01T14:00:00+02:00');
  });

  it('escapes every value (names with & < >) and validates in-process and with the system xmllint', () => {
    const xml = buildFlux({
      idFlux: 'f-1',
      at: new Date(),
      clientId: 'ABC12345',
      contractId: 'MCFCER000999',
      passages: passages(50),
    });
    expect(xml).toContain('&amp; &lt;FILS&gt;');
    expect(validateFlux(xml, '1.1.2')).toEqual([]);
    const lint = systemXmllint(xml);
    expect(lint.ok, lint.output).toBe(true);
  });

  it('the synthetic example of shared data validates too (the validator accepts what xmllint accepts)', () => {
    const xml = readFileSync(path.join(FIXTURES, 'SYNTHETIC_exemple-flux-cqp_xsd-1.1.2.xml'), 'utf8');
    expect(validateFlux(xml, '1.1.2')).toEqual([]);
  });

  it('a flux the XSD refuses is named by line and element, without its values', () => {
    const xml = buildFlux({
      idFlux: 'f-2',
      at: new Date(),
      clientId: 'TROP-LONG-ID',
      contractId: 'C',
      passages: passages(2),
    }).replace('<cpf:sexe>F</cpf:sexe>', "<cpf:sexe>SECRET'S VALUE</cpf:sexe>");
    const errors = validateFlux(xml, '1.1.2');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.map((e) => e.element)).toEqual(expect.arrayContaining(['cpf:idClient', 'cpf:sexe']));
    expect(JSON.stringify(errors)).not.toMatch(/SECRET|TROP-LONG-ID/);
    expect(systemXmllint(xml).ok).toBe(false);
  });

  it('10,000 passages: generated and validated in-process and by xmllint', () => {
    const xml = buildFlux({
      idFlux: 'f-10k',
      at: new Date(),
      clientId: 'ABC12345',
      contractId: 'MCFCER000999',
      passages: passages(10_000),
    });
    expect(validateFlux(xml, '1.1.2')).toEqual([]);
    const lint = systemXmllint(xml);
    expect(lint.ok, lint.output).toBe(true);
  }, 120_000);
});
