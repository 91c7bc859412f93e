/**
 * What the audit trail records, in words: every action code the server writes
 * (`recordAudit` accepts only these) and every kind of object, with its French label, shared
 * by the server and the web app's journal. A new action is named here first. Pure code.
 */
export const AUDIT_ACTION_LABELS = {
  'user.create': 'Compte créé',
  'user.invite': 'Invitation envoyée',
  'user.grants_update': 'Rôles et périmètres modifiés',
  'user.deactivate': 'Compte désactivé',
  'user.reactivate': 'Compte réactivé',
  'user.password_reset': 'Mot de passe réinitialisé',
  'user.demo_password_set': 'Mot de passe de démonstration défini',
  'session.open': 'Connexion',
  'session.revoke': 'Session fermée',
  'branch.create': 'Branche créée',
  'branch.update': 'Branche modifiée',
  'organisation.create': 'Organisation enregistrée',
  'organisation.update': 'Organisation modifiée',
  'certification.create': 'Certification créée',
  'certification.update': 'Certification modifiée',
  'certification.activate': 'Certification mise au catalogue',
  'certification.retire': 'Certification retirée du catalogue',
  'certification.recognition_event.add': 'Événement de reconnaissance ajouté',
  'certification.recognition_event.delete': 'Événement de reconnaissance supprimé',
  'certification.recognition_event.replace': 'Événement de reconnaissance remplacé',
  'certification.registry_link.add': 'Fiche du registre liée',
  'certification.registry_link.remove': 'Fiche du registre déliée',
  'certification.co_ownership.accept': 'Copropriété acceptée',
  'certification.co_ownership.decline': 'Copropriété refusée',
  'framework_version.create': 'Version de référentiel créée',
  'framework_version.edit': 'Version de référentiel modifiée',
  'framework_version.publish': 'Version de référentiel publiée',
  'habilitation.create': 'Habilitation accordée',
  'habilitation.delete': 'Habilitation retirée',
  'registry.import': 'Import du registre',
  'registry.import.interrupted': 'Import du registre interrompu',
  'registry.alert.apply': 'Alerte du registre appliquée',
  'registry.alert.dismiss': 'Alerte du registre écartée',
  'candidate.create': 'Candidat·e enregistré·e',
  'candidate.account_link': 'Compte du candidat ou de la candidate relié',
  'candidate.invite': 'Invitation à créer son compte envoyée au candidat ou à la candidate',
  'candidate.merge': 'Doublon fusionné dans ce dossier de candidat·e',
  'candidate.identity_update': 'Identité du candidat ou de la candidate corrigée',
  'candidate.export': 'Données personnelles exportées',
  'candidate.anonymise': 'Identité anonymisée (fin de la durée de conservation)',
  'candidacy.create': 'Candidature enregistrée (inscription)',
  'candidacy.transition': 'Étape du parcours changée',
  'candidacy.transfer': 'Parcours transféré vers un autre organisme',
  'candidacy.import': 'Inscriptions en nombre importées (fichier)',
  'positioning.self': 'Auto-positionnement du candidat ou de la candidate',
  'positioning.decide': 'Positionnement décidé par l’organisme',
  'positioning.carry_bloc': 'Bloc acquis antérieurement reporté',
  'positioning.uncarry_bloc': 'Report d’un bloc acquis antérieurement retiré',
  'positioning.evidence_add': 'Pièce justificative ajoutée au positionnement',
  'positioning.evidence_delete': 'Pièce justificative supprimée du positionnement',
  'candidacy.links_update': 'Liens avec le candidat ou la candidate modifiés (conflits d’intérêts)',
  'assessment.schedule': 'Évaluation programmée',
  'assessment.edit': 'Évaluation déplacée',
  'assessment.cancel': 'Évaluation annulée',
  'assessment.sign': 'Résultat d’évaluation signé',
  'assessment.correct': 'Correction d’un résultat d’évaluation ouverte',
  'pathway.generate': 'Parcours individualisé proposé à partir du positionnement',
  'pathway.update': 'Parcours individualisé modifié',
  'pathway.acknowledge': 'Parcours individualisé pris en compte (candidat·e ou employeur)',
  'jury.create': 'Session de jury convoquée',
  'jury.attendance': 'Présence des membres du jury enregistrée',
  'jury.decision': 'Décision du jury enregistrée',
  'jury.decision_correct': 'Décision du jury corrigée (nouvelle décision)',
  'jury.minutes_generate': 'Procès-verbal du jury généré',
  'jury.minutes_sign': 'Procès-verbal du jury signé (empreinte SHA-256)',
  'jury.minutes_seal': 'Procès-verbal du jury scellé avec le cachet de la plateforme',
  'jury_rules.create': 'Nouvelle version des règles de jury',
  'jury_rules.accept': 'Règles de jury d’un CQPI acceptées par une branche',
  'jury.close': 'Session de jury close (attestations créées)',
  'award.revoke': 'Attestation retirée',
  'award.suspend': 'Attestation suspendue',
  'award.reinstate': 'Attestation rétablie après suspension',
  'credentials.rotate_key': 'Nouvelle clé de signature des attestations vérifiables',
  'bloc_equivalence.create': 'Équivalence de blocs déclarée',
  'bloc_equivalence.delete': 'Équivalence de blocs retirée',
  'cdc_certifier.configure': 'Paramètres CDC d’un certificateur enregistrés',
  'cdc_deposit.create': 'Lot de dépôt à la Caisse des Dépôts créé (flux validé)',
  'cdc_deposit.report': 'Rapport de traitement de la Caisse des Dépôts importé',
  'cdc_deposit.erase_flux': 'Flux d’un dépôt effacé (un titulaire anonymisé)',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** The kinds of object audit rows are about (`entity_type`), with their French names. */
export const AUDIT_ENTITY_LABELS = {
  user: 'Compte',
  session: 'Session',
  branch: 'Branche',
  organisation: 'Organisation',
  certification: 'Certification',
  framework_version: 'Version de référentiel',
  habilitation: 'Habilitation',
  registry_import_run: 'Import du registre',
  registry_alert: 'Alerte du registre',
  candidate: 'Candidat·e',
  candidacy: 'Parcours',
  jury_rules: 'Règles de jury',
  award: 'Attestation',
  issuer_key: 'Clé de signature des attestations vérifiables',
  jury: 'Session de jury',
  bloc_equivalence: 'Équivalence de blocs',
  cdc_certifier: 'Certificateur (CDC)',
  cdc_deposit: 'Dépôt à la Caisse des Dépôts',
} as const satisfies Record<string, string>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS) as AuditEntityType[];

/** The label of an action code; a code written before its label existed is shown as it is. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function auditEntityLabel(type: string): string {
  return (AUDIT_ENTITY_LABELS as Record<string, string>)[type] ?? type;
}
