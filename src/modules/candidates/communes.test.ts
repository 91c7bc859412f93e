import { describe, expect, it } from 'vitest';
import { codesFromJson, codesScanned, communeDirectory, communesFileText } from './communes.js';

describe('the commune list', () => {
  it('scanning the file finds exactly the codes parsing it as JSON finds (arrondissements, Corsica included)', () => {
    const text = communesFileText();
    const parsed = codesFromJson(text);
    const scanned = codesScanned(text);
    expect(scanned.size).toBeGreaterThan(30_000);
    expect([...scanned].sort()).toEqual([...parsed].sort());
    for (const code of ['69383', '75112', '13055', '2A004', '2B033']) expect(scanned.has(code)).toBe(true);
  });

  it('the directory holds the departments and communes', () => {
    const d = communeDirectory();
    expect(d.departments.has('2A')).toBe(true);
    expect(d.departments.has('971')).toBe(true);
    expect(d.communes.has('75056')).toBe(true);
  });

  it('a scan that does not find the codes (another layout) is told apart', () => {
    expect(codesScanned('[{"code": "01001"}, {"nom": "x", "chefLieu": "01002"}]')).toEqual(
      new Set(['01001']),
    );
    expect(codesScanned('{"communes":[]}').size).toBe(0);
  });
});
