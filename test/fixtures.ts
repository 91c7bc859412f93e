import path from 'node:path';
import { projectRoot } from '../src/platform/paths.js';

/** Sample files of France compétences' RNCP / RS export, in the repository (reference/README.md). */
const REGISTRY_SAMPLES = path.join(projectRoot, 'reference', 'registry');

/** 12 real RNCP fiches, XML flux V4.1 (also imported by the demo seeding). */
export const RNCP_XML_FIXTURE = path.join(REGISTRY_SAMPLES, 'export_fiches_RNCP_fixture.xml');

/** A real excerpt of the CSV export (RNCP and RS fiches), zipped as France compétences ships it. */
export const RNCP_CSV_ZIP_SAMPLE = path.join(REGISTRY_SAMPLES, 'export-fiches-csv-2024-02-22.sample.zip');
