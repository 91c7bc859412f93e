import type {
  AssessmentMethod,
  BlocRule,
  CertificationKind,
  HabilitationKind,
  RecognitionEventType,
  RecognitionStatus,
} from '../api/catalogue';

export const KIND_LABELS: Record<CertificationKind, string> = {
  CQP: 'CQP',
  CQPI: 'CQPI',
};

export const KIND_DESCRIPTIONS: Record<CertificationKind, string> = {
  CQP: 'Certificat de qualification professionnelle, créé par une branche.',
  CQPI: 'Certificat de qualification professionnelle interbranches, créé par au moins deux branches.',
};

export const RECOGNITION_LABELS: Record<RecognitionStatus, string> = {
  rncp: 'Inscrit au RNCP',
  rs: 'Inscrit au RS',
  branch_only: 'Reconnu par la branche',
  none: 'Non reconnu',
};

export const RECOGNITION_ORDER: RecognitionStatus[] = ['rncp', 'rs', 'branch_only', 'none'];

export const METHOD_LABELS: Record<AssessmentMethod, string> = {
  mise_en_situation: 'Mise en situation professionnelle',
  observation_en_situation_de_travail: 'Observation en situation de travail',
  entretien: 'Entretien',
  dossier: 'Dossier',
  qcm: 'Questionnaire (QCM)',
  etude_de_cas: 'Étude de cas',
};

export const EVENT_LABELS: Record<RecognitionEventType, string> = {
  created: 'Création par la branche (CPNE)',
  transmitted: 'Transmission à France compétences',
  rncp_registered: 'Inscription au RNCP',
  rs_registered: 'Inscription au RS',
  withdrawn: 'Retrait',
  replaced: 'Remplacement par une autre certification',
};

export const HABILITATION_LABELS: Record<HabilitationKind, string> = {
  train: 'Former',
  assess: 'Organiser les évaluations',
  train_and_assess: 'Former et organiser les évaluations',
  evaluator: 'Évaluateur·rice',
  jury_member: 'Membre de jury',
};

export function levelLabel(level: number): string {
  return `Niveau ${level}`;
}

/** A bloc's pass rule: « Tous les critères » or « 3 critères sur 5 ». */
export function ruleLabel(rule: BlocRule, criteriaCount: number): string {
  if (rule.kind === 'all') return 'Tous les critères';
  return `${rule.n} ${rule.n > 1 ? 'critères' : 'critère'} sur ${criteriaCount}`;
}
