import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthDateKey,
  birthDateProblems,
  type CommuneDirectory,
  cdcCountryCode,
  checkBirthPlace,
  departmentOf,
  duplicateReasons,
  emailKey,
  identityKey,
  maskNir,
  nirIdentityProblems,
  nirKey,
  nirProblem,
  normaliseName,
  normaliseNir,
} from './identity.js';

const TODAY = '2026-03-15';

describe('birth date (day and month may be unknown)', () => {
  it('accepts a full date, a date without day, a year alone', () => {
    expect(birthDateProblems({ year: 1985, month: 5, day: 12 }, TODAY)).toEqual([]);
    expect(birthDateProblems({ year: 1985, month: 5 }, TODAY)).toEqual([]);
    expect(birthDateProblems({ year: 1985 }, TODAY)).toEqual([]);
  });

  it('refuses a day without month', () => {
    expect(birthDateProblems({ year: 1985, day: 12 }, TODAY)).toEqual([
      { path: ['day'], detail: expect.stringMatching(/sans mois/) },
    ]);
  });

  it('refuses days that do not exist in the month, 29 February out of leap years', () => {
    expect(birthDateProblems({ year: 2000, month: 2, day: 29 }, TODAY)).toEqual([]);
    expect(birthDateProblems({ year: 1900, month: 2, day: 29 }, TODAY)).toMatchObject([{ path: ['day'] }]);
    expect(birthDateProblems({ year: 2001, month: 2, day: 29 }, TODAY)).toMatchObject([{ path: ['day'] }]);
    expect(birthDateProblems({ year: 2001, month: 4, day: 31 }, TODAY)).toMatchObject([{ path: ['day'] }]);
    expect(birthDateProblems({ year: 2001, month: 4, day: 0 }, TODAY)).toMatchObject([{ path: ['day'] }]);
    expect(birthDateProblems({ year: 2001, month: 4, day: 32 }, TODAY)).toMatchObject([{ path: ['day'] }]);
    expect(birthDateProblems({ year: 2001, month: 4, day: 1.5 }, TODAY)).toMatchObject([{ path: ['day'] }]);
  });

  it('refuses a month out of 1–12 and a year out of 1900–this year', () => {
    expect(birthDateProblems({ year: 1985, month: 0 }, TODAY)).toMatchObject([{ path: ['month'] }]);
    expect(birthDateProblems({ year: 1985, month: 13 }, TODAY)).toMatchObject([{ path: ['month'] }]);
    expect(birthDateProblems({ year: 1899 }, TODAY)).toMatchObject([{ path: ['year'] }]);
    expect(birthDateProblems({ year: 2027 }, TODAY)).toMatchObject([{ path: ['year'] }]);
    // Both wrong: both named, the day not checked against an unknown month length.
    expect(birthDateProblems({ year: 1985, month: 13, day: 31 }, TODAY).map((p) => p.path)).toEqual([
      ['month'],
    ]);
  });

  it('refuses a date after today, even within this year', () => {
    expect(birthDateProblems({ year: 2026, month: 3, day: 15 }, TODAY)).toEqual([]);
    expect(birthDateProblems({ year: 2026, month: 3, day: 16 }, TODAY)).toMatchObject([{ path: [] }]);
    expect(birthDateProblems({ year: 2026, month: 4 }, TODAY)).toMatchObject([{ path: [] }]);
    expect(birthDateProblems({ year: 2026 }, TODAY)).toEqual([]);
  });

  it('is written with 00 for what is unknown', () => {
    expect(birthDateKey({ year: 1985, month: 5, day: 2 })).toBe('1985-05-02');
    expect(birthDateKey({ year: 1985, month: 5 })).toBe('1985-05-00');
    expect(birthDateKey({ year: 1985 })).toBe('1985-00-00');
  });
});

describe('age on a date', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn({ year: 2000, month: 6, day: 15 }, '2025-06-14')).toBe(24);
    expect(ageOn({ year: 2000, month: 6, day: 15 }, '2025-06-15')).toBe(25);
  });

  it('a 29 February birthday turns a year older on 1 March in other years', () => {
    expect(ageOn({ year: 2004, month: 2, day: 29 }, '2025-02-28')).toBe(20);
    expect(ageOn({ year: 2004, month: 2, day: 29 }, '2025-03-01')).toBe(21);
  });

  it('is known from a partial date when every possible birth day gives the same age', () => {
    expect(ageOn({ year: 2000, month: 6 }, '2025-07-01')).toBe(25);
    expect(ageOn({ year: 2000, month: 6 }, '2025-05-31')).toBe(24);
    expect(ageOn({ year: 2000 }, '2025-12-31')).toBe(25);
  });

  it('is unknown when the unknown parts leave it open', () => {
    expect(ageOn({ year: 2000, month: 6 }, '2025-06-10')).toBeUndefined();
    expect(ageOn({ year: 2000 }, '2025-06-15')).toBeUndefined();
    expect(ageOn({ year: 2000 }, '2026-01-01')).toBeUndefined();
  });
});

