import { type Config, loadConfig } from '../src/app/config.js';

/** The tests' settings: development defaults, silent logs, a fixed session secret. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...overrides,
  });
}
