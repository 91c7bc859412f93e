/**
 * The registry API's resources (France compétences RNCP / RS), as the web app reads them:
 * aliases of the types generated from /openapi.json (see src/modules/registry/schemas.ts).
 */
import type { Answer, Schemas } from './types';

export type RegistryFiche = Schemas['RegistryFiche'];
export type RegistryName = RegistryFiche['registry'];
export type PartnerHabilitation = RegistryFiche['partners'][number]['habilitation'];
export type FicheAnswer = Answer<'/api/v1/registry/fiches/{numero}'>;
export type FicheSummary = Schemas['RegistryFicheSummary'];
export type ImportRun = Schemas['RegistryImportRun'];
export type RegistryStatus = Schemas['RegistryStatus'];
export type RegistryAlert = Schemas['RegistryAlert'];
export type AlertKind = RegistryAlert['kind'];
export type RegistryLink = Answer<'/api/v1/certifications/{id}/registry-links'>['items'][number];
export type { JuryRoute } from '../../../src/contracts/registry';
