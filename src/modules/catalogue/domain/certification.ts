import { CERTIFICATION_KINDS, type CertificationKind } from '../../../contracts/catalogue.js';
import { type FieldError, fieldError } from '../../../platform/problem.js';
import { nsfLabel, type ReferenceLists } from '../reference.js';
import { siretProblem } from './siret.js';

export { CERTIFICATION_KINDS, type CertificationKind };

export type CertificationInput = {
  kind: CertificationKind;
  code: string;
  title: string;
  branchIds: string[];
  legalOwner: { name: string; siret: string };
  romeCodes: string[];
  nsfCodes: string[];
  formacodeCodes: string[];
  description: string;
  jobsTargeted: string;
};

/**
 * What makes a certification's identity valid beyond its shape: a CQP belongs to one
 * branch, a CQPI to at least two (docs/domain.md: interbranch); the legal owner's SIRET has a
 * valid key; every ROME, NSF and Formacode code exists in the reference lists.
 */
export function certificationProblems(input: CertificationInput, lists: ReferenceLists): FieldError[] {
  const errors: FieldError[] = [];
  const branches = new Set(input.branchIds);
  if (branches.size !== input.branchIds.length) {
    errors.push(fieldError(['branchIds'], 'Une même branche est citée deux fois.'));
  }
  if (input.kind === 'CQP' && branches.size !== 1) {
    errors.push(
      fieldError(['branchIds'], 'Un CQP est créé par une seule branche ; plusieurs branches : choisir CQPI.'),
    );
  }
  if (input.kind === 'CQPI' && branches.size < 2) {
    errors.push(fieldError(['branchIds'], 'Un CQPI est créé par au moins deux branches.'));
  }
  const siret = siretProblem(input.legalOwner.siret);
  if (siret) errors.push(fieldError(['legalOwner', 'siret'], siret));
  input.romeCodes.forEach((c, i) => {
    if (!lists.rome.has(c)) errors.push(fieldError(['romeCodes', i], `Code ROME inconnu : « ${c} ».`));
  });
  input.nsfCodes.forEach((c, i) => {
    if (!nsfLabel(lists, c)) errors.push(fieldError(['nsfCodes', i], `Code NSF inconnu : « ${c} ».`));
  });
  input.formacodeCodes.forEach((c, i) => {
    if (!lists.formacode.has(c))
      errors.push(fieldError(['formacodeCodes', i], `Formacode inconnu : « ${c} ».`));
  });
  return errors;
}
