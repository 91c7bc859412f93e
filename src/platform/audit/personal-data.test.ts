import { describe, expect, it } from 'vitest';
import { diffOf } from './chain.js';
import { PERSONAL_VALUE, redactDiff, withoutPersonalValues } from './personal-data.js';

describe('personal data in audit diffs', () => {
  it('records a changed personal field by name only', () => {
    const diff = redactDiff(
      diffOf(
        { email: 'old@example.org', displayName: 'Ancien Nom', isActive: true },
        { email: 'new@example.org', displayName: 'Nouveau Nom', isActive: false },
      ),
    );
    expect(diff).toEqual({
      email: { changed: true },
      displayName: { changed: true },
      isActive: { before: true, after: false },
    });
  });

  it('a personal field set at creation is recorded as changed, without its value', () => {
    expect(redactDiff(diffOf(null, { email: 'a@example.org', grants: [{ role: 'candidate' }] }))).toEqual({
      email: { changed: true },
      grants: { after: [{ role: 'candidate' }] },
    });
  });

  it('an unchanged personal field is not mentioned', () => {
    expect(redactDiff(diffOf({ email: 'a@example.org', n: 1 }, { email: 'a@example.org', n: 2 }))).toEqual({
      n: { before: 1, after: 2 },
    });
  });

  it('removes personal values nested in other fields, keeping the rest', () => {
    const diff = redactDiff(
      diffOf(
        { cpneMembers: [] },
        { cpneMembers: [{ college: 'employers', personName: 'Jeanne Martin', organisationName: 'Medef' }] },
      ),
    );
    expect(diff).toEqual({
      cpneMembers: {
        before: [],
        after: [{ college: 'employers', personName: PERSONAL_VALUE, organisationName: 'Medef' }],
      },
    });
    expect(JSON.stringify(diff)).not.toContain('Jeanne');
  });

  it('keeps null and missing values as they are (no value to hide)', () => {
    expect(withoutPersonalValues({ a: { nir: null, phone: undefined, birthDate: '1990-01-01' } })).toEqual({
      a: { nir: null, phone: undefined, birthDate: PERSONAL_VALUE },
    });
    expect(withoutPersonalValues('text')).toBe('text');
    expect(withoutPersonalValues([1, { lastName: 'Dupont' }])).toEqual([1, { lastName: PERSONAL_VALUE }]);
  });
});
