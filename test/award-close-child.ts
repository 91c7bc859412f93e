/**
 * Closes one jury session through the awards service, in its own process, for
 * test/awards.test.ts to kill with SIGKILL in the middle: `node --import tsx
 * test/award-close-child.ts <juryId>` with DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite).
 * Prints `closing` when the close starts and `closed <n>` if it ends.
 */
import { createServices } from '../src/app/app.js';
import { SYSTEM_ADMIN } from '../src/platform/auth/actor.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { testConfig } from './support.js';

const juryId = process.argv[2] as string;
const url = process.env.DATABASE_URL;
const handle = url
  ? await openDatabase({ engine: 'postgres', url, poolSize: 2 })
  : await openDatabase({ engine: 'pglite', dataDir: process.env.DATA_DIR });
const services = createServices(testConfig(), handle);
process.stdout.write('closing\n');
const { awards } = await services.awards.close(juryId, SYSTEM_ADMIN, 'kill-test');
process.stdout.write(`closed ${awards.length}\n`);
await handle.close();
