import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { projectRoot } from '../../src/platform/paths.js';

/**
 * Browser tests drive Debian's Chromium through playwright-core (no browser download).
 * Without Chromium they are skipped with a message saying how to install it, unless
 * E2E=required (as in .ci/run), where a missing browser is a failure.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(chromiumPath);
export const webBuilt = existsSync(path.join(projectRoot, 'dist', 'web', 'index.html'));

if (!browserAvailable) {
  const message = `Chromium not found at ${chromiumPath}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`;
  if (process.env.E2E === 'required') throw new Error(`E2E=required but ${message}`);
  console.warn(`SKIPPED browser tests: ${message}`);
}
if (browserAvailable && !webBuilt) {
  throw new Error(
    'The web app is not built: run `npm run build:web` (npm test does it) before the browser tests.',
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const screenshotDir = path.join(projectRoot, 'test-results');
