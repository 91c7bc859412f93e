import { describe, expect, it } from 'vitest';
import { referenceLists } from '../reference.js';
import { type CertificationInput, certificationProblems } from './certification.js';

const base: CertificationInput = {
  kind: 'CQP',
  code: 'CQP-APS',
  title: 'Agent de prévention et de sécurité',
  branchIds: ['b1'],
  legalOwner: { name: 'Association paritaire', siret: '73282932000074' },
  romeCodes: ['K2503'],
  nsfCodes: ['344t'],
  formacodeCodes: ['42829'],
  description: '',
  jobsTargeted: '',
};
const fields = (input: CertificationInput) =>
  certificationProblems(input, referenceLists()).map((e) => e.field);

describe('certificationProblems', () => {
  it('accepts a valid CQP', () => {
    expect(certificationProblems(base, referenceLists())).toEqual([]);
  });
  it('a CQPI needs at least two branches', () => {
    expect(fields({ ...base, kind: 'CQPI' })).toEqual(['branchIds']);
    expect(fields({ ...base, kind: 'CQPI', branchIds: ['b1', 'b2'] })).toEqual([]);
  });
  it('a CQP has exactly one branch', () => {
    expect(fields({ ...base, branchIds: ['b1', 'b2'] })).toEqual(['branchIds']);
    expect(fields({ ...base, branchIds: [] })).toEqual(['branchIds']);
  });
  it('refuses a branch cited twice', () => {
    expect(fields({ ...base, kind: 'CQPI', branchIds: ['b1', 'b1'] })).toEqual(['branchIds', 'branchIds']);
  });
  it('names each unknown code and a bad SIRET', () => {
    expect(
      fields({
        ...base,
        legalOwner: { name: 'X', siret: '12345678901234' },
        romeCodes: ['K2503', 'Z9999'],
        nsfCodes: ['999'],
        formacodeCodes: ['00000'],
      }),
    ).toEqual(['legalOwner.siret', 'romeCodes.1', 'nsfCodes.0', 'formacodeCodes.0']);
  });
});
