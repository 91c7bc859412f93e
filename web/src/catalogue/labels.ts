import type { BlocRule, CertificationKind, RecognitionStatus } from '../api/catalogue';

/** The French names of the catalogue's values, shared with the server (src/contracts/catalogue.ts). */
export {
  ASSESSMENT_METHOD_LABELS,
  CERTIFICATION_STATUS_LABELS,
  HABILITATION_LABELS,
  RECOGNITION_EVENT_LABELS,
  RECOGNITION_LABELS,
} from '../../../src/contracts/catalogue';

export const KIND_LABELS: Record<CertificationKind, string> = {
  CQP: 'CQP',
  CQPI: 'CQPI',
};

export const KIND_DESCRIPTIONS: Record<CertificationKind, string> = {
  CQP: 'Certificat de qualification professionnelle, créé par une branche.',
  CQPI: 'Certificat de qualification professionnelle interbranches, créé par au moins deux branches.',
};

export const RECOGNITION_ORDER: RecognitionStatus[] = ['rncp', 'rs', 'branch_only', 'none'];

export function levelLabel(level: number): string {
  return `Niveau ${level}`;
}

/** A bloc's pass rule: « Tous les critères » or « 3 critères sur 5 ». */
export function ruleLabel(rule: BlocRule, criteriaCount: number): string {
  if (rule.kind === 'all') return 'Tous les critères';
  return `${rule.n} ${rule.n > 1 ? 'critères' : 'critère'} sur ${criteriaCount}`;
}
