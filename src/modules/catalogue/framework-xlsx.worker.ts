import { serveInWorker } from '../../platform/worker.js';
import { readFrameworkWorkbook } from './framework-xlsx.js';

/** Worker thread: parses one framework workbook (see frameworkFromXlsx). */
serveInWorker((data: Uint8Array) =>
  readFrameworkWorkbook(Buffer.from(data.buffer, data.byteOffset, data.byteLength)),
);
