import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_catalogue.js';
import * as m0003 from './0003_registry.js';
import * as m0004co from './0004_co_ownership.js';
import * as m0005 from './0005_import_heartbeat.js';
import * as m0006 from './0006_certification_status.js';
import * as m0007 from './0007_candidates.js';
import * as m0008 from './0008_jobs.js';
import * as m0009 from './0009_qualiopi_issued_on.js';
import * as m0010 from './0010_positioning.js';
import * as m0011 from './0011_assessments.js';
import * as m0012 from './0012_pathway.js';
import * as m0013 from './0013_assessment_results.js';
import * as m0014 from './0014_personal_data.js';
import * as m0015 from './0015_candidacy_list_indexes.js';
import * as m0016 from './0016_juries.js';
import * as m0017 from './0017_candidacy_list_perf.js';
import * as m0018 from './0018_mail_attachments.js';
import * as m0019 from './0019_jury_reminders.js';
import * as m0020 from './0020_award_status.js';
import * as m0021 from './0021_cdc.js';
import * as m0022 from './0022_carried_bloc_route.js';
import * as m0023 from './0023_candidate_identity_changed.js';
import * as m0024 from './0024_cdc_flux_erasure.js';
import * as m0025 from './0025_award_holder_merge.js';
import * as m0026 from './0026_seal_certificates.js';

/** Every migration, in order. Forward-only: never edit one that has shipped; add the next. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_catalogue': m0002,
  '0003_registry': m0003,
  '0004_co_ownership': m0004co,
  '0005_import_heartbeat': m0005,
  '0006_certification_status': m0006,
  '0007_candidates': m0007,
  '0008_jobs': m0008,
  '0009_qualiopi_issued_on': m0009,
  '0010_positioning': m0010,
  '0011_assessments': m0011,
  '0012_pathway': m0012,
  '0013_assessment_results': m0013,
  '0014_personal_data': m0014,
  '0015_candidacy_list_indexes': m0015,
  '0016_juries': m0016,
  '0017_candidacy_list_perf': m0017,
  '0018_mail_attachments': m0018,
  '0019_jury_reminders': m0019,
  '0020_award_status': m0020,
  '0021_cdc': m0021,
  '0022_carried_bloc_route': m0022,
  '0023_candidate_identity_changed': m0023,
  '0024_cdc_flux_erasure': m0024,
  '0025_award_holder_merge': m0025,
  '0026_seal_certificates': m0026,
};