const DIRECTORY: CommuneDirectory = {
  departments: new Set(['01', '13', '2A', '2B', '69', '75', '971', '976', '988']),
  communes: new Set(['01001', '13201', '2A004', '2B033', '69381', '75056', '75101', '97101', '98818']),
};

describe('birth place', () => {
  const commune = (code: string) => checkBirthPlace({ communeInsee: code }, DIRECTORY);

  it('accepts a commune of the current list, Corsica and overseas included, in capitals', () => {
    for (const code of ['01001', '2A004', '2b033', '97101', '98818']) {
      expect(commune(code)).toEqual({
        place: { communeInsee: code.toUpperCase() },
        errors: [],
        warnings: [],
      });
    }
  });

  it('accepts the arrondissements of Paris, Lyon and Marseille', () => {
    for (const code of ['75101', '69381', '13201']) expect(commune(code).warnings).toEqual([]);
  });

  it('warns when Paris, Lyon or Marseille is given as a whole: the CDC expects the arrondissement', () => {
    expect(commune('75056')).toMatchObject({
      errors: [],
      warnings: [{ path: ['communeInsee'], detail: expect.stringMatching(/Paris.*arrondissement/) }],
    });
    expect(commune('69123').warnings[0]?.detail).toMatch(/Lyon/);
    expect(commune('13055').warnings[0]?.detail).toMatch(/Marseille/);
  });

  it('accepts with a warning a well-formed code absent from the list (a former commune?)', () => {
    expect(commune('01999')).toEqual({
      place: { communeInsee: '01999' },
      errors: [],
      warnings: [{ path: ['communeInsee'], detail: expect.stringMatching(/liste actuelle/) }],
    });
    expect(commune('97199').warnings).toHaveLength(1);
  });

  it('refuses a malformed code', () => {
    for (const code of ['1001', '010011', 'AB001', '2C001', '0100A', '']) {
      expect(commune(code).errors, code).toMatchObject([{ path: ['communeInsee'] }]);
    }
  });

  it('refuses a code whose department does not exist', () => {
    expect(commune('96001').errors).toMatchObject([{ detail: expect.stringMatching(/« 96 » n’existe pas/) }]);
    expect(commune('00123').errors).toHaveLength(1);
    expect(commune('97501').errors).toMatchObject([{ detail: expect.stringMatching(/« 975 »/) }]);
  });

  it('refuses the old Corsican 20 and a country code given as a commune', () => {
    expect(commune('20004').errors[0]?.detail).toMatch(/2A.*2B/);
    expect(commune('99134').errors[0]?.detail).toMatch(/pays/);
  });

  it('accepts a country code 99 + continent 1–5 + 2 digits, exported as its 3 last characters', () => {
    expect(checkBirthPlace({ countryInsee: '99134' }, DIRECTORY)).toEqual({
      place: { countryInsee: '99134' },
      errors: [],
      warnings: [],
    });
    expect(cdcCountryCode('99134')).toBe('134');
  });

  it('refuses France as a country, and malformed country codes', () => {
    expect(checkBirthPlace({ countryInsee: '99100' }, DIRECTORY).errors[0]?.detail).toMatch(/commune/);
    for (const code of ['99034', '99634', '9913', '991345', '98134', 'ES']) {
      expect(checkBirthPlace({ countryInsee: code }, DIRECTORY).errors, code).toHaveLength(1);
    }
  });

  it('finds the department of a code: 3 characters overseas', () => {
    expect(departmentOf('97101')).toBe('971');
    expect(departmentOf('98818')).toBe('988');
    expect(departmentOf('2A004')).toBe('2A');
    expect(departmentOf('01001')).toBe('01');
  });
});

/** A NIR from its 13 first characters, completed with its right key. */
const withKey = (first13: string) => `${first13}${String(nirKey(first13)).padStart(2, '0')}`;

