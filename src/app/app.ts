import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registerAssessmentRoutes } from '../modules/candidates/assessments.routes.js';
import { assessmentsServiceFactory } from '../modules/candidates/assessments.service.js';
import { registerAwardRoutes } from '../modules/candidates/awards.routes.js';
import { awardsServiceFactory } from '../modules/candidates/awards.service.js';
import { registerBlocEquivalencesRoutes } from '../modules/candidates/bloc-equivalences.routes.js';
import { blocEquivalencesServiceFactory } from '../modules/candidates/bloc-equivalences.service.js';
import { registerCandidacyRoutes } from '../modules/candidates/candidacies.routes.js';
import { candidaciesServiceFactory } from '../modules/candidates/candidacies.service.js';
import { candidacyImportsFactory } from '../modules/candidates/candidacy-imports.js';
import { registerCandidateAdminRoutes } from '../modules/candidates/candidate-admin.routes.js';
import { registerCandidateIdentityRoutes } from '../modules/candidates/candidate-identity.routes.js';
import { candidateIdentityServiceFactory } from '../modules/candidates/candidate-identity.service.js';
import { cdcHoldersServiceFactory } from '../modules/candidates/cdc-holders.service.js';
import { communeDirectory } from '../modules/candidates/communes.js';
import { registerGridRoutes } from '../modules/candidates/grid.routes.js';
import { gridServiceFactory } from '../modules/candidates/grid.service.js';
import { invitationsServiceFactory } from '../modules/candidates/invitations.service.js';
import { registerJuryRoutes } from '../modules/candidates/juries.routes.js';
import { juriesServiceFactory } from '../modules/candidates/juries.service.js';
import { registerJuryMinutesRoutes } from '../modules/candidates/jury-minutes.routes.js';
import { invalidateMinutes, juryMinutesServiceFactory } from '../modules/candidates/jury-minutes.service.js';
import { juryNotificationsFactory } from '../modules/candidates/jury-notifications.js';
import { registerJuryRulesRoutes } from '../modules/candidates/jury-rules.routes.js';
import { juryRulesServiceFactory } from '../modules/candidates/jury-rules.service.js';
import { registerLinkablePeopleRoutes } from '../modules/candidates/linkable-people.routes.js';
import { linkablePeopleServiceFactory } from '../modules/candidates/linkable-people.service.js';
import { registerPathwayRoutes } from '../modules/candidates/pathway.routes.js';
import { pathwayServiceFactory } from '../modules/candidates/pathway.service.js';
import { personalDataServiceFactory } from '../modules/candidates/personal-data.service.js';
import { registerPositioningRoutes } from '../modules/candidates/positioning.routes.js';
import { positioningServiceFactory } from '../modules/candidates/positioning.service.js';
import { registerBranchRoutes } from '../modules/catalogue/branches.routes.js';
import { branchesServiceFactory } from '../modules/catalogue/branches.service.js';
import { registerCertificationRoutes } from '../modules/catalogue/certifications.routes.js';
import { certificationsServiceFactory } from '../modules/catalogue/certifications.service.js';
import { registerCoOwnershipRoutes } from '../modules/catalogue/co-ownership.routes.js';
import { coOwnershipServiceFactory } from '../modules/catalogue/co-ownership.service.js';
import { frameworksServiceFactory } from '../modules/catalogue/frameworks.service.js';
import { habilitationsServiceFactory } from '../modules/catalogue/habilitations.service.js';
import { organisationsServiceFactory } from '../modules/catalogue/organisations.service.js';
import { searchServiceFactory } from '../modules/catalogue/search.service.js';
import { registerCdcRoutes } from '../modules/cdc/cdc.routes.js';
import { cdcServiceFactory } from '../modules/cdc/cdc.service.js';
import { cdcRemindersFactory } from '../modules/cdc/cdc-reminders.js';
import { registerCertificateRoutes } from '../modules/credentials/certificate.routes.js';
import { certificateServiceFactory } from '../modules/credentials/certificate.service.js';
import { registerCredentialRoutes } from '../modules/credentials/credentials.routes.js';
import { credentialsServiceFactory } from '../modules/credentials/credentials.service.js';
import { registerVerificationRoutes } from '../modules/credentials/verification.routes.js';
import { verificationServiceFactory } from '../modules/credentials/verification.service.js';
import { registerEligibilityRoutes } from '../modules/eligibility/eligibility.routes.js';
import { eligibilityServiceFactory } from '../modules/eligibility/eligibility.service.js';
import { loadRulesModel } from '../modules/eligibility/rules-files.js';
import { registerIdentityRoutes } from '../modules/identity/identity.routes.js';
import { loginServiceFactory } from '../modules/identity/login.service.js';
import { oidcServiceFactory } from '../modules/identity/oidc.service.js';
import { passwordResetServiceFactory } from '../modules/identity/password-reset.service.js';
import { sessionsServiceFactory } from '../modules/identity/sessions.service.js';
import { registerUserRoutes } from '../modules/identity/users.routes.js';
import { usersServiceFactory } from '../modules/identity/users.service.js';
import { heartbeatEverySeconds } from '../modules/registry/domain/import-run.js';
import { registerRegistryRoutes } from '../modules/registry/registry.routes.js';
import { registryServiceFactory } from '../modules/registry/registry.service.js';
import {
  failRunsOfDeadProcesses,
  registryImportServiceFactory,
} from '../modules/registry/registry-import.service.js';
import { registerAuditRoutes } from '../platform/audit/audit.routes.js';
import { createEncryption } from '../platform/crypto/encryption.js';
import { type DatabaseHandle, openDatabase } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createDiskFileStore } from '../platform/files/disk.js';
import { createS3FileStore } from '../platform/files/s3.js';
import { registerHealthRoutes } from '../platform/health.routes.js';
import { createHttpServer, type HttpServer } from '../platform/http/server.js';
import { createJobs, endLeasesOfDeadProcess } from '../platform/jobs/jobs.js';
import { createMailer } from '../platform/mail.js';
import { createMailJobs } from '../platform/mail-jobs.js';
import { registerOutboxRoutes } from '../platform/mail-outbox.routes.js';
import { projectRoot } from '../platform/paths.js';
import { developmentSealKey } from '../platform/seal/development-key.js';
import { createSealer, readSealKey } from '../platform/seal/seal.js';
import { sealCertificatesStore } from '../platform/seal/seal-certificates.js';
import type { Config } from './config.js';

