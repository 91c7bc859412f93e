import { describe, expect, it } from 'vitest';
import { normaliseIdcc, nsfLabel, referenceLists } from './reference.js';

describe('reference lists', () => {
  const lists = referenceLists();
  it('hold the shipped lists', () => {
    expect(lists.rome.size).toBe(1584);
    expect(lists.formacode.size).toBe(2775);
    expect(lists.idcc.size).toBe(610);
    expect(lists.nsfGroups.size).toBe(93);
  });
  it('know real codes', () => {
    expect(lists.rome.get('K2503')).toMatch(/sécurité/i);
    expect(lists.rome.get('N1103')).toMatch(/magasinier|préparateur/i);
    expect(lists.idcc.get('1351')).toMatch(/prévention et (de )?sécurité/i);
    expect(lists.formacode.get('15054')).toBe('Développement professionnel et personnel');
  });
  it('read NSF specialties with their letters', () => {
    expect(nsfLabel(lists, '311')).toBeDefined();
    expect(nsfLabel(lists, '311m')).toMatch(/—/);
    expect(nsfLabel(lists, '999')).toBeUndefined();
    expect(nsfLabel(lists, '311y')).toBeUndefined();
    expect(nsfLabel(lists, '31')).toBeUndefined();
  });
  it('pads IDCC numbers', () => {
    expect(normaliseIdcc('16')).toBe('0016');
    expect(normaliseIdcc(' 1351 ')).toBe('1351');
    expect(normaliseIdcc('ABC')).toBe('ABC');
  });
});