describe('NIR', () => {
  it('computes the key (97 − number mod 97) as INSEE publishes it', () => {
    // INSEE's own example: 2 55 08 14 168 025, key 38.
    expect(nirKey('2550814168025')).toBe(38);
    expect(nirProblem('255081416802538')).toBeUndefined();
    expect(nirProblem('255081416802539')).toMatch(/clé/);
  });

  it('counts Corsica’s 2A as 19 and 2B as 18', () => {
    expect(nirKey('185052A004123')).toBe(nirKey('1850519004123'));
    expect(nirKey('185052B004123')).toBe(nirKey('1850518004123'));
    expect(nirProblem(withKey('185052A004123'))).toBeUndefined();
    expect(nirProblem(withKey('185052B004123'))).toBeUndefined();
    // The same digits with 19 in place of 2A give the same key: only the form differs.
    expect(nirProblem(withKey('1850519004123'))).toBeUndefined();
  });

  it('accepts births overseas and abroad (99 + country), unknown months (20–99)', () => {
    expect(nirProblem(withKey('1850597101123'))).toBeUndefined();
    expect(nirProblem(withKey('2850599134001'))).toBeUndefined();
    expect(nirProblem(withKey('1852075056001'))).toBeUndefined();
  });

  it('refuses a wrong shape: length, sex digit, month 00 or 13–19, letters elsewhere', () => {
    for (const first13 of [
      '5850575056001',
      '0850575056001',
      '1850075056001',
      '1851375056001',
      '18505750560A1',
    ]) {
      expect(nirProblem(`${first13}00`), first13).toMatch(/15 caractères/);
    }
    expect(nirProblem('18505750560')).toMatch(/15 caractères/);
    expect(nirProblem(`${withKey('1850575056001')}0`)).toMatch(/15 caractères/);
  });

  it('is normalised before the checks: spaces, dots and dashes out, capitals in', () => {
    expect(normaliseNir(' 1 85 05 2a 004 123-45.')).toBe('185052A00412345');
  });

  it('must agree with the declared sex, birth year and month', () => {
    const nir = withKey('1850575056001');
    expect(nirIdentityProblems(nir, { sex: 'M', birthDate: { year: 1985, month: 5, day: 3 } })).toEqual([]);
    expect(nirIdentityProblems(nir, { sex: 'M', birthDate: { year: 1985 } })).toEqual([]);
    expect(nirIdentityProblems(nir, { sex: 'F', birthDate: { year: 1986, month: 6 } })).toEqual([
      'Le NIR ne correspond pas au sexe indiqué.',
      'Le NIR ne correspond pas à l’année de naissance.',
      'Le NIR ne correspond pas au mois de naissance.',
    ]);
    // Temporary numbers: 7 a man, 8 a woman; an unknown month in the NIR matches any month.
    expect(
      nirIdentityProblems(withKey('8852075056001'), { sex: 'F', birthDate: { year: 1985, month: 5 } }),
    ).toEqual([]);
    expect(
      nirIdentityProblems(withKey('7850575056001'), { sex: 'F', birthDate: { year: 1985 } }),
    ).toHaveLength(1);
  });

  it('is shown with its first character and key only', () => {
    expect(maskNir('255081416802538')).toBe('2 ** ** ** *** *** 38');
  });
});

describe('possible duplicates', () => {
  it('compares names without accents, case, hyphens, apostrophes or extra spaces', () => {
    expect(normaliseName('  Le-Goff ')).toBe('LE GOFF');
    expect(normaliseName('le  goff')).toBe('LE GOFF');
    expect(normaliseName('Hélène')).toBe('HELENE');
    expect(normaliseName('d’Œuvray')).toBe('D OEUVRAY');
    expect(normaliseName('N’Diaye')).toBe(normaliseName("N'DIAYE"));
  });

  it('keys an identity by birth name, first first name and birth date', () => {
    const a = { birthName: 'Le Goff', firstNames: ['Hélène', 'Marie'], birthDate: { year: 1985, month: 5 } };
    expect(identityKey(a)).toBe('LE GOFF|HELENE|1985-05-00');
    expect(identityKey({ ...a, firstNames: ['helene'] })).toBe(identityKey(a));
    expect(identityKey({ ...a, birthDate: { year: 1985, month: 5, day: 1 } })).not.toBe(identityKey(a));
    expect(identityKey({ ...a, firstNames: ['Marie', 'Hélène'] })).not.toBe(identityKey(a));
  });

  it('finds a duplicate by identity, by email, or both; none otherwise', () => {
    const existing = { identityKey: 'A|B|1985-05-00', emailKey: emailKey(' Helene@Exemple.fr ') };
    expect(duplicateReasons({ identityKey: 'A|B|1985-05-00', emailKey: null }, existing)).toEqual([
      'identity',
    ]);
    expect(duplicateReasons({ identityKey: 'X', emailKey: 'helene@exemple.fr' }, existing)).toEqual([
      'email',
    ]);
    expect(
      duplicateReasons({ identityKey: 'A|B|1985-05-00', emailKey: 'helene@exemple.fr' }, existing),
    ).toEqual(['identity', 'email']);
    expect(duplicateReasons({ identityKey: 'X', emailKey: null }, { ...existing, emailKey: null })).toEqual(
      [],
    );
  });

  it('finds a duplicate by the NIR’s keyed hash; a missing hash on either side matches nothing', () => {
    const existing = { identityKey: 'A|B|1985-05-00', emailKey: null, nirHash: 'h1' };
    expect(duplicateReasons({ identityKey: 'X', emailKey: null, nirHash: 'h1' }, existing)).toEqual(['nir']);
    expect(duplicateReasons({ identityKey: 'X', emailKey: null, nirHash: 'h2' }, existing)).toEqual([]);
    expect(
      duplicateReasons({ identityKey: 'X', emailKey: null, nirHash: null }, { ...existing, nirHash: null }),
    ).toEqual([]);
    expect(duplicateReasons({ identityKey: 'X', emailKey: null }, existing)).toEqual([]);
  });
});