export const version: string = JSON.parse(
  readFileSync(path.join(projectRoot, 'package.json'), 'utf8'),
).version;

export function databaseTarget(config: Config) {
  return config.databaseUrl
    ? ({ engine: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize } as const)
    : ({ engine: 'pglite', dataDir: config.dataDir } as const);
}

/** Services, built once from their dependencies: the composition root. */
export function createServices(config: Config, handle: DatabaseHandle) {
  const { db } = handle;
  const mailer = createMailer({ db, ...config.mail });
  // Background jobs: modules define their kinds here and enqueue in their own transactions;
  // createApp starts the runner. Emails announcing a change go through `mail` (mail.send jobs).
  const jobs = createJobs({
    db,
    pollIntervalMs: config.jobs.pollIntervalMs,
    concurrency: config.jobs.concurrency,
    maxAttempts: config.jobs.maxAttempts,
    retry: {
      baseSeconds: config.jobs.retryBaseSeconds,
      maxSeconds: Math.max(6 * 3600, config.jobs.retryBaseSeconds),
    },
  });
  const mail = createMailJobs({ jobs, mailer, publicUrl: config.publicUrl });
  // Evidence files: on disk under DATA_DIR/files (shared by replicas: a shared volume), or in
  // an S3-compatible bucket (FILE_STORE=s3; uploads are checked in DATA_DIR/files/tmp first).
  const filesRoot = path.join(config.dataDir, 'files');
  const files =
    config.fileStore.kind === 's3'
      ? createS3FileStore({
          s3: config.fileStore,
          tmpDir: path.join(filesRoot, 'tmp'),
          maxBytes: config.fileMaxBytes,
        })
      : createDiskFileStore({ root: filesRoot, maxBytes: config.fileMaxBytes });
  const branches = branchesServiceFactory({ db });
  const organisations = organisationsServiceFactory({ db });
  // Modules reach each other's data through services only: identity names grant scopes with
  // the catalogue's branches and organisations; habilitations ask identity about people.
  const scopeNames = { branches: branches.namesOf, organisations: organisations.namesOf };
  const sessions = sessionsServiceFactory({
    db,
    scopeNames,
    ttlHours: config.sessionTtlHours,
    cacheSeconds: config.sessionCacheSeconds,
  });
  const passwordReset = passwordResetServiceFactory({ db, mailer, sessions, publicUrl: config.publicUrl });
  const users = usersServiceFactory({ db, scopeNames, sessions, invitations: passwordReset });
  mail.provideAddresses('user', users.mailAddressOf);
  const login = loginServiceFactory({ db, sessions, secret: config.sessionSecret });
  const oidc = config.oidc.enabled
    ? oidcServiceFactory({ db, sessions, settings: config.oidc, publicUrl: config.publicUrl })
    : undefined;
  const catalogue = {
    branches,
    organisations,
    certifications: certificationsServiceFactory({ db }),
    coOwnership: coOwnershipServiceFactory({ db }),
    frameworks: frameworksServiceFactory({ db }),
    habilitations: habilitationsServiceFactory({ db, people: users }),
    search: searchServiceFactory({ db }),
  };
  const eligibility = eligibilityServiceFactory({
    model: loadRulesModel(),
    certifications: catalogue.certifications,
    branches: catalogue.branches,
  });
  // Candidates' accounts: made and linked, then invited by email (one-time link issued at send time).
  const invitations = invitationsServiceFactory({ db, jobs, mail, users });
  mail.provideValues('candidate.invitation', passwordReset.invitationMailValues);
  const encryption = createEncryption({ current: config.dataEncryptionKey });
  const registryService = registryServiceFactory({ db, certifications: catalogue.certifications });
  const candidacies = candidaciesServiceFactory({
    db,
    encryption,
    communes: communeDirectory,
    eligibility,
    certifications: catalogue.certifications,
    frameworks: catalogue.frameworks,
    habilitations: catalogue.habilitations,
    organisations: catalogue.organisations,
    users,
    mail,
    invitations,
    linkedCorrespondences: registryService.linkedCorrespondences,
  });
  mail.provideAddresses('candidate', candidacies.mailAddressOfCandidate);
  const personalData = personalDataServiceFactory({
    db,
    encryption,
    files,
    candidacies,
    invitations,
    accounts: passwordReset,
    users,
    // The CDC module is composed further down; the purge calls this long after.
    forgetAwardHolders: (awardIds) => cdc.eraseFluxesOf(awardIds),
  });
  mail.provideValues('candidacy.enrolled', candidacies.enrolledMailValues);
  const candidateIdentity = candidateIdentityServiceFactory({ db, encryption, candidacies });
  const candidacyImports = candidacyImportsFactory({
    db,
    candidacies,
    certifications: catalogue.certifications,
    organisations: catalogue.organisations,
    linkedCorrespondences: registryService.linkedCorrespondences,
  });
  const positioning = positioningServiceFactory({
    db,
    candidacies,
    frameworks: catalogue.frameworks,
    certifications: catalogue.certifications,
    registry: registryService,
    files,
    users,
  });
  const assessments = assessmentsServiceFactory({
    db,
    candidacies,
    habilitations: catalogue.habilitations,
    users,
    certifications: catalogue.certifications,
    frameworks: catalogue.frameworks,
    mail,
  });
  mail.provideValues('assessment.scheduled', assessments.scheduledMailValues);
  const grid = gridServiceFactory({
    db,
    candidacies,
    certifications: catalogue.certifications,
    frameworks: catalogue.frameworks,
    habilitations: catalogue.habilitations,
    users,
    mail,
  });
  mail.provideValues('assessment.result_available', grid.resultMailValues);
  const linkablePeople = linkablePeopleServiceFactory({ candidacies, users });
  // Jury composition rules per branch, and a CQPI's (issue 13): read with branch names and authors.
  const juryRules = juryRulesServiceFactory({
    db,
    branches,
    certifications: catalogue.certifications,
    users,
  });
  // Equivalences between blocs of two certifications, declared by a branch (issue 13).
  const blocEquivalences = blocEquivalencesServiceFactory({
    db,
    certifications: catalogue.certifications,
    frameworks: catalogue.frameworks,
  });
  const pathway = pathwayServiceFactory({
    db,
    candidacies,
    frameworks: catalogue.frameworks,
    organisations: catalogue.organisations,
    users,
  });
  // The candidate's jury emails (result available once sealed, award revoked) and the daily
  // reminders of candidacies waiting for a jury longer than their branch's rules allow.
  const juryNotifications = juryNotificationsFactory({
    db,
    jobs,
    mail,
    certifications: catalogue.certifications,
    users,
    rulesFor: juryRules.rulesFor,
  });
  mail.provideValues('jury.outcome_available', juryNotifications.outcomeMailValues);
  mail.provideValues('award.revoked', juryNotifications.revokedMailValues);
  mail.provideValues('jury.reminder', juryNotifications.reminderMailValues);
  const awards = awardsServiceFactory({
    db,
    certifications: catalogue.certifications,
    onRevoked: juryNotifications.awardRevoked,
    // Each award created: one job signing its credential and emailing its holder (credentials).
    onCreated: (trx, awardIds) => credentials.enqueueIssue(trx, awardIds),
    linkedCorrespondences: registryService.linkedCorrespondences,
  });
  // Jury sessions: members habilitated on the date (catalogue), composition against the
  // convening branch's rules in force (jury-rules.service.ts), convocations with an ICS.
  const juries = juriesServiceFactory({
    db,
    certifications: catalogue.certifications,
    branches: catalogue.branches,
    frameworks: catalogue.frameworks,
    users,
    rulesFor: juryRules.rulesFor,
    juryMembersOn: catalogue.habilitations.juryMembersOn,
    mail,
    invalidateMinutes,
    // Corrections after the close (awards: called only once a request runs).
    awards: {
      correctIn: (...args) => awards.correctIn(...args),
      prepare: (id) => awards.prepare(id),
    },
  });
  // The platform's seal: the configured key (checked now: a wrong password stops the start), or
  // in development and tests a self-signed one made on first use under DATA_DIR/seal. Every
  // certificate it uses is recorded when the key is opened (createApp does it at start): a PDF
  // sealed before the seal's renewal still verifies as the platform's (ADR 0007).
  const seal = config.seal;
  if (seal) readSealKey(seal);
  const sealCertificates = sealCertificatesStore(db);
  const sealer = createSealer(async () => seal ?? developmentSealKey(config.dataDir), {
    onCertificate: sealCertificates.record,
  });
  const juryMinutes = juryMinutesServiceFactory({
    db,
    certifications: catalogue.certifications,
    branches: catalogue.branches,
    frameworks: catalogue.frameworks,
    users,
    sealer,
    onSealed: juryNotifications.outcomeAvailable,
  });
  mail.provideValues('jury.convocation', juries.convocationMailValues);
  mail.afterSent('jury.convocation', juries.convocationSent);
  // Verifiable credentials of awards (ADR 0007): awards through the candidates' service,
  // certifications and frameworks through the catalogue's; keys encrypted with the same
  // encryption at rest as the NIR.
  const credentials = credentialsServiceFactory({
    db,
    encryption,
    publicUrl: config.publicUrl,
    awards,
    certifications: catalogue.certifications,
    frameworks: catalogue.frameworks,
    jobs,
    mail,
  });
  mail.provideValues('award.issued', credentials.issuedMailValues);
  // Certificates and bloc attestations: drawn from the award, the catalogue and the signed
  // credential (attached inside), sealed with the platform's seal as the jury minutes are.
  const certificates = certificateServiceFactory({
    publicUrl: config.publicUrl,
    awards,
    certifications: catalogue.certifications,
    frameworks: catalogue.frameworks,
    credentials,
    sealer,
  });
  // The public verification of certificates, by code or by document (credential or sealed PDF).
  const verifications = verificationServiceFactory({
    awards,
    credentials,
    certificates,
    sealer,
    sealCertificates,
  });
  // The holders' deposits to the Caisse des Dépôts (ADR 0008): awards and holders through the
  // candidates' service, certifications and their legal owners through the catalogue's.
  const cdc = cdcServiceFactory({
    db,
    certifications: catalogue.certifications,
    holders: cdcHoldersServiceFactory({ db }),
    communes: communeDirectory,
  });
  // …and their daily reminder to the branches' managers (late, refused, due within 30 days).
  const cdcReminders = cdcRemindersFactory({
    db,
    jobs,
    mail,
    certifications: catalogue.certifications,
    users,
    cdc,
  });
  mail.provideValues('cdc.reminder', cdcReminders.reminderMailValues);
  const registry = {
    service: registryService,
    imports: registryImportServiceFactory({
      db,
      maxFileBytes: config.registryMaxFileBytes,
      afterImport: (runId) => registryService.syncAll(runId),
      staleSeconds: config.registryImportStaleSeconds,
    }),
  };
  return {
    db,
    mailer,
    jobs,
    mail,
    files,
    sessions,
    users,
    login,
    passwordReset,
    oidc,
    catalogue,
    registry,
    eligibility,
    candidacies,
    candidacyImports,
    candidateIdentity,
    positioning,
    assessments,
    grid,
    personalData,
    juries,
    juryMinutes,
    linkablePeople,
    juryRules,
    juryNotifications,
    pathway,
    awards,
    credentials,
    certificates,
    verifications,
    blocEquivalences,
    cdc,
    cdcReminders,
    sealer,
  };
}

