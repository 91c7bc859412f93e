import { describe, expect, it } from 'vitest';
import { normaliseSiret, siretProblem } from './siret.js';

describe('siretProblem', () => {
  it.each([
    ['73282932000074', null],
    ['44306184100047', null],
    ['732 829 320 00074', null],
    ['35600000000010', null], // La Poste: digit sum a multiple of 5
    ['35600000000048', 'Clé de contrôle du SIRET invalide.'],
    ['73282932000075', 'Clé de contrôle du SIRET invalide.'],
    ['73282932100074', 'Le SIREN (9 premiers chiffres) a une clé de contrôle invalide.'],
    ['7328293200007', 'Un SIRET compte 14 chiffres.'],
    ['7328293200007A', 'Un SIRET compte 14 chiffres.'],
  ])('%s', (siret, expected) => {
    expect(siretProblem(siret)).toBe(expected);
  });
  it('removes spaces, tabs (as in the RNCP CSV export), dots and dashes', () => {
    expect(normaliseSiret('\t732.829-320 00074')).toBe('73282932000074');
  });
});
