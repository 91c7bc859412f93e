import { serveInWorker } from '../../platform/worker.js';
import { readFirstSheet } from './import-file.js';

/** Worker thread: reads the first sheet of a bulk enrolment workbook (see readImportFile). */
serveInWorker((data: Uint8Array) =>
  readFirstSheet(Buffer.from(data.buffer, data.byteOffset, data.byteLength)),
);