export type Services = ReturnType<typeof createServices>;

export async function createApp(
  config: Config,
  handle: DatabaseHandle,
): Promise<{ app: HttpServer; services: Services }> {
  const services = createServices(config, handle);
  // The seal's key opened and its certificate recorded now, before anything is sealed (in a
  // transaction, on PGlite, the record would wait for it): a bad key or password stops the start.
  await services.sealer.certificate();
  const app = await createHttpServer({
    logLevel: config.logLevel,
    bodyLimitBytes: config.bodyLimitBytes,
    xlsxMaxBytes: config.xlsxMaxBytes,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    webDir: path.join(projectRoot, 'dist', 'web'),
    resolveSession: services.sessions.resolve,
    version,
  });
  registerHealthRoutes(app, handle.db);
  registerIdentityRoutes(app, {
    login: services.login,
    sessions: services.sessions,
    passwordReset: services.passwordReset,
    oidc: services.oidc,
    oidcLabel: config.oidc.label,
    secureCookies: config.publicUrl.startsWith('https:'),
  });
  registerUserRoutes(app, services.users, services.catalogue.habilitations.juryMembersFor);
  registerBranchRoutes(app, services.catalogue.branches, services.catalogue.organisations);
  registerCertificationRoutes(app, services.catalogue);
  registerCoOwnershipRoutes(app, services.catalogue.coOwnership);
  registerCandidacyRoutes(app, services.candidacies, services.candidacyImports);
  registerCandidateAdminRoutes(app, services.personalData);
  registerCandidateIdentityRoutes(app, services.candidateIdentity);
  registerPositioningRoutes(app, services.positioning);
  registerPathwayRoutes(app, services.pathway);
  registerAssessmentRoutes(app, services.assessments);
  registerAwardRoutes(app, services.awards);
  registerCredentialRoutes(app, services.credentials);
  registerCertificateRoutes(app, services.certificates);
  registerVerificationRoutes(app, { verifications: services.verifications });
  registerGridRoutes(app, services.grid, services.assessments);
  registerLinkablePeopleRoutes(app, services.linkablePeople);
  registerJuryRulesRoutes(app, services.juryRules);
  registerBlocEquivalencesRoutes(app, services.blocEquivalences);
  registerJuryRoutes(app, services.juries);
  registerJuryMinutesRoutes(app, services.juryMinutes);
  registerCdcRoutes(app, services.cdc);
  registerEligibilityRoutes(app, {
    eligibility: services.eligibility,
    ratePerMinute: config.eligibilityRateLimit,
  });
  registerRegistryRoutes(app, {
    registry: services.registry.service,
    imports: services.registry.imports,
    maxFileBytes: config.registryMaxFileBytes,
  });
  registerAuditRoutes(app, handle.db, services.users.displayNames);
  if (config.mail.transport === 'outbox' && config.env !== 'production') registerOutboxRoutes(app, handle.db);
  // A registry import whose process died (on any replica) is failed within about a minute.
  const sweep = setInterval(
    () =>
      services.registry.imports
        .failStaleRuns()
        .catch((error: unknown) => app.log.warn({ err: error }, 'stale import check failed')),
    heartbeatEverySeconds(config.registryImportStaleSeconds) * 1000,
  ).unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    // An import started by a request ends (and records its end) before the database closes;
    // so do running jobs, and no job is claimed after this.
    await Promise.all([services.registry.imports.settled(), services.jobs.stop()]);
  });
  await app.ready();
  // Background jobs (emails, reminders): every JOBS_POLL_INTERVAL_MS, JOBS_CONCURRENCY at once.
  services.jobs.start(app.log);
  // The daily reminders of candidacies waiting for a jury: today's run, which schedules the next.
  services.juryNotifications
    .scheduleReminders()
    .catch((error: unknown) => app.log.warn({ err: error }, 'jury reminders not scheduled'));
  // The daily reminders of deposits to the Caisse des Dépôts: today's run, which schedules the next.
  services.cdcReminders
    .scheduleReminders()
    .catch((error: unknown) => app.log.warn({ err: error }, 'CDC reminders not scheduled'));
  // Temporary files of uploads a dead process left behind.
  services.files
    .removeLeftovers()
    .catch((error: unknown) => app.log.warn({ err: error }, 'file store clean-up failed'));
  return { app, services };
}

/**
 * Opens the database named by the configuration and brings its schema up to date. The
 * embedded database is this process's alone (DATA_DIR/qualif.lock): a registry import still
 * running there was a dead process's, and is failed at once; a job still running there is
 * taken again by the next poll.
 */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase(databaseTarget(config));
  await migrateToLatest(handle.db);
  if (handle.engine === 'pglite') {
    await failRunsOfDeadProcesses(handle.db);
    await endLeasesOfDeadProcess(handle.db);
  }
  return handle;
}
